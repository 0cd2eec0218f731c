/* search: folded, language-independent search of the classifier and of a
 * register version, safe against whatever a user types. */
#include <stdint.h>

#include "harness.h"
#include "exchange/nkzin.h"
#include "domain/search.h"
#include "store/store.h"
#include "base/text.h"

static tz_db *db;
static char err[8192];

#define MAXIDS 1200

/* Runs a search; the ids in *out, their count returned, -1 on an error. */
static int run(enum search_scope scope, const char *q, int64_t version, const char *lang,
               int64_t *out)
{
	struct search s;
	if (search_init(&s, scope, q))
		return -1;
	sqlite3_stmt *st = search_ids(db, &s, version, lang);
	int n = 0, rc;
	while (st && (rc = db_step(db, st)) == SQLITE_ROW)
		if (n < MAXIDS)
			out[n++] = sqlite3_column_int64(st, 0);
	if (!st || rc != SQLITE_DONE)
		n = -1;
	sqlite3_finalize(st);
	search_free(&s);
	return n;
}

static int nkz(const char *q)
{
	static int64_t ids[MAXIDS];
	return run(SEARCH_NKZ, q, 0, "kk", ids);
}

static int64_t count(const char *sql)
{
	return db_int_query(db, sql, -1);
}

/* Whether the classifier search for q finds code. */
static int finds(const char *q, const char *code)
{
	int64_t ids[MAXIDS];
	int n = run(SEARCH_NKZ, q, 0, "kk", ids);
	sqlite3_stmt *st = db_prep(db, "SELECT rowid FROM nkz WHERE code = :code");
	db_text(st, ":code", code);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static void kinds(void)
{
	struct search s;
	CHECK_INT(search_init(&s, SEARCH_NKZ, "  "), 0);
	CHECK_INT(s.kind, SEARCH_ALL);
	search_free(&s);
	CHECK_INT(search_init(&s, SEARCH_NKZ, "7212-1"), 0);
	CHECK_INT(s.kind, SEARCH_CODE);
	search_free(&s);
	CHECK_INT(search_init(&s, SEARCH_NKZ, "Әл"), 0);
	CHECK_INT(s.kind, SEARCH_PREFIX);
	search_free(&s);
	CHECK_INT(search_init(&s, SEARCH_REG, "Әлем"), 0);
	CHECK_INT(s.kind, SEARCH_FTS);
	CHECK(strstr(s.where, "LIKE") == NULL && strstr(s.where, "lower") == NULL &&
	      strstr(s.where, "NOCASE") == NULL, "no ASCII-only folding: %s", s.where);
	search_free(&s);
	CHECK_INT(search_init(&s, SEARCH_NKZ, "a\xff"), -1);
}

static void classifier(void)
{
	CHECK_INT(nkz(""), 1000);
	/* Upper, lower and mixed case find the same rows. */
	int n = nkz("СВАРЩИК");
	CHECK(n >= 3, "СВАРЩИК: %d", n);
	CHECK_INT(nkz("сварщик"), n);
	CHECK_INT(nkz("сВаРщИк"), n);
	CHECK(finds("СВАРЩИК", "7212") && finds("сварщик", "7212-1"), "welders found");
	CHECK(!finds("СВАРЩИК", "7231"), "only welders");
	/* Kazakh letters fold too, Latin I typed for І included. */
	n = nkz("ПІСІРУШІ");
	CHECK(n >= 2 && finds("ПІСІРУШІ", "7212"), "ПІСІРУШІ: %d", n);
	CHECK_INT(nkz("пісіруші"), n);
	CHECK_INT(nkz("ПIСIРУШI"), n);
	CHECK_INT(nkz("ПіСІрУшI"), n);
	CHECK(finds("ДӘНЕКЕРЛЕУ", "7212-1-002") && finds("дәнекерлеу", "7212-1-002"), "ә");
	CHECK(finds("ҚОНДЫРҒЫСЫНЫҢ", "7212-1-002") && finds("қондырғысының", "7212-1-002"),
	      "қ ғ ң");
	CHECK(finds("ҰЛТТЫҚ БАНК", "1124") && finds("ұлттық банк", "1124"), "ұ and a space");
	CHECK(finds("ӨКІЛДІ", "1111") && finds("өкілді", "1111"), "ө");
	CHECK(finds("ТҮЙІСТІРІП", "7212-1-002") && finds("түйістіріп", "7212-1-002"), "ү");
	/* The trigram search looks inside names, not only at their start. */
	CHECK(finds("ГАЗОРЕЗ", "7212") && finds("РЕЗЧИК", "7212-2"), "substring");

	/* One and two letters: names starting with them, in either language. */
	int64_t want = count("SELECT count(*) FROM nkz WHERE substr(fold_kk, 1, 1) = 'с'"
	                     " OR substr(fold_ru, 1, 1) = 'с'");
	CHECK(want > 10, "names starting with с: %lld", (long long)want);
	CHECK_INT(nkz("С"), want);
	CHECK_INT(nkz("с"), want);
	want = count("SELECT count(*) FROM nkz WHERE substr(fold_kk, 1, 1) = 'ә'"
	             " OR substr(fold_ru, 1, 1) = 'ә'");
	CHECK(want > 0, "names starting with ә: %lld", (long long)want);
	CHECK_INT(nkz("Ә"), want);
	CHECK_INT(nkz("ә"), want);
	want = count("SELECT count(*) FROM nkz WHERE substr(fold_kk, 1, 2) = 'св'"
	             " OR substr(fold_ru, 1, 2) = 'св'");
	CHECK_INT(nkz("СВ"), want);
	CHECK(finds("Св", "7212") && !finds("Св", "7212-2"), "two letters: a name's start");
	/* Latin I as the first letter of a Kazakh word still reads as І. */
	CHECK(nkz("Iс") == nkz("іс") && nkz("іс") > 0, "Iс = іс: %d", nkz("іс"));

	/* Codes by prefix, never by a middle part. */
	CHECK_INT(nkz("7212"), count("SELECT count(*) FROM nkz WHERE substr(code, 1, 4) = '7212'"));
	CHECK_INT(nkz("7212-1-00"), 9);
	CHECK_INT(nkz("7212-1-008"), 1);
	CHECK(finds("7212", "7212-1-008") && finds("72", "7212-1-008"), "code prefix");
	CHECK(!finds("212", "7212") && !finds("1-008", "7212-1-008"), "not a middle part");
	CHECK_INT(nkz("7"), count("SELECT count(*) FROM nkz WHERE substr(code, 1, 1) = '7'"));
	CHECK_INT(nkz(" 7212 "), nkz("7212"));
	/* A code typed without its hyphens finds the same. */
	CHECK_INT(nkz("72121008"), 1);
	CHECK(finds("72121008", "7212-1-008"), "code without hyphens");
	CHECK_INT(nkz("7212100"), nkz("7212-1-00"));
	CHECK_INT(nkz("72121"), nkz("7212-1"));
	CHECK_INT(nkz("721210080"), 0);
	/* The Х group, however Х is typed. */
	CHECK(finds("Х1000", "Х1000") && finds("х1000", "Х1000") && finds("X1000", "Х1000"),
	      "Х1000 by Cyrillic or Latin X");
	CHECK(finds("Х", "Х") && finds("х", "Х2000"), "х as a one-letter query finds the Х group");
}

static void hostile(void)
{
	static const char *const q[] = {
		"\"", "\"\"", "СВАРЩИК\"", "\"СВАРЩИК", "AND", "OR", "NOT", "СВАРЩИК AND ГАЗ",
		"*", "**", "сва*", "NEAR(", "NEAR(сварщик газ)", "fold_kk:сварщик",
		"{fold_kk}:сва", "^сва", "'; DROP TABLE nkz; --", "(", ")", "-", "--", ":search_q",
		"a\"b\"c", "\\", "%", "_", "%св%",
	};
	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		int n = nkz(q[i]);
		CHECK(n >= 0, "query [%s] fails", q[i]);
		int64_t ids[MAXIDS];
		int m = run(SEARCH_REG, q[i], 2, "ru", ids);
		CHECK(m >= 0, "register query [%s] fails", q[i]);
	}
	/* Taken literally: nothing in the classifier contains these. */
	CHECK_INT(nkz("СВАРЩИК AND ГАЗ"), 0);
	CHECK_INT(nkz("сва*"), 0);
	CHECK_INT(nkz("NEAR(сварщик газ)"), 0);
	CHECK_INT(nkz("%св%"), 0);
	CHECK_INT(count("SELECT count(*) FROM nkz"), 1000);
	/* ... and a quote inside a name is found as a quote. */
	CHECK_INT(nkz("«Б»"), nkz("«б»"));
	CHECK(nkz("«Б»") >= 2, "«Б»: %d", nkz("«Б»"));
}

