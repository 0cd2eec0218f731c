#include "exchange/csvin.h"
#include "base/safefile.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"

/* Limits that keep a damaged or hostile file from eating the machine; a
 * record or field past them is refused, never cut short. */
#define MAX_FILE   (512L << 20)
#define MAX_FIELD  (64 << 10)
#define MAX_FIELDS 256
#define MAX_RECORDS 2000000L

const char *csvin_encoding(const char *name)
{
	static const struct { const char *typed, *iconv; } names[] = {
		{"utf-8", "UTF-8"}, {"utf8", "UTF-8"},
		{"rk1048", "RK1048"}, {"kz-1048", "RK1048"}, {"kz1048", "RK1048"},
		{"strk1048-2002", "RK1048"},
		{"cp1251", "CP1251"}, {"windows-1251", "CP1251"}, {"win1251", "CP1251"},
		{"auto", "auto"},
	};
	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcasecmp(name, names[i].typed))
			return names[i].iconv;
	return NULL;
}

/* Bytes that are Kazakh letters in RK1048 but, in CP1251, letters of other
 * Cyrillic alphabets (Ќ Ћ ќ ћ Ў ў Ј Ґ Є Ї ґ є ј Ѕ ѕ ї) that Russian text
 * does not use.  І і (0xB2, 0xB3) sit at the same bytes in both. */
static int kazakh_rk1048_byte(unsigned char b)
{
	/* Asked of every byte of a file being guessed: a table. */
	static const unsigned char kk[256] = {
		[0x8D] = 1, [0x8E] = 1, [0x9D] = 1, [0x9E] = 1, [0xA1] = 1, [0xA2] = 1, [0xA3] = 1,
		[0xA5] = 1, [0xAA] = 1, [0xAF] = 1, [0xB4] = 1, [0xBA] = 1, [0xBC] = 1, [0xBD] = 1,
		[0xBE] = 1, [0xBF] = 1,
	};
	return kk[b];
}

/* Bytes that in a code page are letters no Kazakh or Russian text uses:
 * Serbian and Macedonian Ђ Ѓ ѓ Љ Њ Џ ђ љ њ џ in both, and in CP1251 also
 * the sixteen letters that RK1048 has Kazakh ones at.  Read from an RK1048
 * file as CP1251, "кәсіп" is "кјсіп"; a UTF-8 file read as either gives
 * "СЂ"-like pairs full of them. */
static int foreign_byte(unsigned char b, int cp1251)
{
	static const unsigned char both[256] = {
		[0x80] = 1, [0x81] = 1, [0x83] = 1, [0x8A] = 1, [0x8C] = 1, [0x8F] = 1, [0x90] = 1,
		[0x9A] = 1, [0x9C] = 1, [0x9F] = 1,
	};
	return both[b] || (cp1251 && kazakh_rk1048_byte(b));
}

/* Judges a line at a time whether its bytes read as UTF-8, fed one byte at
 * a time so that chunks may cut a line or a character anywhere.  A line
 * is UTF-8 when it holds a multi-byte character and nothing malformed, a
 * code page's when its malformed bytes outnumber its characters (a UTF-8
 * line with a stray byte is neither: it is a mistake to be shown where it
 * is). */
struct u8line {
	int need;           /* continuation bytes still wanted */
	long good, bad;     /* this line's characters and malformed bytes */
	long first_high;    /* its first byte past ASCII (1-based), 0 if none */
	long bytes;         /* its bytes so far */
};

enum { LINE_ASCII, LINE_UTF8, LINE_CODEPAGE, LINE_MISTAKE };

static inline void u8_byte(struct u8line *u, unsigned char b)
{
	u->bytes++;
	if (b < 0x80 && !u->need)
		return;
	if (b >= 0x80 && !u->first_high)
		u->first_high = u->bytes;
	if (u->need) {
		if ((b & 0xC0) == 0x80) {
			if (!--u->need)
				u->good++;
			return;
		}
		/* The character broke off: its lead was malformed. */
		u->need = 0;
		u->bad++;
	}
	if (b < 0x80)
		return;
	u->need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
	if (!u->need)
		u->bad++;
}

