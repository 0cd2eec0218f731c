/* cli — the command line: parses global options and runs a command.
 * Exit status: 0 success, 1 a check found problems, 2 usage, 3 data or I/O. */
#ifndef TZ_CLI_H
#define TZ_CLI_H

#include "base/debuglog.h"

enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2, EXIT_DATA = 3 };

/* rc, or EXIT_DATA (said on standard error) when standard output could not
 * take what was printed: a run whose answer was lost has not succeeded. */
int cli_flushed(int rc);

struct cli_opts {
	const char *db;     /* --db FILE, or NULL for the default database */
	const char *lang;   /* --lang */
	const char *timing; /* --timing FILE: the interface logs each key's time there */
	int first_cmd;      /* index of the command in argv, or argc if none */
};

/* Parses the global options; returns -1 to go on, or an exit status. */
int cli_parse(int argc, char **argv, struct cli_opts *o);
/* Runs argv[o->first_cmd...]; returns the exit status. */
int cli_run(int argc, char **argv, const struct cli_opts *o);

#endif

#include "store/db.h"

/* Each command gets the open database and its own arguments, argv[0] being
 * the command's name; it parses its options itself and returns an exit status.
 * They live beside the module they drive (cli_*.c). */
typedef int cmd_fn(tz_db *db, int argc, char **argv);
cmd_fn cmd_init, cmd_check, cmd_diff, cmd_verify;       /* cli.c */
cmd_fn cmd_workdays, cmd_deadlines;                     /* cli_calendar.c */
cmd_fn cmd_import_nkz;                                  /* cli_nkz.c */
cmd_fn cmd_import, cmd_export;                          /* cli_exchange.c */
cmd_fn cmd_user, cmd_log;                               /* cli_auth.c */
cmd_fn cmd_cycle, cmd_proposal, cmd_review, cmd_publish, cmd_press;  /* cli_cycle.c */
cmd_fn cmd_backup, cmd_restore, cmd_package;            /* cli_backup.c */

/* Prints the change log's chain head, for the user to keep outside the
 * database (publish, backup, verify; verify --head checks it). */
void cli_print_head(tz_db *db);

/* Prints a translated message to stderr with the program's name. */
void cli_error(const char *fmt, ...) TZ_PRINTF(1, 2);
