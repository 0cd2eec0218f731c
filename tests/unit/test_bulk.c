/* Bulk loads: the larger page cache lasts exactly one transaction, a role
 * checked once per transaction is checked again when the users table
 * changes, and a bulk load with its deferred search index still logs every
 * row in a chain that verify accepts and that catches tampering. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit.h"
#include "harness.h"
#include "base/host.h"
#include "base/i18n.h"
#include "domain/register.h"
#include "domain/search.h"
#include "store/store.h"

static tz_db *db;

static void fill(struct reg_row *r, int64_t version, const char *code, const char *level)
{
	memset(r, 0, sizeof *r);
	r->version_id = version;
	snprintf(r->section, sizeof r->section, "voluntary");
	snprintf(r->nkz_code, sizeof r->nkz_code, "%s", code);
	snprintf(r->level, sizeof r->level, "%s", level);
	reg_row_set(&r->name_kk, "Дәнекерлеуші");
	reg_row_set(&r->name_ru, "Сварщик");
	reg_row_set(&r->basis_kk, "«Дәнекерлеу» кәсіптік стандарты");
	reg_row_set(&r->basis_ru, "Профессиональный стандарт «Сварка»");
	r->validity = 5;
	r->body_id = db_int_query(db, "SELECT id FROM body WHERE code = 'industry'", 0);
	snprintf(r->profile, sizeof r->profile, "t");
}

static void role(const char *name)
{
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE app_user SET role = '%s', body_id = NULL WHERE login = '%s'",
	         name, host_login());
	CHECK_INT(db_exec(db, sql), 0);
}

static int add(int64_t v, const char *level)
{
	struct reg_row r;
	struct problems p = {0};
	fill(&r, v, "7212-1-001", level);
	int rc = reg_add(db, &r, &p);
	reg_row_free(&r);
	return rc;
}

int main(void)
{
	char path[] = "/tmp/tz-bulk-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	CHECK_INT(db_exec(db,
		"INSERT INTO nkz(code, level, parent, name_kk, name_ru, fold_kk, fold_ru) VALUES "
		"('7','1',NULL,'Ж','Р','ж','р'),('72','2','7','Ж','Р','ж','р'),"
		"('721','3','72','Ж','Р','ж','р'),('7212','4','721','Ж','Р','ж','р'),"
		"('7212-1','5','7212','Ж','Р','ж','р'),"
		"('7212-1-001','6','7212-1','Дәнекерлеуші','Сварщик','дәнекерлеуші','сварщик')"), 0);
	int64_t v = reg_new_draft(db, err, sizeof err);
	CHECK(v > 0, "draft: %s", err);

	/* The cache: larger inside, as it was after a commit and after a rollback. */
	int64_t cache = db_int_query(db, "PRAGMA cache_size", 0);
	CHECK_INT(db_bulk(db), 0);   /* outside a transaction: nothing */
	CHECK_INT(db_int_query(db, "PRAGMA cache_size", 0), cache);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(search_defer_index(db), 0);
	CHECK_INT(db_int_query(db, "PRAGMA cache_size", 0), -TZ_BULK_CACHE_KB);
	CHECK_INT(add(v, "3"), REG_OK);
	CHECK_INT(add(v, "4"), REG_OK);
	CHECK_INT(search_reindex(db, SEARCH_REG), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_int_query(db, "PRAGMA cache_size", 0), cache);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM reg_fts WHERE reg_fts MATCH "
	                           "'\"сва\" AND \"вар\" AND \"арщ\"'", 0), 2);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_bulk(db), 0);
	db_rollback(db);
	CHECK_INT(db_int_query(db, "PRAGMA cache_size", 0), cache);

	/* Every row of the bulk load is in the log, and the chain holds. */
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM change_log WHERE object = 'reg_row' "
	                           "AND action = 'insert'", 0), 2);
	char what[512] = "";
	CHECK_INT(audit_verify(db, what, sizeof what), 0);

	/* A role allowed once in a transaction, taken away in the same one: the
	 * next row is refused; and a new transaction reads the role again. */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(add(v, "5"), REG_OK);
	role("reader");
	CHECK_INT(add(v, "6"), REG_DENIED);
	db_rollback(db);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(add(v, "6"), REG_OK);
	CHECK_INT(db_commit(db), 0);
	role("reader");
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(add(v, "7"), REG_DENIED);
	db_rollback(db);
	role("admin");

	/* Staged rows (an import's way): their entries are written after the
	 * batch, sealed; and the seal is back for the connection's next change,
	 * whose entry the trigger writes. */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(reg_stage_begin(db), 0);
	struct reg_row sr;
	struct problems sp = {0};
	fill(&sr, v, "7212-1-001", "2");
	CHECK_INT(reg_stage(db, &sr, &sp), REG_OK);
	reg_row_free(&sr);
	CHECK_INT(reg_stage_flush(db), 0);
	reg_stage_end(db);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM change_log WHERE object = 'reg_row' "
	                           "AND json_extract(after, '$.level') = '2' AND hash <> ''", 0), 1);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM sqlite_temp_schema "
	                           "WHERE type = 'trigger' AND name = 'tz_seal'", 0), 1);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(add(v, "1"), REG_OK);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM change_log WHERE object = 'reg_row' "
	                           "AND json_extract(after, '$.level') = '1' AND hash <> ''", 0), 1);
	CHECK_INT(audit_verify(db, what, sizeof what), 0);

	/* Tampering with an entry a bulk load wrote is still found. */
	CHECK_INT(audit_verify(db, what, sizeof what), 0);
	CHECK_INT(db_exec(db, "UPDATE change_log SET after = replace(after, 'Сварщик', 'Токарь') "
	                      "WHERE id = (SELECT min(id) FROM change_log WHERE object = 'reg_row')"), 0);
	CHECK(audit_verify(db, what, sizeof what) > 0, "tampering not found");

	db_close(db);
	unlink(path);
	char side[64];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	snprintf(side, sizeof side, "%s.writer", path);
	unlink(side);
	return tz_test_done();
}