/* Ends the line (at a newline or the end of the file): what it was. */
static int u8_end(struct u8line *u)
{
	if (u->need)
		u->bad++;
	int kind = !u->good && !u->bad ? LINE_ASCII : !u->bad ? LINE_UTF8
	         : u->bad > u->good ? LINE_CODEPAGE : LINE_MISTAKE;
	memset(u, 0, sizeof *u);
	return kind;
}

/* Where the bytes come from: a file (rewound between passes) or memory. */
struct src {
	const char *name;
	FILE *f;
	const char *mem;
	size_t len, pos;
	unsigned long long total;   /* bytes read in this pass */
	char *err;
	size_t errlen;
};

/* Up to cap bytes into buf; 0 at the end; -1 with a message on a read
 * error or a file past the limit. */
static long src_read(struct src *s, char *buf, size_t cap)
{
	size_t n;
	if (!s->f) {
		n = s->len - s->pos < cap ? s->len - s->pos : cap;
		memcpy(buf, s->mem + s->pos, n);
		s->pos += n;
		return (long)n;
	}
	n = fread(buf, 1, cap, s->f);
	if (n == 0 && ferror(s->f)) {
		snprintf(s->err, s->errlen, _("cannot read %s: %s"), s->name, strerror(errno));
		return -1;
	}
	s->total += n;
	if (s->total > (unsigned long long)MAX_FILE) {
		snprintf(s->err, s->errlen, _("%s: the file is larger than %ld MiB"), s->name, MAX_FILE >> 20);
		return -1;
	}
	return (long)n;
}

static int src_rewind(struct src *s)
{
	s->pos = 0;
	s->total = 0;
	if (s->f && fseek(s->f, 0, SEEK_SET)) {
		snprintf(s->err, s->errlen, _("cannot read %s: %s"), s->name, strerror(errno));
		return -1;
	}
	return 0;
}

/* Auto-detection decides once, over the whole file, a chunk at a time:
 * UTF-8 when its characters are (nearly) all well formed, else RK1048 when
 * a Kazakh letter's byte occurs, else CP1251.  A file with UTF-8 lines and
 * code-page lines both (rows pasted from two sources) is valid in neither:
 * read as one it would store the other's lines as mojibake, so it is
 * refused where the encoding changes. */
static int guess(struct src *s, char *buf, const char **enc)
{
	const unsigned char *b = (const unsigned char *)buf;
	long good = 0, badb = 0, kk = 0, line = 1;
	long first_line[4] = {0}, first_col[4] = {0};
	struct u8line u = {0};
	for (;;) {
		long n = src_read(s, buf, CSVIN_CHUNK);
		if (n < 0)
			return -1;
		for (long i = 0; i <= n; i++) {
			/* The end of the file ends its last line. */
			if (i == n && n)
				break;
			if (i < n && b[i] != '\n') {
				u8_byte(&u, b[i]);
				kk += kazakh_rk1048_byte(b[i]);
				continue;
			}
			long col = u.first_high;
			good += u.good;
			badb += u.bad + (u.need > 0);
			int kind = u8_end(&u);
			if (!first_line[kind]) {
				first_line[kind] = line;
				first_col[kind] = col;
			}
			line++;
		}
		if (n == 0)
			break;
	}
	if (first_line[LINE_UTF8] && first_line[LINE_CODEPAGE]) {
		int later = first_line[LINE_UTF8] > first_line[LINE_CODEPAGE] ? LINE_UTF8 : LINE_CODEPAGE;
		if (later == LINE_CODEPAGE)
			snprintf(s->err, s->errlen,
			         _("%s:%ld:%ld: the file mixes encodings: line %ld is UTF-8 and this line is "
			           "not; save the whole file in one encoding"),
			         s->name, first_line[later], first_col[later], first_line[LINE_UTF8]);
		else
			snprintf(s->err, s->errlen,
			         _("%s:%ld:%ld: the file mixes encodings: line %ld is not UTF-8 and this line "
			           "is; save the whole file in one encoding"),
			         s->name, first_line[later], first_col[later], first_line[LINE_CODEPAGE]);
		return -1;
	}
	/* Cyrillic in a code page seldom forms UTF-8 sequences, so a file of
	 * them with a stray bad byte is UTF-8 with a mistake, to be shown where
	 * it is rather than read as a code page. */
	*enc = badb == 0 || good > 4 * badb ? "UTF-8" : kk ? "RK1048" : "CP1251";
	return 0;
}

