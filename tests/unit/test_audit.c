/* The change log: each kind of change logged with login, before/after and
 * reason; the chain verified; entries altered, removed or inserted outside
 * the program found, each named by its id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit.h"
#include "harness.h"
#include "base/host.h"
#include "base/i18n.h"
#include "exchange/nkzin.h"
#include "domain/register.h"
#include "store/store.h"

static tz_db *db;
static sqlite3 *raw;   /* a connection like the sqlite3 shell's: no program functions */

struct last {
	int n;
	int64_t id;
	char login[64], object[32], object_id[64], action[16], reason[128];
	char before[4096], after[4096], delta[4096];
};

static int keep(void *ctx, const struct audit_entry *e)
{
	struct last *l = ctx;
	l->n++;
	l->id = e->id;
	snprintf(l->login, sizeof l->login, "%s", e->login);
	snprintf(l->object, sizeof l->object, "%s", e->object);
	snprintf(l->object_id, sizeof l->object_id, "%s", e->object_id);
	snprintf(l->action, sizeof l->action, "%s", e->action);
	snprintf(l->reason, sizeof l->reason, "%s", e->reason);
	snprintf(l->before, sizeof l->before, "%s", e->before ? e->before : "(null)");
	snprintf(l->after, sizeof l->after, "%s", e->after ? e->after : "(null)");
	snprintf(l->delta, sizeof l->delta, "%s", e->delta);
	return 0;
}

