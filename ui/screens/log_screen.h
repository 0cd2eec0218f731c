/* log_screen — the change log, newest first, filtered by user, object and
 * dates (reached from the F9 menu). */
#ifndef TZ_UI_LOG_SCREEN_H
#define TZ_UI_LOG_SCREEN_H

#include "kit/screen.h"

/* Opens on top of the current screen. */
enum ui_result ui_open_log(struct ui_app *app);

#endif
