/* The cycle on the command line: cycle, proposal, review, publish, press.
 * Every step takes its date (--date, default today) and asks nothing, so
 * that a whole cycle can run from a script. */
#include "cli/cli.h"

#include "store/backup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/auth.h"
#include "store/backup.h"
#include "domain/cycle.h"
#include "base/i18n.h"
#include "domain/press.h"
#include "domain/proposals.h"
#include "domain/review.h"
#include "base/text.h"
#include "base/safefile.h"
#include "store/refdata.h"
#include "store/seal.h"

/* Arguments: "--key value" pairs and the words between them. */
#define MAX_ARGS 48
struct args {
	const char *key[MAX_ARGS], *val[MAX_ARGS];
	int n;
	const char *word[8];
	int nwords;
};

static int parse(int argc, char **argv, int from, struct args *a, const char *flags)
{
	memset(a, 0, sizeof *a);
	for (int i = from; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) || !argv[i][2]) {
			if (a->nwords == 8)
				goto many;
			a->word[a->nwords++] = argv[i];
			continue;
		}
		if (a->n == MAX_ARGS)
			goto many;
		const char *k = argv[i] + 2;
		a->key[a->n] = k;
		/* A flag takes no value. */
		char pat[40];
		snprintf(pat, sizeof pat, " %s ", k);
		if (flags && strstr(flags, pat)) {
			a->val[a->n++] = "";
			continue;
		}
		if (i + 1 >= argc) {
			cli_error(_("%s: --%s needs a value"), argv[0], k);
			return -1;
		}
		a->val[a->n++] = argv[++i];
	}
	return 0;
many:
	cli_error(_("%s: too many arguments"), argv[0]);
	return -1;
}

static const char *get(const struct args *a, const char *k)
{
	const char *v = NULL;
	for (int i = 0; i < a->n; i++)
		if (!strcmp(a->key[i], k))
			v = a->val[i];
	return v;
}

/* Refuses an option the command does not know (allowed: " a b c "). */
static int only(const char *cmd, const struct args *a, const char *allowed)
{
	for (int i = 0; i < a->n; i++) {
		char pat[40];
		snprintf(pat, sizeof pat, " %s ", a->key[i]);
		if (!strstr(allowed, pat)) {
			cli_error(_("%s: unknown option --%s (see tizilim --help)"), cmd, a->key[i]);
			return -1;
		}
	}
	return 0;
}

static int date_opt(const char *cmd, const struct args *a, tz_day *d)
{
	const char *s = get(a, "date");
	if (!s) {
		*d = cal_today();
		return 0;
	}
	if (cal_parse(s, d)) {
		cli_error(_("%s: \"%s\" is not a date (YYYY-MM-DD)"), cmd, s);
		return -1;
	}
	return 0;
}

static int64_t id_word(const char *cmd, const struct args *a)
{
	char *end;
	long long id = a->nwords ? strtoll(a->word[0], &end, 10) : 0;
	if (!a->nwords || *end || id <= 0) {
		cli_error(_("%s: give the proposal's number"), cmd);
		return 0;
	}
	return id;
}

static const char *body_label(tz_db *db, int64_t id, char *buf, size_t len)
{
	ref_body(db, id, REF_CODE, NULL, buf, len, "?");
	return buf;
}

static int refused(const char *cmd, const char *err)
{
	cli_error("%s: %s", cmd, err);
	return EXIT_DATA;
}

static void print_problems(const struct problems *p)
{
	for (int i = 0; i < p->n; i++) {
		char msg[1024];
		printf("  %s: %s\n", p->item[i].field, text_escape(msg, sizeof msg, p->item[i].msg, 0));
	}
}

/* ---- cycle -------------------------------------------------------------- */

static int print_cycle(void *ctx, const struct cycle *c)
{
	(void)ctx;
	char t[64], a[128];
	printf("%s %-12s", text_pad(a, sizeof a, cycle_title(c, t, sizeof t), 16),
	       c->state[0] ? c->state : "-");
	if (c->council_sub[0])
		printf(_("  to the Council %s"), c->council_sub);
	if (c->council_rec[0]) {
		char proto[256];
		printf(_("  recommendations %s (protocol %s)"), c->council_rec,
		       text_escape(proto, sizeof proto, c->protocol, 0));
	}
	if (c->placed[0])
		printf(_("  placed %s"), c->placed);
	putchar('\n');
	return 0;
}

