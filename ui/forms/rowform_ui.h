/* rowform_ui — the entry form for a register row (F4 edit, F5 new, F8 delete).
 * Each runs modally over the screen and returns 1 when the register changed
 * (the caller re-reads its view), 0 otherwise.  The form's F2 switches the
 * language of the whole program, as everywhere: a caller that keeps data in
 * the language on screen re-reads it after any of these returns.
 * The form's fields and rules are src/view/rowform.h; this draws and reads keys. */
#ifndef TZ_UI_ROWFORM_UI_H
#define TZ_UI_ROWFORM_UI_H

#include <stdint.h>

#include "store/db.h"

int form_new_row(tz_db *db);
int form_edit_row(tz_db *db, int64_t row_id);
int form_delete_row(tz_db *db, int64_t row_id);
/* Reopens the form filled with a row's draft kept when the terminal went
 * away (src/view/unsaved.h), over the row as it is now.  Returns 1 when the
 * register changed. */
struct unsaved;
int form_restore(tz_db *db, const struct unsaved *kept);

#endif
