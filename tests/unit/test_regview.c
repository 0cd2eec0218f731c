/* The register screen's data: which version it shows, the order of rows in
 * the Kazakh and the Russian alphabet, numbering per section, windows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/db.h"
#include "store/store.h"
#include "harness.h"
#include "base/i18n.h"
#include "view/regview.h"
#include "domain/regorder.h"
#include "base/text.h"

static char path[64];

static tz_db *fresh_db(void)
{
	snprintf(path, sizeof path, "/tmp/tz-regview-%d.db", (int)getpid());
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

/* Names chosen so that the alphabet and code-point order disagree: Kazakh
 * Ә, Ң, Ө, Ұ sort among Cyrillic letters, not after Я; Russian Ё sorts after
 * Е, not before А. */
static void add_row(tz_db *db, int version, const char *section, const char *code,
                    const char *kk, const char *ru, const char *level, int validity)
{
	sqlite3_stmt *st = db_prep(db,
		"INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
		"basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
		"VALUES (:v, :s, :c, :kk, :ru, 'Негіз ' || :kk, 'Основание ' || :ru, :l, :val, 1, 't', "
		"tz_fold(:kk), tz_fold(:ru), tz_sortkey('kk', :kk), tz_sortkey('ru', :ru))");
	db_int(st, ":v", version);
	db_text(st, ":s", section);
	db_text(st, ":c", code);
	db_text(st, ":kk", kk);
	db_text(st, ":ru", ru);
	db_text(st, ":l", level);
	db_int(st, ":val", validity);
	CHECK(db_run(db, st) == 0, "insert %s %s: %s", code, level, db_errmsg(db));
}

static void seed(tz_db *db)
{
	exec(db,
	     "INSERT INTO nrk_level(code, base, descr_kk, descr_ru) VALUES "
	     " ('3', 3, 'д3', 'о3'), ('4', 4, 'д4', 'о4'), ('5', 5, 'д5', 'о5');"
	     "INSERT INTO body(id, code, name_kk, name_ru, short_kk, short_ru) VALUES "
	     " (1, 'b1', 'Еңбек министрлігі', 'Министерство труда', 'ЕХӘҚМ', 'МТСЗН');"
	     "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) VALUES "
	     " ('5120-1-001', 6, 'Аспаз', 'Повар', '', ''),"
	     " ('2652-1-001', 6, 'Әнші', 'Певец', '', ''),"
	     " ('7111-1-001', 6, 'Ұста', 'Мастер', '', ''),"
	     " ('6210-1-001', 6, 'Аңшы', 'Егерь', '', ''),"
	     " ('6113-1-001', 6, 'Бағбан', 'Садовник', '', ''),"
	     " ('5411-1-001', 6, 'Өрт сөндіруші', 'Пожарный', '', ''),"
	     " ('7549-9-001', 6, 'Шыршашы', 'Ёлочник', '', '');"
	     "INSERT INTO reg_version(id, state, title, created) VALUES "
	     " (1, 'draft', '2024', '2024-01-01T00:00:00Z');");
	add_row(db, 1, "mandatory", "5120-1-001", "Аспаз", "Повар", "3", 5);
	exec(db, "UPDATE reg_version SET state = 'published', published = '2024-05-01' WHERE id = 1;"
	         "INSERT INTO reg_version(id, state, title, created) VALUES "
	         " (2, 'draft', '2025', '2025-01-01T00:00:00Z');");
	add_row(db, 2, "mandatory", "5120-1-001", "Аспаз", "Повар", "4", 5);
	add_row(db, 2, "mandatory", "5120-1-001", "Аспаз", "Повар", "3", 5);
	add_row(db, 2, "mandatory", "2652-1-001", "Әнші", "Певец", "5", 0);
	add_row(db, 2, "mandatory", "7111-1-001", "Ұста", "Мастер", "4", 3);
	add_row(db, 2, "mandatory", "6210-1-001", "Аңшы", "Егерь", "3", 5);
	add_row(db, 2, "voluntary", "6113-1-001", "Бағбан", "Садовник", "3", 0);
	add_row(db, 2, "voluntary", "5411-1-001", "Өрт сөндіруші", "Пожарный", "4", 5);
	add_row(db, 2, "voluntary", "7549-9-001", "Шыршашы", "Ёлочник", "3", 5);
}

