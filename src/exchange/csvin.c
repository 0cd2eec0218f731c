#include "exchange/csvin.h"
#include "base/safefile.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

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
	static const unsigned char kk[] = {0x8D, 0x8E, 0x9D, 0x9E, 0xA1, 0xA2, 0xA3, 0xA5,
	                                   0xAA, 0xAF, 0xB4, 0xBA, 0xBC, 0xBD, 0xBE, 0xBF};
	for (size_t i = 0; i < sizeof kk; i++)
		if (kk[i] == b)
			return 1;
	return 0;
}

/* Length of the well-formed UTF-8 sequence at p (2..4), or 0. */
static int utf8_seq(const unsigned char *p, size_t left)
{
	int n = p[0] >= 0xC2 && p[0] <= 0xDF ? 2 : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
	      : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : 0;
	if (!n || (size_t)n > left)
		return 0;
	for (int i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
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

/* Auto-detection over the whole file, a chunk at a time: UTF-8 when its
 * sequences are (nearly) all well formed, else RK1048 when a Kazakh letter's
 * byte occurs, else CP1251.  buf holds CSVIN_CHUNK + 4 bytes. */
static int guess(struct src *s, char *buf, const char **enc)
{
	const unsigned char *b = (const unsigned char *)buf;
	long good = 0, badb = 0, kk = 0;
	size_t carry = 0;
	for (;;) {
		long n = src_read(s, buf + carry, CSVIN_CHUNK);
		if (n < 0)
			return -1;
		size_t len = carry + (size_t)n, i = 0;
		while (i < len) {
			if (b[i] < 0x80) {
				i++;
				continue;
			}
			/* A sequence cut by the chunk's end is judged with the next. */
			int want = b[i] >= 0xF0 ? 4 : b[i] >= 0xE0 ? 3 : 2;
			if (n > 0 && len - i < (size_t)want)
				break;
			int k = utf8_seq(b + i, len - i);
			if (k) {
				good++;
				i += (size_t)k;
			} else {
				badb++;
				i++;
			}
		}
		for (size_t j = 0; j < i; j++)
			kk += kazakh_rk1048_byte(b[j]);
		carry = len - i;
		memmove(buf, buf + i, carry);
		if (n == 0)
			break;
	}
	/* Cyrillic in a code page seldom forms UTF-8 sequences, so a file of
	 * them with a stray bad byte is UTF-8 with a mistake, to be shown where
	 * it is rather than read as a code page. */
	*enc = badb == 0 || good > 4 * badb ? "UTF-8" : kk ? "RK1048" : "CP1251";
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
 * source bytes s[0..n), as the messages count them. */
static void advance(const char *s, size_t n, int utf8, long *line, long *col)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b == '\n') {
			++*line;
			*col = 1;
		} else if (!utf8 || (b & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* One pass over the source through iconv, a chunk at a time; the text goes
 * to p, or nowhere when p is NULL (the pass that only checks the encoding,
 * so that a bad byte late in the file is refused before any record is
 * read, as when the file was converted whole). */
static int decode_pass(struct src *s, const char *enc, char *in, char *out, size_t outcap,
                       struct parse *p, char *err, size_t errlen)
{
	int utf8 = !strcmp(enc, "UTF-8");
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, _("%s: the encoding %s is not available on this system"), s->name, enc);
		return -1;
	}
	long line = 1, col = 1;
	size_t carry = 0;
	int first = 1, rc = 0;
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
		while (left && !rc) {
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
			if (utf8)
				snprintf(err, errlen,
				         _("%s:%ld:%ld: the text is not valid UTF-8; give --encoding cp1251 or rk1048"),
				         s->name, line, col);
			else
				snprintf(err, errlen,
				         _("%s:%ld:%ld: the byte 0x%02X is not a character in %s; give the right --encoding"),
				         s->name, line, col, (unsigned char)*ip, enc);
			rc = -1;
		}
		if (rc || n == 0)
			break;
		carry = cut ? left : 0;
		memmove(in, ip, carry);
	}
	iconv_close(cd);
	return rc;
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
