#include "view/regview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/register.h"
#include "domain/regorder.h"
#include "domain/search.h"
#include "view/regprefix.h"
#include "view/regsearch.h"

struct regview {
	tz_db *db;
	int64_t version;
	char state[16];
	char *title;
	char lang[3];
	char *where;          /* the caller's filter fragment, or NULL */
	rv_bind_fn *bind;
	void *bind_ctx;
	struct rv_facets facets;
	char *query;          /* the search as typed, "" when none */
	struct search search; /* valid while query is not "" */
	enum rv_sort sort;
	int desc;
	int count[2];
	int total[2];         /* rows of each section, no condition; -1 = not read */
	/* A search of three letters or more: its matches in the version on view,
	 * kept in a table (regsearch.h) filled once per query, reload or
	 * language, so that counting and paging read only the matches. */
	struct regsearch hits;
	/* The last window: lines [first, first + n). */
	int first, n, cap;
	struct rv_line *win;
	unsigned gen;         /* rv_generation */
	/* The counts of the last one- or two-letter search with no other
	 * condition, for the query as typed in the version as the last reload
	 * found it. */
	struct regprefix prefix;
	unsigned loads;       /* rv_reload's, each a new look at the data */
};

static const char *const section_key[2] = {"mandatory", "voluntary"};

static void win_clear(struct regview *rv)
{
	for (int i = 0; i < rv->n; i++) {
		free(rv->win[i].name);
		free(rv->win[i].basis);
		free(rv->win[i].body);
	}
	rv->n = 0;
}

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

/* The brief order of preference: the draft being worked on, else what was
 * last published, else whatever version exists (one under review). */
static int64_t pick_version(tz_db *db)
{
	int64_t v = reg_draft(db);
	if (!v)
		v = reg_published(db);
	if (!v)
		v = db_int_query(db, "SELECT id FROM reg_version ORDER BY id DESC LIMIT 1", 0);
	return v;
}

/* How the search enters a query: as its condition, as the same test made on
 * each row walked (struct search's walk), or not at all. */
enum cond_search { COND_SEARCH, COND_WALK, COND_NO_SEARCH };

/* Every condition on top of version and section, joined with AND: the
 * search, the facets, the caller's filter.  Empty when there is none. */
static void conditions(struct regview *rv, const char *where, enum cond_search how,
                       char *buf, size_t len)
{
	size_t n = 0;
	const char *hits = *rv->query && how != COND_NO_SEARCH ? regsearch_table(&rv->hits) : NULL;
	buf[0] = 0;
#define ADD(...) do { if (n < len) n += (size_t)snprintf(buf + n, len - n, __VA_ARGS__); } while (0)
	if (hits)
		ADD(" AND reg_row.id IN (SELECT id FROM temp.%s)", hits);
	else if (*rv->query && how != COND_NO_SEARCH)
		ADD(" AND %s", how == COND_WALK ? rv->search.walk : rv->search.where);
	if (rv->facets.body_id)
		ADD(" AND reg_row.body_id = :f_body");
	if (rv->facets.level[0])
		ADD(" AND reg_row.level = :f_level");
	if (rv->facets.profile[0])
		ADD(" AND reg_row.profile = :f_profile");
	if (where)
		ADD(" AND (%s)", where);
#undef ADD
}

static void bind_conditions(const struct regview *rv, sqlite3_stmt *st, const char *where)
{
	if (*rv->query)
		search_bind(&rv->search, st);
	if (rv->facets.body_id)
		db_int(st, ":f_body", rv->facets.body_id);
	if (rv->facets.level[0])
		db_text(st, ":f_level", rv->facets.level);
	if (rv->facets.profile[0])
		db_text(st, ":f_profile", rv->facets.profile);
	if (where && rv->bind)
		rv->bind(st, rv->bind_ctx);
}

/* Brings the matches table up to the search on view (narrow: see
 * regsearch_fill). */
static void fill_hits(struct regview *rv, int narrow)
{
	regsearch_fill(&rv->hits, rv->query, &rv->search, rv->version, rv->lang, narrow);
}

/* No condition but the search and the section: the matches in memory
 * alone answer. */
static int hits_alone(const struct regview *rv, const char *where)
{
	return regsearch_active(&rv->hits) && !rv->facets.body_id && !rv->facets.level[0] &&
	       !rv->facets.profile[0] && !where;
}

/* The rows of section s with no condition, as the database keeps them
 * (schema 6's reg_count); read once per reload. */
