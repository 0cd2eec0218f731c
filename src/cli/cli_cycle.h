/* cli_cycle — the cycle's own steps: cycle (open, show, the Council's
 * submission and recommendations) and publish. */
#ifndef TZ_CLI_CYCLE_H
#define TZ_CLI_CYCLE_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_cycle(tz_db *db, int argc, char **argv);
int cmd_publish(tz_db *db, int argc, char **argv);

#endif
