#include "base/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

static UCollator *coll_kk, *coll_ru;

static UCollator *collator(const char *lang)
{
	int kk = lang && lang[0] == 'k';
	UCollator **c = kk ? &coll_kk : &coll_ru;
	if (!*c) {
		UErrorCode e = U_ZERO_ERROR;
		*c = ucol_open(kk ? "kk" : "ru", &e);
		if (U_FAILURE(e))
			*c = NULL;
	}
	return *c;
}

void text_cleanup(void)
{
	if (coll_kk)
		ucol_close(coll_kk);
	if (coll_ru)
		ucol_close(coll_ru);
	coll_kk = coll_ru = NULL;
}

int text_collate(const char *lang, const void *a, int alen, const void *b, int blen)
{
	UCollator *c = collator(lang);
	UErrorCode e = U_ZERO_ERROR;
	if (c) {
		UCollationResult r = ucol_strcollUTF8(c, a, alen, b, blen, &e);
		if (U_SUCCESS(e))
			return r;
	}
	int n = alen < blen ? alen : blen;
	int r = memcmp(a, b, (size_t)n);
	return r ? r : alen - blen;
}

unsigned char *text_sortkey(const char *lang, const char *s, int *len)
{
	UCollator *c = collator(lang);
	UErrorCode e = U_ZERO_ERROR;
	int32_t ulen = 0;
	u_strFromUTF8(NULL, 0, &ulen, s, -1, &e);
	e = U_ZERO_ERROR;
	UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
	if (!u)
		return NULL;
	u_strFromUTF8WithSub(u, ulen + 1, NULL, s, -1, 0xFFFD, NULL, &e);
	unsigned char *key = NULL;
	if (c && U_SUCCESS(e)) {
		int32_t n = ucol_getSortKey(c, u, ulen, NULL, 0);
		key = malloc((size_t)n + 1);
		if (key) {
			ucol_getSortKey(c, u, ulen, key, n + 1);
			*len = n;
		}
	}
	free(u);
	return key;
}

/* The primary weights of s: its sort key up to the first level separator. */
static unsigned char *primary_key(const char *lang, const char *s, int *len)
{
	unsigned char *key = text_sortkey(lang, s, len);
	unsigned char *sep = key ? memchr(key, 1, (size_t)*len) : NULL;
	if (sep)
		*len = (int)(sep - key);
	return key;
}

/* Lowers *key (*len bytes, or NULL) to k (n bytes), keeping or freeing k. */
static void key_lower(unsigned char **key, int *len, unsigned char *k, int n)
{
	int c = *key ? memcmp(k, *key, (size_t)(n < *len ? n : *len)) : -1;
	if (c < 0 || (!c && n < *len)) {
		free(*key);
		*key = k;
		*len = n;
	} else {
		free(k);
	}
}

int text_fold_floor(const char *lang, const char *f, unsigned char **key, int *len)
{
	int n;
	unsigned char *k = primary_key(lang, f, &n);
	if (!k)
		return -1;
	key_lower(key, len, k, n);
	if (!strstr(f, "\xD1\x96"))
		return 0;
	/* The same start with a Latin i for each і (text_fold reads a Latin I
	 * beside Cyrillic letters as і). */
	char *latin = strdup(f), *o = latin;
	if (!latin)
		return -1;
	for (const char *p = f; *p;)
		if (!strncmp(p, "\xD1\x96", 2)) {
			*o++ = 'i';
			p += 2;
		} else {
			*o++ = *p++;
		}
	*o = 0;
	k = primary_key(lang, latin, &n);
	free(latin);
	if (!k)
		return -1;
	key_lower(key, len, k, n);
	return 0;
}

static int is_cyrillic(UChar32 c)
{
	return (c >= 0x0400 && c <= 0x04FF) || (c >= 0x0500 && c <= 0x052F);
}

/* A code point text_fold's tables leave to ICU. */
#define FOLD_ICU 0xFFFFFFFFu

/* The case fold of one code point (ICU's default full folding) for what
 * Kazakh and Russian text is made of: ASCII, Latin-1, Latin Extended-A, the
 * spacing modifiers and combining accents, Cyrillic with its supplement,
 * and general punctuation, currency signs and №.  FOLD_ICU for the rest
 * (Greek and Latin Extended-B fold irregularly, İ and ŉ to two characters).
 * Only ß folds to two, "ss": *second gets the other, else 0.  test_textfold
 * checks every code point here against ICU. */
