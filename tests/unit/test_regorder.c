/* The official order of a register version on the demo database: code then
 * level by default, a row added to the draft taking its place by code and
 * level, a deleted one closing up, rows moved by the clerk, the published
 * version's numbers kept through all of it, and a new draft starting from
 * the published order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "domain/register.h"
#include "domain/regorder.h"
#include "harness.h"
#include "store/store.h"

static tz_db *db;

/* "code:level" of a section's rows in their official order, joined by spaces,
 * and whether they are numbered 1..n. */
static void order_of(int64_t v, const char *section, char *buf, size_t len, int *dense)
{
	sqlite3_stmt *st = db_prep(db, "SELECT r.nkz_code || ':' || r.level, p.num FROM reg_row r "
	                               "JOIN reg_place p ON p.row_id = r.id WHERE r.version_id = :v "
	                               "AND r.section = :s ORDER BY p.num");
	db_int(st, ":v", v);
	db_text(st, ":s", section);
	buf[0] = 0;
	*dense = 1;
	int n = 0;
	while (db_step(db, st) == SQLITE_ROW) {
		size_t k = strlen(buf);
		snprintf(buf + k, len - k, "%s%s", k ? " " : "", db_col_text(st, 0));
		if (sqlite3_column_type(st, 1) == SQLITE_NULL || sqlite3_column_int(st, 1) != ++n)
			*dense = 0;
	}
	sqlite3_finalize(st);
}

static int64_t row_of(int64_t v, const char *code, const char *level)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM reg_row WHERE version_id = :v "
	                               "AND nkz_code = :c AND level = :l");
	db_int(st, ":v", v);
	db_text(st, ":c", code);
	db_text(st, ":l", level);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

