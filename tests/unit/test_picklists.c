/* The pickers' lists as a clerk sees them: bodies and associations in the
 * Kazakh or the Russian alphabet (not in code-point order, which would put
 * Ә, Ғ, Қ, Ұ after Я and Ё before А), narrowed by a case-folded query; a
 * body's own associations and the National Chamber, "none" first while
 * nothing is typed; the classifier's current codes in code order, groups as
 * headings; the levels by base level. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/i18n.h"
#include "store/store.h"
#include "view/picklists.h"

static tz_db *db;

/* What a picker would hold: keys and names, in order. */
struct got {
	int n;
	char key[64][32];
	char name[64][256];
	char code[64][24];
	int group[64];
};

static void collect(void *ctx, const struct pick_item *it)
{
	struct got *g = ctx;
	if (g->n >= 64)
		return;
	snprintf(g->key[g->n], sizeof g->key[0], "%s", it->key);
	snprintf(g->name[g->n], sizeof g->name[0], "%s", it->name);
	snprintf(g->code[g->n], sizeof g->code[0], "%s", it->code);
	g->group[g->n] = it->group;
	g->n++;
}

/* Where the first name starting with prefix stands; -1 when none does. */
static int index_of(const struct got *g, const char *prefix)
{
	for (int i = 0; i < g->n; i++)
		if (!strncmp(g->name[i], prefix, strlen(prefix)))
			return i;
	return -1;
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static void exec(const char *sql)
{
	CHECK(db_exec(db, sql) == 0, "%s: %s", sql, db_errmsg(db));
}

static void test_bodies(void)
{
	int all = (int)db_int_query(db, "SELECT count(*) FROM body", 0);
	struct got g = {0};
	CHECK_INT(picklist_bodies(db, "", "kk", collect, &g), all);
	CHECK_INT(g.n, all);
	/* The Kazakh alphabet: Ақпарат, Ауыл, Бәсекелестік, then Ғылым before
	 * Денсаулық; Ұлттық экономика before Цифрлық. */
	const char *kk = "Қазақстан Республикасының ";
	char want[4][128];
	const char *words[4] = {"Ақпарат", "Ауыл", "Бәсекелестікті", "Ғылым"};
	for (int i = 0; i < 4; i++) {
		snprintf(want[i], sizeof want[i], "%s%s", kk, words[i]);
		CHECK(starts(g.name[i], want[i]), "kk body %d: %s, want %s...", i, g.name[i], want[i]);
	}
	CHECK(index_of(&g, "Қазақстан Республикасының Ұлттық") <
	      index_of(&g, "Қазақстан Республикасының Цифрлық"), "Ұ before Ц");
	CHECK(index_of(&g, "Қазақстан Республикасының Ұлттық") >= 0, "the economy ministry listed");
	CHECK_STR(g.key[0], "2");

	/* Russian: "по" before "Республики" (п before р, whatever the case). */
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_bodies(db, "", "ru", collect, &g), all);
	CHECK(starts(g.name[0], "Агентство по защите"), "ru 0: %s", g.name[0]);
	CHECK(starts(g.name[1], "Агентство Республики Казахстан по регулированию"), "ru 1: %s", g.name[1]);
	CHECK(starts(g.name[2], "Бюро национальной статистики"), "ru 2: %s", g.name[2]);

	/* A query narrows, case folded, in either case of Kazakh letters. */
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_bodies(db, "ДЕНСАУЛЫҚ", "kk", collect, &g), 1);
	CHECK_STR(g.name[0], "Қазақстан Республикасының Денсаулық сақтау министрлігі");
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_bodies(db, "қаржы", "kk", collect, &g), 2);
	CHECK(starts(g.name[0], "Қазақстан Республикасының Қаржы министрлігі"), "%s", g.name[0]);
	CHECK(starts(g.name[1], "Қазақстан Республикасының Қаржы нарығын"), "%s", g.name[1]);
	/* The short name counts too. */
	exec("INSERT INTO body (id, code, name_kk, name_ru, short_kk, short_ru) VALUES "
	     "(90, 'trial', 'Сынақ органы', 'Испытательный орган', 'ЖҚЗ', 'ЮКЗ')");
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_bodies(db, "жқз", "kk", collect, &g), 1);
	CHECK_STR(g.key[0], "90");
	CHECK_STR(g.name[0], "Сынақ органы");
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_bodies(db, "жқз", "ru", collect, &g), 0);
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_bodies(db, "no such body", "kk", collect, &g), 0);
	CHECK_INT(picklist_bodies(db, "\xff\xfe", "kk", collect, &g), -1);
	exec("DELETE FROM body WHERE id = 90");
}