static unsigned fold_one(unsigned c, unsigned *second)
{
	*second = 0;
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
	if (c < 0x100) {
		if (c == 0xB5)
			return 0x3BC;
		if (c == 0xDF) {
			*second = 's';
			return 's';
		}
		return c >= 0xC0 && c <= 0xDE && c != 0xD7 ? c + 0x20 : c;
	}
	if (c < 0x180) {
		if (c == 0x130 || c == 0x149)
			return FOLD_ICU;
		if (c == 0x178)
			return 0xFF;
		if (c == 0x17F)
			return 's';
		if (c == 0x131 || c == 0x138)
			return c;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return c & 1u ? c + 1 : c;
		return c & 1u ? c : c + 1;
	}
	if (c >= 0x250 && c < 0x370)
		return c == 0x345 ? FOLD_ICU : c;
	if (c >= 0x400 && c < 0x530) {
		if (c < 0x410)
			return c + 0x50;
		if (c < 0x430)
			return c + 0x20;
		if (c < 0x460 || (c >= 0x482 && c < 0x48A) || c == 0x4CF)
			return c;
		if (c == 0x4C0)
			return 0x4CF;
		if (c > 0x4C0 && c < 0x4CF)
			return c & 1u ? c + 1 : c;
		return c & 1u ? c : c + 1;
	}
	if ((c >= 0x2000 && c < 0x2070) || (c >= 0x20A0 && c < 0x20D0) || c == 0x2116)
		return c;
	return FOLD_ICU;
}

static size_t put_utf8(char *o, unsigned c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | c >> 12);
	o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[2] = (char)(0x80 | (c & 0x3F));
	return 3;
}

char *text_fold_quick(const char *s)
{
	size_t n = strlen(s);
	/* Each character grows by at most its own length (i to і: 1 to 2). */
	char *out = malloc(2 * n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	unsigned prev = 0, cp, second;
	for (const char *p = s; *p;) {
		/* A bad byte comes back as U+FFFD, which is ICU's to judge. */
		int len = text_next(p, &cp);
		unsigned f = fold_one(cp, &second);
		if (f == FOLD_ICU)
			goto icu;
		/* Latin i between or beside Cyrillic letters is a mistyped Kazakh
		 * і; the next letter counts as folded, the previous as written
		 * out (an і made of an i counts). */
		if (f == 'i') {
			int cyr = is_cyrillic((UChar32)prev);
			if (!cyr && p[len]) {
				unsigned nc, ns;
				text_next(p + len, &nc);
				unsigned nf = fold_one(nc, &ns);
				if (nf == FOLD_ICU)
					goto icu;
				cyr = is_cyrillic((UChar32)nf);
			}
			if (cyr)
				f = 0x0456;
		}
		o += put_utf8(out + o, f);
		prev = f;
		if (second) {
			o += put_utf8(out + o, second);
			prev = second;
		}
		p += len;
	}
	out[o] = 0;
	return out;
icu:
	free(out);
	return NULL;
}

char *text_fold(const char *s)
{
	/* Nearly every name and search is Cyrillic and Latin: folded here at a
	 * fraction of ICU's cost (three conversions and as many copies). */
	char *f = strlen(s) <= 1u << 24 ? text_fold_quick(s) : NULL;
	return f ? f : text_fold_icu(s);
}

char *text_fold_icu(const char *s)
{
	size_t n = strlen(s);
	if (!text_valid_utf8(s, (long)n) || n > 1u << 24)
		return NULL;
	/* UTF-16 folded text is at most 3 units per input unit. */
	UErrorCode e = U_ZERO_ERROR;
	int32_t ulen = 0;
	u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)n, &e);
	e = U_ZERO_ERROR;
	UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
	UChar *f = malloc(((size_t)ulen * 3 + 1) * sizeof *f);
	char *out = NULL;
	if (!u || !f)
		goto done;
	u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)n, &e);
	int32_t flen = u_strFoldCase(f, ulen * 3 + 1, u, ulen, U_FOLD_CASE_DEFAULT, &e);
	if (U_FAILURE(e))
		goto done;
	/* Latin i between or beside Cyrillic letters is a mistyped Kazakh і. */
	for (int32_t i = 0; i < flen; i++) {
		if (f[i] != 'i')
			continue;
		int prev = i > 0 && is_cyrillic(f[i - 1]);
		int next = i + 1 < flen && is_cyrillic(f[i + 1]);
		if (prev || next)
			f[i] = 0x0456;
	}
	int32_t olen = 0;
	e = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &olen, f, flen, &e);
	e = U_ZERO_ERROR;
	out = malloc((size_t)olen + 1);
	if (out)
		u_strToUTF8(out, olen + 1, NULL, f, flen, &e);
	if (out && U_FAILURE(e)) {
		free(out);
		out = NULL;
	}
