#include "view/regsearch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* One match of the lookup.  Its strings sit in the cache's text block, by
 * offset (the block grows).  A match is current at level k while k < gone;
 * bit k of loose says that at level k it matched only by look-alike. */
struct regsearch_hit {
	int64_t id;
	size_t sort, kk, ru;  /* offsets into text: sort key, folded names */
	int sort_len;
	char level[8];
	unsigned char section;
	unsigned char gone;
	unsigned short loose;
	char *lkk, *lru;      /* the names' look-alike fold, made when first needed */
};

enum { REGSEARCH_SCAN_MAX = 20000 };
/* More matches than this and the search keeps to its own condition: the
 * cache must not make the program's memory grow with the register. */
enum { REGSEARCH_MAX_HITS = 30000 };

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

static void regsearch_forget(struct regsearch *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->hit[i].lkk);
		free(h->hit[i].lru);
	}
	while (h->depth > 0)
		free(h->q[--h->depth]);
	free(h->hit);
	free(h->text);
	free(h->ord[0]);
	free(h->ord[1]);
	free(h->by_name);
	h->by_name = NULL;
	h->hit = NULL;
	h->text = NULL;
	h->ord[0] = h->ord[1] = NULL;
	h->n = h->cap = h->used = h->room = 0;
	h->count[0] = h->count[1] = 0;
	h->synced = 0;
}

/* Forgets the levels kept aside. */
static void regsearch_drop_stash(struct regsearch *h)
{
	if (h->stash) {
		regsearch_forget(h->stash);
		free(h->stash);
		h->stash = NULL;
	}
}

/* Exchanges the levels held with those kept aside; the id table stays
 * the cache's own, to be written again. */
static void regsearch_swap(struct regsearch *h)
{
	struct regsearch *aside = h->stash, was = *h;
	*h = *aside;
	h->db = was.db;
	h->id = was.id;
	h->made = was.made;
	memcpy(h->table, was.table, sizeof h->table);
	h->synced = 0;
	h->stash = aside;
	*aside = was;
	aside->stash = NULL;
	aside->made = aside->synced = 0;
}

/* Keeps the levels held aside in place of those kept before, and leaves
 * none held (without memory for the place, simply none held). */
static void regsearch_set_aside(struct regsearch *h)
{
	struct regsearch *aside = h->stash ? h->stash : calloc(1, sizeof *aside);
	if (aside) {
		regsearch_forget(aside);
		h->stash = aside;
		regsearch_swap(h);
	}
}

/* The deepest level of h that holds every match of fq found by mode, or
 * -1.  Only a level found the same way does: a two-letter level inside
 * words holds its matches as typed only, where a longer query also matches
 * by look-alike. */
static int regsearch_level(const struct regsearch *h, const char *fq, enum regsearch_mode mode)
{
	int k = h->depth - 1;
	while (k >= 0 && (h->mode[k] != mode || !strstr(fq, h->q[k]) ||
	                  (mode == REGSEARCH_INSIDE && strcmp(fq, h->q[k]))))
		k--;
	return k;
}

/* Copies n bytes into the text block (a NUL after them); the offset, or
 * (size_t)-1 when memory runs out. */
static size_t regsearch_keep(struct regsearch *h, const void *p, size_t n)
{
	if (h->used + n + 1 > h->room) {
		size_t room = h->room ? h->room : 1 << 16;
		while (h->used + n + 1 > room)
			room *= 2;
		char *t = realloc(h->text, room);
		if (!t)
			return (size_t)-1;
		h->text = t;
		h->room = room;
	}
	size_t at = h->used;
	memcpy(h->text + at, p, n);
	h->text[at + n] = 0;
	h->used += n + 1;
	return at;
}

/* The name index's order (schema 6): section, sort key, level, the folded
 * names, id.  SQLite compares BLOBs and BINARY text by their bytes. */
static const struct regsearch *regsearch_sorting;