/* The code page's letter for byte b, as UTF-8, into out (8 bytes). */
static void codepage_letter(const char *enc, unsigned char b, char *out)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	char in[1] = {(char)b}, *ip = in, *op = out;
	size_t il = 1, ol = 7;
	if (cd == (iconv_t)-1 || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		op = out + snprintf(out, 8, "0x%02X", b);
	*op = 0;
	if (cd != (iconv_t)-1)
		iconv_close(cd);
}

/* Letters no Kazakh or Russian text uses, read through a code page, mean
 * the file is in another encoding: refused at the first, with the one the
 * file most likely is.  Fed the source bytes of the check pass. */
struct foreign {
	int cp1251;
	struct u8line u;
	long line, col;       /* where the byte being fed is */
	long at_line, at_col; /* the first such letter of this line */
	unsigned char at;
};

/* 0, or -1 with err when a line ended holding such a letter. */
static int foreign_feed(struct foreign *f, const struct src *s, const char *enc,
                        const unsigned char *b, size_t n, int end, char *err, size_t errlen)
{
	for (size_t i = 0; i <= n; i++) {
		if (i < n && b[i] != '\n') {
			u8_byte(&f->u, b[i]);
			if (!f->at_line && foreign_byte(b[i], f->cp1251)) {
				f->at_line = f->line;
				f->at_col = f->col;
				f->at = b[i];
			}
			f->col++;
			continue;
		}
		if (i == n && !end)
			break;
		int kind = u8_end(&f->u);
		if (f->at_line) {
			char letter[8];
			codepage_letter(enc, f->at, letter);
			if (kind == LINE_UTF8)
				snprintf(err, errlen,
				         _("%s:%ld:%ld: read as %s the text holds «%s», a letter that neither "
				           "Kazakh nor Russian uses: the file is most likely UTF-8; give "
				           "--encoding utf-8"),
				         s->name, f->at_line, f->at_col, enc, letter);
			else if (f->cp1251 && kazakh_rk1048_byte(f->at))
				snprintf(err, errlen,
				         _("%s:%ld:%ld: read as CP1251 the text holds «%s», a letter that neither "
				           "Kazakh nor Russian uses: the file is most likely RK1048; give "
				           "--encoding rk1048"),
				         s->name, f->at_line, f->at_col, letter);
			else
				snprintf(err, errlen,
				         _("%s:%ld:%ld: read as %s the text holds «%s», a letter that neither "
				           "Kazakh nor Russian uses; check the file's encoding"),
				         s->name, f->at_line, f->at_col, enc, letter);
			return -1;
		}
		f->line++;
		f->col = 1;
		if (i == n)
			break;
	}
	return 0;
}

struct parse {
	const char *name;
	csvin_fn fn;
	void *ctx;
	struct csv_parser cp;
	struct csv_field f[MAX_FIELDS];
	int n;
	long line;          /* line of the text being parsed */
	long col;           /* characters of that line already parsed */
	int line_start;     /* nothing of that line parsed yet */
	long field_line;    /* line the next field starts on */
	long records;
	int result;         /* the callback's non-zero value, or -1 */
	int stop;
	char *err;
	size_t errlen;
};

