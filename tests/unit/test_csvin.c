#include "harness.h"

#include "csvin.h"

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