static int regsearch_cmp(const void *pa, const void *pb)
{
	const struct regsearch_hit *a = &regsearch_sorting->hit[*(const int *)pa];
	const struct regsearch_hit *b = &regsearch_sorting->hit[*(const int *)pb];
	const char *t = regsearch_sorting->text;
	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	int n = a->sort_len < b->sort_len ? a->sort_len : b->sort_len;
	int c = memcmp(t + a->sort, t + b->sort, (size_t)n);
	if (c || a->sort_len != b->sort_len)
		return c ? c : a->sort_len < b->sort_len ? -1 : 1;
	if ((c = strcmp(a->level, b->level)) || (c = strcmp(t + a->kk, t + b->kk)) ||
	    (c = strcmp(t + a->ru, t + b->ru)))
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Whether match x holds fq as typed (1), only under the look-alike fold
 * (lq, 2), or not at all (0); -1 when memory runs out. */
static int regsearch_test(struct regsearch *h, struct regsearch_hit *x, const char *fq,
                          const char *lq)
{
	if (strstr(h->text + x->kk, fq) || strstr(h->text + x->ru, fq))
		return 1;
	if (!lq)
		return 0;
	if (!x->lkk && !(x->lkk = text_loose(strdup(h->text + x->kk))))
		return -1;
	if (!x->lru && !(x->lru = text_loose(strdup(h->text + x->ru))))
		return -1;
	return strstr(x->lkk, lq) || strstr(x->lru, lq) ? 2 : 0;
}

/* The current level's matches, ranked, from the name order: a section's
 * matches as typed, then its look-alike ones.  0 or -1. */
static int regsearch_rank_all(struct regsearch *h)
{
	int k = h->depth - 1;
	h->synced = 0;
	h->count[0] = h->count[1] = 0;
	for (int s = 0; s < 2; s++) {
		free(h->ord[s]);
		h->ord[s] = malloc((h->n ? h->n : 1) * sizeof *h->ord[s]);
		if (!h->ord[s])
			return -1;
	}
	for (int later = 0; later < 2; later++)
		for (size_t j = 0; j < h->n; j++) {
			int i = h->by_name[j];
			const struct regsearch_hit *x = &h->hit[i];
			if (k < x->gone && ((x->loose >> k) & 1) == later)
				h->ord[x->section][h->count[x->section]++] = i;
		}
	return 0;
}

/* Keeps the first depth levels: every match dropped or demoted at a later
 * one is restored. */
static void regsearch_drop_to(struct regsearch *h, int depth)
{
	while (h->depth > depth)
		free(h->q[--h->depth]);
	unsigned short keep = (unsigned short)((1u << depth) - 1);
	for (size_t i = 0; i < h->n; i++) {
		struct regsearch_hit *x = &h->hit[i];
		if (x->gone >= depth)
			x->gone = REGSEARCH_LEVELS;
		x->loose &= keep;
	}
}

/* Level k from level k - 1, in place: the matches whose names hold fq, as
 * typed or by look-alike, each ranked again (a match that held the shorter
 * query as typed may hold the longer only by look-alike).  0 or -1. */
static int regsearch_narrow(struct regsearch *h, int k, const char *fq, enum regsearch_mode mode)
{
	int by_loose = mode == REGSEARCH_TRIGRAMS;
	char *lq = by_loose ? text_loose(strdup(fq)) : NULL;
	if (by_loose && !lq)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < h->n && !rc; i++) {
		struct regsearch_hit *x = &h->hit[i];
		if (x->gone < k)
			continue;
		int t = regsearch_test(h, x, fq, lq);
		if (t < 0)
			rc = -1;
		else if (!t)
			x->gone = (unsigned char)k;
		else if (t == 2)
			x->loose |= (unsigned short)(1u << k);
	}
	free(lq);
	return rc;
}

/* Level 0: from the trigram index for three letters or more, each match
 * read once (its id, section and name order); for one or two, from the
 * version's names themselves, so that "ші" finds "кесуші" inside its word,
 * which no index of prefixes can.  0 or -1. */
