/* The classifier screen's data as a clerk browses it: the major groups,
 * a group's children in code order, the path of codes above a group and
 * its name in either language, a query that finds codes at every level in
 * either language and goes away again, retired codes marked, and Up
 * landing on the group just left. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/i18n.h"
#include "store/store.h"
#include "view/nkzview.h"

static tz_db *db;

struct got {
	int n;
	char code[64][NKZVIEW_CODE];
	char name[64][256];
	int level[64], active[64];
};

static void collect(void *ctx, const struct nkzview_row *r)
{
	struct got *g = ctx;
	if (g->n >= 64)
		return;
	snprintf(g->code[g->n], sizeof g->code[0], "%s", r->code);
	snprintf(g->name[g->n], sizeof g->name[0], "%s", r->name);
	g->level[g->n] = r->level;
	g->active[g->n] = r->active;
	g->n++;
}

/* The codes listed, joined by spaces. */
static const char *codes(struct nkzview *v, const char *lang)
{
	static char buf[1024];
	struct got g = {0};
	nkzview_window(db, v, lang, 0, 64, collect, &g);
	buf[0] = 0;
	for (int i = 0; i < g.n; i++) {
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof buf - n, "%s%s", i ? " " : "", g.code[i]);
	}
	return buf;
}

static void test_browse(void)
{
	struct nkzview v = {0};
	CHECK_INT(nkzview_set_parent(db, &v, ""), 5);
	CHECK_INT(v.count, 5);
	CHECK_STR(codes(&v, "kk"), "2 3 5 7 8");
	struct got g = {0};
	CHECK_INT(nkzview_window(db, &v, "kk", 1, 2, collect, &g), 2);
	CHECK_STR(g.code[0], "3");
	CHECK_STR(g.name[1], "Қызмет көрсету және сауда саласының, азаматтар мен меншікті күзету қызметкерлері");
	CHECK_INT(g.level[0], 1);
	memset(&g, 0, sizeof g);
	nkzview_window(db, &v, "ru", 2, 1, collect, &g);
	CHECK_STR(g.name[0], "Работники сферы обслуживания и торговли, охраны граждан и собственности");

	struct nkzview_trail t;
	nkzview_trail(db, &v, "kk", &t);
	CHECK_INT(t.n, 0);
	CHECK_STR(t.name, "");

	/* Into a group: its children, and the path down to it. */
	CHECK_INT(nkzview_set_parent(db, &v, "7212"), 2);
	CHECK_STR(codes(&v, "kk"), "7212-1 7212-2");
	nkzview_trail(db, &v, "kk", &t);
	CHECK_INT(t.n, 4);
	CHECK_STR(t.code[0], "7");
	CHECK_STR(t.code[1], "72");
	CHECK_STR(t.code[2], "721");
	CHECK_STR(t.code[3], "7212");
	CHECK_STR(t.name, "Пісірушілер және газбен кесушілер");
	nkzview_trail(db, &v, "ru", &t);
	CHECK_STR(t.name, "Сварщики и газорезчики");

	/* The row under the cursor: code and level; past the end none. */
	char code[NKZVIEW_CODE] = "";
	CHECK_INT(nkzview_row_at(db, &v, 1, code, sizeof code), 5);
	CHECK_STR(code, "7212-2");
	CHECK_INT(nkzview_row_at(db, &v, 2, code, sizeof code), 0);
	CHECK_INT(nkzview_set_parent(db, &v, "7212-1"), 1);
	CHECK_INT(nkzview_row_at(db, &v, 0, code, sizeof code), 6);
	CHECK_STR(code, "7212-1-008");

	/* A retired code stays listed, marked. */
	CHECK_INT(db_exec(db, "UPDATE nkz SET active = 0 WHERE code = '7212-1-008'"), 0);
	memset(&g, 0, sizeof g);
	nkzview_window(db, &v, "kk", 0, 10, collect, &g);
	CHECK_INT(g.n, 1);
	CHECK_INT(g.active[0], 0);
	CHECK_INT(db_exec(db, "UPDATE nkz SET active = 1 WHERE code = '7212-1-008'"), 0);

	/* A group not in the classifier: nothing under it, its code alone. */
	CHECK_INT(nkzview_set_parent(db, &v, "9999"), 0);
	CHECK_STR(codes(&v, "kk"), "");
	nkzview_trail(db, &v, "kk", &t);
	CHECK_INT(t.n, 1);
	CHECK_STR(t.code[0], "9999");
	CHECK_STR(t.name, "");
	CHECK_INT(nkzview_row_at(db, &v, 0, code, sizeof code), 0);
	nkzview_free(&v);
	CHECK_STR(v.parent, "");
}

