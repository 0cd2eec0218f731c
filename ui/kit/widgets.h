/* widgets — what the cycle's screens share: a status-line message that
 * belongs to the language it was said in, a small dialog of text fields, a
 * scrolling text view refilled at every draw, a chooser of steps, and a
 * list's cursor. */
#ifndef TZ_UI_WIDGETS_H
#define TZ_UI_WIDGETS_H

#include <curses.h>

#include "base/debuglog.h"
#include "kit/screen.h"

/* A message for the status line, until the next one or a language switch
 * (a translated sentence is never shown in the other language). */
void cui_say(int alert, const char *fmt, ...) TZ_PRINTF(2, 3);
void cui_clear(void);
/* Draws the status line at y: the message if there is one, else text. */
void cui_status(int y, const char *text);

/* The title line: text over the whole first line. */
void cui_title(const char *text);

/* A dialog of text fields over the screen under it.  Enter runs done with
 * the values and closes the dialog (done may open another screen); Esc
 * closes it and changes nothing. */
#define CUI_MAX_FIELDS 4
struct cui_field {
	const char *label;     /* N_() */
	char value[512];
};
typedef void (*cui_done_fn)(struct ui_app *app, struct cui_field *f, int n);
void cui_dialog(struct ui_app *app, const char *title, const struct cui_field *f, int n,
                cui_done_fn done);

/* A text view: fill adds the lines afresh at every draw, so a language
 * switch or another clerk's change shows at once. */
struct cui_lines;
void cui_line(struct cui_lines *l, attr_t a, const char *text);
/* A labelled value: "label   value", the value word-wrapped beside it. */
void cui_pair(struct cui_lines *l, const char *label, const char *value);
void cui_heading(struct cui_lines *l, const char *text);
typedef void (*cui_fill_fn)(struct ui_app *app, struct cui_lines *l, char *title, size_t len);
void cui_view(struct ui_app *app, cui_fill_fn fill);

/* A chooser: Enter closes it and runs the chosen step. */
struct cui_choice {
	const char *label;     /* N_() */
	void (*run)(struct ui_app *app);
};
void cui_choose(struct ui_app *app, const char *title, const struct cui_choice *c, int n);

/* A list's cursor and first shown line. */
struct cui_list { int cur, top, n; };
/* Keeps the cursor inside n rows and on a page of h lines. */
void cui_list_fit(struct cui_list *l, int h);
/* Moves by key (arrows, PgUp/PgDn, Home/End); 1 when it was one of them. */
int cui_list_key(struct cui_list *l, int key, int h);

/* Draws an empty box (a dialog's frame) in the dialog's colours. */
void cui_box(int y, int x, int h, int w, const char *title);

#endif
