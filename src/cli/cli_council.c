/* The forming stage on the command line: each item of the Council's
 * recommendations carried out by one command that names it, so that a
 * protocol can be worked through from a script. */
#include "cli/cli_council.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/output.h"
#include "domain/council.h"
#include "domain/ground.h"
#include "domain/proposals.h"

#define COUNCIL_ROW_OPTS " section level validity body profile name-kk name-ru basis-kk basis-ru "

int cli_council_is_verb(int argc, char **argv)
{
	return argc > 1 && strncmp(argv[1], "--", 2) != 0;
}

static int council_print_done(void *ctx, const struct council_done *d)
{
	(void)ctx;
	char key[128], item[256], text[1024], act[64];
	enum council_action a;
	snprintf(act, sizeof act, "%s", council_action_parse(d->action, &a) ? d->action : "");
	static const char *const shown[] = {N_("approved"), N_("returned"), N_("amended"), N_("added"),
	                                    N_("excluded")};
	if (!council_action_parse(d->action, &a))
		snprintf(act, sizeof act, "%s", _(shown[a]));
	printf(_("  item %s: %s %s"), text_escape(item, sizeof item, d->item, 0), act,
	       text_escape(key, sizeof key, d->key, 0));
	if (d->text[0])
		printf(" — %s", text_escape(text, sizeof text, d->text, 0));
	putchar('\n');
	return 0;
}

static int council_show(tz_db *db)
{
	struct cycle c;
	int64_t v = council_forming(db, &c);
	if (!v) {
		char why[512];
		council_may_apply(db, why, sizeof why);
		return cli_refused("cycle recommendations", why);
	}
	char proto[256], due[11], t[64];
	printf(_("The register of %s is being formed per the Council's recommendations of %s "
	         "(protocol %s).\n"), cycle_title(&c, t, sizeof t), c.council_rec,
	       text_escape(proto, sizeof proto, c.protocol, 0));
	tz_day d = council_due(db);
	if (d >= 0) {
		tz_calendar *cal = cal_load(db);
		int left = cal ? cal_workdays_between(cal, cal_today(), d) : 0;
		cal_free(cal);
		printf(_("It is to be placed by %s (cl. 11)"), cal_format(d, due));
		if (cal_today() > d)
			printf("%s\n", _(": the deadline has passed."));
		else
			printf(ngettext(": %d working day left.\n", ": %d working days left.\n",
			                (unsigned long)left), left);
	}
	printf("%s\n", _("Items carried out:"));
	council_each_done(db, v, council_print_done, NULL);
	return EXIT_OK;
}

/* The row options of amend and add into it; EXIT_OK or a usage status. */
static int council_row_opts(tz_db *db, const char *cmd, const struct args *a, struct council_item *it)
{
	const char *v;
	struct reg_row *r = &it->row;
	if ((v = args_get(a, "section"))) {
		if (strcmp(v, "mandatory") && strcmp(v, "voluntary")) {
			cli_error(_("%s: section \"%s\": give mandatory or voluntary"), cmd, v);
			return EXIT_USAGE;
		}
		snprintf(r->section, sizeof r->section, "%s", v);
		it->set |= COL_SECTION;
	}
	if ((v = args_get(a, "level"))) {
		snprintf(r->level, sizeof r->level, "%s", v);
		it->set |= COL_LEVEL;
	}
	if ((v = args_get(a, "validity"))) {
		char *end;
		long n = strtol(v, &end, 10);
		if (!strcmp(v, "none") || !strcmp(v, "unlimited"))
			r->validity = 0;
		else if (*end || n < 1 || n > 99) {
			cli_error(_("%s: validity \"%s\": give years from 1 to 99, or none"), cmd, v);
			return EXIT_USAGE;
		} else
			r->validity = (int)n;
		it->set |= COL_VALIDITY;
	}
	if ((v = args_get(a, "body"))) {
		if (!(r->body_id = proposals_body(db, v))) {
			cli_error(_("%s: no sectoral body \"%s\""), cmd, v);
			return EXIT_USAGE;
		}
		it->set |= COL_BODY;
	}
	if ((v = args_get(a, "profile"))) {
		snprintf(r->profile, sizeof r->profile, "%s",
		         !strcmp(v, "т") ? "t" : (!strcmp(v, "әг") || !strcmp(v, "сг")) ? "sg" : v);
		it->set |= COL_PROFILE;
	}
	/* Pointers into argv: the row is never freed. */
	if ((v = args_get(a, "name-kk")))
		r->name_kk = (char *)v, it->set |= COL_NAME;
	if ((v = args_get(a, "name-ru")))
		r->name_ru = (char *)v, it->set |= COL_NAME;
	if ((v = args_get(a, "basis-kk")))
		r->basis_kk = (char *)v, it->set |= COL_BASIS;
	if ((v = args_get(a, "basis-ru")))
		r->basis_ru = (char *)v, it->set |= COL_BASIS;
	return EXIT_OK;
}