/* The names of lines [0, n) joined with '|', a title as '#'. */
static void names(struct regview *rv, char *out, size_t len)
{
	out[0] = 0;
	int n = rv_window(rv, 0, rv_lines(rv));
	for (int i = 0; i < n; i++) {
		const struct rv_line *l = rv_line(rv, i);
		const char *s = l->kind == RV_TITLE ? "#" : l->name;
		strncat(out, s, len - strlen(out) - 1);
		if (i + 1 < n)
			strncat(out, "|", len - strlen(out) - 1);
	}
}

static void test_order_and_numbers(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	CHECK(rv != NULL, "rv_open");
	CHECK_INT(rv_version(rv), 2);                 /* the draft, not the published one */
	CHECK_STR(rv_state(rv), "draft");
	CHECK_STR(rv_lang(rv), "kk");
	CHECK_INT(rv_count(rv, 0), 5);
	CHECK_INT(rv_count(rv, 1), 3);
	CHECK_INT(rv_rows(rv), 8);
	CHECK_INT(rv_lines(rv), 10);

	char buf[1024];
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Аңшы|Аспаз|Аспаз|Әнші|Ұста|#|Бағбан|Өрт сөндіруші|Шыршашы");
	const struct rv_line *l = rv_line(rv, 2);
	CHECK_STR(l->level, "3");                     /* levels of one profession in order */
	CHECK_STR(rv_line(rv, 3)->level, "4");
	/* Each row has its official number (code, then level), whatever the
	 * order shown; numbering restarts per section. */
	CHECK_INT(rv_line(rv, 5)->num, 5);
	CHECK_INT(rv_line(rv, 7)->num, 2);
	CHECK_INT(rv_line(rv, 8)->num, 1);
	CHECK_INT(rv_line(rv, 9)->num, 3);
	CHECK_INT(rv_line(rv, 6)->kind, RV_TITLE);
	CHECK_INT(rv_line(rv, 6)->section, 1);
	CHECK_STR(rv_line(rv, 4)->basis, "Негіз Әнші");
	CHECK_STR(rv_line(rv, 4)->body, "ЕХӘҚМ");
	CHECK_INT(rv_line(rv, 4)->validity, 0);
	CHECK_STR(rv_line(rv, 4)->code, "2652-1-001");

	CHECK_INT(rv_set_lang(rv, "ru"), 0);
	CHECK(rv_line(rv, 1) == NULL, "a language switch drops the window");
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Егерь|Мастер|Певец|Повар|Повар|#|Ёлочник|Пожарный|Садовник");
	CHECK_STR(rv_line(rv, 3)->body, "МТСЗН");
	CHECK_STR(rv_line(rv, 3)->basis, "Основание Певец");
	CHECK_INT(rv_line(rv, 8)->num, 1);            /* Пожарный: the same number in Russian */
	CHECK_INT(rv_set_lang(rv, "en"), -1);
	CHECK_STR(rv_lang(rv), "ru");
	rv_close(rv);
}

