/* actions — finding a screen's action for a key, naming keys for the help,
 * and the actions every screen shares (help, language, quit). */
#ifndef TZ_UI_ACTIONS_H
#define TZ_UI_ACTIONS_H

#include <stddef.h>

#include "kit/screen.h"

/* The action bound to key on screen s, or NULL. */
const struct ui_action *action_for_key(const struct ui_screen *s, int key);
struct settings;
/* The configuration's key bindings, named in the help beside their F-key. */
void action_bindings(const struct settings *conf);
/* "F1, Esc 1" and the other keys' names, translated, into buf. */
void action_keys_text(const struct ui_action *a, char *buf, size_t len);

/* F9: the menu of screens (ui_app.open_menu). */
enum ui_result act_menu(struct ui_app *app);
enum ui_result act_language(struct ui_app *app);
enum ui_result act_quit(struct ui_app *app);
enum ui_result act_close(struct ui_app *app);

#endif
