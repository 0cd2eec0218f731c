/* detail — the F3 view of one register row: every field in both languages,
 * the proposal it came from, and its history from the change log. */
#ifndef TZ_UI_DETAIL_H
#define TZ_UI_DETAIL_H

#include <stdint.h>

#include "kit/screen.h"

/* Puts the detail of reg_row id on top of the screens. */
void detail_open(struct ui_app *app, int64_t id);

#endif
