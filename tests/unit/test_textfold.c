/* text.c's fast paths against the plain ones.  text_fold's own tables
 * against ICU: every code point they claim, alone and beside Cyrillic, Latin
 * and the Latin i that may stand for the Kazakh і, and every name of the
 * shared classifier sample, fold exactly as ICU folds them; and the letters
 * of Kazakh and Russian text never need ICU.  text_find_control's skipping
 * of plain letters finds what a character-by-character look finds. */
#include "harness.h"
#include "base/text.h"
#include "exchange/csvin.h"

static long checked, quick, mismatches;
static char first_bad[256];

static void utf8(char *o, unsigned c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		o[1] = 0;
	} else if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		o[2] = 0;
	} else {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		o[3] = 0;
	}
}

/* Folds s both ways; 1 when the tables folded it (and equally). */
static int same(const char *s)
{
	char *want = text_fold_icu(s), *fast = text_fold_quick(s), *got = text_fold(s);
	int ok = want && got && !strcmp(want, got) && (!fast || !strcmp(want, fast));
	checked++;
	if (!ok && !mismatches++)
		snprintf(first_bad, sizeof first_bad, "%s: icu %s, quick %s, fold %s", s,
		         want ? want : "(null)", fast ? fast : "(null)", got ? got : "(null)");
	int was_quick = fast != NULL;
	quick += was_quick;
	free(want);
	free(fast);
	free(got);
	return was_quick;
}

/* The contexts the Latin i rule looks at, around one character. */
static int around(unsigned cp)
{
	static const char *const ctx[] = {
		"%s", "Ж%s", "%sж", "i%s", "%sI", "Жi%s", "%siЖ", "I%sI", "a%sb", "қ%sі", "%s%s", "ß%sß",
	};
	char c[8], s[64];
	utf8(c, cp);
	int all = 1;
	for (size_t i = 0; i < sizeof ctx / sizeof *ctx; i++) {
		snprintf(s, sizeof s, ctx[i], c, c);
		all &= same(s);
	}
	/* Beside a character left to ICU, the whole text is ICU's. */
	snprintf(s, sizeof s, "Жi%sİi", c);
	same(s);
	return all;
}

static void codepoints(void)
{
	long uncovered = 0;
	unsigned first_uncovered = 0;
	for (unsigned cp = 1; cp <= 0x4FF; cp++) {
		int q = around(cp);
		/* The letters, digits, spaces and punctuation of the two
		 * languages' text are the fast path's whole point. */
		int common = (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp < 0x100) || cp >= 0x400;
		if (common && !q && !uncovered++)
			first_uncovered = cp;
	}
	long in_range = checked, quick_in_range = quick;
	/* Beyond the range: the supplement, punctuation, currency, № and more. */
	for (unsigned cp = 0x500; cp <= 0x2200; cp++)
		around(cp);
	static const unsigned more[] = {0xFFFD, 0xFB00, 0xFF21, 0xFF41, 0x1E9E, 0x2C00, 0xA640, 0x1C80};
	for (size_t i = 0; i < sizeof more / sizeof *more; i++)
		around(more[i]);
	CHECK(!mismatches, "%ld of %ld folds differ from ICU, first %s", mismatches, checked, first_bad);
	CHECK(!uncovered, "%ld common characters left to ICU, first U+%04X", uncovered, first_uncovered);
	CHECK(quick_in_range * 2 > in_range, "only %ld of %ld folded by the tables",
	      quick_in_range, in_range);
}

static int on_name(void *ctx, const struct csv_field *f, int n, long line)
{
	long *names = ctx;
	(void)line;
	for (int i = 3; i < n && i < 5; i++) {
		char mixed[1024];
		/* As written (upper case, a Latin I for І here and there), and
		 * with every other letter lower-cased by hand. */
		same(f[i].text);
		snprintf(mixed, sizeof mixed, "%s", f[i].text);
		char *low = text_fold(f[i].text);
		if (low && strlen(low) == strlen(mixed))
			for (size_t k = 0; mixed[k]; k++)
				if (k % 4 < 2)
					mixed[k] = low[k];
		free(low);
		if (text_valid_utf8(mixed, -1))
			same(mixed);
		++*names;
	}
	return 0;
}

static void shared_names(void)
{
	const char *shared = getenv("TZ_SHARED");
	char path[1024], err[512] = "";
	snprintf(path, sizeof path, "%s/data/nkz-sample.csv", shared && *shared ? shared : "../shared");
	long names = 0;
	checked = quick = mismatches = 0;
	int rc = csvin_read(path, "utf-8", on_name, &names, NULL, err, sizeof err);
	CHECK(rc == 0, "read %s: %s", path, err);
	CHECK(names >= 2000, "%ld names", names);
	CHECK(!mismatches, "%ld of %ld names fold unlike ICU, first %s", mismatches, checked, first_bad);
	CHECK(quick == checked, "%ld of %ld names left to ICU", checked - quick, checked);
}

static void bad_text(void)
{
	/* Bad UTF-8 is refused either way. */
	CHECK(text_fold("a\xC3") == NULL, "a cut character is refused");
	CHECK(text_fold("\xED\xA0\x80") == NULL, "a surrogate is refused");
	CHECK(text_fold_quick("\xFF") == NULL, "a bad byte is ICU's to judge");
	char *e = text_fold("");
	CHECK(e && !*e, "empty folds to empty");
	free(e);
}

/* The plain look: the first bad byte or control character, as flags allow. */
static long control_plain(const char *s, int flags)
{
	unsigned cp;
	for (const char *p = s; *p;) {
		int len = text_next(p, &cp);
		int bad = cp == 0xFFFD && len == 1 && (unsigned char)*p >= 0x80;
		int kept = (flags & TEXT_LINES) && (cp == '\n' || cp == '\t' || (cp == '\r' && p[1] == '\n'));
		if (bad || (text_is_control(cp) && !kept))
			return (long)(p - s);
		p += len;
	}
	return -1;
}

static void controls(void)
{
	long differ = 0;
	char first[64] = "";
	char s[16];
	/* Every character after a letter, and every pair of bytes after one
	 * (cut, malformed and overlong forms among them), in both modes. */
	for (unsigned cp = 1; cp < 0x30000; cp++) {
		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		char c[8] = "";
		if (cp < 0x10000) {
			utf8(c, cp);
		} else {
			c[0] = (char)(0xF0 | cp >> 18);
			c[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
			c[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
			c[3] = (char)(0x80 | (cp & 0x3F));
			c[4] = 0;
		}
		snprintf(s, sizeof s, "ж%sa\n", c);
		for (int flags = 0; flags <= TEXT_LINES; flags++)
			if (text_find_control(s, flags) != control_plain(s, flags) && !differ++)
				snprintf(first, sizeof first, "U+%04X", cp);
	}
	for (unsigned a = 1; a < 256; a++)
		for (unsigned b = 0; b < 256; b++) {
			s[0] = 'x';
			s[1] = (char)a;
			s[2] = (char)b;
			s[3] = 'y';
			s[4] = 0;
			for (int flags = 0; flags <= TEXT_LINES; flags++)
				if (text_find_control(s, flags) != control_plain(s, flags) && !differ++)
					snprintf(first, sizeof first, "bytes %02X %02X", a, b);
		}
	CHECK(!differ, "%ld texts where the control found differs, first %s", differ, first);
}

int main(void)
{
	controls();
	codepoints();
	shared_names();
	bad_text();
	text_cleanup();
	return tz_test_done();
}
