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
/* The trigram index's matches are looked at in every version: up to this
 * many (16 bytes each) before the search keeps to its own condition. */
enum { REGSEARCH_MAX_IDS = 4 * REGSEARCH_MAX_HITS };

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

/* Keeps the match in st's row (id, is it voluntary, sort key, level, the
 * folded names, do they hold the query as typed), unless its names hold
 * the query neither as typed nor under the look-alike fold (loose).  0,
 * or -1 when the lookup must stop: no memory, or more matches than kept. */
static int regsearch_take(struct regsearch *h, sqlite3_stmt *st, const char *loose)
{
	struct regsearch_hit x = {0};
	if (!sqlite3_column_int(st, 6)) {
		/* Not as typed: the index offered it for a look-alike trigram,
		 * and it is a match only if its names hold the query so. */
		x.lkk = text_loose(strdup(db_col_text(st, 4)));
		x.lru = text_loose(strdup(db_col_text(st, 5)));
		int fail = !x.lkk || !x.lru || !loose;
		if (fail || (!strstr(x.lkk, loose) && !strstr(x.lru, loose))) {
			free(x.lkk);
			free(x.lru);
			return fail ? -1 : 0;
		}
		x.loose = 1;
	}
	if (h->n == REGSEARCH_MAX_HITS) {
		free(x.lkk);
		free(x.lru);
		return -1;
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
		return -1;
	}
	h->hit[h->n++] = x;
	return 0;
}

/* The matches' indexes in the name index's order. 0 or -1. */
static int regsearch_sort(struct regsearch *h)
{
	free(h->by_name);
	if (!(h->by_name = malloc((h->n ? h->n : 1) * sizeof *h->by_name)))
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

/* The trigram index's matches, by id: taken once kept from the version's
 * name indexes (1) or known to be of another version (2). */
struct regsearch_match {
	int64_t id;
	int taken;
};

static int match_cmp(const void *pa, const void *pb)
{
	const struct regsearch_match *a = pa, *b = pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The ids that the trigram index matches (s->q), in every version, into
 * *out (n of them), sorted: from the index alone.  0, or -1 on an error or
 * more than kept. */
static int regsearch_ids(tz_db *db, const struct search *s, struct regsearch_match **out,
                         size_t *n)
{
	sqlite3_stmt *st = db_cached(db, "SELECT rowid FROM reg_fts WHERE reg_fts MATCH :m");
	if (!st)
		return -1;
	db_text(st, ":m", s->q);
	size_t cap = 0;
	int rc, sorted = 1;
	*out = NULL;
	*n = 0;
	while ((rc = db_step(db, st)) == SQLITE_ROW && *n < REGSEARCH_MAX_IDS) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			struct regsearch_match *g = realloc(*out, cap * sizeof *g);
			if (!g)
				break;
			*out = g;
		}
		int64_t id = sqlite3_column_int64(st, 0);
		sorted &= !*n || (*out)[*n - 1].id < id;
		(*out)[(*n)++] = (struct regsearch_match){.id = id};
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		return -1;
	}
	if (!sorted)
		qsort(*out, *n, sizeof **out, match_cmp);
	return 0;
}

/* What a match's row gives (regsearch_take's columns): those whose Kazakh
 * or Russian name starts with the query, from the ranges of the
 * folded-name indexes, which hold all of it (schema 15), so no row is
 * read; then any other match by its id.  The Russian range is read only
 * when some row's Russian name starts with the query's first two letters
 * and its Kazakh name does not (the first letters' counts, schema 20):
 * where a row's two names start alike it would hold next to nothing new,
 * and what it would hold is read by id all the same. */
#define STARTS_KK(L) \
	"SELECT id, section = 'voluntary', sort_" L ", level, fold_kk, fold_ru, 1 " \
	"FROM reg_row INDEXED BY reg_row_fold_kk WHERE version_id = :v " \
	"AND fold_kk >= :q AND fold_kk < :hi"
#define STARTS_RU(L) \
	" UNION ALL SELECT id, section = 'voluntary', sort_" L ", level, fold_kk, fold_ru, 1 " \
	"FROM reg_row INDEXED BY reg_row_fold_ru WHERE version_id = :v " \
	"AND fold_ru >= :q AND fold_ru < :hi AND NOT (fold_kk >= :q AND fold_kk < :hi)"
