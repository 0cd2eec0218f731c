/* cycle_steps — the cycle's own steps from the interface: open a cycle,
 * submit the draft to the Council, record its recommendations, publish
 * (offering a backup first), and the press release that follows. */
#ifndef TZ_UI_CYCLE_STEPS_H
#define TZ_UI_CYCLE_STEPS_H

#include "kit/screen.h"

enum ui_result ui_open_cycle_steps(struct ui_app *app);

#endif