static void test_associations(void)
{
	/* Names whose order in each alphabet differs from code-point order. */
	exec("INSERT INTO association (id, name_kk, name_ru, body_id) VALUES "
	     "(11, 'Әуе тасымалдаушылары', 'Ёлочные хозяйства', 2),"
	     "(12, 'Аспаздар одағы', 'Жестянщики', 2),"
	     "(13, 'Бағбандар', 'Агрономы', 2),"
	     "(14, 'Басқа органның қауымдастығы', 'Другого органа', 3)");
	struct got g = {0};
	CHECK_INT(picklist_associations(db, 2, "", "kk", "none", collect, &g), 5);
	CHECK_STR(g.key[0], "0");
	CHECK_STR(g.name[0], "none");
	CHECK_STR(g.name[1], "Аспаздар одағы");
	CHECK_STR(g.name[2], "Әуе тасымалдаушылары");
	CHECK_STR(g.name[3], "Бағбандар");
	CHECK(starts(g.name[4], "Қазақстан Республикасының «Атамекен»"), "%s", g.name[4]);
	CHECK_STR(g.key[2], "11");

	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_associations(db, 2, "", "ru", "нет", collect, &g), 5);
	CHECK_STR(g.name[0], "нет");
	CHECK_STR(g.name[1], "Агрономы");
	CHECK_STR(g.name[2], "Ёлочные хозяйства");
	CHECK_STR(g.name[3], "Жестянщики");
	CHECK(starts(g.name[4], "Национальная палата"), "%s", g.name[4]);

	/* Another body's association is not offered; every body has the Chamber. */
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_associations(db, 3, "", "kk", NULL, collect, &g), 2);
	CHECK_STR(g.name[0], "Басқа органның қауымдастығы");
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_associations(db, 999, "", "kk", NULL, collect, &g), 1);
	CHECK(starts(g.name[0], "Қазақстан"), "a missing body: the Chamber only: %s", g.name[0]);

	/* Typing narrows and drops "none". */
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_associations(db, 2, "ӘУЕ", "kk", "none", collect, &g), 1);
	CHECK_STR(g.key[0], "11");
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_associations(db, 2, "ёлоч", "ru", "нет", collect, &g), 1);
	CHECK_STR(g.name[0], "Ёлочные хозяйства");
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_associations(db, 2, "нет такой", "ru", "нет", collect, &g), 0);
	CHECK_INT(picklist_associations(db, 2, "\xc3", "ru", "нет", collect, &g), -1);
	exec("DELETE FROM association WHERE id BETWEEN 11 AND 14");
}

static void test_levels(void)
{
	int all = (int)db_int_query(db, "SELECT count(*) FROM nrk_level", 0);
	struct got g = {0};
	CHECK_INT(picklist_levels(db, "kk", collect, &g), all);
	static const char order[][4] = {"1", "2", "3", "3.1", "3.2", "4", "4.1"};
	for (int i = 0; i < 7; i++) {
		CHECK(!strcmp(g.key[i], order[i]), "level %d: %s, want %s", i, g.key[i], order[i]);
		CHECK(!strcmp(g.code[i], order[i]), "level %d: code %s", i, g.code[i]);
	}
	CHECK(starts(g.name[2], "Үлгілік практикалық"), "kk level 3: %s", g.name[2]);
	memset(&g, 0, sizeof g);
	picklist_levels(db, "ru", collect, &g);
	CHECK(starts(g.name[2], "Самостоятельное выполнение типовых"), "ru level 3: %s", g.name[2]);
}