static int64_t cycle_args(tz_db *db, const char *cmd, const struct args *a, int w)
{
	if (a->nwords < w + 2)
		return cycle_current(db) ? cycle_current(db) : (cli_error(_("%s: no cycle is open"), cmd), 0);
	enum dl_season s;
	int year = atoi(a->word[w]);
	if (cycle_season_parse(a->word[w + 1], &s)) {
		cli_error(_("%s: \"%s\" is not a season: spring or autumn"), cmd, a->word[w + 1]);
		return 0;
	}
	int64_t id = cycle_find(db, year, s);
	if (!id)
		cli_error(_("%s: there is no cycle %d %s"), cmd, year, a->word[w + 1]);
	return id;
}

int cmd_cycle(tz_db *db, int argc, char **argv)
{
	struct args a;
	const char *sub = argc > 1 ? argv[1] : "list";
	if (parse(argc, argv, 2, &a, NULL))
		return EXIT_USAGE;
	char err[512] = "", t[64];
	tz_day d;
	int late = 0;
	if (!strcmp(sub, "list")) {
		return cycle_each(db, print_cycle, NULL) < 0 ? EXIT_DATA : EXIT_OK;
	} else if (!strcmp(sub, "open")) {
		enum dl_season s;
		char *end;
		long y = a.nwords == 2 ? strtol(a.word[0], &end, 10) : 0;
		if (a.nwords != 2 || *end || cycle_season_parse(a.word[1], &s) || only("cycle open", &a, " ")) {
			cli_error(_("cycle open: give the year and the season: cycle open 2027 spring"));
			return EXIT_USAGE;
		}
		if (!cycle_open(db, (int)y, s, err, sizeof err))
			return refused("cycle open", err);
		struct cycle c;
		cycle_load(db, cycle_find(db, (int)y, s), &c);
		printf(_("Cycle %s opened.\n"), cycle_title(&c, t, sizeof t));
		return EXIT_OK;
	} else if (!strcmp(sub, "show")) {
		int64_t id = cycle_args(db, "cycle show", &a, 0);
		struct cycle c;
		if (!id || cycle_load(db, id, &c))
			return EXIT_USAGE;
		print_cycle(NULL, &c);
		tz_calendar *cal = cal_load(db);
		struct dl_cycle dl;
		if (!cal)
			return EXIT_DATA;
		cycle_deadlines(db, cal, &c, &dl);
		for (int i = 0; i < DL_NSTEPS; i++) {
			char due[11], cl[32], clp[64], what[512];
			snprintf(cl, sizeof cl, _("cl. %s"), dl.items[i].clause);
			printf("  %s %s %s\n", text_pad(clp, sizeof clp, cl, 8),
			       text_pad(what, sizeof what, _(dl.items[i].what), 44),
			       dl.items[i].due >= 0 ? cal_format(dl.items[i].due, due) : "-");
		}
		cal_free(cal);
		return EXIT_OK;
	} else if (!strcmp(sub, "council-submit")) {
		if (only("cycle council-submit", &a, " date ") || a.nwords || date_opt("cycle council-submit", &a, &d))
			return EXIT_USAGE;
		if (cycle_council_submit(db, d, &late, err, sizeof err))
			return refused("cycle council-submit", err);
		printf(_("The draft register went to the National Council on %s.\n"), cal_format(d, t));
		if (late)
			printf("%s\n", _("Late: after the deadline of cl. 10."));
		return EXIT_OK;
	} else if (!strcmp(sub, "recommendations")) {
		if (only("cycle recommendations", &a, " date protocol return comment ") || a.nwords ||
		    date_opt("cycle recommendations", &a, &d))
			return EXIT_USAGE;
		const char *ret[MAX_ARGS];
		int nret = 0, undone = 0;
		for (int i = 0; i < a.n; i++)
			if (!strcmp(a.key[i], "return"))
				ret[nret++] = a.val[i];
		if (nret && !get(&a, "comment")) {
			cli_error(_("cycle recommendations: say why the Council returned changes (--comment)"));
			return EXIT_USAGE;
		}
		if (cycle_recommendations(db, d, get(&a, "protocol"), ret, nret, get(&a, "comment"), &undone,
		                          err, sizeof err))
			return refused("cycle recommendations", err);
		tz_calendar *cal = cal_load(db);
		char due[11];
		printf(_("The Council's recommendations of %s are recorded; %d returned changes undone.\n"),
		       cal_format(d, t), undone);
		if (cal) {
			printf(_("The register is to be placed by %s (cl. 11).\n"), cal_format(cal_add_workdays(cal, d, 10), due));
			cal_free(cal);
		}
		return EXIT_OK;
	}
	cli_error(_("cycle: unknown step \"%s\" (see tizilim --help)"), sub);
	return EXIT_USAGE;
}

