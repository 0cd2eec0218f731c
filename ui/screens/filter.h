/* filter — the F6 dialog over the register: the filters (section, body,
 * level, profile, several at once), the sort (column and direction) and the
 * columns (narrow, widen, hide).  Changes show under it at once; Enter keeps
 * them, Esc puts everything back as it was. */
#ifndef TZ_UI_FILTER_H
#define TZ_UI_FILTER_H

#include "kit/screen.h"

void filter_open(struct ui_app *app);

#endif
