/* output — how a command ends: the exit status, its messages on standard
 * error (translated, with the program's name, the text they quote
 * escaped), and what it prints for the user to keep. */
#ifndef TZ_CLI_OUTPUT_H
#define TZ_CLI_OUTPUT_H

#include "base/debuglog.h"
#include "store/db.h"

/* 0 success, 1 a check found problems, 2 usage, 3 data or I/O. */
enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2, EXIT_DATA = 3 };

/* Prints a translated message to stderr with the program's name. */
void cli_error(const char *fmt, ...) TZ_PRINTF(1, 2);

/* A step the program refused, said as "cmd: why"; returns EXIT_DATA. */
int cli_refused(const char *cmd, const char *why);

/* rc, or EXIT_DATA (said on standard error) when standard output could not
 * take what was printed: a run whose answer was lost has not succeeded. */
int cli_flushed(int rc);

/* Prints the change log's chain head, for the user to keep outside the
 * database (publish, backup, verify; verify --head checks it). */
void cli_print_head(tz_db *db);

#endif
