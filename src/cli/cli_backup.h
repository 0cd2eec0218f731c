/* cli_backup — the commands that move whole databases and packages:
 * backup, restore, package export / import. */
#ifndef TZ_CLI_BACKUP_H
#define TZ_CLI_BACKUP_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_backup(tz_db *db, int argc, char **argv);
int cmd_restore(tz_db *db, int argc, char **argv);
int cmd_package(tz_db *db, int argc, char **argv);

#endif
