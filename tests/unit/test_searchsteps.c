/* Typing a search a letter at a time, and Backspace, show what the same
 * query typed at once shows: the register view keeps a search's matches
 * and filters them in place per letter (view/regsearch.h), so every step
 * of a typed query is compared with a fresh view's answer, row by row and
 * in order, look-alike matches after the matches as typed.  The register
 * is bigger than the one whose names are read whole for two letters, so
 * two letters are read from the name indexes' ranges (schema 15). */
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

#define ROWS 24000

static char path[64];

static void exec(tz_db *db, const char *sql)
{
	CHECK(db_script(db, sql) == 0, "script failed: %s: %s", db_errmsg(db), sql);
}

/* ROWS rows in a draft, eight names in turn, each numbered.  Дәнекерлеуші
 * and Данекер differ by look-alikes only (ә / а); so do Қоймашы and
 * Коймашы. */
static void seed(tz_db *db)
{
	exec(db,
	     "INSERT INTO nrk_level(code, base, descr_kk, descr_ru) VALUES ('3', 3, 'д3', 'о3');"
	     "INSERT INTO body(id, code, name_kk, name_ru, short_kk, short_ru) VALUES "
	     " (1, 'b1', 'Министрлік', 'Министерство', 'М', 'М');"
	     "INSERT INTO reg_version(id, state, title, created) VALUES "
	     " (1, 'draft', '2025', '2025-01-01T00:00:00Z');");
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(search_defer_index(db), 0);
	char sql[2048];
	snprintf(sql, sizeof sql,
	         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d),"
	         " w(k, kk, ru) AS (VALUES (0, 'Дәнекерлеуші', 'Сварщик'), (1, 'Данекер', 'Данекер'),"
	         "  (2, 'Слесарь', 'Слесарь'), (3, 'Сәндеуші', 'Оформитель'), (4, 'Шебер', 'Мастер'),"
	         "  (5, 'Қоймашы', 'Кладовщик'), (6, 'Коймашы', 'Коймашы'), (7, 'Аспаз', 'Повар'))"
	         " SELECT i, printf('%%04d-%%d-%%03d', 1000 + i / 8, 1 + i %% 8, i %% 1000),"
	         "  w.kk || ' ' || i, w.ru || ' ' || i FROM n JOIN w ON w.k = i %% 8",
	         ROWS - 1);
	char ins[3072];
	snprintf(ins, sizeof ins,
	         "CREATE TEMP TABLE seed(i, code, kk, ru);"
	         "INSERT INTO seed %s;"
	         "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) "
	         " SELECT code, 6, kk, ru, tz_fold(kk), tz_fold(ru) FROM seed;"
	         "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
	         " basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
	         " SELECT 1, CASE WHEN i %% 3 THEN 'mandatory' ELSE 'voluntary' END, code, kk, ru, "
	         " 'Н', 'О', '3', 5, 1, 't', tz_fold(kk), tz_fold(ru), tz_sortkey('kk', kk), "
	         " tz_sortkey('ru', ru) FROM seed;"
	         "DROP TABLE temp.seed;", sql);
	exec(db, ins);
	CHECK_INT(search_reindex(db, SEARCH_NKZ), 0);
	CHECK_INT(search_reindex(db, SEARCH_REG), 0);
	CHECK_INT(db_commit(db), 0);
	exec(db, "ANALYZE");
}

/* What a view shows: each section's count, then every line's section and
 * id, in order. */
static char *shown(struct regview *rv)
{
	int total = rv_lines(rv);
	size_t cap = 64 + (size_t)total * 24, n = 0;
	char *s = malloc(cap);
	n += (size_t)snprintf(s + n, cap - n, "%d+%d:", rv_count(rv, 0), rv_count(rv, 1));
	CHECK_INT(rv_window(rv, 0, total), total);
	for (int i = 0; i < total; i++) {
		const struct rv_line *l = rv_line(rv, i);
		n += (size_t)snprintf(s + n, cap - n, " %d/%lld", l ? l->section : -1,
		                      l ? (long long)l->id : -1LL);
	}
	return s;
}

