/* cli_council — the forming stage on the command line (Order cl. 11):
 * cycle recommendations show | approve | return | amend | add | exclude,
 * each citing the item of the Council's recommendations it carries out;
 * and the grounds of the draft's changes (review ground). */
#ifndef TZ_CLI_COUNCIL_H
#define TZ_CLI_COUNCIL_H

#include "store/db.h"

/* argv[0] is "recommendations", argv[1] the verb.  An exit status. */
int cmd_council(tz_db *db, int argc, char **argv);
/* True when argv holds a verb of cmd_council rather than the recording
 * of the recommendations themselves (options only). */
int cli_council_is_verb(int argc, char **argv);
/* review ground CODE:LEVEL --correction TEXT: argv[0] is "ground". */
int cmd_ground(tz_db *db, int argc, char **argv);

#endif
