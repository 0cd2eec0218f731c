/* Search and paging as rewritten for a hundred times the real size: windows
 * read from a section's end agree with windows read from its start, one
 * count query per search gives each section's matches within the version on
 * view, the name-only trigram index, and bulk writes that index once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/store.h"
#include "harness.h"
#include "base/i18n.h"
#include "view/regview.h"
#include "domain/search.h"
#include "base/text.h"

static char path[64];

static tz_db *fresh_db(void)
{
	snprintf(path, sizeof path, "/tmp/tz-searchload-%d.db", (int)getpid());
	unlink(path);
	char err[256] = "";
	tz_db *db = store_connect(path, 1, err, sizeof err);
	CHECK(db != NULL, "db_open: %s", err);
	return db;
}

static void drop_db(tz_db *db)
{
	db_close(db);
	char p[80];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static void exec(tz_db *db, const char *sql)
{
	CHECK(db_script(db, sql) == 0, "script failed: %s: %s", db_errmsg(db), sql);
}

static const char *const kk_noun[] = {"Слесарь", "Механик", "Оператор", "Жөндеуші", "Әнші",
                                      "Ұста", "Сатушы"};
static const char *const ru_noun[] = {"Слесарь", "Механик", "Оператор", "Ремонтник", "Певец",
                                      "Мастер", "Продавец"};
#define NOUNS 7
#define ROWS 240

/* ROWS rows in draft 2, half as many in published 1 (all "Слесарь"), so a
 * search that leaked across versions would count too many. */
static void seed(tz_db *db)
{
	exec(db,
	     "INSERT INTO nrk_level(code, base, descr_kk, descr_ru) VALUES "
	     " ('3', 3, 'д3', 'о3'), ('4', 4, 'д4', 'о4');"
	     "INSERT INTO body(id, code, name_kk, name_ru, short_kk, short_ru) VALUES "
	     " (1, 'b1', 'Министрлік', 'Министерство', 'М', 'М');"
	     "INSERT INTO reg_version(id, state, title, created) VALUES "
	     " (1, 'draft', '2024', '2024-01-01T00:00:00Z');");
	sqlite3_stmt *nk = db_prep(db, "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) "
	                               "VALUES (:c, 6, :kk, :ru, tz_fold(:kk), tz_fold(:ru))");
	sqlite3_stmt *rr = db_prep(db,
		"INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
		"basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
		"VALUES (:v, :s, :c, :kk, :ru, 'Н', 'О', :l, 5, 1, 't', "
		"tz_fold(:kk), tz_fold(:ru), tz_sortkey('kk', :kk), tz_sortkey('ru', :ru))");
	CHECK(nk && rr, "prepare: %s", db_errmsg(db));
	if (!nk || !rr)
		exit(tz_test_done() | 1);
	for (int v = 0; v <= 2; v++) {
		if (v == 2)
			exec(db, "UPDATE reg_version SET state = 'published', published = '2024-05-01' "
			         "WHERE id = 1; INSERT INTO reg_version(id, state, title, created) VALUES "
			         " (2, 'draft', '2025', '2025-01-01T00:00:00Z');");
		for (int i = 0; i < ROWS; i++) {
			char code[16], kk[64], ru[64];
			snprintf(code, sizeof code, "7%03d-1-001", i);
			snprintf(kk, sizeof kk, "%s %d", kk_noun[i % NOUNS], i);
			snprintf(ru, sizeof ru, "%s %d", ru_noun[i % NOUNS], i);
			sqlite3_stmt *st = v ? rr : nk;
			if (v == 1 && i % 2)
				continue;
			db_text(st, ":c", code);
			db_text(st, ":kk", v == 1 ? "Слесарь" : kk);
			db_text(st, ":ru", v == 1 ? "Слесарь" : ru);
			if (v) {
				db_int(rr, ":v", v);
				db_text(rr, ":s", i % 3 ? "mandatory" : "voluntary");
				db_text(rr, ":l", i % 2 ? "4" : "3");
			}
			CHECK(db_step(db, st) == SQLITE_DONE, "%d %s: %s", v, code, db_errmsg(db));
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(nk);
	sqlite3_finalize(rr);
}

static void test_schema(tz_db *db)
{
	CHECK_INT(db_int_query(db, "PRAGMA user_version", -1), TZ_SCHEMA_VERSION);
	/* Codes are found through their own indexes: the trigram indexes hold names. */
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM pragma_table_info('reg_fts')", -1), 2);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM pragma_table_info('nkz_fts')", -1), 2);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM pragma_table_info('reg_fts') "
	                           "WHERE name = 'nkz_code'", -1), 0);
}

