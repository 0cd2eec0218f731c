#include "kit/draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/text.h"

/* A copy that is safe to hand to curses: anything that would not print as
 * one character becomes U+FFFD, so widths measured here hold on screen.
 * That covers the bidirectional controls too (text_is_control): curses
 * passes them on, and a terminal that reorders text would reorder the
 * line around them. */
static char *printable(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n * 3 + 1), *o = out;
	if (!out)
		return NULL;
	unsigned cp;
	for (int len; (len = text_next(s, &cp)) > 0; s += len) {
		if (text_is_control(cp) || wcwidth((wchar_t)cp) < 0 ||
		    (cp == 0xFFFD && len == 1)) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(o, s, (size_t)len);
			o += len;
		}
	}
	*o = 0;
	return out;
}

/* Characters in the first n bytes of s. */
static int chars_in(const char *s, size_t n)
{
	int k = 0;
	unsigned cp;
	for (size_t i = 0; i < n && s[i]; k++)
		i += (size_t)text_next(s + i, &cp);
	return k;
}

/* Bytes of the first k characters of s. */
static size_t bytes_of(const char *s, int k)
{
	size_t i = 0;
	unsigned cp;
	for (; k > 0 && s[i]; k--)
		i += (size_t)text_next(s + i, &cp);
	return i;
}

/* n blanks from the cursor on, in the current attributes, the cursor left
 * after them: one hline where a loop of addch renders each cell anew (a
 * tenth of a key's instructions at 100,000 rows). */
static void blanks(int n)
{
	if (n <= 0)
		return;
	int y, x;
	getyx(stdscr, y, x);
	hline(' ', n);
	if (x + n < COLS)
		move(y, x + n);
	else if (y + 1 < LINES)
		move(y + 1, 0);
}

/* n bytes of UTF-8 text, as wide characters: curses' own decoding goes a
 * byte at a time through the C library (a thousand instructions a
 * character). */
static void put_text(const char *p, size_t n)
{
	wchar_t buf[256];
	size_t k = 0;
	unsigned cp;
	for (size_t i = 0; i < n;) {
		i += (size_t)text_next(p + i, &cp);
		buf[k++] = (wchar_t)cp;
		if (k == sizeof buf / sizeof *buf) {
			addnwstr(buf, (int)k);
			k = 0;
		}
	}
	if (k)
		addnwstr(buf, (int)k);
}

void draw_cell_mark(int y, int x, int w, const char *s, attr_t a, int right,
                    int mark, int mark_len, attr_t ma)
{
	if (w <= 0)
		return;
	s = s ? s : "";
	char *p = printable(s);
	if (!p)
		return;
	/* printable() keeps one character for one, so the mark moves by
	 * characters from s to p. */
	size_t m0 = 0, m1 = 0;
	if (mark >= 0 && mark_len > 0) {
		int c0 = chars_in(s, (size_t)mark);
		int c1 = chars_in(s, (size_t)mark + (size_t)mark_len);
		m0 = bytes_of(p, c0);
		m1 = bytes_of(p, c1);
	}
	int tw = text_width(p);
	size_t bytes;
	int shown, cut = tw > w;
	if (cut) {
		bytes = text_fit(p, w - 1);
		p[bytes] = 0;
		shown = text_width(p) + 1;
	} else {
		bytes = strlen(p);
		shown = tw;
	}
	if (m1 > bytes)
		m1 = bytes;
	if (m0 > m1)
		m0 = m1;
	int pad = w - shown;
	attrset(a);
	move(y, x);
	if (right)
		blanks(pad);
	put_text(p, m0);
	if (m1 > m0) {
		attrset(ma);
		put_text(p + m0, m1 - m0);
		attrset(a);
	}
	put_text(p + m1, bytes - m1);
	if (cut)
		addch('~');
	if (!right)
		blanks(pad);
	free(p);
}

void draw_cell(int y, int x, int w, const char *s, attr_t a, int right)
{
	draw_cell_mark(y, x, w, s, a, right, -1, 0, a);
}

const char *draw_tail(const char *s, int w)
{
	unsigned cp;
	while (*s && text_width(s) > w - 1)
		s += text_next(s, &cp);
	return s;
}

void draw_fill(int y, attr_t a)
{
	attrset(a);
	move(y, 0);
	blanks(COLS);
}

size_t draw_wrap_next(const char *s, int w)
{
	size_t fit = text_fit(s, w);
	if (!fit) {           /* a character wider than the line: show it anyway */
		unsigned cp;
		fit = (size_t)text_next(s, &cp);
	}
	if (s[fit]) {
		/* Break at the last space that fits, if there is one. */
		size_t sp = fit;
		while (sp > 0 && s[sp] != ' ')
			sp--;
		if (sp > 0)
			fit = sp;
	}
	return fit;
}

int draw_wrap(int y, int x, int w, int maxlines, const char *s, attr_t a)
{
	int used = 0;
	while (*s && used < maxlines) {
		size_t fit = draw_wrap_next(s, w);
		char *line = strndup(s, fit);
		if (!line)
			break;
		draw_cell(y + used, x, w, line, a, 0);
		free(line);
		used++;
		s += fit;
		while (*s == ' ')
			s++;
	}
	return used;
}