int cmd_publish(tz_db *db, int argc, char **argv)
{
	struct args a;
	tz_day d;
	if (parse(argc, argv, 1, &a, " no-backup ") || only("publish", &a, " date no-backup ") ||
	    a.nwords || date_opt("publish", &a, &d))
		return EXIT_USAGE;
	char err[512], t[11], due[11];
	int late;
	/* Every check first: a refused publication leaves no backup behind. */
	if (cycle_publish_check(db, d, err, sizeof err))
		return refused("publish", err);
	/* Publication is the one step that cannot be taken back: keep a copy. */
	if (!get(&a, "no-backup")) {
		char path[4096];
		if (backup_before_publish(db, path, sizeof path, err, sizeof err))
			return refused("publish", err);
		printf(_("Backup taken before publishing: %s\n"), path);
	}
	if (cycle_publish(db, d, &late, err, sizeof err))
		return refused("publish", err);
	int64_t v = press_version(db);
	printf(_("Register version %lld is published, placed on %s; a new draft starts from it.\n"),
	       (long long)v, cal_format(d, t));
	char seal[SEAL_HEX_LEN];
	if (seal_recorded(db, v, seal) == 1)
		printf(_("Seal of version %lld (SHA-256 of its rows in Kazakh and Russian): %s\n"),
		       (long long)v, seal);
	cli_print_head(db);
	if (late)
		printf("%s\n", _("Late: more than 10 working days after the Council's recommendations (cl. 11)."));
	tz_day pd = press_due(db, v);
	if (pd >= 0)
		printf(_("The press release is due by %s (cl. 12).\n"), cal_format(pd, due));
	return EXIT_OK;
}

/* ---- proposal ----------------------------------------------------------- */

#define FIELDS " body action section code levels validity profile basis-kk basis-ru safety-kk " \
	"safety-ru demand-kk demand-ru standard-kk standard-ru legal-act-kk legal-act-ru association "

static void set_text(char **field, const char *v)
{
	if (v)
		reg_row_set(field, v);
}

/* The fields given (in a --from file first, then on the command line) over
 * what the proposal holds.  0, or an exit status. */
