/* The reference screens' lists as a clerk sees them: every body, the
 * authorized one first, the rest by short name in the Kazakh or the Russian
 * alphabet; associations and councils by name; NRK levels by base level
 * with '4.2' after '4'; a window is the same rows as the whole list's
 * slice; a new association is found where the list puts it, and a missing
 * one is answered as missing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/i18n.h"
#include "store/store.h"
#include "view/refview.h"

static tz_db *db;

struct got {
	int n;
	int64_t id[64];
	char cell[64][REFVIEW_MAXCELL][256];
	int ncell[64];
	char kk[64][256], ru[64][256];
	int authorized[64];
};

static void collect(void *ctx, const struct refview_row *r)
{
	struct got *g = ctx;
	if (g->n >= 64)
		return;
	g->id[g->n] = r->id;
	g->ncell[g->n] = r->ncell;
	for (int c = 0; c < r->ncell; c++)
		snprintf(g->cell[g->n][c], sizeof g->cell[0][0], "%s", r->cell[c]);
	snprintf(g->kk[g->n], sizeof g->kk[0], "%s", r->kk);
	snprintf(g->ru[g->n], sizeof g->ru[0], "%s", r->ru);
	g->authorized[g->n] = r->authorized;
	g->n++;
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Where the first row whose cell c starts with prefix stands; -1 if none. */
static int index_of(const struct got *g, int c, const char *prefix)
{
	for (int i = 0; i < g->n; i++)
		if (starts(g->cell[i][c], prefix))
			return i;
	return -1;
}

static void exec(const char *sql)
{
	CHECK(db_exec(db, sql) == 0, "%s: %s", sql, db_errmsg(db));
}

static void test_bodies(void)
{
	int all = refview_count(db, REFVIEW_BODIES);
	CHECK_INT(all, 21);
	struct got g = {0};
	CHECK_INT(refview_window(db, REFVIEW_BODIES, "kk", 0, 64, collect, &g), all);
	CHECK_INT(g.ncell[0], 3);
	/* The authorized body first. */
	CHECK_STR(g.cell[0][0], "labour");
	CHECK_INT(g.authorized[0], 1);
	CHECK_INT(g.authorized[1], 0);
	CHECK_STR(g.kk[0], "Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрлігі");
	CHECK_STR(g.ru[0], "Министерство труда и социальной защиты населения Республики Казахстан");
	/* Then by short name in the Kazakh alphabet: АҚДМ ... БҚДА, ҒЖБМ
	 * before ДСМ, ҰЭМ before ЦДИАӨМ, not after Я. */
	CHECK_STR(g.cell[1][0], "information");
	CHECK_STR(g.cell[1][1], "АҚДМ");
	CHECK(starts(g.cell[1][2], "Қазақстан Республикасының Ақпарат"), "full: %s", g.cell[1][2]);
	CHECK(index_of(&g, 1, "ҒЖБМ") < index_of(&g, 1, "ДСМ"), "Ғ before Д");
	CHECK(index_of(&g, 1, "ҒЖБМ") > index_of(&g, 1, "БҚДА"), "Ғ after Б");
	CHECK(index_of(&g, 1, "ҰЭМ") < index_of(&g, 1, "ЦДИАӨМ"), "Ұ before Ц");
	CHECK(index_of(&g, 1, "ҰЭМ") > 0, "the economy ministry listed");

	/* Russian: Ё between Е and Ж, not before А. */
	exec("INSERT INTO body (id, code, name_kk, name_ru, short_kk, short_ru) VALUES "
	     "(90, 't1', 'Т1', 'Т1', 'Т1', 'Ёлочное управление'),"
	     "(91, 't2', 'Т2', 'Т2', 'Т2', 'Единое управление'),"
	     "(92, 't3', 'Т3', 'Т3', 'Т3', 'Жилищное управление')");
	memset(&g, 0, sizeof g);
	CHECK_INT(refview_window(db, REFVIEW_BODIES, "ru", 0, 64, collect, &g), all + 3);
	CHECK_STR(g.cell[0][0], "labour");
	CHECK_STR(g.cell[1][1], "АЗРК");
	int e = index_of(&g, 1, "Единое"), yo = index_of(&g, 1, "Ёлочное"), zh = index_of(&g, 1, "Жилищное");
	CHECK(e > 1 && yo == e + 1 && zh == yo + 1, "Е, Ё, Ж at %d, %d, %d", e, yo, zh);
	exec("DELETE FROM body WHERE id >= 90");
	memset(&g, 0, sizeof g);
	CHECK_INT(refview_window(db, REFVIEW_BODIES, "ru", 0, 64, collect, &g), all);

	/* A window is the list's slice. */
	struct got w = {0};
	CHECK_INT(refview_window(db, REFVIEW_BODIES, "ru", 5, 3, collect, &w), 3);
	for (int i = 0; i < 3; i++)
		CHECK(w.id[i] == g.id[5 + i], "window row %d: id %lld, want %lld", i,
		      (long long)w.id[i], (long long)g.id[5 + i]);
	memset(&w, 0, sizeof w);
	CHECK_INT(refview_window(db, REFVIEW_BODIES, "ru", all - 2, 10, collect, &w), 2);
	CHECK_INT(refview_window(db, REFVIEW_BODIES, "ru", all, 10, collect, &w), 0);
}

