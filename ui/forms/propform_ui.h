/* propform_ui — the proposal entry form on screen (F5 new, edit from the
 * proposals screen's Step list).  It runs modally over the screen and
 * returns the proposal's id once saved, 0 when nothing was saved.  Its F2
 * switches the language of the whole program, as everywhere.  The fields
 * and rules are src/view/propform.h; this draws and reads keys. */
#ifndef TZ_UI_PROPFORM_UI_H
#define TZ_UI_PROPFORM_UI_H

#include <stdint.h>

#include "store/db.h"

int64_t propform_new(tz_db *db, int64_t cycle);
int64_t propform_edit(tz_db *db, int64_t id);
/* Reopens the form filled with a proposal's draft kept when the terminal
 * went away (src/view/unsaved.h): for an edit, over the proposal as it is now. */
struct unsaved;
int64_t propform_restore(tz_db *db, const struct unsaved *kept);

#endif