/* One line as "section/num/name/code" for comparing windows. */
static void line_str(const struct rv_line *l, char *buf, size_t len)
{
	if (!l)
		snprintf(buf, len, "(none)");
	else
		snprintf(buf, len, "%d/%d/%s/%s", l->section, l->num, l->kind == RV_TITLE ? "#" : l->name,
		         l->code);
}

/* Every window of n lines, wherever it starts (and so whichever end of a
 * section it is read from), shows what the one window of all lines shows. */
static void check_windows(struct regview *rv, int n, const char *what)
{
	int total = rv_lines(rv);
	char **all = calloc((size_t)total, sizeof *all);
	CHECK_INT(rv_window(rv, 0, total), total);
	for (int i = 0; i < total; i++) {
		char b[128];
		line_str(rv_line(rv, i), b, sizeof b);
		all[i] = strdup(b);
	}
	int bad = 0;
	for (int first = 0; first < total && !bad; first += 3) {
		int got = rv_window(rv, first, n);
		int want = total - first < n ? total - first : n;
		if (got != want) {
			CHECK(0, "%s: window at %d: %d lines, want %d", what, first, got, want);
			bad = 1;
		}
		for (int i = first; i < first + got && !bad; i++) {
			char b[128];
			line_str(rv_line(rv, i), b, sizeof b);
			if (strcmp(b, all[i])) {
				CHECK(0, "%s: line %d in window at %d: %s, want %s", what, i, first, b, all[i]);
				bad = 1;
			}
		}
	}
	CHECK(!bad, "%s: windows agree", what);
	for (int i = 0; i < total; i++)
		free(all[i]);
	free(all);
}

static void test_windows(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	CHECK_INT(rv_version(rv), 2);
	CHECK_INT(rv_count(rv, 0), ROWS - ROWS / 3);
	CHECK_INT(rv_count(rv, 1), ROWS / 3);
	check_windows(rv, 10, "by name");
	/* The last window of the register in its official order: numbered to
	 * the section's end. */
	rv_set_sort(rv, RV_BY_NUMBER, 0);
	rv_window(rv, rv_lines(rv) - 5, 5);
	const struct rv_line *last = rv_line(rv, rv_lines(rv) - 1);
	CHECK(last && last->num == ROWS / 3, "last row numbered %d", last ? last->num : -1);
	check_windows(rv, 10, "by number");
	rv_set_sort(rv, RV_BY_NAME, 0);
	rv_set_sort(rv, RV_BY_NAME, 1);
	check_windows(rv, 7, "by name, descending");
	rv_set_sort(rv, RV_BY_CODE, 0);
	check_windows(rv, 10, "by code");
	rv_set_sort(rv, RV_BY_LEVEL, 1);
	check_windows(rv, 9, "by level, descending");
	rv_set_sort(rv, RV_BY_NAME, 0);
	CHECK_INT(rv_set_search(rv, "сл"), 0);
	check_windows(rv, 4, "searching сл");
	rv_close(rv);
}

/* Matches of query in draft 2 per section, counted the slow, obvious way. */
static int expected(tz_db *db, const char *query, const char *section)
{
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM reg_row WHERE version_id = 2 AND section = '%s' AND "
	         "(instr(fold_kk, tz_fold('%s')) > 0 OR instr(fold_ru, tz_fold('%s')) > 0)",
	         section, query, query);
	return (int)db_int_query(db, sql, -1);
}

