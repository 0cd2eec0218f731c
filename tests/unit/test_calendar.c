#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

#include "domain/calendar.h"
#include "base/i18n.h"
#include "store/store.h"

static tz_calendar *cal;

static tz_day D(const char *s)
{
	tz_day d = -1;
	if (cal_parse(s, &d))
		printf("FAIL test date %s does not parse\n", s);
	return d;
}

static const char *fmt(tz_day d)
{
	static char buf[4][11];
	static int k;
	k = (k + 1) % 4;
	return cal_format(d, buf[k]);
}

#define WHY(s, want) CHECK(cal_why_off(cal, D(s)) == (want), \
	"%s: why %d, want %s", s, (int)cal_why_off(cal, D(s)), #want)
#define ADD(s, n, want) CHECK_STR(fmt(cal_add_workdays(cal, D(s), n)), want)

static void dates(void)
{
	tz_day d;
	CHECK_INT(cal_make(1970, 1, 1), 0);
	CHECK_STR(fmt(D("2024-02-29")), "2024-02-29");
	CHECK_STR(fmt(D("2000-02-29") + 1), "2000-03-01");
	CHECK_STR(fmt(D("2026-12-31") + 1), "2027-01-01");
	int y, m, dd;
	cal_split(D("2027-05-16"), &y, &m, &dd);
	CHECK(y == 2027 && m == 5 && dd == 16, "split gave %d-%d-%d", y, m, dd);
	CHECK_INT(cal_weekday(D("2026-03-20")), 4);   /* Friday */
	CHECK_INT(cal_weekday(D("2026-03-22")), 6);   /* Sunday */
	CHECK_INT(cal_weekday(D("1969-12-29")), 0);   /* Monday, before the epoch */

	CHECK_INT(cal_parse("2026-02-30", &d), -1);
	CHECK_INT(cal_parse("2025-02-29", &d), -1);
	CHECK_INT(cal_parse("2026-13-01", &d), -1);
	CHECK_INT(cal_parse("2026-00-10", &d), -1);
	CHECK_INT(cal_parse("2026-04-31", &d), -1);
	CHECK_INT(cal_parse("2026-1-05", &d), -1);
	CHECK_INT(cal_parse("2026-01-05x", &d), -1);
	CHECK_INT(cal_parse("2026/01/05", &d), -1);
	CHECK_INT(cal_parse("garbage!!!", &d), -1);
	CHECK_INT(cal_parse("", &d), -1);
	CHECK_INT(cal_parse("+026-01-05", &d), -1);
	CHECK_INT(cal_parse("1899-12-31", &d), -1);
	CHECK_INT(cal_parse("3000-01-01", &d), -1);
	CHECK_INT(cal_parse("2024-02-29", &d), 0);

	setenv("TIZILIM_TODAY", "2027-01-20", 1);
	CHECK_STR(fmt(cal_today()), "2027-01-20");
	unsetenv("TIZILIM_TODAY");
	CHECK(cal_today() > D("2024-01-01"), "today without the variable is the clock's");

	i18n_set_lang("kk");
	CHECK(cal_weekday_name(4) && *cal_weekday_name(4), "a weekday has a name");
	CHECK(strcmp(cal_weekday_name(0), cal_weekday_name(6)) != 0, "Monday is not Sunday");
}

