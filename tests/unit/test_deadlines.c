#include "harness.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/calendar.h"
#include "domain/deadlines.h"
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
	if (d < 0)
		return "(none)";
	k = (k + 1) % 4;
	return cal_format(d, buf[k]);
}

static void current(const char *date, int want_year, enum dl_season want)
{
	int y;
	enum dl_season s;
	deadline_cycle_at(D(date), &y, &s);
	CHECK(y == want_year && s == want, "%s: cycle %d/%s, want %d/%s", date, y,
	      s == DL_SPRING ? "spring" : "autumn", want_year, want == DL_SPRING ? "spring" : "autumn");
}

static enum dl_status status_at(const struct dl_cycle *cy, enum dl_step step, const char *today,
                                int *left)
{
	return deadline_status(cal, &cy->items[step], D(today), left);
}

static void cycles(void)
{
	current("2027-01-20", 2027, DL_SPRING);
	current("2027-04-01", 2027, DL_SPRING);
	current("2027-04-02", 2027, DL_AUTUMN);
	current("2027-11-01", 2027, DL_AUTUMN);
	current("2027-11-02", 2028, DL_SPRING);
	current("2026-12-31", 2027, DL_SPRING);

	struct dl_cycle cy;
	deadline_cycle(cal, 2027, DL_SPRING, -1, -1, &cy);
	CHECK_STR(fmt(cy.items[DL_PROPOSALS].due), "2027-02-01");
	CHECK_STR(fmt(cy.items[DL_COUNCIL].due), "2027-04-01");
	CHECK_STR(fmt(cy.items[DL_PLACED].due), "(none)");
	CHECK_STR(fmt(cy.items[DL_PRESS].due), "(none)");
	CHECK_STR(cy.items[DL_PROPOSALS].clause, "7");
	CHECK_STR(cy.items[DL_PLACED].clause, "11");
	CHECK_INT(cy.items[DL_PROPOSALS].on_day_off, 0);   /* a Monday */
	int left;
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2027-01-20", &left), DL_DUE);
	CHECK_INT(left, 8);
	CHECK_INT(status_at(&cy, DL_PLACED, "2027-01-20", &left), DL_NOT_RECORDED);
	CHECK_INT(status_at(&cy, DL_REMARKS, "2027-01-20", &left), DL_PER_ITEM);
	/* The Council submission is something the database records: once past,
	 * with nothing recorded, it is overdue. */
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2027-04-01", &left), DL_TODAY);
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2027-04-02", &left), DL_OVERDUE);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2027-02-02", &left), DL_PASSED);

	/* Autumn: 1 September and 1 November; in 2026 1 November is a Sunday,
	 * so the term ends on Monday 2 November. */
	deadline_cycle(cal, 2026, DL_AUTUMN, -1, -1, &cy);
	CHECK_STR(fmt(cy.items[DL_PROPOSALS].due), "2026-09-01");
	CHECK_STR(fmt(cy.items[DL_COUNCIL].nominal), "2026-11-01");
	CHECK_STR(fmt(cy.items[DL_COUNCIL].due), "2026-11-02");
	CHECK_INT(cy.items[DL_COUNCIL].on_day_off, 1);

	/* A date deadline on a day off ends on the next working day (the Civil
	 * Code's rule): Sunday 1 February 2026 -> Monday 2 February. */
	deadline_cycle(cal, 2026, DL_SPRING, -1, -1, &cy);
	CHECK_STR(fmt(cy.items[DL_PROPOSALS].nominal), "2026-02-01");   /* a Sunday */
	CHECK_STR(fmt(cy.items[DL_PROPOSALS].due), "2026-02-02");
	CHECK_INT(cy.items[DL_PROPOSALS].on_day_off, 1);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-02-01", &left), DL_DUE);
	CHECK_INT(left, 1);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-02-02", &left), DL_TODAY);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-02-03", &left), DL_PASSED);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-01-30", &left), DL_DUE);
	CHECK_INT(left, 1);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-01-29", &left), DL_DUE);
	CHECK_INT(left, 2);
	CHECK_STR(fmt(deadline_on_workday(cal, D("2026-02-01"))), "2026-02-02");
	CHECK_STR(fmt(deadline_on_workday(cal, D("2026-02-02"))), "2026-02-02");
	/* 1 April 2026 is a Wednesday: it stays. */
	CHECK_INT(cy.items[DL_COUNCIL].on_day_off, 0);
	CHECK_STR(fmt(cy.items[DL_COUNCIL].due), "2026-04-01");
	/* A holiday too: Kurban ait, 27 May 2026, would move a term to 28 May. */
	CHECK_STR(fmt(deadline_on_workday(cal, D("2026-05-27"))), "2026-05-28");
	/* A weekend and a moved holiday after it: Saturday 21 March 2026
	 * (Nauryz, 21-23 March, the 21st moved to the 25th) -> the 26th. */
	CHECK_STR(fmt(deadline_on_workday(cal, D("2026-03-21"))), "2026-03-26");
}