static void test_search(void)
{
	struct nkzview v = {0};
	nkzview_set_parent(db, &v, "72");
	/* A name in either language finds it at every level, in code order. */
	CHECK_INT(nkzview_set_query(db, &v, "аспаз"), 4);
	CHECK_STR(codes(&v, "ru"), "512 5120 5120-9 5120-9-005");
	struct got g = {0};
	nkzview_window(db, &v, "ru", 0, 10, collect, &g);
	CHECK_STR(g.name[3], "Повар");
	CHECK_INT(g.level[0], 3);
	CHECK_INT(g.level[3], 6);
	CHECK_INT(nkzview_set_query(db, &v, "ПОВАР"), 4);
	memset(&g, 0, sizeof g);
	nkzview_window(db, &v, "kk", 0, 10, collect, &g);
	CHECK_STR(g.name[3], "Аспаз");
	char code[NKZVIEW_CODE];
	CHECK_INT(nkzview_row_at(db, &v, 3, code, sizeof code), 6);
	CHECK_STR(code, "5120-9-005");
	/* A code's start; the group stays where it was. */
	CHECK_INT(nkzview_set_query(db, &v, "834"), 9);
	CHECK_STR(codes(&v, "kk"), "834 8341 8341-1 8341-1-002 8343 8343-1 8343-1-001 8343-2 8343-2-009");
	CHECK_STR(v.parent, "72");
	struct nkzview_trail t;
	nkzview_trail(db, &v, "kk", &t);
	CHECK_INT(t.n, 2);
	/* Nothing found; then no query: the group again. */
	CHECK_INT(nkzview_set_query(db, &v, "жоқ мамандық"), 0);
	CHECK_INT(v.count, 0);
	CHECK_INT(nkzview_set_query(db, &v, ""), 1);
	CHECK_STR(codes(&v, "kk"), "721");
	/* Text that is not UTF-8 cannot be searched: the group is shown. */
	CHECK_INT(nkzview_set_query(db, &v, "\xff"), -1);
	CHECK_INT(v.count, 1);
	CHECK_INT(v.searching, 0);
	nkzview_free(&v);
}

static void test_up(void)
{
	struct nkzview v = {0};
	nkzview_set_parent(db, &v, "7215");
	/* From 7215 to 721, the cursor on 7215, its second child. */
	CHECK_INT(nkzview_up(db, &v), 1);
	CHECK_STR(v.parent, "721");
	CHECK_STR(codes(&v, "kk"), "7212 7215");
	CHECK_INT(nkzview_up(db, &v), 0);
	CHECK_STR(v.parent, "72");
	CHECK_INT(nkzview_up(db, &v), 0);
	CHECK_STR(v.parent, "7");
	/* From 7 to the major groups, on the fourth. */
	CHECK_INT(nkzview_up(db, &v), 3);
	CHECK_STR(v.parent, "");
	CHECK_INT(v.count, 5);
	CHECK_INT(nkzview_up(db, &v), 0);
	CHECK_STR(v.parent, "");
	/* Up leaves a query. */
	nkzview_set_parent(db, &v, "8343");
	nkzview_set_query(db, &v, "аспаз");
	CHECK_INT(nkzview_up(db, &v), 1);
	CHECK_STR(v.parent, "834");
	CHECK_INT(v.searching, 0);
	CHECK_STR(codes(&v, "kk"), "8341 8343");
	/* A group that is gone: back to the major groups. */
	nkzview_set_parent(db, &v, "9999");
	CHECK_INT(nkzview_up(db, &v), 5);
	CHECK_STR(v.parent, "");
	nkzview_free(&v);
}

int main(void)
{
	char dir[] = "/tmp/tz-nkzview-XXXXXX";
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
		test_browse();
		test_search();
		test_up();
		db_close(db);
	}
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return tz_test_done();
}