static int section_total(struct regview *rv, int s)
{
	if (rv->total[s] < 0) {
		sqlite3_stmt *st = db_prep(rv->db, "SELECT n FROM reg_count "
		                           "WHERE version_id = :v AND section = :s");
		if (!st)
			return 0;
		db_int(st, ":v", rv->version);
		db_text(st, ":s", section_key[s]);
		rv->total[s] = db_step(rv->db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
		sqlite3_finalize(st);
	}
	return rv->total[s];
}

/* The matches of a one- or two-letter search, and those of them in the
 * voluntary section, from the indexes (no GROUP BY: sorting every match by
 * its section cost more than finding it):
 * those of the Kazakh range, plus those of the Russian range outside it,
 * plus the codes in range outside both (schema 6 put the Kazakh name in the
 * Russian names' index).  The union of the ranges would look every match up. */
static const char prefix_count_sql[] =
	"SELECT sum(n), sum(v) FROM ("
	"SELECT count(*) AS n, count(*) FILTER (WHERE reg_row.section = 'voluntary') AS v "
	"FROM reg_row INDEXED BY reg_row_fold_kk "
	"WHERE reg_row.version_id = :v AND reg_row.fold_kk >= :search_q "
	"AND reg_row.fold_kk < :search_hi%s "
	"UNION ALL SELECT count(*), count(*) FILTER (WHERE reg_row.section = 'voluntary') "
	"FROM reg_row INDEXED BY reg_row_fold_ru "
	"WHERE reg_row.version_id = :v AND reg_row.fold_ru >= :search_q "
	"AND reg_row.fold_ru < :search_hi "
	"AND NOT (reg_row.fold_kk >= :search_q AND reg_row.fold_kk < :search_hi)%s "
	"UNION ALL SELECT count(*), count(*) FILTER (WHERE reg_row.section = 'voluntary') "
	"FROM reg_row INDEXED BY reg_row_code "
	"WHERE reg_row.version_id = :v AND reg_row.section IN ('mandatory', 'voluntary') "
	"AND reg_row.nkz_code >= :search_c AND reg_row.nkz_code < :search_chi "
	"AND NOT (reg_row.fold_kk >= :search_q AND reg_row.fold_kk < :search_hi) "
	"AND NOT (reg_row.fold_ru >= :search_q AND reg_row.fold_ru < :search_hi)%s)";

/* Whether rv->prefix holds the counts of the search on view (regprefix.h). */
static int prefix_kept(const struct regview *rv)
{
	return regprefix_kept(&rv->prefix, rv->query, rv->version, rv->loads);
}

/* Steps through st's rows (is the section voluntary, its count) into c,
 * for the sections the facets let through, and resets st.  0, or -1 on
 * a database error. */
static int read_counts(const struct regview *rv, sqlite3_stmt *st, int c[2])
{
	int rc;
	while ((rc = db_step(rv->db, st)) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0) != 0;
		if (rv->facets.section < 0 || rv->facets.section == s)
			c[s] = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The rows of each section under the conditions, in one query: a search
 * term is looked up once, not once per section.  0, or -1 on an error (the
 * fragment does not prepare, or the database fails). */
static int count_sections(struct regview *rv, const char *where, int c[2])
{
	c[0] = c[1] = 0;
	if (!rv->version)
		return 0;
	char sql[4096], cond[1024];
	if (!*rv->query && !rv->facets.body_id && !rv->facets.level[0] && !rv->facets.profile[0] &&
	    !where) {
		for (int s = 0; s < 2; s++)
			if (rv->facets.section < 0 || rv->facets.section == s)
				c[s] = section_total(rv, s);
		return 0;
	}
	if (hits_alone(rv, where)) {
		for (int s = 0; s < 2; s++)
			if (rv->facets.section < 0 || rv->facets.section == s)
				c[s] = regsearch_count(&rv->hits, s);
		return 0;
	}
	int prefix = *rv->query && rv->search.kind == SEARCH_PREFIX && !regsearch_active(&rv->hits);
	conditions(rv, where, prefix ? COND_NO_SEARCH : COND_SEARCH, cond, sizeof cond);
	if (prefix && !*cond) {
		if (!prefix_kept(rv) &&
		    regprefix_read(&rv->prefix, rv->db, &rv->search, rv->query, rv->version, rv->loads))
			return -1;
		for (int s = 0; s < 2; s++)
			if (rv->facets.section < 0 || rv->facets.section == s)
				c[s] = rv->prefix.n[s];
		return 0;
	}
	/* A name search lists its matches' ids: count by looking those up, or
	 * the planner may walk the whole version in an index, testing each row
	 * against the list ("+" keeps it off the version's indexes). */
	int by_id = *rv->query && rv->search.kind == SEARCH_FTS;
	if (prefix)
		snprintf(sql, sizeof sql, prefix_count_sql, cond, cond, cond);
	else
		snprintf(sql, sizeof sql, "SELECT reg_row.section = 'voluntary', count(*) FROM reg_row "
		         "WHERE %sreg_row.version_id = :v%s GROUP BY reg_row.section", by_id ? "+" : "", cond);
	sqlite3_stmt *st = db_cached_copy(rv->db, sql);
	if (!st)
		return -1;
	db_int(st, ":v", rv->version);
	rv->search.version = rv->version;
	bind_conditions(rv, st, where);
	if (!prefix)
		return read_counts(rv, st, c);
	int rc = db_step(rv->db, st);
	int all = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	int vol = rc == SQLITE_ROW ? sqlite3_column_int(st, 1) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return -1;
	if (rv->facets.section != 1)
		c[0] = all - vol;
	if (rv->facets.section != 0)
		c[1] = vol;
	return 0;
}

void rv_reload(struct regview *rv)
{
	win_clear(rv);
	rv->gen++;
	rv->loads++;
	/* A row added to the draft since takes its number; read-only, the
	 * numbers stay as they are. */
	regorder_settle(rv->db, rv->version);
	rv->total[0] = rv->total[1] = -1;
	fill_hits(rv, 0);
	if (count_sections(rv, rv->where, rv->count))
		rv->count[0] = rv->count[1] = 0;
}

int rv_set_version(struct regview *rv, int64_t version)
{
	if (version) {
		sqlite3_stmt *st = db_prep(rv->db, "SELECT state, title FROM reg_version WHERE id = :v");
		if (!st)
			return -1;
		db_int(st, ":v", version);
		if (db_step(rv->db, st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			return -1;
		}
		snprintf(rv->state, sizeof rv->state, "%s", db_col_text(st, 0));
		free(rv->title);
		rv->title = dup(db_col_text(st, 1));
		sqlite3_finalize(st);
	} else {
		rv->state[0] = 0;
		free(rv->title);
		rv->title = dup("");
	}
	rv->version = version;
	rv_reload(rv);
	return 0;
}

struct regview *rv_open(tz_db *db)
{
	struct regview *rv = calloc(1, sizeof *rv);
	if (!rv)
		return NULL;
	rv->db = db;
	regsearch_init(&rv->hits, db);
	rv->facets.section = -1;
	rv->query = strdup("");
	if (!rv->query) {
		free(rv);
		return NULL;
	}
	memcpy(rv->lang, i18n_is_kk() ? "kk" : "ru", 3);
	if (rv_set_version(rv, pick_version(db)))
		rv_set_version(rv, 0);
	return rv;
}

void rv_close(struct regview *rv)
{
	if (!rv)
		return;
	win_clear(rv);
	regsearch_free(&rv->hits);
	free(rv->win);
	free(rv->title);
	free(rv->where);
	free(rv->query);
	regprefix_free(&rv->prefix);
	search_free(&rv->search);
	free(rv);
}

int rv_follow(struct regview *rv)
{
	int64_t v = pick_version(rv->db);
	if (v != rv->version)
		return rv_set_version(rv, v) ? -1 : 1;
	if (!v)
		return 0;
	sqlite3_stmt *st = db_cached(rv->db, "SELECT state, title FROM reg_version WHERE id = :v");
	if (!st)
		return -1;
	db_int(st, ":v", v);
	int moved = 0;
	if (db_step(rv->db, st) == SQLITE_ROW) {
		moved = strcmp(rv->state, db_col_text(st, 0)) || strcmp(rv_title(rv), db_col_text(st, 1));
		if (moved) {
			snprintf(rv->state, sizeof rv->state, "%s", db_col_text(st, 0));
			free(rv->title);
			rv->title = dup(db_col_text(st, 1));
		}
	}
	sqlite3_reset(st);
	return moved;
}

int64_t rv_version(const struct regview *rv) { return rv->version; }
const char *rv_state(const struct regview *rv) { return rv->state; }
const char *rv_title(const struct regview *rv) { return rv->title ? rv->title : ""; }
const char *rv_lang(const struct regview *rv) { return rv->lang; }

int rv_set_lang(struct regview *rv, const char *lang)
{
	if (!lang || (strcmp(lang, "kk") && strcmp(lang, "ru")))
		return -1;
	/* The window holds names in the old language: drop it, so nothing of that
	 * language can be drawn after the switch. */
	win_clear(rv);
	rv->gen++;
	int changed = strcmp(rv->lang, lang) != 0;
	memcpy(rv->lang, lang, 3);
	if (changed)
		fill_hits(rv, 0);   /* its sort keys are the language's */
	return 0;
}

int rv_set_filter(struct regview *rv, const char *where, rv_bind_fn *bind, void *ctx)
{
	char *w = NULL;
	if (where) {
		w = strdup(where);
		if (!w)
			return -1;
		rv_bind_fn *ob = rv->bind;
		void *oc = rv->bind_ctx;
		rv->bind = bind;
		rv->bind_ctx = ctx;
		int c[2];
		int ok = !count_sections(rv, w, c);
		if (!ok) {
			rv->bind = ob;
			rv->bind_ctx = oc;
			free(w);
			return -1;
		}
	}
	free(rv->where);
	rv->where = w;
	rv->bind = where ? bind : NULL;
	rv->bind_ctx = where ? ctx : NULL;
	rv_reload(rv);
	return 0;
}

/* The counts under new conditions, or -1 with nothing changed: the caller
 * has already put the new conditions in place and restores them on -1. */
static int recount(struct regview *rv)
{
	int c[2];
	if (count_sections(rv, rv->where, c))
		return -1;
	win_clear(rv);
	rv->gen++;
	rv->count[0] = c[0];
	rv->count[1] = c[1];
	return 0;
}

int rv_set_facets(struct regview *rv, const struct rv_facets *f)
{
	struct rv_facets old = rv->facets;
	rv->facets = *f;
	if (rv->facets.section > 1)
		rv->facets.section = -1;
	if (recount(rv)) {
		rv->facets = old;
		return -1;
	}
	return 0;
}

const struct rv_facets *rv_facets(const struct regview *rv) { return &rv->facets; }

int rv_facet_count(const struct regview *rv)
{
	const struct rv_facets *f = &rv->facets;
	return (f->section >= 0) + (f->body_id != 0) + (f->level[0] != 0) + (f->profile[0] != 0);
}

#define FACET_BODIES(L) \
	"SELECT b.id FROM body b WHERE b.id IN (SELECT body_id FROM reg_row " \
	"WHERE version_id = :v) ORDER BY b.short_" L " COLLATE " L

int rv_facet_bodies(const struct regview *rv, int64_t *ids, int max)
{
	static const char *const sql[2] = {FACET_BODIES("kk"), FACET_BODIES("ru")};
	sqlite3_stmt *st = db_prep(rv->db, sql[rv->lang[0] == 'r']);
	if (!st)
		return -1;
	db_int(st, ":v", rv->version);
	int n = 0;
	while (n < max && db_step(rv->db, st) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int rv_facet_levels(const struct regview *rv, char (*levels)[8], int max)
{
	sqlite3_stmt *st = db_prep(rv->db, "SELECT DISTINCT level FROM reg_row "
	                                   "WHERE version_id = :v ORDER BY level");
	if (!st)
		return -1;
	db_int(st, ":v", rv->version);
	int n = 0;
	while (n < max && db_step(rv->db, st) == SQLITE_ROW)
		snprintf(levels[n++], sizeof levels[0], "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	return n;
}

int rv_set_search(struct regview *rv, const char *query)
{
	struct search s;
	char *q = strdup(query ? query : "");
	if (!q || search_init(&s, SEARCH_REG, q)) {
		free(q);
		return -1;
	}
	if (s.kind == SEARCH_ALL)
		q[0] = 0;
	char *oq = rv->query;
	struct search os = rv->search;
	rv->query = q;
	rv->search = s;
	fill_hits(rv, 1);
	if (recount(rv)) {
		rv->query = oq;
		rv->search = os;
		search_free(&s);
		free(q);
		fill_hits(rv, 0);
		return -1;
	}
	free(oq);
	search_free(&os);
	return 0;
}

const char *rv_search(const struct regview *rv) { return rv->query; }

int rv_set_sort(struct regview *rv, enum rv_sort by, int desc)
{
	if ((int)by < 0 || by >= RV_NSORT)
		return -1;
	win_clear(rv);
	rv->gen++;
	rv->sort = by;
	rv->desc = desc != 0;
	return 0;
}

enum rv_sort rv_sort_by(const struct regview *rv) { return rv->sort; }
int rv_sort_desc(const struct regview *rv) { return rv->desc; }

int rv_count(const struct regview *rv, int section)
{
	return section == 0 || section == 1 ? rv->count[section] : 0;
}

int rv_rows(const struct regview *rv) { return rv->count[0] + rv->count[1]; }
int rv_lines(const struct regview *rv) { return rv_rows(rv) + 2; }

int rv_line_of_row(const struct regview *rv, int n)
{
	if (n < 0 || n >= rv_rows(rv))
		return -1;
	return n < rv->count[0] ? n + 1 : n + 2;
}

int rv_row_of_line(const struct regview *rv, int line)
{
	if (line <= 0 || line == rv->count[0] + 1 || line >= rv_lines(rv))
		return -1;
	return line <= rv->count[0] ? line - 1 : line - 2;
}

int rv_section_of_line(const struct regview *rv, int line)
{
	return line <= rv->count[0] ? 0 : 1;
}

/* The ORDER BY of a sort over the reg_row alias t and the body alias b
 * (and for the official order reg_place, pl beside reg_row, p beside r).
 * Name, code and number orders walk the indexes; the others sort. */
static void order_by(const struct regview *rv, const char *t, char *buf, size_t len)
{
	const char *l = rv->lang, *d = rv->desc ? " DESC" : "";
	if (rv->sort == RV_BY_NUMBER) {   /* the official number, over reg_place pl (inner) or p */
		snprintf(buf, len, "%s.num%s, %s.id%s", strcmp(t, "r") ? "pl" : "p", d, t, d);
		return;
	}
	if (rv->sort == RV_BY_CODE) {   /* code and level are unique: the index's own order */
		snprintf(buf, len, "%s.nkz_code%s, %s.level%s, %s.id%s", t, d, t, d, t, d);
		return;
	}
	if (rv->sort == RV_BY_NAME) {   /* the name index's own order, to its last column */
		snprintf(buf, len, "%s.sort_%s%s, %s.level%s, %s.fold_kk%s, %s.fold_ru%s, %s.id%s", t, l,
		         d, t, d, t, d, t, d, t, d);
		return;
	}
	char first[160];
	if (rv->sort == RV_BY_BASIS)
		snprintf(first, sizeof first, "%s.basis_%s COLLATE %s%s, ", t, l, l, d);
	else if (rv->sort == RV_BY_VALIDITY)
		snprintf(first, sizeof first, "%s.validity = 0%s, %s.validity%s, ", t, d, t, d);
	else if (rv->sort == RV_BY_BODY)
		snprintf(first, sizeof first, "b.short_%s COLLATE %s%s, ", l, l, d);
	else
		snprintf(first, sizeof first, "%s.%s%s, ", t, rv->sort == RV_BY_LEVEL ? "level" : "profile", d);
	snprintf(buf, len, "%s%s.sort_%s%s, %s.level%s, %s.id%s", first, t, l, d, t, d, t, d);
}

static void mark_line(const struct regview *rv, struct rv_line *x)
{
	x->mark = -1;
	x->mark_len = 0;
	x->code_mark = 0;
	if (!*rv->query)
		return;
	if (rv->search.kind == SEARCH_CODE) {
		size_t n = strlen(rv->search.code);
		if (!strncmp(x->code, rv->search.code, n))
			x->code_mark = (int)n;
		return;
	}
	size_t off, len;
	if (search_find(x->name, rv->query, &off, &len)) {
		x->mark = (int)off;
		x->mark_len = (int)len;
	}
}

/* A page of a name search with many matches is read by walking the
 * section's name index (from the end, for a page past the middle) and
 * testing each entry: the folded names are in that index (schema 6), so no
 * row is read, and the walk stops when the page is full.  With few matches,
 * the list of matches is built and only those are sorted. */
enum { WALK_MIN_MATCHES = 500 };

/* A prefix of one or two letters (search.h's walk: no code starts with
 * it) with up to RANGES_MAX_MATCHES matches in a section may be read from
 * the two ranges of the folded-name indexes that hold them, which hold
 * what the name order needs too (schema 15), sorted and cut to the page:
 * the cost follows the matches.  A walk's follows where they sit in the
 * name order.  Those found by the other language's name alone are spread
 * through it; the others sit together, where the alphabet puts them ("сл":
 * 3,900 matches at 100,000 rows, the first 35,000 entries into the walk).
 * So the walk is taken when the spread matches alone would fill the page
 * within WALK_MAX_ENTRIES entries, or the matches are too many to sort. */
enum { RANGES_MAX_MATCHES = 8000, WALK_MAX_ENTRIES = 4000 };

static int by_name_alone(const struct regview *rv)
{
	return *rv->query && rv->sort == RV_BY_NAME && rv->search.walk && !rv->facets.body_id &&
	       !rv->facets.level[0] && !rv->facets.profile[0] && !rv->where;
}

/* For the page of section s that ends end rows from where the walk starts. */
static int by_ranges(struct regview *rv, int s, int end)
{
	if (!by_name_alone(rv) || rv->search.kind != SEARCH_PREFIX || !prefix_kept(rv) ||
	    rv->count[s] > RANGES_MAX_MATCHES)
		return 0;
	int spread = regprefix_spread(&rv->prefix, rv->lang, s);
	return !spread || (int64_t)end * section_total(rv, s) / spread > WALK_MAX_ENTRIES;
}

/* Where a walk of section s's name order may start for a search of one or
 * two letters (regprefix_walk_start: 0 none, 1 a start, 2 a start with
 * every match after it together), so that the walk does not pass every
 * name before the first match ("м" at 100,000 rows: 20,000 entries).  Not
 * for the order reversed. */
static int walk_start(struct regview *rv, int s, unsigned char **key, int *len)
{
	*key = NULL;
	if (!by_name_alone(rv) || rv->desc || rv->search.kind != SEARCH_PREFIX || !prefix_kept(rv))
		return 0;
	return regprefix_walk_start(&rv->prefix, rv->db, &rv->search, rv->lang, s, key, len);
}

static int may_walk(const struct regview *rv, int s)
{
	return by_name_alone(rv) && rv->count[s] >= WALK_MIN_MATCHES;
}

/* The rows of the two ranges, each once, as a table reg_row (no row read);
 * the Russian range only when the first letters' counts say that it holds
 * a match the Kazakh one does not (where the two names of a row start
 * alike, it would be read for nothing). */
#define RANGE_KK \
	"(SELECT id, version_id, section, sort_kk, sort_ru, level, fold_kk, fold_ru " \
	"FROM reg_row INDEXED BY reg_row_fold_kk WHERE version_id = :v " \
	"AND fold_kk >= :search_q AND fold_kk < :search_hi"
static const char ranges_from[] = RANGE_KK
	" UNION ALL SELECT id, version_id, section, sort_kk, sort_ru, level, fold_kk, fold_ru "
	"FROM reg_row INDEXED BY reg_row_fold_ru WHERE version_id = :v "
	"AND fold_ru >= :search_q AND fold_ru < :search_hi "
	"AND NOT (fold_kk >= :search_q AND fold_kk < :search_hi)) AS reg_row";
static const char range_kk_from[] = RANGE_KK ") AS reg_row";

/* Every row carries its official number, whatever the order. */
#define FETCH_COLS \
	"SELECT r.id, r.nkz_code, r.name_%s, r.basis_%s, r.level, r.validity, " \
	"r.profile, b.short_%s, coalesce(p.num, 0) FROM "
#define FETCH_JOINS \
	" JOIN reg_row r ON r.id = w.id JOIN body b ON b.id = r.body_id " \
	"LEFT JOIN reg_place p ON p.row_id = r.id "

/* A line of section s from st's row (FETCH_COLS). */
static void fetch_line(const struct regview *rv, sqlite3_stmt *st, int s, struct rv_line *x)
{
	memset(x, 0, sizeof *x);
	x->kind = RV_ROW;
	x->section = s;
	x->num = sqlite3_column_int(st, 8);
	x->id = sqlite3_column_int64(st, 0);
	snprintf(x->code, sizeof x->code, "%s", db_col_text(st, 1));
	x->name = dup(db_col_text(st, 2));
	x->basis = dup(db_col_text(st, 3));
	snprintf(x->level, sizeof x->level, "%s", db_col_text(st, 4));
	x->validity = sqlite3_column_int(st, 5);
	snprintf(x->profile, sizeof x->profile, "%s", db_col_text(st, 6));
	x->body = dup(db_col_text(st, 7));
	mark_line(rv, x);
}

/* A page of a search's matches in memory (regsearch.h), ranked, or the
 * other way round: each row read by its id.  The count or -1. */
static int fetch_hits(struct regview *rv, int s, int offset, int n, struct rv_line *out)
{
	static const char *const sql[2] = {
		"SELECT r.id, r.nkz_code, r.name_kk, r.basis_kk, r.level, r.validity, r.profile, "
		"b.short_kk, coalesce(p.num, 0) FROM reg_row r JOIN body b ON b.id = r.body_id "
		"LEFT JOIN reg_place p ON p.row_id = r.id WHERE r.id = :id AND r.version_id = :v",
		"SELECT r.id, r.nkz_code, r.name_ru, r.basis_ru, r.level, r.validity, r.profile, "
		"b.short_ru, coalesce(p.num, 0) FROM reg_row r JOIN body b ON b.id = r.body_id "
		"LEFT JOIN reg_place p ON p.row_id = r.id WHERE r.id = :id AND r.version_id = :v",
	};
	sqlite3_stmt *st = db_cached(rv->db, sql[rv->lang[0] == 'r']);
	if (!st)
		return -1;
	int count = regsearch_count(&rv->hits, s), k = 0;
	for (int i = offset; i < offset + n && i < count; i++) {
		int64_t id = regsearch_id(&rv->hits, s, rv->desc ? count - 1 - i : i);
		db_int(st, ":id", id);
		db_int(st, ":v", rv->version);
		int rc = db_step(rv->db, st);
		if (rc == SQLITE_ROW)
			fetch_line(rv, st, s, &out[k++]);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)   /* the row vanished since the search: stop here */
			break;
	}
	return k;
}

/* Reads up to n rows of section s from its offset into out; returns the
 * count or -1.  The inner query walks only the sort index, so that a far
 * offset costs an index scan, not a body lookup per skipped row. */
static int fetch(struct regview *rv, int s, int offset, int n, struct rv_line *out)
{
	if (rv->sort == RV_BY_NAME && hits_alone(rv, rv->where))
		return fetch_hits(rv, s, offset, n, out);
	const char *l = rv->lang;
	char sql[4096], cond[1024], inner[256], outer[256], from[sizeof ranges_from];
	/* OFFSET steps over every row before the window: past the middle of a
	 * section, walk the index from the section's end instead, so that End
	 * costs what Home does.  The outer ORDER BY puts the rows back. */
	unsigned char *start = NULL;
	int start_len = 0, started = walk_start(rv, s, &start, &start_len);
	int together = started == 2;
	/* Past the middle, from the section's end all the same: the matches
	 * after the page may be more than the names after the matches. */
	int skip = offset, back = offset > rv->count[s] - offset - n;
	if (back) {
		skip = rv->count[s] - offset - n;
		if (skip < 0)
			skip = 0;
	}
	int ranges = !together && by_ranges(rv, s, skip + n);
	int walk = together || (!ranges && may_walk(rv, s));
	started = walk && started;
	conditions(rv, rv->where, walk ? COND_WALK : ranges ? COND_NO_SEARCH : COND_SEARCH, cond,
	           sizeof cond);
	if (started) {
		size_t c = strlen(cond);
		snprintf(cond + c, sizeof cond - c, " AND reg_row.sort_%s >= :start", l);
	}
	if (back)
		rv->desc = !rv->desc;
	order_by(rv, "reg_row", inner, sizeof inner);
	if (back)
		rv->desc = !rv->desc;
	order_by(rv, "r", outer, sizeof outer);
	if (ranges)
		snprintf(from, sizeof from, "%s", rv->prefix.ru_only[s] ? ranges_from : range_kk_from);
	else
		snprintf(from, sizeof from, "reg_row%s%s", walk ? " INDEXED BY reg_row_sort_" : "",
		         walk ? l : "");
	int n0 = snprintf(sql, sizeof sql, FETCH_COLS, l, l, l);
	if (rv->sort == RV_BY_NUMBER && !*cond) {   /* the numbers' index alone */
		const char *d = rv->desc != back ? " DESC" : "";
		snprintf(sql + n0, sizeof sql - (size_t)n0,
		         "(SELECT pl.row_id AS id FROM reg_place pl WHERE pl.version_id = :v "
		         "AND pl.section = :s ORDER BY pl.num%s, pl.row_id%s LIMIT :n OFFSET :o) w%s"
		         "ORDER BY %s", d, d, FETCH_JOINS, outer);
	} else {
		snprintf(sql + n0, sizeof sql - (size_t)n0,
		         "(SELECT reg_row.id FROM %s%s%s "
		         "WHERE reg_row.version_id = :v AND reg_row.section = :s%s%s "
		         "ORDER BY %s LIMIT :n OFFSET :o) w%sORDER BY %s",
		         from, rv->sort == RV_BY_BODY ? " JOIN body b ON b.id = reg_row.body_id" : "",
		         rv->sort == RV_BY_NUMBER ? " JOIN reg_place pl ON pl.row_id = reg_row.id" : "",
		         rv->sort == RV_BY_NUMBER ? " AND pl.version_id = :v AND pl.section = :s" : "",
		         cond, inner, FETCH_JOINS, outer);
	}
	sqlite3_stmt *st = db_cached_copy(rv->db, sql);
	if (!st) {
		free(start);
		return -1;
	}
	db_int(st, ":v", rv->version);
	db_text(st, ":s", section_key[s]);
	db_int(st, ":n", n);
	db_int(st, ":o", skip);
	if (started)
		db_blob(st, ":start", start, start_len);
	free(start);
	bind_conditions(rv, st, rv->where);
	int k = 0, rc;
	while (k < n && (rc = db_step(rv->db, st)) == SQLITE_ROW)
		fetch_line(rv, st, s, &out[k++]);
	sqlite3_reset(st);
	return k;
}

static void title_line(struct rv_line *x, int s)
{
	memset(x, 0, sizeof *x);
	x->kind = RV_TITLE;
	x->section = s;
	x->name = dup("");
	x->basis = dup("");
	x->body = dup("");
}

int rv_window(struct regview *rv, int first, int n)
{
	win_clear(rv);
	int total = rv_lines(rv);
	if (first < 0)
		first = 0;
	if (n > total - first)
		n = total - first;
	if (n <= 0) {
		rv->first = first;
		return 0;
	}
	if (n > rv->cap) {
		struct rv_line *w = realloc(rv->win, (size_t)n * sizeof *w);
		if (!w)
			return -1;
		rv->win = w;
		rv->cap = n;
	}
	rv->first = first;
	/* Walk the window section by section: a title line, then the rows. */
	int line = first, end = first + n;
	for (int s = 0; s < 2 && line < end; s++) {
		int title = s == 0 ? 0 : rv->count[0] + 1;
		int last = title + rv->count[s];          /* the section's last line */
		if (line > last)
			continue;
		if (line == title) {
			title_line(&rv->win[rv->n++], s);
			line++;
		}
		int want = (last < end - 1 ? last : end - 1) - line + 1;
		if (want > 0) {
			int got = rv->version ? fetch(rv, s, line - title - 1, want, &rv->win[rv->n]) : 0;
			if (got < 0)
				return -1;
			rv->n += got;
			line += want;
			if (got < want)       /* rows vanished since the count: stop here */
				break;
		}
	}
	return rv->n;
}

const struct rv_line *rv_line(const struct regview *rv, int line)
{
	if (line < rv->first || line >= rv->first + rv->n)
		return NULL;
	return &rv->win[line - rv->first];
}

unsigned rv_generation(const struct regview *rv) { return rv->gen; }

int rv_row_index(struct regview *rv, int64_t id)
{
	if (!rv->version || !id)
		return -1;
	if (rv->sort == RV_BY_NAME && hits_alone(rv, rv->where)) {   /* fetch_hits' order */
		int s, i = regsearch_rank(&rv->hits, id, &s);
		if (i < 0 || i >= rv->count[s])
			return -1;
		return (s ? rv->count[0] : 0) + (rv->desc ? rv->count[s] - 1 - i : i);
	}
	sqlite3_stmt *st = db_prep(rv->db, "SELECT section = 'voluntary' FROM reg_row "
	                                   "WHERE id = :id AND version_id = :v");
	if (!st)
		return -1;
	db_int(st, ":id", id);
	db_int(st, ":v", rv->version);
	int s = db_step(rv->db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (s < 0 || !rv->count[s])
		return -1;
	/* The row's place in its section under the order and conditions that
	 * fetch() reads the section with. */
	char sql[4096], cond[1024], order[256];
	conditions(rv, rv->where, COND_SEARCH, cond, sizeof cond);
	order_by(rv, "reg_row", order, sizeof order);
	snprintf(sql, sizeof sql,
	         "SELECT rn FROM (SELECT reg_row.id, row_number() OVER (ORDER BY %s) AS rn "
	         "FROM reg_row%s%s WHERE reg_row.version_id = :v AND reg_row.section = :s%s) "
	         "WHERE id = :id",
	         order, rv->sort == RV_BY_BODY ? " JOIN body b ON b.id = reg_row.body_id" : "",
	         rv->sort == RV_BY_NUMBER ? " JOIN reg_place pl ON pl.row_id = reg_row.id" : "", cond);
	st = db_prep(rv->db, sql);
	if (!st)
		return -1;
	db_int(st, ":v", rv->version);
	db_text(st, ":s", section_key[s]);
	db_int(st, ":id", id);
	rv->search.version = rv->version;
	bind_conditions(rv, st, rv->where);
	int rn = db_step(rv->db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rn <= 0 || rn > rv->count[s])
		return -1;
	return (s ? rv->count[0] : 0) + rn - 1;
}
