/* cli_calendar — working days and the cycle's deadlines. */
#ifndef TZ_CLI_CALENDAR_H
#define TZ_CLI_CALENDAR_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_workdays(tz_db *db, int argc, char **argv);
int cmd_deadlines(tz_db *db, int argc, char **argv);

#endif
