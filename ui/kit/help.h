/* help — the F1 screen: the keys of the screen it was opened from, read
 * from that screen's action table (with the configuration's bindings beside
 * them), scrolled when they do not fit. */
#ifndef TZ_UI_HELP_H
#define TZ_UI_HELP_H

#include "kit/screen.h"

/* Opens the help over the screen on top (ui_app.open_help). */
enum ui_result help_open(struct ui_app *app);

#endif