/* Types keys (letters, '<' for Backspace) into one view, and checks each
 * step against a fresh view given the whole query at once. */
static void typed(tz_db *db, struct regview *rv, const char *keys)
{
	char q[128] = "";
	size_t n = 0;
	for (const char *k = keys; *k;) {
		if (*k == '<') {
			while (n > 0 && ((unsigned char)q[--n] & 0xC0) == 0x80)
				;
			q[n] = 0;
			k++;
		} else {
			do
				q[n++] = *k++;
			while (((unsigned char)*k & 0xC0) == 0x80);
			q[n] = 0;
		}
		CHECK_INT(rv_set_search(rv, q), 0);
		struct regview *fresh = rv_open(db);
		CHECK_INT(rv_set_search(fresh, q), 0);
		char *a = shown(rv), *b = shown(fresh);
		CHECK(!strcmp(a, b), "typed \"%s\" (%s): %.60s... shows %.60s...", q, keys, a, b);
		free(a);
		free(b);
		rv_close(fresh);
	}
}

/* The name of the first and last row of section 0. */
static void ends(struct regview *rv, char *first, char *last, size_t len)
{
	int c = rv_count(rv, 0);
	CHECK(c > 0, "no rows");
	if (c <= 0)
		return;
	CHECK_INT(rv_window(rv, 1, 1), 1);
	snprintf(first, len, "%s", rv_line(rv, 1)->name);
	CHECK_INT(rv_window(rv, c, 1), 1);
	snprintf(last, len, "%s", rv_line(rv, c)->name);
}

static void test_steps(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	/* On into the look-alikes, back, and on another way. */
	typed(db, rv, "данекерл<<<<<<<<");
	typed(db, rv, "дәнек<<ер<<<<<<");
	typed(db, rv, "сл<<сә<нд<<<<");
	typed(db, rv, "кой<<<қой<<<");
	typed(db, rv, "ас<паз<<<<<");
	/* Two letters and three, back and forth: each way the levels the last
	 * lookup replaced are taken up again. */
	typed(db, rv, "дан<н<н<<ан<<");
	typed(db, rv, "қой<й<<ой<<<");

	/* Данекер as typed ranks before Дәнекерлеуші, found by look-alike; one
	 * letter more that only Дәнекерлеуші holds, and it alone is left. */
	char first[128], last[128];
	CHECK_INT(rv_set_search(rv, "данек"), 0);
	CHECK_INT(rv_rows(rv), ROWS / 4);
	ends(rv, first, last, sizeof first);
	CHECK(!strncmp(first, "Данекер ", strlen("Данекер ")), "first %s", first);
	CHECK(!strncmp(last, "Дәнекерлеуші ", strlen("Дәнекерлеуші ")), "last %s", last);
	CHECK_INT(rv_set_search(rv, "данекерл"), 0);
	CHECK_INT(rv_rows(rv), ROWS / 8);
	ends(rv, first, last, sizeof first);
	CHECK(!strncmp(first, "Дәнекерлеуші ", strlen("Дәнекерлеуші ")), "first %s", first);
	/* Back: Данекер first again. */
	CHECK_INT(rv_set_search(rv, "данек"), 0);
	CHECK_INT(rv_rows(rv), ROWS / 4);
	ends(rv, first, last, sizeof first);
	CHECK(!strncmp(first, "Данекер ", strlen("Данекер ")), "first %s", first);

	/* Two letters in a register this big: names that start with them, in
	 * either language. */
	CHECK_INT(rv_set_search(rv, "КО"), 0);
	CHECK_INT(rv_rows(rv), ROWS / 8);
	CHECK_INT(rv_set_search(rv, "Қо"), 0);
	CHECK_INT(rv_rows(rv), ROWS / 8);

	/* In Russian, the same steps in the Russian alphabet. */
	CHECK_INT(rv_set_lang(rv, "ru"), 0);
	i18n_set_lang("ru");
	typed(db, rv, "сва<<<ма<сте<<<<");
	typed(db, rv, "данекерл<<<<<<<<");
	rv_close(rv);
}

