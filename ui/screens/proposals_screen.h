/* proposals_screen — a cycle's proposals by body, each taken a step on
 * or edited from here (reached from the F9 menu). */
#ifndef TZ_UI_PROPOSALS_SCREEN_H
#define TZ_UI_PROPOSALS_SCREEN_H

#include "kit/screen.h"

/* Opens on top of the current screen. */
enum ui_result ui_open_proposals(struct ui_app *app);

#endif
