/* The bodies' short names: a new database has the abbreviations, each its
 * own and no wider than a body column at 80 columns; a database of schema 12
 * that still carries the old short names (the full names without the
 * country) is corrected when opened, a short name an administrator set by
 * hand is kept, each body's correction is one change log entry sealed with
 * the update as its reason, and the log still verifies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "harness.h"
#include "store/audit.h"
#include "store/refdata.h"
#include "store/store.h"

static tz_db *db;

static int64_t count(const char *sql)
{
	return db_int_query(db, sql, -1);
}

static void short_of(const char *code, const char *lang, char *buf, size_t len)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM body WHERE code = '%s'", code);
	ref_body(db, count(sql), REF_SHORT, lang, buf, len, "?");
}

static void verify(const char *when)
{
	char what[512] = "";
	int64_t bad = audit_verify(db, what, sizeof what);
	CHECK(bad == 0, "%s: verify: entry %lld: %s", when, (long long)bad, what);
}

static tz_db *open_db(const char *path)
{
	char err[512] = "";
	tz_db *d = store_open(path, 1, 0, err, sizeof err);
	CHECK(d != NULL, "open %s: %s", path, err);
	return d;
}

static void new_database(void)
{
	char buf[256];
	short_of("labour", "kk", buf, sizeof buf);
	CHECK_STR(buf, "ЕХӘҚМ");
	short_of("labour", "ru", buf, sizeof buf);
	CHECK_STR(buf, "МТСЗН");
	short_of("health", "ru", buf, sizeof buf);
	CHECK_STR(buf, "Минздрав");
	short_of("emergency", "kk", buf, sizeof buf);
	CHECK_STR(buf, "ТЖМ");
	CHECK_INT(count("SELECT count(DISTINCT short_kk) FROM body"), 21);
	CHECK_INT(count("SELECT count(DISTINCT short_ru) FROM body"), 21);
	/* Narrow enough for the body column: the widest is what the register
	 * table makes room for. */
	CHECK(ref_body_widest(db, "kk") <= 10, "kk widest: %d", ref_body_widest(db, "kk"));
	CHECK_INT(ref_body_widest(db, "ru"), 10);   /* Минобороны, Минсельхоз */
	CHECK_INT(ref_body_widest(db, "kk"), text_width("СЖРА ҰСБ"));
	/* Documents keep the full names. */
	char full[512];
	ref_body(db, 1, REF_FULL, "ru", full, sizeof full, "?");
	CHECK_STR(full, "Министерство труда и социальной защиты населения Республики Казахстан");
}

static void old_database(const char *path)
{
	/* Schema 12's names, written by the program (so sealed): the authorized
	 * body and industry as shipped, health's Russian one set by hand. */
	CHECK_INT(db_exec(db, "UPDATE body SET short_kk = 'Еңбек және халықты әлеуметтік қорғау министрлігі', "
	                      "short_ru = 'Министерство труда и социальной защиты населения' WHERE code = 'labour'"), 0);
	CHECK_INT(db_exec(db, "UPDATE body SET short_kk = 'Индустрия және инфрақұрылымдық даму министрлігі', "
	                      "short_ru = 'Министерство индустрии и инфраструктурного развития' "
	                      "WHERE code = 'industry'"), 0);
	CHECK_INT(db_exec(db, "UPDATE body SET short_kk = 'Денсаулық сақтау министрлігі', short_ru = 'МЗ' "
	                      "WHERE code = 'health'"), 0);
	CHECK_INT(db_exec(db, "PRAGMA user_version = 12"), 0);
	verify("schema 12");
	int64_t entries = count("SELECT count(*) FROM change_log");
	db_close(db);

	if (!(db = open_db(path)))
		return;
	CHECK_INT(count("PRAGMA user_version"), TZ_SCHEMA_VERSION);
	char buf[256];
	short_of("labour", "kk", buf, sizeof buf);
	CHECK_STR(buf, "ЕХӘҚМ");
	short_of("labour", "ru", buf, sizeof buf);
	CHECK_STR(buf, "МТСЗН");
	short_of("industry", "kk", buf, sizeof buf);
	CHECK_STR(buf, "ИИДМ");
	short_of("industry", "ru", buf, sizeof buf);
	CHECK_STR(buf, "МИИР");
	short_of("health", "kk", buf, sizeof buf);
	CHECK_STR(buf, "ДСМ");
	short_of("health", "ru", buf, sizeof buf);
	CHECK_STR(buf, "МЗ");                /* the administrator's own stays */
	/* One entry per body corrected, each with the update as its reason,
	 * sealed like any of the program's; the chain verifies. */
	CHECK_INT(count("SELECT count(*) FROM change_log"), entries + 3);
	CHECK_INT(count("SELECT count(*) FROM change_log WHERE object = 'body' AND action = 'update' "
	                "AND reason <> '' AND hash <> ''"), 3);
	CHECK_INT(count("SELECT count(*) FROM change_log WHERE hash = ''"), 0);
	CHECK_INT(count("SELECT count(*) FROM change_log WHERE object = 'body' AND object_id = "
	                "(SELECT CAST(id AS TEXT) FROM body WHERE code = 'health') "
	                "AND json_extract(after, '$.short_ru') = 'МЗ' AND reason <> ''"), 1);
	verify("schema 13");
	/* The reason holds for the update only: a change after it has none. */
	CHECK_INT(db_exec(db, "UPDATE body SET short_ru = 'Минздрав' WHERE code = 'health'"), 0);
	CHECK_INT(count("SELECT count(*) FROM change_log WHERE id = (SELECT max(id) FROM change_log) "
	                "AND reason = ''"), 1);
	db_close(db);

	/* Opened again: nothing more to correct, nothing logged. */
	if (!(db = open_db(path)))
		return;
	CHECK_INT(count("SELECT count(*) FROM change_log"), entries + 4);
	verify("reopened");
}

int main(void)
{
	i18n_init("kk");
	char path[] = "/tmp/tz-shortnames-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	if ((db = open_db(path))) {
		new_database();
		old_database(path);
		db_close(db);
	}
	char side[sizeof path + 8];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	return tz_test_done();
}