/* A step done after its deadline is done so many working days late. */
static void late(void)
{
	struct dl_cycle cy;
	int left;
	deadline_cycle(cal, 2026, DL_SPRING, -1, -1, &cy);
	/* Submitted on Monday 2 February 2026, the day the term ended: in time. */
	deadline_done(&cy, DL_PROPOSALS, D("2026-02-02"));
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-12-01", &left), DL_DONE);
	/* Tuesday 3 February: one working day late. */
	deadline_done(&cy, DL_PROPOSALS, D("2026-02-03"));
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-12-01", &left), DL_DONE_LATE);
	CHECK_INT(left, 1);
	/* Done on a day off counts from the working day after it: Saturday
	 * 7 February -> Monday 9 February, 5 working days late. */
	deadline_done(&cy, DL_PROPOSALS, D("2026-02-07"));
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-12-01", &left), DL_DONE_LATE);
	CHECK_INT(left, 5);
	/* The draft went to the Council on 1 December, eight months after 1 April. */
	deadline_done(&cy, DL_COUNCIL, D("2026-12-01"));
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2026-12-02", &left), DL_DONE_LATE);
	CHECK_INT(left, cal_workdays_between(cal, D("2026-04-01"), D("2026-12-01")));
	CHECK(left > 160, "eight months late: %d working days", left);
	/* Done with the day not known: plain done. */
	deadline_done(&cy, DL_COUNCIL, -1);
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2026-12-02", &left), DL_DONE);
	CHECK_INT(left, 0);
}

static void after(void)
{
	/* Remarks received on Friday 3 July 2026, Monday 6 July a holiday: due
	 * on Wednesday. */
	CHECK_STR(fmt(deadline_remarks(cal, D("2026-07-03"))), "2026-07-08");
	CHECK_STR(fmt(deadline_remarks(cal, D("2026-03-20"))), "2026-03-27");
	CHECK_STR(fmt(deadline_remarks(cal, D("2026-06-01"))), "2026-06-03");

	struct dl_cycle cy;
	deadline_cycle(cal, 2026, DL_AUTUMN, D("2026-11-20"), D("2026-12-11"), &cy);
	CHECK_STR(fmt(cy.items[DL_PLACED].due), "2026-12-04");
	/* 16 December, a Wednesday holiday, pushes the press release. */
	CHECK_STR(fmt(cy.items[DL_PRESS].due), "2026-12-17");
	int left;
	/* Placed on 11 December, 4 December the deadline: 5 working days late. */
	CHECK_INT(status_at(&cy, DL_PLACED, "2026-12-15", &left), DL_DONE_LATE);
	CHECK_INT(left, 5);
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2026-12-15", &left), DL_DONE);
	CHECK_INT(status_at(&cy, DL_PRESS, "2026-12-15", &left), DL_DUE);
	CHECK_INT(left, 1);
	/* The press release's placement is recorded now: past due, it is overdue. */
	CHECK_INT(status_at(&cy, DL_PRESS, "2026-12-18", &left), DL_OVERDUE);

	/* Recommendations recorded, the register not placed yet. */
	deadline_cycle(cal, 2026, DL_AUTUMN, D("2026-11-20"), -1, &cy);
	CHECK_INT(status_at(&cy, DL_PLACED, "2026-12-04", &left), DL_TODAY);
	CHECK_INT(status_at(&cy, DL_PLACED, "2026-12-07", &left), DL_OVERDUE);
	CHECK_INT(status_at(&cy, DL_PRESS, "2026-12-07", &left), DL_NOT_RECORDED);
}

