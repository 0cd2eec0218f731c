/* The clerk's calendar changes: each shows in the working days at once, is
 * logged, replaces rather than piles up, refuses a malformed date by name,
 * and is refused to a reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/calendar.h"
#include "domain/calendar_edit.h"
#include "harness.h"
#include "base/host.h"
#include "base/i18n.h"
#include "store/store.h"
#include "base/text.h"

static tz_db *db;

static enum cal_why why_off(const char *date)
{
	tz_day d;
	tz_calendar *c = cal_load(db);
	enum cal_why w = c && cal_parse(date, &d) == 0 ? cal_why_off(c, d) : (enum cal_why)-1;
	cal_free(c);
	return w;
}

static int64_t count(const char *sql)
{
	return db_int_query(db, sql, -1);
}

int main(void)
{
	char path[] = "/tmp/tz-caledit-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	setenv("LANGUAGE", "en", 1);
	char err[512] = "", why[512];
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();

	/* Monday 6 April 2026 off by decree, Saturday 11 April worked. */
	CHECK_INT(why_off("2026-04-06"), CAL_WORK);
	CHECK_INT(cal_edit_day(db, "2026-04-06", CAL_EDIT_OFF, why, sizeof why), 0);
	CHECK_INT(why_off("2026-04-06"), CAL_DECREE);
	CHECK_INT(cal_edit_day(db, "2026-04-11", CAL_EDIT_WORK, why, sizeof why), 0);
	CHECK_INT(why_off("2026-04-11"), CAL_WORK);
	CHECK_INT(count("SELECT count(*) FROM change_log WHERE object = 'calendar_day' "
	                "AND object_id IN ('2026-04-06', '2026-04-11')"), 2);
	/* Changing a changed day replaces it; removing puts the rules back. */
	CHECK_INT(cal_edit_day(db, "2026-04-06", CAL_EDIT_WORK, why, sizeof why), 0);
	CHECK_INT(count("SELECT count(*) FROM calendar_day WHERE date = '2026-04-06' AND kind = 'work'"), 1);
	CHECK_INT(cal_edit_day(db, "2026-04-06", CAL_EDIT_CLEAR, why, sizeof why), 0);
	CHECK_INT(why_off("2026-04-06"), CAL_WORK);
	CHECK_INT(count("SELECT count(*) FROM calendar_day WHERE date = '2026-04-06'"), 0);
	CHECK_INT(cal_edit_day(db, "2026-04-06", CAL_EDIT_CLEAR, why, sizeof why), -1);
	CHECK(strstr(why, "2026-04-06") != NULL, "nothing to remove names the date: %s", why);

	/* Malformed dates: refused, named, nothing written. */
	int64_t before = count("SELECT count(*) FROM calendar_day");
	const char *bad[] = {"2026-02-30", "2026-4-6", "", "30.02.2026", "06.04.26", NULL};
	for (int i = 0; bad[i]; i++) {
		why[0] = 0;
		CHECK_INT(cal_edit_day(db, bad[i], CAL_EDIT_OFF, why, sizeof why), -1);
		char quoted[64];
		snprintf(quoted, sizeof quoted, "\"%s\"", bad[i]);
		CHECK(strstr(why, quoted) && strstr(why, "06.12.2026") && strstr(why, "2026-12-06"),
		      "%s: %s", bad[i], why);
	}
	CHECK_INT(cal_edit_kurban(db, "2026-05-32", why, sizeof why), -1);
	CHECK_INT(cal_edit_day(db, NULL, CAL_EDIT_OFF, why, sizeof why), -1);
	CHECK_INT(count("SELECT count(*) FROM calendar_day"), before);

	/* A date as a clerk writes it, dotted or with spaces around, is the day. */
	CHECK_INT(cal_edit_day(db, "07.04.2026", CAL_EDIT_OFF, why, sizeof why), 0);
	CHECK_INT(count("SELECT count(*) FROM calendar_day WHERE date = '2026-04-07'"), 1);
	CHECK_INT(cal_edit_day(db, " 2026-04-07 ", CAL_EDIT_CLEAR, why, sizeof why), 0);
	CHECK_INT(count("SELECT count(*) FROM calendar_day"), before);

	/* Kurban ait: the year's date moves, the other years' stay. */
	char k[11];
	cal_kurban_of(db, 2026, k);
	CHECK_STR(k, "2026-05-27");
	CHECK_INT(cal_edit_kurban(db, "2026-05-26", why, sizeof why), 0);
	cal_kurban_of(db, 2026, k);
	CHECK_STR(k, "2026-05-26");
	CHECK_INT(why_off("2026-05-27"), CAL_WORK);
	CHECK_INT(why_off("2026-05-26"), CAL_HOLIDAY);   /* a public holiday, not a decree */
	cal_kurban_of(db, 2027, k);
	CHECK_STR(k, "2027-05-16");
	cal_kurban_of(db, 2030, k);
	CHECK_STR(k, "");
	CHECK_INT(cal_edit_kurban(db, "2030-04-14", why, sizeof why), 0);
	cal_kurban_of(db, 2030, k);
	CHECK_STR(k, "2030-04-14");
	CHECK_INT(count("SELECT count(*) FROM calendar_day WHERE note_ru = 'Курбан айт'"), 4);

	/* A reader may look but not change. */
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE app_user SET role = 'reader' WHERE login = '%s'",
	         host_login());
	CHECK_INT(db_exec(db, sql), 0);
	before = count("SELECT count(*) FROM calendar_day");
	why[0] = 0;
	CHECK_INT(cal_edit_day(db, "2026-04-07", CAL_EDIT_OFF, why, sizeof why), -1);
	CHECK(strstr(why, host_login()) != NULL, "refusal names the login: %s", why);
	CHECK_INT(cal_edit_kurban(db, "2026-05-27", why, sizeof why), -1);
	CHECK_INT(count("SELECT count(*) FROM calendar_day"), before);

	db_close(db);
	unlink(path);
	text_cleanup();
	return tz_test_done();
}
