/* cli_press — the press release after publication: show, edit. */
#ifndef TZ_CLI_PRESS_H
#define TZ_CLI_PRESS_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_press(tz_db *db, int argc, char **argv);

#endif
