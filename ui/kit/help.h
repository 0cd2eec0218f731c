/* help — the F1 screen: the keys of the screen it was opened from, read from
 * that screen's action table. */
#ifndef TZ_UI_HELP_H
#define TZ_UI_HELP_H

#include "kit/screen.h"

extern const struct ui_screen help_screen;
/* F1 on any screen: opens the help over it. */
enum ui_result act_help(struct ui_app *app);

#endif
