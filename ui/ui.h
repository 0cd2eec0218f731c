/* ui — the terminal interface.  The only code that includes curses. */
#ifndef TZ_UI_H
#define TZ_UI_H

#include "store/db.h"

/* Runs the interface on an open database until the user quits; lang_opt is
 * --lang (it outranks the configuration file's language), or NULL.  Returns the
 * process exit status. */
int ui_run(tz_db *db, const char *lang_opt);

#endif