static void recorded(tz_db *db)
{
	struct dl_cycle cy;
	CHECK_INT(deadline_cycle_load(db, cal, 2026, DL_AUTUMN, &cy), 0);
	CHECK_STR(fmt(cy.items[DL_PLACED].due), "(none)");   /* no row yet */

	CHECK_INT(db_exec(db, "INSERT INTO cycle(year, season, council_rec_date, placed_date)"
	                      " VALUES (2026, 'autumn', '2026-11-20', '2026-12-11'),"
	                      "        (2027, 'spring', NULL, NULL)"), 0);
	CHECK_INT(deadline_cycle_load(db, cal, 2026, DL_AUTUMN, &cy), 0);
	CHECK_STR(fmt(cy.council_rec), "2026-11-20");
	CHECK_STR(fmt(cy.items[DL_PLACED].due), "2026-12-04");
	CHECK_STR(fmt(cy.items[DL_PRESS].due), "2026-12-17");

	int left;
	CHECK_INT(deadline_cycle_load(db, cal, 2027, DL_SPRING, &cy), 0);
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2027-04-05", &left), DL_OVERDUE);
	/* A register version of the cycle sent to the Council marks it done. */
	CHECK_INT(db_exec(db, "INSERT INTO reg_version(cycle_id, state, created, submitted)"
	                      " SELECT id, 'submitted', '2027-03-30T10:00:00Z', '2027-03-30T10:00:00Z'"
	                      " FROM cycle WHERE year = 2027"), 0);
	CHECK_INT(deadline_cycle_load(db, cal, 2027, DL_SPRING, &cy), 0);
	CHECK_INT(cy.submitted, 1);
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2027-04-05", &left), DL_DONE);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2027-04-05", &left), DL_DONE);

	/* The Council submission's recorded day shows it late. */
	CHECK_INT(db_exec(db, "UPDATE cycle SET council_sub_date = '2027-04-06' WHERE year = 2027"), 0);
	CHECK_INT(deadline_cycle_load(db, cal, 2027, DL_SPRING, &cy), 0);
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2027-04-07", &left), DL_DONE_LATE);
	CHECK_INT(left, 3);

	/* The press release's placement, recorded for the published version. */
	CHECK_INT(db_exec(db, "INSERT INTO reg_version(cycle_id, state, created, published)"
	                      " SELECT id, 'published', '2026-12-11T10:00:00Z', '2026-12-11T10:00:00Z'"
	                      " FROM cycle WHERE year = 2026"), 0);
	CHECK_INT(deadline_cycle_load(db, cal, 2026, DL_AUTUMN, &cy), 0);
	CHECK_INT(status_at(&cy, DL_PRESS, "2026-12-21", &left), DL_OVERDUE);
	CHECK_INT(db_exec(db, "INSERT INTO press_placement(version_id, date, place_kk, place_ru, updated, login)"
	                      " SELECT id, '2026-12-21', 'enbek.gov.kz', 'enbek.gov.kz', '', 'x'"
	                      " FROM reg_version WHERE state = 'published'"), 0);
	CHECK_INT(deadline_cycle_load(db, cal, 2026, DL_AUTUMN, &cy), 0);
	CHECK_STR(fmt(cy.press_placed), "2026-12-21");
	CHECK_INT(status_at(&cy, DL_PRESS, "2026-12-22", &left), DL_DONE_LATE);
	CHECK_INT(left, 2);    /* due Thursday 17th: Friday 18th, Monday 21st */
}

/* Events are recorded once they have happened. */
static void past(void)
{
	char err[256] = "";
	setenv("TIZILIM_TODAY", "2026-12-07", 1);
	CHECK_INT(deadline_check_past(D("2026-12-07"), err, sizeof err), 0);
	CHECK_INT(deadline_check_past(D("2026-01-05"), err, sizeof err), 0);
	CHECK_INT(deadline_check_past(D("2026-12-08"), err, sizeof err), -1);
	CHECK(strstr(err, "2026-12-08") && strstr(err, "2026-12-07"), "names both days: %s", err);
	unsetenv("TIZILIM_TODAY");
}

int main(void)
{
	char dir[] = "/tmp/tz-deadlines-XXXXXX";
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
			cycles();
			late();
			after();
			recorded(db);
			past();
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
