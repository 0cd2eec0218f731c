/* cli_auth — who may do what (user) and what they did (log). */
#ifndef TZ_CLI_AUTH_H
#define TZ_CLI_AUTH_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_user(tz_db *db, int argc, char **argv);
int cmd_log(tz_db *db, int argc, char **argv);

#endif