/* A query's rows of section s in the view's order, from the table itself,
 * each id space first as shown() writes them: for a prefix the names that
 * start with fq; else those that hold it as typed, then those that hold
 * it only under the look-alike fold. */
static char *rows_wanted(tz_db *db, const char *fq, const char *lang, int s, int prefix)
{
	static const char *const cond[2] = {
		"(tz_holds(fold_kk, :q) OR tz_holds(fold_ru, :q) OR tz_holds(tz_loose(fold_kk), "
		"tz_loose(:q)) OR tz_holds(tz_loose(fold_ru), tz_loose(:q))) ORDER BY NOT "
		"(tz_holds(fold_kk, :q) OR tz_holds(fold_ru, :q)), ",
		"(substr(fold_kk, 1, length(:q)) = :q OR substr(fold_ru, 1, length(:q)) = :q) "
		"ORDER BY ",
	};
	char sql[1024];
	snprintf(sql, sizeof sql,
	         "SELECT coalesce(group_concat(' %d/' || id, ''), '') FROM (SELECT id FROM reg_row "
	         "WHERE version_id = 1 AND section = '%s' AND %s sort_%s, level, fold_kk, fold_ru, id)",
	         s, s ? "voluntary" : "mandatory", cond[prefix != 0], lang);
	sqlite3_stmt *st = db_prep(db, sql);
	db_text(st, ":q", fq);
	char *out = strdup(db_step(db, st) == SQLITE_ROW ? db_col_text(st, 0) : "?");
	sqlite3_finalize(st);
	return out;
}

/* The view on the search (as typed: what) shows the table's own rows for
 * fq in lang, in its order (rows_wanted). */
static void check_shown(tz_db *db, struct regview *rv, const char *what, const char *fq,
                        const char *lang, int prefix)
{
	char *a = shown(rv);
	char *m = rows_wanted(db, fq, lang, 0, prefix);
	char *v = rows_wanted(db, fq, lang, 1, prefix);
	/* shown(): counts, the title (0/0), rows, title (1/0), rows. */
	size_t cap = strlen(m) + strlen(v) + 64;
	char *want = malloc(cap);
	snprintf(want, cap, "%d+%d: 0/0%s 1/0%s", rv_count(rv, 0), rv_count(rv, 1), m, v);
	CHECK(!strcmp(a, want), "%s, \"%s\": %.80s... wanted %.80s...", lang, what, a, want);
	free(a);
	free(m);
	free(v);
	free(want);
}

/* One or two letters in a big register are counted from the first
 * letters' counts (schema 20) and paged by walking the name order or by
 * sorting the ranges that hold the matches, whichever reads less: every
 * page, first, middle and last, in both languages, is the table's own
 * order.  "сл" and "да" sit together in both orders, "св" and "ма" are
 * Russian names of Kazakh ones that start otherwise, spread through the
 * Kazakh order; "с" and "д" take both. */