static void test_counts(tz_db *db)
{
	struct regview *rv = rv_open(db);
	/* Two letters: a prefix of either name; the published version's many
	 * "Слесарь" rows must not count in the draft. */
	CHECK_INT(rv_set_search(rv, "Сл"), 0);
	int m = expected(db, "сл", "mandatory");
	CHECK(m > 0, "some mandatory Слесарь rows");
	CHECK_INT(rv_count(rv, 0), m);
	CHECK_INT(rv_count(rv, 1), expected(db, "сл", "voluntary"));
	/* A letter the Russian names start with, not the Kazakh ones. */
	CHECK_INT(rv_set_search(rv, "п"), 0);
	CHECK_INT(rv_count(rv, 0) + rv_count(rv, 1),
	          expected(db, "певец", "mandatory") + expected(db, "певец", "voluntary") +
	          expected(db, "продавец", "mandatory") + expected(db, "продавец", "voluntary"));
	/* Three letters and more: the trigram index, inside a name. */
	CHECK_INT(rv_set_search(rv, "ханик"), 0);
	CHECK_INT(rv_count(rv, 0), expected(db, "ханик", "mandatory"));
	CHECK_INT(rv_count(rv, 1), expected(db, "ханик", "voluntary"));
	CHECK(rv_rows(rv) > 0, "механик found");
	/* The digits of a code no longer match names through the index. */
	CHECK_INT(rv_set_search(rv, "7012"), 0);
	CHECK_INT(rv_rows(rv), 1);
	/* A facet narrows the single count query to one section. */
	struct rv_facets f = {.section = 1};
	CHECK_INT(rv_set_search(rv, "ханик"), 0);
	CHECK_INT(rv_set_facets(rv, &f), 0);
	CHECK_INT(rv_count(rv, 0), 0);
	CHECK_INT(rv_count(rv, 1), expected(db, "ханик", "voluntary"));
	/* A one- or two-letter search is counted from the indexes, range by
	 * range: with a level chosen too, rows whose Kazakh and Russian names
	 * both match still count once. */
	struct rv_facets lv = {.section = -1, .level = "4"};
	CHECK_INT(rv_set_facets(rv, &lv), 0);
	CHECK_INT(rv_set_search(rv, "сл"), 0);
	CHECK_INT(rv_count(rv, 0), (int)db_int_query(db, "SELECT count(*) FROM reg_row "
	          "WHERE version_id = 2 AND section = 'mandatory' AND level = '4' AND "
	          "(substr(fold_kk, 1, 2) = 'сл' OR substr(fold_ru, 1, 2) = 'сл')", -1));
	CHECK(rv_count(rv, 0) > 0, "some level-4 Слесарь rows");
	check_windows(rv, 5, "searching сл at level 4");
	/* The published version: its own rows only. */
	f.section = -1;
	rv_set_facets(rv, &f);
	CHECK_INT(rv_set_search(rv, "сл"), 0);
	CHECK_INT(rv_set_version(rv, 1), 0);
	CHECK_INT(rv_rows(rv), ROWS / 2);
	rv_close(rv);

	struct search s;
	CHECK_INT(search_init(&s, SEARCH_REG, "сл"), 0);
	sqlite3_stmt *st = search_ids(db, &s, 1, "kk");
	int n = 0;
	while (st && db_step(db, st) == SQLITE_ROW)
		n++;
	sqlite3_finalize(st);
	search_free(&s);
	CHECK_INT(n, ROWS / 2);
}

/* Rows holding every trigram of word: the classifier's index keeps no
 * positions (schema 16), so it is asked for single trigrams, as search asks. */
static int nkz_hits(tz_db *db, const char *word)
{
	char expr[512] = "";
	size_t at[128], n = 0, used = 0;
	unsigned cp;
	for (const char *p = word; *p && n < 127; n++) {
		at[n] = (size_t)(p - word);
		p += text_next(p, &cp);
	}
	at[n] = strlen(word);
	for (size_t i = 0; i + 3 <= n; i++)
		used += (size_t)snprintf(expr + used, sizeof expr - used, "%s\"%.*s\"", i ? " AND " : "",
		                         (int)(at[i + 3] - at[i]), word + at[i]);
	sqlite3_stmt *st = db_prep(db, "SELECT count(*) FROM nkz_fts WHERE nkz_fts MATCH :q");
	db_text(st, ":q", expr);
	int k = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return k;
}

static void add_nkz(tz_db *db, const char *code, const char *name)
{
	sqlite3_stmt *st = db_prep(db, "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) "
	                               "VALUES (:c, 6, :n, :n, tz_fold(:n), tz_fold(:n))");
	db_text(st, ":c", code);
	db_text(st, ":n", name);
	CHECK(db_run(db, st) == 0, "nkz %s: %s", code, db_errmsg(db));
}

