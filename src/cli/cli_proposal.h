/* cli_proposal — the sectoral bodies' proposals and their review. */
#ifndef TZ_CLI_PROPOSAL_H
#define TZ_CLI_PROPOSAL_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_proposal(tz_db *db, int argc, char **argv);

#endif
