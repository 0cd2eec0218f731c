/* calendar_screen — the working-day calendar of a year: month grids with every
 * day off marked by why (weekend, holiday, moved holiday, decree) and a
 * legend; a clerk makes a day a day off or a working day by decree, or sets
 * the year's Kurban ait, through a small dialog (src/domain/calendar_edit.h). */
#ifndef TZ_UI_CALENDAR_SCREEN_H
#define TZ_UI_CALENDAR_SCREEN_H

#include "kit/screen.h"

enum ui_result calscreen_open(struct ui_app *app);

#endif
