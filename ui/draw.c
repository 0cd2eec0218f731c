#include "draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

/* A copy that is safe to hand to curses: anything that would not print as
 * one character becomes U+FFFD, so widths measured here hold on screen. */
static char *printable(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n * 3 + 1), *o = out;
	if (!out)
		return NULL;
	unsigned cp;
	for (int len; (len = text_next(s, &cp)) > 0; s += len) {
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || wcwidth((wchar_t)cp) < 0 ||
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

void draw_cell(int y, int x, int w, const char *s, attr_t a, int right)
{
	if (w <= 0)
		return;
	char *p = printable(s ? s : "");
	if (!p)
		return;
	attrset(a);
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
	int pad = w - shown;
	move(y, x);
	if (right)
		for (int i = 0; i < pad; i++)
			addch(' ');
	addnstr(p, (int)bytes);
	if (cut)
		addch('~');
	if (!right)
		for (int i = 0; i < pad; i++)
			addch(' ');
	free(p);
}

void draw_fill(int y, attr_t a)
{
	attrset(a);
	move(y, 0);
	for (int i = 0; i < COLS; i++)
		addch(' ');
}

int draw_wrap(int y, int x, int w, int maxlines, const char *s, attr_t a)
{
	int used = 0;
	while (*s && used < maxlines) {
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
