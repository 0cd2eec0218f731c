/* actions — finding a screen's action for a key (its own keys, and the
 * configuration's bindings by name), naming keys for the help, and the
 * actions every screen shares (help, language, quit). */
#ifndef TZ_UI_ACTIONS_H
#define TZ_UI_ACTIONS_H

#include <stddef.h>

#include "kit/screen.h"

/* The action for key on screen s, or NULL: the screen's action of the name
 * the configuration binds key to, if it has one; else the action that has
 * key among its own. */
const struct ui_action *action_for_key(const struct ui_screen *s, int key);
struct settings;
/* The configuration's key bindings (kept, not copied), for action_for_key
 * and for the help, which names them beside the keys of their action. */
void action_bindings(const struct settings *conf);
/* "F1, Esc 1" and the other keys' names, translated, into buf. */
void action_keys_text(const struct ui_action *a, char *buf, size_t len);

/* F1: the help over the screen on top (ui_app.open_help). */
enum ui_result act_help(struct ui_app *app);
/* F9: the menu of screens (ui_app.open_menu). */
enum ui_result act_menu(struct ui_app *app);
enum ui_result act_language(struct ui_app *app);
enum ui_result act_quit(struct ui_app *app);
enum ui_result act_close(struct ui_app *app);

/* The entries most tables have: F1 the help, F2 the language, F9 the menu,
 * and F10 or Esc closing the screen (help: N_(), the help's line). */
#define UI_KEY_HELP \
	{1, {0}, NULL, N_("Help"), N_("Show the keys of this screen"), act_help, SET_ACT_HELP}
#define UI_KEY_LANGUAGE \
	{2, {0}, NULL, N_("Language"), N_("Switch everything on screen between Kazakh and Russian"), \
	 act_language, SET_ACT_LANGUAGE}
#define UI_KEY_MENU \
	{9, {0}, NULL, N_("Menu"), N_("Open the menu of screens and commands"), act_menu, SET_ACT_MENU}
#define UI_KEY_CLOSE(help, run) {10, {27, 0}, N_("Esc"), N_("Close"), help, run, 0}

#endif
