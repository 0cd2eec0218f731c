/* screen — what every screen of the interface is made of.  Each screen has
 * one table of actions; the key bindings, the key bar and the help screen are
 * all read from it, so they cannot disagree (as in tig and htop). */
#ifndef TZ_UI_SCREEN_H
#define TZ_UI_SCREEN_H

#include "base/prefs.h"
#include "base/settings.h"
#include "store/db.h"

struct regview;
struct table;

/* What a handler did; the loop, not the handler, redraws or leaves.
 * UI_PASS: an input hook did not want the key; the action table gets it. */
enum ui_result { UI_HANDLED, UI_REDRAW, UI_CLOSE, UI_QUIT, UI_PASS };

/* Keys as the loop hands them on: curses' KEY_* codes for function keys,
 * F-keys also from Esc and a digit; a typed character as its code point,
 * except that one which falls among the KEY_* codes carries UI_WIDE, so
 * that a Latin-Extended letter is never taken for an arrow. */
#define UI_WIDE 0x1000000
/* The character a key typed, or 0 for a function key. */
int ui_key_char(int key);
/* Reads one key for any screen or dialog: wide characters as UI_WIDE, and Esc
 * then a digit as that F-key (terminals that eat F-keys). */
int ui_read_key(void);

struct ui_app;

struct ui_action {
	int fkey;                /* 1..10: the F-key, and Esc followed by its digit */
	int keys[4];             /* other curses keys, 0-terminated */
	const char *keys_name;   /* N_(): how the help names keys[], or NULL */
	const char *label;       /* N_(): the key bar's word; NULL keeps it off the bar */
	const char *help;        /* N_(): the help screen's line */
	enum ui_result (*run)(struct ui_app *app);
	/* The name a key is bound to in the configuration (bind.filter = ^T), or
	 * SET_ACT_NONE: such a key runs the action of that name on the screen
	 * that has one, and on another screen only what it does there itself. */
	enum settings_action name;
};

struct ui_screen {
	const struct ui_action *actions;
	int nactions;
	/* Draws everything above the key bar, from the current language. */
	void (*draw)(struct ui_app *app);
	/* Optional: sees every key before the action table (a text line being
	 * typed into); returns UI_PASS to let the table have it. */
	enum ui_result (*input)(struct ui_app *app, int key);
	/* N_(), optional: what the screen is for and what to do next, the
	 * first thing its help says. */
	const char *about;
	/* Optional: whether the user at the terminal may use action a now (their
	 * role, where the register and the cycle stand), asked of the core.
	 * 0 when they may; else -1 with the reason in why.  What they may not do
	 * is left off the key bar, and its key says why instead of acting. */
	int (*may)(struct ui_app *app, const struct ui_action *a, char *why, size_t len);
};

#define UI_MAX_DEPTH 4

struct ui_app {
	tz_db *db;
	struct regview *rv;
	struct table *table;
	const struct ui_screen *stack[UI_MAX_DEPTH];
	int depth;
	/* The key being handled: an action that several keys run (the moving
	 * keys of a list) reads which it was. */
	int key;
	/* F9 on any screen: the menu of screens, which opens the screens
	 * themselves (set by the program, so no screen names the menu). */
	enum ui_result (*open_menu)(struct ui_app *app);
	/* F1 on any screen: the help over it (kit/help.h), set by the program
	 * too, so that the screens' tables need not name the help's module. */
	enum ui_result (*open_help)(struct ui_app *app);
	/* What the clerk chose, kept for the next start (base/prefs.h): a screen
	 * reads and updates its part (the export form its folder). */
	struct prefs *prefs;
};

/* The screen under the one on top (what the help screen describes). */
const struct ui_screen *ui_below(const struct ui_app *app);
/* Draws it: what a box on top of the stack shows around itself. */
void ui_draw_below(struct ui_app *app);
/* Puts a screen on top; its draw is called from then on. */
void ui_push(struct ui_app *app, const struct ui_screen *s);


#endif
