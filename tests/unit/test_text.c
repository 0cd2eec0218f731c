/* text: case folding for search, the Kazakh and Russian alphabets, widths. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "base/text.h"

static void check_fold(const char *in, const char *want)
{
	char *f = text_fold(in);
	CHECK(f && !strcmp(f, want), "fold(%s) = %s, want %s", in, f ? f : "(null)", want);
	free(f);
}

static int coll(const char *lang, const char *a, const char *b)
{
	return text_collate(lang, a, (int)strlen(a), b, (int)strlen(b));
}

/* Same sign as coll(), through the stored sort keys. */
static int keycmp(const char *lang, const char *a, const char *b)
{
	int la = 0, lb = 0;
	unsigned char *ka = text_sortkey(lang, a, &la), *kb = text_sortkey(lang, b, &lb);
	int r = -2;
	if (ka && kb) {
		int n = la < lb ? la : lb;
		r = memcmp(ka, kb, (size_t)n);
		r = r ? r : la - lb;
		r = r < 0 ? -1 : r > 0;
	}
	free(ka);
	free(kb);
	return r;
}

static void fold_tests(void)
{
	static const char *const pairs[][2] = {
		{"Ә", "ә"}, {"Ғ", "ғ"}, {"Қ", "қ"}, {"Ң", "ң"}, {"Ө", "ө"},
		{"Ұ", "ұ"}, {"Ү", "ү"}, {"Һ", "һ"}, {"І", "і"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		check_fold(pairs[i][0], pairs[i][1]);
		check_fold(pairs[i][1], pairs[i][1]);
		/* Inside a word, with Russian letters around it. */
		char up[32], low[32];
		snprintf(up, sizeof up, "А%sБ", pairs[i][0]);
		snprintf(low, sizeof low, "а%sб", pairs[i][1]);
		check_fold(up, low);
	}
	check_fold("ЁЛКА", "ёлка");
	check_fold("СВАРЩИКИ И ГАЗОРЕЗЧИКИ", "сварщики и газорезчики");
	check_fold("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя");
	check_fold("ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ҰЛТТЫҚ БАНКІ", "қазақстан республикасы ұлттық банкі");
	/* Real files type the Kazakh І as Latin I; folded, both read alike. */
	check_fold("МАШИНИСI", "машинисі");
	check_fold("ЖЕЛIЛЕРIН", "желілерін");
	char *a = text_fold("МАШИНИСI"), *b = text_fold("машинисі");
	CHECK(a && b && !strcmp(a, b), "Latin I and Cyrillic І fold alike");
	free(a);
	free(b);
	/* A Latin word keeps its Latin i. */
	check_fold("IT WELDING", "it welding");
	check_fold("", "");
	CHECK(text_fold("a\xff") == NULL, "bad UTF-8 is refused");
}

static void collation_tests(void)
{
	static const char *const kk[] = {
		"А", "Ә", "Б", "В", "Г", "Ғ", "Д", "Е", "Ё", "Ж", "З", "И", "Й", "К", "Қ", "Л",
		"М", "Н", "Ң", "О", "Ө", "П", "Р", "С", "Т", "У", "Ұ", "Ү", "Ф", "Х", "Һ", "Ц",
		"Ч", "Ш", "Щ", "Ъ", "Ы", "І", "Ь", "Э", "Ю", "Я",
	};
	size_t n = sizeof kk / sizeof *kk;
	for (size_t i = 0; i + 1 < n; i++) {
		CHECK(coll("kk", kk[i], kk[i + 1]) < 0, "kk: %s before %s", kk[i], kk[i + 1]);
		CHECK(keycmp("kk", kk[i], kk[i + 1]) < 0, "kk key: %s before %s", kk[i], kk[i + 1]);
	}
	/* Letters decide before the rest of the word does. */
	CHECK(coll("kk", "ӘЯ", "БА") < 0, "kk: ӘЯ before БА");
	CHECK(coll("kk", "ІА", "ЫЯ") > 0, "kk: І after Ы");
	CHECK(coll("kk", "НЯ", "ҢА") < 0, "kk: Ң after Н");
	CHECK(coll("kk", "ОЯ", "ӨА") < 0, "kk: Ө after О");
	CHECK(coll("kk", "УЯ", "ҰА") < 0 && coll("kk", "УЯ", "ҮА") < 0, "kk: Ұ Ү after У");
	CHECK(coll("kk", "әлем", "ӘЛЕМ") != 0 && keycmp("kk", "әлем", "ӘЛЕМ") != 0,
	      "case is a tertiary difference, not equality");
	CHECK(coll("kk", "әлем", "Әлемдер") < 0, "kk: case does not outweigh letters");

	/* Russian: Ё sorts with Е, not after Я. */
	CHECK(coll("ru", "ЕЖ", "ЁЗ") < 0 && coll("ru", "ЁЗ", "ЕИ") < 0, "ru: Ё with Е");
	CHECK(keycmp("ru", "ЕЖ", "ЁЗ") < 0 && keycmp("ru", "ЁЗ", "ЕИ") < 0, "ru key: Ё with Е");
	CHECK(coll("ru", "ЁЛКА", "ЖУК") < 0, "ru: Ё before Ж");
	CHECK(coll("ru", "АБВ", "ЯБЛОКО") < 0, "ru: А before Я");
	/* Code-point order would put the Kazakh letters after Я. */
	CHECK(strcmp("Ә", "Я") > 0, "code points put Ә after Я");
	CHECK(coll("ru", "Ә", "Я") < 0, "ru: Ә is not after Я");
	CHECK(keycmp("ru", "ӘЛЕМ", "ЯЗЫК") < 0, "ru key: Ә is not after Я");
	CHECK(coll("kk", "ӘЛЕМ", "ЯЗЫК") < 0, "kk: Ә is not after Я");
}

static int boundary(const char *s, size_t off)
{
	/* A continuation byte never starts a character. */
	return ((unsigned char)s[off] & 0xC0) != 0x80;
}

static void width_tests(void)
{
	CHECK_INT(text_width("Әлем"), 4);
	CHECK_INT(strlen("Әлем"), 8);
	CHECK_INT(text_fit("Әлем", 2), 4);
	CHECK_INT(text_fit("Әлем", 10), 8);
	CHECK_INT(text_fit("Әлем", 0), 0);
	CHECK_INT(text_width("中文"), 4);
	/* A wide character that does not fit whole is left out whole. */
	CHECK_INT(text_fit("a中b", 2), 1);
	CHECK_INT(text_fit("a中b", 3), 4);
	/* A bad byte counts one column and is one unit. */
	CHECK_INT(text_width("a\xff" "b"), 3);
	CHECK_INT(text_fit("a\xff" "b", 2), 2);
	CHECK_INT(text_width("ab\xD3"), 3);     /* a lead byte cut off at the end */
	CHECK_INT(text_fit("ab\xD3", 3), 3);

	static const char *const samples[] = {
		"ҚАЗАҚСТАН", "中文字", "a\xffҢ中\xD3", "МАШИНИСI 7212-1-008", "e\xCC\x81x",
	};
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
		const char *s = samples[i];
		int w = text_width(s);
		size_t prev = 0;
		for (int cols = 0; cols <= w + 1; cols++) {
			size_t k = text_fit(s, cols);
			CHECK(k <= strlen(s) && (k == strlen(s) || boundary(s, k)),
			      "fit(%zu, %d) = %zu splits a character", i, cols, k);
			char buf[64];
			memcpy(buf, s, k);
			buf[k] = 0;
			CHECK(text_width(buf) <= cols, "fit(%zu, %d) is %d columns wide", i, cols,
			      text_width(buf));
			CHECK(k >= prev, "fit grows with the columns");
			prev = k;
		}
		CHECK_INT(text_fit(s, w), strlen(s));
	}

	unsigned cp = 0;
	CHECK_INT(text_next("Ә", &cp), 2);
	CHECK_INT(cp, 0x04D8);
	CHECK_INT(text_next("\xE0\x80\x80", &cp), 1);   /* overlong */
	CHECK_INT(cp, 0xFFFD);
	CHECK(text_valid_utf8("Әлем", -1) && !text_valid_utf8("\xD3", -1), "valid UTF-8");
}