static int fill(tz_db *db, const char *cmd, const struct args *a, struct proposal *p)
{
	struct args f;
	memset(&f, 0, sizeof f);
	char *buf = NULL;
	const char *from = get(a, "from");
	if (from) {
		FILE *in = userfile_read(from, "r");
		if (!in) {
			cli_error(_("%s: cannot read %s"), cmd, from);
			return EXIT_DATA;
		}
		size_t cap = 0;
		char *line = NULL;
		int lineno = 0;
		/* key=value lines; the values live in buf until the end. */
		size_t used = 0;
		buf = malloc(65536);
		ssize_t len;
		while (buf && (len = getline(&line, &cap, in)) > 0) {
			lineno++;
			while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
				line[--len] = 0;
			if (!len || line[0] == '#')
				continue;
			char *eq = strchr(line, '=');
			char pat[40];
			snprintf(pat, sizeof pat, " %.*s ", eq ? (int)(eq - line) : 0, line);
			if (!eq || !strstr(FIELDS, pat) || f.n == MAX_ARGS || used + (size_t)len + 2 > 65536) {
				cli_error(_("%s: %s, line %d: expected key=value with a proposal's field (%s)"),
				          cmd, from, lineno, line);
				free(line);
				free(buf);
				fclose(in);
				return EXIT_USAGE;
			}
			memcpy(buf + used, line, (size_t)len + 1);
			buf[used + (size_t)(eq - line)] = 0;
			f.key[f.n] = buf + used;
			f.val[f.n++] = buf + used + (eq - line) + 1;
			used += (size_t)len + 1;
		}
		free(line);
		fclose(in);
	}
	for (int i = 0; i < a->n && f.n < MAX_ARGS; i++) {
		f.key[f.n] = a->key[i];
		f.val[f.n++] = a->val[i];
	}
	int rc = 0;
	const char *v;
	if ((v = get(&f, "body")) && !(p->body_id = p->row.body_id = proposals_body(db, v))) {
		cli_error(_("%s: no sectoral body \"%s\""), cmd, v);
		rc = EXIT_USAGE;
	}
	if ((v = get(&f, "action")))
		snprintf(p->action, sizeof p->action, "%s", v);
	if ((v = get(&f, "section")))
		snprintf(p->row.section, sizeof p->row.section, "%s", v);
	if ((v = get(&f, "code")))
		snprintf(p->row.nkz_code, sizeof p->row.nkz_code, "%s", v);
	if ((v = get(&f, "profile")))
		snprintf(p->row.profile, sizeof p->row.profile, "%s",
		         !strcmp(v, "т") ? "t" : (!strcmp(v, "әг") || !strcmp(v, "сг")) ? "sg" : v);
	if ((v = get(&f, "validity"))) {
		char *end;
		long n = strtol(v, &end, 10);
		if (!strcmp(v, "none") || !strcmp(v, "unlimited"))
			p->row.validity = 0;
		else if (*end || n < 0 || n > 99) {
			cli_error(_("%s: validity \"%s\": give years from 1 to 99, or none"), cmd, v);
			rc = EXIT_USAGE;
		} else
			p->row.validity = (int)n;
	}
	if ((v = get(&f, "levels"))) {
		p->nlevels = 0;
		for (const char *s = v; *s && p->nlevels < TZ_MAX_LEVELS;) {
			size_t n = strcspn(s, ", ");
			if (n)
				snprintf(p->levels[p->nlevels++], sizeof p->levels[0], "%.*s", (int)n, s);
			s += n + (s[n] != 0);
		}
	}
	if ((v = get(&f, "association"))) {
		sqlite3_stmt *st = db_prep(db, "SELECT id FROM association WHERE id = CAST(:a AS INTEGER)");
		db_text(st, ":a", v);
		p->association_id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (!p->association_id) {
			cli_error(_("%s: no employer association %s"), cmd, v);
			rc = EXIT_USAGE;
		}
	}
	set_text(&p->row.basis_kk, get(&f, "basis-kk"));
	set_text(&p->row.basis_ru, get(&f, "basis-ru"));
	set_text(&p->safety_kk, get(&f, "safety-kk"));
	set_text(&p->safety_ru, get(&f, "safety-ru"));
	set_text(&p->demand_kk, get(&f, "demand-kk"));
	set_text(&p->demand_ru, get(&f, "demand-ru"));
	set_text(&p->standard_kk, get(&f, "standard-kk"));
	set_text(&p->standard_ru, get(&f, "standard-ru"));
	set_text(&p->legal_act_kk, get(&f, "legal-act-kk"));
	set_text(&p->legal_act_ru, get(&f, "legal-act-ru"));
	free(buf);
	return rc;
}

struct list_ctx { tz_db *db; int n; };

static int print_proposal(void *ctx, const struct proposal_rec *r)
{
	struct list_ctx *l = ctx;
	char body[64], lv[64] = "", code[64], lve[256], name[1024];
	for (int i = 0; i < r->pr.nlevels; i++)
		snprintf(lv + strlen(lv), sizeof lv - strlen(lv), "%s%s", i ? "," : "", r->pr.levels[i]);
	printf("%4lld  %-10s %-12s %-8s %-10s %-8s %s", (long long)r->pr.id, r->state,
	       body_label(l->db, r->pr.body_id, body, sizeof body), r->pr.action,
	       text_escape(code, sizeof code, r->pr.row.nkz_code, 0), text_escape(lve, sizeof lve, lv, 0),
	       text_escape(name, sizeof name, i18n_pick(r->pr.row.name_kk, r->pr.row.name_ru), 0));
	if (r->round > 1)
		printf(_("  (round %d)"), r->round);
	if (r->late)
		printf("  %s", _("LATE"));
	putchar('\n');
	l->n++;
	return 0;
}

static int print_event(void *ctx, const struct proposal_event *e)
{
	(void)ctx;
	char login[256], comment[1024];
	printf("  %s  %d  %-12s %-10s %s%s\n", e->date, e->round, e->event,
	       text_escape(login, sizeof login, e->login, 0), text_escape(comment, sizeof comment, e->comment, 0),
	       e->late ? _("  LATE") : "");
	return 0;
}

