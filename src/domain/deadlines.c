#include "domain/deadlines.h"

#include <stdio.h>
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

int deadline_check_past(tz_day d, char *err, size_t errlen)
{
	tz_day today = cal_today();
	char ds[11], ts[11];
	if (d <= today)
		return 0;
	snprintf(err, errlen, _("%s is later than today (%s): a step is recorded on the day it happened, "
	                        "not ahead of it."), cal_format(d, ds), cal_format(today, ts));
	return -1;
}

tz_day deadline_remarks(const tz_calendar *c, tz_day received)
{
	return cal_add_workdays(c, received, 2);
}

tz_day deadline_on_workday(const tz_calendar *c, tz_day date)
{
	return cal_is_workday(c, date) ? date : cal_add_workdays(c, date, 1);
}

void deadline_done(struct dl_cycle *cy, enum dl_step step, tz_day on)
{
	cy->items[step].done = 1;
	cy->items[step].done_on = on;
}

static void date_item(const tz_calendar *c, struct dl_item *it, tz_day date)
{
	it->after = 0;
	it->start = -1;
	it->nominal = date;
	it->due = deadline_on_workday(c, date);
	it->on_day_off = it->due != date;
}

static void after_item(const tz_calendar *c, struct dl_item *it, int n, tz_day start)
{
	it->after = n;
	it->start = start;
	it->due = start >= 0 ? cal_add_workdays(c, start, n) : -1;
	it->nominal = it->due;
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
	out->press_placed = -1;
	for (int i = 0; i < DL_NSTEPS; i++) {
		out->items[i].done_on = -1;
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
	 * steps; the days they were done come with deadline_cycle_load. */
	int later = council_rec >= 0 || placed >= 0;
	out->items[DL_PROPOSALS].done = later;
	out->items[DL_COUNCIL].done = later;
	if (placed >= 0)
		deadline_done(out, DL_PLACED, placed);
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
		"         AND (v.state <> 'draft' OR v.submitted IS NOT NULL)),"
		" council_sub_date,"
		" (SELECT pp.date FROM press_placement pp JOIN reg_version v ON v.id = pp.version_id"
		"  WHERE v.cycle_id = cycle.id ORDER BY v.id DESC LIMIT 1),"
		/* cl. 7 is done when the last sectoral body submitted. */
		" (SELECT max(d) FROM (SELECT min(substr(e.date, 1, 10)) AS d FROM proposal_event e"
		"  JOIN proposal p ON p.id = e.proposal_id WHERE p.cycle_id = cycle.id"
		"  AND e.event = 'submitted' GROUP BY p.body_id))"
		" FROM cycle WHERE year = :year AND season = :season");
	if (!st)
		return -1;
	db_int(st, ":year", year);
	db_text(st, ":season", season == DL_SPRING ? "spring" : "autumn");
	tz_day rec = -1, placed = -1, sub = -1, press = -1, props = -1;
	int submitted = 0;
	int rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		col_date(st, 1, &rec);
		col_date(st, 2, &placed);
		submitted = sqlite3_column_int(st, 3);
		col_date(st, 4, &sub);
		col_date(st, 5, &press);
		col_date(st, 6, &props);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	deadline_cycle(c, year, season, rec, placed, out);
	out->submitted = submitted || sub >= 0;
	if (out->submitted) {
		out->items[DL_PROPOSALS].done = 1;
		out->items[DL_COUNCIL].done = 1;
	}
	if (out->items[DL_COUNCIL].done)
		out->items[DL_COUNCIL].done_on = sub;
	if (out->items[DL_PROPOSALS].done)
		out->items[DL_PROPOSALS].done_on = props;
	if (press >= 0) {
		out->press_placed = press;
		deadline_done(out, DL_PRESS, press);
	}
	return 0;
}

enum dl_status deadline_status(const tz_calendar *c, const struct dl_item *it,
                               tz_day today, int *left)
{
	*left = 0;
	if (it->step == DL_REMARKS)
		return DL_PER_ITEM;
	if (it->done) {
		if (it->done_on < 0 || it->due < 0 || it->done_on <= it->due)
			return DL_DONE;
		/* Done on a day off counts from the working day after it. */
		*left = cal_workdays_between(c, it->due, deadline_on_workday(c, it->done_on));
		return DL_DONE_LATE;
	}
	if (it->due < 0)
		return DL_NOT_RECORDED;
	if (today > it->due)
		return it->step == DL_COUNCIL || it->step == DL_PLACED || it->step == DL_PRESS ? DL_OVERDUE
		                                                                             : DL_PASSED;
	if (today == it->due)
		return DL_TODAY;
	*left = cal_workdays_between(c, today, it->due);
	return DL_DUE;
}
