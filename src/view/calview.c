#include "view/calview.h"

#include <stdio.h>
#include <string.h>

#include "domain/calendar_edit.h"

int calview_load(tz_db *db, int year, struct calview *v)
{
	calview_free(v);
	v->cal = cal_load(db);
	v->year = year;
	sqlite3_stmt *st = db_prep(db, "SELECT date FROM calendar_day WHERE kind = 'work' "
	                               "AND date >= :a AND date < :b");
	char a[24], b[24];
	snprintf(a, sizeof a, "%04d-01-01", year);
	snprintf(b, sizeof b, "%04d-01-01", year + 1);
	if (st) {
		db_text(st, ":a", a);
		db_text(st, ":b", b);
		tz_day first = cal_make(year, 1, 1), wd;
		while (db_step(db, st) == SQLITE_ROW)
			if (cal_parse(db_col_text(st, 0), &wd) == 0 && wd - first >= 0 && wd - first < 367)
				v->work_decree[wd - first] = 1;
		sqlite3_finalize(st);
	}
	cal_kurban_of(db, year, v->kurban);
	return v->cal ? 0 : -1;
}

void calview_free(struct calview *v)
{
	cal_free(v->cal);
	memset(v, 0, sizeof *v);
}

enum calview_kind calview_day(const struct calview *v, tz_day d)
{
	switch (cal_why_off(v->cal, d)) {
	case CAL_WEEKEND: return CALVIEW_WEEKEND;
	case CAL_HOLIDAY: return CALVIEW_HOLIDAY;
	case CAL_MOVED: return CALVIEW_MOVED;
	case CAL_DECREE: return CALVIEW_DECREE_OFF;
	default: break;
	}
	int y, m, dd;
	cal_split(d, &y, &m, &dd);
	tz_day i = d - cal_make(y, 1, 1);
	return y == v->year && i >= 0 && i < 367 && v->work_decree[i] ? CALVIEW_DECREE_WORK
	                                                               : CALVIEW_WORKDAY;
}