static void test_window(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	/* A window across the section boundary. */
	CHECK_INT(rv_window(rv, 3, 5), 5);
	CHECK(rv_line(rv, 2) == NULL, "line before the window");
	CHECK(rv_line(rv, 8) == NULL, "line after the window");
	CHECK_STR(rv_line(rv, 3)->name, "Аспаз");
	CHECK_INT(rv_line(rv, 3)->num, 3);
	CHECK_STR(rv_line(rv, 5)->name, "Ұста");
	CHECK_INT(rv_line(rv, 6)->kind, RV_TITLE);
	CHECK_STR(rv_line(rv, 7)->name, "Бағбан");
	CHECK_INT(rv_line(rv, 7)->num, 2);
	/* Only the voluntary section. */
	CHECK_INT(rv_window(rv, 7, 2), 2);
	CHECK_STR(rv_line(rv, 8)->name, "Өрт сөндіруші");
	CHECK_INT(rv_line(rv, 8)->num, 1);
	/* Past the end: cut short. */
	CHECK_INT(rv_window(rv, 8, 20), 2);
	CHECK_STR(rv_line(rv, 9)->name, "Шыршашы");
	CHECK_INT(rv_window(rv, 10, 5), 0);
	CHECK(rv_line(rv, 9) == NULL, "nothing is left of an empty window");

	/* Rows and lines map both ways, skipping the titles. */
	CHECK_INT(rv_line_of_row(rv, 0), 1);
	CHECK_INT(rv_line_of_row(rv, 4), 5);
	CHECK_INT(rv_line_of_row(rv, 5), 7);
	CHECK_INT(rv_line_of_row(rv, 7), 9);
	CHECK_INT(rv_line_of_row(rv, 8), -1);
	CHECK_INT(rv_row_of_line(rv, 0), -1);
	CHECK_INT(rv_row_of_line(rv, 6), -1);
	CHECK_INT(rv_row_of_line(rv, 7), 5);
	CHECK_INT(rv_section_of_line(rv, 5), 0);
	CHECK_INT(rv_section_of_line(rv, 6), 1);
	rv_close(rv);
}

static void bind_level(sqlite3_stmt *st, void *ctx)
{
	db_text(st, ":lv", ctx);
}

/* A second body whose short names sort first by the alphabet but last by
 * code point (Ә after Е; Russian lower-case after upper-case), differing
 * profiles and bases, so that every column's order can be told apart. */
static void seed_more(tz_db *db)
{
	exec(db,
	     "INSERT INTO body(id, code, name_kk, name_ru, short_kk, short_ru) VALUES "
	     " (2, 'b2', 'Әділет министрлігі', 'Министерство обороны', 'ӘМ', 'Минобороны');"
	     "UPDATE reg_row SET body_id = 2 WHERE nkz_code IN ('7111-1-001', '6113-1-001');"
	     "UPDATE reg_row SET profile = 'sg' WHERE nkz_code = '6210-1-001';"
	     "UPDATE reg_row SET basis_kk = 'Ә заң' WHERE nkz_code = '7549-9-001';"
	     "UPDATE reg_row SET basis_kk = 'Б заң' WHERE nkz_code = '5411-1-001';"
	     "UPDATE reg_row SET basis_kk = 'Я заң' WHERE nkz_code = '6113-1-001';");
}

static void sorted(struct regview *rv, enum rv_sort by, int desc, const char *want)
{
	char buf[1024];
	CHECK_INT(rv_set_sort(rv, by, desc), 0);
	names(rv, buf, sizeof buf);
	CHECK(!strcmp(buf, want), "sort %d%s: got \"%s\", want \"%s\"", (int)by,
	      desc ? " desc" : "", buf, want);
}

