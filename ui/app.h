/* app — the terminal interface as a whole: the program's screens run on an
 * open database.  ui/ is the only code that includes curses. */
#ifndef TZ_UI_APP_H
#define TZ_UI_APP_H

#include "store/db.h"

/* Runs the interface on an open database until the user quits; lang_opt is
 * --lang (it outranks the configuration file's language), or NULL.  Returns the
 * process exit status. */
int ui_run(tz_db *db, const char *lang_opt);

#endif