static void test_prefix_pages(tz_db *db)
{
	static const char *const queries[][2] = {{"сл", "сл"}, {"Св", "св"}, {"да", "да"},
	                                          {"МА", "ма"}, {"с", "с"}, {"д", "д"}};
	for (int l = 0; l < 2; l++) {
		const char *lang = l ? "ru" : "kk";
		i18n_set_lang(lang);
		struct regview *rv = rv_open(db);
		for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
			CHECK_INT(rv_set_search(rv, queries[q][0]), 0);
			check_shown(db, rv, queries[q][0], queries[q][1], lang, 1);
			char sql[256];
			snprintf(sql, sizeof sql, "SELECT count(*) FROM reg_row WHERE version_id = 1 AND "
			         "(substr(fold_kk, 1, %d) = '%s' OR substr(fold_ru, 1, %d) = '%s')",
			         (int)strlen(queries[q][1]) / 2, queries[q][1],
			         (int)strlen(queries[q][1]) / 2, queries[q][1]);
			CHECK_INT(rv_rows(rv), (int)db_int_query(db, sql, -1));
			/* A page from the middle, read alone, is that page of the whole. */
			int mid = rv_lines(rv) / 2;
			CHECK_INT(rv_window(rv, mid, 30), 30);
			struct regview *all = rv_open(db);
			CHECK_INT(rv_set_search(all, queries[q][0]), 0);
			CHECK_INT(rv_window(all, 0, rv_lines(all)), rv_lines(all));
			for (int i = mid; i < mid + 30; i++) {
				const struct rv_line *x = rv_line(rv, i), *y = rv_line(all, i);
				CHECK(x && y && x->id == y->id, "%s, \"%s\": line %d", lang, queries[q][0], i);
			}
			rv_close(all);
		}
		rv_close(rv);
	}
	i18n_set_lang("kk");
}

/* A name typed with a Latin I for the Kazakh і folds to і but sorts as
 * Latin (after the Cyrillic names in both alphabets): a search for "і" or
 * "ін" finds it where the alphabet puts it, in the table's own order. */
static void test_latin_i(tz_db *db)
{
	exec(db, "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) "
	         " VALUES ('9999-1-002', 6, 'Iнженер', 'Инженер', 'інженер', 'инженер');"
	         "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
	         " basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
	         " VALUES (1, 'mandatory', '9999-1-002', 'Iнженер', 'Инженер', 'Н', 'О', '3', 5, 1, "
	         " 't', tz_fold('Iнженер'), tz_fold('Инженер'), tz_sortkey('kk', 'Iнженер'), "
	         " tz_sortkey('ru', 'Инженер'))");
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	for (int n = 0; n < 2; n++) {
		CHECK_INT(rv_set_search(rv, n ? "ін" : "І"), 0);
		check_shown(db, rv, n ? "ін" : "І", n ? "ін" : "і", "kk", 1);
		CHECK_INT(rv_count(rv, 0), 1);
	}
	rv_close(rv);
	exec(db, "DELETE FROM reg_row WHERE nkz_code = '9999-1-002'");
}

/* A search of three letters or more, looked up afresh, in both languages:
 * its matches' order is read from the name indexes for the names that
 * start with it and from the rows for the others (regsearch.c).  Each is
 * the table's own order: names that start with it in both languages
 * ("сле"), in Kazakh only ("дән"), in Russian only ("сва"), none that
 * start with it ("лес", "ерле"), matches by look-alike ("данек", "кой"),
 * capitals ("ПОВ").  Then again with a second version holding copies of
 * some rows, which the trigram index finds too: the view's version shows
 * its own rows only. */
static void test_trigram_pages(tz_db *db)
{
	static const char *const queries[][2] = {
		{"сле", "сле"}, {"дән", "дән"}, {"сва", "сва"}, {"лес", "лес"}, {"ерле", "ерле"},
		{"данек", "данек"}, {"кой", "кой"}, {"ПОВ", "пов"}, {"ЛЬ 1", "ль 1"}};
	for (int pass = 0; pass < 2; pass++) {
		if (pass)
			exec(db, "UPDATE reg_version SET state = 'submitted' WHERE id = 1;"
			         "INSERT INTO reg_version(id, state, title, created) VALUES "
			         " (2, 'draft', '2024', '2024-01-01T00:00:00Z');"
			         "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, "
			         " basis_kk, basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, "
			         " sort_kk, sort_ru) SELECT 2, section, nkz_code, name_kk, name_ru, basis_kk, "
			         " basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, "
			         " sort_ru FROM reg_row WHERE version_id = 1 AND id % 5 = 0;"
			         "UPDATE reg_version SET state = 'published' WHERE id = 2;"
			         "UPDATE reg_version SET state = 'draft' WHERE id = 1;");
		for (int l = 0; l < 2; l++) {
			const char *lang = l ? "ru" : "kk";
			i18n_set_lang(lang);
			struct regview *rv = rv_open(db);
			CHECK_INT((int)rv_version(rv), 1);
			for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
				CHECK_INT(rv_set_search(rv, queries[q][0]), 0);
				check_shown(db, rv, queries[q][0], queries[q][1], lang, 0);
				CHECK(rv_rows(rv) > 0, "pass %d, %s, \"%s\": no rows", pass, lang, queries[q][0]);
			}
			rv_close(rv);
		}
	}
	i18n_set_lang("kk");
}

