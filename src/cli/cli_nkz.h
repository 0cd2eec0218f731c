/* cli_nkz — the occupation classifier (NKZ) imported from a file. */
#ifndef TZ_CLI_NKZ_H
#define TZ_CLI_NKZ_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_import_nkz(tz_db *db, int argc, char **argv);

#endif
