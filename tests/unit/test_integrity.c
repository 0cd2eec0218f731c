/* verify's checks against someone who holds the file: the schema set against
 * the program's own, the kept counts recomputed, every published version's
 * seal recomputed, a chain head kept outside; and the seals of a database
 * written before seals, made when it is first opened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "store/audit.h"
#include "base/i18n.h"
#include "store/integrity.h"
#include "domain/register.h"
#include "store/seal.h"
#include "store/store.h"

extern const char tz_data_demo_sql[];

static tz_db *db;
static sqlite3 *raw;   /* a connection like the sqlite3 shell's */

struct said {
	int n;
	char text[8192];
};

static void collect(void *ctx, const char *area, const char *what)
{
	struct said *s = ctx;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%s: %s\n", area, what);
	s->n++;
}

/* Runs the checks; the problems' text in s.  Returns their number. */
static long check(struct said *s, const char *head, int64_t *head_at)
{
	memset(s, 0, sizeof *s);
	struct integrity_run r = {.fn = collect, .ctx = s, .head = head};
	long n = integrity_check(db, &r);
	CHECK(n >= 0, "check ran: %s", r.err);
	CHECK_INT(n, s->n);
	if (head_at)
		*head_at = r.head_at;
	return n;
}

/* Whether text holds the number n by itself (in any language: "entry 1",
 * "1-жазбасы"). */
static int has_number(const char *text, long long n)
{
	for (const char *p = text; *p; p++)
		if (*p >= '0' && *p <= '9' && (p == text || p[-1] < '0' || p[-1] > '9')) {
			char *end;
			if (strtoll(p, &end, 10) == n)
				return 1;
			p = end - 1;
		}
	return 0;
}

static int rawexec(const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(raw, sql, NULL, NULL, &msg);
	if (rc)
		printf("# raw: %s: %s\n", msg ? msg : "?", sql);
	sqlite3_free(msg);
	return rc;
}

