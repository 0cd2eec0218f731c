/* classifier_screen — the NKZ screen: the hierarchy one group at a time (Enter goes
 * into a group, Backspace or Left back out), and search as you type across
 * every level (src/domain/search.h).  Read a window at a time: the classifier may
 * hold 50,000 codes. */
#ifndef TZ_UI_CLASSIFIER_SCREEN_H
#define TZ_UI_CLASSIFIER_SCREEN_H

#include "kit/screen.h"

enum ui_result classifier_open(struct ui_app *app);

#endif
