#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_exchange.h"
#include "cli/args.h"
#include "cli/cli_progress.h"
#include "cli/output.h"
#include "exchange/csvin.h"
#include "base/i18n.h"
#include "exchange/regcsv.h"
#include "exchange/regcsv_in.h"
#include "domain/register.h"
#include "exchange/xlsxout.h"
#include "base/text.h"

static void warn_stderr(void *ctx, const char *msg)
{
	(void)ctx;
	cli_error("%s", msg);
}

static int import_progress(void *ctx, enum regcsv_stage stage, long done, long total)
{
	(void)ctx;
	static const char *const what[] = {
		[REGCSV_READING] = N_("Import of register rows: reading the files"),
		[REGCSV_CHECKING] = N_("Import of register rows: checking"),
		[REGCSV_WRITING] = N_("Import of register rows: writing"),
	};
	return cli_progress_rows(_(what[stage]), done, total);
}

/* The export's file is whole when done reaches total (at once, for an empty
 * register): the line goes before the file is written to standard output,
 * which may be the same terminal. */
static int export_progress(void *ctx, long done, long total)
{
	(void)ctx;
	if (done >= total) {
		cli_progress_clear();
		return 0;
	}
	return cli_progress_rows(_("Export of the register"), done, total);
}

/* A workbook goes to a file only, and is written out after its rows: the
 * line stays until then. */
static int export_xlsx_progress(void *ctx, long done, long total)
{
	(void)ctx;
	return cli_progress_rows(_("Export of the register"), done, total);
}

/* Each name the files would change, one line, after the counts. */
struct import_names {
	char *text;
	size_t len;
	FILE *f;
};

static void import_name(void *ctx, const char *code, const char *level, const char *lang,
                        const char *draft_name, const char *file_name)
{
	struct import_names *n = ctx;
	char c[64], l[32], a[1024], b[1024];
	fprintf(n->f, _("  %s level %s (%s): \"%s\" in the draft, \"%s\" in the file\n"),
	        text_escape(c, sizeof c, code, 0), text_escape(l, sizeof l, level, 0),
	        !strcmp(lang, "kk") ? _("Kazakh") : _("Russian"), text_escape(a, sizeof a, draft_name, 0),
	        text_escape(b, sizeof b, file_name, 0));
}

/* getopt's own messages are not translated. */
static int bad_option(char **argv)
{
	cli_error(_("%s: unknown option or missing value: %s (see tizilim --help)"), argv[0],
	          argv[optind - 1]);
	return EXIT_USAGE;
}

int cmd_import(tz_db *db, int argc, char **argv)
{
	static const struct option opts[] = {
		{"encoding", required_argument, NULL, 'e'},
		{"sheet", required_argument, NULL, 's'},
		{"replace-names", no_argument, NULL, 'r'},
		{NULL, 0, NULL, 0},
	};
	const char *encoding = "auto", *sheet = NULL;
	int c, replace = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'e')
			encoding = optarg;
		else if (c == 's')
			sheet = optarg;
		else if (c == 'r')
			replace = 1;
		else
			return bad_option(argv);
	}
	int nfiles = argc - optind;
	if (nfiles < 1 || nfiles > 2) {
		cli_error("%s", _("import: give the file, or its Kazakh and Russian files "
		                  "(tizilim import FILE [FILE2] [--encoding E])"));
		return EXIT_USAGE;
	}
	if (!csvin_encoding(encoding)) {
		cli_error(_("unknown encoding \"%s\": use utf-8, rk1048, cp1251 or auto"), encoding);
		return EXIT_USAGE;
	}
	const char *paths[2] = {argv[optind], nfiles > 1 ? argv[optind + 1] : NULL};
	struct regcsv_stats st;
	char err[2048] = "";
	struct import_names names = {0};
	names.f = open_memstream(&names.text, &names.len);
	struct regcsv_opts o = {.encoding = encoding, .sheet = sheet,
	                        .flags = replace ? REGCSV_REPLACE_NAMES : 0,
	                        .warn = warn_stderr, .on_name = names.f ? import_name : NULL,
	                        .nctx = &names, .progress = import_progress};
	cli_progress_begin();
	int rc = regcsv_import_opts(db, paths, nfiles, &o, &st, err, sizeof err);
	cli_progress_end();
	if (names.f)
		fclose(names.f);
	if (rc) {
		free(names.text);
		cli_error("%s", err);
		cli_error("%s", _("nothing was imported"));
		return EXIT_DATA;
	}
	for (int i = 0; i < nfiles; i++)
		fprintf(stderr, _("%s: %s, %s\n"), paths[i],
		        !strcmp(st.lang[i], "kk") ? _("Kazakh") : _("Russian"), st.encoding[i]);
	printf(_("%ld added, %ld changed, %ld unchanged\n"), st.added, st.changed, st.unchanged);
	if (st.names_kept)
		printf(ngettext("The names of %ld row were kept: the file names it otherwise (the register "
		                "owns its names; give --replace-names to take the file's):\n",
		                "The names of %ld rows were kept: the file names them otherwise (the register "
		                "owns its names; give --replace-names to take the file's):\n",
		                (unsigned long)st.names_kept), st.names_kept);
	else if (st.names_replaced)
		printf(ngettext("The file's names were taken for %ld row:\n",
		                "The file's names were taken for %ld rows:\n",
		                (unsigned long)st.names_replaced), st.names_replaced);
	if (names.text)
		fputs(names.text, stdout);
	free(names.text);
	return EXIT_OK;
}

