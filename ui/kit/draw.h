/* draw — text into a fixed number of columns: widths by wcwidth, a character
 * is never split, a string cut short ends with '~', control characters
 * (bidirectional ones too) and bad bytes show as U+FFFD. */
#ifndef TZ_UI_DRAW_H
#define TZ_UI_DRAW_H

#include <curses.h>

/* Writes s at (y, x) in exactly w columns with attribute a, padding with
 * spaces; right aligns when right is set. */
void draw_cell(int y, int x, int w, const char *s, attr_t a, int right);
/* The same, with bytes [mark, mark + mark_len) of s in attribute ma (as far
 * as they are shown); mark -1 for none. */
void draw_cell_mark(int y, int x, int w, const char *s, attr_t a, int right,
                    int mark, int mark_len, attr_t ma);
/* The end of s that fits in w columns with one to spare (for a cursor
 * after it): what a line being typed shows. */
const char *draw_tail(const char *s, int w);
/* Fills a whole line with spaces in attribute a. */
void draw_fill(int y, attr_t a);
/* How many bytes of s go on one line of width w: whole words where they
 * fit, never less than one character. */
size_t draw_wrap_next(const char *s, int w);
/* Writes s word-wrapped into lines y.. of width w from x; returns the lines used. */
int draw_wrap(int y, int x, int w, int maxlines, const char *s, attr_t a);

#endif
