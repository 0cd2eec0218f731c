/* The official order of a register version (src/domain/regorder.h). */
#include "domain/regorder.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/register.h"
#include "store/audit.h"
#include "store/auth.h"

/* The statement of schema 7's reg_place_settle trigger: the rows keep their
 * order, a row with no number goes after the furthest-down numbered row of
 * a lower code and level (the first place when there is none), and all are
 * numbered from 1 again. */
static const char settle_sql[] =
	"UPDATE reg_place SET num = s.rn FROM ("
	"  SELECT row_id, row_number() OVER (PARTITION BY section "
	"                                    ORDER BY k, unplaced, code, level, row_id) AS rn "
	"  FROM (SELECT p.row_id, p.section, r.nkz_code AS code, r.level, p.num IS NULL AS unplaced, "
	"               coalesce(p.num, max(p.num) OVER (PARTITION BY p.section "
	"                                               ORDER BY r.nkz_code, r.level "
	"                                               ROWS UNBOUNDED PRECEDING), 0) AS k "
	"        FROM reg_place p JOIN reg_row r ON r.id = p.row_id WHERE p.version_id = :v)"
	") AS s "
	"WHERE reg_place.row_id = s.row_id AND reg_place.num IS NOT s.rn";

/* Is every row of the version numbered 1..n in its section?  From the
 * indexes: a row waiting has no number, a gap leaves the greatest number
 * above the section's count (schema 6's reg_count). */
static int regorder_in_place(tz_db *db, int64_t version)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT count(*) FROM reg_count c WHERE c.version_id = :v AND ("
		"  EXISTS (SELECT 1 FROM reg_place p WHERE p.version_id = :v AND p.section = c.section "
		"          AND p.num IS NULL) "
		"  OR c.n <> coalesce((SELECT max(p.num) FROM reg_place p WHERE p.version_id = :v "
		"                     AND p.section = c.section), 0))");
	if (!st)
		return -1;
	db_int(st, ":v", version);
	int rc = db_step(db, st);
	int out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) == 0 : -1;
	sqlite3_finalize(st);
	return out;
}

int regorder_settle(tz_db *db, int64_t version)
{
	if (!version)
		return 0;
	const char *state = reg_version_state(db, version);
	if (!state || strcmp(state, "draft"))
		return 0;
	int ok = regorder_in_place(db, version);
	if (ok)
		return ok < 0 ? -1 : 0;
	if (sqlite3_db_readonly(db_sqlite(db), "main"))
		return -1;
	if (db_begin(db))
		return -1;
	sqlite3_stmt *st = db_prep(db, settle_sql);
	if (!st) {
		db_rollback(db);
		return -1;
	}
	db_int(st, ":v", version);
	if (db_run(db, st) || db_commit(db)) {
		if (db_depth(db))
			db_rollback(db);
		return -1;
	}
	return 0;
}

int regorder_num(tz_db *db, int64_t row_id)
{
	sqlite3_stmt *st = db_prep(db, "SELECT num FROM reg_place WHERE row_id = :id");
	if (!st)
		return 0;
	db_int(st, ":id", row_id);
	int n = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return n;
}

/* The row's version, section and number; -1 when there is no such row. */
static int regorder_where(tz_db *db, int64_t row_id, int64_t *version, char *section,
                          size_t len, int *num)
{
	sqlite3_stmt *st = db_prep(db, "SELECT version_id, section, coalesce(num, 0) FROM reg_place "
	                               "WHERE row_id = :id");
	if (!st)
		return -1;
	db_int(st, ":id", row_id);
	int rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		*version = sqlite3_column_int64(st, 0);
		snprintf(section, len, "%s", db_col_text(st, 1));
		*num = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int regorder_move(tz_db *db, int64_t row_id, int places, int *num, char *err, size_t errlen)
{
	if (err && errlen)
		err[0] = 0;
	if (auth_edit_register(db, err, errlen))
		return REG_DENIED;
	if (db_begin(db))
		return REG_DBERR;
	int64_t version = 0;
	char section[16];
	int from = 0;
	int status = REG_OK;
	if (regorder_where(db, row_id, &version, section, sizeof section, &from))
		status = REG_GONE;
	else if (strcmp(reg_version_state(db, version) ? reg_version_state(db, version) : "", "draft"))
		status = REG_NOT_DRAFT;
	else if (regorder_settle(db, version) ||
	         regorder_where(db, row_id, &version, section, sizeof section, &from))
		status = REG_DBERR;
	if (status) {
		db_rollback(db);
		return status;
	}
	sqlite3_stmt *st = db_prep(db, "SELECT n FROM reg_count WHERE version_id = :v AND section = :s");
	db_int(st, ":v", version);
	db_text(st, ":s", section);
	int count = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : from;
	sqlite3_finalize(st);
	int to = from + places;
	if (to < 1)
		to = 1;
	if (to > count)
		to = count;
	if (to != from) {
		/* The rows between close up behind the one moved. */
		st = db_prep(db,
			"UPDATE reg_place SET num = CASE WHEN row_id = :id THEN :to "
			"  WHEN :to < :from THEN num + 1 ELSE num - 1 END "
			"WHERE version_id = :v AND section = :s AND num BETWEEN min(:from, :to) AND max(:from, :to)");
		db_int(st, ":id", row_id);
		db_int(st, ":to", to);
		db_int(st, ":from", from);
		db_int(st, ":v", version);
		db_text(st, ":s", section);
		char oid[24], before[48], after[48];
		snprintf(oid, sizeof oid, "%lld", (long long)row_id);
		snprintf(before, sizeof before, "{\"num\": %d}", from);
		snprintf(after, sizeof after, "{\"num\": %d}", to);
		if (db_run(db, st) || audit_log(db, "reg_row", oid, "update", before, after)) {
			db_rollback(db);
			return REG_DBERR;
		}
	}
	if (db_commit(db)) {
		if (db_depth(db))
			db_rollback(db);
		return REG_DBERR;
	}
	if (num)
		*num = to;
	return REG_OK;
}