int cmd_council(tz_db *db, int argc, char **argv)
{
	static const char cmd[] = "cycle recommendations";
	const char *verb = argv[1];
	struct args a;
	if (args_parse(argc, argv, 2, &a, NULL))
		return EXIT_USAGE;
	if (!strcmp(verb, "show")) {
		if (args_only(cmd, &a, " ") || a.nwords)
			return EXIT_USAGE;
		return council_show(db);
	}
	struct council_item it;
	memset(&it, 0, sizeof it);
	it.row.validity = -1;
	if (council_action_parse(verb, &it.action)) {
		cli_error(_("%s: unknown step \"%s\": give show, approve, return, amend, add or exclude"), cmd, verb);
		return EXIT_USAGE;
	}
	int rowopts = it.action == COUNCIL_AMEND || it.action == COUNCIL_ADD;
	if (args_only(cmd, &a, rowopts ? " item text" COUNCIL_ROW_OPTS : " item text ") || a.nwords != 1) {
		if (a.nwords != 1)
			cli_error(_("%s %s: give the row as CODE:LEVEL (add: the classifier code) and --item N"),
			          cmd, verb);
		return EXIT_USAGE;
	}
	it.item = args_get(&a, "item");
	it.text = args_get(&a, "text");
	if (!it.item) {
		cli_error(_("%s %s: name the item of the recommendations it carries out (--item)"), cmd, verb);
		return EXIT_USAGE;
	}
	if (rowopts && council_row_opts(db, cmd, &a, &it))
		return EXIT_USAGE;
	if (it.action == COUNCIL_ADD) {
		snprintf(it.row.nkz_code, sizeof it.row.nkz_code, "%s", a.word[0]);
		if (!it.row.section[0] || !it.row.level[0] || it.row.validity < 0 || !it.row.body_id ||
		    !it.row.profile[0] || !it.row.basis_kk || !it.row.basis_ru) {
			cli_error(_("%s add: give --section, --level, --validity, --body, --profile, --basis-kk "
			            "and --basis-ru"), cmd);
			return EXIT_USAGE;
		}
	} else {
		it.key = a.word[0];
	}
	char err[1024], key[32], shown[128], item[256];
	if (council_apply(db, &it, key, sizeof key, err, sizeof err))
		return cli_refused(cmd, err);
	text_escape(shown, sizeof shown, key, 0);
	text_escape(item, sizeof item, it.item, 0);
	switch (it.action) {
	case COUNCIL_APPROVE: printf(_("%s approved per item %s.\n"), shown, item); break;
	case COUNCIL_RETURN: printf(_("%s returned per item %s: the published row is back.\n"), shown, item); break;
	case COUNCIL_AMEND: printf(_("%s amended per item %s.\n"), shown, item); break;
	case COUNCIL_ADD: printf(_("%s added per item %s.\n"), shown, item); break;
	case COUNCIL_EXCLUDE: printf(_("%s excluded per item %s.\n"), shown, item); break;
	}
	return EXIT_OK;
}

int cmd_ground(tz_db *db, int argc, char **argv)
{
	struct args a;
	if (args_parse(argc, argv, 1, &a, NULL) || args_only("review ground", &a, " correction ") ||
	    a.nwords != 1 || !args_get(&a, "correction")) {
		cli_error("%s", _("review ground: give CODE:LEVEL --correction REASON"));
		return EXIT_USAGE;
	}
	char err[1024], shown[128];
	if (ground_correct(db, a.word[0], args_get(&a, "correction"), err, sizeof err))
		return cli_refused("review ground", err);
	printf(_("%s is recorded as a technical correction.\n"), text_escape(shown, sizeof shown, a.word[0], 0));
	return EXIT_OK;
}