static int proposal_show(tz_db *db, int64_t id)
{
	struct proposal_rec r;
	if (proposals_load(db, id, &r)) {
		cli_error(_("proposal: there is no proposal %lld"), (long long)id);
		return EXIT_DATA;
	}
	struct list_ctx l = {db, 0};
	print_proposal(&l, &r);
	printf("  %s: %s\n", _("state"), proposals_state_label(r.state));
	proposals_history(db, id, print_event, NULL);
	sqlite3_stmt *st = db_prep(db, "SELECT received, due, text_kk, text_ru, coalesce(resolved, '') "
	                               "FROM remark WHERE proposal_id = :id ORDER BY id");
	db_int(st, ":id", id);
	while (db_step(db, st) == SQLITE_ROW) {
		char text[2048];
		printf(_("  remarks received %s, rework due %s%s: %s\n"), db_col_text(st, 0), db_col_text(st, 1),
		       *db_col_text(st, 4) ? _(" (reworked)") : "",
		       text_escape(text, sizeof text, i18n_pick(db_col_text(st, 2), db_col_text(st, 3)), 0));
	}
	sqlite3_finalize(st);
	proposal_rec_free(&r);
	return EXIT_OK;
}

static int64_t body_opt(tz_db *db, const char *cmd, const struct args *a)
{
	const char *b = get(a, "body");
	int64_t id = b ? proposals_body(db, b) : 0;
	if (!id)
		cli_error(_("%s: name the sectoral body: --body CODE"), cmd);
	return id;
}

static int proposal_apply(tz_db *db, const struct args *a)
{
	char err[512];
	int64_t ids[512];
	int n = 0;
	if (get(a, "all")) {
		int64_t cyc = cycle_forming(db);
		sqlite3_stmt *st = db_prep(db, "SELECT id FROM proposal WHERE state = 'accepted' AND cycle_id = :c ORDER BY id");
		db_int(st, ":c", cyc);
		while (n < 512 && db_step(db, st) == SQLITE_ROW)
			ids[n++] = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	} else if ((ids[0] = id_word("proposal apply", a))) {
		n = 1;
	} else {
		return EXIT_USAGE;
	}
	int rc = EXIT_OK;
	for (int i = 0; i < n; i++) {
		struct problems p = {0};
		if (proposals_apply(db, ids[i], &p, err, sizeof err)) {
			cli_error(_("proposal apply: proposal %lld: %s"), (long long)ids[i], err);
			print_problems(&p);
			rc = EXIT_DATA;
			continue;
		}
		printf(_("Proposal %lld is applied to the draft register.\n"), (long long)ids[i]);
	}
	if (!n)
		printf("%s\n", _("No accepted proposal waits to be applied."));
	return rc;
}