static const char *const starts_sql[2][2] = {
	{STARTS_KK("kk"), STARTS_KK("kk") STARTS_RU("kk")},
	{STARTS_KK("ru"), STARTS_KK("ru") STARTS_RU("ru")},
};

/* Whether some row of the version has a Russian name that starts with the
 * first two characters of q and a Kazakh name that does not (1), or not
 * (0); 1 when it cannot be told. */
static int ru_starts_apart(tz_db *db, const char *q, int64_t version)
{
	unsigned cp;
	size_t two = (size_t)text_next(q, &cp);
	two += (size_t)text_next(q + two, &cp);
	char *q2 = strndup(q, two);
	sqlite3_stmt *st = q2 ? db_cached(db, "SELECT EXISTS (SELECT 1 FROM reg_prefix "
	                                      "WHERE version_id = :v AND ru = :q2 AND kk <> :q2)") : NULL;
	if (!st) {
		free(q2);
		return 1;
	}
	db_int(st, ":v", version);
	db_text(st, ":q2", q2);
	int apart = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
	sqlite3_reset(st);
	free(q2);
	return apart;
}

/* The same ranges in the other versions, ids alone: the register's earlier
 * versions hold the same names, and the trigram index holds every version.
 * Their matches that start with the query are told apart here, from the
 * index, instead of one at a time by their version. */
#define OTHERS_KK \
	"SELECT id FROM reg_row INDEXED BY reg_row_fold_kk WHERE version_id = :o " \
	"AND fold_kk >= :q AND fold_kk < :hi"
static const char *const others_sql[2] = {
	OTHERS_KK,
	OTHERS_KK " UNION ALL SELECT id FROM reg_row INDEXED BY reg_row_fold_ru "
	"WHERE version_id = :o AND fold_ru >= :q AND fold_ru < :hi "
	"AND NOT (fold_kk >= :q AND fold_kk < :hi)",
};

/* Marks the matches of version o that start with the query as another
 * version's (taken 2).  0, or -1 on an error. */
static int regsearch_others(tz_db *db, int64_t o, const char *q, const char *hi,
                            struct regsearch_match *m, size_t n)
{
	sqlite3_stmt *st = db_cached(db, others_sql[ru_starts_apart(db, q, o)]);
	if (!st)
		return -1;
	db_text(st, ":q", q);
	db_text(st, ":hi", hi);
	db_int(st, ":o", o);
	int rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		struct regsearch_match key = {.id = sqlite3_column_int64(st, 0)};
		struct regsearch_match *x = bsearch(&key, m, n, sizeof *m, match_cmp);
		if (x && !x->taken)
			x->taken = 2;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}


/* The version from reg_place, a narrow table: a match of another version
 * costs no read of its row. */
static const char *const row_sql[2] = {
	"SELECT r.id, r.section = 'voluntary', r.sort_kk, r.level, r.fold_kk, r.fold_ru, "
	"tz_holds(r.fold_kk, :q) OR tz_holds(r.fold_ru, :q) FROM reg_place p "
	"CROSS JOIN reg_row r ON r.id = p.row_id WHERE p.row_id = :id AND p.version_id = :v",
	"SELECT r.id, r.section = 'voluntary', r.sort_ru, r.level, r.fold_kk, r.fold_ru, "
	"tz_holds(r.fold_kk, :q) OR tz_holds(r.fold_ru, :q) FROM reg_place p "
	"CROSS JOIN reg_row r ON r.id = p.row_id WHERE p.row_id = :id AND p.version_id = :v",
};

/* Level 0 through the trigram index (three letters or more).  Its matches
 * sit on many pages of the table (at 100,000 rows "сле" has 3,924 matches
 * on 2,064 of its pages): what orders them is read from the name indexes
 * for the names that start with the query, where a clerk typing a name's
 * first word finds them all, and from the rows only for the others.  0 or
 * -1. */
