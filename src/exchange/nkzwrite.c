/* The write of a checked classifier: what the file changes, kept for the
 * import's entry of the log, then the staged rows into nkz, slice by slice,
 * the codes it retires, the search index and the log entry, in one
 * transaction. */
#include "exchange/nkzwrite.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/debuglog.h"
#include "domain/search.h"
#include "store/audit.h"

/* From this many rows an import indexes for search once, at the end. */
enum { BULK_ROWS = 1000, WRITE_SLICE = 1000 };
/* The page cache of the write, in KiB (SQLite's own default). */
#define NKZ_CACHE_KB 2048
#define NKZ_CACHE_STR "2048"

/* What the file changes, before it is written: codes new, names changed
 * (beyond case), codes retired; kept with the import's entry of the log. */
static const char added_sql[] =
	"INSERT INTO temp.nkz_diff SELECT s.code, 'added', NULL, NULL, s.name_kk, s.name_ru"
	" FROM nkz_stage s WHERE s.active = 1 AND s.bad = 0"
	" AND NOT EXISTS (SELECT 1 FROM nkz n WHERE n.code = s.code) ORDER BY s.id;";
static const char diff_sql[] =
	"INSERT INTO temp.nkz_diff SELECT s.code, 'renamed', n.name_kk, n.name_ru, s.name_kk,"
	" s.name_ru FROM nkz_stage s JOIN nkz n ON n.code = s.code WHERE s.active = 1"
	" AND s.bad = 0 AND (n.fold_kk IS NOT s.fold_kk OR n.fold_ru IS NOT s.fold_ru)"
	" ORDER BY s.id;";

/* The stored codes the file retires: retired rows with no active row for
 * the same code (an active row wins), the code stored and in force. */
#define RETIRED_CODES \
	"SELECT code FROM nkz_stage s WHERE s.active = 0 AND s.lv > 0 AND NOT EXISTS" \
	" (SELECT 1 FROM nkz_stage a WHERE a.active = 1 AND a.code = s.code)"

/* SQLite's progress handler during the index rebuild: non-zero interrupts it. */
static int interrupt(void *ctx)
{
	struct nkz_write *w = ctx;
	return w->tick(w->ctx, w->n, w->n);
}

