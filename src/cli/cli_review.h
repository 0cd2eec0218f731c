/* cli_review — the draft against the published register, change by
 * change: show, approve, return. */
#ifndef TZ_CLI_REVIEW_H
#define TZ_CLI_REVIEW_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_review(tz_db *db, int argc, char **argv);

#endif
