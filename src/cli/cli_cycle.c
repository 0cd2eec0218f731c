/* The cycle's own steps on the command line: cycle (open, the Council's
 * steps, show) and publish.  Every step takes its date (--date, default
 * today) and asks nothing, so that a whole cycle can run from a script. */
#include "cli/cli_cycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/cli_council.h"
#include "cli/cli_progress.h"
#include "cli/output.h"
#include "domain/cycle.h"
#include "domain/press.h"
#include "store/backup.h"
#include "store/seal.h"
#include "view/pubview.h"

static int print_cycle(void *ctx, const struct cycle *c)
{
	(void)ctx;
	char t[64], a[128], s[256];
	printf("%s %s", text_pad(a, sizeof a, cycle_title(c, t, sizeof t), 18),
	       text_pad(s, sizeof s, cycle_state_label(c->state), 24));
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

int cmd_cycle(tz_db *db, int argc, char **argv)
{
	struct args a;
	const char *sub = argc > 1 ? argv[1] : "list";
	/* The forming stage's own verbs (show, approve, amend...). */
	if (!strcmp(sub, "recommendations") && cli_council_is_verb(argc - 1, argv + 1))
		return cmd_council(db, argc - 1, argv + 1);
	if (args_parse(argc, argv, 2, &a, NULL))
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
		if (a.nwords != 2 || *end || cycle_season_parse(a.word[1], &s) || args_only("cycle open", &a, " ")) {
			cli_error(_("cycle open: give the year and the season: cycle open 2027 spring"));
			return EXIT_USAGE;
		}
		if (!cycle_open(db, (int)y, s, err, sizeof err))
			return cli_refused("cycle open", err);
		struct cycle c;
		cycle_load(db, cycle_find(db, (int)y, s), &c);
		printf(_("Cycle %s opened.\n"), cycle_title(&c, t, sizeof t));
		return EXIT_OK;
	} else if (!strcmp(sub, "show")) {
		int64_t id = args_cycle(db, "cycle show", &a, 0);
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
		if (args_only("cycle council-submit", &a, " date ") || a.nwords || args_date("cycle council-submit", &a, &d))
			return EXIT_USAGE;
		if (cycle_council_submit(db, d, &late, err, sizeof err))
			return cli_refused("cycle council-submit", err);
		printf(_("The draft register went to the National Council on %s.\n"), cal_format(d, t));
		if (late)
			printf("%s\n", _("Late: after the deadline of cl. 10."));
		return EXIT_OK;
	} else if (!strcmp(sub, "recommendations")) {
		if (args_only("cycle recommendations", &a, " date protocol return comment ") || a.nwords ||
		    args_date("cycle recommendations", &a, &d))
			return EXIT_USAGE;
		const char *ret[ARGS_MAX];
		int nret = 0, undone = 0;
		for (int i = 0; i < a.n; i++)
			if (!strcmp(a.key[i], "return"))
				ret[nret++] = a.val[i];
		if (nret && !args_get(&a, "comment")) {
			cli_error(_("cycle recommendations: say why the Council returned changes (--comment)"));
			return EXIT_USAGE;
		}
		if (cycle_recommendations(db, d, args_get(&a, "protocol"), ret, nret, args_get(&a, "comment"), &undone,
		                          err, sizeof err))
			return cli_refused("cycle recommendations", err);
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

static int publish_backup_progress(void *ctx, long done, long total)
{
	(void)ctx;
	return cli_progress_part(_("Backup copy before publishing"), done, total);
}

int cmd_publish(tz_db *db, int argc, char **argv)
{
	struct args a;
	tz_day d;
	if (args_parse(argc, argv, 1, &a, " no-backup ") || args_only("publish", &a, " date no-backup ") ||
	    a.nwords || args_date("publish", &a, &d))
		return EXIT_USAGE;
	char err[512], t[11], due[11], summary[1024];
	int late;
	struct cycle_pub pub;
	/* Every check first: a refused publication leaves no backup behind. */
	if (cycle_publish_preview(db, d, &pub, err, sizeof err))
		return cli_refused("publish", err);
	fputs(pubview_text(&pub, d, summary, sizeof summary), stdout);
	/* Publication is the one step that cannot be taken back: keep a copy. */
	if (!args_get(&a, "no-backup")) {
		char path[4096];
		fflush(stdout);
		cli_progress_begin();
		int bad = backup_before_publish_with(db, &(struct backup_progress){publish_backup_progress, NULL},
		                                     path, sizeof path, err, sizeof err);
		cli_progress_end();
		if (bad)
			return cli_refused("publish", err);
		printf(_("Backup taken before publishing: %s\n"), path);
	}
	if (cycle_publish(db, d, &late, err, sizeof err))
		return cli_refused("publish", err);
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