int cmd_proposal(tz_db *db, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "list";
	struct args a;
	if (parse(argc, argv, 2, &a, " all "))
		return EXIT_USAGE;
	char err[512] = "", t[11], cmd[48];
	snprintf(cmd, sizeof cmd, "proposal %s", sub);
	tz_day d;
	if (date_opt(cmd, &a, &d))
		return EXIT_USAGE;
	int64_t id = 0;
	int n = 0, late = 0;
	if (!strcmp(sub, "list")) {
		if (only(cmd, &a, " body "))
			return EXIT_USAGE;
		int64_t cyc = cycle_args(db, cmd, &a, 0), body = get(&a, "body") ? body_opt(db, cmd, &a) : 0;
		if (!cyc || (get(&a, "body") && !body))
			return EXIT_USAGE;
		struct list_ctx l = {db, 0};
		proposals_each(db, cyc, body, print_proposal, &l);
		return EXIT_OK;
	}
	if (!strcmp(sub, "add") || !strcmp(sub, "edit")) {
		if (only(cmd, &a, FIELDS "from "))
			return EXIT_USAGE;
		struct proposal_rec r;
		memset(&r, 0, sizeof r);
		r.pr.row.validity = -1;
		if (sub[0] == 'e') {
			if (!(id = id_word(cmd, &a)))
				return EXIT_USAGE;
			if (proposals_load(db, id, &r)) {
				cli_error(_("%s: there is no proposal %lld"), cmd, (long long)id);
				return EXIT_DATA;
			}
		} else if (!(r.pr.cycle_id = cycle_current(db))) {
			cli_error(_("%s: no cycle is open (cycle open YEAR SEASON)"), cmd);
			return EXIT_DATA;
		}
		int rc = fill(db, cmd, &a, &r.pr);
		if (!rc && sub[0] == 'a' && (!r.pr.body_id || !r.pr.action[0] || !r.pr.row.section[0] ||
		                             !r.pr.row.nkz_code[0])) {
			cli_error(_("%s: give at least --body, --action, --section and --code"), cmd);
			rc = EXIT_USAGE;
		}
		if (!rc && proposals_save(db, &r, err, sizeof err))
			rc = refused(cmd, err);
		if (!rc)
			printf(sub[0] == 'a' ? _("Proposal %lld added.\n") : _("Proposal %lld saved.\n"), (long long)r.pr.id);
		proposal_rec_free(&r);
		return rc;
	}
	if (!strcmp(sub, "agree") || !strcmp(sub, "submit")) {
		int64_t body = body_opt(db, cmd, &a), cyc = cycle_args(db, cmd, &a, 0);
		if (only(cmd, &a, sub[0] == 'a' ? " body date protocol " : " body date ") || !body || !cyc)
			return EXIT_USAGE;
		if (sub[0] == 'a') {
			if (proposals_agree(db, cyc, body, d, get(&a, "protocol"), &n, err, sizeof err))
				return refused(cmd, err);
			printf(_("The sectoral council's agreement of %s (protocol %s) is recorded; %d proposals agreed.\n"),
			       cal_format(d, t), get(&a, "protocol"), n);
			return EXIT_OK;
		}
		if (proposals_submit(db, cyc, body, d, &n, &late, err, sizeof err))
			return refused(cmd, err);
		printf(_("%d proposals submitted to the authorized body on %s.\n"), n, cal_format(d, t));
		if (late)
			printf("%s\n", _("Late: after the deadline of cl. 7; the submission is marked late."));
		return EXIT_OK;
	}
	if (!strcmp(sub, "association")) {
		int64_t body = body_opt(db, cmd, &a);
		if (only(cmd, &a, " body name-kk name-ru ") || !body || !get(&a, "name-kk") || !get(&a, "name-ru")) {
			cli_error(_("%s: give --body, --name-kk and --name-ru"), cmd);
			return EXIT_USAGE;
		}
		int64_t aid = 0;
		if (proposals_association_add(db, body, get(&a, "name-kk"), get(&a, "name-ru"), &aid, err,
		                              sizeof err))
			return refused(cmd, err);
		printf(_("Employer association %lld added.\n"), (long long)aid);
		return EXIT_OK;
	}
	if (!strcmp(sub, "apply")) {
		if (only(cmd, &a, " all "))
			return EXIT_USAGE;
		return proposal_apply(db, &a);
	}
	if (!(id = id_word(cmd, &a)))
		return EXIT_USAGE;
	int rc = PR_OK;
	struct problems p = {0};
	if (!strcmp(sub, "show")) {
		return proposal_show(db, id);
	} else if (!strcmp(sub, "check")) {
		struct proposal_rec r;
		if (proposals_load(db, id, &r)) {
			cli_error(_("%s: there is no proposal %lld"), cmd, (long long)id);
			return EXIT_DATA;
		}
		n = proposal_validate(db, &r.pr, &p);
		proposal_rec_free(&r);
		if (n) {
			printf(ngettext("Proposal %lld lacks %d item:\n", "Proposal %lld lacks %d items:\n",
			                (unsigned long)n), (long long)id, n);
			print_problems(&p);
			return EXIT_PROBLEMS;
		}
		printf(_("Proposal %lld is complete.\n"), (long long)id);
		return EXIT_OK;
	} else if (!strcmp(sub, "send") && !only(cmd, &a, " date ")) {
		rc = proposals_send(db, id, d, err, sizeof err);
	} else if (!strcmp(sub, "return") && !only(cmd, &a, " date comment ")) {
		rc = proposals_return(db, id, d, get(&a, "comment"), err, sizeof err);
	} else if (!strcmp(sub, "remarks") && !only(cmd, &a, " date text-kk text-ru ")) {
		tz_day due;
		if (!(rc = proposals_remarks(db, id, d, get(&a, "text-kk"), get(&a, "text-ru"), &due, err, sizeof err)))
			printf(_("Remarks on proposal %lld received %s; the rework is due by %s (cl. 9).\n"),
			       (long long)id, cal_format(d, t), cal_format(due, (char[11]){0}));
		return rc ? refused(cmd, err) : EXIT_OK;
	} else if (!strcmp(sub, "resubmit") && !only(cmd, &a, " date ")) {
		if (!(rc = proposals_resubmit(db, id, d, &late, err, sizeof err)) && late)
			printf("%s\n", _("Late: after the rework deadline of the remarks; marked late."));
	} else if (!strcmp(sub, "accept") && !only(cmd, &a, " date ")) {
		rc = proposals_accept(db, id, d, &p, err, sizeof err);
		if (rc == PR_INCOMPLETE) {
			cli_error("%s: %s", cmd, err);
			print_problems(&p);
			return EXIT_PROBLEMS;
		}
	} else if (!strcmp(sub, "reject") && !only(cmd, &a, " date comment ")) {
		rc = proposals_reject(db, id, d, get(&a, "comment"), err, sizeof err);
	} else {
		cli_error(_("proposal: unknown step \"%s\" or option (see tizilim --help)"), sub);
		return EXIT_USAGE;
	}
	if (rc)
		return refused(cmd, err);
	struct proposal_rec r;
	if (!proposals_load(db, id, &r)) {
		printf(_("Proposal %lld: %s.\n"), (long long)id, proposals_state_label(r.state));
		proposal_rec_free(&r);
	}
	return EXIT_OK;
}

