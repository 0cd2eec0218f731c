/* cycle_screens — the screens of the yearly cycle: proposals by cycle and
 * body, review of the draft against the published register, the cycle's
 * deadlines, and the change log.  Each opens on top of the current screen
 * (reached from the F9 menu). */
#ifndef TZ_UI_CYCLE_SCREENS_H
#define TZ_UI_CYCLE_SCREENS_H

#include "kit/screen.h"

enum ui_result ui_open_proposals(struct ui_app *app);
enum ui_result ui_open_review(struct ui_app *app);
enum ui_result ui_open_deadlines(struct ui_app *app);
enum ui_result ui_open_log(struct ui_app *app);

#endif
