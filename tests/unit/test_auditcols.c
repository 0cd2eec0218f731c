/* The change log follows every column: each logged table's triggers put all
 * its columns (but the derived fold_* and sort_*) in the before/after JSON, a
 * column that schema 3 added shows what changed, and a database of version 4
 * with a sealed log is migrated forward with its chain intact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit.h"
#include "harness.h"
#include "base/i18n.h"
#include "store/store.h"

extern const char tz_data_schema_sql[];
extern const char tz_data_migrate_2_sql[];
extern const char tz_data_migrate_3_sql[];
extern const char tz_data_migrate_4_sql[];
extern const char tz_data_migrate_10_sql[];

/* What the change log must follow, written out here rather than read from
 * the program, so that a table dropped from its list is noticed. */
static const char *const logged[] = {
	"app_user", "body", "association", "council", "nrk_level", "holiday_rule",
	"calendar_day", "cycle", "reg_version", "reg_row", "proposal", "proposal_level",
	"remark", "council_agreement", "proposal_event", "change_decision", "press_release",
};
#define NLOGGED (sizeof logged / sizeof *logged)

static tz_db *db;

static int ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Whether sql puts column col of row (new/old) under its own name: either
 * 'col', new.col or 'col', new."col". */
static int has_pair(const char *sql, const char *col, const char *row)
{
	char plain[160], quoted[160];
	snprintf(plain, sizeof plain, "'%s', %s.%s", col, row, col);
	snprintf(quoted, sizeof quoted, "'%s', %s.\"%s\"", col, row, col);
	if (strstr(sql, quoted))
		return 1;
	for (const char *p = sql; (p = strstr(p, plain)); p++)
		if (!ident(p[strlen(plain)]))
			return 1;
	return 0;
}

/* Counts the columns of table missing from its three triggers; the first
 * one missing is described in what. */
static int missing_columns(const char *table, char *what, size_t len)
{
	int missing = 0;
	static const char kinds[] = "iud";
	for (int k = 0; k < 3; k++) {
		char name[96];
		snprintf(name, sizeof name, "log_%s_%c", table, kinds[k]);
		sqlite3_stmt *t = db_prep(db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' "
		                              "AND name = :n AND tbl_name = :t");
		db_text(t, ":n", name);
		db_text(t, ":t", table);
		char *sql = db_step(db, t) == SQLITE_ROW ? strdup(db_col_text(t, 0)) : NULL;
		sqlite3_finalize(t);
		if (!sql) {
			if (!missing++)
				snprintf(what, len, "no trigger %s", name);
			continue;
		}
		sqlite3_stmt *c = db_prep(db, "SELECT name FROM pragma_table_info(:t) ORDER BY cid");
		db_text(c, ":t", table);
		while (db_step(db, c) == SQLITE_ROW) {
			const char *col = db_col_text(c, 0);
			if (!strncmp(col, "fold_", 5) || !strncmp(col, "sort_", 5))
				continue;
			const char *rows[2] = {kinds[k] == 'i' ? NULL : "old", kinds[k] == 'd' ? NULL : "new"};
			for (int r = 0; r < 2; r++)
				if (rows[r] && !has_pair(sql, col, rows[r]) && !missing++)
					snprintf(what, len, "%s lacks %s.%s", name, rows[r], col);
		}
		sqlite3_finalize(c);
		free(sql);
	}
	return missing;
}

static int all_covered(const char *label)
{
	int bad = 0;
	for (size_t i = 0; i < NLOGGED; i++) {
		char what[256] = "";
		int n = missing_columns(logged[i], what, sizeof what);
		CHECK(n == 0, "%s: %s: %d column(s) missing, first: %s", label, logged[i], n, what);
		bad += n;
	}
	return bad;
}

struct newest {
	char before[2048], after[2048], delta[2048];
};

static int keep(void *ctx, const struct audit_entry *e)
{
	struct newest *n = ctx;
	snprintf(n->before, sizeof n->before, "%s", e->before ? e->before : "(null)");
	snprintf(n->after, sizeof n->after, "%s", e->after ? e->after : "(null)");
	snprintf(n->delta, sizeof n->delta, "%s", e->delta);
	return 0;
}

static struct newest newest(const char *object)
{
	struct newest n = {0};
	struct audit_filter f = {.object = object, .newest_first = 1, .limit = 1};
	CHECK_INT(audit_query(db, &f, keep, &n), 0);
	return n;
}

static int64_t verify(void)
{
	char what[512] = "";
	int64_t bad = audit_verify(db, what, sizeof what);
	CHECK(bad == 0, "verify: entry %lld: %s", (long long)bad, what);
	return bad;
}

static int64_t count(const char *sql)
{
	return db_int_query(db, sql, -1);
}