static void clear_fields(struct parse *p)
{
	for (int i = 0; i < p->n; i++)
		free((char *)p->f[i].text);
	p->n = 0;
}

static void on_field(void *s, size_t len, void *data)
{
	struct parse *p = data;
	if (p->stop)
		return;
	if (p->n >= MAX_FIELDS) {
		snprintf(p->err, p->errlen, _("%s:%ld: a record has more than %d fields"),
		         p->name, p->field_line, MAX_FIELDS);
		goto fail;
	}
	if (len > MAX_FIELD) {
		snprintf(p->err, p->errlen, _("%s:%ld: field %d is longer than %d bytes"),
		         p->name, p->field_line, p->n + 1, MAX_FIELD);
		goto fail;
	}
	if (memchr(s, 0, len)) {
		snprintf(p->err, p->errlen, _("%s:%ld: field %d holds a NUL character"),
		         p->name, p->field_line, p->n + 1);
		goto fail;
	}
	char *t = malloc(len + 1);
	if (!t) {
		snprintf(p->err, p->errlen, _("%s: out of memory"), p->name);
		goto fail;
	}
	memcpy(t, s, len);
	t[len] = 0;
	/* Tab and line breaks may be text (a basis of several lines); which
	 * fields must be one line is for the importer to say. */
	long bad = text_find_control(t, TEXT_LINES);
	if (bad >= 0) {
		char shown[16], what[256];
		long line, col;
		text_place(t, bad, &line, &col);
		text_escape_char(t + bad, shown);
		snprintf(what, sizeof what, _("the text holds the control character %s, which could change "
		                              "what a screen shows; remove it"), shown);
		snprintf(p->err, p->errlen, _("%s:%ld: field %d: %s"), p->name, p->field_line + line - 1,
		         p->n + 1, what);
		free(t);
		goto fail;
	}
	p->f[p->n].text = t;
	p->f[p->n].line = p->field_line;
	p->f[p->n].column = p->n + 1;
	p->n++;
	/* The delimiter that ended this field is on the current line. */
	p->field_line = p->line;
	return;
fail:
	p->stop = 1;
	p->result = -1;
}

static void on_record(int term, void *data)
{
	struct parse *p = data;
	(void)term;
	if (p->stop)
		return;
	if (++p->records > MAX_RECORDS) {
		snprintf(p->err, p->errlen, _("%s:%ld: the file has more than %ld records"),
		         p->name, p->field_line, MAX_RECORDS);
		p->stop = 1;
		p->result = -1;
		clear_fields(p);
		return;
	}
	long line = p->n ? p->f[0].line : p->field_line;
	int rc = p->fn(p->ctx, p->f, p->n, line);
	clear_fields(p);
	p->field_line = p->line + 1;
	if (rc) {
		p->stop = 1;
		p->result = rc;
	}
}

/* RFC 4180: spaces belong to the field. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static long chars(const char *s, size_t len)
{
	long c = 0;
	for (size_t i = 0; i < len; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Feeds decoded text to libcsv up to each newline, so that each field knows
 * the line it began on; a line may come in several pieces. */
static void parse_feed(struct parse *p, const char *text, size_t len)
{
	size_t pos = 0;
	while (pos < len && !p->stop) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t piece = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
		/* Blank lines make no callback; a record not yet begun starts here. */
		if (p->line_start && p->cp.pstate == 0 && p->n == 0)
			p->field_line = p->line;
		p->line_start = 0;
		size_t done = csv_parse(&p->cp, text + pos, piece, on_field, on_record, p);
		if (!p->stop && done != piece) {
			snprintf(p->err, p->errlen,
			         _("%s:%ld:%ld: a quotation mark is out of place (a quoted field must be "
			           "quoted whole, with \"\" for a quote inside it)"),
			         p->name, p->line, p->col + chars(text + pos, done) + 1);
			p->stop = 1;
			p->result = -1;
		}
		if (!p->stop && p->cp.entry_pos > MAX_FIELD) {
			snprintf(p->err, p->errlen, _("%s:%ld: field %d is longer than %d bytes"), p->name,
			         p->field_line, p->n + 1, MAX_FIELD);
			p->stop = 1;
			p->result = -1;
		}
		if (nl) {
			p->line++;
			p->col = 0;
			p->line_start = 1;
		} else {
			p->col += chars(text + pos, piece);
		}
		pos += piece;
	}
}