/* export --format xlsx: the Appendix form, or with --diff the review pack. */
static int export_xlsx(tz_db *db, const struct regcsv_export *x, int diff, int encoding_given,
                       int nargs, char **args)
{
	if (encoding_given || x->bom) {
		cli_error("%s", _("export: --encoding and --bom go with CSV only; a workbook is always "
		                  "Unicode"));
		return EXIT_USAGE;
	}
	if (!x->path) {
		cli_error("%s", _("export: a workbook needs a file: give -o FILE.xlsx"));
		return EXIT_USAGE;
	}
	char err[2048] = "";
	if (!diff) {
		if (nargs) {
			cli_error(_("export: unexpected argument \"%s\""), args[0]);
			return EXIT_USAGE;
		}
		cli_progress_begin();
		int bad = xlsxout_register_with(db, x->lang, x->version, x->path, export_xlsx_progress, NULL,
		                                err, sizeof err);
		cli_progress_end();
		if (bad) {
			cli_error("%s", err);
			return EXIT_DATA;
		}
		return EXIT_OK;
	}
	if (nargs != 0 && nargs != 2) {
		cli_error("%s", _("export --diff: give two versions (old, new), or none for the draft "
		                  "against the published register"));
		return EXIT_USAGE;
	}
	if (x->version) {
		cli_error("%s", _("export --diff: name the two versions instead of --version"));
		return EXIT_USAGE;
	}
	int64_t a = 0, b = 0;
	for (int i = 0; i < nargs; i++) {
		int64_t v = args_version(db, args[i]);
		if (!v) {
			cli_error(_("export --diff: no register version \"%s\""), args[i]);
			return EXIT_USAGE;
		}
		*(i ? &b : &a) = v;
	}
	long added, removed, changed;
	if (xlsxout_review(db, x->lang, a, b, x->path, &added, &removed, &changed, err, sizeof err)) {
		cli_error("%s", err);
		return EXIT_DATA;
	}
	printf(_("%s: %ld added, %ld removed, %ld changed\n"), x->path, added, removed, changed);
	return EXIT_OK;
}

int cmd_export(tz_db *db, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"lang", required_argument, NULL, 'l'},
		{"encoding", required_argument, NULL, 'e'},
		{"version", required_argument, NULL, 'v'},
		{"bom", no_argument, NULL, 'b'},
		{"output", required_argument, NULL, 'o'},
		{"diff", no_argument, NULL, 'd'},
		{NULL, 0, NULL, 0},
	};
	struct regcsv_export x = {.lang = i18n_lang(), .encoding = "utf-8"};
	int c, xlsx = 0, diff = 0, encoding_given = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		char *end;
		switch (c) {
		case 'f':
			if (strcmp(optarg, "csv") && strcmp(optarg, "xlsx")) {
				cli_error(_("export: unknown format \"%s\": use csv or xlsx"), optarg);
				return EXIT_USAGE;
			}
			xlsx = !strcmp(optarg, "xlsx");
			break;
		case 'd':
			diff = 1;
			break;
		case 'l':
			if (strcmp(optarg, "kk") && strcmp(optarg, "ru")) {
				cli_error(_("unknown language \"%s\": use kk or ru"), optarg);
				return EXIT_USAGE;
			}
			x.lang = optarg;
			break;
		case 'e':
			x.encoding = optarg;
			encoding_given = 1;
			break;
		case 'v':
			x.version = strtoll(optarg, &end, 10);
			if (*end || x.version <= 0) {
				cli_error(_("export: \"%s\" is not a version number"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'b':
			x.bom = 1;
			break;
		case 'o':
			x.path = strcmp(optarg, "-") ? optarg : NULL;
			break;
		default:
			return bad_option(argv);
		}
	}
	if (diff || xlsx)
		return export_xlsx(db, &x, diff, encoding_given, argc - optind, argv + optind);
	if (optind < argc) {
		cli_error(_("export: unexpected argument \"%s\""), argv[optind]);
		return EXIT_USAGE;
	}
	const char *enc = csvin_encoding(x.encoding);
	if (!enc || !strcmp(enc, "auto")) {
		cli_error(_("unknown encoding \"%s\": use utf-8, rk1048 or cp1251"), x.encoding);
		return EXIT_USAGE;
	}
	if (x.bom && strcmp(enc, "UTF-8")) {
		cli_error("%s", _("export: --bom goes with UTF-8 only"));
		return EXIT_USAGE;
	}
	char err[2048] = "";
	x.progress = export_progress;
	cli_progress_begin();
	int bad = regcsv_export(db, &x, err, sizeof err);
	cli_progress_end();
	if (bad) {
		cli_error("%s", err);
		return EXIT_DATA;
	}
	return EXIT_OK;
}
