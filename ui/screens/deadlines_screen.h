/* deadlines_screen — the current cycle's deadlines as a timeline, the
 * bodies' submissions and the open remarks (reached from the F9 menu). */
#ifndef TZ_UI_DEADLINES_SCREEN_H
#define TZ_UI_DEADLINES_SCREEN_H

#include "kit/screen.h"

/* Opens on top of the current screen. */
enum ui_result ui_open_deadlines(struct ui_app *app);

#endif
