/* refview — the small reference tables as the reference screens list them:
 * sectoral state bodies, employer associations, sectoral councils and NRK
 * levels, read a window at a time in the requested language's order (tens
 * of rows, not thousands, but a screen never holds more than it shows).
 *
 * lang is "kk" or "ru"; NULL means the interface's language now
 * (i18n_lang). */
#ifndef TZ_REFVIEW_H
#define TZ_REFVIEW_H

#include <stdint.h>

#include "store/db.h"

enum refview_list { REFVIEW_BODIES, REFVIEW_ASSOCIATIONS, REFVIEW_COUNCILS, REFVIEW_LEVELS };

enum { REFVIEW_MAXCELL = 3 };

/* One row as listed.  The cells, in the requested language:
 *   bodies        code, short name, full name (and authorized);
 *   associations  name, its body's short name ("" for every body's);
 *   councils      name, its body's short name;
 *   levels        code, description.
 * kk and ru are the row's full name (a level's description) in both
 * languages, whichever is requested.  Strings live until fn returns. */
struct refview_row {
	int64_t id;                          /* 0 for a level: its code is its key */
	const char *cell[REFVIEW_MAXCELL];   /* ncell of them; the rest NULL */
	int ncell;
	const char *kk, *ru;
	int authorized;                      /* a body that approves the register */
};

typedef void refview_fn(void *ctx, const struct refview_row *r);

/* Rows in the list; -1 on a database error. */
int refview_count(tz_db *db, enum refview_list list);

/* Calls fn for rows [first, first + n) in the list's order: bodies the
 * authorized first, then by short name; associations and councils by name;
 * levels by base level, then code, shorter first ('4.2' after '4', '10'
 * never before '2').  Returns how many, or -1 on a database error. */
int refview_window(tz_db *db, enum refview_list list, const char *lang, int first, int n,
                   refview_fn *fn, void *ctx);

/* Where the association id stands in the associations' list in lang's
 * order (0-based), or -1 when there is no such association. */
int refview_association_at(tz_db *db, int64_t id, const char *lang);

#endif