static void rules(void)
{
	WHY("2026-03-07", CAL_WEEKEND);                /* a plain Saturday */
	WHY("2026-03-06", CAL_WORK);                   /* a plain Friday */
	/* Every fixed holiday on a weekday, 2026. */
	WHY("2026-01-01", CAL_HOLIDAY);
	WHY("2026-01-02", CAL_HOLIDAY);
	WHY("2026-01-07", CAL_HOLIDAY);
	WHY("2026-05-01", CAL_HOLIDAY);
	WHY("2026-05-07", CAL_HOLIDAY);
	WHY("2026-07-06", CAL_HOLIDAY);
	WHY("2026-12-16", CAL_HOLIDAY);
	WHY("2026-12-17", CAL_WORK);
	/* A weekend holiday moves to Monday. */
	WHY("2026-03-08", CAL_HOLIDAY);                /* Sunday */
	WHY("2026-03-09", CAL_MOVED);
	WHY("2026-03-10", CAL_WORK);
	WHY("2026-05-09", CAL_HOLIDAY);                /* Saturday */
	WHY("2026-05-11", CAL_MOVED);
	WHY("2026-10-25", CAL_HOLIDAY);                /* Sunday */
	WHY("2026-10-26", CAL_MOVED);
	WHY("2025-08-30", CAL_HOLIDAY);                /* Saturday, still a holiday */
	WHY("2025-09-01", CAL_MOVED);
	/* Nauryz 2026: 21 Sat, 22 Sun, 23 Mon.  The moved days skip the
	 * Monday holiday: Tuesday 24 and Wednesday 25 are off. */
	WHY("2026-03-21", CAL_HOLIDAY);
	WHY("2026-03-22", CAL_HOLIDAY);
	WHY("2026-03-23", CAL_HOLIDAY);
	WHY("2026-03-24", CAL_MOVED);
	WHY("2026-03-25", CAL_MOVED);
	WHY("2026-03-26", CAL_WORK);
	/* 1 and 2 January 2022 on Saturday and Sunday both move. */
	WHY("2022-01-03", CAL_MOVED);
	WHY("2022-01-04", CAL_MOVED);
	WHY("2022-01-05", CAL_WORK);
	/* 7 January on a Sunday does not move. */
	WHY("2029-01-07", CAL_HOLIDAY);
	WHY("2029-01-08", CAL_WORK);
	/* Kurban ait: a dated public holiday; on a Sunday (2027) it does not move. */
	WHY("2026-05-27", CAL_HOLIDAY);
	WHY("2025-06-06", CAL_HOLIDAY);
	WHY("2027-05-16", CAL_HOLIDAY);
	WHY("2027-05-17", CAL_WORK);
	/* The 2025 decree: Friday 3 January off, Sunday 5 January worked. */
	WHY("2025-01-03", CAL_DECREE);
	WHY("2025-01-05", CAL_WORK);
	WHY("2025-01-04", CAL_WEEKEND);
	/* 30 August 2026 (a Sunday) cancelled: Monday 31 August is worked. */
	WHY("2026-08-30", CAL_WEEKEND);
	WHY("2026-08-31", CAL_WORK);
	WHY("2027-08-30", CAL_WORK);                   /* Monday, rule ended */
	/* 15 March is a holiday from 2027 only. */
	WHY("2027-03-15", CAL_HOLIDAY);
	WHY("2026-03-16", CAL_WORK);                   /* 15 March 2026 a Sunday */
	WHY("2028-03-15", CAL_HOLIDAY);

	i18n_set_lang("kk");
	CHECK_STR(cal_day_name(cal, D("2026-03-24")), "Наурыз мейрамы");
	CHECK_STR(cal_day_name(cal, D("2026-05-27")), "Құрбан айт");
	CHECK_STR(cal_day_name(cal, D("2026-12-16")), "Тәуелсіздік күні");
	CHECK_STR(cal_day_name(cal, D("2026-03-10")), "");
	i18n_set_lang("ru");
	CHECK_STR(cal_day_name(cal, D("2026-05-11")), "День Победы");
	CHECK_STR(cal_day_name(cal, D("2026-01-07")), "Православное Рождество");
	CHECK_STR(cal_day_name(cal, D("2027-03-15")), "День Конституции");
	CHECK_STR(cal_day_name(cal, D("2026-05-01")), "Праздник единства народа Казахстана");
}

static void counting(void)
{
	ADD("2026-03-20", 0, "2026-03-20");
	ADD("2026-03-20", 1, "2026-03-26");
	ADD("2026-03-20", 2, "2026-03-27");
	ADD("2026-03-21", 1, "2026-03-26");            /* from a day off */
	ADD("2025-01-02", 1, "2025-01-05");            /* the worked Sunday */
	/* Across the year: Fri 1 and Sat 2 January off, 2 moves to Mon 4,
	 * 7 January a Thursday. */
	ADD("2026-12-31", 1, "2027-01-05");
	ADD("2026-12-31", 2, "2027-01-06");
	ADD("2026-12-31", 3, "2027-01-08");
	CHECK_INT(cal_workdays_between(cal, D("2026-03-20"), D("2026-03-27")), 2);
	CHECK_INT(cal_workdays_between(cal, D("2026-03-27"), D("2026-03-20")), -2);
	CHECK_INT(cal_workdays_between(cal, D("2026-03-20"), D("2026-03-20")), 0);
	/* About 250 working days in a year, whatever the year. */
	int n = cal_workdays_between(cal, D("2025-12-31"), D("2026-12-31"));
	CHECK(n > 240 && n < 255, "2026 has %d working days", n);
	/* Far years work from the rules alone. */
	ADD("2999-12-30", 5, "3000-01-09");            /* 1, 2 and 7 January on weekdays */
}

static void edits(tz_db *db)
{
	/* A clerk's overrides change the calendar once it is reloaded. */
	CHECK_INT(db_exec(db, "INSERT INTO calendar_day(date, kind) VALUES"
	                      " ('2026-12-31', 'off'), ('2026-12-16', 'nothol'),"
	                      " ('2026-03-28', 'work')"), 0);
	tz_calendar *c2 = cal_load(db);
	CHECK(c2 != NULL, "reload");
	if (!c2)
		return;
	CHECK_INT(cal_why_off(c2, D("2026-12-31")), CAL_DECREE);
	CHECK_INT(cal_why_off(c2, D("2026-12-16")), CAL_WORK);
	/* A decreed working Saturday counts as a working day. */
	CHECK_INT(cal_why_off(c2, D("2026-03-28")), CAL_WORK);
	CHECK_STR(fmt(cal_add_workdays(c2, D("2026-03-27"), 1)), "2026-03-28");
	cal_free(c2);
}

int main(void)
{
	char dir[] = "/tmp/tz-calendar-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	char path[256], side[300];
	snprintf(path, sizeof path, "%s/t.db", dir);
	i18n_init("kk");
	char err[512] = "";
	tz_db *db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (db) {
		cal = cal_load(db);
		CHECK(cal != NULL, "the calendar loads");
		if (cal) {
			dates();
			rules();
			counting();
			edits(db);
		}
		cal_free(cal);
		db_close(db);
	}
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	rmdir(dir);
	return tz_test_done();
}
