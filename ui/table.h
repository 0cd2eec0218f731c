/* table — the register screen: the title line, the eight columns of the
 * Appendix form under their headings, both sections with their title rows,
 * the status line; a cursor row that the arrows, PgUp/PgDn and Home/End move. */
#ifndef TZ_UI_TABLE_H
#define TZ_UI_TABLE_H

#include "screen.h"

extern const struct ui_screen register_screen;

struct table *table_new(void);
void table_free(struct table *t);

#endif
