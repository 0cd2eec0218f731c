/* The key loop: reads a key (Esc and a digit count as that F-key), finds
 * the action in the top screen's table, and redraws everything after any
 * change — a redraw reads every word and every row afresh, which is what
 * makes a language switch and a resize complete. */
#include "kit/loop.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/help.h"
#include "kit/keybar.h"
#include "kit/theme.h"
#include "kit/timing.h"
#include "view/regview.h"
#include "view/unsaved.h"

static void on_signal(int sig)
{
	(void)sig;
	unsaved_signalled = 1;
}

void ui_draw_all(struct ui_app *app)
{
	/* The language may have been switched on another screen or in a form:
	 * the register's data follows it. */
	if (app->rv && strcmp(rv_lang(app->rv), i18n_lang()) != 0)
		rv_set_lang(app->rv, i18n_lang());
	if (!dlg_fits()) {
		attrset(theme(TH_NORMAL));
		erase();
		dlg_too_small();
	} else {
		ui_draw_top(app);
	}
	refresh();
}

void ui_draw_top(void *ctx)
{
	struct ui_app *app = ctx;
	const struct ui_screen *s = app->stack[app->depth - 1];
	attrset(theme(TH_NORMAL));
	erase();
	s->draw(app);
	help_demo_mark(app);
	help_first_start(app);
	keybar_draw_app(app, s);
}

void ui_tell(struct ui_app *app, const char *title, const char *text)
{
	dlg_layer_push(ui_draw_top, app);
	dlg_message(title, text);
	dlg_layer_pop();
}

void ui_catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;   /* no SA_RESTART: getch returns so we can leave */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}


/* The mouse wheel scrolls as the arrows do; clicks are not used yet. */
static int mouse_key(void)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return ERR;
	if (ev.bstate & BUTTON4_PRESSED)
		return KEY_UP;
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return KEY_DOWN;
#endif
	return ERR;
}

void ui_loop(struct ui_app *app)
{
	int redraw = 1;
	while (!unsaved_signalled) {
		if (redraw)
			ui_draw_all(app);
		redraw = 0;
		int k = timing_read_key();
		if (k == ERR)
			continue;
		if (k == KEY_RESIZE) {
			redraw = 1;
			continue;
		}
		if (k == KEY_MOUSE && (k = mouse_key()) == ERR)
			continue;
		const struct ui_screen *s = app->stack[app->depth - 1];
		app->key = k;
		enum ui_result r = s->input ? s->input(app, k) : UI_PASS;
		if (r == UI_PASS) {
			const struct ui_action *a = action_for_key(s, k);
			if (!a)
				continue;
			char why[512];
			if (s->may && s->may(app, a, why, sizeof why)) {
				/* Not for this user now: the key says why, whole, in a box
				 * named by what was asked for. */
				ui_draw_all(app);
				ui_tell(app, a->label ? _(a->label) : _("Not now"), why);
				r = UI_REDRAW;
			} else {
				r = a->run(app);
			}
		}
		if (r == UI_QUIT)
			break;
		if (r == UI_CLOSE && app->depth > 1)
			app->depth--;
		redraw = 1;
	}
}