/* The newest entry about object. */
static struct last newest(const char *object)
{
	struct last l = {0};
	struct audit_filter f = {.object = object, .newest_first = 1, .limit = 1};
	CHECK_INT(audit_query(db, &f, keep, &l), 0);
	return l;
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

static int64_t verify(char *what, size_t len)
{
	what[0] = 0;
	return audit_verify(db, what, len);
}

static int64_t log_count(void)
{
	return db_int_query(db, "SELECT count(*) FROM change_log", -1);
}

int main(void)
{
	char path[] = "/tmp/tz-audit-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "", what[512];
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	CHECK_INT(store_load_demo(db), 0);
	CHECK_INT(sqlite3_open_v2(path, &raw, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(raw, 5000);

	/* A new database: its reference data and its first administrator logged. */
	CHECK(log_count() > 20, "reference data logged: %lld entries", (long long)log_count());
	struct last u = newest("app_user");
	CHECK_STR(u.object_id, host_login());
	CHECK_STR(u.login, host_login());
	CHECK_STR(u.action, "insert");
	CHECK(strstr(u.after, "\"role\":\"admin\"") != NULL, "after: %s", u.after);
	CHECK_INT(verify(what, sizeof what), 0);

	/* A register row changed with a reason: who, before, after, why. */
	int64_t draft = reg_draft(db);
	if (!draft)
		draft = reg_new_draft(db, err, sizeof err);
	CHECK(draft > 0, "a draft: %s", err);
	int64_t rid = db_int_query(db, "SELECT min(id) FROM reg_row WHERE version_id = "
	                               "(SELECT id FROM reg_version WHERE state = 'draft')", 0);
	struct reg_row r = {0};
	struct problems p = {0};
	CHECK_INT(reg_row_load(db, rid, &r), 0);
	char *old = strdup(r.basis_kk);
	reg_row_set(&r.basis_kk, "Жаңа негіз");
	audit_reason(db, "the standard was renamed");
	CHECK_INT(reg_change(db, &r, &p), REG_OK);
	struct last c = newest("reg_row");
	char rid_s[24];
	snprintf(rid_s, sizeof rid_s, "%lld", (long long)rid);
	CHECK_STR(c.object_id, rid_s);
	CHECK_STR(c.action, "update");
	CHECK_STR(c.login, host_login());
	CHECK_STR(c.reason, "the standard was renamed");
	CHECK(strstr(c.before, old) != NULL, "before has the old basis: %s", c.before);
	CHECK(strstr(c.after, "Жаңа негіз") != NULL, "after has the new basis: %s", c.after);
	CHECK(strstr(c.delta, "basis_kk: ") && strstr(c.delta, "-> Жаңа негіз"), "delta: %s", c.delta);
	CHECK(!strstr(c.delta, "name_kk"), "delta lists only what changed: %s", c.delta);
	free(old);

	/* The reason lasts until cleared; a delete keeps the row as it was. */
	audit_reason(db, NULL);
	CHECK_INT(reg_delete(db, rid, r.rev), REG_OK);
	c = newest("reg_row");
	CHECK_STR(c.action, "delete");
	CHECK_STR(c.reason, "");
	CHECK_STR(c.after, "(null)");
	CHECK(strstr(c.before, "Жаңа негіз") != NULL, "before: %s", c.before);
	reg_row_free(&r);

	/* States and reference data are logged by the same triggers. */
	CHECK_INT(db_exec(db, "INSERT INTO cycle(year, season) VALUES (2031, 'spring')"), 0);
	c = newest("cycle");
	CHECK_STR(c.action, "insert");
	CHECK(strstr(c.after, "2031") != NULL, "cycle after: %s", c.after);
	CHECK_INT(db_exec(db, "UPDATE calendar_day SET note_kk = 'x' WHERE date = "
	                      "(SELECT min(date) FROM calendar_day)"), 0);
	c = newest("calendar_day");
	CHECK_STR(c.action, "update");
	CHECK_INT(db_exec(db, "UPDATE reg_version SET title = 'Жоба' WHERE state = 'draft'"), 0);
	c = newest("reg_version");
	CHECK(strstr(c.delta, "title:  -> Жоба") != NULL, "version delta: %s", c.delta);

	/* An explicit entry. */
	CHECK_INT(audit_log(db, "press", "2031-spring", "publish", NULL, "{\"lang\":\"kk\"}"), 0);
	c = newest("press");
	CHECK_STR(c.after, "{\"lang\":\"kk\"}");
	CHECK_STR(c.login, host_login());

	/* The classifier import: one summary entry naming the file by its hash. */
	const char *shared = getenv("TZ_SHARED") ? getenv("TZ_SHARED") : "../shared";
	char csv[1024], hex[65];
	snprintf(csv, sizeof csv, "%s/data/nkz-sample.csv", shared);
	int64_t n0 = log_count();
	struct nkz_import_stats ns;
	CHECK_INT(nkz_import_csv(db, csv, NULL, &ns, err, sizeof err), 0);
	CHECK_INT(log_count(), n0 + 1);
	c = newest("nkz");
	CHECK_STR(c.action, "import");
	CHECK_INT(audit_sha256_file(csv, hex), 0);
	CHECK(strstr(c.after, hex) != NULL, "summary names the file's hash: %s", c.after);
	CHECK(ns.imported > 100, "imported %ld", ns.imported);

	/* SHA-256 itself. */
	char abc[] = "/tmp/tz-audit-abc-XXXXXX";
	fd = mkstemp(abc);
	CHECK_INT(write(fd, "abc", 3), 3);
	close(fd);
	CHECK_INT(audit_sha256_file(abc, hex), 0);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	unlink(abc);

	/* Filters: by login, by date. */
	struct last l = {0};
	struct audit_filter f = {.login = "no-such-login"};
	CHECK_INT(audit_query(db, &f, keep, &l), 0);
	CHECK_INT(l.n, 0);
	f = (struct audit_filter){.to = "2000-12-31"};
	CHECK_INT(audit_query(db, &f, keep, &l), 0);
	CHECK_INT(l.n, 0);
	f = (struct audit_filter){.from = "2000-01-01", .object = "nkz"};
	CHECK_INT(audit_query(db, &f, keep, &l), 0);
	CHECK_INT(l.n, 1);

	CHECK_INT(verify(what, sizeof what), 0);

	/* Tampering from outside the program, each undone after it is found. */
	CHECK_INT(rawexec("CREATE TEMP TABLE saved AS SELECT * FROM change_log WHERE id = 3"), 0);
	CHECK_INT(rawexec("UPDATE change_log SET after = json_object('name_kk', 'x') WHERE id = 3"), 0);
	CHECK_INT(verify(what, sizeof what), 3);
	CHECK(strstr(what, "3") != NULL, "names the entry: %s", what);
	CHECK_INT(rawexec("UPDATE change_log SET after = (SELECT after FROM saved) WHERE id = 3"), 0);
	CHECK_INT(verify(what, sizeof what), 0);

	CHECK_INT(rawexec("DELETE FROM change_log WHERE id = 3"), 0);
	CHECK_INT(verify(what, sizeof what), 3);
	CHECK(strstr(what, "3") != NULL, "names the removed entry: %s", what);
	CHECK_INT(rawexec("INSERT INTO change_log SELECT * FROM saved"), 0);
	CHECK_INT(verify(what, sizeof what), 0);

	/* A forged entry at the end, even one copying a real entry's hash. */
	int64_t next = log_count() + 1;
	CHECK_INT(rawexec("INSERT INTO change_log(at, login, object, object_id, action, hash) "
	                  "SELECT at, login, 'reg_row', '1', 'delete', hash FROM change_log "
	                  "WHERE id = (SELECT max(id) FROM change_log)"), 0);
	CHECK_INT(verify(what, sizeof what), next);
	CHECK_INT(rawexec("DELETE FROM change_log WHERE id = (SELECT max(id) FROM change_log)"), 0);
	CHECK_INT(verify(what, sizeof what), 0);

	/* The newest entry removed. */
	int64_t last = log_count();
	CHECK_INT(rawexec("DROP TABLE saved; CREATE TEMP TABLE saved AS SELECT * FROM change_log "
	                  "WHERE id = (SELECT max(id) FROM change_log); "
	                  "DELETE FROM change_log WHERE id = (SELECT id FROM saved)"), 0);
	CHECK_INT(verify(what, sizeof what), last);
	CHECK_INT(rawexec("INSERT INTO change_log SELECT * FROM saved"), 0);
	CHECK_INT(verify(what, sizeof what), 0);

	/* A register change made outside the program is logged, unsealed. */
	CHECK_INT(rawexec("UPDATE reg_row SET basis_ru = 'x' WHERE id = (SELECT max(id) FROM reg_row "
	                  "WHERE version_id = (SELECT id FROM reg_version WHERE state = 'draft'))"), 0);
	CHECK_INT(verify(what, sizeof what), last + 1);
	CHECK(strstr(what, "reg_row") != NULL, "names the object: %s", what);

	sqlite3_close(raw);
	db_close(db);
	char side[600];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	return tz_test_done();
}
