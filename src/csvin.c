#include "csvin.h"
#include "privs.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

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

/* The line and column (in characters) of byte off of buf, for messages. */
static void locate(const char *buf, size_t off, int utf8, long *line, long *col)
{
	long l = 1, c = 1;
	for (size_t i = 0; i < off; i++) {
		unsigned char b = (unsigned char)buf[i];
		if (b == '\n') {
			l++;
			c = 1;
		} else if (!utf8 || (b & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
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

static const char *guess(const char *buf, size_t len)
{
	const unsigned char *b = (const unsigned char *)buf;
	long good = 0, badb = 0, kk = 0;
	for (size_t i = 0; i < len;) {
		if (b[i] < 0x80) {
			i++;
			continue;
		}
		int n = utf8_seq(b + i, len - i);
		if (n) {
			good++;
			i += (size_t)n;
		} else {
			badb++;
			i++;
		}
	}
	/* Cyrillic in a code page seldom forms UTF-8 sequences, so a file of
	 * them with a stray bad byte is UTF-8 with a mistake, to be shown where
	 * it is rather than read as a code page. */
	if (badb == 0 || good > 4 * badb)
		return "UTF-8";
	for (size_t i = 0; i < len; i++)
		kk += kazakh_rk1048_byte(b[i]);
	return kk ? "RK1048" : "CP1251";
}

/* Converts buf to UTF-8 (malloc'd into *out) or says where it cannot. */
static int decode(const char *name, const char *buf, size_t len, const char *enc,
                  char **out, size_t *outlen, char *err, size_t errlen)
{
	int utf8 = !strcmp(enc, "UTF-8");
	if (utf8 && len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, _("%s: the encoding %s is not available on this system"), name, enc);
		return -1;
	}
	/* Single-byte code pages at most triple in UTF-8. */
	size_t cap = len * 3 + 1;
	char *dst = malloc(cap);
	if (!dst) {
		iconv_close(cd);
		snprintf(err, errlen, _("%s: out of memory"), name);
		return -1;
	}
	char *in = (char *)buf, *o = dst;
	size_t inleft = len, oleft = cap - 1;
	size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		long line, col;
		size_t off = (size_t)(in - buf);
		locate(buf, off, utf8, &line, &col);
		if (utf8)
			snprintf(err, errlen,
			         _("%s:%ld:%ld: the text is not valid UTF-8; give --encoding cp1251 or rk1048"),
			         name, line, col);
		else
			snprintf(err, errlen,
			         _("%s:%ld:%ld: the byte 0x%02X is not a character in %s; give the right --encoding"),
			         name, line, col, (unsigned char)buf[off], enc);
		free(dst);
		return -1;
	}
	*o = 0;
	*out = dst;
	*outlen = (size_t)(o - dst);
	return 0;
}

struct parse {
	const char *name;
	csvin_fn fn;
	void *ctx;
	struct csv_field f[MAX_FIELDS];
	int n;
	long line;          /* line of the chunk being parsed */
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

static int parse_utf8(const char *name, const char *text, size_t len, csvin_fn fn, void *ctx,
                      char *err, size_t errlen)
{
	struct csv_parser cp;
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		snprintf(err, errlen, _("%s: out of memory"), name);
		return -1;
	}
	csv_set_space_func(&cp, no_space);
	struct parse *p = calloc(1, sizeof *p);
	if (!p) {
		csv_free(&cp);
		snprintf(err, errlen, _("%s: out of memory"), name);
		return -1;
	}
	p->name = name;
	p->fn = fn;
	p->ctx = ctx;
	p->line = p->field_line = 1;
	p->err = err;
	p->errlen = errlen;
	/* Fed a line at a time, so that each field knows the line it began on. */
	size_t pos = 0;
	while (pos < len && !p->stop) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t chunk = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
		/* Blank lines make no callback; a record not yet begun starts here. */
		if (cp.pstate == 0 && p->n == 0)
			p->field_line = p->line;
		size_t done = csv_parse(&cp, text + pos, chunk, on_field, on_record, p);
		if (!p->stop && done != chunk) {
			long line, col;
			locate(text, pos + done, 1, &line, &col);
			snprintf(err, errlen,
			         _("%s:%ld:%ld: a quotation mark is out of place (a quoted field must be "
			           "quoted whole, with \"\" for a quote inside it)"),
			         name, line, col);
			p->stop = 1;
			p->result = -1;
		}
		if (!p->stop && cp.entry_pos > MAX_FIELD) {
			snprintf(err, errlen, _("%s:%ld: field %d is longer than %d bytes"), name,
			         p->field_line, p->n + 1, MAX_FIELD);
			p->stop = 1;
			p->result = -1;
		}
		pos += chunk;
		if (nl)
			p->line++;
	}
	if (!p->stop && csv_fini(&cp, on_field, on_record, p) != 0 && !p->stop) {
		snprintf(err, errlen, _("%s:%ld: a quoted field is not closed before the end of the file"),
		         name, p->field_line);
		p->result = -1;
	}
	clear_fields(p);
	int result = p->result;
	free(p);
	csv_free(&cp);
	return result;
}

static int read_buf(const char *name, const char *data, size_t len, const char *encoding,
                    csvin_fn fn, void *ctx, const char **chosen, char *err, size_t errlen)
{
	const char *enc = csvin_encoding(encoding ? encoding : "auto");
	if (!enc) {
		snprintf(err, errlen, _("unknown encoding \"%s\": use utf-8, rk1048, cp1251 or auto"),
		         encoding);
		return -1;
	}
	if (!strcmp(enc, "auto"))
		enc = guess(data, len);
	if (chosen)
		*chosen = enc;
	char *text;
	size_t tlen;
	if (decode(name, data, len, enc, &text, &tlen, err, errlen))
		return -1;
	int rc = parse_utf8(name, text, tlen, fn, ctx, err, errlen);
	free(text);
	return rc;
}

int csvin_read_mem(const char *data, size_t len, const char *encoding, csvin_fn fn, void *ctx,
                   const char **chosen, char *err, size_t errlen)
{
	return read_buf("-", data, len, encoding, fn, ctx, chosen, err, errlen);
}

int csvin_read(const char *path, const char *encoding, csvin_fn fn, void *ctx,
               const char **chosen, char *err, size_t errlen)
{
	FILE *f = strcmp(path, "-") ? privs_fopen(path, "rb") : stdin;
	if (!f) {
		snprintf(err, errlen, _("cannot read %s: %s"), path, strerror(errno));
		return -1;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 262144;
			char *nb = realloc(buf, cap);
			if (!nb) {
				snprintf(err, errlen, _("%s: out of memory"), path);
				goto fail;
			}
			buf = nb;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (len > (size_t)MAX_FILE) {
			snprintf(err, errlen, _("%s: the file is larger than %ld MiB"), path, MAX_FILE >> 20);
			goto fail;
		}
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, errlen, _("cannot read %s: %s"), path, strerror(errno));
		goto fail;
	}
	if (f != stdin)
		fclose(f);
	int rc = read_buf(path, buf, len, encoding, fn, ctx, chosen, err, errlen);
	free(buf);
	return rc;
fail:
	if (f != stdin)
		fclose(f);
	free(buf);
	return -1;
}
