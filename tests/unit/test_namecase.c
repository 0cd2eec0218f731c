/* namecase: the register's names in ordinary case, offered from the
 * classifier's capitals, and names compared but for case and spacing. */
#include <locale.h>

#include "harness.h"
#include "base/namecase.h"

static void check_offer(const char *lang, const char *in, const char *want)
{
	char *got = namecase_offer(lang, in);
	CHECK(got && !strcmp(got, want), "offer(%s, %s) = %s, want %s", lang, in, got ? got : "(null)",
	      want);
	free(got);
}

static void made_up(void)
{
	check_offer("ru", "МЕДИЦИНСКИЙ МАССАЖИСТ", "Медицинский массажист");
	check_offer("ru", "ОПЕРАТОР ЭВМ", "Оператор ЭВМ");
	check_offer("ru", "ЭВМ-ОПЕРАТОР", "ЭВМ-оператор");
	check_offer("ru", "СПЕЦИАЛИСТ ПО IT-ПОДДЕРЖКЕ", "Специалист по IT-поддержке");
	check_offer("ru", "  ПОВАР   СУДОВОЙ ", "Повар судовой");
	/* Ordinary case already: only the spacing is put right. */
	check_offer("ru", "Бухгалтер  ИКТ", "Бухгалтер ИКТ");
	check_offer("ru", "Машинист крана (крановщик)", "Машинист крана (крановщик)");
	/* "ПО" is a preposition too: it is not kept in capitals. */
	check_offer("ru", "ИНЖЕНЕР ПО ОХРАНЕ ТРУДА", "Инженер по охране труда");
	/* A Kazakh abbreviation is not a Russian one ("акт" is a word). */
	check_offer("ru", "СОСТАВИТЕЛЬ АКТ", "Составитель акт");
	check_offer("kk", "АКТ МАМАНЫ", "АКТ маманы");
	check_offer("kk", "ІШКІ ЖАНУ ҚОЗҒАЛТҚЫШТАРЫНЫҢ МАШИНИСI", "Ішкі жану қозғалтқыштарының машинисі");
	check_offer("kk", "ӘУЕЖАЙ ҚЫЗМЕТКЕРІ", "Әуежай қызметкері");
	check_offer("kk", "", "");
	CHECK(namecase_offer("kk", "\xff") == NULL, "bad UTF-8 is refused");

	CHECK(namecase_same("СВАРЩИК", "Сварщик"), "case only");
	CHECK(namecase_same("ЭЛЕКТР  ГАЗБЕН ПІСІРУШІ", " Электр газбен пісіруші"), "spacing");
	CHECK(namecase_same("КРАН МАШИНИСI (КРАНШЫ)", "Кран машинисі (краншы)"), "Latin I for І");
	CHECK(namecase_same("CАНТЕХНИК", "сантехник"), "Latin C for С");
	CHECK(!namecase_same("СВАРЩИК", "Электрогазосварщик"), "another name");
	CHECK(!namecase_same("АССИСТЕНТ ПАРИКМАХЕРА", "Парикмахер"), "another name");
	CHECK(!namecase_same("WEB-РАЗРАБОТЧИК", "WEB РАЗРАБОТЧИК"), "a hyphen is not spacing");
}

/* One field of a CSV line (RFC 4180 quotes), from *p; advances *p. */
static void csv_field(const char **p, char *out, size_t len)
{
	const char *s = *p;
	size_t n = 0;
	int quoted = *s == '"';
	if (quoted)
		s++;
	for (; *s; s++) {
		if (quoted && *s == '"' && s[1] == '"') {
			s++;
		} else if (quoted && *s == '"') {
			quoted = 0;
			continue;
		} else if (!quoted && (*s == ',' || *s == '\n' || *s == '\r')) {
			break;
		}
		if (n + 1 < len)
			out[n++] = *s;
	}
	out[n] = 0;
	*p = *s == ',' ? s + 1 : s;
}

/* Whether w (a word of the offer) is still in capitals, which only an
 * abbreviation, a Latin word or a word with digits may be. */
static int upper_word_ok(const char *w)
{
	static const char *const kept[] = {"ИКТ", "АКТ", "ТиПО", "ТжКБ", "ЖОО", "ИТ"};
	for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
		if (!strcmp(w, kept[i]))
			return 1;
	for (const unsigned char *p = (const unsigned char *)w; *p; p++)
		if (*p < 0x80 && *p != '-')
			return 1;   /* Latin letters or digits */
	return 0;
}

