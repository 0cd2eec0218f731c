/* The register screen's data: which version it shows, the order of rows in
 * the Kazakh and the Russian alphabet, numbering per section, windows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "harness.h"
#include "i18n.h"
#include "regview.h"
#include "text.h"

static char path[64];

static tz_db *fresh_db(void)
{
	snprintf(path, sizeof path, "/tmp/tz-regview-%d.db", (int)getpid());
	unlink(path);
	char err[256] = "";
	tz_db *db = db_open(path, 1, err, sizeof err);
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
	CHECK_INT(rv_line(rv, 5)->num, 5);
	CHECK_INT(rv_line(rv, 7)->num, 1);            /* numbering restarts per section */
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
	CHECK_INT(rv_line(rv, 8)->num, 2);
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
	CHECK_INT(rv_line(rv, 7)->num, 1);
	/* Only the voluntary section. */
	CHECK_INT(rv_window(rv, 7, 2), 2);
	CHECK_STR(rv_line(rv, 8)->name, "Өрт сөндіруші");
	CHECK_INT(rv_line(rv, 8)->num, 2);
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

static void test_filter_and_versions(tz_db *db)
{
	i18n_set_lang("kk");
	struct regview *rv = rv_open(db);
	CHECK_INT(rv_set_filter(rv, "r.level = :lv", bind_level, "4"), 0);
	CHECK_INT(rv_count(rv, 0), 2);
	CHECK_INT(rv_count(rv, 1), 1);
	char buf[512];
	names(rv, buf, sizeof buf);
	CHECK_STR(buf, "#|Аспаз|Ұста|#|Өрт сөндіруші");
	CHECK_INT(rv_set_filter(rv, "r.no_such_column = 1", NULL, NULL), -1);
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
	CHECK_INT(l->num, 3000);
	CHECK_STR(l->code, "0000-1-001");
	CHECK_INT(rv_window(rv, 1501, 1), 1);
	CHECK_STR(rv_line(rv, 1501)->name, "Кәсіп 1499");
	CHECK_INT(rv_line(rv, 1501)->num, 1500);
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
	test_filter_and_versions(db);
	drop_db(db);
	test_empty();
	test_long();
	text_cleanup();
	return tz_test_done();
}
