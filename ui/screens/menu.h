/* menu — the F9 menu (Esc 9 too): every screen of the program and the
 * commands that belong to none, each with a letter that works in the Latin
 * and the Cyrillic layout alike (the same key), arrows and Enter always. */
#ifndef TZ_UI_MENU_H
#define TZ_UI_MENU_H

#include "kit/screen.h"

/* Opens the menu over the current screen; an action's run function. */
enum ui_result menu_open(struct ui_app *app);

/* Closes every screen above the register (the menu's way to another one). */
void menu_to_register(struct ui_app *app);

#endif