static int regsearch_lookup(struct regsearch *h, const struct search *s, int64_t version,
                            const char *lang, enum regsearch_mode mode)
{
	char sql[1536];
	const char *l = lang[0] == 'r' ? "ru" : "kk";
	int fts = mode == REGSEARCH_TRIGRAMS;
	/* The index is the outer loop: the version's own indexes would walk
	 * every row of it. */
	if (fts)
		snprintf(sql, sizeof sql, "SELECT r.id, r.section = 'voluntary', r.sort_%s, r.level, "
		         "r.fold_kk, r.fold_ru, tz_holds(r.fold_kk, :q) OR tz_holds(r.fold_ru, :q) "
		         "FROM reg_fts CROSS JOIN reg_row r ON r.id = reg_fts.rowid "
		         "WHERE reg_fts MATCH :search_q AND r.version_id = :v", l);
	else
		snprintf(sql, sizeof sql, "SELECT r.id, r.section = 'voluntary', r.sort_%s, r.level, "
		         "r.fold_kk, r.fold_ru, 1 FROM reg_row r WHERE r.version_id = :v "
		         "AND (tz_holds(r.fold_kk, :q) OR tz_holds(r.fold_ru, :q))", l);
	sqlite3_stmt *st = db_prep(h->db, sql);
	if (!st)
		return -1;
	search_bind(s, st);
	db_text(st, ":q", s->exact);
	db_int(st, ":v", version);
	int rc;
	while ((rc = db_step(h->db, st)) == SQLITE_ROW) {
		struct regsearch_hit x = {0};
		if (!sqlite3_column_int(st, 6)) {
			/* Not as typed: the index offered it for a look-alike trigram,
			 * and it is a match only if its names hold the query so. */
			x.lkk = text_loose(strdup(db_col_text(st, 4)));
			x.lru = text_loose(strdup(db_col_text(st, 5)));
			if (!x.lkk || !x.lru || !s->loose) {
				free(x.lkk);
				free(x.lru);
				break;
			}
			if (!strstr(x.lkk, s->loose) && !strstr(x.lru, s->loose)) {
				free(x.lkk);
				free(x.lru);
				continue;
			}
			x.loose = 1;
		}
		if (h->n == REGSEARCH_MAX_HITS) {
			free(x.lkk);
			free(x.lru);
			break;
		}
		/* The levels kept aside give way to a lookup that needs their room. */
		if (h->stash && h->n + h->stash->n >= REGSEARCH_MAX_HITS)
			regsearch_drop_stash(h);
		x.id = sqlite3_column_int64(st, 0);
		x.section = sqlite3_column_int(st, 1) != 0;
		x.gone = REGSEARCH_LEVELS;
		const void *key = sqlite3_column_blob(st, 2);
		x.sort_len = sqlite3_column_bytes(st, 2);
		const char *level = db_col_text(st, 3);
		size_t ln = strlen(level);
		memcpy(x.level, level, ln < sizeof x.level ? ln : sizeof x.level - 1);
		const char *kk = db_col_text(st, 4), *ru = db_col_text(st, 5);
		x.sort = regsearch_keep(h, key ? key : "", (size_t)x.sort_len);
		x.kk = regsearch_keep(h, kk, strlen(kk));
		x.ru = regsearch_keep(h, ru, strlen(ru));
		if (h->n == h->cap) {
			size_t cap = h->cap ? h->cap * 2 : 256;
			struct regsearch_hit *g = realloc(h->hit, cap * sizeof *g);
			if (g) {
				h->hit = g;
				h->cap = cap;
			}
		}
		if (x.sort == (size_t)-1 || x.kk == (size_t)-1 || x.ru == (size_t)-1 || h->n == h->cap) {
			free(x.lkk);
			free(x.lru);
			break;
		}
		h->hit[h->n++] = x;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || !(h->by_name = malloc((h->n ? h->n : 1) * sizeof *h->by_name)))
		return -1;
	/* Sorting the matches' indexes moves four bytes where the matches
	 * themselves would move eighty. */
	for (size_t i = 0; i < h->n; i++)
		h->by_name[i] = (int)i;
	regsearch_sorting = h;
	qsort(h->by_name, h->n, sizeof *h->by_name, regsearch_cmp);
	regsearch_sorting = NULL;
	return 0;
}

void regsearch_init(struct regsearch *h, tz_db *db)
{
	memset(h, 0, sizeof *h);
	h->db = db;
}

void regsearch_free(struct regsearch *h)
{
	if (h->made) {
		char sql[64];
		snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.%s", h->table);
		db_exec(h->db, sql);
	}
	h->made = 0;
	regsearch_forget(h);
	regsearch_drop_stash(h);
}

