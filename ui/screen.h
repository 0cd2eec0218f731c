/* screen — what every screen of the interface is made of.  Each screen has
 * one table of actions; the key bindings, the key bar and the help screen are
 * all read from it, so they cannot disagree (as in tig and htop). */
#ifndef TZ_UI_SCREEN_H
#define TZ_UI_SCREEN_H

#include "db.h"

struct regview;
struct table;

/* What a handler did; the loop, not the handler, redraws or leaves. */
enum ui_result { UI_HANDLED, UI_REDRAW, UI_CLOSE, UI_QUIT };

struct ui_app;

struct ui_action {
	int fkey;                /* 1..10: the F-key, and Esc followed by its digit */
	int keys[4];             /* other curses keys, 0-terminated */
	const char *keys_name;   /* N_(): how the help names keys[], or NULL */
	const char *label;       /* N_(): the key bar's word; NULL keeps it off the bar */
	const char *help;        /* N_(): the help screen's line */
	enum ui_result (*run)(struct ui_app *app);
};

struct ui_screen {
	const struct ui_action *actions;
	int nactions;
	/* Draws everything above the key bar, from the current language. */
	void (*draw)(struct ui_app *app);
};

#define UI_MAX_DEPTH 4

struct ui_app {
	tz_db *db;
	struct regview *rv;
	struct table *table;
	const struct ui_screen *stack[UI_MAX_DEPTH];
	int depth;
};

/* The screen under the one on top (what the help screen describes). */
const struct ui_screen *ui_below(const struct ui_app *app);
/* Puts a screen on top; its draw is called from then on. */
void ui_push(struct ui_app *app, const struct ui_screen *s);

#endif