/* ---- review ------------------------------------------------------------- */

static const char *kind_mark(enum reg_diff_kind k)
{
	return k == DIFF_ADDED ? "+" : k == DIFF_REMOVED ? "-" : "~";
}

static int print_change(void *ctx, const struct review_change *c)
{
	tz_db *db = ctx;
	const struct reg_row *r = c->neu ? c->neu : c->old;
	char body[64], name[512], bodyp[128], shown[1024], login[256], comment[1024], key[128];
	printf("%s %-14s %s %s ", kind_mark(c->kind), text_escape(key, sizeof key, c->key, 0),
	       text_pad(name, sizeof name, text_escape(shown, sizeof shown, i18n_pick(r->name_kk, r->name_ru), 0), 40),
	       text_pad(bodyp, sizeof bodyp, body_label(db, r->body_id, body, sizeof body), 12));
	text_escape(login, sizeof login, c->login, 0);
	if (!strcmp(c->decision, "approved"))
		printf(_("approved by %s"), login);
	else if (!strcmp(c->decision, "returned"))
		printf(_("returned by %s: %s"), login, text_escape(comment, sizeof comment, c->comment, 0));
	else
		fputs(_("to review"), stdout);
	if (c->council[0])
		printf(_("; Council: %s"), text_escape(comment, sizeof comment, c->council, 0));
	putchar('\n');
	static const struct { unsigned bit; const char *label; } col[] = {
		{COL_SECTION, N_("section")}, {COL_NAME, N_("name (column 2)")},
		{COL_BASIS, N_("basis (column 4)")}, {COL_VALIDITY, N_("validity (column 6)")},
		{COL_BODY, N_("sectoral body (column 7)")}, {COL_PROFILE, N_("profile (column 8)")},
	};
	for (size_t i = 0; i < sizeof col / sizeof *col; i++)
		if (c->cols & col[i].bit)
			printf("    %s\n", _(col[i].label));
	return 0;
}

static void print_count(const char *label, const struct review_count *n)
{
	/* Padded by columns first: the message's %-16s counts bytes.  A level
	 * or body comes from the database: escaped. */
	char pad[256], shown[256];
	printf(_("  %-16s %4d added, %4d removed, %4d changed\n"),
	       text_pad(pad, sizeof pad, text_escape(shown, sizeof shown, label, 0), 16),
	       n->added, n->removed, n->changed);
}

