/* datewords — a date written in words as each language writes it in an
 * official text: Russian "27 мая 2026 г." (the month in the genitive),
 * "среда, 27 мая 2026 г."; Kazakh "2026 жылғы 27 мамыр",
 * "2026 жылғы 27 мамыр, сәрсенбі" (weekdays and months in lower case).
 * Every screen, command and document that shows a date in words calls this
 * one function, so the two languages never drift apart. */
#ifndef TZ_DATEWORDS_H
#define TZ_DATEWORDS_H

#include <stddef.h>

enum datewords_form {
	DW_DATE,      /* "27 мая 2026 г." / "2026 жылғы 27 мамыр" */
	DW_WEEKDAY,   /* "среда, 27 мая 2026 г." / "2026 жылғы 27 мамыр, сәрсенбі" */
	DW_DAY,       /* the day and month alone: "27 мая" / "27 мамыр" */
	/* Kazakh running text declines the month; in Russian these are DW_DATE. */
	DW_WHEN,      /* "2026 жылғы 27 мамырда" (on that day) */
	DW_OF,        /* "2026 жылғы 27 мамырдағы" (of that day: a protocol, an act) */
};

/* Writes the date y-m-d (month 1..12, day 1..31) in lang ("kk"; anything else
 * is Russian) into buf, always terminated; a month out of range writes
 * "YYYY-MM-DD".  Returns buf. */
char *date_words(const char *lang, int y, int m, int d, enum datewords_form form, char *buf,
                 size_t len);

/* The same for an ISO date "YYYY-MM-DD" (anything after the tenth character
 * is ignored); a text that is no such date is copied as it is.  Returns buf. */
char *date_words_iso(const char *lang, const char *iso, enum datewords_form form, char *buf,
                     size_t len);

/* The weekday of y-m-d, 0 = Monday .. 6 = Sunday (proleptic Gregorian). */
int date_weekday(int y, int m, int d);

#endif
