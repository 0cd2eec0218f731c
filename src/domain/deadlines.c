#include "domain/deadlines.h"

#include <string.h>

#include "base/i18n.h"
#include "base/debuglog.h"

void deadline_cycle_at(tz_day d, int *year, enum dl_season *season)
{
	int y, m, dd;
	cal_split(d, &y, &m, &dd);
	if (m < 4 || (m == 4 && dd == 1)) {
		*year = y;
		*season = DL_SPRING;
	} else if (m < 11 || (m == 11 && dd == 1)) {
		*year = y;
		*season = DL_AUTUMN;
	} else {
		*year = y + 1;
		*season = DL_SPRING;
	}
}

tz_day deadline_remarks(const tz_calendar *c, tz_day received)
{
	return cal_add_workdays(c, received, 2);
}

static void date_item(const tz_calendar *c, struct dl_item *it, tz_day due)
{
	it->after = 0;
	it->start = -1;
	it->due = due;
	it->on_day_off = !cal_is_workday(c, due);
}

static void after_item(const tz_calendar *c, struct dl_item *it, int n, tz_day start)
{
	it->after = n;
	it->start = start;
	it->due = start >= 0 ? cal_add_workdays(c, start, n) : -1;
	it->on_day_off = 0;
}

void deadline_cycle(const tz_calendar *c, int year, enum dl_season season,
                    tz_day council_rec, tz_day placed, struct dl_cycle *out)
{
	static const struct { const char *clause, *what; } steps[DL_NSTEPS] = {
		[DL_PROPOSALS] = {"7", N_("Proposals to the authorized body")},
		[DL_REMARKS] = {"9", N_("Rework after remarks")},
		[DL_COUNCIL] = {"10", N_("Register to the National Council")},
		[DL_PLACED] = {"11", N_("Register placed on the platform")},
		[DL_PRESS] = {"12", N_("Press release, kk and ru")},
	};
	int spring = season == DL_SPRING;
	memset(out, 0, sizeof *out);
	out->year = year;
	out->season = season;
	out->council_rec = council_rec;
	out->placed = placed;
	for (int i = 0; i < DL_NSTEPS; i++) {
		out->items[i].step = (enum dl_step)i;
		out->items[i].clause = steps[i].clause;
		out->items[i].what = steps[i].what;
	}
	date_item(c, &out->items[DL_PROPOSALS], cal_make(year, spring ? 2 : 9, 1));
	after_item(c, &out->items[DL_REMARKS], 2, -1);
	date_item(c, &out->items[DL_COUNCIL], cal_make(year, spring ? 4 : 11, 1));
	after_item(c, &out->items[DL_PLACED], 10, council_rec);
	after_item(c, &out->items[DL_PRESS], 3, placed);

	/* The Council cannot recommend on a register it was not given, nor can
	 * a register be placed before it: a later record proves the earlier
	 * steps.  The press release has no record in the database. */
	int later = council_rec >= 0 || placed >= 0;
	out->items[DL_PROPOSALS].done = later;
	out->items[DL_COUNCIL].done = later;
	out->items[DL_PLACED].done = placed >= 0;
}

static int col_date(sqlite3_stmt *st, int col, tz_day *out)
{
	*out = -1;
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return 0;
	const char *s = db_col_text(st, col);
	if (cal_parse(s, out)) {
		tz_log("cycle: bad date \"%s\", taken as not recorded", s);
		*out = -1;
	}
	return 0;
}

int deadline_cycle_load(tz_db *db, const tz_calendar *c, int year,
                        enum dl_season season, struct dl_cycle *out)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT id, council_rec_date, placed_date,"
		" EXISTS (SELECT 1 FROM reg_version v WHERE v.cycle_id = cycle.id"
		"         AND (v.state <> 'draft' OR v.submitted IS NOT NULL))"
		" FROM cycle WHERE year = :year AND season = :season");
	if (!st)
		return -1;
	db_int(st, ":year", year);
	db_text(st, ":season", season == DL_SPRING ? "spring" : "autumn");
	tz_day rec = -1, placed = -1;
	int submitted = 0;
	int rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		col_date(st, 1, &rec);
		col_date(st, 2, &placed);
		submitted = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	deadline_cycle(c, year, season, rec, placed, out);
	out->submitted = submitted;
	if (submitted) {
		out->items[DL_PROPOSALS].done = 1;
		out->items[DL_COUNCIL].done = 1;
	}
	return 0;
}

enum dl_status deadline_status(const tz_calendar *c, const struct dl_item *it,
                               tz_day today, int *left)
{
	*left = 0;
	if (it->step == DL_REMARKS)
		return DL_PER_ITEM;
	if (it->done)
		return DL_DONE;
	if (it->due < 0)
		return DL_NOT_RECORDED;
	if (today > it->due)
		return it->step == DL_COUNCIL || it->step == DL_PLACED ? DL_OVERDUE : DL_PASSED;
	if (today == it->due)
		return DL_TODAY;
	*left = cal_workdays_between(c, today, it->due);
	return DL_DUE;
}