/* Advances line and column (characters; bytes in a code page) over the
 * source bytes s[0..n), as the messages count them.  Only the text after
 * the last newline is counted character by character. */
static void advance(const char *s, size_t n, int utf8, long *line, long *col)
{
	const char *end = s + n, *nl;
	while ((nl = memchr(s, '\n', (size_t)(end - s)))) {
		++*line;
		*col = 1;
		s = nl + 1;
	}
	*col += utf8 ? chars(s, (size_t)(end - s)) : (long)(end - s);
}

/* How many bytes of b[0..n) are whole, well-formed UTF-8 characters, as
 * glibc's iconv from UTF-8 accepts them: no overlong form or surrogate.
 * Like iconv it lets four-byte forms up to U+1FFFFF and NUL pass, for the
 * field check to refuse with its own message, as before.  *cut is 1 when
 * what follows is the beginning of a character that the next chunk may
 * complete, 0 when it is malformed already.  Checking in place spares a
 * file that is UTF-8 already, nearly every one, a conversion to itself. */
static size_t utf8_whole(const unsigned char *b, size_t n, int *cut)
{
	size_t i = 0;
	*cut = 0;
	while (i < n) {
		/* ASCII eight bytes at a time: most of a file is. */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, b + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned char lo = 0x80, hi = 0xBF; /* the second byte's range */
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF7) {
			len = 4;
			if (c == 0xF0)
				lo = 0x90;
		} else {
			return i;
		}
		for (size_t k = 1; k < len; k++) {
			if (i + k >= n) {
				*cut = 1;
				return i;
			}
			unsigned char d = b[i + k];
			if (k == 1 ? d < lo || d > hi : (d & 0xC0) != 0x80)
				return i;
		}
		i += len;
	}
	return i;
}

/* One pass over the source, a chunk at a time, through iconv from a code
 * page (UTF-8 is checked in place); the text goes to p, or nowhere when p
 * is NULL (the pass that only checks the encoding, so that a bad byte late
 * in the file is refused before any record is read, as when the file was
 * converted whole). */
