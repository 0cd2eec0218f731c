/* Proposals on the command line: a sectoral body's proposals from their
 * first draft to the draft register (add, edit, send, agree, submit), and
 * the authorized body's review of them (remarks, accept, reject, apply).
 * Every step takes its date (--date, default today). */
#include "cli/cli_proposal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/safefile.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/output.h"
#include "domain/cycle.h"
#include "domain/proposals.h"
#include "store/refdata.h"

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

static void print_problems(const struct problems *p)
{
	for (int i = 0; i < p->n; i++) {
		/* The message names its field in the user's words; the field's key
		 * is for the program. */
		char msg[2 * TZ_PROBLEM_MSG];
		printf("  %s\n", text_escape(msg, sizeof msg, p->item[i].msg, 0));
	}
}

static const char *body_label(tz_db *db, int64_t id, char *buf, size_t len)
{
	ref_body(db, id, REF_SHORT, NULL, buf, len, "?");
	return buf;
}

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
	const char *from = args_get(a, "from");
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
			if (!eq || !strstr(FIELDS, pat) || f.n == ARGS_MAX || used + (size_t)len + 2 > 65536) {
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
	for (int i = 0; i < a->n && f.n < ARGS_MAX; i++) {
		f.key[f.n] = a->key[i];
		f.val[f.n++] = a->val[i];
	}
	int rc = 0;
	const char *v;
	if ((v = args_get(&f, "body")) && !(p->body_id = p->row.body_id = proposals_body(db, v))) {
		cli_error(_("%s: no sectoral body \"%s\""), cmd, v);
		rc = EXIT_USAGE;
	}
	if ((v = args_get(&f, "action")) && proposal_action_parse(v, &p->action)) {
		char why[512];
		snprintf(why, sizeof why, _("Action \"%s\": choose include, exclude or amend."), v);
		rc = cli_refused(cmd, why);
	}
	if ((v = args_get(&f, "section")))
		snprintf(p->row.section, sizeof p->row.section, "%s", v);
	if ((v = args_get(&f, "code")))
		snprintf(p->row.nkz_code, sizeof p->row.nkz_code, "%s", v);
	if ((v = args_get(&f, "profile")))
		snprintf(p->row.profile, sizeof p->row.profile, "%s",
		         !strcmp(v, "т") ? "t" : (!strcmp(v, "әг") || !strcmp(v, "сг")) ? "sg" : v);
	if ((v = args_get(&f, "validity"))) {
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
	if ((v = args_get(&f, "levels"))) {
		p->nlevels = 0;
		for (const char *s = v; *s && p->nlevels < TZ_MAX_LEVELS;) {
			size_t n = strcspn(s, ", ");
			if (n)
				snprintf(p->levels[p->nlevels++], sizeof p->levels[0], "%.*s", (int)n, s);
			s += n + (s[n] != 0);
		}
	}
	if ((v = args_get(&f, "association"))) {
		sqlite3_stmt *st = db_prep(db, "SELECT id FROM association WHERE id = CAST(:a AS INTEGER)");
		db_text(st, ":a", v);
		p->association_id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (!p->association_id) {
			cli_error(_("%s: no employer association %s"), cmd, v);
			rc = EXIT_USAGE;
		}
	}
	set_text(&p->row.basis_kk, args_get(&f, "basis-kk"));
	set_text(&p->row.basis_ru, args_get(&f, "basis-ru"));
	set_text(&p->safety_kk, args_get(&f, "safety-kk"));
	set_text(&p->safety_ru, args_get(&f, "safety-ru"));
	set_text(&p->demand_kk, args_get(&f, "demand-kk"));
	set_text(&p->demand_ru, args_get(&f, "demand-ru"));
	set_text(&p->standard_kk, args_get(&f, "standard-kk"));
	set_text(&p->standard_ru, args_get(&f, "standard-ru"));
	set_text(&p->legal_act_kk, args_get(&f, "legal-act-kk"));
	set_text(&p->legal_act_ru, args_get(&f, "legal-act-ru"));
	free(buf);
	return rc;
}

struct list_ctx { tz_db *db; int n; };

static int print_proposal(void *ctx, const struct proposal_rec *r)
{
	struct list_ctx *l = ctx;
	/* Read by a clerk: the action, body and state by their labels (the
	 * stored words are for the options that take them). */
	char body[512], lv[64] = "", code[64], codep[96], lve[256], lvp[288], name[1024], namep[1100];
	for (int i = 0; i < r->pr.nlevels; i++)
		snprintf(lv + strlen(lv), sizeof lv - strlen(lv), "%s%s", i ? "," : "", r->pr.levels[i]);
	printf("%4lld  %s %s %s  %s · %s · %s", (long long)r->pr.id,
	       text_pad(codep, sizeof codep, text_escape(code, sizeof code, r->pr.row.nkz_code, 0), 10),
	       text_pad(lvp, sizeof lvp, text_escape(lve, sizeof lve, lv, 0), 6),
	       text_pad(namep, sizeof namep,
	                text_escape(name, sizeof name, i18n_pick(r->pr.row.name_kk, r->pr.row.name_ru), 0), 32),
	       proposal_action_label(r->pr.action), body_label(l->db, r->pr.body_id, body, sizeof body),
	       proposals_state_label(r->state));
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
	char what[256];
	printf("  %s  %d  %s %-10s %s%s\n", e->date, e->round,
	       text_pad(what, sizeof what, proposals_event_label(e->event), 24),
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
	const char *b = args_get(a, "body");
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
	if (args_get(a, "all")) {
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
	if (args_parse(argc, argv, 2, &a, " all "))
		return EXIT_USAGE;
	char err[512] = "", t[11], cmd[48];
	snprintf(cmd, sizeof cmd, "proposal %s", sub);
	tz_day d;
	if (args_date(cmd, &a, &d))
		return EXIT_USAGE;
	int64_t id = 0;
	int n = 0, late = 0;
	if (!strcmp(sub, "list")) {
		if (args_only(cmd, &a, " body "))
			return EXIT_USAGE;
		int64_t cyc = args_cycle(db, cmd, &a, 0), body = args_get(&a, "body") ? body_opt(db, cmd, &a) : 0;
		if (!cyc || (args_get(&a, "body") && !body))
			return EXIT_USAGE;
		struct list_ctx l = {db, 0};
		proposals_each(db, cyc, body, print_proposal, &l);
		return EXIT_OK;
	}
	if (!strcmp(sub, "add") || !strcmp(sub, "edit")) {
		if (args_only(cmd, &a, FIELDS "from "))
			return EXIT_USAGE;
		struct proposal_rec r;
		memset(&r, 0, sizeof r);
		r.pr.row.validity = -1;
		r.pr.action = PA_NACTIONS;
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
		if (!rc && sub[0] == 'a' && (!r.pr.body_id || r.pr.action == PA_NACTIONS || !r.pr.row.section[0] ||
		                             !r.pr.row.nkz_code[0])) {
			cli_error(_("%s: give at least --body, --action, --section and --code"), cmd);
			rc = EXIT_USAGE;
		}
		if (!rc && proposals_save(db, &r, err, sizeof err))
			rc = cli_refused(cmd, err);
		if (!rc)
			printf(sub[0] == 'a' ? _("Proposal %lld added.\n") : _("Proposal %lld saved.\n"), (long long)r.pr.id);
		proposal_rec_free(&r);
		return rc;
	}
	if (!strcmp(sub, "agree") || !strcmp(sub, "submit")) {
		int64_t body = body_opt(db, cmd, &a), cyc = args_cycle(db, cmd, &a, 0);
		if (args_only(cmd, &a, sub[0] == 'a' ? " body date protocol " : " body date ") || !body || !cyc)
			return EXIT_USAGE;
		if (sub[0] == 'a') {
			if (proposals_agree(db, cyc, body, d, args_get(&a, "protocol"), &n, err, sizeof err))
				return cli_refused(cmd, err);
			printf(_("The sectoral council's agreement of %s (protocol %s) is recorded; %d proposals agreed.\n"),
			       cal_format(d, t), args_get(&a, "protocol"), n);
			return EXIT_OK;
		}
		if (proposals_submit(db, cyc, body, d, &n, &late, err, sizeof err))
			return cli_refused(cmd, err);
		printf(_("%d proposals submitted to the authorized body on %s.\n"), n, cal_format(d, t));
		if (late)
			printf("%s\n", _("Late: after the deadline of cl. 7; the submission is marked late."));
		return EXIT_OK;
	}
	if (!strcmp(sub, "association")) {
		int64_t body = body_opt(db, cmd, &a);
		if (args_only(cmd, &a, " body name-kk name-ru ") || !body || !args_get(&a, "name-kk") || !args_get(&a, "name-ru")) {
			cli_error(_("%s: give --body, --name-kk and --name-ru"), cmd);
			return EXIT_USAGE;
		}
		int64_t aid = 0;
		if (proposals_association_add(db, body, args_get(&a, "name-kk"), args_get(&a, "name-ru"), &aid, err,
		                              sizeof err))
			return cli_refused(cmd, err);
		printf(_("Employer association %lld added.\n"), (long long)aid);
		return EXIT_OK;
	}
	if (!strcmp(sub, "apply")) {
		if (args_only(cmd, &a, " all "))
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
	} else if (!strcmp(sub, "send") && !args_only(cmd, &a, " date ")) {
		rc = proposals_send(db, id, d, err, sizeof err);
	} else if (!strcmp(sub, "return") && !args_only(cmd, &a, " date comment ")) {
		rc = proposals_return(db, id, d, args_get(&a, "comment"), err, sizeof err);
	} else if (!strcmp(sub, "remarks") && !args_only(cmd, &a, " date text-kk text-ru ")) {
		tz_day due;
		if (!(rc = proposals_remarks(db, id, d, args_get(&a, "text-kk"), args_get(&a, "text-ru"), &due, err, sizeof err)))
			printf(_("Remarks on proposal %lld received %s; the rework is due by %s (cl. 9).\n"),
			       (long long)id, cal_format(d, t), cal_format(due, (char[11]){0}));
		return rc ? cli_refused(cmd, err) : EXIT_OK;
	} else if (!strcmp(sub, "resubmit") && !args_only(cmd, &a, " date ")) {
		if (!(rc = proposals_resubmit(db, id, d, &late, err, sizeof err)) && late)
			printf("%s\n", _("Late: after the rework deadline of the remarks; marked late."));
	} else if (!strcmp(sub, "accept") && !args_only(cmd, &a, " date ")) {
		rc = proposals_accept(db, id, d, &p, err, sizeof err);
		if (rc == PR_INCOMPLETE) {
			cli_error("%s: %s", cmd, err);
			print_problems(&p);
			return EXIT_PROBLEMS;
		}
	} else if (!strcmp(sub, "reject") && !args_only(cmd, &a, " date comment ")) {
		rc = proposals_reject(db, id, d, args_get(&a, "comment"), err, sizeof err);
	} else {
		cli_error(_("proposal: unknown step \"%s\" or option (see tizilim --help)"), sub);
		return EXIT_USAGE;
	}
	if (rc)
		return cli_refused(cmd, err);
	struct proposal_rec r;
	if (!proposals_load(db, id, &r)) {
		printf(_("Proposal %lld: %s.\n"), (long long)id, proposals_state_label(r.state));
		proposal_rec_free(&r);
	}
	return EXIT_OK;
}