static void test_sort(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	CHECK_INT(rv_sort_by(rv), RV_BY_NAME);
	sorted(rv, RV_BY_NAME, 1, "#|Ұста|Әнші|Аспаз|Аспаз|Аңшы|#|Шыршашы|Өрт сөндіруші|Бағбан");
	CHECK_STR(rv_line(rv, 3)->level, "4");        /* levels descend too */
	CHECK_INT(rv_line(rv, 1)->num, 5);             /* the official number, not the place shown */
	sorted(rv, RV_BY_CODE, 0, "#|Әнші|Аспаз|Аспаз|Аңшы|Ұста|#|Өрт сөндіруші|Бағбан|Шыршашы");
	sorted(rv, RV_BY_CODE, 1, "#|Ұста|Аңшы|Аспаз|Аспаз|Әнші|#|Шыршашы|Бағбан|Өрт сөндіруші");
	/* Kazakh alphabet: Ә right after А, not after Я as in code-point order. */
	sorted(rv, RV_BY_BASIS, 0, "#|Аңшы|Аспаз|Аспаз|Әнші|Ұста|#|Шыршашы|Өрт сөндіруші|Бағбан");
	sorted(rv, RV_BY_LEVEL, 0, "#|Аңшы|Аспаз|Аспаз|Ұста|Әнші|#|Бағбан|Шыршашы|Өрт сөндіруші");
	/* Years first, "without time limit" last. */
	sorted(rv, RV_BY_VALIDITY, 0, "#|Ұста|Аңшы|Аспаз|Аспаз|Әнші|#|Өрт сөндіруші|Шыршашы|Бағбан");
	sorted(rv, RV_BY_VALIDITY, 1, "#|Әнші|Аспаз|Аспаз|Аңшы|Ұста|#|Бағбан|Шыршашы|Өрт сөндіруші");
	sorted(rv, RV_BY_BODY, 0, "#|Ұста|Аңшы|Аспаз|Аспаз|Әнші|#|Бағбан|Өрт сөндіруші|Шыршашы");
	CHECK_STR(rv_line(rv, 1)->body, "ӘМ");
	sorted(rv, RV_BY_PROFILE, 0, "#|Аңшы|Аспаз|Аспаз|Әнші|Ұста|#|Бағбан|Өрт сөндіруші|Шыршашы");
	CHECK_STR(rv_line(rv, 1)->profile, "sg");
	CHECK_INT(rv_set_sort(rv, RV_NSORT, 0), -1);
	CHECK_INT(rv_sort_by(rv), RV_BY_PROFILE);

	/* In Russian, the Russian alphabet: Минобороны before МТСЗН. */
	rv_set_lang(rv, "ru");
	sorted(rv, RV_BY_BODY, 0, "#|Мастер|Егерь|Певец|Повар|Повар|#|Садовник|Ёлочник|Пожарный");
	sorted(rv, RV_BY_NAME, 0, "#|Егерь|Мастер|Певец|Повар|Повар|#|Ёлочник|Пожарный|Садовник");
	rv_close(rv);
}

static void test_facets_and_search(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	char buf[1024];
	struct rv_facets f = {.section = -1};
	CHECK_INT(rv_facet_count(rv), 0);
	f.body_id = 1;
	snprintf(f.level, sizeof f.level, "3");
	CHECK_INT(rv_set_facets(rv, &f), 0);
	CHECK_INT(rv_facet_count(rv), 2);
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Аңшы|Аспаз|#|Шыршашы");
	f.body_id = 0;
	f.section = 1;
	CHECK_INT(rv_set_facets(rv, &f), 0);
	CHECK_INT(rv_count(rv, 0), 0);
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|#|Бағбан|Шыршашы");
	CHECK_INT(rv_line(rv, 2)->num, 2);            /* a filter keeps the official numbers */
	f = (struct rv_facets){.section = -1};
	snprintf(f.profile, sizeof f.profile, "sg");
	CHECK_INT(rv_set_facets(rv, &f), 0);
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Аңшы|#");

	/* The search narrows within the facets. */
	f = (struct rv_facets){.section = -1};
	snprintf(f.level, sizeof f.level, "3");
	CHECK_INT(rv_set_facets(rv, &f), 0);
	CHECK_INT(rv_set_search(rv, "АС"), 0);
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Аспаз|#");
	CHECK_INT(rv_line(rv, 1)->mark, 0);
	CHECK_INT(rv_line(rv, 1)->mark_len, 4);
	f.level[0] = 0;
	CHECK_INT(rv_set_facets(rv, &f), 0);
	/* Both levels of Аспаз, and Ұста: two letters match inside words too,
	 * and its Russian name, Мастер, holds them. */
	CHECK_INT(rv_rows(rv), 3);
	CHECK_STR(rv_search(rv), "АС");

	/* Upper-case Kazakh finds the word inside a name. */
	CHECK_INT(rv_set_search(rv, "СӨНДІР"), 0);
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|#|Өрт сөндіруші");
	CHECK_INT(rv_line(rv, 2)->mark, 7);
	CHECK_INT(rv_line(rv, 2)->mark_len, 12);
	/* A Russian name matches in the Kazakh view, with nothing to mark. */
	CHECK_INT(rv_set_search(rv, "повар"), 0);
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Аспаз|Аспаз|#");
	CHECK_INT(rv_line(rv, 1)->mark, -1);
	/* A code prefix marks the code. */
	CHECK_INT(rv_set_search(rv, "2652"), 0);
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Әнші|#");
	CHECK_INT(rv_line(rv, 1)->code_mark, 4);
	CHECK_INT(rv_set_search(rv, "жоқ сөз"), 0);
	CHECK_INT(rv_rows(rv), 0);
	CHECK_INT(rv_set_search(rv, "\xff"), -1);      /* not UTF-8: the old search stays */
	CHECK_INT(rv_rows(rv), 0);
	CHECK_INT(rv_set_search(rv, "  "), 0);
	CHECK_STR(rv_search(rv), "");
	CHECK_INT(rv_rows(rv), 8);
	rv_close(rv);
}

