#include "base/textedit.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/text.h"

static int grow(struct textedit *t, size_t need)
{
	if (need + 1 <= t->cap)
		return 0;
	size_t cap = t->cap ? t->cap : 32;
	while (cap < need + 1)
		cap *= 2;
	char *b = realloc(t->buf, cap);
	if (!b)
		return -1;
	t->buf = b;
	t->cap = cap;
	return 0;
}

int te_init(struct textedit *t, const char *s)
{
	memset(t, 0, sizeof *t);
	return te_set(t, s);
}

void te_free(struct textedit *t)
{
	free(t->buf);
	memset(t, 0, sizeof *t);
}

/* Invalid bytes would break every character step below, so they are
 * replaced on the way in. */
int te_set(struct textedit *t, const char *s)
{
	s = s ? s : "";
	if (grow(t, strlen(s) * 3))
		return -1;
	size_t n = 0;
	unsigned cp;
	for (int k; (k = text_next(s, &cp)) > 0; s += k) {
		if (cp == 0xFFFD && k == 1) {
			memcpy(t->buf + n, "\xEF\xBF\xBD", 3);
			n += 3;
		} else {
			memcpy(t->buf + n, s, (size_t)k);
			n += (size_t)k;
		}
	}
	t->buf[n] = 0;
	t->len = t->cur = n;
	t->scroll = 0;
	return 0;
}

const char *te_text(const struct textedit *t)
{
	return t->buf ? t->buf : "";
}

static int encode(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int te_insert(struct textedit *t, unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xD800 && cp < 0xE000) ||
	    cp > 0x10FFFF)
		return 0;
	char u[4];
	int n = encode(cp, u);
	if (grow(t, t->len + (size_t)n))
		return -1;
	memmove(t->buf + t->cur + n, t->buf + t->cur, t->len - t->cur + 1);
	memcpy(t->buf + t->cur, u, (size_t)n);
	t->len += (size_t)n;
	t->cur += (size_t)n;
	return 1;
}

/* Start of the character before byte offset at. */
static size_t prev_char(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

static size_t next_char(const char *s, size_t at)
{
	unsigned cp;
	int k = text_next(s + at, &cp);
	return at + (size_t)(k > 0 ? k : 0);
}

int te_backspace(struct textedit *t)
{
	if (!t->cur)
		return 0;
	size_t p = prev_char(t->buf, t->cur);
	memmove(t->buf + p, t->buf + t->cur, t->len - t->cur + 1);
	t->len -= t->cur - p;
	t->cur = p;
	if (t->scroll > p)
		t->scroll = p;
	return 1;
}

int te_delete(struct textedit *t)
{
	if (t->cur >= t->len)
		return 0;
	size_t n = next_char(t->buf, t->cur);
	memmove(t->buf + t->cur, t->buf + n, t->len - n + 1);
	t->len -= n - t->cur;
	return 1;
}

int te_left(struct textedit *t)
{
	if (!t->cur)
		return 0;
	t->cur = prev_char(t->buf, t->cur);
	return 1;
}

int te_right(struct textedit *t)
{
	if (t->cur >= t->len)
		return 0;
	t->cur = next_char(t->buf, t->cur);
	return 1;
}

int te_home(struct textedit *t)
{
	int moved = t->cur != 0;
	t->cur = 0;
	return moved;
}

int te_end(struct textedit *t)
{
	int moved = t->cur != t->len;
	t->cur = t->len;
	return moved;
}

int te_span_width(const char *s, size_t from, size_t to)
{
	int w = 0;
	unsigned cp;
	for (size_t i = from; i < to && s[i];) {
		int k = text_next(s + i, &cp);
		int cw = wcwidth((wchar_t)cp);
		w += cw < 0 ? 1 : cw;
		i += (size_t)k;
	}
	return w;
}

int te_view(struct textedit *t, int width)
{
	if (width < 1)
		width = 1;
	if (!t->buf)
		return 0;
	if (t->scroll > t->cur)
		t->scroll = t->cur;
	/* The last column stays free for the cursor after the text. */
	while (t->scroll < t->cur && te_span_width(t->buf, t->scroll, t->cur) > width - 1)
		t->scroll = next_char(t->buf, t->scroll);
	/* Scrolled further than needed (text deleted, or the field grew). */
	while (t->scroll > 0) {
		size_t p = prev_char(t->buf, t->scroll);
		if (te_span_width(t->buf, p, t->cur) > width - 1)
			break;
		t->scroll = p;
	}
	return te_span_width(t->buf, t->scroll, t->cur);
}

int te_wrap(const struct textedit *t, int width, size_t *start, size_t *len, int max, int *row,
            int *col)
{
	const char *b = t->buf;
	size_t at = 0;
	int n = 0, crow = 0, ccol = 0;
	if (width < 1)
		width = 1;
	while (n < max) {
		size_t fit = text_fit(b + at, width);
		if (!fit && b[at]) {         /* a character wider than the line */
			unsigned cp;
			fit = (size_t)text_next(b + at, &cp);
		}
		if (b[at + fit]) {
			/* Break at the last space that fits, if there is one. */
			size_t sp = fit;
			while (sp > 0 && b[at + sp] != ' ')
				sp--;
			if (sp > 0)
				fit = sp;
		}
		size_t next = at + fit;
		while (b[next] == ' ')
			next++;
		start[n] = at;
		len[n] = fit;
		if (t->cur >= at && (t->cur < next || !b[next])) {
			crow = n;
			ccol = te_span_width(b, at, t->cur);
		}
		n++;
		if (!b[next])
			break;
		at = next;
	}
	/* The cursor after a full last line starts the next one. */
	if (ccol >= width && crow == n - 1 && t->cur == t->len && n < max) {
		start[n] = t->len;
		len[n] = 0;
		crow = n++;
		ccol = 0;
	}
	if (ccol >= width)
		ccol = width - 1;
	if (row)
		*row = crow;
	if (col)
		*col = ccol;
	return n;
}
