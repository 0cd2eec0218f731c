#include "domain/calendar_edit.h"

#include <stdio.h>
#include <string.h>

#include "store/auth.h"
#include "domain/calendar.h"
#include "base/i18n.h"

/* The override's own words are data in both languages, as the shipped
 * calendar keeps them, so that either language reads them later. */
static const char *const note[2][2] = {
	[CAL_EDIT_OFF] = {"Үкімет қаулысы бойынша демалыс күні",
	                  "Выходной день по постановлению Правительства"},
	[CAL_EDIT_WORK] = {"Үкімет қаулысы бойынша жұмыс күні",
	                   "Рабочий день по постановлению Правительства"},
};
#define KURBAN_KK "Құрбан айт"
#define KURBAN_RU "Курбан айт"

static int bad_date(const char *date, tz_day *d, char *why, size_t len)
{
	if (date && cal_parse_typed(date, d) == 0)
		return 0;
	snprintf(why, len, _("Date: \"%s\" is not a date; write it as 06.12.2026 or 2026-12-06."),
	         date ? date : "");
	return -1;
}

static int refused(tz_db *db, char *why, size_t len)
{
	db_rollback(db);
	snprintf(why, len, _("The database refused the change: %s"), db_errmsg(db));
	return -1;
}

/* Every edit's start: date as YYYY-MM-DD into iso, the user's right to
 * edit reference data, the transaction opened.  0, or -1 with why. */
static int begin_edit(tz_db *db, const char *date, char iso[11], char *why, size_t len)
{
	tz_day d;
	if (bad_date(date, &d, why, len) || auth_edit_reference(db, why, len))
		return -1;
	cal_format(d, iso);
	if (db_begin(db)) {
		snprintf(why, len, _("The database refused the change: %s"), db_errmsg(db));
		return -1;
	}
	return 0;
}

int cal_edit_day(tz_db *db, const char *date, enum cal_edit what, char *why, size_t len)
{
	char iso[11];
	if (begin_edit(db, date, iso, why, len))
		return -1;
	sqlite3_stmt *st;
	if (what == CAL_EDIT_CLEAR) {
		st = db_prep(db, "DELETE FROM calendar_day WHERE date = :d");
	} else {
		st = db_prep(db, "INSERT INTO calendar_day (date, kind, note_kk, note_ru) "
		                 "VALUES (:d, :k, :nk, :nr) ON CONFLICT(date) DO UPDATE SET "
		                 "kind = excluded.kind, note_kk = excluded.note_kk, "
		                 "note_ru = excluded.note_ru");
		db_text(st, ":k", what == CAL_EDIT_OFF ? "off" : "work");
		db_text(st, ":nk", note[what][0]);
		db_text(st, ":nr", note[what][1]);
	}
	if (!st)
		return refused(db, why, len);
	db_text(st, ":d", iso);
	if (db_run(db, st))
		return refused(db, why, len);
	if (what == CAL_EDIT_CLEAR && sqlite3_changes(db_sqlite(db)) == 0) {
		db_rollback(db);
		snprintf(why, len, _("%s has no change of its own to remove: it follows the rules."),
		         iso);
		return -1;
	}
	if (db_commit(db))
		return refused(db, why, len);
	return 0;
}

int cal_edit_kurban(tz_db *db, const char *date, char *why, size_t len)
{
	char iso[11];
	if (begin_edit(db, date, iso, why, len))
		return -1;
	sqlite3_stmt *st = db_prep(db, "DELETE FROM calendar_day WHERE kind IN ('off', 'holiday') AND "
	                               "note_kk = '" KURBAN_KK "' AND substr(date, 1, 4) = "
	                               "substr(:d, 1, 4) AND date <> :d");
	if (!st)
		return refused(db, why, len);
	db_text(st, ":d", iso);
	if (db_run(db, st))
		return refused(db, why, len);
	st = db_prep(db, "INSERT INTO calendar_day (date, kind, note_kk, note_ru) "
	                 "VALUES (:d, 'holiday', '" KURBAN_KK "', '" KURBAN_RU "') "
	                 "ON CONFLICT(date) DO UPDATE SET kind = 'holiday', "
	                 "note_kk = excluded.note_kk, note_ru = excluded.note_ru");
	if (!st)
		return refused(db, why, len);
	db_text(st, ":d", iso);
	if (db_run(db, st) || db_commit(db))
		return refused(db, why, len);
	return 0;
}

void cal_kurban_of(tz_db *db, int year, char *buf)
{
	buf[0] = 0;
	sqlite3_stmt *st = db_prep(db, "SELECT date FROM calendar_day WHERE kind IN ('off', 'holiday') AND "
	                               "note_kk = '" KURBAN_KK "' AND date >= :a AND date < :b "
	                               "ORDER BY date LIMIT 1");
	if (!st)
		return;
	char a[24], b[24];
	snprintf(a, sizeof a, "%04d-01-01", year);
	snprintf(b, sizeof b, "%04d-01-01", year + 1);
	db_text(st, ":a", a);
	db_text(st, ":b", b);
	if (db_step(db, st) == SQLITE_ROW)
		snprintf(buf, 11, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
}
