/* regsearch — the matches of a long register search, kept so that the
 * register screen counts and pages through them without asking the trigram
 * index again for every window.
 *
 * A search of three letters or more (search.h's SEARCH_FTS) is looked up in
 * the index once per query, version and language, into a temporary table
 * that holds each match with what orders it by name (section, the
 * language's sort key, level, the folded names, id: the table's key), so
 * that counting and paging read only the matches.  Typing on narrows:
 * each longer query gets its own table, made from the one before by
 * testing the folded names, so that Backspace goes back to a table already
 * made; a query that is not a longer form of one held starts over.
 *
 * The tables live in the connection's temp schema, named per cache, and
 * are dropped by regsearch_free. */
#ifndef TZ_REGSEARCH_H
#define TZ_REGSEARCH_H

#include <stdint.h>

#include "domain/search.h"
#include "store/db.h"

enum { REGSEARCH_LEVELS = 12 };

/* Zeroed by regsearch_init; the fields are the cache's own. */
struct regsearch {
	tz_db *db;
	unsigned id;          /* names this cache's tables: rv_hits_<id>_<k> */
	int depth;            /* tables holding a query's matches now */
	int made;             /* tables created so far (emptied, not dropped) */
	char *q[REGSEARCH_LEVELS];   /* the folded query of table k */
	char table[32];       /* the table of the current query, when depth > 0 */
};

void regsearch_init(struct regsearch *h, tz_db *db);
/* Drops the tables and forgets the queries. */
void regsearch_free(struct regsearch *h);

/* Fills the table for query (as typed; s is its search) in version, with
 * lang's ("kk" or "ru") sort keys.  Anything but a trigram search of a
 * version empties the cache.  With narrow set, a query that contains one
 * already held (typing on, or back) starts from that table: back to it
 * exactly is free, a longer one filters it.  On any failure the cache is
 * left empty: the search goes on with its own condition, only slower. */
void regsearch_fill(struct regsearch *h, const char *query, const struct search *s,
                    int64_t version, const char *lang, int narrow);

/* The temporary table holding the current query's matches (columns
 * section, sort, level, fold_kk, fold_ru, id), or NULL when there is none:
 * the caller uses the query's own condition then. */
const char *regsearch_table(const struct regsearch *h);

#endif