static int regsearch_lookup_fts(struct regsearch *h, const struct search *s, int64_t version,
                                int ru)
{
	struct regsearch_match *m = NULL;
	size_t n = 0, qn = strlen(s->exact);
	char *hi = malloc(qn + 5);
	if (!hi || regsearch_ids(h->db, s, &m, &n) || n >= REGSEARCH_MAX_IDS) {
		free(hi);
		free(m);
		return -1;
	}
	/* U+10FFFF, the last code point: q <= x < q||MAX holds exactly for every
	 * x that starts with q. */
	memcpy(hi, s->exact, qn);
	memcpy(hi + qn, "\xF4\x8F\xBF\xBF", 5);
	int rc = SQLITE_DONE;
	sqlite3_stmt *st = n ? db_cached(h->db, starts_sql[ru][ru_starts_apart(h->db, s->exact,
	                                                                         version)]) : NULL;
	if (st) {
		db_text(st, ":q", s->exact);
		db_text(st, ":hi", hi);
		db_int(st, ":v", version);
		while ((rc = db_step(h->db, st)) == SQLITE_ROW) {
			struct regsearch_match key = {.id = sqlite3_column_int64(st, 0)};
			struct regsearch_match *x = bsearch(&key, m, n, sizeof *m, match_cmp);
			/* Not among the index's matches: the index is behind its table. */
			if (!x || x->taken)
				continue;
			x->taken = 1;
			if (regsearch_take(h, st, s->loose))
				break;
		}
		sqlite3_reset(st);
	}
	if (n && (!st || rc != SQLITE_DONE))
		rc = SQLITE_ERROR;
	size_t left = 0;
	for (size_t i = 0; i < n; i++)
		left += !m[i].taken;
	if (left && rc == SQLITE_DONE) {
		/* A few versions: their list read whole first, one statement at a time. */
		int64_t other[64];
		int no = 0;
		st = db_cached(h->db, "SELECT DISTINCT version_id FROM reg_count "
		                      "WHERE version_id <> :v AND n > 0");
		if (st) {
			db_int(st, ":v", version);
			while (no < 64 && (rc = db_step(h->db, st)) == SQLITE_ROW)
				other[no++] = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
		}
		/* More versions than listed: the rest are told apart one row at a time. */
		if (!st || (rc != SQLITE_DONE && rc != SQLITE_ROW))
			rc = SQLITE_ERROR;
		else
			rc = SQLITE_DONE;
		for (int i = 0; i < no && rc == SQLITE_DONE; i++)
			if (regsearch_others(h->db, other[i], s->exact, hi, m, n))
				rc = SQLITE_ERROR;
	}
	if (n && rc == SQLITE_DONE && (st = db_cached(h->db, row_sql[ru]))) {
		db_text(st, ":q", s->exact);
		db_int(st, ":v", version);
	} else if (n) {
		rc = SQLITE_ERROR;
	}
	for (size_t i = 0; i < n && rc == SQLITE_DONE; i++) {
		if (m[i].taken)
			continue;
		db_int(st, ":id", m[i].id);
		rc = db_step(h->db, st);
		/* A row of another version, or gone since, is no match. */
		if (rc == SQLITE_ROW)
			rc = regsearch_take(h, st, s->loose) ? SQLITE_ERROR : SQLITE_DONE;
		sqlite3_reset(st);
	}
	free(hi);
	free(m);
	return rc == SQLITE_DONE ? regsearch_sort(h) : -1;
}

/* Level 0: from the trigram index for three letters or more; for one or
 * two, from the version's names themselves, so that "ші" finds "кесуші"
 * inside its word, which no index of prefixes can.  0 or -1. */
static int regsearch_lookup(struct regsearch *h, const struct search *s, int64_t version,
                            const char *lang, enum regsearch_mode mode)
{
	char sql[512];
	int ru = lang[0] == 'r';
	if (mode == REGSEARCH_TRIGRAMS) {
		/* One read transaction for its statements, not one each. */
		int txn = sqlite3_get_autocommit(db_sqlite(h->db)) && !db_exec(h->db, "BEGIN");
		int rc = regsearch_lookup_fts(h, s, version, ru);
		if (txn && db_exec(h->db, "COMMIT"))
			rc = -1;
		return rc;
	}
	snprintf(sql, sizeof sql, "SELECT r.id, r.section = 'voluntary', r.sort_%s, r.level, "
	         "r.fold_kk, r.fold_ru, 1 FROM reg_row r WHERE r.version_id = :v "
	         "AND (tz_holds(r.fold_kk, :q) OR tz_holds(r.fold_ru, :q))", ru ? "ru" : "kk");
	sqlite3_stmt *st = db_prep(h->db, sql);
	if (!st)
		return -1;
	db_text(st, ":q", s->exact);
	db_int(st, ":v", version);
	int rc;
	while ((rc = db_step(h->db, st)) == SQLITE_ROW)
		if (regsearch_take(h, st, s->loose))
			break;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? regsearch_sort(h) : -1;
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