int cmd_review(tz_db *db, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "show";
	struct args a;
	if (parse(argc, argv, 2, &a, " all "))
		return EXIT_USAGE;
	char err[512] = "";
	if (!strcmp(sub, "show")) {
		if (only("review show", &a, " ") || a.nwords)
			return EXIT_USAGE;
		int64_t v = reg_draft(db);
		if (!v)
			v = db_int_query(db, "SELECT id FROM reg_version WHERE state IN ('submitted', 'recommended')", 0);
		if (!v) {
			cli_error("%s", _("review: there is no draft register"));
			return EXIT_DATA;
		}
		struct review_totals t;
		if (review_each(db, v, print_change, db) < 0 || review_totals(db, v, &t) < 0)
			return refused("review", db_errmsg(db));
		printf("%s\n", _("Totals:"));
		print_count(_("all"), &t.all);
		print_count(_("mandatory"), &t.section[0]);
		print_count(_("voluntary"), &t.section[1]);
		for (int i = 0; i < t.nbody; i++) {
			char body[64];
			print_count(body_label(db, t.body[i].body_id, body, sizeof body), &t.body[i].n);
		}
		for (int i = 0; i < t.nlevel; i++) {
			char lv[32];
			snprintf(lv, sizeof lv, _("level %s"), t.level[i].label);
			print_count(lv, &t.level[i].n);
		}
		printf(_("%d changes to review, %d returned.\n"), t.pending - t.returned, t.returned);
		return EXIT_OK;
	}
	if (!strcmp(sub, "approve") && get(&a, "all")) {
		int n, ref;
		if (only("review approve", &a, " all ") || review_approve_all(db, &n, &ref, err, sizeof err))
			return err[0] ? refused("review approve", err) : EXIT_USAGE;
		printf(_("%d changes approved.\n"), n);
		if (ref)
			printf(_("%d changes left: their authors cannot approve them.\n"), ref);
		return ref ? EXIT_PROBLEMS : EXIT_OK;
	}
	int approve = !strcmp(sub, "approve");
	if ((!approve && strcmp(sub, "return")) || a.nwords != 1 ||
	    only("review", &a, approve ? " comment " : " comment ")) {
		cli_error(_("review: give approve CODE:LEVEL, approve --all, or return CODE:LEVEL --comment TEXT"));
		return EXIT_USAGE;
	}
	if (review_decide(db, a.word[0], approve, get(&a, "comment"), err, sizeof err))
		return refused("review", err);
	printf(approve ? _("%s approved.\n") : _("%s returned.\n"), a.word[0]);
	return EXIT_OK;
}

/* ---- press -------------------------------------------------------------- */

static char *slurp(FILE *f)
{
	size_t len = 0, cap = 4096;
	char *s = malloc(cap);
	size_t n;
	while (s && (n = fread(s + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			char *ns = cap < (16u << 20) ? realloc(s, cap *= 2) : NULL;
			if (!ns) {
				free(s);
				return NULL;
			}
			s = ns;
		}
	}
	if (s)
		s[len] = 0;
	return s;
}

int cmd_press(tz_db *db, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "show";
	struct args a;
	if (parse(argc, argv, 2, &a, NULL) || only("press", &a, " lang "))
		return EXIT_USAGE;
	const char *lang = get(&a, "lang") ? get(&a, "lang") : i18n_lang();
	if (strcmp(lang, "kk") && strcmp(lang, "ru")) {
		cli_error(_("press: unknown language \"%s\": use kk or ru"), lang);
		return EXIT_USAGE;
	}
	int64_t v = press_version(db);
	if (!v) {
		cli_error("%s", _("press: no register is published yet"));
		return EXIT_DATA;
	}
	char err[512] = "";
	if (!strcmp(sub, "show") && !a.nwords) {
		int edited;
		char *text = press_text(db, v, lang, &edited);
		if (!text)
			return refused("press", db_errmsg(db));
		/* Kept from a file, perhaps by an older version that let anything in. */
		text_put(stdout, text, TEXT_LINES);
		free(text);
		return EXIT_OK;
	}
	if (!strcmp(sub, "edit") && a.nwords <= 1) {
		const char *path = a.nwords ? a.word[0] : "-";
		FILE *f = strcmp(path, "-") ? userfile_read(path, "r") : stdin;
		if (!f) {
			cli_error(_("press edit: cannot read %s"), path);
			return EXIT_DATA;
		}
		char *text = slurp(f);
		if (f != stdin)
			fclose(f);
		if (!text || !*text) {
			free(text);
			cli_error(_("press edit: %s holds no text"), path);
			return EXIT_DATA;
		}
		int rc = press_save(db, v, lang, text, err, sizeof err);
		free(text);
		if (rc)
			return refused("press edit", err);
		printf(_("The press release in %s is saved.\n"), lang);
		return EXIT_OK;
	}
	cli_error(_("press: give show or edit [FILE] (see tizilim --help)"));
	return EXIT_USAGE;
}