static void test_deferred(tz_db *db)
{
	/* Row by row, as an edit does: indexed at once. */
	add_nkz(db, "9001-1-001", "Гончар");
	CHECK_INT(nkz_hits(db, "гончар"), 1);

	/* A bulk write: nothing indexed until the end, then all of it. */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(search_defer_index(db), 0);
	add_nkz(db, "9001-1-002", "Стеклодув");
	add_nkz(db, "9001-1-003", "Стеклодув второй");
	exec(db, "UPDATE nkz SET fold_kk = tz_fold('Кузнец'), name_kk = 'Кузнец' "
	         "WHERE code = '9001-1-001'");
	CHECK_INT(nkz_hits(db, "стеклодув"), 0);
	CHECK_INT(search_reindex(db, SEARCH_NKZ), 0);
	CHECK_INT(db_commit(db), 0);
	CHECK_INT(nkz_hits(db, "стеклодув"), 2);
	CHECK_INT(nkz_hits(db, "кузнец"), 1);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM meta WHERE key = 'fts_deferred'", -1), 0);
	/* And the triggers work again after it. */
	add_nkz(db, "9001-1-004", "Бондарь");
	CHECK_INT(nkz_hits(db, "бондарь"), 1);

	/* A bulk write that fails: the rollback restores the triggers too. */
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(search_defer_index(db), 0);
	add_nkz(db, "9001-1-005", "Шорник");
	db_rollback(db);
	add_nkz(db, "9001-1-006", "Шорник");
	CHECK_INT(nkz_hits(db, "шорник"), 1);
	CHECK_INT(db_exec(db, "INSERT INTO nkz_fts(nkz_fts, rank) VALUES ('integrity-check', 1)"), 0);
	CHECK_INT(db_exec(db, "INSERT INTO reg_fts(reg_fts, rank) VALUES ('integrity-check', 1)"), 0);
}