void regsearch_fill(struct regsearch *h, const char *query, const struct search *s,
                    int64_t version, const char *lang, int narrow)
{
	static unsigned serial;
	/* Two letters that no code starts with (s->walk): inside words too, by
	 * reading the version's names, which keeps within a key's time up to
	 * REGSEARCH_SCAN_MAX rows (a real register holds a few thousand).  In
	 * a bigger one they stay a prefix with the search's own condition, as
	 * one letter does: nearly every name holds one letter somewhere, and
	 * the names that start with two are counted from the first letters'
	 * counts (schema 20) and read a page at a time from the name index. */
	int two = s->kind == SEARCH_PREFIX && regsearch_chars(s->exact) == 2;
	int small = two && version && regsearch_rows(h->db, version) <= REGSEARCH_SCAN_MAX;
	enum regsearch_mode mode = small ? REGSEARCH_INSIDE : REGSEARCH_TRIGRAMS;
	/* A prefix that a code may start (an Х) stays with that condition too,
	 * which looks it up among the codes. */
	int wanted = s->kind == SEARCH_FTS || (small && s->walk);
	char *fq = *query && wanted && version ? regsearch_folded(query) : NULL;
	/* Levels kept aside hold only for the version, language and rows that
	 * made them: a new search's first key and every reload start afresh.
	 * Backspace from three letters to two in a big register keeps the
	 * trigram levels aside, for the third letter typed again. */
	if (!fq) {
		if (narrow && two && h->depth > 0)
			regsearch_set_aside(h);
		else
			regsearch_drop_stash(h);
		regsearch_forget(h);
		return;
	}
	if (!narrow)
		regsearch_drop_stash(h);
	if (!h->id)
		h->id = ++serial;
	if (narrow) {
		int k = regsearch_level(h, fq, mode);
		if (k < 0 && h->stash && regsearch_level(h->stash, fq, mode) >= 0) {
			regsearch_swap(h);
			k = regsearch_level(h, fq, mode);
		}
		if (k >= 0) {
			regsearch_drop_to(h, k + 1);
			if (!strcmp(fq, h->q[k])) {
				free(fq);
				if (!regsearch_rank_all(h))
					return;
				regsearch_forget(h);
				return;
			}
			if (k + 1 < REGSEARCH_LEVELS && !regsearch_narrow(h, k + 1, fq, mode)) {
				h->mode[h->depth] = mode;
				h->q[h->depth++] = fq;
				if (!regsearch_rank_all(h))
					return;
				regsearch_forget(h);
				return;
			}
		}
	}
	if (narrow && h->depth > 0)
		regsearch_set_aside(h);   /* for Backspace to them */
	regsearch_forget(h);
	if (regsearch_lookup(h, s, version, lang, mode) || h->n == REGSEARCH_MAX_HITS) {
		free(fq);
		regsearch_forget(h);
		return;
	}
	h->q[0] = fq;
	h->mode[0] = mode;
	h->depth = 1;
	if (regsearch_rank_all(h))
		regsearch_forget(h);
}

int regsearch_active(const struct regsearch *h)
{
	return h->depth > 0;
}

int regsearch_count(const struct regsearch *h, int s)
{
	return h->depth > 0 && (s == 0 || s == 1) ? h->count[s] : 0;
}

int64_t regsearch_id(const struct regsearch *h, int s, int i)
{
	if (h->depth <= 0 || s < 0 || s > 1 || i < 0 || i >= h->count[s])
		return 0;
	return h->hit[h->ord[s][i]].id;
}

int regsearch_rank(const struct regsearch *h, int64_t id, int *s)
{
	for (int k = 0; h->depth > 0 && k < 2; k++)
		for (int i = 0; i < h->count[k]; i++)
			if (h->hit[h->ord[k][i]].id == id) {
				*s = k;
				return i;
			}
	return -1;
}

const char *regsearch_table(struct regsearch *h)
{
	if (!regsearch_active(h))
		return NULL;
	if (h->synced)
		return h->table;
	char sql[128];
	if (!h->made) {
		snprintf(h->table, sizeof h->table, "rv_hits_%u", h->id);
		snprintf(sql, sizeof sql, "CREATE TEMP TABLE IF NOT EXISTS %s(id INTEGER PRIMARY KEY)",
		         h->table);
		if (db_exec(h->db, sql))
			return NULL;
		h->made = 1;
	}
	snprintf(sql, sizeof sql, "DELETE FROM temp.%s", h->table);
	if (db_exec(h->db, sql))
		return NULL;
	snprintf(sql, sizeof sql, "INSERT INTO temp.%s(id) VALUES (:id)", h->table);
	sqlite3_stmt *st = db_prep(h->db, sql);
	if (!st)
		return NULL;
	int ok = 1;
	for (int s = 0; s < 2 && ok; s++)
		for (int i = 0; i < h->count[s] && ok; i++) {
			db_int(st, ":id", h->hit[h->ord[s][i]].id);
			ok = db_step(h->db, st) == SQLITE_DONE;
			sqlite3_reset(st);
		}
	sqlite3_finalize(st);
	h->synced = ok;
	return ok ? h->table : NULL;
}
