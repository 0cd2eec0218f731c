/* package_screen — offline packages from the interface (src/exchange/package.h): export a
 * sectoral body's proposals of one cycle to a file, and import such a file
 * after a dry run whose findings the clerk reads first.  Who may do either is
 * decided in src/; these screens show its refusal. */
#ifndef TZ_UI_PACKAGE_SCREEN_H
#define TZ_UI_PACKAGE_SCREEN_H

#include "kit/screen.h"

/* The export form: the body (a sectoral body's clerk exports their own), the
 * cycle and the file, named <body>-<year>-<season>.tzp by default. */
enum ui_result ui_open_package_export(struct ui_app *app);

/* The import form: the file; then every finding of the dry run, and the
 * choice (import, or replace / skip the conflicts, or cancel) before
 * anything is written. */
enum ui_result ui_open_package_import(struct ui_app *app);

#endif
