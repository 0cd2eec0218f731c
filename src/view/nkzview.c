#include "view/nkzview.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"

static int nkzview_ru(const char *lang)
{
	return (lang ? lang : i18n_lang())[0] == 'r';
}

/* The query's matches, or the group's children: the same columns (what)
 * and the same ending (tail) either way.  The condition is search.h's own
 * or one of two fixed ones, never the clerk's text. */
static sqlite3_stmt *nkzview_select(tz_db *db, const struct nkzview *v, const char *what,
                                    const char *tail)
{
	char sql[1024];
	if (v->searching)
		snprintf(sql, sizeof sql, "SELECT %s FROM nkz WHERE %s%s", what, v->search.where, tail);
	else if (*v->parent)
		snprintf(sql, sizeof sql, "SELECT %s FROM nkz WHERE parent = :p%s", what, tail);
	else
		snprintf(sql, sizeof sql, "SELECT %s FROM nkz WHERE parent IS NULL%s", what, tail);
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return NULL;
	if (v->searching)
		search_bind(&v->search, st);
	else if (*v->parent)
		db_text(st, ":p", v->parent);
	return st;
}

static int nkzview_recount(tz_db *db, struct nkzview *v)
{
	sqlite3_stmt *st = nkzview_select(db, v, "count(*)", "");
	int n = st && db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	v->count = n < 0 ? 0 : n;
	return n;
}

void nkzview_free(struct nkzview *v)
{
	if (v->searching)
		search_free(&v->search);
	memset(v, 0, sizeof *v);
}

int nkzview_set_query(tz_db *db, struct nkzview *v, const char *query)
{
	if (v->searching)
		search_free(&v->search);
	v->searching = 0;
	int bad = 0;
	if (query && *query) {
		if (search_init(&v->search, SEARCH_NKZ, query) == 0)
			v->searching = 1;
		else
			bad = 1;
	}
	int n = nkzview_recount(db, v);
	return bad ? -1 : n;
}

int nkzview_set_parent(tz_db *db, struct nkzview *v, const char *code)
{
	snprintf(v->parent, sizeof v->parent, "%s", code ? code : "");
	return nkzview_set_query(db, v, "");
}

int nkzview_window(tz_db *db, const struct nkzview *v, const char *lang, int first, int n,
                   nkzview_fn *fn, void *ctx)
{
	sqlite3_stmt *st = nkzview_select(db, v, "code, level, name_kk, name_ru, active",
	                                  " ORDER BY code LIMIT :nkzview_n OFFSET :nkzview_o");
	if (!st)
		return -1;
	db_int(st, ":nkzview_n", n);
	db_int(st, ":nkzview_o", first);
	int got = 0, ru = nkzview_ru(lang);
	while (db_step(db, st) == SQLITE_ROW) {
		struct nkzview_row r = {db_col_text(st, 0), sqlite3_column_int(st, 1),
		                        db_col_text(st, ru ? 3 : 2), sqlite3_column_int(st, 4)};
		fn(ctx, &r);
		got++;
	}
	sqlite3_finalize(st);
	return got;
}

int nkzview_row_at(tz_db *db, const struct nkzview *v, int i, char *code, size_t len)
{
	sqlite3_stmt *st = nkzview_select(db, v, "code, level",
	                                  " ORDER BY code LIMIT 1 OFFSET :nkzview_o");
	int level = 0;
	if (st) {
		db_int(st, ":nkzview_o", i);
		if (db_step(db, st) == SQLITE_ROW) {
			snprintf(code, len, "%s", db_col_text(st, 0));
			level = sqlite3_column_int(st, 1);
		}
	}
	sqlite3_finalize(st);
	return level;
}

void nkzview_trail(tz_db *db, const struct nkzview *v, const char *lang, struct nkzview_trail *t)
{
	char up[NKZVIEW_DEPTH][NKZVIEW_CODE];   /* the group, then its ancestors */
	int n = 0;
	memset(t, 0, sizeof *t);
	sqlite3_stmt *st = db_prep(db, "SELECT parent, name_kk, name_ru FROM nkz WHERE code = :c");
	snprintf(up[0], sizeof up[0], "%s", v->parent);
	for (n = *v->parent ? 1 : 0; st && n > 0 && n < NKZVIEW_DEPTH;) {
		sqlite3_reset(st);
		db_text(st, ":c", up[n - 1]);
		if (db_step(db, st) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL)
			break;
		snprintf(up[n], sizeof up[n], "%s", db_col_text(st, 0));
		n++;
	}
	t->n = n;
	for (int i = 0; i < n; i++)
		memcpy(t->code[i], up[n - 1 - i], sizeof t->code[i]);
	if (st && *v->parent) {
		sqlite3_reset(st);
		db_text(st, ":c", v->parent);
		if (db_step(db, st) == SQLITE_ROW)
			snprintf(t->name, sizeof t->name, "%s",
			         db_col_text(st, nkzview_ru(lang) ? 2 : 1));
	}
	sqlite3_finalize(st);
}

int nkzview_up(tz_db *db, struct nkzview *v)
{
	if (!*v->parent)
		return 0;
	char left[NKZVIEW_CODE];
	snprintf(left, sizeof left, "%s", v->parent);
	/* A group that left the classifier meanwhile: back to the top. */
	char parent[NKZVIEW_CODE] = "";
	sqlite3_stmt *st = db_prep(db, "SELECT coalesce(parent, '') FROM nkz WHERE code = :c");
	if (st) {
		db_text(st, ":c", left);
		if (db_step(db, st) == SQLITE_ROW)
			snprintf(parent, sizeof parent, "%s", db_col_text(st, 0));
		sqlite3_finalize(st);
	}
	nkzview_set_parent(db, v, parent);
	st = nkzview_select(db, v, "count(*)", " AND code < :left");
	int at = -1;
	if (st) {
		db_text(st, ":left", left);
		if (db_step(db, st) == SQLITE_ROW)
			at = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return at;
}
