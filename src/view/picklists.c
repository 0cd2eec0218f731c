#include "view/picklists.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/search.h"

/* 0 for Kazakh, 1 for Russian: the index into each pair of statements. */
static int picklist_ru(const char *lang)
{
	return (lang ? lang : i18n_lang())[0] == 'r';
}

/* A one- or two-letter query that this many names start with, in either
 * language, or a longer one the trigram index offers this many codes for,
 * is common enough that walking the codes in order finds a page of matches
 * within a few thousand rows; a rarer one is cheaper looked up through the
 * indexes and sorted. */
enum { PICKLIST_WALK_MIN = 1000 };

/* One count from a cached query of the search's terms; 0 when it fails. */
static int picklist_count(tz_db *db, const char *sql, const struct search *s)
{
	sqlite3_stmt *st = db_cached(db, sql);
	if (!st)
		return 0;
	search_bind(s, st);
	int n = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

/* The codes whose name in one language starts with the query, counted in
 * that name's index alone (schema.sql's nkz_fold_kk / nkz_fold_ru). */
static int picklist_starting(tz_db *db, const struct search *s)
{
	return picklist_count(db, "SELECT max((SELECT count(*) FROM nkz "
	                      "WHERE fold_kk >= :search_q AND fold_kk < :search_hi), "
	                      "(SELECT count(*) FROM nkz "
	                      "WHERE fold_ru >= :search_q AND fold_ru < :search_hi))", s);
}

/* The codes the trigram index offers for a query (a few more than match:
 * its trigrams need not stand together), from the index alone. */
static int picklist_offered(tz_db *db, const struct search *s)
{
	return picklist_count(db, "SELECT count(*) FROM nkz_fts WHERE nkz_fts MATCH :search_q", s);
}

/* A trigram search's matches, tested on the names as typed or by look-alike. */
#define PICKLIST_HOLDS \
	"(tz_holds(nkz.fold_kk, :search_x) OR tz_holds(nkz.fold_ru, :search_x)" \
	" OR tz_holds(tz_loose(nkz.fold_kk), :search_l)" \
	" OR tz_holds(tz_loose(nkz.fold_ru), :search_l))"

int picklist_nkz(tz_db *db, const char *query, const char *lang, int limit, pick_fn *fn,
                 void *ctx)
{
	struct search s;
	if (search_init(&s, SEARCH_NKZ, query))
		return -1;
	char sql[1024];
	/* A common prefix walks the codes in order and stops at the page's end
	 * ("+" keeps the name indexes out); the planner would otherwise collect
	 * every match from those indexes and sort them all for one page. */
	const char *where = s.where;
	if (s.kind == SEARCH_PREFIX && picklist_starting(db, &s) >= PICKLIST_WALK_MIN)
		where = "(+nkz.fold_kk >= :search_q AND +nkz.fold_kk < :search_hi"
		        " OR +nkz.fold_ru >= :search_q AND +nkz.fold_ru < :search_hi"
		        " OR nkz.code >= :search_c AND nkz.code < :search_chi)";
	/* Retired codes are left out: nothing new may use them.  A trigram
	 * search with few matches joins the index to the codes it names and
	 * sorts them; with many, it walks the codes in order (the primary
	 * key's index) and reads only the rows the index offers until the page
	 * is full: at 50,000 codes "сле" offers 2,034, and the join read every
	 * one of them again at each key (1,300 pages from the disk). */
	sqlite3_stmt *st = NULL;
	if (s.kind == SEARCH_FTS && picklist_offered(db, &s) >= PICKLIST_WALK_MIN)
		st = db_prep(db, "SELECT code, name_kk, name_ru, level FROM nkz "
		             "INDEXED BY sqlite_autoindex_nkz_1 WHERE nkz.rowid IN "
		             "(SELECT rowid FROM nkz_fts WHERE nkz_fts MATCH :search_q) "
		             "AND nkz.active = 1 AND " PICKLIST_HOLDS " ORDER BY code LIMIT :picklist_n");
	if (!st) {
		if (s.kind == SEARCH_FTS)
			snprintf(sql, sizeof sql, "SELECT code, name_kk, name_ru, level "
			         "FROM nkz_fts CROSS JOIN nkz ON nkz.rowid = nkz_fts.rowid "
			         "WHERE nkz_fts MATCH :search_q AND nkz.active = 1 AND " PICKLIST_HOLDS
			         " ORDER BY code LIMIT :picklist_n");
		else
			snprintf(sql, sizeof sql, "SELECT code, name_kk, name_ru, level FROM nkz "
			         "WHERE nkz.active = 1 AND %s ORDER BY code LIMIT :picklist_n", where);
		st = db_prep(db, sql);
	}
	int n = -1, ru = picklist_ru(lang);
	if (st) {
		search_bind(&s, st);
		db_int(st, ":picklist_n", limit);
		n = 0;
		while (db_step(db, st) == SQLITE_ROW) {
			struct pick_item it = {db_col_text(st, 0), db_col_text(st, 0),
			                       db_col_text(st, ru ? 2 : 1), sqlite3_column_int(st, 3) != 6};
			fn(ctx, &it);
			n++;
		}
		sqlite3_finalize(st);
	}
	search_free(&s);
	return n;
}

static int picklist_contains(const char *hay, const char *folded_query)
{
	if (!*folded_query)
		return 1;
	char *fh = text_fold(hay);
	int found = fh && strstr(fh, folded_query);
	free(fh);
	return found;
}

#define PICKLIST_BODIES(L) \
	"SELECT id, short_" L ", name_" L " FROM body ORDER BY name_" L " COLLATE " L

int picklist_bodies(tz_db *db, const char *query, const char *lang, pick_fn *fn, void *ctx)
{
	static const char *const sql[2] = {PICKLIST_BODIES("kk"), PICKLIST_BODIES("ru")};
	char *fq = text_fold(query);
	if (!fq)
		return -1;
	sqlite3_stmt *st = db_prep(db, sql[picklist_ru(lang)]);
	int n = st ? 0 : -1;
	while (st && db_step(db, st) == SQLITE_ROW) {
		if (!picklist_contains(db_col_text(st, 2), fq) && !picklist_contains(db_col_text(st, 1), fq))
			continue;
		struct pick_item it = {db_col_text(st, 0), "", db_col_text(st, 2), 0};
		fn(ctx, &it);
		n++;
	}
	sqlite3_finalize(st);
	free(fq);
	return n;
}

int picklist_levels(tz_db *db, const char *lang, pick_fn *fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, "SELECT code, descr_kk, descr_ru FROM nrk_level "
	                               "ORDER BY base, code");
	if (!st)
		return -1;
	int n = 0, ru = picklist_ru(lang);
	while (db_step(db, st) == SQLITE_ROW) {
		struct pick_item it = {db_col_text(st, 0), db_col_text(st, 0),
		                       db_col_text(st, ru ? 2 : 1), 0};
		fn(ctx, &it);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

#define PICKLIST_ASSOCS(L) \
	"SELECT id, name_" L " FROM association WHERE body_id = :b OR body_id IS NULL " \
	"ORDER BY name_" L " COLLATE " L

int picklist_associations(tz_db *db, int64_t body_id, const char *query, const char *lang,
                          const char *none_name, pick_fn *fn, void *ctx)
{
	static const char *const sql[2] = {PICKLIST_ASSOCS("kk"), PICKLIST_ASSOCS("ru")};
	char *fq = text_fold(query);
	if (!fq)
		return -1;
	sqlite3_stmt *st = db_prep(db, sql[picklist_ru(lang)]);
	if (!st) {
		free(fq);
		return -1;
	}
	int n = 0;
	if (!*fq && none_name) {
		struct pick_item none = {"0", "", none_name, 0};
		fn(ctx, &none);
		n++;
	}
	db_int(st, ":b", body_id);
	while (db_step(db, st) == SQLITE_ROW) {
		if (!picklist_contains(db_col_text(st, 1), fq))
			continue;
		struct pick_item it = {db_col_text(st, 0), "", db_col_text(st, 1), 0};
		fn(ctx, &it);
		n++;
	}
	sqlite3_finalize(st);
	free(fq);
	return n;
}
