#include "harness.h"

#include "exchange/csvin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Every record flattened as "line:col=text|..." per record, records joined by
 * "\n", so that one string comparison checks fields, lines and columns. */
struct collect {
	char out[4096];
	long records;
	int stop_at;   /* return 7 at this record, 0 = never */
};

static int collect(void *ctx, const struct csv_field *f, int n, long line)
{
	struct collect *c = ctx;
	size_t len = strlen(c->out);
	c->records++;
	len += (size_t)snprintf(c->out + len, sizeof c->out - len, "%s%ld:", c->records > 1 ? "\n" : "", line);
	for (int i = 0; i < n && len < sizeof c->out; i++)
		len += (size_t)snprintf(c->out + len, sizeof c->out - len, "%s%ld.%d=%s", i ? "|" : "",
		                        f[i].line, f[i].column, f[i].text);
	return c->stop_at && c->records == c->stop_at ? 7 : 0;
}

static int read_str(const char *s, const char *enc, struct collect *c, const char **chosen,
                    char *err, size_t errlen)
{
	memset(c->out, 0, sizeof c->out);
	c->records = 0;
	err[0] = 0;
	return csvin_read_mem(s, strlen(s), enc, collect, c, chosen, err, errlen);
}

static int count_rec(void *ctx, const struct csv_field *f, int n, long line)
{
	(void)f;
	(void)line;
	long *k = ctx;
	(*k)++;
	return n == 5 ? 0 : 1;
}

/* A file past two chunks, built so that the reader's seams fall on awkward
 * places: line 2's second field has a letter (bytes letter, 1 or 2 of them)
 * starting on the last byte of the first chunk; filler lines follow; the last
 * line, "p,ccc...", crosses the second chunk's end and ends in tail (an error
 * or nothing).  *tail_col gets the column of tail's first character. */
static char *seam_file(const char *letter, const char *tail, size_t *len, long *tail_line,
                       long *tail_col)
{
	size_t cap = 3 * CSVIN_CHUNK, n = 0;
	char *b = malloc(cap);
	n += (size_t)sprintf(b, "h1,h2\nx,");
	while (n < CSVIN_CHUNK - 1)
		b[n++] = 'a';
	n += (size_t)sprintf(b + n, "%sb\n", letter);
	long line = 3;
	while (n < 2 * CSVIN_CHUNK - 40) {
		n += (size_t)sprintf(b + n, "r,s\n");
		line++;
	}
	size_t start = n;
	n += (size_t)sprintf(b + n, "p,");
	while (n < 2 * CSVIN_CHUNK + 20)
		b[n++] = 'c';
	*tail_line = line;
	*tail_col = (long)(n - start) + 1;
	n += (size_t)sprintf(b + n, "%s\n", tail);
	*len = n;
	return b;
}

struct seam {
	long records;
	char field[CSVIN_CHUNK + 8];
};

static int seam_rec(void *ctx, const struct csv_field *f, int n, long line)
{
	struct seam *s = ctx;
	s->records++;
	if (line == 2 && n == 2)
		snprintf(s->field, sizeof s->field, "%s", f[1].text);
	return 0;
}

/* The seams in one encoding: the letter (source bytes src, UTF-8 utf) comes
 * out whole, auto-detection picks enc, and late errors name their line and
 * column, read from memory and from a file. */
