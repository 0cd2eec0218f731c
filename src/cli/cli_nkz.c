#include <stdio.h>
#include <string.h>

#include "cli/cli_nkz.h"
#include "cli/cli_progress.h"
#include "cli/output.h"
#include "exchange/csvin.h"
#include "base/i18n.h"
#include "base/text.h"
#include "exchange/nkzin.h"

/* Each problem on its own line: file, row, column, the reason (which quotes
 * the value) and the column's heading. */
static void nkz_tell(void *ctx, const struct nkz_problem *p)
{
	long *rows = ctx;
	char why[1400], column[300] = "";
	text_escape(why, sizeof why, p->why, 0);
	if (*p->column) {
		char head[200];
		snprintf(column, sizeof column, _(" (column \"%s\")"),
		         text_escape(head, sizeof head, p->column, 0));
	}
	if (p->col > 0)
		cli_error("%s:%ld:%d: %s%s", p->file, p->line, p->col, why, column);
	else
		cli_error("%s:%ld: %s%s", p->file, p->line, why, column);
	if (p->row)
		++*rows;
}

static int nkz_progress(void *ctx, enum nkz_phase phase, long done, long total)
{
	(void)ctx;
	static const char *const what[] = {
		[NKZ_READING] = N_("Import of the classifier: reading the file"),
		[NKZ_CHECKING] = N_("Import of the classifier: checking"),
		[NKZ_WRITING] = N_("Import of the classifier: writing"),
	};
	return cli_progress_rows(_(what[phase]), done, total);
}

static void nkz_list_change(void *ctx, const struct nkz_change *c)
{
	(void)ctx;
	char code[64], a[1024], b[1024];
	text_escape(code, sizeof code, c->code, 0);
	if (!strcmp(c->kind, "added"))
		printf(_("  added %s %s\n"), code,
		       text_escape(a, sizeof a, i18n_pick(c->new_kk, c->new_ru), 0));
	else if (!strcmp(c->kind, "renamed"))
		printf(_("  renamed %s: «%s» is now «%s»\n"), code,
		       text_escape(a, sizeof a, i18n_pick(c->old_kk, c->old_ru), 0),
		       text_escape(b, sizeof b, i18n_pick(c->new_kk, c->new_ru), 0));
	else
		printf(_("  retired %s %s\n"), code,
		       text_escape(a, sizeof a, i18n_pick(c->old_kk, c->old_ru), 0));
}

int cmd_import_nkz(tz_db *db, int argc, char **argv)
{
	const char *file = NULL, *enc = "auto", *sheet = NULL;
	int skip = 0, list = 0;
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
		} else if (!strcmp(a, "--skip-invalid")) {
			skip = 1;
		} else if (!strcmp(a, "--changes")) {
			list = 1;
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
	long bad_rows = 0;
	/* Every problem is listed when the file is refused; with --skip-invalid
	 * the rows left out are in the rejects file instead. */
	struct nkz_import_opts o = {.encoding = enc, .sheet = sheet, .skip_invalid = skip,
	                            .on_problem = skip ? NULL : nkz_tell, .problem_ctx = &bad_rows,
	                            .progress = nkz_progress};
	cli_progress_begin();
	int bad = nkz_import_with(db, file, &o, &st, err, sizeof err);
	cli_progress_end();
	if (bad) {
		/* Problems not told one by one (the file's own) are in err. */
		if (skip || !st.problems)
			for (char *line = err, *nl; line && *line; line = nl) {
				nl = strchr(line, '\n');
				if (nl)
					*nl++ = 0;
				cli_error("%s", line);
			}
		cli_error(_("nothing was imported"));
		if (!skip && bad_rows && bad_rows == st.problems)
			cli_error(_("to import the valid rows and leave these out, run again with "
			            "--skip-invalid"));
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
	if (st.rejected && *st.rejects)
		printf(ngettext("Left out %ld row with problems; it is listed with its reasons in %s\n",
		                "Left out %ld rows with problems; they are listed with their reasons "
		                "in %s\n", (unsigned long)st.rejected),
		       st.rejected, st.rejects);
	else if (st.rejected)
		cli_error("%s", err);
	printf(_("Changes: %ld added, %ld renamed, %ld retired.\n"), st.added, st.renamed,
	       st.deactivated);
	if (list)
		nkz_changes(db, st.change_id, nkz_list_change, NULL);
	printf(_("Imported: %ld, rejected: %ld, retired: %ld.\n"), st.imported, st.rejected,
	       st.deactivated);
	return EXIT_OK;
}
