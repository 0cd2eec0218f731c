/* draw — text into a fixed number of columns: widths by wcwidth, a character
 * is never split, a string cut short ends with '~', control characters and
 * bad bytes show as U+FFFD. */
#ifndef TZ_UI_DRAW_H
#define TZ_UI_DRAW_H

#include <curses.h>

/* Writes s at (y, x) in exactly w columns with attribute a, padding with
 * spaces; right aligns when right is set. */
void draw_cell(int y, int x, int w, const char *s, attr_t a, int right);
/* Fills a whole line with spaces in attribute a. */
void draw_fill(int y, attr_t a);
/* Writes s word-wrapped into lines y.. of width w from x; returns the lines used. */
int draw_wrap(int y, int x, int w, int maxlines, const char *s, attr_t a);

#endif