/* A published version 1 and a draft 2 with some welders and others. */
static void make_register(void)
{
	static const char *const ins =
		"INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk,"
		" basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru)"
		" SELECT %d, '%s', code, name_kk, name_ru, 'Б', 'О', '%s', 5,"
		" (SELECT min(id) FROM body), 't', fold_kk, fold_ru, tz_sortkey('kk', name_kk),"
		" tz_sortkey('ru', name_ru) FROM nkz WHERE level = 6 AND substr(code, 1, 4) = '%s'";
	char sql[1024];
	CHECK_INT(db_exec(db, "INSERT INTO reg_version(id, state, created) VALUES "
	                      "(1, 'draft', '2024-01-01T00:00:00Z')"), SQLITE_OK);
	snprintf(sql, sizeof sql, ins, 1, "voluntary", "3", "7212");
	CHECK_INT(db_exec(db, sql), SQLITE_OK);
	CHECK_INT(db_exec(db, "UPDATE reg_version SET state = 'published' WHERE id = 1"), SQLITE_OK);
	CHECK_INT(db_exec(db, "INSERT INTO reg_version(id, state, created) VALUES "
	                      "(2, 'draft', '2025-01-01T00:00:00Z')"), SQLITE_OK);
	snprintf(sql, sizeof sql, ins, 2, "voluntary", "3", "7212");
	CHECK_INT(db_exec(db, sql), SQLITE_OK);
	snprintf(sql, sizeof sql, ins, 2, "mandatory", "4", "7212");
	CHECK_INT(db_exec(db, sql), SQLITE_OK);
	snprintf(sql, sizeof sql, ins, 2, "voluntary", "2", "7231");
	CHECK_INT(db_exec(db, sql), SQLITE_OK);
}

