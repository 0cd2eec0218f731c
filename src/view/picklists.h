/* picklists — what the entry forms' pickers list, without the picker: the
 * classifier's codes, the sectoral bodies, the NRK levels and a body's
 * employer associations, each narrowed by what the clerk typed and in the
 * order a clerk reads it in the requested language.
 *
 * lang is "kk" or "ru"; NULL means the interface's language now
 * (i18n_lang).  Each list calls fn once per item, in order; the item's
 * strings live until fn returns.  Each returns how many items it gave, or
 * -1 when the query cannot be used (not UTF-8) or the database failed. */
#ifndef TZ_PICKLISTS_H
#define TZ_PICKLISTS_H

#include <stdint.h>

#include "store/db.h"

struct pick_item {
	const char *key;    /* what choosing it means: a code, or an id in decimal */
	const char *code;   /* the classifier's or the level's code; "" for the others */
	const char *name;   /* in the requested language */
	int group;          /* a classifier group: context for its occupations, not a choice */
};

typedef void pick_fn(void *ctx, const struct pick_item *it);

/* The classifier's current (not retired) codes matching query as search.h
 * matches it (a code's start, or a name in either language), in code order,
 * so that groups come before their occupations; at most limit items. */
int picklist_nkz(tz_db *db, const char *query, const char *lang, int limit, pick_fn *fn,
                 void *ctx);

/* The bodies whose full or short name contains query (case folded), by full
 * name in lang's alphabet; key is the id, name the full name. */
int picklist_bodies(tz_db *db, const char *query, const char *lang, pick_fn *fn, void *ctx);

/* Every NRK level by its base level, then code; name is its description. */
int picklist_levels(tz_db *db, const char *lang, pick_fn *fn, void *ctx);

/* The associations that may propose to body_id: its own, and those that
 * speak for every body (the National Chamber), whose name contains query
 * (case folded), by name in lang's alphabet.  When the query is empty the
 * list starts with the choice of none: key "0", named none_name (the
 * caller's words; NULL leaves it out). */
int picklist_associations(tz_db *db, int64_t body_id, const char *query, const char *lang,
                          const char *none_name, pick_fn *fn, void *ctx);

#endif
