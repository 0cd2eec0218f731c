/* widgets — the lines screens share: a status-line message that belongs to
 * the language it was said in, the title line, and the search line. */
#ifndef TZ_UI_WIDGETS_H
#define TZ_UI_WIDGETS_H

#include <curses.h>

#include "base/debuglog.h"
#include "kit/screen.h"

/* A message for the status line, until the next one or a language switch
 * (a translated sentence is never shown in the other language). */
void cui_say(int alert, const char *fmt, ...) TZ_PRINTF(2, 3);
void cui_clear(void);
/* What cui_say last said, in the language on screen, or NULL. */
const char *cui_said(void);
/* Closes the screen on top with its message: Esc on a screen that says things. */
enum ui_result cui_leave(struct ui_app *app);
/* Draws the status line at y: the message if there is one, else text. */
void cui_status(int y, const char *text);

/* The title line: text over the whole first line. */
void cui_title(const char *text);

/* The search line at y: "Search:", the query with its end in view (or
 * empty, when there is none and empty is not NULL), a block for the cursor
 * when cursor is set, and count at the right edge. */
void cui_search(int y, const char *query, int cursor, const char *empty, const char *count);

#endif