static void register_rows(void)
{
	make_register();
	int64_t ids[MAXIDS];
	int64_t all2 = count("SELECT count(*) FROM reg_row WHERE version_id = 2");
	int64_t welders = count("SELECT count(*) FROM nkz WHERE level = 6 AND substr(code, 1, 4) = '7212'");
	CHECK(welders > 5, "welders in the sample: %lld", (long long)welders);
	CHECK_INT(run(SEARCH_REG, "", 2, "kk", ids), all2);
	CHECK_INT(run(SEARCH_REG, "", 1, "kk", ids), welders);
	/* By code: both sections of version 2, none of version 1's rows. */
	int n = run(SEARCH_REG, "7212", 2, "kk", ids);
	CHECK_INT(n, 2 * welders);
	CHECK_INT(count("SELECT count(*) FROM reg_row WHERE version_id = 2 AND id IN "
	                "(SELECT id FROM reg_row WHERE version_id = 1)"), 0);
	for (int i = 0; i < n; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT version_id FROM reg_row WHERE id = %lld",
		         (long long)ids[i]);
		CHECK_INT(count(sql), 2);
	}
	/* Mandatory first, then names in the Kazakh alphabet. */
	char prev_sec[16] = "", prev[1024] = "";
	for (int i = 0; i < n; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT section, name_kk FROM reg_row WHERE id = %lld",
		         (long long)ids[i]);
		sqlite3_stmt *st = db_prep(db, sql);
		if (db_step(db, st) == SQLITE_ROW) {
			const char *sec = db_col_text(st, 0), *name = db_col_text(st, 1);
			if (i == 0)
				CHECK_STR(sec, "mandatory");
			if (!strcmp(sec, prev_sec))
				CHECK(text_collate("kk", prev, (int)strlen(prev), name, (int)strlen(name)) <= 0,
				      "kk order: %s before %s", prev, name);
			snprintf(prev_sec, sizeof prev_sec, "%s", sec);
			snprintf(prev, sizeof prev, "%s", name);
		}
		sqlite3_finalize(st);
	}
	/* By name in either language, folded. */
	int ru = run(SEARCH_REG, "СВАРЩИК", 2, "ru", ids);
	CHECK(ru > 0 && ru == run(SEARCH_REG, "сварщик", 2, "kk", ids), "СВАРЩИК in version 2: %d", ru);
	int kk = run(SEARCH_REG, "ДӘНЕКЕРЛЕУ", 2, "kk", ids);
	CHECK(kk > 0 && kk == run(SEARCH_REG, "дәнекерлеу", 2, "kk", ids), "ДӘНЕКЕРЛЕУ: %d", kk);
	CHECK_INT(run(SEARCH_REG, "МАШИНИСI", 2, "kk", ids), run(SEARCH_REG, "машинисі", 2, "kk", ids));
	CHECK(run(SEARCH_REG, "машинисі", 2, "kk", ids) > 0, "машинисі found");
	/* Short queries: the start of a name. */
	int64_t want = count("SELECT count(*) FROM reg_row WHERE version_id = 2 AND"
	                     " (substr(fold_kk, 1, 1) = 'м' OR substr(fold_ru, 1, 1) = 'м')");
	CHECK(want > 0, "rows starting with м");
	CHECK_INT(run(SEARCH_REG, "М", 2, "ru", ids), want);
	/* A row edited in the draft is found by its new name, not its old one. */
	CHECK_INT(db_exec(db, "UPDATE reg_row SET name_ru = 'ДИРИЖАБЛЬЩИК', fold_ru = 'дирижабльщик'"
	                      " WHERE id = (SELECT min(id) FROM reg_row WHERE version_id = 2)"),
	          SQLITE_OK);
	CHECK_INT(run(SEARCH_REG, "ДИРИЖАБЛ", 2, "ru", ids), 1);
	CHECK_INT(run(SEARCH_REG, "ДИРИЖАБЛ", 1, "ru", ids), 0);
}

