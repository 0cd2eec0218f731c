/* textview — text that scrolls: a title, lines of text, headings and
 * label-value pairs, words wrapped to the width, and "Lines 1-20 of 57" on
 * the status line.  The lines are filled afresh at every draw, so that a
 * language switch or another clerk's change shows at once.  One view serves
 * the help, a register row in full, a proposal, a log entry, the press
 * release and a package's findings.
 *
 * A view keeps its place by where it stands on the screen stack, so that one
 * can open over another (the help over a proposal).  tv_open shows the
 * common one: F1, F2, Esc back and the scrolling keys.  A view with keys of
 * its own has a screen of its own, whose draw is tv_draw and whose table
 * has TV_SCROLL_KEYS; it is opened with tv_push. */
#ifndef TZ_UI_TEXTVIEW_H
#define TZ_UI_TEXTVIEW_H

#include <curses.h>
#include <stddef.h>

#include "kit/list.h"
#include "kit/screen.h"

struct tv_lines;
/* A line in attribute a. */
void tv_line(struct tv_lines *l, attr_t a, const char *text);
/* "label   value": the labels in a column as wide as the widest, each value
 * word-wrapped beside its label. */
void tv_pair(struct tv_lines *l, const char *label, const char *value);
/* The same with the label in attribute la rather than the section's. */
void tv_pair_in(struct tv_lines *l, attr_t la, const char *label, const char *value);
/* A blank line, then text as a heading. */
void tv_heading(struct tv_lines *l, const char *text);
/* Words for the status line, after the count of lines. */
void tv_status(struct tv_lines *l, const char *text);

/* Fills l, and the title into title[len]. */
typedef void (*tv_fill_fn)(struct ui_app *app, struct tv_lines *l, char *title, size_t len);

/* Puts s on top, showing the lines fill gives from the first; s->draw must
 * be tv_draw, or call it (and may draw over it). */
void tv_push(struct ui_app *app, const struct ui_screen *s, tv_fill_fn fill);
/* Draws the text view nearest the top of the stack: the title, the lines in
 * the window, "Lines 1-20 of 57" on the status line. */
void tv_draw(struct ui_app *app);
/* What the scrolling keys do to it (the key is app->key). */
enum ui_result tv_scroll(struct ui_app *app);

/* Finding a word in the view nearest the top: from the line after the
 * last one found (or the top), wrapping round; the line found is scrolled
 * to the top and marked.  0, or -1 when the word is nowhere. */
int tv_find(struct ui_app *app, const char *word);

/* The common view over the screen it was opened from: Esc goes back. */
void tv_open(struct ui_app *app, tv_fill_fn fill);

#define TV_SCROLL_KEYS \
	UI_LIST_KEYS(tv_scroll, N_("Scroll up a line"), N_("Scroll down a line"), N_("Scroll a page up"), \
	             N_("Scroll a page down"), N_("Go to the top"), N_("Go to the end"))

#endif
