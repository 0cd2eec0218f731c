/* loop — the interface's key loop over the screen stack (kit/screen.h). */
#ifndef TZ_UI_LOOP_H
#define TZ_UI_LOOP_H

#include "kit/screen.h"

/* Draws the top screen and its key bar, or says the terminal is too small. */
void ui_draw_all(struct ui_app *app);
/* SIGHUP, SIGTERM and SIGINT set unsaved_signalled (view/unsaved.h). */
void ui_catch_signals(void);
/* Reads keys until a screen quits or the terminal goes: each key goes to
 * the top screen's input hook, then to its action table (action_for_key,
 * which knows the configuration's bindings); UI_CLOSE pops the top screen. */
void ui_loop(struct ui_app *app);

/* The top screen and its key bar, drawn afresh over what was there: the
 * layer under a modal box (kit/dialog.h); ctx is the ui_app. */
void ui_draw_top(void *ctx);
/* A message over the top screen, until the clerk closes it. */
void ui_tell(struct ui_app *app, const char *title, const char *text);

#endif
