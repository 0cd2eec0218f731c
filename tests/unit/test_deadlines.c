#include "harness.h"

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

	/* Autumn: 1 September and 1 November (a Sunday in 2026). */
	deadline_cycle(cal, 2026, DL_AUTUMN, -1, -1, &cy);
	CHECK_STR(fmt(cy.items[DL_PROPOSALS].due), "2026-09-01");
	CHECK_STR(fmt(cy.items[DL_COUNCIL].due), "2026-11-01");
	CHECK_INT(cy.items[DL_COUNCIL].on_day_off, 1);

	/* A date deadline on a day off stays on its date and is inclusive. */
	deadline_cycle(cal, 2026, DL_SPRING, -1, -1, &cy);
	CHECK_STR(fmt(cy.items[DL_PROPOSALS].due), "2026-02-01");   /* a Sunday */
	CHECK_INT(cy.items[DL_PROPOSALS].on_day_off, 1);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-02-01", &left), DL_TODAY);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-02-02", &left), DL_PASSED);
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-01-30", &left), DL_DUE);
	CHECK_INT(left, 0);                         /* no working day before it */
	CHECK_INT(status_at(&cy, DL_PROPOSALS, "2026-01-29", &left), DL_DUE);
	CHECK_INT(left, 1);
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
	CHECK_INT(status_at(&cy, DL_PLACED, "2026-12-15", &left), DL_DONE);
	CHECK_INT(status_at(&cy, DL_COUNCIL, "2026-12-15", &left), DL_DONE);
	CHECK_INT(status_at(&cy, DL_PRESS, "2026-12-15", &left), DL_DUE);
	CHECK_INT(left, 1);
	CHECK_INT(status_at(&cy, DL_PRESS, "2026-12-18", &left), DL_PASSED);

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
			after();
			recorded(db);
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
