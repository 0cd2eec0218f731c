/* Dates in words in Kazakh and Russian (src/base/datewords.h).  The words are
 * data of the language, not messages: a date in a Kazakh document reads the
 * same whatever language the interface speaks, so they are not translated
 * through the catalogs. */
#include "base/datewords.h"

#include <stdio.h>
#include <string.h>

static const char *const dw_month_ru[12] = {
	"января", "февраля", "марта", "апреля", "мая", "июня",
	"июля", "августа", "сентября", "октября", "ноября", "декабря",
};
static const char *const dw_month_kk[12] = {
	"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
	"шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
};
/* The locative ("in May") and the attributive ("of May") follow vowel
 * harmony and the last sound, so they are written out rather than built. */
static const char *const dw_month_kk_when[12] = {
	"қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда",
	"шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда",
};
static const char *const dw_month_kk_of[12] = {
	"қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
	"шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы",
};
static const char *const dw_weekday_ru[7] = {
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
};
static const char *const dw_weekday_kk[7] = {
	"дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі",
};

int date_weekday(int y, int m, int d)
{
	/* Sakamoto's method gives 0 = Sunday; shifted so that 0 is Monday. */
	static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	if (m < 3)
		y--;
	int w = (y + y / 4 - y / 100 + y / 400 + t[(m - 1) % 12] + d) % 7;
	return (w + 6) % 7;
}

char *date_words(const char *lang, int y, int m, int d, enum datewords_form form, char *buf,
                 size_t len)
{
	if (!len)
		return buf;
	if (m < 1 || m > 12 || d < 1 || d > 31) {
		snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
		return buf;
	}
	int wd = date_weekday(y, m, d);
	if (lang && !strcmp(lang, "kk")) {
		const char *month = form == DW_WHEN ? dw_month_kk_when[m - 1]
		                  : form == DW_OF ? dw_month_kk_of[m - 1] : dw_month_kk[m - 1];
		if (form == DW_DAY)
			snprintf(buf, len, "%d %s", d, month);
		else if (form == DW_WEEKDAY)
			snprintf(buf, len, "%d жылғы %d %s, %s", y, d, month, dw_weekday_kk[wd]);
		else
			snprintf(buf, len, "%d жылғы %d %s", y, d, month);
	} else if (form == DW_DAY) {
		snprintf(buf, len, "%d %s", d, dw_month_ru[m - 1]);
	} else if (form == DW_WEEKDAY) {
		snprintf(buf, len, "%s, %d %s %d г.", dw_weekday_ru[wd], d, dw_month_ru[m - 1], y);
	} else {
		snprintf(buf, len, "%d %s %d г.", d, dw_month_ru[m - 1], y);
	}
	return buf;
}

char *date_words_iso(const char *lang, const char *iso, enum datewords_form form, char *buf,
                     size_t len)
{
	int y, m, d, n = 0;
	if (!iso || sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31) {
		snprintf(buf, len, "%s", iso ? iso : "");
		return buf;
	}
	return date_words(lang, y, m, d, form, buf, len);
}
