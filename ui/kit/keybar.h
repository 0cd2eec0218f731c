/* keybar — the bottom line in Midnight Commander's style: "1Help 2Language
 * ... 10Quit", from the screen's action table, in the current language. */
#ifndef TZ_UI_KEYBAR_H
#define TZ_UI_KEYBAR_H

#include "kit/screen.h"

/* Draws the bar on the last line. */
void keybar_draw(const struct ui_screen *s);

#endif
