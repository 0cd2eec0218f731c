/* export_screen — the export dialog, which writes the register as
 * `tizilim export` does: a CSV, the Appendix's workbook, or the review pack. */
#ifndef TZ_UI_EXPORT_SCREEN_H
#define TZ_UI_EXPORT_SCREEN_H

#include "kit/screen.h"

/* Opens on top of the current screen. */
enum ui_result ui_open_export(struct ui_app *app);

#endif
