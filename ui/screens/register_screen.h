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

struct table *table_new(void);
void table_free(struct table *t);

/* Draws the register screen (dialogs draw it under themselves). */
void table_draw(struct ui_app *app);
/* Puts the cursor back on the first row (after the rows changed). */
void table_home(struct table *t);
/* reg_row.id under the cursor, or 0. */
int64_t table_cursor_id(struct ui_app *app);

enum { TABLE_NCOL = 8 };
/* A column's heading, translated; the order it sorts by. */
const char *table_col_name(int c);
enum rv_sort table_col_sort(int c);
int table_col_hidden(const struct table *t, int c);
/* Hides or shows a column; the profession name always stays. */
void table_col_toggle(struct table *t, int c);
/* Widens (by > 0) or narrows a column. */
void table_col_resize(struct table *t, int c, int by);
/* The columns' widths on this screen, 0 for a hidden one. */
void table_col_widths(const struct table *t, const struct regview *rv, int w[TABLE_NCOL]);
/* Saves and restores the column choices (a dialog's Esc). */
struct table_cols { int hidden[TABLE_NCOL], delta[TABLE_NCOL]; };
void table_cols_get(const struct table *t, struct table_cols *c);
void table_cols_set(struct table *t, const struct table_cols *c);

#endif
