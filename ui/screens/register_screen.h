/* register_screen — the register screen: the title line, the eight columns of the
 * Appendix form under their headings, both sections with their title rows,
 * the status line and, while searching, the search line; a cursor row that
 * the arrows, PgUp/PgDn and Home/End move.  Columns can be narrowed,
 * widened and hidden (kept in memory for the session). */
#ifndef TZ_UI_REGISTER_SCREEN_H
#define TZ_UI_REGISTER_SCREEN_H

#include <stdint.h>

#include "view/regview.h"
#include "kit/screen.h"

extern const struct ui_screen register_screen;

/* Draws the register screen (dialogs draw it under themselves). */
void table_draw(struct ui_app *app);
/* reg_row.id under the cursor, or 0. */
int64_t table_cursor_id(struct ui_app *app);

#endif