static void test_associations(void)
{
	CHECK_INT(refview_count(db, REFVIEW_ASSOCIATIONS), 1);
	exec("INSERT INTO association (id, name_kk, name_ru, body_id) VALUES "
	     "(11, 'Әуе тасымалдаушылары', 'Ёлочные хозяйства', 2),"
	     "(12, 'Аспаздар одағы', 'Жестянщики', 2),"
	     "(13, 'Бағбандар', 'Агрономы', 3)");
	CHECK_INT(refview_count(db, REFVIEW_ASSOCIATIONS), 4);
	struct got g = {0};
	CHECK_INT(refview_window(db, REFVIEW_ASSOCIATIONS, "kk", 0, 10, collect, &g), 4);
	CHECK_INT(g.ncell[0], 2);
	CHECK_STR(g.cell[0][0], "Аспаздар одағы");
	CHECK_STR(g.cell[1][0], "Әуе тасымалдаушылары");
	CHECK_STR(g.cell[2][0], "Бағбандар");
	CHECK(starts(g.cell[3][0], "Қазақстан Республикасының «Атамекен»"), "%s", g.cell[3][0]);
	CHECK_STR(g.cell[2][1], "АШМ");   /* body 3's short name */
	CHECK_STR(g.cell[3][1], "");        /* the Chamber speaks for every body */
	CHECK_STR(g.kk[1], "Әуе тасымалдаушылары");
	CHECK_STR(g.ru[1], "Ёлочные хозяйства");
	CHECK_INT(g.id[1], 11);
	CHECK_INT(refview_association_at(db, 11, "kk"), 1);
	CHECK_INT(refview_association_at(db, 13, "kk"), 2);

	memset(&g, 0, sizeof g);
	CHECK_INT(refview_window(db, REFVIEW_ASSOCIATIONS, "ru", 0, 10, collect, &g), 4);
	CHECK_STR(g.cell[0][0], "Агрономы");
	CHECK_STR(g.cell[1][0], "Ёлочные хозяйства");
	CHECK_STR(g.cell[2][0], "Жестянщики");
	CHECK(starts(g.cell[3][0], "Национальная палата"), "%s", g.cell[3][0]);
	CHECK_STR(g.cell[0][1], "Минсельхоз");
	CHECK_INT(refview_association_at(db, 11, "ru"), 1);
	CHECK_INT(refview_association_at(db, 13, "ru"), 0);
	CHECK_INT(refview_association_at(db, 12, "ru"), 2);
	CHECK_INT(refview_association_at(db, 999, "ru"), -1);
	exec("DELETE FROM association WHERE id BETWEEN 11 AND 13");
	CHECK_INT(refview_count(db, REFVIEW_ASSOCIATIONS), 1);
}

static void test_councils(void)
{
	int all = refview_count(db, REFVIEW_COUNCILS);
	CHECK_INT(all, 20);
	struct got g = {0};
	CHECK_INT(refview_window(db, REFVIEW_COUNCILS, "kk", 0, 64, collect, &g), all);
	/* Агро, Азаматтық, Ақпарат: г, з, then қ after к. */
	CHECK(starts(g.cell[0][0], "Агроөнеркәсіптік"), "kk 0: %s", g.cell[0][0]);
	CHECK(starts(g.cell[1][0], "Азаматтық"), "kk 1: %s", g.cell[1][0]);
	CHECK(starts(g.cell[2][0], "Ақпарат"), "kk 2: %s", g.cell[2][0]);
	CHECK(index_of(&g, 0, "Ғылым") < index_of(&g, 0, "Денсаулық"), "Ғ before Д");
	CHECK(index_of(&g, 0, "Өнеркәсіп") < index_of(&g, 0, "Сауда"), "Ө before С");
	CHECK_STR(g.cell[0][1], "АШМ");   /* its body */
	CHECK(starts(g.ru[0], "Отраслевой совет по профессиональным квалификациям в сфере агро"),
	      "%s", g.ru[0]);
	memset(&g, 0, sizeof g);
	CHECK_INT(refview_window(db, REFVIEW_COUNCILS, "ru", 0, 2, collect, &g), 2);
	CHECK(starts(g.cell[0][0], "Отраслевой совет по профессиональным квалификациям в сфере агро"),
	      "ru 0: %s", g.cell[0][0]);
	CHECK(starts(g.cell[1][0], "Отраслевой совет по профессиональным квалификациям в сфере внешне"),
	      "ru 1: %s", g.cell[1][0]);
}

static void test_levels(void)
{
	int all = refview_count(db, REFVIEW_LEVELS);
	CHECK_INT(all, (int)db_int_query(db, "SELECT count(*) FROM nrk_level", -1));
	struct got g = {0};
	CHECK_INT(refview_window(db, REFVIEW_LEVELS, "ru", 0, 64, collect, &g), all);
	static const char order[][4] = {"1", "2", "3", "3.1", "3.2", "4", "4.1", "4.2", "5"};
	for (int i = 0; i < 9; i++)
		CHECK(!strcmp(g.cell[i][0], order[i]), "level %d: %s, want %s", i, g.cell[i][0], order[i]);
	CHECK(starts(g.cell[2][1], "Самостоятельное выполнение типовых"), "%s", g.cell[2][1]);
	CHECK(starts(g.kk[2], "Үлгілік практикалық"), "%s", g.kk[2]);
	/* A level past 9 sorts by its base, not by its text. */
	exec("INSERT INTO nrk_level (code, base, descr_kk, descr_ru) VALUES "
	     "('3.10', 3, 'он', 'десять')");
	memset(&g, 0, sizeof g);
	CHECK_INT(refview_window(db, REFVIEW_LEVELS, "kk", 3, 3, collect, &g), 3);
	CHECK_STR(g.cell[0][0], "3.1");
	CHECK_STR(g.cell[1][0], "3.2");
	CHECK_STR(g.cell[2][0], "3.10");
	CHECK_STR(g.cell[2][1], "он");
	exec("DELETE FROM nrk_level WHERE code = '3.10'");
}

int main(void)
{
	char dir[] = "/tmp/tz-refview-XXXXXX";
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
		test_councils();
		test_levels();
		db_close(db);
	}
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return tz_test_done();
}