/* Words of two letters or more with no lower-case Cyrillic letter. */
static int capitals_left(const char *s, char *bad, size_t len)
{
	char w[256];
	size_t n = 0;
	int lower = 0, letters = 0;
	for (const unsigned char *p = (const unsigned char *)s;; p++) {
		int in = *p && ((*p >= 0xD0 && *p <= 0xD3) || (*p >= 0x80 && *p < 0xC0 && n) ||
		                (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
		                (*p >= 'a' && *p <= 'z'));
		if (in) {
			if (n + 1 < sizeof w)
				w[n++] = (char)*p;
			/* Cyrillic lower case: а-я (d0 b0-bf, d1 80-8f), ё and the Kazakh
			 * letters (d1 90-9f, d2/d3 odd second bytes). */
			if (*p >= 0xC0) {
				letters++;
				unsigned c = (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
				lower |= (c >= 0x430 && c <= 0x45F) || (c >= 0x460 && c <= 0x4FF && (c & 1));
			} else if (*p < 0x80) {
				letters++;
				lower |= *p >= 'a' && *p <= 'z';
			}
			continue;
		}
		w[n] = 0;
		if (n && letters >= 2 && !lower && !upper_word_ok(w)) {
			snprintf(bad, len, "%s", w);
			return 1;
		}
		n = 0;
		lower = letters = 0;
		if (!*p)
			return 0;
	}
}

/* A capital (Cyrillic, Kazakh letters too, or Latin), a digit or a
 * bracket first. */
static int starts_upper(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!strncmp(s, "«", strlen("«")))
		p += strlen("«");
	if (p[0] < 0x80)
		return (p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= '0' && p[0] <= '9') || p[0] == '(';
	unsigned c = (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	return (c >= 0x400 && c <= 0x42F) || (c >= 0x460 && c <= 0x4FF && !(c & 1));
}

static void sample(void)
{
	const char *shared = getenv("TZ_SHARED");
	char path[512];
	snprintf(path, sizeof path, "%s/data/nkz-sample.csv", shared && *shared ? shared : "../shared");
	FILE *f = fopen(path, "r");
	CHECK(f != NULL, "cannot read %s", path);
	if (!f)
		return;
	char line[4096];
	long names = 0, capitals = 0, offered_same = 0, still_caps = 0, first_upper = 0;
	/* What the classifier holds, read from the file: the offers of some of
	 * its names, by code and language. */
	static const struct { const char *code, *lang, *want; } seen[] = {
		{"3221-0-001", "ru", "Медицинский массажист"},
		{"2512-1-003", "ru", "Менеджер проектов ИКТ"},
		{"2512-1-003", "kk", "АКТ жобалары менеджері"},
		{"2512-2-001", "ru", "WEB-разработчик"},
		{"2512-2-001", "kk", "WEB-әзірлеуші"},
		{"2331", "ru", "Инженерно-педагогические работники колледжей и других организаций ТиПО "
		               "в области образования"},
		{"2331", "kk", "Білім беру саласындағы колледждер мен басқа ТжКБ ұйымдардың "
		               "инженерлік-педагогикалық жұмыскерлері"},
		{"2311", "kk", "Білім саласындағы университеттер мен басқа ЖОО-ның "
		               "профессорлық-оқытушылық құрамы"},
		{"8343-1-001", "ru", "Машинист крана (крановщик)"},
		{"8343-1-001", "kk", "Кран машинисі (краншы)"},
		{"7126-1-002", "ru", "Сантехник"},
		{"8188", "ru", "Операторы автоматических линий, промышленных роботов и 3D печати"},
		{"1234", "ru", "Функциональные руководители (управляющие) по обслуживанию клиентов и "
		               "CALL-центров"},
		{"5141-1-003", "ru", "Парикмахер – модельер"},
		{"8343-9-041", "ru", "Машинист железнодорожного крана"},
	};
	int found[sizeof seen / sizeof *seen] = {0};
	int header = 1;
	while (fgets(line, sizeof line, f)) {
		if (header) {
			header = 0;
			continue;
		}
		char code[32], level[8], parent[32], name[2][1024];
		const char *p = line;
		csv_field(&p, code, sizeof code);
		csv_field(&p, level, sizeof level);
		csv_field(&p, parent, sizeof parent);
		csv_field(&p, name[1], sizeof name[1]);
		csv_field(&p, name[0], sizeof name[0]);
		for (int l = 0; l < 2; l++) {
			const char *lang = l ? "ru" : "kk";
			char *o = namecase_offer(lang, name[l]);
			CHECK(o != NULL, "%s %s: no offer for %s", code, lang, name[l]);
			if (!o)
				continue;
			names++;
			capitals += strcmp(o, name[l]) != 0;
			offered_same += namecase_same(o, name[l]);
			char bad[256];
			if (capitals_left(o, bad, sizeof bad)) {
				still_caps++;
				printf("still in capitals in %s %s: \"%s\" in %s\n", code, lang, bad, o);
			}
			first_upper += starts_upper(o);
			for (size_t i = 0; i < sizeof seen / sizeof *seen; i++)
				if (!strcmp(code, seen[i].code) && !strcmp(lang, seen[i].lang)) {
					found[i] = 1;
					CHECK(!strcmp(o, seen[i].want), "%s %s: \"%s\", want \"%s\"", code, lang, o,
					      seen[i].want);
				}
			free(o);
		}
	}
	fclose(f);
	CHECK_INT(names, 2000);
	/* Every name but the few already in ordinary case is offered changed. */
	CHECK(capitals > 1900, "%ld names changed", capitals);
	CHECK_INT(offered_same, names);
	CHECK_INT(still_caps, 0);
	CHECK(first_upper >= names - 2, "%ld of %ld start with a capital", first_upper, names);
	for (size_t i = 0; i < sizeof seen / sizeof *seen; i++)
		CHECK(found[i], "%s %s is not in the sample", seen[i].code, seen[i].lang);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	made_up();
	sample();
	return tz_test_done();
}
