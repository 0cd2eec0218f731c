/* The commands that move whole databases and packages: backup, restore,
 * package export / import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/backup.h"
#include "cli/cli_backup.h"
#include "cli/cli_progress.h"
#include "cli/output.h"
#include "base/i18n.h"
#include "exchange/package.h"
#include "exchange/package_in.h"
#include "base/privs.h"
#include "base/text.h"

static int backup_progress(void *ctx, long done, long total)
{
	(void)ctx;
	return cli_progress_part(_("Backup copy of the database"), done, total);
}

int cmd_backup(tz_db *db, int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-') {
		cli_error(_("usage: tizilim backup FILE"));
		return EXIT_USAGE;
	}
	char err[1024];
	/* The copy is the user's file; the database is open already and SQLite
	 * reads it through the descriptors it holds. */
	privs_user();
	cli_progress_begin();
	int bad = backup_to_with(db, argv[1], &(struct backup_progress){backup_progress, NULL}, err,
	                         sizeof err);
	cli_progress_end();
	privs_program();
	if (bad) {
		cli_error("%s", err);
		return EXIT_DATA;
	}
	printf(_("Backup of %s written to %s.\n"), db_path(db), argv[1]);
	cli_print_head(db);
	return EXIT_OK;
}

int cmd_restore(tz_db *db, int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-') {
		cli_error(_("usage: tizilim restore FILE"));
		return EXIT_USAGE;
	}
	char err[1024], saved[4200];
	if (backup_restore(db, argv[1], saved, sizeof saved, err, sizeof err)) {
		cli_error(_("restore refused: %s"), err);
		return EXIT_DATA;
	}
	printf(_("Database %s restored from %s; the database as it was before is kept in %s.\n"),
	       db_path(db), argv[1], saved);
	return EXIT_OK;
}

static int pkg_export(tz_db *db, int argc, char **argv)
{
	const char *file = NULL, *body = NULL, *season = NULL;
	long long year = 0;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--body") && i + 1 < argc) {
			body = argv[++i];
		} else if (!strcmp(argv[i], "--cycle") && i + 2 < argc) {
			char *end;
			year = strtoll(argv[++i], &end, 10);
			season = argv[++i];
			if (*end || year < 2000 || year > 2200 || (strcmp(season, "spring") && strcmp(season, "autumn"))) {
				cli_error(_("package export: --cycle takes a year and spring or autumn, not \"%s %s\""),
				          argv[i - 1], season);
				return EXIT_USAGE;
			}
		} else if (argv[i][0] != '-' && !file) {
			file = argv[i];
		} else {
			cli_error(_("package export: unexpected argument %s"), argv[i]);
			return EXIT_USAGE;
		}
	}
	if (!file) {
		cli_error(_("usage: tizilim package export FILE [--body CODE] [--cycle YEAR spring|autumn]"));
		return EXIT_USAGE;
	}
	struct pkg_info in;
	char err[1024];
	privs_user();
	int bad = package_export(db, file, body, year, season, &in, err, sizeof err);
	privs_program();
	if (bad) {
		cli_error("%s", err);
		return EXIT_DATA;
	}
	printf(_("Package %s: %s, cycle %lld %s, %d proposals, %d levels, %s.\n"), file, in.body,
	       (long long)in.year, in.season, in.proposals, in.levels,
	       in.agreement ? _("with the council's agreement") : _("without a council agreement"));
	if (in.excluded)
		printf(_("%d proposals already decided by the authorized body are left out.\n"), in.excluded);
	return EXIT_OK;
}

static void note_err(void *ctx, const char *msg)
{
	(void)ctx;
	text_put(stderr, msg, 0);
	fputc('\n', stderr);
}

static int pkg_import(tz_db *db, int argc, char **argv)
{
	const char *file = NULL;
	int dry = 0;
	enum pkg_mode mode = PKG_STOP;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--dry-run")) {
			dry = 1;
		} else if (!strcmp(argv[i], "--replace") || !strcmp(argv[i], "--skip")) {
			enum pkg_mode m = argv[i][2] == 'r' ? PKG_REPLACE : PKG_SKIP;
			if (mode != PKG_STOP && mode != m) {
				cli_error(_("package import: choose --replace or --skip, not both"));
				return EXIT_USAGE;
			}
			mode = m;
		} else if (argv[i][0] != '-' && !file) {
			file = argv[i];
		} else {
			cli_error(_("package import: unexpected argument %s"), argv[i]);
			return EXIT_USAGE;
		}
	}
	if (!file) {
		cli_error(_("usage: tizilim package import FILE [--dry-run] [--replace | --skip]"));
		return EXIT_USAGE;
	}
	struct pkg_info in;
	char err[1024] = "";
	enum pkg_result r = package_import(db, file, mode, dry, note_err, NULL, &in, err, sizeof err);
	if (r == PKG_REFUSED) {
		cli_error("%s", err);
		return EXIT_DATA;
	}
	printf(_("Package from %s, made by %s on %s with %s, cycle %lld %s: %d proposals.\n"),
	       in.body, in.login, in.created, in.program, (long long)in.year, in.season, in.proposals);
	if (r == PKG_CONFLICT) {
		cli_error(ngettext("%d conflict with what is already here; nothing was imported. "
		                   "Run again with --replace to take the package's version, or --skip to keep ours.",
		                   "%d conflicts with what is already here; nothing was imported. "
		                   "Run again with --replace to take the package's version, or --skip to keep ours.",
		                   (unsigned long)in.conflicts), in.conflicts);
		return EXIT_PROBLEMS;
	}
	printf(dry ? _("Dry run, nothing written: %d would be added, %d replaced, %d skipped.\n")
	           : _("Imported: %d added, %d replaced, %d skipped.\n"),
	       in.added, in.replaced, in.skipped);
	return EXIT_OK;
}

int cmd_package(tz_db *db, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "export"))
		return pkg_export(db, argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "import"))
		return pkg_import(db, argc, argv);
	cli_error(_("usage: tizilim package export FILE [--body CODE] [--cycle YEAR spring|autumn] | "
	            "package import FILE [--dry-run] [--replace | --skip]"));
	return EXIT_USAGE;
}