static char *raw_text(const char *sql)
{
	sqlite3_stmt *st = NULL;
	char *t = NULL;
	if (sqlite3_prepare_v2(raw, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		t = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return t;
}

static void remove_db(const char *path)
{
	char side[600];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static void head_parse(void)
{
	int64_t e;
	char h[65];
	const char *hex = "0123456789abcdef0123456789abcdef0123456789ABCDEF0123456789abcdef";
	CHECK_INT(integrity_head_parse(hex, &e, h), 0);
	CHECK_INT(e, 0);
	CHECK_STR(h, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	char with[80];
	snprintf(with, sizeof with, "42:%s", hex);
	CHECK_INT(integrity_head_parse(with, &e, h), 0);
	CHECK_INT(e, 42);
	snprintf(with, sizeof with, "42 %s", hex);
	CHECK_INT(integrity_head_parse(with, &e, h), 0);
	snprintf(with, sizeof with, "0:%s", hex);
	CHECK_INT(integrity_head_parse(with, &e, h), -1);
	snprintf(with, sizeof with, "%.63s", hex);
	CHECK_INT(integrity_head_parse(with, &e, h), -1);
	snprintf(with, sizeof with, "%.63sg", hex);
	CHECK_INT(integrity_head_parse(with, &e, h), -1);
	CHECK_INT(integrity_head_parse("", &e, h), -1);
	CHECK_INT(integrity_head_parse("42:", &e, h), -1);
}

int main(void)
{
	i18n_init("kk");
	head_parse();

	char path[] = "/tmp/tz-integrity-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	char err[512] = "";
	/* A database as a program before seals left it: the demo's version
	 * published by its script, nothing sealed. */
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_script(db, tz_data_demo_sql), 0);
	CHECK_INT(db_commit(db), 0);
	int64_t pub = reg_published(db);
	CHECK(pub > 0, "a published version");
	char want[SEAL_HEX_LEN], have[SEAL_HEX_LEN];
	CHECK_INT(seal_recorded(db, pub, want), 0);
	struct said s;
	CHECK_INT(check(&s, NULL, NULL), 1);
	CHECK(has_number(s.text, pub), "names the version: %s", s.text);

	/* Opened again, it is sealed, once. */
	db_close(db);
	db = store_connect(path, 0, err, sizeof err);
	CHECK(db != NULL, "reopen: %s", err);
	if (!db)
		return tz_test_done();
	CHECK_INT(seal_recorded(db, pub, want), 1);
	long rows = 0;
	CHECK_INT(seal_compute(db, pub, have, &rows), 0);
	CHECK_STR(have, want);
	CHECK_INT(rows, db_int_query(db, "SELECT count(*) FROM reg_row WHERE version_id = 1", -1));
	CHECK_INT(strlen(have), 64);
	char what[512];
	CHECK_INT(audit_verify(db, what, sizeof what), 0);
	CHECK_INT(check(&s, NULL, NULL), 0);
	int64_t seals = db_int_query(db, "SELECT count(*) FROM change_log WHERE action = 'seal'", -1);
	CHECK_INT(seals, 1);
	/* A seal of another version differs though its rows are the same. */
	int64_t draft = reg_draft(db);
	char other[SEAL_HEX_LEN];
	CHECK_INT(seal_compute(db, draft, other, NULL), 0);
	CHECK(strcmp(other, have) != 0, "seal of the draft: %s", other);

	/* The head as it is now is found; another is not. */
	char head[96];
	CHECK_INT(audit_head(db, head, sizeof head), 0);
	int64_t at = 0;
	CHECK_INT(check(&s, head, &at), 0);
	CHECK_INT(at, atoll(head));
	CHECK_INT(check(&s, strchr(head, ':') + 1, &at), 0);
	CHECK_INT(at, atoll(head));
	CHECK_INT(check(&s, "1:0000000000000000000000000000000000000000000000000000000000000000", &at), 1);
	CHECK_INT(at, 0);
	CHECK(has_number(s.text, 1), "names entry 1: %s", s.text);
	CHECK_INT(check(&s, "0000000000000000000000000000000000000000000000000000000000000000", NULL), 1);

	CHECK_INT(sqlite3_open_v2(path, &raw, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(raw, 5000);

	/* The guard trigger dropped: named.  Made again with another layout:
	 * the same trigger.  Made again doing something else: named. */
	char *guard = raw_text("SELECT sql FROM sqlite_schema WHERE name = 'reg_row_published_u'");
	CHECK(guard != NULL, "the guard's definition");
	CHECK_INT(rawexec("DROP TRIGGER reg_row_published_u"), 0);
	CHECK_INT(check(&s, NULL, NULL), 1);
	CHECK(strstr(s.text, "reg_row_published_u") != NULL, "names the trigger: %s", s.text);
	CHECK_INT(rawexec("CREATE TRIGGER reg_row_published_u   BEFORE UPDATE ON reg_row\n"
	                  "  WHEN (SELECT state FROM reg_version WHERE id = old.version_id) <> 'draft' -- x\n"
	                  "BEGIN  SELECT RAISE(ABORT, 'register version is not a draft');\n END"), 0);
	CHECK_INT(check(&s, NULL, NULL), 0);
	CHECK_INT(rawexec("DROP TRIGGER reg_row_published_u"), 0);
	CHECK_INT(rawexec("CREATE TRIGGER reg_row_published_u BEFORE UPDATE ON reg_row "
	                  "WHEN (SELECT state FROM reg_version WHERE id = old.version_id) <> 'Draft' "
	                  "BEGIN SELECT RAISE(ABORT, 'register version is not a draft'); END"), 0);
	CHECK_INT(check(&s, NULL, NULL), 1);
	CHECK(strstr(s.text, "reg_row_published_u") != NULL, "names the altered trigger: %s", s.text);
	CHECK_INT(rawexec("DROP TRIGGER reg_row_published_u"), 0);
	CHECK_INT(rawexec(guard), 0);
	free(guard);
	CHECK_INT(check(&s, NULL, NULL), 0);

	/* A logging trigger dropped, an index added: both named. */
	CHECK_INT(rawexec("DROP TRIGGER log_reg_row_d; CREATE INDEX reg_row_rev ON reg_row(rev)"), 0);
	CHECK_INT(check(&s, NULL, NULL), 2);
	CHECK(strstr(s.text, "log_reg_row_d") != NULL, "names the logging trigger: %s", s.text);
	CHECK(strstr(s.text, "reg_row_rev") != NULL, "names the index: %s", s.text);
	CHECK_INT(rawexec("DROP INDEX reg_row_rev"), 0);
	CHECK_INT(audit_triggers(db), 0);
	CHECK_INT(check(&s, NULL, NULL), 0);

	/* A kept count changed, and one gone. */
	CHECK_INT(rawexec("UPDATE reg_count SET n = 1000000 WHERE version_id = 1 AND section = 'mandatory'"), 0);
	CHECK_INT(check(&s, NULL, NULL), 1);
	CHECK(has_number(s.text, 1000000), "the count kept: %s", s.text);
	int64_t counted = db_int_query(db, "SELECT count(*) FROM reg_row WHERE version_id = 1 "
	                                   "AND section = 'mandatory'", -1);
	CHECK(has_number(s.text, counted), "the count counted (%lld): %s", (long long)counted, s.text);
	CHECK_INT(rawexec("DELETE FROM reg_count WHERE version_id = 1 AND section = 'mandatory'"), 0);
	CHECK_INT(check(&s, NULL, NULL), 1);
	CHECK_INT(rawexec("INSERT INTO reg_count(version_id, section, n) SELECT version_id, section, count(*) "
	                  "FROM reg_row WHERE version_id = 1 AND section = 'mandatory' GROUP BY 1, 2"), 0);
	CHECK_INT(check(&s, NULL, NULL), 0);

	/* A published row changed with every trigger off: only the seal knows,
	 * and the row is named from the change log. */
	CHECK_INT(sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL), SQLITE_OK);
	char *code = raw_text("SELECT nkz_code || ' ' || level FROM reg_row WHERE version_id = 1 "
	                      "ORDER BY id LIMIT 1");
	CHECK_INT(rawexec("UPDATE reg_row SET basis_ru = basis_ru || '.' WHERE id = "
	                  "(SELECT min(id) FROM reg_row WHERE version_id = 1)"), 0);
	CHECK_INT(check(&s, NULL, NULL), 2);
	CHECK(code && strstr(s.text, strchr(code, ' ') + 1) != NULL, "names the row %s: %s", code, s.text);
	*strchr(code, ' ') = 0;
	CHECK(strstr(s.text, code) != NULL, "names the code %s: %s", code, s.text);
	CHECK(strstr(s.text, ", ru") != NULL, "names the column: %s", s.text);
	CHECK_INT(rawexec("UPDATE reg_row SET basis_ru = substr(basis_ru, 1, length(basis_ru) - 1) WHERE id = "
	                  "(SELECT min(id) FROM reg_row WHERE version_id = 1)"), 0);
	CHECK_INT(check(&s, NULL, NULL), 0);
	free(code);
	/* A published row removed the same way: the count, the counts by first
	 * letters that search shows (schema 20), the seal, and the row the log
	 * has in the version. */
	code = raw_text("SELECT nkz_code FROM reg_row WHERE id = (SELECT max(id) FROM reg_row WHERE version_id = 1)");
	CHECK_INT(rawexec("DELETE FROM reg_row WHERE id = (SELECT max(id) FROM reg_row WHERE version_id = 1)"), 0);
	CHECK_INT(check(&s, NULL, NULL), 4);
	CHECK(code && strstr(s.text, code) != NULL, "names the removed row %s: %s", code, s.text);
	CHECK(strstr(s.text, "бас әріптері") != NULL, "names the first letters' counts: %s", s.text);
	if (getenv("VERBOSE"))
		printf("%s", s.text);
	free(code);
	CHECK_INT(sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL), SQLITE_OK);

	/* Once seals exist, a version published without one stays unsealed at
	 * the next opening, and is named. */
	sqlite3_close(raw);
	db_close(db);
	remove_db(path);
	db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "demo: %s", err);
	if (!db)
		return tz_test_done();
	CHECK_INT(check(&s, NULL, NULL), 0);
	CHECK_INT(seal_recorded(db, reg_published(db), want), 1);
	CHECK_INT(db_begin(db), 0);
	CHECK_INT(db_exec(db, "INSERT INTO reg_version(id, state, created) VALUES (77, 'published', '2026-01-01')"), 0);
	CHECK_INT(db_commit(db), 0);
	db_close(db);
	db = store_connect(path, 0, err, sizeof err);
	CHECK(db != NULL, "reopen: %s", err);
	if (!db)
		return tz_test_done();
	CHECK_INT(seal_recorded(db, 77, want), 0);
	CHECK_INT(check(&s, NULL, NULL), 1);
	CHECK(has_number(s.text, 77), "names version 77: %s", s.text);

	db_close(db);
	remove_db(path);
	return tz_test_done();
}
