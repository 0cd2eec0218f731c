/* cli_order — the official order of the draft register from the command
 * line: move a row up, down or to a number of its section (regorder.h). */
#ifndef TZ_CLI_ORDER_H
#define TZ_CLI_ORDER_H

#include "store/db.h"

/* Gets the open database and its own arguments, argv[0] being the
 * command's name; returns an exit status (cli/output.h). */
int cmd_move(tz_db *db, int argc, char **argv);

#endif
