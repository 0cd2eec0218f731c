#include <stdio.h>
#include <string.h>

#include "cli/cli_nkz.h"
#include "cli/output.h"
#include "exchange/csvin.h"
#include "base/i18n.h"
#include "exchange/nkzin.h"

int cmd_import_nkz(tz_db *db, int argc, char **argv)
{
	const char *file = NULL, *enc = "auto", *sheet = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--encoding") || !strcmp(a, "-e")) {
			if (i + 1 >= argc) {
				cli_error(_("%s needs a value"), a);
				return EXIT_USAGE;
			}
			enc = argv[++i];
		} else if (!strncmp(a, "--encoding=", 11)) {
			enc = a + 11;
		} else if (!strcmp(a, "--sheet")) {
			if (i + 1 >= argc) {
				cli_error(_("%s needs a value"), a);
				return EXIT_USAGE;
			}
			sheet = argv[++i];
		} else if (!strncmp(a, "--sheet=", 8)) {
			sheet = a + 8;
		} else if (a[0] == '-' && a[1]) {
			cli_error(_("%s: unknown option %s (see tizilim --help)"), argv[0], a);
			return EXIT_USAGE;
		} else if (file) {
			cli_error(_("%s: one file at a time (got %s and %s)"), argv[0], file, a);
			return EXIT_USAGE;
		} else {
			file = a;
		}
	}
	if (!file) {
		cli_error(_("%s: which file? Usage: tizilim import-nkz FILE [--encoding E]"), argv[0]);
		return EXIT_USAGE;
	}
	if (strcmp(enc, "auto") && !csvin_encoding(enc)) {
		cli_error(_("%s: unknown encoding \"%s\": use utf-8, rk1048, cp1251 or auto"),
		          argv[0], enc);
		return EXIT_USAGE;
	}

	struct nkz_import_stats st;
	char err[8192];
	if (nkz_import(db, file, enc, sheet, &st, err, sizeof err)) {
		/* One problem per line, each already naming file, line and column. */
		for (char *line = err, *nl; line && *line; line = nl) {
			nl = strchr(line, '\n');
			if (nl)
				*nl++ = 0;
			cli_error("%s", line);
		}
		cli_error(_("nothing was imported"));
		return EXIT_DATA;
	}
	printf(ngettext("Imported %ld classifier code from %s (%ld new):\n",
	                "Imported %ld classifier codes from %s (%ld new):\n",
	                (unsigned long)st.imported),
	       st.imported, file, st.added);
	for (int lv = 1; lv <= 6; lv++)
		printf(_("  level %d, %s: %ld\n"), lv, nkz_level_name(lv), st.per_level[lv]);
	if (st.skipped_inactive)
		printf(ngettext("Left out %ld inactive code.\n", "Left out %ld inactive codes.\n",
		                (unsigned long)st.skipped_inactive),
		       st.skipped_inactive);
	if (st.deactivated)
		printf(ngettext("Marked %ld stored code inactive.\n",
		                "Marked %ld stored codes inactive.\n", (unsigned long)st.deactivated),
		       st.deactivated);
	return EXIT_OK;
}
