/* loop — the interface's key loop over the screen stack (kit/screen.h). */
#ifndef TZ_UI_LOOP_H
#define TZ_UI_LOOP_H

#include "kit/screen.h"

/* Draws the top screen and its key bar, or says the terminal is too small. */
void ui_draw_all(struct ui_app *app);
/* SIGHUP, SIGTERM and SIGINT set unsaved_signalled (view/unsaved.h). */
void ui_catch_signals(void);
/* Reads keys until a screen quits or the terminal goes: each key passes
 * through translate (the configuration's bindings; NULL: none), then the top
 * screen's input hook and action table; UI_CLOSE pops the top screen. */
void ui_loop(struct ui_app *app, int (*translate)(int key));

#endif
