/* Finding things as a clerk types them (issue 12): a code without its
 * hyphens, two letters inside a word, a Kazakh word typed with the Russian
 * look-alikes of its letters, found and ranked after the names that hold
 * the query as typed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/search.h"
#include "harness.h"
#include "store/db.h"
#include "store/store.h"
#include "view/regview.h"

static char path[64];

static void add_row(tz_db *db, const char *code, const char *kk, const char *ru)
{
	sqlite3_stmt *st = db_prep(db, "INSERT OR IGNORE INTO nkz (code, level, name_kk, name_ru, "
	                               "fold_kk, fold_ru) VALUES (:c, 6, :kk, :ru, tz_fold(:kk), tz_fold(:ru))");
	db_text(st, ":c", code);
	db_text(st, ":kk", kk);
	db_text(st, ":ru", ru);
	CHECK(db_run(db, st) == 0, "nkz %s: %s", code, db_errmsg(db));
	st = db_prep(db,
		"INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
		"basis_ru, level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru) "
		"VALUES (1, 'mandatory', :c, :kk, :ru, 'Негіз', 'Основание', '3', 5, 1, 't', "
		"tz_fold(:kk), tz_fold(:ru), tz_sortkey('kk', :kk), tz_sortkey('ru', :ru))");
	db_text(st, ":c", code);
	db_text(st, ":kk", kk);
	db_text(st, ":ru", ru);
	CHECK(db_run(db, st) == 0, "insert %s: %s", code, db_errmsg(db));
}

/* The names the view shows for query, joined with '|' (titles left out). */
static void found(struct regview *rv, const char *query, char *out, size_t len)
{
	out[0] = 0;
	CHECK(rv_set_search(rv, query) == 0, "search %s", query);
	int n = rv_window(rv, 0, rv_lines(rv));
	for (int i = 0; i < n; i++) {
		const struct rv_line *l = rv_line(rv, i);
		if (l->kind == RV_TITLE)
			continue;
		if (*out)
			strncat(out, "|", len - strlen(out) - 1);
		strncat(out, l->name, len - strlen(out) - 1);
	}
}

int main(void)
{
	i18n_init("kk");
	char s[64] = "дәнекерлеуші қҰөҮғңһ";
	CHECK_STR(text_loose(s), "данекерлеуши кҰоҮгнх");   /* capitals are folded before */
	char l2[] = "\xD2\xAF\xD2\xB1";                      /* ү ұ */
	CHECK_STR(text_loose(l2), "уу");

	size_t off = 0, len = 0;
	CHECK(search_find("Электргазбен дәнекерлеуші", "данекерлеуши", &off, &len), "look-alike found");
	CHECK_INT((int)off, (int)strlen("Электргазбен "));
	CHECK_INT((int)len, (int)strlen("дәнекерлеуші"));
	CHECK(search_find("Газбен кесуші", "ші", &off, &len), "inside a word");
	CHECK(!search_find("Газбен кесуші", "шу", &off, &len), "not there");

	snprintf(path, sizeof path, "/tmp/tz-lookalike-%d.db", (int)getpid());
	unlink(path);
	char err[256] = "";
	tz_db *db = store_connect(path, 1, err, sizeof err);
	CHECK(db != NULL, "store_connect: %s", err);
	CHECK(db_script(db, "INSERT INTO nrk_level(code, base, descr_kk, descr_ru) VALUES "
	                    "('3', 3, 'д3', 'о3');"
	                    "INSERT INTO body(id, code, name_kk, name_ru, short_kk, short_ru) VALUES "
	                    "(1, 'b1', 'Еңбек министрлігі', 'Министерство труда', 'ЕХӘҚМ', 'МТСЗН');"
	                    "INSERT INTO reg_version(id, state, title, created) VALUES "
	                    "(1, 'draft', '', '2026-01-01T00:00:00Z')") == 0, "version: %s", db_errmsg(db));
	add_row(db, "7212-1-008", "Электргазбен дәнекерлеуші", "Электрогазосварщик");
	add_row(db, "7212-2-001", "Газбен кесуші", "Газорезчик");
	/* Ө sorts before Ш: without ranking the look-alike would come first. */
	add_row(db, "7549-9-002", "Өрнекші", "Орнаментщик");
	add_row(db, "7549-9-003", "Шорнекші", "Шорнекщик");
	add_row(db, "5120-1-001", "Аспаз", "Повар");

	struct regview *rv = rv_open(db);
	CHECK(rv != NULL, "rv_open");
	char buf[1024];
	found(rv, "72121008", buf, sizeof buf);
	CHECK_STR(buf, "Электргазбен дәнекерлеуші");
	found(rv, "7212-1-008", buf, sizeof buf);
	CHECK_STR(buf, "Электргазбен дәнекерлеуші");
	found(rv, "ші", buf, sizeof buf);
	CHECK_STR(buf, "Газбен кесуші|Өрнекші|Шорнекші|Электргазбен дәнекерлеуші");
	found(rv, "данекерлеуши", buf, sizeof buf);
	CHECK_STR(buf, "Электргазбен дәнекерлеуші");
	found(rv, "ДАНЕКЕРЛЕУШИ", buf, sizeof buf);
	CHECK_STR(buf, "Электргазбен дәнекерлеуші");
	found(rv, "орнек", buf, sizeof buf);
	CHECK_STR(buf, "Шорнекші|Өрнекші");           /* as typed first, then the look-alike */
	/* Typing on narrows the matches and keeps the ranking. */
	found(rv, "орнекш", buf, sizeof buf);
	CHECK_STR(buf, "Шорнекші|Өрнекші");
	found(rv, "орнекши", buf, sizeof buf);
	CHECK_STR(buf, "Өрнекші|Шорнекші");           /* both by look-alike now: the alphabet */
	found(rv, "өрнек", buf, sizeof buf);
	CHECK_STR(buf, "Өрнекші|Шорнекші");           /* typed in Kazakh: that name first */
	found(rv, "аспаз", buf, sizeof buf);
	CHECK_STR(buf, "Аспаз");
	found(rv, "кесуши", buf, sizeof buf);
	CHECK_STR(buf, "Газбен кесуші");
	found(rv, "кесущи", buf, sizeof buf);
	CHECK_STR(buf, "");                           /* щ is not a look-alike of ш */
	rv_close(rv);

	/* The classifier's search matches the same way. */
	struct search q;
	CHECK(search_init(&q, SEARCH_NKZ, "данекерлеуши") == 0, "nkz search");
	sqlite3_stmt *st = search_ids(db, &q, 0, "kk");
	int n = 0;
	while (st && db_step(db, st) == SQLITE_ROW)
		n++;
	sqlite3_finalize(st);
	search_free(&q);
	CHECK(n >= 1, "classifier: look-alike found (%d)", n);

	db_close(db);
	unlink(path);
	char p[80];
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return tz_test_done();
}