/* A one-letter search's counts come back with Backspace to it without a
 * look at the database; a reload (a row added) counts again, and so does a
 * section chosen. */
static void test_prefix_counts(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	int v = (int)rv_version(rv);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM reg_row WHERE version_id = %d AND "
	         "(fold_kk GLOB 'а*' OR fold_ru GLOB 'а*')", v);
	int want = (int)db_int_query(db, sql, -1);
	CHECK(want > 0, "no names start with А in version %d", v);
	CHECK_INT(rv_set_search(rv, "А"), 0);
	CHECK_INT(rv_rows(rv), want);
	/* Added behind the view's back: Backspace to "А" gives the count it
	 * had (no look at the database); the reload that follows a change
	 * counts again. */
	add_row(db, v, "voluntary", "6210-1-001", "Аңшы", "Егерь", "5", 3);
	CHECK_INT(rv_set_search(rv, "Ас"), 0);
	CHECK_INT(rv_set_search(rv, "А"), 0);
	CHECK_INT(rv_rows(rv), want);
	rv_reload(rv);
	CHECK_INT(rv_rows(rv), want + 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM reg_row WHERE version_id = %d AND "
	         "section = 'voluntary' AND (fold_kk GLOB 'а*' OR fold_ru GLOB 'а*')", v);
	struct rv_facets f = {.section = 1};
	CHECK_INT(rv_set_facets(rv, &f), 0);
	CHECK_INT(rv_rows(rv), (int)db_int_query(db, sql, -1));
	CHECK_INT(rv_count(rv, 0), 0);
	f.section = -1;
	CHECK_INT(rv_set_facets(rv, &f), 0);
	CHECK_INT(rv_rows(rv), want + 1);
	snprintf(sql, sizeof sql, "DELETE FROM reg_row WHERE version_id = %d AND nkz_code = '6210-1-001' "
	         "AND level = '5'", v);
	exec(db, sql);
	rv_close(rv);
}

/* What the filter dialog steps through: the bodies that have rows in the
 * version on view, by short name in the view's alphabet (ӘМ before ЕХӘҚМ
 * in Kazakh; Минобороны before МТСЗН in Russian, и before т whatever the
 * case), and the levels that occur, in code order. */
static void test_facet_values(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	int64_t ids[8] = {0};
	CHECK_INT(rv_facet_bodies(rv, ids, 8), 2);
	CHECK_INT(ids[0], 2);
	CHECK_INT(ids[1], 1);
	CHECK_INT(rv_set_lang(rv, "ru"), 0);
	memset(ids, 0, sizeof ids);
	CHECK_INT(rv_facet_bodies(rv, ids, 8), 2);
	CHECK_INT(ids[0], 2);
	CHECK_INT(ids[1], 1);
	CHECK_INT(rv_facet_bodies(rv, ids, 1), 1);
	char levels[8][8];
	CHECK_INT(rv_facet_levels(rv, levels, 8), 3);
	CHECK_STR(levels[0], "3");
	CHECK_STR(levels[1], "4");
	CHECK_STR(levels[2], "5");
	/* The facets set do not narrow what can be chosen next. */
	struct rv_facets f = {.section = -1, .body_id = 2, .level = "4"};
	CHECK_INT(rv_set_facets(rv, &f), 0);
	CHECK_INT(rv_facet_levels(rv, levels, 8), 3);
	CHECK_INT(rv_facet_bodies(rv, ids, 8), 2);
	/* Another version: its own bodies and levels. */
	CHECK_INT(rv_set_version(rv, 1), 0);
	CHECK_INT(rv_facet_bodies(rv, ids, 8), 1);
	CHECK_INT(ids[0], 1);
	CHECK_INT(rv_facet_levels(rv, levels, 8), 1);
	CHECK_STR(levels[0], "3");
	rv_close(rv);
}

