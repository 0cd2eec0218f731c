/* field — a one-line text field on screen: draws a textedit (src/base/textedit.h)
 * into a fixed number of columns, scrolled so that the cursor shows, and
 * turns keys into its editing steps. */
#ifndef TZ_UI_FIELD_H
#define TZ_UI_FIELD_H

#include <curses.h>

#include "base/textedit.h"

enum field_result {
	FIELD_PASS,     /* not a key of the field (Enter, Tab, F-keys...) */
	FIELD_MOVED,    /* the cursor moved */
	FIELD_CHANGED   /* the text changed */
};

/* Keys: a typed character inserts it; Left/Right, Home/End, Backspace and
 * Delete work by character. */
enum field_result field_key(struct textedit *t, int key);

/* Typing at the end of a string (a search, a dialog's value): a character
 * is added when it fits in len bytes, Backspace takes the last character
 * off; FIELD_PASS for any other key and for Backspace on nothing. */
enum field_result field_key_end(char *buf, size_t len, int key);

/* Draws t at (y, x) in w columns with attribute a; with focus the terminal's
 * cursor is left on the field's cursor. */
void field_draw(struct textedit *t, int y, int x, int w, attr_t a, int focus);

#endif