done:
	free(u);
	free(f);
	return out;
}

int text_next(const char *s, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!*p)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	int len = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 && p[0] < 0xE0 ? 2 : 0;
	if (p[0] >= 0xF5)
		len = 0;
	unsigned c = len == 2 ? p[0] & 0x1F : len == 3 ? p[0] & 0x0F : p[0] & 0x07;
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			len = 0;
			break;
		}
		c = c << 6 | (p[i] & 0x3F);
	}
	/* Overlong, surrogate and out-of-range forms are bad bytes. */
	if (len && ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	            (len == 4 && (c < 0x10000 || c > 0x10FFFF))))
		len = 0;
	if (!len) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

int text_valid_utf8(const char *s, long n)
{
	const char *end = n < 0 ? s + strlen(s) : s + n;
	while (s < end) {
		unsigned cp;
		if (!*s)
			return 0;
		int len = text_next(s, &cp);
		if (cp == 0xFFFD && len == 1 && (unsigned char)*s >= 0x80)
			return 0;
		s += len;
	}
	return 1;
}

int text_is_control(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* A bad byte, as text_next reports it: U+FFFD itself takes three bytes. */
static int is_bad_byte(const char *s, int len, unsigned cp)
{
	return cp == 0xFFFD && len == 1 && (unsigned char)*s >= 0x80;
}

/* Whether the control character cp at s is text under flags. */
static int kept(const char *s, unsigned cp, int flags)
{
	return (flags & TEXT_LINES) && (cp == '\n' || cp == '\t' || (cp == '\r' && s[1] == '\n'));
}

long text_find_control(const char *s, int flags)
{
	unsigned cp;
	for (const char *p = s; *p;) {
		/* Printable ASCII and the two-byte letters past C1 (Latin,
		 * Cyrillic) are nearly all of a field, and never a control. */
		unsigned char c = (unsigned char)*p;
		if (c >= 0x20 && c < 0x7F) {
			p++;
			continue;
		}
		if (c >= 0xC3 && c <= 0xDF && ((unsigned char)p[1] & 0xC0) == 0x80) {
			p += 2;
			continue;
		}
		int len = text_next(p, &cp);
		if (is_bad_byte(p, len, cp) || (text_is_control(cp) && !kept(p, cp, flags)))
			return (long)(p - s);
		p += len;
	}
	return -1;
}

void text_place(const char *s, long off, long *line, long *col)
{
	*line = 1;
	*col = 1;
	unsigned cp;
	for (const char *p = s; *p && p - s < off;) {
		int len = text_next(p, &cp);
		if (cp == '\n') {
			++*line;
			*col = 1;
		} else {
			++*col;
		}
		p += len;
	}
}

/* The escapes are C's: \n, \t, \r, \x1b for the other C0 characters,
 * DEL and bad bytes, \u0085 and \u202e for C1 and bidirectional ones.
 * They are ASCII, so they pass through any terminal, font, code page, mail
 * and log viewer unchanged, and they name the very character, which a clerk
 * can quote to whoever made the file.  Caret notation (^[, as cat -v) cannot
 * show C1 or bidirectional characters, and the control pictures (U+241B)
 * are missing from many console fonts and of ambiguous width.  A backslash
 * itself is left alone: the aim is text that is harmless and plain to see,
 * not text that can be turned back. */
int text_escape_char(const char *s, char buf[16])
{
	unsigned cp;
	int len = text_next(s, &cp);
	if (!len) {
		buf[0] = 0;
	} else if (is_bad_byte(s, len, cp)) {
		snprintf(buf, 16, "\\x%02x", (unsigned char)*s);
	} else if (cp == '\n' || cp == '\t' || cp == '\r') {
		snprintf(buf, 16, "\\%c", cp == '\n' ? 'n' : cp == '\t' ? 't' : 'r');
	} else if (cp < 0x20 || cp == 0x7F) {
		snprintf(buf, 16, "\\x%02x", cp);
	} else if (text_is_control(cp)) {
		snprintf(buf, 16, "\\u%04x", cp);
	} else {
		memcpy(buf, s, (size_t)len);
		buf[len] = 0;
	}
	return len;
}

/* The next piece of s as shown: the character itself, or its escape. */
static int shown_piece(const char *s, int flags, char piece[16])
{
	unsigned cp;
	int len = text_next(s, &cp);
	if (len && !is_bad_byte(s, len, cp) && (!text_is_control(cp) || kept(s, cp, flags))) {
		memcpy(piece, s, (size_t)len);
		piece[len] = 0;
		return len;
	}
	return text_escape_char(s, piece);
}

char *text_escape(char *buf, size_t len, const char *s, int flags)
{
	size_t n = 0;
	char piece[16];
	if (!len)
		return buf;
	for (int k; (k = shown_piece(s, flags, piece)) > 0; s += k) {
		size_t pl = strlen(piece);
		if (n + pl >= len)
			break;
		memcpy(buf + n, piece, pl);
		n += pl;
	}
	buf[n] = 0;
	return buf;
}

int text_put(FILE *f, const char *s, int flags)
{
	char piece[16];
	while (*s) {
		/* Runs of plain text go out as they are. */
		size_t run = 0;
		unsigned cp;
		for (int k; s[run] && (k = text_next(s + run, &cp)) > 0; run += (size_t)k)
			if (is_bad_byte(s + run, k, cp) || (text_is_control(cp) && !kept(s + run, cp, flags)))
				break;
		if (run && fwrite(s, 1, run, f) != run)
			return EOF;
		s += run;
		if (!*s)
			break;
		s += text_escape_char(s, piece);
		if (fputs(piece, f) == EOF)
			return EOF;
	}
	return 0;
}

static int char_width(unsigned cp)
{
	/* A bidirectional control is drawn as a visible mark, one column. */
	if (text_is_control(cp))
		return 1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	int w = 0;
	unsigned cp;
	for (int len; (len = text_next(s, &cp)) > 0; s += len)
		w += char_width(cp);
	return w;
}

size_t text_fit(const char *s, int cols)
{
	const char *p = s;
	unsigned cp;
	for (int len; (len = text_next(p, &cp)) > 0; p += len) {
		int w = char_width(cp);
		if (w > cols)
			break;
		cols -= w;
	}
	return (size_t)(p - s);
}

char *text_pad(char *buf, size_t len, const char *s, int cols)
{
	if (!len)
		return buf;
	size_t n = strlen(s);
	if (n >= len) {
		/* Cut before the character that does not fit whole. */
		n = len - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = 0;
	for (int w = text_width(buf); w < cols && n + 1 < len; w++) {
		buf[n++] = ' ';
		buf[n] = 0;
	}
	return buf;
}

char *text_trim(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = 0;
	size_t i = 0;
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
	return s;
}

char *text_loose(char *s)
{
	/* Lower-case Kazakh letter (UTF-8) -> its Russian look-alike. */
	static const char map[][2][3] = {
		{"\xD3\x99", "\xD0\xB0"}, {"\xD2\x9B", "\xD0\xBA"}, {"\xD3\xA9", "\xD0\xBE"},
		{"\xD2\xB1", "\xD1\x83"}, {"\xD2\xAF", "\xD1\x83"}, {"\xD2\x93", "\xD0\xB3"},
		{"\xD2\xA3", "\xD0\xBD"}, {"\xD1\x96", "\xD0\xB8"}, {"\xD2\xBB", "\xD1\x85"},
	};
	for (unsigned char *p = (unsigned char *)s; p && *p; p++) {
		if (*p != 0xD1 && *p != 0xD2 && *p != 0xD3)
			continue;
		for (size_t i = 0; i < sizeof map / sizeof *map; i++)
			if (p[0] == (unsigned char)map[i][0][0] && p[1] == (unsigned char)map[i][0][1]) {
				p[0] = (unsigned char)map[i][1][0];
				p[1] = (unsigned char)map[i][1][1];
				break;
			}
		if (p[1])
			p++;
	}
	return s;
}
