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

static int regsearch_chars(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

enum { REGSEARCH_SCAN_MAX = 20000 };

/* The rows of a version, as the database counts them (schema 6's reg_count). */
static int64_t regsearch_rows(tz_db *db, int64_t version)
{
	sqlite3_stmt *st = db_cached(db, "SELECT coalesce(sum(n), 0) FROM reg_count WHERE version_id = :v");
	if (!st)
		return INT64_MAX;
	db_int(st, ":v", version);
	int64_t n = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : INT64_MAX;
	sqlite3_reset(st);
	return n;
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

/* A match only under the look-alike fold sorts after every match as typed
 * in its section: its sort key carries this prefix, which no ICU sort key
 * starts with (a BLOB still: || alone would make it text, which sorts
 * before every BLOB). */
#define REGSEARCH_LATER "X'FFFF'"
#define REGSEARCH_EXACT(t) "(instr(" t "fold_kk, :q) > 0 OR instr(" t "fold_ru, :q) > 0)"
#define REGSEARCH_LOOSE(t) "(instr(tz_loose(" t "fold_kk), :l) > 0 OR instr(tz_loose(" t "fold_ru), :l) > 0)"

/* Table k from table k - 1: the rows whose names contain fq, as typed or
 * under the look-alike fold, each ranked again (a row that held the
 * shorter query as typed may hold the longer only by look-alike).  0 or -1. */
static int regsearch_narrow(struct regsearch *h, int k, const char *fq)
{
	char from[32], to[32], sql[1024];
	regsearch_name(h, k - 1, from, sizeof from);
	regsearch_name(h, k, to, sizeof to);
	snprintf(sql, sizeof sql, "INSERT INTO temp.%s SELECT section, CASE WHEN " REGSEARCH_EXACT("")
	         " THEN (CASE WHEN substr(sort, 1, 2) = " REGSEARCH_LATER " THEN substr(sort, 3) ELSE sort END)"
	         " ELSE (CASE WHEN substr(sort, 1, 2) = " REGSEARCH_LATER " THEN sort ELSE "
	         "CAST(" REGSEARCH_LATER " || sort AS BLOB) END) END, level, fold_kk, fold_ru, id FROM temp.%s "
	         "WHERE " REGSEARCH_EXACT("") " OR " REGSEARCH_LOOSE(""), to, from);
	sqlite3_stmt *st = db_prep(h->db, sql);
	if (!st)
		return -1;
	char *lq = strdup(fq);
	db_text(st, ":q", fq);
	db_text(st, ":l", lq ? text_loose(lq) : fq);
	int rc = db_step(h->db, st) == SQLITE_DONE ? 0 : -1;
	free(lq);
	sqlite3_finalize(st);
	return rc;
}

/* Table 0: from the trigram index for three letters or more; for one or
 * two, from the version's names themselves, so that "ші" finds "кесуші"
 * inside its word, which no index of prefixes can.  0 or -1. */
static int regsearch_lookup(struct regsearch *h, const struct search *s, int64_t version,
                            const char *lang)
{
	char name[32], sql[1024];
	const char *l = lang[0] == 'r' ? "ru" : "kk";
	regsearch_name(h, 0, name, sizeof name);
	if (s->kind == SEARCH_FTS)
		snprintf(sql, sizeof sql, "INSERT INTO temp.%s SELECT r.section, CASE WHEN "
		         REGSEARCH_EXACT("r.") " THEN r.sort_%s ELSE CAST(" REGSEARCH_LATER " || r.sort_%s AS BLOB) END, "
		         "r.level, r.fold_kk, r.fold_ru, r.id "
		         "FROM reg_row r WHERE r.id IN (SELECT rowid FROM reg_fts WHERE reg_fts MATCH "
		         ":search_q) AND +r.version_id = :v AND (" REGSEARCH_EXACT("r.") " OR "
		         REGSEARCH_LOOSE("r.") ")", name, l, l);
	else
		snprintf(sql, sizeof sql, "INSERT INTO temp.%s SELECT r.section, r.sort_%s, r.level, "
		         "r.fold_kk, r.fold_ru, r.id FROM reg_row r WHERE r.version_id = :v "
		         "AND r.section IN ('mandatory', 'voluntary') AND " REGSEARCH_EXACT("r."), name, l);
	sqlite3_stmt *st = db_prep(h->db, sql);
	if (!st)
		return -1;
	search_bind(s, st);
	db_text(st, ":q", s->exact);
	if (s->kind == SEARCH_FTS)
		db_text(st, ":l", s->loose);
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
	/* Two letters that no code starts with (s->walk): inside words too, by
	 * reading the version's names, which keeps within a key's time up to
	 * REGSEARCH_SCAN_MAX rows (a real register holds a few thousand); a
	 * bigger one finds names that start with them, from the indexes.  One
	 * letter stays a prefix: nearly every name holds it somewhere. */
	int wanted = s->kind == SEARCH_FTS ||
	             (s->kind == SEARCH_PREFIX && s->walk && regsearch_chars(s->exact) == 2 &&
	              version && regsearch_rows(h->db, version) <= REGSEARCH_SCAN_MAX);
	char *fq = *query && wanted && version ? regsearch_folded(query) : NULL;
	if (!fq) {
		regsearch_drop_to(h, 0);
		return;
	}
	if (!h->id)
		h->id = ++serial;
	if (narrow) {
		int k = h->depth - 1;
		/* A two-letter table holds its matches as typed only: a longer
		 * query, which also matches by look-alike, starts from the index. */
		while (k >= 0 && (!strstr(fq, h->q[k]) ||
		                  (regsearch_chars(h->q[k]) < 3 && strcmp(fq, h->q[k]))))
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