static void test_filter_and_versions(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	CHECK_INT(rv_set_filter(rv, "reg_row.level = :lv", bind_level, "4"), 0);
	CHECK_INT(rv_count(rv, 0), 2);
	CHECK_INT(rv_count(rv, 1), 1);
	char buf[512];
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Аспаз|Ұста|#|Өрт сөндіруші");
	CHECK_INT(rv_set_filter(rv, "reg_row.no_such_column = 1", NULL, NULL), -1);
	CHECK_INT(rv_count(rv, 0), 2);                /* the old filter stays */
	CHECK_INT(rv_set_filter(rv, NULL, NULL, NULL), 0);
	CHECK_INT(rv_rows(rv), 8);

	CHECK_INT(rv_set_version(rv, 1), 0);
	CHECK_STR(rv_state(rv), "published");
	CHECK_STR(rv_title(rv), "2024");
	CHECK_INT(rv_rows(rv), 1);
	CHECK_INT(rv_set_version(rv, 99), -1);
	CHECK_INT(rv_version(rv), 1);
	rv_close(rv);

	/* Without a draft the newest published version is shown. */
	exec(db, "DELETE FROM reg_version WHERE id = 2");
	rv = rv_open(db);
	CHECK_INT(rv_version(rv), 1);
	CHECK_STR(rv_state(rv), "published");
	rv_close(rv);
}

static void test_empty(void)
{
	tz_db *db = fresh_db();
	struct regview *rv = rv_open(db);
	CHECK_INT(rv_version(rv), 0);
	CHECK_INT(rv_rows(rv), 0);
	CHECK_INT(rv_lines(rv), 2);
	CHECK_INT(rv_window(rv, 0, 24), 2);           /* both section titles still show */
	CHECK_INT(rv_line(rv, 1)->kind, RV_TITLE);
	CHECK_INT(rv_line(rv, 1)->section, 1);
	rv_close(rv);
	drop_db(db);
}

/* Far into a long section the numbers and the order still hold. */
static void test_long(void)
{
	tz_db *db = fresh_db();
	exec(db, "INSERT INTO nrk_level(code, base, descr_kk, descr_ru) VALUES ('3', 3, '', '');"
	         "INSERT INTO body(id, code, name_kk, name_ru, short_kk, short_ru) "
	         " VALUES (1, 'b', 'Б', 'Б', 'Б', 'Б');"
	         "INSERT INTO reg_version(id, state, created) VALUES (1, 'draft', '');"
	         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999) "
	         "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) "
	         " SELECT printf('%04d-1-001', i), 6, '', '', '', '' FROM n;"
	         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999) "
	         "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru,"
	         " level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
	         " SELECT 1, 'voluntary', printf('%04d-1-001', i), printf('Кәсіп %04d', 2999 - i),"
	         " printf('Профессия %04d', i), '', '', '3', 5, 1, 'sg', '', '',"
	         " tz_sortkey('kk', printf('Кәсіп %04d', 2999 - i)),"
	         " tz_sortkey('ru', printf('Профессия %04d', i)) FROM n;");
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	CHECK_INT(rv_count(rv, 1), 3000);
	CHECK_INT(rv_window(rv, rv_lines(rv) - 3, 10), 3);
	const struct rv_line *l = rv_line(rv, rv_lines(rv) - 1);
	CHECK_STR(l->name, "Кәсіп 2999");
	CHECK_INT(l->num, 1);                          /* code 0000-1-001: first officially */
	CHECK_STR(l->code, "0000-1-001");
	CHECK_INT(rv_window(rv, 1501, 1), 1);
	CHECK_STR(rv_line(rv, 1501)->name, "Кәсіп 1499");
	CHECK_INT(rv_line(rv, 1501)->num, 1501);
	rv_close(rv);
	drop_db(db);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A hundred times the real size: every order still gives a screenful from
 * the middle, in order.  Times are printed for the record (no bound: the
 * sanitizer build is many times slower). */