static void seams(const char *src, const char *utf, const char *enc, const char *bad_byte)
{
	char err[512], want[CSVIN_CHUNK + 8], where[64];
	size_t len;
	long tl, tc;
	const char *chosen = NULL;
	struct seam *s = calloc(1, sizeof *s);
	char *b = seam_file(src, "", &len, &tl, &tc);
	size_t k = strlen("x,");
	memset(want, 'a', CSVIN_CHUNK - 1 - strlen("h1,h2\n") - k);
	snprintf(want + (CSVIN_CHUNK - 1 - strlen("h1,h2\n") - k), sizeof want - CSVIN_CHUNK, "%sb", utf);
	CHECK(len > 2 * CSVIN_CHUNK, "the file spans more than two chunks (%zu bytes)", len);
	CHECK_INT(csvin_read_mem(b, len, "auto", seam_rec, s, &chosen, err, sizeof err), 0);
	CHECK_STR(chosen, enc);
	CHECK_INT(s->records, tl);
	CHECK(!strcmp(s->field, want), "%s: line 2's letter across the chunks' seam comes out whole", enc);

	/* The same through a file. */
	char path[] = "/tmp/tz-csvin-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "wb");
	fwrite(b, 1, len, f);
	fclose(f);
	memset(s, 0, sizeof *s);
	CHECK_INT(csvin_read(path, enc, seam_rec, s, NULL, err, sizeof err), 0);
	CHECK_INT(s->records, tl);
	CHECK(!strcmp(s->field, want), "%s: the same read from a file", enc);
	free(b);

	/* A stray quote on the last line, past the second seam: its column
	 * counts the characters of the line's piece before the seam too. */
	b = seam_file(src, "d\"e", &len, &tl, &tc);
	memset(s, 0, sizeof *s);
	CHECK_INT(csvin_read_mem(b, len, enc, seam_rec, s, NULL, err, sizeof err), -1);
	snprintf(where, sizeof where, "-:%ld:%ld: ", tl, tc + 1);
	CHECK(strstr(err, where) == err, "%s: expected %s, got %s", enc, where, err);
	free(b);

	/* A byte the encoding lacks, at the same place: refused before any
	 * record is passed on. */
	b = seam_file(src, bad_byte, &len, &tl, &tc);
	memset(s, 0, sizeof *s);
	CHECK_INT(csvin_read_mem(b, len, enc, seam_rec, s, NULL, err, sizeof err), -1);
	snprintf(where, sizeof where, "-:%ld:%ld: ", tl, tc);
	CHECK(strstr(err, where) == err, "%s: expected %s, got %s", enc, where, err);
	CHECK_INT(s->records, 0);
	/* From a file, too. */
	f = fopen(path, "wb");
	fwrite(b, 1, len, f);
	fclose(f);
	CHECK_INT(csvin_read(path, enc, seam_rec, s, NULL, err, sizeof err), -1);
	snprintf(where, sizeof where, "%s:%ld:%ld: ", path, tl, tc);
	CHECK(strstr(err, where) == err, "%s: expected %s, got %s", enc, where, err);
	CHECK_INT(s->records, 0);
	unlink(path);
	free(b);
	free(s);
}

