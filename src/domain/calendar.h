/* calendar — working days (SPEC §1): weekends, fixed-date holidays that move
 * to the next working day when they fall on a weekend, days off that never
 * move (7 January, Kurban ait), and the dated overrides a clerk keeps (decree
 * transfers, cancelled holidays).  Rules and overrides live in the database
 * (holiday_rule, calendar_day); a tz_calendar is loaded from it once. */
#ifndef TZ_CALENDAR_H
#define TZ_CALENDAR_H

#include "store/db.h"

/* A date as days since 1970-01-01 (UTC, proleptic Gregorian). */
typedef int tz_day;

/* Parses 'YYYY-MM-DD' strictly (a real date, years 1900..2999); -1 on error. */
int cal_parse(const char *s, tz_day *out);
/* A date as a clerk types it, for every form and command that takes one:
 * 'YYYY-MM-DD' or the way dates are written in Kazakhstan, 'DD.MM.YYYY'
 * (day and month may have one digit), spaces around allowed; the same
 * range as cal_parse.  -1 on error. */
int cal_parse_typed(const char *s, tz_day *out);
/* Parses a count typed on the command line ("N working days"): digits only,
 * 0..max, no sign or spaces; -1 on error.  Shared so that it can be fuzzed. */
int cal_parse_count(const char *s, int max, int *out);
/* Writes 'YYYY-MM-DD' into buf (at least 11 bytes); returns buf. */
char *cal_format(tz_day d, char *buf);
tz_day cal_make(int y, int m, int d);
void cal_split(tz_day day, int *y, int *m, int *d);
int cal_weekday(tz_day d);            /* 0 = Monday .. 6 = Sunday */
const char *cal_weekday_name(int wd); /* translated, wd as cal_weekday's */
tz_day cal_today(void);               /* today in UTC, or $TIZILIM_TODAY */

typedef struct tz_calendar tz_calendar;

tz_calendar *cal_load(tz_db *db);    /* NULL on error (logged) */
void cal_free(tz_calendar *c);

/* Why a day is off: 0 = a working day.  CAL_HOLIDAY: a holiday rule's date,
 * or a dated public holiday from calendar_day (Kurban ait, which never moves);
 * CAL_MOVED: the working day a weekend holiday moved to; CAL_DECREE: a dated
 * day off by decree from calendar_day (a transfer). */
enum cal_why { CAL_WORK = 0, CAL_WEEKEND, CAL_HOLIDAY, CAL_MOVED, CAL_DECREE };
enum cal_why cal_why_off(const tz_calendar *c, tz_day d);
int cal_is_workday(const tz_calendar *c, tz_day d);
/* The name of the holiday (or of the one that moved here, or the override's
 * note) in the current language; "" for a plain day. */
const char *cal_day_name(const tz_calendar *c, tz_day d);
/* The n-th working day after day d (n >= 1); n = 0 gives d itself. */
tz_day cal_add_workdays(const tz_calendar *c, tz_day d, int n);
/* Working days from a (exclusive) to b (inclusive); negative when b < a. */
int cal_workdays_between(const tz_calendar *c, tz_day a, tz_day b);

#endif