/* The ids of the first n matches in name order, the slow, obvious way. */
static void brute_ids(tz_db *db, const char *cond, const char *section, int desc, int n,
                      char *buf, size_t len, const char *lang)
{
	char sql[768];
	snprintf(sql, sizeof sql,
	         "SELECT group_concat(id, ' ') FROM (SELECT id FROM reg_row NOT INDEXED "
	         "WHERE version_id = 2 AND section = '%s' AND (%s) "
	         "ORDER BY sort_%s %s, level %s, id %s LIMIT %d)", section, cond, lang,
	         desc ? "DESC" : "", desc ? "DESC" : "", desc ? "DESC" : "", n);
	sqlite3_stmt *st = db_prep(db, sql);
	buf[0] = 0;
	if (st && db_step(db, st) == SQLITE_ROW)
		snprintf(buf, len, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
}

static void window_ids(struct regview *rv, int first, int n, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = 0;
	rv_window(rv, first, n);
	for (int i = first; i < first + n; i++) {
		const struct rv_line *l = rv_line(rv, i);
		if (l && l->kind == RV_ROW && o < len)
			o += (size_t)snprintf(buf + o, len - o, "%s%lld", o ? " " : "", (long long)l->id);
	}
}

/* Many matches: a page is read by walking the name index and testing the
 * folded names kept in it.  Its rows are the first matches in name order,
 * from the start and from the end of a section, for a prefix and for a
 * search inside names. */
static void test_walk(tz_db *db)
{
	sqlite3_stmt *rr = db_prep(db,
		"INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
		"basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
		"VALUES (2, 'mandatory', :c, :kk, :ru, 'Н', 'О', '3', 5, 1, 't', "
		"tz_fold(:kk), tz_fold(:ru), tz_sortkey('kk', :kk), tz_sortkey('ru', :ru))");
	db_begin(db);
	for (int i = 0; i < 1600; i++) {
		char code[16], kk[64], ru[64];
		snprintf(code, sizeof code, "8%03d-%d-001", i % 1000, 1 + i / 1000);
		/* Kazakh names spread over the alphabet, a Russian one starting with
		 * "сл" on every third row. */
		snprintf(kk, sizeof kk, "%s %d", kk_noun[(i * 5) % NOUNS], i);
		snprintf(ru, sizeof ru, "%s %d", i % 3 ? ru_noun[(i * 5) % NOUNS] : "Слесарь", i);
		sqlite3_stmt *nk = db_cached(db, "INSERT OR IGNORE INTO nkz(code, level, name_kk, name_ru, "
		                                 "fold_kk, fold_ru) VALUES (:c, 6, 'к', 'п', 'к', 'п')");
		db_text(nk, ":c", code);
		int ok = db_step(db, nk) == SQLITE_DONE;
		sqlite3_reset(nk);
		db_text(rr, ":c", code);
		db_text(rr, ":kk", kk);
		db_text(rr, ":ru", ru);
		ok = ok && db_step(db, rr) == SQLITE_DONE;
		sqlite3_reset(rr);
		if (!ok) {
			CHECK(0, "%s: %s", code, db_errmsg(db));
			break;
		}
	}
	db_commit(db);
	sqlite3_finalize(rr);
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	static const struct {
		const char *query, *cond;
	} q[] = {
		{"сл", "substr(fold_kk, 1, 2) = 'сл' OR substr(fold_ru, 1, 2) = 'сл'"},
		{"лесар", "instr(fold_kk, 'лесар') OR instr(fold_ru, 'лесар')"},
	};
	size_t nq = sizeof q / sizeof *q;
	for (size_t i = 0; i < 2 * nq; i++) {
		/* Each query in the Kazakh alphabet's order, then in the Russian. */
		size_t k = i % nq;
		const char *lang = i < nq ? "kk" : "ru";
		rv_set_lang(rv, lang);
		CHECK_INT(rv_set_search(rv, q[k].query), 0);
		CHECK(rv_count(rv, 0) >= 500, "%s: %d mandatory matches", q[k].query, rv_count(rv, 0));
		char want[2048], got[2048];
		brute_ids(db, q[k].cond, "mandatory", 0, 20, want, sizeof want, lang);
		window_ids(rv, 1, 20, got, sizeof got);
		CHECK_STR(got, want);
		/* The section's last 20, read from its end. */
		brute_ids(db, q[k].cond, "mandatory", 1, 20, want, sizeof want, lang);
		window_ids(rv, rv_count(rv, 0) - 19, 20, got, sizeof got);
		char rev[2064] = "";
		/* want is in descending order: compare as sets of the same size. */
		size_t nw = 0, ng = 0;
		for (char *p = want; *p; p++) nw += *p == ' ';
		for (char *p = got; *p; p++) ng += *p == ' ';
		CHECK_INT((int)ng, (int)nw);
		snprintf(rev, sizeof rev, " %s ", got);
		char *save = NULL;
		for (char *t = strtok_r(want, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			char needle[32];
			snprintf(needle, sizeof needle, " %s ", t);
			CHECK(strstr(rev, needle) != NULL, "%s: row %s among the last 20", q[k].query, t);
		}
	}
	/* Typing on narrows the matches already found, typing back returns to
	 * them, and a query that extends none of them looks them up afresh:
	 * each step's first page and count are what a plain query gives. */
	rv_set_lang(rv, "kk");
	static const char *const typed[] = {"лес", "лесар", "лесарь 1", "лесар", "лес", "лесарь 1",
	                                    "есар", "есарь", "лес"};
	for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
		CHECK_INT(rv_set_search(rv, typed[i]), 0);
		char cond[160], want[2048], got[2048];
		snprintf(cond, sizeof cond, "instr(fold_kk, '%s') OR instr(fold_ru, '%s')", typed[i],
		         typed[i]);
		brute_ids(db, cond, "mandatory", 0, 20, want, sizeof want, "kk");
		window_ids(rv, 1, 20, got, sizeof got);
		CHECK_STR(got, want);
		snprintf(cond, sizeof cond, "SELECT count(*) FROM reg_row WHERE version_id = 2 AND "
		         "(instr(fold_kk, '%s') OR instr(fold_ru, '%s'))", typed[i], typed[i]);
		CHECK_INT(rv_rows(rv), (int)db_int_query(db, cond, -1));
	}
	rv_close(rv);
}

int main(void)
{
	tz_db *db = fresh_db();
	if (!db)
		return tz_test_done();
	test_schema(db);
	seed(db);
	exec(db, "ANALYZE");
	test_windows(db);
	test_counts(db);
	test_deferred(db);
	test_walk(db);
	drop_db(db);
	return tz_test_done();
}