static void test_big(void)
{
	tz_db *db = fresh_db();
	exec(db, "INSERT INTO nrk_level(code, base, descr_kk, descr_ru) VALUES ('3', 3, '', ''), ('4', 4, '', '');"
	         "INSERT INTO body(id, code, name_kk, name_ru, short_kk, short_ru) VALUES "
	         " (1, 'b', 'Б', 'Б', 'Білім', 'Образование'), (2, 'c', 'Ә', 'Ә', 'Әділет', 'Юстиция');"
	         "INSERT INTO reg_version(id, state, created) VALUES (1, 'draft', '');"
	         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999) "
	         "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) "
	         " SELECT printf('%04d-%d-%03d', i / 10, i % 10, i % 7), 6, '', '', '', '' FROM n;"
	         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999) "
	         "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru,"
	         " level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
	         " SELECT 1, CASE WHEN i % 3 THEN 'voluntary' ELSE 'mandatory' END,"
	         " printf('%04d-%d-%03d', (i / 2) / 10, (i / 2) % 10, (i / 2) % 7),"
	         " printf('Кәсіп %05d', (i * 7919) % 100000), printf('Профессия %05d', i),"
	         " printf('Заң %d', i % 97), printf('Закон %d', i % 89), CASE WHEN i % 2 THEN '4' ELSE '3' END,"
	         " i % 6, 1 + i % 2, CASE WHEN i % 5 THEN 't' ELSE 'sg' END,"
	         " tz_fold(printf('Кәсіп %05d', (i * 7919) % 100000)), tz_fold(printf('Профессия %05d', i)),"
	         " tz_sortkey('kk', printf('Кәсіп %05d', (i * 7919) % 100000)),"
	         " tz_sortkey('ru', printf('Профессия %05d', i)) FROM n;");
	i18n_set_lang("kk");
	double o0 = now_ms();
	struct regview *rv = rv_open(db);
	printf("# 100k rows, none numbered yet: numbered and opened in %.1f ms\n", now_ms() - o0);
	CHECK_INT(rv_rows(rv), 100000);
	for (int by = 0; by < RV_NSORT; by++) {
		rv_set_sort(rv, (enum rv_sort)by, 0);
		double t0 = now_ms();
		int n = rv_window(rv, 50000, 30);
		double t1 = now_ms();
		CHECK_INT(n, 30);
		/* In the official order the number is the place; in any other,
		 * the row's own number all the same. */
		const struct rv_line *m = rv_line(rv, 50000);
		CHECK_INT(m->num, by == RV_BY_NUMBER ? 50000 - rv_count(rv, 0) - 1
		                                     : regorder_num(db, m->id));
		/* The row found again by its id, as the screen does after F2. */
		int64_t id = m->id;
		double t2 = now_ms();
		CHECK_INT(rv_row_index(rv, id), rv_row_of_line(rv, 50000));
		double t3 = now_ms();
		printf("# 100k rows, sort %d: a window from the middle in %.1f ms, "
		       "a row found by its id in %.1f ms\n", by, t1 - t0, t3 - t2);
	}
	rv_set_sort(rv, RV_BY_NAME, 0);
	double t0 = now_ms();
	CHECK_INT(rv_set_search(rv, "кәсіп 0999"), 0);
	int n = rv_window(rv, 0, 30);
	double t1 = now_ms();
	CHECK(n >= 2, "search in 100k rows found %d lines", n);
	printf("# 100k rows: search and first window in %.1f ms\n", t1 - t0);
	rv_close(rv);
	drop_db(db);
}

int main(void)
{
	i18n_init("kk");
	tz_db *db = fresh_db();
	seed(db);
	test_order_and_numbers(db);
	test_window(db);
	seed_more(db);
	test_sort(db);
	test_facets_and_search(db);
	test_prefix_counts(db);
	test_facet_values(db);
	test_filter_and_versions(db);
	drop_db(db);
	test_empty();
	test_long();
	test_big();
	text_cleanup();
	return tz_test_done();
}
