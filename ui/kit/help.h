/* help — the F1 screen: what the screen it was opened from is for, its keys,
 * read from that screen's action table (with the configuration's bindings
 * beside them), and the cycle of the Order; scrolled, and searchable with F7
 * or /.  Also the words of the first start and the demo register's mark. */
#ifndef TZ_UI_HELP_H
#define TZ_UI_HELP_H

#include "kit/screen.h"

/* Opens the help over the screen on top (ui_app.open_help). */
enum ui_result help_open(struct ui_app *app);

/* Drawn over the register when the database has no register version yet:
 * what a clerk does first, with the keys. */
void help_first_start(struct ui_app *app);
/* "DEMO register" at the right of the title line while the database holds
 * the demonstration register. */
void help_demo_mark(struct ui_app *app);

#endif
