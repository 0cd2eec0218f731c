/* regprefix — a search of one or two letters in a big register, from the
 * counts kept by the names' first two letters (schema 20): how many rows
 * match in each section, how many of them by one language's name alone,
 * and where in a section's name order the first of them can sit. */
#ifndef TZ_REGPREFIX_H
#define TZ_REGPREFIX_H

#include <stdint.h>

#include "domain/search.h"
#include "store/db.h"

/* The counts of one query in one version, as one look at the data (loads)
 * found them: Backspace back to a query reads nothing.  Of each section's
 * matches (n), those found by the Russian name alone (ru_only) and by the
 * Kazakh name alone (kk_only): spread through the other language's name
 * order, they tell how far a walk of it goes for a page.  Zeroed when
 * none; regprefix_free frees. */
struct regprefix {
	char *query;
	int64_t version;
	unsigned loads;
	int n[2], ru_only[2], kk_only[2];
};

void regprefix_free(struct regprefix *p);
/* Whether p holds the counts of query (as typed) in version, at loads. */
int regprefix_kept(const struct regprefix *p, const char *query, int64_t version,
                   unsigned loads);
/* Reads them (s is query's search, SEARCH_PREFIX).  0, or -1 on a database
 * error (p as it was). */
int regprefix_read(struct regprefix *p, tz_db *db, const struct search *s, const char *query,
                   int64_t version, unsigned loads);
/* The matches of section (0 mandatory, 1 voluntary) whose name in lang
 * ("kk" or "ru") does not start with the query. */
int regprefix_spread(const struct regprefix *p, const char *lang, int section);
/* Where a walk of the section's name order in lang may start, into key
 * (*len bytes, malloc'd): no match sorts before it.  A match's name in
 * lang starts with the query, or (a spread one) with the two letters the
 * counts keep for it: the start is the lowest of their floors
 * (text_fold_floor).  0 when there is no such start, 1 when there is, 2
 * when moreover no match is spread: they all sit together from the start
 * on. */
int regprefix_walk_start(const struct regprefix *p, tz_db *db, const struct search *s,
                         const char *lang, int section, unsigned char **key, int *len);

#endif
