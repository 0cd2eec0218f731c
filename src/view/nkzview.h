/* nkzview — the classifier as its screen browses it, one group at a time as
 * a file manager shows a folder: a group's children are a few dozen rows at
 * most, and the whole tree is never loaded.  A query switches to the
 * matches at every level (search.h: a code's start, or a name in either
 * language), in code order; clearing it goes back to the group.
 *
 * The view is a plain struct the screen keeps: zeroed it shows the major
 * groups with no query, and nkzview_free() makes it so again.  Names come
 * in lang, "kk" or "ru" (NULL: the interface's language now, i18n_lang). */
#ifndef TZ_NKZVIEW_H
#define TZ_NKZVIEW_H

#include <stddef.h>

#include "domain/search.h"
#include "store/db.h"

enum { NKZVIEW_CODE = 24, NKZVIEW_DEPTH = 6 };

struct nkzview {
	char parent[NKZVIEW_CODE];   /* the group shown; "" for the major groups */
	struct search search;        /* valid while searching */
	int searching;
	int count;                   /* rows listed, as of the last change */
};

/* One row as listed; strings live until the callback returns. */
struct nkzview_row {
	const char *code;
	int level;              /* 1..5 a group, 6 an occupation */
	const char *name;       /* in the requested language */
	int active;             /* 0: a retired code */
};

typedef void nkzview_fn(void *ctx, const struct nkzview_row *r);

/* Shows the group code ("" the major groups), leaving any query.  Returns
 * the row count, or -1 on a database error. */
int nkzview_set_parent(tz_db *db, struct nkzview *v, const char *code);

/* Lists the matches of query at every level, or with "" the group again.
 * Returns the row count, or -1 when the query is not UTF-8 (the group is
 * listed then) or on a database error. */
int nkzview_set_query(tz_db *db, struct nkzview *v, const char *query);

void nkzview_free(struct nkzview *v);

/* Calls fn for rows [first, first + n) in code order; returns how many, or
 * -1 on a database error. */
int nkzview_window(tz_db *db, const struct nkzview *v, const char *lang, int first, int n,
                   nkzview_fn *fn, void *ctx);

/* The code and level of row i into code; returns the level, 0 when there
 * is no such row. */
int nkzview_row_at(tz_db *db, const struct nkzview *v, int i, char *code, size_t len);

/* Where the group shown sits: its ancestors' codes, the major group first
 * and the group itself last (n 0 for the major groups), and its name in
 * lang ("" when the group is not in the classifier). */
struct nkzview_trail {
	int n;
	char code[NKZVIEW_DEPTH][NKZVIEW_CODE];
	char name[800];
};
void nkzview_trail(tz_db *db, const struct nkzview *v, const char *lang, struct nkzview_trail *t);

/* Up to the group that holds the one shown, leaving any query.  Returns
 * the row of the group left in the new list, or -1 on a database error; at
 * the major groups it changes nothing and returns 0. */
int nkzview_up(tz_db *db, struct nkzview *v);

#endif
