/* calview — a year of the calendar as the calendar screen shows it: why
 * each day is off or working, the working days a decree made of days off
 * (which the working-day rules themselves do not need to know), and the
 * first day of the year's Kurban ait.  Read once per year shown. */
#ifndef TZ_CALVIEW_H
#define TZ_CALVIEW_H

#include "domain/calendar.h"
#include "store/db.h"

/* What a day is, each kind with its own mark on the screen. */
enum calview_kind {
	CALVIEW_WORKDAY,       /* an ordinary working day */
	CALVIEW_WEEKEND,
	CALVIEW_HOLIDAY,       /* a public holiday on its date */
	CALVIEW_MOVED,         /* a day off moved from a holiday on a weekend */
	CALVIEW_DECREE_OFF,    /* a day off by decree */
	CALVIEW_DECREE_WORK,   /* a working day by decree */
};

struct calview {
	tz_calendar *cal;      /* the working-day rules; NULL when they cannot be read */
	int year;              /* the year read */
	char work_decree[367]; /* 1 where a decree made that day of the year a working day */
	char kurban[11];       /* the first day of Kurban ait, 'YYYY-MM-DD', or "" when not set */
};

/* Reads year into v, freeing what v held (a zeroed v to start with).  0, or
 * -1 when the calendar cannot be read (v->cal NULL). */
int calview_load(tz_db *db, int year, struct calview *v);
void calview_free(struct calview *v);

/* What d is.  Working days by decree are known for v's year only. */
enum calview_kind calview_day(const struct calview *v, tz_day d);

#endif
