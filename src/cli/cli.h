/* cli — the command line: parses global options and runs a command, each
 * from the module it drives (cli_*.c).  The exit statuses are output.h's. */
#ifndef TZ_CLI_H
#define TZ_CLI_H

#include "cli/output.h"

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
