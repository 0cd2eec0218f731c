/* textedit — the editing logic of a one-line text field, without a screen:
 * a UTF-8 buffer and a cursor that move, insert and delete by character,
 * never by byte, and the horizontal scroll that keeps the cursor in view
 * when the text is wider than the field. */
#ifndef TZ_TEXTEDIT_H
#define TZ_TEXTEDIT_H

#include <stddef.h>

struct textedit {
	char *buf;        /* always NUL-terminated, valid UTF-8 */
	size_t len, cap;
	size_t cur;       /* byte offset of the cursor, on a character boundary */
	size_t scroll;    /* byte offset of the first character shown */
};

/* Starts with s (NULL for empty); the cursor goes to the end.  0 or -1. */
int te_init(struct textedit *t, const char *s);
void te_free(struct textedit *t);
/* Replaces the text, cursor at the end.  0 or -1. */
int te_set(struct textedit *t, const char *s);
const char *te_text(const struct textedit *t);

/* Inserts one character (a code point) at the cursor.  Control characters
 * and surrogates are refused.  1 if the text changed, 0 if not, -1 on no memory. */
int te_insert(struct textedit *t, unsigned cp);
/* Each returns 1 if the text or the cursor changed, else 0. */
int te_backspace(struct textedit *t);
int te_delete(struct textedit *t);
int te_left(struct textedit *t);
int te_right(struct textedit *t);
int te_home(struct textedit *t);
int te_end(struct textedit *t);

/* Adjusts the scroll so that the cursor shows in a field of width columns
 * (the cursor may sit after the last character); returns the cursor's
 * column within the field. */
int te_view(struct textedit *t, int width);

/* A multi-line field: the text laid out in lines of width columns, broken
 * after whole words (a word wider than the line is broken between
 * characters, never inside one); the spaces at a break end the line before.
 * start[k] and len[k] are each line's bytes to show, at most max lines
 * (at least one).  *row and *col (when given) get the cursor's line and
 * column; a cursor after a full last line gets a line of its own.  Returns
 * the number of lines. */
int te_wrap(const struct textedit *t, int width, size_t *start, size_t *len, int max, int *row,
            int *col);

/* Terminal columns of bytes [from, to) of s. */
int te_span_width(const char *s, size_t from, size_t to);

#endif