static void test_nkz(void)
{
	struct got g = {0};
	/* Everything: groups first, as headings, in code order. */
	CHECK_INT(picklist_nkz(db, "", "kk", 6, collect, &g), 6);
	static const char order[][12] = {"2", "23", "234", "2342", "2342-1", "2342-1-001"};
	for (int i = 0; i < 6; i++)
		CHECK(!strcmp(g.key[i], order[i]), "code %d: %s, want %s", i, g.key[i], order[i]);
	CHECK_INT(g.group[4], 1);
	CHECK_INT(g.group[5], 0);
	CHECK_STR(g.name[5], "Тәрбиеші");

	/* A name in either language finds the same codes, named in the one asked. */
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_nkz(db, "аспаз", "ru", 50, collect, &g), 4);
	CHECK_STR(g.key[0], "512");
	CHECK_STR(g.key[3], "5120-9-005");
	CHECK_STR(g.name[3], "Повар");
	CHECK_INT(g.group[0], 1);
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_nkz(db, "Повар", "kk", 50, collect, &g), 4);
	CHECK_STR(g.name[3], "Аспаз");
	/* A code's start. */
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_nkz(db, "7212", "kk", 50, collect, &g), 5);
	CHECK_STR(g.key[0], "7212");
	CHECK_STR(g.key[4], "7212-2-001");
	/* A retired code is no longer offered. */
	exec("UPDATE nkz SET active = 0 WHERE code = '7212-2-001'");
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_nkz(db, "7212", "kk", 50, collect, &g), 4);
	CHECK_STR(g.key[3], "7212-2");
	exec("UPDATE nkz SET active = 1 WHERE code = '7212-2-001'");
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_nkz(db, "9999", "kk", 50, collect, &g), 0);
	CHECK_INT(picklist_nkz(db, "\xff", "kk", 50, collect, &g), -1);
}

/* Many matches (more than the walk's threshold), stored against code
 * order: the page is the first codes in order, retired ones left out, and
 * a name the trigram index offers without holding the query is not listed. */
static void test_nkz_many(void)
{
	exec("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1499) "
	     "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru, active) "
	     "SELECT printf('9%04d-9-%03d', 1499 - i, i % 7), 6, 'Слесарь-жөндеуші ' || i, "
	     "'Слесарь-ремонтник ' || i, tz_fold('Слесарь-жөндеуші ' || i), "
	     "tz_fold('Слесарь-ремонтник ' || i), i % 7 <> 3 FROM n;"
	     "INSERT INTO nkz(code, level, name_kk, name_ru, fold_kk, fold_ru) "
	     "VALUES ('0000-0-001', 6, 'Орманшы', 'Лесник сле', 'орманшы', 'лесник сле');");
	char want[32] = "";
	sqlite3_stmt *st = db_prep(db, "SELECT code, count(*) OVER () FROM nkz WHERE active = 1 "
	                               "AND fold_ru GLOB 'слесарь*' ORDER BY code");
	int total = 0;
	if (st && db_step(db, st) == SQLITE_ROW) {
		snprintf(want, sizeof want, "%s", db_col_text(st, 0));
		total = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	CHECK(total > 1000, "only %d matches", total);
	struct got g = {0};
	CHECK_INT(picklist_nkz(db, "слес", "ru", 50, collect, &g), 50);
	CHECK_STR(g.key[0], want);
	int sorted = 1;
	for (int i = 1; i < g.n; i++)
		sorted &= strcmp(g.key[i - 1], g.key[i]) < 0;
	CHECK_INT(sorted, 1);
	memset(&g, 0, sizeof g);
	CHECK_INT(picklist_nkz(db, "слес", "ru", 5000, collect, &g), total);
	CHECK_INT(index_of(&g, "Лесник"), -1);
	exec("DELETE FROM nkz WHERE code GLOB '9[0-9][0-9][0-9][0-9]-9-*' OR code = '0000-0-001'");
}

int main(void)
{
	char dir[] = "/tmp/tz-picklists-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(0, "mkdtemp");
		return tz_test_done();
	}
	char path[64], err[512] = "";
	snprintf(path, sizeof path, "%s/t.db", dir);
	i18n_init("kk");
	db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (db) {
		test_bodies();
		test_associations();
		test_levels();
		test_nkz();
		test_nkz_many();
		db_close(db);
	}
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return tz_test_done();
}
