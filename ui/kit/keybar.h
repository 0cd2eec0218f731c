/* keybar — the bottom line in Midnight Commander's style: "1Help 2Language
 * ... 10Quit", from the screen's action table, in the current language. */
#ifndef TZ_UI_KEYBAR_H
#define TZ_UI_KEYBAR_H

#include "kit/screen.h"

/* Draws the bar on the last line: every F-key with its label. */
void keybar_draw(const struct ui_screen *s);
/* The same, leaving out the keys that the screen's may says app's user may
 * not use now.  Labels are never cut nor run together: when they do not
 * all fit, the language key and then the screen's higher keys give way
 * (the help names them all); F1, F9 and F10 always stay. */
void keybar_draw_app(struct ui_app *app, const struct ui_screen *s);

#endif