/* Table cells padded by columns, not bytes, and never cut mid-letter. */
static void pad_tests(void)
{
	char buf[64];
	CHECK_STR(text_pad(buf, sizeof buf, "Қаржы", 8), "Қаржы   ");
	CHECK_INT(text_width(text_pad(buf, sizeof buf, "Әлеуметтік", 4)), 10);
	CHECK_STR(text_pad(buf, sizeof buf, "abc", 3), "abc");
	CHECK_STR(text_pad(buf, 6, "Қаржы", 8), "Қа ");   /* room for 5 bytes: р is kept out whole */
	CHECK_STR(text_pad(buf, 7, "Қа", 4), "Қа  ");
	CHECK_STR(text_pad(buf, 9, "文字", 6), "文字  ");
}

/* Control characters: found in text from outside, escaped on the way out. */
static void control_tests(void)
{
	/* Plain Kazakh and Russian text, with its punctuation, has none. */
	CHECK_INT(text_find_control("Қазақстан «Әлем» — №5, 1/2", 0), -1);
	CHECK_INT(text_find_control("", 0), -1);
	/* An OSC title change, a clipboard write (OSC 52), a screen clear,
	 * backspaces, C1 (CSI, NEL), DEL, a right-to-left override. */
	CHECK_INT(text_find_control("ab\x1b]0;pwned\x07", 0), 2);
	CHECK_INT(text_find_control("Әж\x1b]52;c;ZWNobw==\x07", 0), 4);
	CHECK_INT(text_find_control("x\x1b[2J", 0), 1);
	CHECK_INT(text_find_control("secret\b\b\b\b\b\bpublic", 0), 6);
	CHECK_INT(text_find_control("a\xC2\x9B" "2J", 0), 1);
	CHECK_INT(text_find_control("ә\xC2\x85", 0), 2);
	CHECK_INT(text_find_control("a\x7f", 0), 1);
	CHECK_INT(text_find_control("abc\xE2\x80\xAE" "fdp.exe", 0), 3);
	CHECK_INT(text_find_control("\xE2\x81\xA6x", 0), 0);   /* U+2066, an isolate */
	/* Bytes that are not UTF-8 are as bad. */
	CHECK_INT(text_find_control("ab\xff", 0), 2);
	/* Tab and newline only where a field may hold several lines; CR only
	 * before a newline. */
	CHECK_INT(text_find_control("a\tb", 0), 1);
	CHECK_INT(text_find_control("a\nb", 0), 1);
	CHECK_INT(text_find_control("a\tb\nc\r\nd", TEXT_LINES), -1);
	CHECK_INT(text_find_control("a\rb", TEXT_LINES), 1);
	CHECK_INT(text_find_control("a\nb\x1b", TEXT_LINES), 3);
	/* A real U+FFFD and the letters around the C1 range are text. */
	CHECK_INT(text_find_control("\xEF\xBF\xBD \xC2\xA0 \xC2\xAB", 0), -1);
	CHECK(text_is_control(0x9F) && !text_is_control(0xA0) && !text_is_control(0x2029) &&
	      text_is_control(0x202A) && !text_is_control(0x2065), "the control ranges' edges");

	long line, col;
	text_place("бір\nекі\x1b", 13, &line, &col);
	CHECK(line == 2 && col == 4, "place: line %ld, column %ld, want 2, 4", line, col);
	text_place("x", 0, &line, &col);
	CHECK(line == 1 && col == 1, "place of the start: %ld, %ld", line, col);

	char b[256], one[16];
	CHECK_STR(text_escape(b, sizeof b, "Әлем", 0), "Әлем");
	CHECK_STR(text_escape(b, sizeof b, "ab\x1b]0;t\x07", 0), "ab\\x1b]0;t\\x07");
	CHECK_STR(text_escape(b, sizeof b, "a\x1b[2Jb", 0), "a\\x1b[2Jb");
	CHECK_STR(text_escape(b, sizeof b, "ok\b\b", 0), "ok\\x08\\x08");
	CHECK_STR(text_escape(b, sizeof b, "ә\xC2\x9B" "1m", 0), "ә\\u009b1m");
	CHECK_STR(text_escape(b, sizeof b, "a\xE2\x80\xAE" "b", 0), "a\\u202eb");
	CHECK_STR(text_escape(b, sizeof b, "\xff\x7f", 0), "\\xff\\x7f");
	CHECK_STR(text_escape(b, sizeof b, "a\nb\tc\r", 0), "a\\nb\\tc\\r");
	CHECK_STR(text_escape(b, sizeof b, "a\nb\tc\r\nd\re", TEXT_LINES), "a\nb\tc\r\nd\\re");
	/* Cut where a whole escape or letter no longer fits. */
	CHECK_STR(text_escape(b, 6, "ab\x1b", 0), "ab");
	CHECK_STR(text_escape(b, 4, "Әлем", 0), "Ә");
	CHECK_INT(text_escape_char("\x1b[", one), 1);
	CHECK_STR(one, "\\x1b");
	CHECK_INT(text_escape_char("\xE2\x81\xA9", one), 3);
	CHECK_STR(one, "\\u2069");
	CHECK_INT(text_escape_char("қ", one), 2);
	CHECK_STR(one, "қ");
	/* The escaped text holds no ESC and no C1, whatever went in. */
	char all[300];
	for (int i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = 0;
	static char big[4096];
	text_escape(big, sizeof big, all, 0);
	CHECK_INT(text_find_control(big, 0), -1);

	/* Written to a stream, however long. */
	char *mem = NULL;
	size_t memlen = 0;
	FILE *f = open_memstream(&mem, &memlen);
	CHECK_INT(text_put(f, "Заголовок\x1b]0;x\x07\nжол\xC2\x85", TEXT_LINES), 0);
	fclose(f);
	CHECK_STR(mem, "Заголовок\\x1b]0;x\\x07\nжол\\u0085");
	free(mem);

	/* A bidirectional control counts one column: the screen shows a mark. */
	CHECK_INT(text_width("a\xE2\x80\xAE" "b"), 3);
}

/* Where a walk of the name order may start for a typed start: every name
 * whose fold starts with it sorts at or after the floor, in capitals, with
 * ё, with a Latin I for і; a name that starts otherwise, earlier in the
 * alphabet, sorts before it. */
static void floor_tests(void)
{
	static const struct { const char *start, *name; int after; } cases[] = {
		{"м", "Механик", 1}, {"м", "м", 1}, {"ме", "МЕХАНИК", 1}, {"м", "Аспаз", 0},
		{"ел", "Ёлка", 1}, {"ін", "Iнженер", 1}, {"ін", "інженер", 1}, {"і", "Ішкі", 1},
		{"сл", "Слесарь-ремонтник", 1}, {"сл", "Сварщик", 0}, {"ә", "Әнші", 1},
		{"ә", "Аспаз", 0},
	};
	for (int l = 0; l < 2; l++) {
		const char *lang = l ? "ru" : "kk";
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
			unsigned char *floor = NULL;
			int fl = 0, nl = 0;
			CHECK_INT(text_fold_floor(lang, cases[i].start, &floor, &fl), 0);
			unsigned char *key = text_sortkey(lang, cases[i].name, &nl);
			int c = floor && key ? memcmp(floor, key, (size_t)(fl < nl ? fl : nl)) : 0;
			int after = c < 0 || (c == 0 && fl <= nl);
			CHECK(after == cases[i].after, "%s: \"%s\" %s the floor of \"%s\"", lang,
			      cases[i].name, after ? "sorts after" : "sorts before", cases[i].start);
			free(floor);
			free(key);
		}
		/* Lowered again by a start that sorts earlier, the floor is that one's. */
		unsigned char *floor = NULL, *alone = NULL;
		int fl = 0, al = 0;
		CHECK_INT(text_fold_floor(lang, "м", &floor, &fl), 0);
		CHECK_INT(text_fold_floor(lang, "да", &floor, &fl), 0);
		CHECK_INT(text_fold_floor(lang, "да", &alone, &al), 0);
		CHECK(fl == al && !memcmp(floor, alone, (size_t)al), "%s: the lower of two floors", lang);
		free(floor);
		free(alone);
	}
}

int main(void)
{
	/* wcwidth needs a UTF-8 locale, as the program sets up in i18n_init. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	fold_tests();
	collation_tests();
	floor_tests();
	width_tests();
	pad_tests();
	control_tests();
	text_cleanup();
	return tz_test_done();
}
