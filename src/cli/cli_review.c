/* The review on the command line: the draft against the published
 * register, change by change, with totals; approve or return a change. */
#include "cli/cli_review.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/cli_council.h"
#include "cli/output.h"
#include "domain/ground.h"
#include "domain/register.h"
#include "domain/review.h"
#include "store/refdata.h"

/* The body by its short name in the user's language; its code is for
 * typing (--body), not for reading. */
static const char *body_label(tz_db *db, int64_t id, char *buf, size_t len)
{
	ref_body(db, id, REF_SHORT, NULL, buf, len, "?");
	return buf;
}

static const char *kind_mark(enum reg_diff_kind k)
{
	return k == DIFF_ADDED ? "+" : k == DIFF_REMOVED ? "-" : "~";
}

struct review_print { tz_db *db; int64_t version; };

static int print_change(void *ctx, const struct review_change *c)
{
	const struct review_print *pr = ctx;
	tz_db *db = pr->db;
	const struct reg_row *r = c->neu ? c->neu : c->old;
	char body[512], name[512], bodyp[640], shown[1024], login[256], comment[1024], key[128];
	printf("%s %-14s %s %s  ", kind_mark(c->kind), text_escape(key, sizeof key, c->key, 0),
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
		printf(_("; Council: %s"), !strcmp(c->council, "approved") ? _("approved") : _("returned"));
	putchar('\n');
	struct ground_set gs;
	char ground[4096], ground_e[8192];
	if (!ground_of(db, pr->version, r->nkz_code, r->level, &gs))
		printf(_("    ground: %s\n"), text_escape(ground_e, sizeof ground_e,
		       ground_summary(&gs, ground, sizeof ground), 0));
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
	char pad[1024], shown[768];
	printf(_("  %-16s %4d added, %4d removed, %4d changed\n"),
	       text_pad(pad, sizeof pad, text_escape(shown, sizeof shown, label, 0), 16),
	       n->added, n->removed, n->changed);
}

int cmd_review(tz_db *db, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "show";
	if (!strcmp(sub, "ground"))
		return cmd_ground(db, argc - 1, argv + 1);
	struct args a;
	if (args_parse(argc, argv, 2, &a, " all "))
		return EXIT_USAGE;
	char err[512] = "";
	if (!strcmp(sub, "show")) {
		if (args_only("review show", &a, " ") || a.nwords)
			return EXIT_USAGE;
		int64_t v = reg_draft(db);
		if (!v)
			v = db_int_query(db, "SELECT id FROM reg_version WHERE state IN ('submitted', 'recommended')", 0);
		if (!v) {
			cli_error("%s", _("review: there is no draft register"));
			return EXIT_DATA;
		}
		struct review_totals t;
		struct review_print pr = {db, v};
		if (review_each(db, v, print_change, &pr) < 0 || review_totals(db, v, &t) < 0)
			return cli_refused("review", db_errmsg(db));
		printf("%s\n", _("Totals:"));
		print_count(_("all"), &t.all);
		print_count(_("mandatory"), &t.section[0]);
		print_count(_("voluntary"), &t.section[1]);
		for (int i = 0; i < t.nbody; i++) {
			char body[512];
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
	if (!strcmp(sub, "approve") && args_get(&a, "all")) {
		int n, ref;
		if (args_only("review approve", &a, " all ") || review_approve_all(db, &n, &ref, err, sizeof err))
			return err[0] ? cli_refused("review approve", err) : EXIT_USAGE;
		printf(_("%d changes approved.\n"), n);
		if (ref)
			printf(_("%d changes left: their authors cannot approve them.\n"), ref);
		return ref ? EXIT_PROBLEMS : EXIT_OK;
	}
	int approve = !strcmp(sub, "approve");
	if ((!approve && strcmp(sub, "return")) || a.nwords != 1 ||
	    args_only("review", &a, approve ? " comment " : " comment ")) {
		cli_error(_("review: give approve CODE:LEVEL, approve --all, or return CODE:LEVEL --comment TEXT"));
		return EXIT_USAGE;
	}
	if (review_decide(db, a.word[0], approve, args_get(&a, "comment"), err, sizeof err))
		return cli_refused("review", err);
	printf(approve ? _("%s approved.\n") : _("%s returned.\n"), a.word[0]);
	return EXIT_OK;
}
