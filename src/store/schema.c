/* The schema brought up to this program's version, step by step, the
 * change log's triggers made again after every step (src/store/schema.h). */
#include "store/schema.h"

#include <stdio.h>

#include "store/audit.h"

extern const char tz_data_schema_sql[];
extern const char tz_data_migrate_2_sql[];
extern const char tz_data_migrate_3_sql[];
extern const char tz_data_migrate_4_sql[];
extern const char tz_data_migrate_5_sql[];
extern const char tz_data_migrate_6_sql[];
extern const char tz_data_migrate_7_sql[];
extern const char tz_data_migrate_8_sql[];
extern const char tz_data_migrate_9_sql[];
extern const char tz_data_migrate_10_sql[];
extern const char tz_data_migrate_12_sql[];
extern const char tz_data_migrate_13_sql[];
extern const char tz_data_migrate_15_sql[];
extern const char tz_data_migrate_16_sql[];
extern const char tz_data_migrate_19_sql[];
extern const char tz_data_migrate_20_sql[];

enum schema_kind schema_identify(tz_db *db)
{
	if (db_int_query(db, "PRAGMA application_id", 0) == TZ_APPLICATION_ID)
		return SCHEMA_OURS;
	if (db_int_query(db, "SELECT count(*) FROM sqlite_schema", -1) == 0)
		return SCHEMA_EMPTY;
	/* Made before databases were marked: the program's by its version
	 * and its own tables, which no other program has all of. */
	if (db_int_query(db, "PRAGMA application_id", 0) == 0 &&
	    db_int_query(db, "PRAGMA user_version", 0) >= 1 &&
	    db_int_query(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
	                     "('meta', 'reg_version', 'reg_row', 'nkz', 'body', 'change_log')", 0) == 6)
		return SCHEMA_OURS;
	return SCHEMA_FOREIGN;
}

/* Marks the file as the program's.  A read-only file keeps its mark
 * unwritten: it is read as it is. */
static void mark(tz_db *db)
{
	if (db_int_query(db, "PRAGMA application_id", 0) != TZ_APPLICATION_ID &&
	    !sqlite3_db_readonly(db_sqlite(db), "main")) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", TZ_APPLICATION_ID);
		db_exec(db, sql);
	}
}

int schema_migrate(tz_db *db, char *err, size_t errlen)
{
	int64_t v = db_int_query(db, "PRAGMA user_version", -1);
	if (v < 0 || v > TZ_SCHEMA_VERSION) {
		snprintf(err, errlen, "schema version %lld is newer than this program's %d",
		         (long long)v, TZ_SCHEMA_VERSION);
		return -1;
	}
	if (v == TZ_SCHEMA_VERSION) {
		mark(db);
		return 0;
	}
	if (db_begin(db))
		goto fail;
	if (v == 0 && db_script(db, tz_data_schema_sql))
		goto fail;
	if (v < 2 && db_script(db, tz_data_migrate_2_sql))
		goto fail;
	if (v < 3 && db_script(db, tz_data_migrate_3_sql))
		goto fail;
	if (v < 4 && db_script(db, tz_data_migrate_4_sql))
		goto fail;
	if (v < 5 && db_script(db, tz_data_migrate_5_sql))
		goto fail;
	if (v < 6 && db_script(db, tz_data_migrate_6_sql))
		goto fail;
	if (v < 7 && db_script(db, tz_data_migrate_7_sql))
		goto fail;
	if (v < 8 && db_script(db, tz_data_migrate_8_sql))
		goto fail;
	if (v < 9 && db_script(db, tz_data_migrate_9_sql))
		goto fail;
	if (v < 10 && db_script(db, tz_data_migrate_10_sql))
		goto fail;
	if (v < 12 && db_script(db, tz_data_migrate_12_sql))
		goto fail;
	if (v < 13 && db_script(db, tz_data_migrate_13_sql))
		goto fail;
	if (v < 15 && db_script(db, tz_data_migrate_15_sql))
		goto fail;
	if (v < 16 && db_script(db, tz_data_migrate_16_sql))
		goto fail;
	if (v < 19 && db_script(db, tz_data_migrate_19_sql))
		goto fail;
	if (v < 20 && db_script(db, tz_data_migrate_20_sql))
		goto fail;
	/* After every step, so that a column a step adds is logged too. */
	if (audit_triggers(db))
		goto fail;
	char sql[64];
	mark(db);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", TZ_SCHEMA_VERSION);
	if (db_exec(db, sql) || db_commit(db))
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "%s", db_errmsg(db));
	db_rollback(db);
	return -1;
}
