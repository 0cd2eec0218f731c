/* reference_screens — the reference data screens: sectoral bodies, employer
 * associations, sectoral councils and NRK levels (the classifier has its
 * own, ui/screens/classifier_screen.h).  Each is a list read a window at a time, names in
 * the current language, both languages of the row under the cursor shown
 * below it. */
#ifndef TZ_UI_REFERENCE_SCREENS_H
#define TZ_UI_REFERENCE_SCREENS_H

#include "kit/screen.h"

enum ui_result refs_open_bodies(struct ui_app *app);
enum ui_result refs_open_associations(struct ui_app *app);
enum ui_result refs_open_councils(struct ui_app *app);
enum ui_result refs_open_levels(struct ui_app *app);

#endif
