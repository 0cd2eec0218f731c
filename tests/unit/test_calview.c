/* The calendar screen's year on the demo database: what each day is
 * (weekend, holiday, a day off moved from a weekend holiday, a day off or a
 * working day by decree), the year's Kurban ait, and a change made through
 * the calendar's editing seen once the year is read again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "domain/calendar_edit.h"
#include "harness.h"
#include "store/auth.h"
#include "store/store.h"
#include "view/calview.h"

static struct calview v;

static const char *kind_name(enum calview_kind k)
{
	static const char *const names[] = {"workday", "weekend", "holiday", "moved", "decree off", "decree work"};
	return k <= CALVIEW_DECREE_WORK ? names[k] : "?";
}

static void is(const char *date, enum calview_kind want)
{
	tz_day d;
	CHECK(cal_parse(date, &d) == 0, "test date %s", date);
	enum calview_kind k = calview_day(&v, d);
	CHECK(k == want, "%s: %s, want %s", date, kind_name(k), kind_name(want));
}

int main(void)
{
	char path[] = "/tmp/tz-calview-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	tz_db *db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	auth_bootstrap(db);

	/* 2025: 3 January off by decree for Sunday 5 January, a working day. */
	CHECK_INT(calview_load(db, 2025, &v), 0);
	CHECK(v.cal != NULL, "the rules are read");
	CHECK_INT(v.year, 2025);
	is("2025-01-01", CALVIEW_HOLIDAY);
	is("2025-01-03", CALVIEW_DECREE_OFF);
	is("2025-01-04", CALVIEW_WEEKEND);
	is("2025-01-05", CALVIEW_DECREE_WORK);
	is("2025-01-06", CALVIEW_WORKDAY);
	is("2025-01-07", CALVIEW_HOLIDAY);        /* never moves */
	is("2025-06-06", CALVIEW_HOLIDAY);        /* Kurban ait, a public holiday */
	CHECK_STR(v.kurban, "2025-06-06");

	/* 2026: Nauryz from Saturday 21 March; its two weekend days move to
	 * Tuesday and Wednesday.  Constitution Day on a Sunday was cancelled,
	 * so Monday 31 August stays a working day. */
	CHECK_INT(calview_load(db, 2026, &v), 0);
	CHECK_INT(v.year, 2026);
	is("2026-03-21", CALVIEW_HOLIDAY);
	is("2026-03-23", CALVIEW_HOLIDAY);
	is("2026-03-24", CALVIEW_MOVED);
	is("2026-03-25", CALVIEW_MOVED);
	is("2026-03-26", CALVIEW_WORKDAY);
	is("2026-08-30", CALVIEW_WEEKEND);
	is("2026-08-31", CALVIEW_WORKDAY);
	is("2026-01-03", CALVIEW_WEEKEND);
	CHECK_STR(v.kurban, "2026-05-27");
	is("2026-05-27", CALVIEW_HOLIDAY);

	/* A decree made through the editing, as the F4 dialog makes it: read
	 * again, the year shows it. */
	CHECK_INT(cal_edit_day(db, "2026-01-03", CAL_EDIT_WORK, err, sizeof err), 0);
	CHECK_INT(cal_edit_day(db, "2026-01-05", CAL_EDIT_OFF, err, sizeof err), 0);
	is("2026-01-03", CALVIEW_WEEKEND);
	CHECK_INT(calview_load(db, 2026, &v), 0);
	is("2026-01-03", CALVIEW_DECREE_WORK);
	is("2026-01-05", CALVIEW_DECREE_OFF);
	CHECK_INT(cal_edit_kurban(db, "2026-05-28", err, sizeof err), 0);
	CHECK_INT(calview_load(db, 2026, &v), 0);
	CHECK_STR(v.kurban, "2026-05-28");
	is("2026-05-27", CALVIEW_WORKDAY);
	is("2026-05-28", CALVIEW_HOLIDAY);       /* moved, still a public holiday */

	/* A year without overrides: the rules alone, and no Kurban ait set. */
	CHECK_INT(calview_load(db, 2030, &v), 0);
	CHECK_STR(v.kurban, "");
	is("2030-01-01", CALVIEW_HOLIDAY);
	is("2030-01-05", CALVIEW_WEEKEND);
	is("2030-01-08", CALVIEW_WORKDAY);

	calview_free(&v);
	CHECK(v.cal == NULL, "freed");
	db_close(db);
	unlink(path);
	char p[64];
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return tz_test_done();
}