static int decode_pass(struct src *s, const char *enc, char *in, char *out, size_t outcap,
                       struct parse *p, char *err, size_t errlen)
{
	int utf8 = !strcmp(enc, "UTF-8");
	iconv_t cd = utf8 ? (iconv_t)-1 : iconv_open("UTF-8", enc);
	if (!utf8 && cd == (iconv_t)-1) {
		snprintf(err, errlen, _("%s: the encoding %s is not available on this system"), s->name, enc);
		return -1;
	}
	long line = 1, col = 1;
	size_t carry = 0;
	int first = 1, rc = 0;
	struct foreign fo = {.cp1251 = !strcmp(enc, "CP1251"), .line = 1, .col = 1};
	for (;;) {
		long n = src_read(s, in + carry, CSVIN_CHUNK);
		if (n < 0) {
			rc = -1;
			break;
		}
		size_t len = carry + (size_t)n;
		char *ip = in;
		/* A BOM is the encoding's mark, not the first field's text. */
		if (first && utf8 && len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3))
			ip += 3;
		first = 0;
		size_t left = len - (size_t)(ip - in);
		int cut = 0;
		if (utf8 && left && !rc) {
			size_t whole = utf8_whole((const unsigned char *)ip, left, &cut);
			advance(ip, whole, 1, &line, &col);
			if (p) {
				parse_feed(p, ip, whole);
				if (p->stop)
					rc = p->result;
			}
			ip += whole;
			left -= whole;
			/* A character cut by the chunk's end waits for the next chunk;
			 * at the end of the file it is as bad as any other. */
			if (!rc && left && !(cut && n > 0)) {
				snprintf(err, errlen,
				         _("%s:%ld:%ld: the text is not valid UTF-8; give --encoding cp1251 or rk1048"),
				         s->name, line, col);
				rc = -1;
			}
		}
		while (!utf8 && left && !rc) {
			char *o = out, *from = ip;
			size_t oleft = outcap;
			size_t r = iconv(cd, &ip, &left, &o, &oleft);
			int e = r == (size_t)-1 ? errno : 0;
			advance(from, (size_t)(ip - from), utf8, &line, &col);
			if (p) {
				parse_feed(p, out, (size_t)(o - out));
				if (p->stop)
					rc = p->result;
			}
			if (rc || !e || e == E2BIG)
				continue;
			/* A sequence cut by the chunk's end waits for the next chunk;
			 * at the end of the file it is as bad as any other. */
			if (e == EINVAL && n > 0) {
				cut = 1;
				break;
			}
			snprintf(err, errlen,
			         _("%s:%ld:%ld: the byte 0x%02X is not a character in %s; give the right --encoding"),
			         s->name, line, col, (unsigned char)*ip, enc);
			rc = -1;
		}
		/* The letters of the lines read well so far (a code page carries
		 * nothing over): a line that ended before a bad byte is the
		 * earlier place. */
		if (!p && !utf8 &&
		    foreign_feed(&fo, s, enc, (const unsigned char *)in, (size_t)(ip - in), n == 0 && !rc,
		                 err, errlen))
			rc = -1;
		if (rc || n == 0)
			break;
		carry = cut ? left : 0;
		memmove(in, ip, carry);
	}
	if (!utf8)
		iconv_close(cd);
	return rc;
}

/* Text of two or four bytes a letter (UTF-16, UTF-32: what some programs
 * save as "Unicode text"): its mark, or the zero bytes that every Latin or
 * Cyrillic letter brings in it, which no text of one byte a letter has. */
static const char *wide_text(const unsigned char *b, size_t n)
{
	if (n >= 4 && (!memcmp(b, "\xFF\xFE\0\0", 4) || !memcmp(b, "\0\0\xFE\xFF", 4)))
		return "UTF-32";
	if (n >= 2 && (!memcmp(b, "\xFF\xFE", 2) || !memcmp(b, "\xFE\xFF", 2)))
		return "UTF-16";
	size_t zeros = 0, look = n < 4096 ? n : 4096;
	for (size_t i = 0; i < look; i++)
		zeros += !b[i];
	return look >= 8 && zeros * 4 >= look ? "UTF-16" : NULL;
}

