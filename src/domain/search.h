/* search — what a user typed in a search box, turned into an SQL condition
 * that a screen adds to its own query, so that it pages through the matches
 * in its own sort order (LIMIT, or a keyset on the sort key) without loading
 * them all.  Language-independent: a query matches the Kazakh or the Russian
 * name, case folded by text_fold (Kazakh letters included), or the code.
 *
 *   struct search s;
 *   if (search_init(&s, SEARCH_REG, typed) == 0) {
 *       snprintf(sql, sizeof sql, "SELECT id FROM reg_row WHERE version_id = :v"
 *                " AND %s ORDER BY section, sort_kk, level LIMIT 50", s.where);
 *       sqlite3_stmt *st = db_prep(db, sql);
 *       db_int(st, ":v", version);
 *       s.version = version;     // a register search needs it (:search_v)
 *       search_bind(&s, st);
 *       ...
 *   }
 *   search_free(&s);
 *
 * The condition names the table (nkz, reg_row) unaliased and only parameters
 * starting with :search_, so it cannot clash with the caller's.  Retired
 * classifier codes match too: a picker adds "AND nkz.active = 1".  User input is
 * only ever bound, never pasted into SQL or into FTS5 syntax. */
#ifndef TZ_SEARCH_H
#define TZ_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

enum search_scope { SEARCH_NKZ, SEARCH_REG };

/* How a query is matched:
 *   ALL     an empty query: everything;
 *   CODE    digits and hyphens (after an optional Х): codes starting with it;
 *   PREFIX  1-2 characters: names (either language) or codes starting with it;
 *   FTS     3+ characters: names containing it, through the trigram index;
 *           also names that contain it under the look-alike fold (a Kazakh
 *           word typed with Russian letters, text_loose), which a screen
 *           ranks after the names that contain it as typed. */
enum search_kind { SEARCH_ALL, SEARCH_CODE, SEARCH_PREFIX, SEARCH_FTS };

struct search {
	enum search_scope scope;
	enum search_kind kind;
	const char *where;   /* the condition, static */
	/* A register prefix that no code can start with, tested on the folded
	 * names of each row, for a caller that walks the name-order index and
	 * stops after a page (no list of matches built first); NULL otherwise. */
	const char *walk;
	char *q;             /* :search_q   — folded query, or the FTS5 expression */
	char *hi;            /* :search_hi  — upper bound of the folded prefix range */
	char *code;          /* :search_c   — the query as a code (Х upper case) */
	char *code_hi;       /* :search_chi — upper bound of the code range */
	char *exact;         /* :search_x   — the folded query (FTS, PREFIX) */
	char *loose;         /* :search_l   — its look-alike fold, text_loose (FTS, PREFIX) */
	int64_t version;     /* :search_v   — the register version (SEARCH_REG), set by the caller */
};

/* Prepares s for a query (leading and trailing blanks ignored).  0, or -1 when
 * the query is not valid UTF-8 or memory runs out (s then needs no free). */
int search_init(struct search *s, enum search_scope scope, const char *query);
void search_free(struct search *s);

/* Binds the :search_ parameters that st uses. */
void search_bind(const struct search *s, sqlite3_stmt *st);

/* The matching ids (nkz rowid / reg_row.id) in display order: classifier
 * codes in code order; a version's register rows by section, then name in
 * lang's alphabet ("kk" or "ru"), then level.  version is ignored for the
 * classifier.  NULL on a database error; the caller finalizes. */
sqlite3_stmt *search_ids(tz_db *db, const struct search *s, int64_t version, const char *lang);

/* Finds query in text as a search matches it: trimmed, case folded by
 * text_fold, a Latin I or i in text standing for Kazakh і.  On success sets
 * the byte range of text it covers and returns 1; 0 when text does not
 * contain it or the query is empty.  Folding goes character by character,
 * so the range falls on text's own characters: a screen marks the match. */
int search_find(const char *text, const char *query, size_t *off, size_t *len);

/* Bulk writes.  Indexing row by row makes FTS5 write its pending terms out
 * at every statement, most of an import's time.  Inside the import's
 * transaction, search_defer_index() stops the indexing triggers (a meta key:
 * a rollback restores them); search_reindex() rebuilds the scope's index from
 * its table in one pass (the register's with its first letters' counts,
 * schema 20) and restarts them.  0, or -1 on a database error. */
int search_defer_index(tz_db *db);
int search_reindex(tz_db *db, enum search_scope scope);

#endif
