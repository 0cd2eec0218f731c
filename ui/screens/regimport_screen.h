/* regimport_screen — register rows read into the draft from the files of the
 * Appendix's form, as `tizilim import` reads them: a Kazakh file, a Russian
 * file or both, CSV or XLSX. */
#ifndef TZ_UI_REGIMPORT_SCREEN_H
#define TZ_UI_REGIMPORT_SCREEN_H

#include "kit/screen.h"

/* Opens the form on top of the current screen. */
enum ui_result ui_open_register_import(struct ui_app *app);

#endif
