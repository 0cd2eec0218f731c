/* review_screen — the draft against the published register, change by
 * change, approved or returned here (reached from the F9 menu). */
#ifndef TZ_UI_REVIEW_SCREEN_H
#define TZ_UI_REVIEW_SCREEN_H

#include "kit/screen.h"

/* Opens on top of the current screen. */
enum ui_result ui_open_review(struct ui_app *app);

#endif
