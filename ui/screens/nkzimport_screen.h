/* nkzimport_screen — the classifier imported from a file in the terminal:
 * the file's name asked, a progress bar (Esc cancels, nothing written), the
 * rows with problems listed with the choice to import the others, and what
 * the import changed. */
#ifndef TZ_UI_NKZIMPORT_SCREEN_H
#define TZ_UI_NKZIMPORT_SCREEN_H

#include "kit/screen.h"

enum ui_result ui_open_nkz_import(struct ui_app *app);

/* Counts the imports that wrote something: a screen showing the classifier
 * reads it again when the count has moved. */
int nkzimport_generation(void);

#endif
