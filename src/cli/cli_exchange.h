/* cli_exchange — the register in and out in the Appendix layout: import
 * from CSV or XLSX, export to CSV or XLSX (and the review pack). */
#ifndef TZ_CLI_EXCHANGE_H
#define TZ_CLI_EXCHANGE_H

#include "store/db.h"

/* Each gets the open database and its own arguments, argv[0] being the
 * command's name, and returns an exit status (cli/output.h). */
int cmd_import(tz_db *db, int argc, char **argv);
int cmd_export(tz_db *db, int argc, char **argv);

#endif