int main(void)
{
	struct collect c = {0};
	char err[512];
	const char *enc = NULL;

	/* Lines of fields, a quoted field spanning lines, a doubled quote, spaces kept. */
	CHECK_INT(read_str("a,b\n\"x\ny\",\" q \"\"z\"\"\", w\n\nlast,1", "utf-8", &c, &enc, err, sizeof err), 0);
	CHECK_STR(c.out, "1:1.1=a|1.2=b\n2:2.1=x\ny|3.2= q \"z\"|3.3= w\n5:5.1=last|5.2=1");
	CHECK_STR(enc, "UTF-8");

	/* CRLF endings, and a BOM that is not part of the first field. */
	CHECK_INT(read_str("\xEF\xBB\xBFкод,атауы\r\n1,\"А\r\nБ\"\r\n2,В\r\n", "auto", &c, &enc, err, sizeof err), 0);
	CHECK_STR(c.out, "1:1.1=код|1.2=атауы\n2:2.1=1|2.2=А\r\nБ\n4:4.1=2|4.2=В");
	CHECK_STR(enc, "UTF-8");

	/* RK1048: "Әже,Қазақ" -- its Kazakh letters pick RK1048 in auto. */
	CHECK_INT(read_str("\xA3\xE6\xE5,\x8D\xE0\xE7\xE0\x9D\n", "auto", &c, &enc, err, sizeof err), 0);
	CHECK_STR(enc, "RK1048");
	CHECK_STR(c.out, "1:1.1=Әже|1.2=Қазақ");
	CHECK_INT(read_str("\xA3\xE6\xE5\n", "rk1048", &c, &enc, err, sizeof err), 0);
	CHECK_STR(c.out, "1:1.1=Әже");

	/* CP1251 Russian, "Срок «год»": no Kazakh letter's byte, so CP1251. */
	CHECK_INT(read_str("\xD1\xF0\xEE\xEA,\xAB\xE3\xEE\xE4\xBB\n", "auto", &c, &enc, err, sizeof err), 0);
	CHECK_STR(enc, "CP1251");
	CHECK_STR(c.out, "1:1.1=Срок|1.2=«год»");
	CHECK_INT(read_str("\xD1\xF0\xEE\xEA\n", "Windows-1251", &c, &enc, err, sizeof err), 0);
	CHECK_STR(c.out, "1:1.1=Срок");
	CHECK_STR(enc, "CP1251");

	/* The same bytes read as UTF-8 are refused where they go wrong. */
	CHECK_INT(read_str("ok,ok\nәй,\xD1\xF0\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:2:4: the text is not valid UTF-8; give --encoding cp1251 or rk1048");
	CHECK_INT(read_str("a\n\x98", "cp1251", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:2:1:") && strstr(err, "0x98"), "%s", err);

	/* Control characters in a field are refused with the line they are on
	 * and the field: an OSC title change, a screen clear inside a quoted
	 * field of several lines, a C1 CSI, a right-to-left override, and a
	 * carriage return that does not end a line. */
	CHECK_INT(read_str("a,b\nc,x\x1b]0;t\x07\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:2: field 2: the text holds the control character \\x1b, which could change "
	               "what a screen shows; remove it");
	CHECK_INT(read_str("a,\"бір\nекі\x1b[2J\"\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:2: field 2: ") == err && strstr(err, "\\x1b"), "%s", err);
	CHECK_INT(read_str("\xC2\x9B" "31m,b\n", "auto", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:1: field 1: ") == err && strstr(err, "\\u009b"), "%s", err);
	CHECK_INT(read_str("a,b\xE2\x80\xAE" "cba\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "\\u202e") != NULL, "%s", err);
	CHECK_INT(read_str("\"a\rb\"\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:1: field 1: ") == err && strstr(err, "\\r"), "%s", err);
	CHECK_INT(read_str("ok,secret\b\b\b\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "\\x08") != NULL, "%s", err);
	/* In a code page too: the escape comes from the decoded text. */
	CHECK_INT(read_str("\xA3\xE6\xE5,\x1b[2J\n", "rk1048", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:1: field 2: ") == err, "%s", err);
	/* Tab and a line break inside a field are text here; whose fields must
	 * be one line is the importer's to say. */
	CHECK_INT(read_str("a\tb,\"x\r\ny\"\n", "utf-8", &c, &enc, err, sizeof err), 0);
	CHECK_STR(c.out, "1:1.1=a\tb|1.2=x\r\ny");

	/* Auto-detection decides for the whole file: UTF-8 rows then RK1048
	 * rows (a register pasted together from two files) are refused where
	 * the encoding changes, and so are RK1048 rows then UTF-8 ones, even
	 * when the code page has most of the file. */
	{
		char mixed[2048] = "код,атауы\n1,Кәсіп\n";
		for (int i = 0; i < 10; i++)
			strcat(mixed, "2,\x8A\xE0\xE7\xE0\x9D \xEA\xBC\xF1\xB3\xEF\n");   /* Қазақ кәсіп */
		CHECK_INT(read_str(mixed, "auto", &c, &enc, err, sizeof err), -1);
		CHECK_STR(err, "-:3:3: the file mixes encodings: line 1 is UTF-8 and this line is not; "
		               "save the whole file in one encoding");
		CHECK_INT(c.records, 0);
	}
	CHECK_INT(read_str("a,b\n1,\xEA\xBC\xF1\xB3\xEF\n2,кәсіп\n", "auto", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:3:3: the file mixes encodings: line 2 is not UTF-8 and this line is; "
	               "save the whole file in one encoding");
	/* One stray byte in a UTF-8 file is a mistake, shown where it is. */
	CHECK_INT(read_str("абв,где\nжз,ий\xff\n", "auto", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:2:6: the text is not valid UTF-8; give --encoding cp1251 or rk1048");
	/* What iconv refuses is refused at the same place: a surrogate, an
	 * overlong form, a lead byte with too few continuations, and a
	 * character the file's end cuts short. */
	CHECK_INT(read_str("ab,\xED\xA0\x80\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:1:4: the text is not valid UTF-8; give --encoding cp1251 or rk1048");
	CHECK_INT(read_str("ә,\nab,c\xC0\xAF\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:2:5: the text is not valid UTF-8; give --encoding cp1251 or rk1048");
	CHECK_INT(read_str("ab,қ\xE2\x82x\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:1:5: the text is not valid UTF-8; give --encoding cp1251 or rk1048");
	CHECK_INT(read_str("ab,cd\xF0\x9F\x98", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:1:6: the text is not valid UTF-8; give --encoding cp1251 or rk1048");
	/* Past U+10FFFF iconv lets a four-byte form through; the field check
	 * refuses it as a bad byte. */
	CHECK_INT(read_str("ab,\xF4\x90\x80\x80\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:1: field 2: ") == err && strstr(err, "\\xf4"), "%s", err);

	/* An RK1048 file read as CP1251 would store "кјсіп" for "кәсіп": the
	 * letter ј (and Ќ ћ Ў Ї ...) is in no Kazakh or Russian text. */
	CHECK_INT(read_str("код,атау\n1,\xEA\xBC\xF1\xB3\xEF\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK_INT(read_str("kod\n1,\xEA\xBC\xF1\xB3\xEF\n", "cp1251", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:2:4: read as CP1251 the text holds «ј», a letter that neither Kazakh nor "
	               "Russian uses: the file is most likely RK1048; give --encoding rk1048");
	CHECK_INT(c.records, 0);
	CHECK_INT(read_str("kod\n1,\xEA\xBC\xF1\xB3\xEF\n", "rk1048", &c, &enc, err, sizeof err), 0);
	CHECK_STR(c.out, "1:1.1=kod\n2:2.1=1|2.2=кәсіп");
	/* A UTF-8 file read as a code page: the suggestion is UTF-8. */
	CHECK_INT(read_str("1,Сәт\n", "cp1251", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:1:4: read as CP1251 the text holds «Ў»") == err &&
	      strstr(err, "--encoding utf-8"), "%s", err);
	CHECK_INT(read_str("тест\n", "rk1048", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:1:6: read as RK1048 the text holds «Ѓ»") == err &&
	      strstr(err, "--encoding utf-8"), "%s", err);
	/* A Serbian letter in a code-page line: neither guess fits. */
	CHECK_INT(read_str("\xF1\x9A\xF2\n", "cp1251", &c, &enc, err, sizeof err), -1);
	CHECK_STR(err, "-:1:2: read as CP1251 the text holds «љ», a letter that neither Kazakh nor "
	               "Russian uses; check the file's encoding");
	/* A bad byte earlier than the letter's line end is named first. */
	CHECK_INT(read_str("a\n\x98\n\xBC\n", "cp1251", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:2:1:") && strstr(err, "0x98"), "%s", err);
	CHECK_INT(read_str("\xBC\n\x98\n", "cp1251", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:1:1: read as CP1251") == err, "%s", err);

	/* Strict RFC 4180: a stray quote, and a quote never closed. */
	CHECK_INT(read_str("a,b\nc,d\"e\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:2:4:") != NULL, "%s", err);
	CHECK_INT(read_str("a,b\n\"c,d\n\ne\n", "utf-8", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "-:2:") && strstr(err, "not closed"), "%s", err);

	/* A field past the limit is refused, not cut. */
	{
		size_t n = 70000;
		char *big = malloc(n + 8);
		strcpy(big, "x,");
		memset(big + 2, 'y', n);
		strcpy(big + 2 + n, "\n");
		CHECK_INT(csvin_read_mem(big, strlen(big), "utf-8", collect, &c, NULL, err, sizeof err), -1);
		CHECK(strstr(err, "-:1: field 2 is longer") != NULL, "%s", err);
		/* The same inside quotes, spanning lines. */
		big[2] = '"';
		big[100] = '\n';
		CHECK_INT(csvin_read_mem(big, strlen(big), "utf-8", collect, &c, NULL, err, sizeof err), -1);
		CHECK(strstr(err, "field 2 is longer") != NULL, "%s", err);
		free(big);
	}
	{
		char many[1200] = "";
		for (int i = 0; i < 300; i++)
			strcat(many, "1,");
		strcat(many, "\n");
		CHECK_INT(read_str(many, "utf-8", &c, &enc, err, sizeof err), -1);
		CHECK(strstr(err, "more than 256 fields") != NULL, "%s", err);
	}

	/* The callback's value stops the reading. */
	c.stop_at = 2;
	CHECK_INT(read_str("1\n2\n3\n", "utf-8", &c, &enc, err, sizeof err), 7);
	CHECK_INT(c.records, 2);
	c.stop_at = 0;

	CHECK_STR(csvin_encoding("RK1048"), "RK1048");
	CHECK_STR(csvin_encoding("utf8"), "UTF-8");
	CHECK(csvin_encoding("koi8-r") == NULL, "koi8-r is not offered");
	CHECK_INT(read_str("a", "latin1", &c, &enc, err, sizeof err), -1);
	CHECK(strstr(err, "latin1") != NULL, "%s", err);

	CHECK_INT(csvin_read("/nonexistent/x.csv", "auto", collect, &c, NULL, err, sizeof err), -1);
	CHECK(strstr(err, "/nonexistent/x.csv") != NULL, "%s", err);

	/* Files larger than a chunk, a letter across the seam, in each encoding:
	 * UTF-8 "ә" (its two bytes split), RK1048 "Ә", CP1251 "С". */
	seams("\xD3\x99", "ә", "UTF-8", "\xFF");
	seams("\xA3", "Ә", "RK1048", "\x98");
	seams("\xD1", "С", "CP1251", "\x98");

	/* The shared classifier sample: every record has five fields. */
	{
		const char *shared = getenv("TZ_SHARED");
		char path[1024];
		snprintf(path, sizeof path, "%s/data/nkz-sample.csv", shared ? shared : "../shared");
		long k = 0;
		enc = NULL;
		CHECK_INT(csvin_read(path, "auto", count_rec, &k, &enc, err, sizeof err), 0);
		CHECK_INT(k, 1001);
		CHECK_STR(enc, "UTF-8");
	}
	return tz_test_done();
}
