/* The press release on the command line: show it, or replace its text in
 * one language from a file or standard input. */
#include "cli/cli_press.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/safefile.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/output.h"
#include "domain/press.h"

int cmd_press(tz_db *db, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "show";
	struct args a;
	if (args_parse(argc, argv, 2, &a, NULL) || args_only("press", &a, " lang date place place-kk place-ru "))
		return EXIT_USAGE;
	const char *lang = args_get(&a, "lang") ? args_get(&a, "lang") : i18n_lang();
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
			return cli_refused("press", db_errmsg(db));
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
		char *text = safefile_read_all(f);
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
			return cli_refused("press edit", err);
		printf(_("The press release in %s is saved.\n"), lang);
		return EXIT_OK;
	}
	if (!strcmp(sub, "placed") && !a.nwords) {
		/* cl. 12: where and when the release went on the internet resource. */
		tz_day d;
		if (args_date("press placed", &a, &d))
			return EXIT_USAGE;
		const char *kk = args_get(&a, "place-kk") ? args_get(&a, "place-kk") : args_get(&a, "place");
		const char *ru = args_get(&a, "place-ru") ? args_get(&a, "place-ru") : args_get(&a, "place");
		if (press_place(db, v, d, kk, ru, err, sizeof err))
			return cli_refused("press placed", err);
		char ds[11];
		printf(_("The press release on version %lld is recorded as placed on %s.\n"), (long long)v,
		       cal_format(d, ds));
		tz_day due = press_due(db, v);
		if (due >= 0 && d > due)
			printf(_("Late: the deadline of cl. 12 was %s.\n"), cal_format(due, ds));
		return EXIT_OK;
	}
	cli_error(_("press: give show, edit [FILE] or placed --date D --place-kk TEXT --place-ru TEXT "
	            "(see tizilim --help)"));
	return EXIT_USAGE;
}
