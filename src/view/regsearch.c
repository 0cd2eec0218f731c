#include "view/regsearch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* The query as the trigram index matches it: trimmed and folded. */
static char *regsearch_folded(const char *query)
{
	char *f = text_fold(query);
	if (!f)
		return NULL;
	char *t = text_trim(f);
	memmove(f, t, strlen(t) + 1);
	return f;
}

static void regsearch_name(const struct regsearch *h, int k, char *buf, size_t len)
{
	snprintf(buf, len, "rv_hits_%u_%d", h->id, k);
}

/* Table k, made if need be, emptied.  0 or -1. */
static int regsearch_level(struct regsearch *h, int k)
{
	char name[32], sql[512];
	regsearch_name(h, k, name, sizeof name);
	if (k >= h->made) {
		snprintf(sql, sizeof sql, "CREATE TEMP TABLE IF NOT EXISTS %s(section TEXT, sort BLOB, "
		         "level TEXT, fold_kk TEXT, fold_ru TEXT, id INTEGER, "
		         "PRIMARY KEY (section, sort, level, fold_kk, fold_ru, id)) WITHOUT ROWID", name);
		if (db_exec(h->db, sql))
			return -1;
		h->made = k + 1;
	}
	snprintf(sql, sizeof sql, "DELETE FROM temp.%s", name);
	return db_exec(h->db, sql) ? -1 : 0;
}

/* Keeps the first depth tables' queries; the last kept is current. */
static void regsearch_drop_to(struct regsearch *h, int depth)
{
	while (h->depth > depth)
		free(h->q[--h->depth]);
	if (h->depth > 0)
		regsearch_name(h, h->depth - 1, h->table, sizeof h->table);
}

/* Table k from table k - 1: the rows whose names contain fq.  0 or -1. */
static int regsearch_narrow(struct regsearch *h, int k, const char *fq)
{
	char from[32], to[32], sql[256];
	regsearch_name(h, k - 1, from, sizeof from);
	regsearch_name(h, k, to, sizeof to);
	snprintf(sql, sizeof sql, "INSERT INTO temp.%s SELECT * FROM temp.%s "
	         "WHERE instr(fold_kk, :q) > 0 OR instr(fold_ru, :q) > 0", to, from);
	sqlite3_stmt *st = db_prep(h->db, sql);
	if (!st)
		return -1;
	db_text(st, ":q", fq);
	int rc = db_step(h->db, st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

/* Table 0 from the trigram index.  0 or -1. */
static int regsearch_lookup(struct regsearch *h, const struct search *s, int64_t version,
                            const char *lang)
{
	char name[32], sql[512];
	regsearch_name(h, 0, name, sizeof name);
	snprintf(sql, sizeof sql, "INSERT INTO temp.%s SELECT r.section, r.sort_%s, r.level, "
	         "r.fold_kk, r.fold_ru, r.id "
	         "FROM reg_row r WHERE r.id IN (SELECT rowid FROM reg_fts WHERE reg_fts MATCH "
	         ":search_q) AND +r.version_id = :v", name, lang[0] == 'r' ? "ru" : "kk");
	sqlite3_stmt *st = db_prep(h->db, sql);
	if (!st)
		return -1;
	search_bind(s, st);
	db_int(st, ":v", version);
	int rc = db_step(h->db, st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

void regsearch_init(struct regsearch *h, tz_db *db)
{
	memset(h, 0, sizeof *h);
	h->db = db;
}

void regsearch_free(struct regsearch *h)
{
	for (int k = 0; k < h->made; k++) {
		char name[32], sql[64];
		regsearch_name(h, k, name, sizeof name);
		snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.%s", name);
		db_exec(h->db, sql);
	}
	h->made = 0;
	regsearch_drop_to(h, 0);
}

void regsearch_fill(struct regsearch *h, const char *query, const struct search *s,
                    int64_t version, const char *lang, int narrow)
{
	static unsigned serial;
	char *fq = *query && s->kind == SEARCH_FTS && version ? regsearch_folded(query) : NULL;
	if (!fq) {
		regsearch_drop_to(h, 0);
		return;
	}
	if (!h->id)
		h->id = ++serial;
	if (narrow) {
		int k = h->depth - 1;
		while (k >= 0 && !strstr(fq, h->q[k]))
			k--;
		if (k >= 0) {
			regsearch_drop_to(h, k + 1);
			if (!strcmp(fq, h->q[k])) {
				free(fq);
				return;
			}
			if (k + 1 < REGSEARCH_LEVELS && !regsearch_level(h, k + 1) &&
			    !regsearch_narrow(h, k + 1, fq)) {
				h->q[h->depth++] = fq;
				regsearch_drop_to(h, h->depth);
				return;
			}
		}
	}
	regsearch_drop_to(h, 0);
	if (regsearch_level(h, 0) || regsearch_lookup(h, s, version, lang)) {
		free(fq);
		return;
	}
	h->q[h->depth++] = fq;
	regsearch_drop_to(h, h->depth);
}

const char *regsearch_table(const struct regsearch *h)
{
	return h->depth > 0 ? h->table : NULL;
}