/* The first letters' counts follow every change of a row: added, renamed,
 * moved to the other section, deleted. */
static void test_prefix_kept(tz_db *db)
{
	static const char differ[] =
		"SELECT (SELECT count(*) FROM (SELECT version_id, section, kk, ru, n FROM reg_prefix "
		"EXCEPT SELECT version_id, section, substr(fold_kk, 1, 2), substr(fold_ru, 1, 2), "
		"count(*) FROM reg_row GROUP BY 1, 2, 3, 4)) + "
		"(SELECT count(*) FROM (SELECT version_id, section, substr(fold_kk, 1, 2), "
		"substr(fold_ru, 1, 2), count(*) FROM reg_row GROUP BY 1, 2, 3, 4 "
		"EXCEPT SELECT version_id, section, kk, ru, n FROM reg_prefix))";
	CHECK_INT((int)db_int_query(db, "SELECT count(*) FROM reg_prefix", -1) > 0, 1);
	CHECK_INT((int)db_int_query(db, differ, -1), 0);
	exec(db, "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) "
	         " VALUES ('9999-1-001', 6, 'Ювелир', 'Ювелир', 'ювелир', 'ювелир');"
	         "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
	         " basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
	         " VALUES (1, 'voluntary', '9999-1-001', 'Ювелир', 'Ювелир', 'Н', 'О', '3', 5, 1, 't', "
	         " 'ювелир', 'ювелир', x'01', x'01')");
	CHECK_INT((int)db_int_query(db, differ, -1), 0);
	struct regview *rv = rv_open(db);
	CHECK_INT(rv_set_search(rv, "юв"), 0);
	CHECK_INT(rv_count(rv, 1), 1);
	exec(db, "UPDATE reg_row SET fold_ru = 'зергер', section = 'mandatory' "
	         "WHERE nkz_code = '9999-1-001'");
	CHECK_INT((int)db_int_query(db, differ, -1), 0);
	rv_reload(rv);
	CHECK_INT(rv_count(rv, 0), 1);
	CHECK_INT(rv_count(rv, 1), 0);
	exec(db, "DELETE FROM reg_row WHERE nkz_code = '9999-1-001'");
	CHECK_INT((int)db_int_query(db, differ, -1), 0);
	CHECK_INT((int)db_int_query(db, "SELECT count(*) FROM reg_prefix WHERE kk = 'юв'", -1), 0);
	rv_reload(rv);
	CHECK_INT(rv_rows(rv), 0);
	rv_close(rv);
}

int main(void)
{
	snprintf(path, sizeof path, "/tmp/tz-searchsteps-%d.db", (int)getpid());
	unlink(path);
	char err[256] = "";
	tz_db *db = store_connect(path, 1, err, sizeof err);
	CHECK(db != NULL, "db_open: %s", err);
	if (!db)
		return tz_test_done();
	seed(db);
	test_steps(db);
	test_prefix_pages(db);
	test_prefix_kept(db);
	test_latin_i(db);
	test_trigram_pages(db);
	db_close(db);
	char p[80];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return tz_test_done();
}