static void remove_db(const char *path)
{
	char side[600];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static tz_db *open_db(const char *path)
{
	char err[512] = "";
	tz_db *d = store_open(path, 1, 1, err, sizeof err);
	CHECK(d != NULL, "open %s: %s", path, err);
	return d;
}

/* An SQLite statement on a connection of its own, like the sqlite3 shell's. */
static int raw(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	char *msg = NULL;
	int rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	if (rc)
		printf("# raw: %s\n", msg ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	sqlite3_close(h);
	return rc;
}

static void fresh_database(void)
{
	char path[] = "/tmp/tz-auditcols-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	if (!(db = open_db(path)))
		return;
	CHECK_INT(count("PRAGMA user_version"), TZ_SCHEMA_VERSION);
	all_covered("new database");

	/* Only the derived columns are left out: reg_row's four. */
	CHECK_INT(count("SELECT count(*) FROM pragma_table_info('reg_row') "
	                "WHERE name GLOB 'fold_*' OR name GLOB 'sort_*'"), 4);

	/* A column of schema 3 changed: before and after, and what changed. */
	CHECK_INT(db_exec(db, "UPDATE cycle SET council_sub_date = '2026-04-01', "
	                      "council_protocol = 'N 7' WHERE id = (SELECT min(id) FROM cycle)"), 0);
	struct newest n = newest("cycle");
	CHECK(strstr(n.before, "\"council_sub_date\":null") != NULL, "before: %s", n.before);
	CHECK(strstr(n.after, "\"council_sub_date\":\"2026-04-01\"") != NULL, "after: %s", n.after);
	CHECK(strstr(n.delta, "council_sub_date: - -> 2026-04-01") != NULL, "delta: %s", n.delta);
	CHECK(strstr(n.delta, "council_protocol: - -> N 7") != NULL, "delta: %s", n.delta);
	CHECK(!strstr(n.delta, "year"), "delta names only what changed: %s", n.delta);
	/* Every column of the row, no more. */
	sqlite3_stmt *st = db_prep(db, "SELECT (SELECT count(*) FROM json_each(:j)), "
	                               "(SELECT count(*) FROM pragma_table_info('cycle'))");
	db_text(st, ":j", n.after);
	CHECK(db_step(db, st) == SQLITE_ROW && sqlite3_column_int(st, 0) == sqlite3_column_int(st, 1),
	      "cycle's after has %d keys for %d columns", sqlite3_column_int(st, 0),
	      sqlite3_column_int(st, 1));
	sqlite3_finalize(st);

	/* A table of schema 3 that was not logged at all: a decision overturned
	 * keeps the one it replaced. */
	CHECK_INT(db_exec(db, "INSERT INTO change_decision (version_id, nkz_code, level, stage, "
	                      "decision, comment, login, at) SELECT id, '7212-1-008', '4', 'council', "
	                      "'approved', '', 'x', '2026-04-02T00:00:00Z' FROM reg_version "
	                      "WHERE state = 'draft'"), 0);
	CHECK_INT(db_exec(db, "UPDATE change_decision SET decision = 'returned', "
	                      "comment = 'Стандарт ескірген' WHERE nkz_code = '7212-1-008'"), 0);
	n = newest("change_decision");
	CHECK(strstr(n.delta, "decision: approved -> returned") != NULL, "delta: %s", n.delta);
	CHECK(strstr(n.delta, "comment:  -> Стандарт ескірген") != NULL, "delta: %s", n.delta);
	verify();
	db_close(db);
	remove_db(path);
}

/* A database of version 4, made from the earlier migrations and used by the
 * program of that version, with its log sealed; then opened by this one. */
static void old_database(void)
{
	char path[] = "/tmp/tz-auditcols-v4-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	size_t n = strlen(tz_data_schema_sql) + strlen(tz_data_migrate_2_sql) +
	           strlen(tz_data_migrate_3_sql) + strlen(tz_data_migrate_4_sql) +
	           strlen(tz_data_migrate_10_sql) + 64;
	char *script = malloc(n);
	/* Marked current, so that the program seals its entries the way version 4
	 * did, with version 4's triggers, and does not migrate yet.  Version 10's
	 * calendar_day (and press_placement) come along: this version's calendar
	 * data holds a kind version 4's table refuses. */
	snprintf(script, n, "%s%s%s%s%sPRAGMA user_version = %d;", tz_data_schema_sql,
	         tz_data_migrate_2_sql, tz_data_migrate_3_sql, tz_data_migrate_4_sql, tz_data_migrate_10_sql,
	         TZ_SCHEMA_VERSION);
	CHECK_INT(raw(path, script), 0);
	free(script);
	if (!(db = open_db(path)))
		return;
	char what[256] = "";
	CHECK(missing_columns("cycle", what, sizeof what) == 8,
	      "version 4's three triggers lack cycle's two new columns: %s", what);
	CHECK_INT(count("SELECT count(*) FROM sqlite_schema WHERE name GLOB 'log_change_decision_*'"), 0);
	CHECK_INT(db_exec(db, "UPDATE cycle SET council_sub_date = '2026-04-01' "
	                      "WHERE id = (SELECT min(id) FROM cycle)"), 0);
	struct newest e = newest("cycle");
	CHECK(!strstr(e.after, "council_sub_date"), "version 4 logged no sub date: %s", e.after);
	verify();
	int64_t entries = count("SELECT count(*) FROM change_log");
	CHECK(entries > 20, "version 4 log: %lld entries", (long long)entries);
	db_close(db);

	CHECK_INT(raw(path, "PRAGMA user_version = 4"), 0);
	if (!(db = open_db(path)))
		return;
	CHECK_INT(count("PRAGMA user_version"), TZ_SCHEMA_VERSION);
	all_covered("migrated from version 4");
	CHECK_INT(count("SELECT count(*) FROM change_log"), entries);
	verify();

	/* The next entry chains onto version 4's last, and shows what changed. */
	CHECK_INT(db_exec(db, "UPDATE cycle SET council_sub_date = '2026-04-03' "
	                      "WHERE id = (SELECT min(id) FROM cycle)"), 0);
	e = newest("cycle");
	CHECK(strstr(e.delta, "council_sub_date: 2026-04-01 -> 2026-04-03") != NULL, "delta: %s", e.delta);
	CHECK_INT(count("SELECT count(*) FROM change_log"), entries + 1);
	verify();

	/* Still a chain: the last entry of version 4 altered is found. */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE change_log SET reason = 'x' WHERE id = %lld", (long long)entries);
	CHECK_INT(raw(path, sql), 0);
	CHECK_INT(audit_verify(db, what, sizeof what), entries);
	db_close(db);
	remove_db(path);
}

int main(void)
{
	i18n_init("kk");
	fresh_database();
	old_database();
	return tz_test_done();
}