static int read_src(struct src *s, const char *encoding, csvin_fn fn, void *ctx,
                    const char **chosen, char *err, size_t errlen)
{
	const char *enc = csvin_encoding(encoding ? encoding : "auto");
	if (!enc) {
		snprintf(err, errlen, _("unknown encoding \"%s\": use utf-8, rk1048, cp1251 or auto"),
		         encoding);
		return -1;
	}
	/* Single-byte code pages at most triple in UTF-8, so a chunk's text
	 * fits the output at once. */
	size_t outcap = 4 * (size_t)CSVIN_CHUNK;
	char *in = malloc(CSVIN_CHUNK + 8), *out = malloc(outcap);
	struct parse *p = calloc(1, sizeof *p);
	int rc = -1;
	if (!in || !out || !p) {
		snprintf(err, errlen, _("%s: out of memory"), s->name);
		goto done;
	}
	long head = src_read(s, in, CSVIN_CHUNK);
	const char *wide = head > 0 ? wide_text((const unsigned char *)in, (size_t)head) : NULL;
	if (head < 0 || src_rewind(s))
		goto done;
	if (wide) {
		snprintf(err, errlen, _("%s is saved as %s (\"Unicode text\", several bytes a letter), "
		                        "which is not read here: save it as CSV in UTF-8 (in Excel: "
		                        "\"CSV UTF-8\") and import it again"), s->name, wide);
		goto done;
	}
	if (!strcmp(enc, "auto") && (guess(s, in, &enc) || src_rewind(s)))
		goto done;
	if (chosen)
		*chosen = enc;
	if (decode_pass(s, enc, in, out, outcap, NULL, err, errlen) || src_rewind(s))
		goto done;
	if (csv_init(&p->cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		snprintf(err, errlen, _("%s: out of memory"), s->name);
		goto done;
	}
	csv_set_space_func(&p->cp, no_space);
	p->name = s->name;
	p->fn = fn;
	p->ctx = ctx;
	p->line = p->field_line = 1;
	p->line_start = 1;
	p->err = err;
	p->errlen = errlen;
	rc = decode_pass(s, enc, in, out, outcap, p, err, errlen);
	if (!rc && csv_fini(&p->cp, on_field, on_record, p) != 0 && !p->stop) {
		snprintf(err, errlen, _("%s:%ld: a quoted field is not closed before the end of the file"),
		         s->name, p->field_line);
		rc = -1;
	} else if (!rc) {
		rc = p->result;
	}
	clear_fields(p);
	csv_free(&p->cp);
done:
	free(p);
	free(in);
	free(out);
	return rc;
}

int csvin_read_mem(const char *data, size_t len, const char *encoding, csvin_fn fn, void *ctx,
                   const char **chosen, char *err, size_t errlen)
{
	struct src s = {.name = "-", .mem = data, .len = len, .err = err, .errlen = errlen};
	return read_src(&s, encoding, fn, ctx, chosen, err, errlen);
}

/* Standard input is read more than once, so it is kept aside on disk. */
static FILE *spool(FILE *in, char *err, size_t errlen)
{
	FILE *t = tmpfile();
	char *buf = malloc(CSVIN_CHUNK);
	unsigned long long total = 0;
	size_t n;
	if (!t || !buf) {
		snprintf(err, errlen, _("cannot read %s: %s"), "-", strerror(errno));
		goto fail;
	}
	while ((n = fread(buf, 1, CSVIN_CHUNK, in)) > 0) {
		total += n;
		if (total > (unsigned long long)MAX_FILE) {
			snprintf(err, errlen, _("%s: the file is larger than %ld MiB"), "-", MAX_FILE >> 20);
			goto fail;
		}
		if (fwrite(buf, 1, n, t) != n) {
			snprintf(err, errlen, _("cannot read %s: %s"), "-", strerror(errno));
			goto fail;
		}
	}
	if (ferror(in) || fflush(t)) {
		snprintf(err, errlen, _("cannot read %s: %s"), "-", strerror(errno));
		goto fail;
	}
	free(buf);
	rewind(t);
	return t;
fail:
	free(buf);
	if (t)
		fclose(t);
	return NULL;
}

int csvin_read(const char *path, const char *encoding, csvin_fn fn, void *ctx,
               const char **chosen, char *err, size_t errlen)
{
	FILE *f = strcmp(path, "-") ? userfile_read(path, "rb") : spool(stdin, err, errlen);
	if (!f) {
		if (strcmp(path, "-"))
			snprintf(err, errlen, _("cannot read %s: %s"), path, strerror(errno));
		return -1;
	}
	struct src s = {.name = path, .f = f, .err = err, .errlen = errlen};
	int rc = read_src(&s, encoding, fn, ctx, chosen, err, errlen);
	fclose(f);
	return rc;
}