/* Where a name shows the match: the range of its own characters. */
static void find_in_text(void)
{
	size_t off = 99, len = 99;
	CHECK_INT(search_find("Өрт сөндіруші", "СӨНД", &off, &len), 1);
	CHECK_INT(off, 7);
	CHECK_INT(len, 8);
	CHECK_INT(search_find("Инженер-техник", "ТЕХНИК", &off, &len), 1);
	CHECK_INT(off, 15);
	CHECK_INT(len, 12);
	/* Latin I typed for Kazakh І in the data still marks. */
	CHECK_INT(search_find("БIЛIМ", "білім", &off, &len), 1);
	CHECK_INT(off, 0);
	CHECK_INT(len, 8);
	CHECK_INT(search_find("ҚҰРЫЛЫСШЫ", "ұры", &off, &len), 1);
	CHECK_INT(off, 2);
	CHECK_INT(len, 6);
	CHECK_INT(search_find("Аспаз", "повар", &off, &len), 0);
	CHECK_INT(search_find("Аспаз", "", &off, &len), 0);
}

int main(void)
{
	char dir[64] = "/tmp/tz_search_XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char path[128];
	snprintf(path, sizeof path, "%s/t.db", dir);
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "store_open: %s", err);
	find_in_text();
	const char *shared = getenv("TZ_SHARED");
	char csv[512];
	snprintf(csv, sizeof csv, "%s/data/nkz-sample.csv", shared && *shared ? shared : "../shared");
	if (db && nkz_import_csv(db, csv, NULL, NULL, err, sizeof err) == 0) {
		kinds();
		classifier();
		register_rows();
		hostile();
	} else {
		CHECK(0, "sample import: %s", err);
	}
	db_close(db);
	text_cleanup();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return tz_test_done();
}