static int write_rows(struct nkz_write *w)
{
	tz_db *db = w->db;
	struct nkz_import_stats *st = w->st;
	int64_t before = db_int_query(db, "SELECT count(*) FROM nkz", 0);
	if (db_begin(db))
		return -1;
	/* A bulk load indexes its names for search once, at the end, instead of
	 * row by row (most of an import's time); a small one keeps the triggers.
	 * What is small is what the write changes: a newer classifier over the
	 * one stored changes a few dozen codes, whose index entries the
	 * triggers mend, where a rebuild would index all 14,000 again. */
	int bulk = w->n >= BULK_ROWS;
	if (bulk && before)
		bulk = db_int_query(db, "SELECT count(*) FROM nkz_stage s LEFT JOIN nkz n"
		                        " ON n.code = s.code WHERE s.active = 1 AND s.bad = 0"
		                        " AND (n.code IS NULL OR n.level IS NOT s.lv"
		                        "  OR n.parent IS NOT s.up OR n.name_kk IS NOT s.name_kk"
		                        "  OR n.name_ru IS NOT s.name_ru OR n.active = 0)",
		                    BULK_ROWS) >= BULK_ROWS;
	if (bulk && search_defer_index(db)) {
		db_rollback(db);
		return -1;
	}
	/* The bulk load's larger page cache buys this import nothing (the same
	 * instructions at 50,000 codes with 2 MiB as with 16) and would make
	 * its memory grow with the classifier: it keeps a small one. */
	int64_t cache = db_int_query(db, "PRAGMA cache_size", 0);
	if (bulk && cache < -NKZ_CACHE_KB && db_exec(db, "PRAGMA cache_size = -" NKZ_CACHE_STR)) {
		db_rollback(db);
		return -1;
	}
	/* The first classifier of a database adds every code: that is no list
	 * of changes to keep (and would cost the load a copy of the file). */
	int rc = (before && db_exec(db, added_sql)) || db_exec(db, diff_sql);
	/* A bulk load makes the name indexes again after it; the codes' and
	 * parents' stay, for the load's own lookups and checks.  Each slice
	 * below used to change pages all over those two indexes, and SQLite
	 * copied every such page to a statement journal first: at 50,000
	 * codes 36,000 pages written to a temporary file, 233,643 reads and
	 * writes of files in all, now 98,275. */
	char *remake = NULL;
	if (!rc && bulk)
		remake = db_indexes_aside(db, "nkz", "nkz_fold_*", NULL, &rc);
	/* From the stage, a slice of rows a statement: one statement for all
	 * would keep a statement journal (memory) as large as the file.  The
	 * WHERE keeps unchanged rows (and their FTS entries) as they are. */
	sqlite3_stmt *up = rc ? NULL : db_prep(db,
		"INSERT INTO nkz(code, level, parent, name_kk, name_ru, fold_kk, fold_ru, active)"
		" SELECT code, lv, up, name_kk, name_ru, fold_kk, fold_ru, 1 FROM nkz_stage"
		"  WHERE id >= :lo AND id < :hi AND +active = 1 AND +bad = 0 ORDER BY id"
		" ON CONFLICT(code) DO UPDATE SET level = excluded.level, parent = excluded.parent,"
		"  name_kk = excluded.name_kk, name_ru = excluded.name_ru,"
		"  fold_kk = excluded.fold_kk, fold_ru = excluded.fold_ru, active = 1"
		" WHERE nkz.level IS NOT excluded.level OR nkz.parent IS NOT excluded.parent"
		"  OR nkz.name_kk IS NOT excluded.name_kk OR nkz.name_ru IS NOT excluded.name_ru"
		"  OR nkz.active = 0");
	if (!rc && !up)
		rc = -1;
	for (long lo = 1; !rc && lo <= w->n; lo += WRITE_SLICE) {
		sqlite3_reset(up);
		db_int(up, ":lo", lo);
		db_int(up, ":hi", lo + WRITE_SLICE);
		if (db_step(db, up) != SQLITE_DONE)
			rc = -1;
		else if (w->tick && w->tick(w->ctx, lo + WRITE_SLICE - 1 < w->n ? lo + WRITE_SLICE - 1
		                                                               : w->n, w->n))
			rc = -1;
	}
	sqlite3_finalize(up);
	if (!rc)
		rc = db_exec(db, "INSERT INTO temp.nkz_diff SELECT code, 'retired', name_kk, name_ru,"
		                 " NULL, NULL FROM nkz WHERE active = 1 AND code IN (" RETIRED_CODES ")");
	if (!rc)
		rc = db_exec(db, "UPDATE nkz SET active = 0 WHERE active = 1 AND code IN ("
		                 RETIRED_CODES ")");
	if (!rc)
		st->deactivated = sqlite3_changes(db_sqlite(db));
	sqlite3_stmt *lv = rc ? NULL : db_prep(db, "SELECT lv, count(*) FROM nkz_stage"
	                                           " WHERE active = 1 AND bad = 0 GROUP BY lv");
	if (!rc && !lv)
		rc = -1;
	while (!rc && db_step(db, lv) == SQLITE_ROW) {
		int l = sqlite3_column_int(lv, 0);
		long k = sqlite3_column_int64(lv, 1);
		if (l >= 1 && l <= 6)
			st->per_level[l] += k;
		st->imported += k;
	}
	sqlite3_finalize(lv);
	if (!rc && remake)
		rc = db_exec(db, remake);
	free(remake);
	/* The search index is rebuilt in one long statement: the progress is
	 * asked from inside it too, so that Esc still stops the import there. */
	if (!rc && bulk) {
		if (w->tick)
			sqlite3_progress_handler(db_sqlite(db), 100000, interrupt, w);
		rc = search_reindex(db, SEARCH_NKZ);
		sqlite3_progress_handler(db_sqlite(db), 0, NULL, NULL);
	}
	if (rc) {
		db_rollback(db);
		return -1;
	}
	st->added = db_int_query(db, "SELECT count(*) FROM nkz", 0) - before;
	st->renamed = db_int_query(db, "SELECT count(*) FROM temp.nkz_diff WHERE kind = 'renamed'",
	                           0);
	/* One summary entry, not one per code: the file is named by its hash. */
	char hash[65] = "", after[8192];
	if (audit_sha256_file(w->path, hash))
		tz_log("nkz import: cannot hash %s", w->path);
	sqlite3_stmt *js = db_prep(db, "SELECT json_object('file', :f, 'sha256', :h, 'read', :r, "
	                               "'imported', :i, 'added', :a, 'renamed', :n, "
	                               "'deactivated', :d, 'rejected', :x)");
	db_text(js, ":f", w->path);
	db_text(js, ":h", hash);
	db_int(js, ":r", st->read);
	db_int(js, ":i", st->imported);
	db_int(js, ":a", st->added);
	db_int(js, ":n", st->renamed);
	db_int(js, ":d", st->deactivated);
	db_int(js, ":x", st->rejected);
	rc = db_step(db, js) == SQLITE_ROW ? 0 : -1;
	snprintf(after, sizeof after, "%s", rc ? "" : db_col_text(js, 0));
	sqlite3_finalize(js);
	if (rc || audit_log(db, "nkz", "", "import", NULL, after)) {
		db_rollback(db);
		return -1;
	}
	/* The entry just written (the write lock is ours) names the changes. */
	st->change_id = db_int_query(db, "SELECT max(id) FROM change_log", 0);
	sqlite3_stmt *ch = db_prep(db, "INSERT INTO nkz_change(log_id, code, kind, old_kk, old_ru,"
	                               " new_kk, new_ru) SELECT :id, code, kind, old_kk, old_ru,"
	                               " new_kk, new_ru FROM temp.nkz_diff ORDER BY rowid");
	db_int(ch, ":id", st->change_id);
	rc = ch && db_step(db, ch) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(ch);
	if (rc) {
		db_rollback(db);
		return -1;
	}
	if (db_commit(db))
		return -1;
	/* Statistics for the planner after a bulk load (see regcsv_import). */
	if (st->imported >= 500 && !db_depth(db))
		db_exec(db, "ANALYZE nkz");
	return 0;
}

int nkz_write(struct nkz_write *w)
{
	/* write_rows may shrink the page cache; whoever set it gets it back. */
	int64_t cache = db_int_query(w->db, "PRAGMA cache_size", 0);
	int rc = write_rows(w);
	if (cache && db_int_query(w->db, "PRAGMA cache_size", 0) != cache) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", (long long)cache);
		db_exec(w->db, sql);
	}
	return rc;
}
