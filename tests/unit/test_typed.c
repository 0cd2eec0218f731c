/* What a clerk types into the forms, read as the program reads it: dates as
 * 06.12.2026 or 2026-12-06 (one parser for forms and command line), years
 * of validity 1 to 10 with the reason for anything else, and a long text
 * wrapped over lines of a multi-line field at whole words, never inside a
 * letter of Kazakh or Russian. */
#include <locale.h>
#include <string.h>

#include "harness.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/textedit.h"
#include "domain/calendar.h"
#include "domain/register.h"

static void dates(void)
{
	tz_day d, want;
	CHECK_INT(cal_parse("2026-12-06", &want), 0);
	CHECK_INT(cal_parse_typed("06.12.2026", &d), 0);
	CHECK_INT(d, want);
	CHECK_INT(cal_parse_typed("2026-12-06", &d), 0);
	CHECK_INT(d, want);
	CHECK_INT(cal_parse_typed(" 6.12.2026 ", &d), 0);
	CHECK_INT(d, want);
	CHECK_INT(cal_parse_typed("29.02.2028", &d), 0);
	CHECK_INT(cal_parse_typed("29.02.2026", &d), -1);   /* no such day */
	CHECK_INT(cal_parse_typed("06.13.2026", &d), -1);
	CHECK_INT(cal_parse_typed("06.12.26", &d), -1);     /* the year whole */
	CHECK_INT(cal_parse_typed("06..2026", &d), -1);
	CHECK_INT(cal_parse_typed("6.12.2026.", &d), -1);
	CHECK_INT(cal_parse_typed("06/12/2026", &d), -1);
	CHECK_INT(cal_parse_typed("", &d), -1);
	CHECK_INT(cal_parse_typed(NULL, &d), -1);
	CHECK_INT(cal_parse_typed("123.456.78901234567", &d), -1);
}

static void validity(void)
{
	char why[300] = "";
	int y = -5;
	CHECK_INT(reg_validity_parse("3", &y, why, sizeof why), 0);
	CHECK_INT(y, 3);
	CHECK_INT(reg_validity_parse(" 10 ", &y, why, sizeof why), 0);
	CHECK_INT(y, REG_VALIDITY_MAX);
	CHECK_INT(reg_validity_parse("", &y, why, sizeof why), -1);
	CHECK_INT(reg_validity_parse("  ", &y, why, sizeof why), -1);
	CHECK_INT(reg_validity_parse("37", &y, why, sizeof why), -2);
	CHECK(strstr(why, "37") && strstr(why, "10"), "37 refused naming it and the limit: %s", why);
	CHECK_INT(reg_validity_parse("11", &y, why, sizeof why), -2);
	CHECK_INT(reg_validity_parse("0", &y, why, sizeof why), -2);
	CHECK_INT(reg_validity_parse("5x", &y, why, sizeof why), -2);
	CHECK(strstr(why, "5x") != NULL, "what was typed is named: %s", why);
	CHECK_INT(reg_validity_parse("99999999999999999999", &y, why, sizeof why), -2);
	CHECK_INT(y, REG_VALIDITY_MAX);   /* untouched by a refusal */
}

/* Line k of t's layout at width w, as shown. */
static const char *line(const struct textedit *t, const size_t *start, const size_t *len, int k)
{
	static char buf[256];
	snprintf(buf, sizeof buf, "%.*s", (int)len[k], te_text(t) + start[k]);
	return buf;
}

static void wrapping(void)
{
	struct textedit t;
	size_t start[32], len[32];
	int row, col;
	te_init(&t, "Қазақстан Республикасының «Азаматтық қорғау туралы» Заңы");
	int n = te_wrap(&t, 20, start, len, 32, &row, &col);
	CHECK_INT(n, 4);
	CHECK_STR(line(&t, start, len, 0), "Қазақстан");
	CHECK_STR(line(&t, start, len, 1), "Республикасының");
	CHECK_STR(line(&t, start, len, 2), "«Азаматтық қорғау");
	CHECK_STR(line(&t, start, len, 3), "туралы» Заңы");
	for (int k = 0; k < n; k++) {
		CHECK(text_width(line(&t, start, len, k)) <= 20, "line %d fits", k);
		unsigned cp;
		/* Every line starts on a whole letter. */
		CHECK(text_next(te_text(&t) + start[k], &cp) > 0 && cp != 0xFFFD, "line %d whole", k);
	}
	CHECK_INT(row, 3);                /* the cursor at the end */
	CHECK_INT(col, text_width("туралы» Заңы"));
	/* The cursor at the start of a word on the second line. */
	te_home(&t);
	for (int i = 0; i < 10; i++)
		te_right(&t);
	te_wrap(&t, 20, start, len, 32, &row, &col);
	CHECK_INT(row, 1);
	CHECK_INT(col, 0);
	/* A word wider than the line breaks between letters. */
	te_set(&t, "Электргазбендәнекерлеуші");
	n = te_wrap(&t, 10, start, len, 32, &row, &col);
	CHECK_INT(n, 3);
	CHECK_STR(line(&t, start, len, 0), "Электргазб");
	/* A full last line with the cursor after it: a line of its own. */
	te_set(&t, "абвгд");
	n = te_wrap(&t, 5, start, len, 32, &row, &col);
	CHECK_INT(n, 2);
	CHECK_INT(row, 1);
	CHECK_INT(col, 0);
	te_set(&t, NULL);
	CHECK_INT(te_wrap(&t, 5, start, len, 32, &row, &col), 1);
	CHECK_INT(col, 0);
	te_free(&t);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	i18n_init("kk");
	dates();
	validity();
	wrapping();
	return tz_test_done();
}
