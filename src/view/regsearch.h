/* regsearch — the matches of a register search, kept in memory so that the
 * register screen counts and pages through them, and types on and back,
 * without asking the database again for every key.
 *
 * A search of three letters or more (search.h's SEARCH_FTS) is looked up in
 * the trigram index once per query, version and language; a two-letter one
 * in a small register reads the version's names (inside words too); in a
 * big one two letters stay a prefix that the register view counts from the
 * first letters' counts and reads a page at a time (regview.c).  The
 * lookup keeps each match's id, section and what orders it by name (the
 * language's sort key, level, the folded names), sorted once into the name
 * index's own order.  Ranked for display, a section's matches as typed come
 * first, then those that match only under the look-alike fold (search.h).
 *
 * Typing on filters in place: each longer query is a level, and a match
 * records the level at which it was dropped and the levels at which it
 * matched only by look-alike, so that Backspace back to a level already
 * made costs a pass over the matches and nothing more; a query that is not
 * a longer form of one held starts over.  Nothing is copied per level.  The
 * levels a lookup replaces are kept aside (while both fit the cap on
 * matches): three letters are a trigram lookup that two letters' levels
 * cannot answer, and Backspace back to two letters, or on to three again,
 * then swaps the two sets instead of reading either again (in a big
 * register, Backspace to two letters keeps the trigram levels aside).
 *
 * SQL that must combine the matches with other conditions (the clerk's
 * facets and filters) reads them from a temporary table of their ids,
 * written only when asked for (regsearch_table) and dropped by
 * regsearch_free. */
#ifndef TZ_REGSEARCH_H
#define TZ_REGSEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "domain/search.h"
#include "store/db.h"

enum { REGSEARCH_LEVELS = 12 };

/* How a level's matches were found: names that contain the query through
 * the trigram index (as typed or by look-alike), names that contain two
 * letters (a small register's names read whole). */
enum regsearch_mode { REGSEARCH_TRIGRAMS, REGSEARCH_INSIDE };

struct regsearch_hit;

/* Zeroed by regsearch_init; the fields are the cache's own. */
struct regsearch {
	tz_db *db;
	unsigned id;          /* names this cache's id table: rv_hits_<id> */
	int depth;            /* levels held; the current query is level depth - 1 */
	char *q[REGSEARCH_LEVELS];   /* the folded query of level k */
	enum regsearch_mode mode[REGSEARCH_LEVELS];
	struct regsearch_hit *hit;   /* the lookup's matches */
	int *by_name;         /* their indexes in name order */
	size_t n, cap;
	char *text;           /* their sort keys and folded names, one block */
	size_t used, room;
	int *ord[2];          /* a section's current matches, ranked: indexes into hit */
	int count[2];
	int made;             /* the id table exists */
	int synced;           /* and holds the current matches */
	char table[32];
	/* The levels that the last lookup replaced (typing on from two letters
	 * to three, or back), so that going back to them reads nothing: the
	 * same fields, its table ones unused; NULL when none.  Together the two
	 * never hold more than REGSEARCH_MAX_HITS matches. */
	struct regsearch *stash;
};

void regsearch_init(struct regsearch *h, tz_db *db);
/* Drops the id table and forgets the matches. */
void regsearch_free(struct regsearch *h);

/* Brings the matches up to query (as typed; s is its search) in version,
 * with lang's ("kk" or "ru") sort keys.  A prefix that a code may start,
 * or no version, empties the cache; so do more matches than it keeps.  With
 * narrow set, a query that contains one already held (typing on, or back)
 * starts from that level: back to it exactly is a pass over the matches, a
 * longer one filters them.  On any failure the cache is left empty: the
 * search goes on with its own condition, only slower. */
void regsearch_fill(struct regsearch *h, const char *query, const struct search *s,
                    int64_t version, const char *lang, int narrow);

/* Whether the cache holds the current query's matches. */
int regsearch_active(const struct regsearch *h);
/* The current matches of section s (0 mandatory, 1 voluntary). */
int regsearch_count(const struct regsearch *h, int s);
/* The id of the i-th match of section s, ranked; 0 outside. */
int64_t regsearch_id(const struct regsearch *h, int s, int i);
/* The rank of the match with this id in its section (which *s receives),
 * or -1 when it is not a current match. */
int regsearch_rank(const struct regsearch *h, int64_t id, int *s);

/* The temporary table holding the current matches' ids (column id), written
 * if need be; NULL when the cache is empty or the table cannot be written:
 * the caller uses the query's own condition then. */
const char *regsearch_table(struct regsearch *h);

#endif