int main(void)
{
	char path[] = "/tmp/tz-regorder-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	int64_t pub = reg_published(db), draft = reg_draft(db);
	CHECK(pub && draft, "the demo has a published version and a draft");
	char pub0[4096], buf[4096];
	int dense;

	/* Code, then level, by default. */
	order_of(pub, "mandatory", pub0, sizeof pub0, &dense);
	CHECK(dense, "published: numbered 1..n");
	CHECK(!strncmp(pub0, "3221-0-004:4 3221-0-004:5 3256-1-001:5", 38), "published: %s", pub0);
	CHECK_INT(regorder_settle(db, draft), 0);
	order_of(draft, "mandatory", buf, sizeof buf, &dense);
	CHECK(dense, "draft: numbered 1..n");
	CHECK(strstr(buf, "7212-1-008:4 7212-2-001:3 7411-0-008:2") != NULL, "draft: %s", buf);
	int64_t gas = row_of(draft, "7212-2-001", "3");
	CHECK_INT(regorder_num(db, gas), 8);

	/* A new row takes its place by code and level; the rest move down. */
	struct reg_row r = {0};
	struct problems p = {0};
	CHECK_INT(reg_row_load(db, gas, &r), 0);
	r.id = 0;
	snprintf(r.level, sizeof r.level, "4");
	int rc = reg_add(db, &r, &p);
	CHECK_INT(rc, REG_OK);
	for (int i = 0; i < p.n; i++)
		printf("# problem: %s\n", p.item[i].msg);
	CHECK_INT(regorder_num(db, r.id), 0);          /* waiting for its number */
	CHECK_INT(regorder_settle(db, draft), 0);
	CHECK_INT(regorder_num(db, r.id), 9);
	CHECK_INT(regorder_num(db, row_of(draft, "7412-1-005", "3")), 12);
	order_of(draft, "mandatory", buf, sizeof buf, &dense);
	CHECK(dense, "after an addition: numbered 1..n: %s", buf);

	/* Moved by the clerk: up 6 places, then past the top stops at 1. */
	int num = 0;
	CHECK_INT(regorder_move(db, r.id, -6, &num, err, sizeof err), REG_OK);
	CHECK_INT(num, 3);
	CHECK_INT(regorder_num(db, row_of(draft, "3256-1-001", "5")), 4);
	CHECK_INT(regorder_move(db, gas, -100, &num, err, sizeof err), REG_OK);
	CHECK_INT(num, 1);
	CHECK_INT(regorder_num(db, row_of(draft, "3221-0-004", "4")), 2);
	CHECK_INT(regorder_move(db, gas, 1000, &num, err, sizeof err), REG_OK);
	CHECK_INT(num, 17);
	CHECK_INT(regorder_move(db, gas, -9, &num, err, sizeof err), REG_OK);
	CHECK_INT(num, 8);
	order_of(draft, "mandatory", buf, sizeof buf, &dense);
	CHECK(dense, "after moves: numbered 1..n: %s", buf);
	CHECK(!strncmp(buf, "3221-0-004:4 3221-0-004:5 7212-2-001:4 3256-1-001:5", 51),
	      "after moves: %s", buf);

	/* A deletion closes up; the moved rows keep their order. */
	int64_t nurse = row_of(draft, "3221-0-004", "5");
	struct reg_row n5 = {0};
	CHECK_INT(reg_row_load(db, nurse, &n5), 0);
	CHECK_INT(reg_delete(db, nurse, n5.rev), REG_OK);
	reg_row_free(&n5);
	CHECK_INT(regorder_settle(db, draft), 0);
	CHECK_INT(regorder_num(db, r.id), 2);
	order_of(draft, "mandatory", buf, sizeof buf, &dense);
	CHECK(dense, "after a deletion: numbered 1..n: %s", buf);
	char moved[4096];
	snprintf(moved, sizeof moved, "%s", buf);

	/* A change of section or level: the row takes its place again. */
	struct reg_row c = {0};
	CHECK_INT(reg_row_load(db, r.id, &c), 0);
	snprintf(c.section, sizeof c.section, "voluntary");
	CHECK_INT(reg_change(db, &c, &p), REG_OK);
	CHECK_INT(regorder_settle(db, draft), 0);
	order_of(draft, "voluntary", buf, sizeof buf, &dense);
	CHECK(dense && strstr(buf, "7212-1-008:5 7212-2-001:4 7512-2-001:3"), "moved section: %s", buf);
	snprintf(c.section, sizeof c.section, "mandatory");
	CHECK_INT(reg_change(db, &c, &p), REG_OK);
	reg_row_free(&c);
	CHECK_INT(regorder_settle(db, draft), 0);
	CHECK_INT(regorder_num(db, r.id), 8);          /* back by code: after 7212-1-008:4... */
	CHECK_INT(regorder_move(db, r.id, -6, &num, err, sizeof err), REG_OK);
	order_of(draft, "mandatory", buf, sizeof buf, &dense);
	CHECK_STR(buf, moved);

	/* The published version is as it was. */
	order_of(pub, "mandatory", buf, sizeof buf, &dense);
	CHECK(dense, "published after draft edits: numbered 1..n");
	CHECK_STR(buf, pub0);
	CHECK_INT(regorder_move(db, row_of(pub, "3256-1-001", "5"), -1, &num, err, sizeof err),
	          REG_NOT_DRAFT);
	char upd[128];
	snprintf(upd, sizeof upd, "UPDATE reg_place SET num = num + 1 WHERE version_id = %lld",
	         (long long)pub);
	CHECK(db_exec(db, upd) != 0, "the database refuses to renumber a published version");
	order_of(pub, "mandatory", buf, sizeof buf, &dense);
	CHECK_STR(buf, pub0);

	/* Published with a row waiting: numbered on the way.  The next draft
	 * starts from that order. */
	struct reg_row w = {0};
	CHECK_INT(reg_row_load(db, row_of(draft, "8343-1-001", "4"), &w), 0);
	w.id = 0;
	snprintf(w.level, sizeof w.level, "5");
	CHECK_INT(reg_add(db, &w, &p), REG_OK);
	CHECK_INT(regorder_num(db, w.id), 0);
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE reg_version SET state = 'published', "
	                          "published = '2999-01-01T00:00:00Z' WHERE id = %lld", (long long)draft);
	CHECK_INT(db_exec(db, sql), 0);
	CHECK_INT(regorder_num(db, w.id), 17);
	order_of(draft, "mandatory", buf, sizeof buf, &dense);
	CHECK(dense, "published draft: numbered 1..n: %s", buf);
	char last[4096];
	snprintf(last, sizeof last, "%s", buf);
	int64_t next = reg_new_draft(db, err, sizeof err);
	CHECK(next > 0, "a new draft: %s", err);
	CHECK_INT(regorder_settle(db, next), 0);
	order_of(next, "mandatory", buf, sizeof buf, &dense);
	CHECK(dense, "new draft: numbered 1..n");
	CHECK_STR(buf, last);
	CHECK_INT(regorder_num(db, row_of(next, "7212-2-001", "4")), 2);

	reg_row_free(&r);
	reg_row_free(&w);
	db_close(db);
	unlink(path);
	char p2[64];
	snprintf(p2, sizeof p2, "%s-wal", path);
	unlink(p2);
	snprintf(p2, sizeof p2, "%s-shm", path);
	unlink(p2);
	return tz_test_done();
}
