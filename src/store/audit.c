#include "store/audit.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/host.h"
#include "base/i18n.h"
#include "base/debuglog.h"
#include "base/safefile.h"

/* Per connection: the reason set by audit_reason(), read by tz_reason(), and
 * the digest that tz_chain() reuses (set up once: fetching SHA-256 afresh for
 * every entry cost as much as hashing it). */
struct actx {
	char *reason;
	EVP_MD_CTX *md;
};

static void actx_free(void *p)
{
	struct actx *a = p;
	free(a->reason);
	EVP_MD_CTX_free(a->md);
	free(a);
}

/* The key in meta that holds the insert triggers back (audit_defer). */
#define AUDIT_DEFERRED "log_deferred"

/* Set only while the program loads data it ships (audit_login_as). */
static const char *login_as;

void audit_login_as(const char *login) { login_as = login; }

static void login_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	sqlite3_result_text(ctx, login_as ? login_as : host_login(), -1, SQLITE_TRANSIENT);
}

static void reason_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	struct actx *a = sqlite3_user_data(ctx);
	sqlite3_result_text(ctx, a->reason ? a->reason : "", -1, SQLITE_TRANSIENT);
}

static void set_reason_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct actx *a = sqlite3_user_data(ctx);
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *copy = s && *s ? strdup((const char *)s) : NULL;
	if (s && *s && !copy) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	free(a->reason);
	a->reason = copy;
	sqlite3_result_null(ctx);
}

/* Each field goes in with its length (or a NULL mark: s NULL), so that
 * moving text from one field to the next changes the hash. */
static void feed_text(EVP_MD_CTX *md, const unsigned char *s, int n)
{
	if (!s) {
		EVP_DigestUpdate(md, "N;", 2);
		return;
	}
	/* "<n>:", the same bytes as printf's "%d:" */
	char len[24], *p = len + sizeof len;
	*--p = ':';
	unsigned u = n > 0 ? (unsigned)n : 0;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	EVP_DigestUpdate(md, p, (size_t)(len + sizeof len - p));
	EVP_DigestUpdate(md, s, (size_t)(n > 0 ? n : 0));
	EVP_DigestUpdate(md, ";", 1);
}

static void hex_of(const unsigned char *d, unsigned n, char *out)
{
	static const char x[] = "0123456789abcdef";
	for (unsigned i = 0; i < n; i++) {
		out[2 * i] = x[d[i] >> 4];
		out[2 * i + 1] = x[d[i] & 15];
	}
	out[2 * n] = 0;
}

/* A digest set up for SHA-256 once: fetching it afresh for every entry
 * cost as much as hashing it.  NULL when it cannot be. */
static EVP_MD_CTX *chain_md(void)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	if (md && !EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(md);
		md = NULL;
	}
	return md;
}

/* The hash of an entry's ten fields f (tz_chain's order; NULL for SQL's
 * NULL), n[i] bytes each, as hex into hex[2 * EVP_MAX_MD_SIZE + 1].  0, or
 * -1 when the digest fails. */
static int chain_hex(EVP_MD_CTX *md, const unsigned char *const f[10], const int n[10], char *hex)
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned len = 0;
	/* Init with no type starts the digest set up by chain_md over again. */
	if (!EVP_DigestInit_ex(md, NULL, NULL))
		return -1;
	for (int i = 0; i < 10; i++)
		feed_text(md, f[i], n[i]);
	if (!EVP_DigestFinal_ex(md, d, &len))
		return -1;
	hex_of(d, len, hex);
	return 0;
}

/* tz_chain(id, prev_hash, at, login, object, object_id, action, before, after, reason) */
static void chain_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct actx *a = sqlite3_user_data(ctx);
	const unsigned char *f[10];
	int n[10];
	for (int i = 0; i < 10 && i < argc; i++) {
		int null = sqlite3_value_type(argv[i]) == SQLITE_NULL;
		f[i] = null ? NULL : sqlite3_value_text(argv[i]);
		if (!null && !f[i])
			f[i] = (const unsigned char *)"";
		n[i] = null ? 0 : sqlite3_value_bytes(argv[i]);
	}
	char hex[2 * EVP_MAX_MD_SIZE + 1];
	if (!a->md)
		a->md = chain_md();
	if (argc != 10 || !a->md || chain_hex(a->md, f, n, hex)) {
		sqlite3_result_error(ctx, "sha-256 unavailable", -1);
		return;
	}
	sqlite3_result_text(ctx, hex, -1, SQLITE_TRANSIENT);
}

/* Temporary, so it exists only on the program's connections: an entry the
 * schema's triggers write from anywhere else stays unsealed, and verify
 * reports it.  The head in meta lets verify notice the newest entry gone;
 * no OR REPLACE there, since an outer upsert or OR clause would override it. */
static const char seal_sql[] =
	"CREATE TEMP TRIGGER IF NOT EXISTS tz_seal AFTER INSERT ON main.change_log "
	"WHEN new.hash = '' BEGIN "
	"  UPDATE change_log SET login = tz_login(), reason = tz_reason(), "
	"    hash = tz_chain(new.id, coalesce((SELECT hash FROM change_log WHERE id < new.id "
	"                                      ORDER BY id DESC LIMIT 1), ''), "
	"                    new.at, tz_login(), new.object, new.object_id, new.action, "
	"                    new.before, new.after, tz_reason()) "
	"  WHERE id = new.id; "
	"  UPDATE meta SET value = (SELECT id || ' ' || hash FROM change_log WHERE id = new.id) "
	"  WHERE key = 'log_head'; "
	"  INSERT INTO meta(key, value) SELECT 'log_head', id || ' ' || hash FROM change_log "
	"  WHERE id = new.id AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'log_head'); "
	"END";

int audit_attach(tz_db *db)
{
	sqlite3 *h = db_sqlite(db);
	struct actx *a = calloc(1, sizeof *a);
	if (!a)
		return SQLITE_NOMEM;
	int rc = sqlite3_create_function_v2(h, "tz_reason", 0, SQLITE_UTF8, a, reason_fn, NULL,
	                                    NULL, actx_free);
	if (rc != SQLITE_OK)
		return rc;   /* SQLite has called actx_free */
	if ((rc = sqlite3_create_function(h, "tz_set_reason", 1, SQLITE_UTF8, a, set_reason_fn,
	                                  NULL, NULL)) ||
	    (rc = sqlite3_create_function(h, "tz_login", 0, SQLITE_UTF8, NULL, login_fn, NULL,
	                                  NULL)) ||
	    (rc = sqlite3_create_function(h, "tz_chain", 10, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                                  a, chain_fn, NULL, NULL)))
		return rc;
	return db_exec(db, seal_sql);
}

/* What the log follows: rows, proposals and their steps, states, decisions,
 * reference data and roles.  The classifier (nkz) is not here: its bulk
 * import logs one summary entry instead of 50,000. */
static const char *const logged[] = {
	"app_user", "body", "association", "council", "nrk_level", "holiday_rule",
	"calendar_day", "cycle", "reg_version", "reg_row", "proposal", "proposal_level",
	"remark", "council_agreement", "proposal_event", "change_decision", "press_release",
	"press_placement",
	"change_ground",
};

/* json_object('col', new."col", ...) of every column but the derived ones;
 * a BLOB goes in as hex, since JSON cannot hold one. */
static void json_of(sqlite3_str *out, sqlite3_stmt *cols, const char *row)
{
	sqlite3_str_appendall(out, "json_object(");
	int n = 0;
	sqlite3_reset(cols);
	while (sqlite3_step(cols) == SQLITE_ROW) {
		const char *c = db_col_text(cols, 0);
		if (!strncmp(c, "fold_", 5) || !strncmp(c, "sort_", 5))
			continue;
		int blob = !sqlite3_stricmp(db_col_text(cols, 1), "BLOB");
		sqlite3_str_appendf(out, "%s'%q', %s%s.\"%w\"%s", n++ ? ", " : "", c,
		                    blob ? "hex(" : "", row, c, blob ? ")" : "");
	}
	sqlite3_str_appendall(out, ")");
}

/* The entry's object id: the primary key, its parts joined by '/'. */
static void key_of(sqlite3_str *out, sqlite3_stmt *cols, const char *row)
{
	int n = 0;
	for (int part = 1; n == part - 1; part++) {
		sqlite3_reset(cols);
		while (sqlite3_step(cols) == SQLITE_ROW)
			if (sqlite3_column_int(cols, 2) == part)
				sqlite3_str_appendf(out, "%s%s.\"%w\"", n++ ? " || '/' || " : "", row,
				                    db_col_text(cols, 0));
	}
	if (!n)
		sqlite3_str_appendf(out, "%s.rowid", row);
}

static void trigger_of(sqlite3_str *out, sqlite3_stmt *cols, const char *table, char kind)
{
	static const char *const event[] = {"INSERT", "UPDATE", "DELETE"};
	static const char *const action[] = {"insert", "update", "delete"};
	int k = kind == 'i' ? 0 : kind == 'u' ? 1 : 2;
	/* An insert is left to audit_log_inserted while its key is in meta:
	 * only inside the bulk load's own transaction (see there). */
	sqlite3_str_appendf(out,
		"CREATE TRIGGER \"log_%w_%c\" AFTER %s ON \"%w\"%s BEGIN\n"
		"  INSERT INTO change_log(at, login, object, object_id, action, before, after)\n"
		"  VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'), '', '%q', ",
		table, kind, event[k], table,
		k == 0 ? "\nWHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = '" AUDIT_DEFERRED "')" : "",
		table);
	key_of(out, cols, k == 2 ? "old" : "new");
	sqlite3_str_appendf(out, ", '%s',\n          ", action[k]);
	if (k == 0)
		sqlite3_str_appendall(out, "NULL");
	else
		json_of(out, cols, "old");
	sqlite3_str_appendall(out, ",\n          ");
	if (k == 2)
		sqlite3_str_appendall(out, "NULL");
	else
		json_of(out, cols, "new");
	sqlite3_str_appendall(out, ");\nEND;\n");
}

/* Made from pragma table_info rather than written out, because written-out
 * lists went stale: the columns that schema 3 added to cycle were changed
 * with no trace of what changed.  The triggers use only built-in functions,
 * so a change made with the sqlite3 shell is logged too (and left unsealed,
 * for verify to report). */
int audit_triggers(tz_db *db)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT group_concat('DROP TRIGGER \"' || replace(name, '\"', '\"\"') || '\";', ' ') "
		"FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'log_*'");
	if (!st)
		return db_errcode(db);
	int rc = db_step(db, st);
	char *drop = rc == SQLITE_ROW ? strdup(db_col_text(st, 0)) : NULL;
	sqlite3_finalize(st);
	if (!drop)
		return rc == SQLITE_ROW ? SQLITE_NOMEM : rc;
	rc = db_exec(db, drop);
	free(drop);
	if (rc)
		return rc;
	sqlite3_stmt *cols = db_prep(db, "SELECT name, type, pk FROM pragma_table_info(:t) ORDER BY cid");
	if (!cols)
		return db_errcode(db);
	sqlite3_str *sql = sqlite3_str_new(db_sqlite(db));
	for (size_t i = 0; i < sizeof logged / sizeof *logged; i++) {
		sqlite3_reset(cols);
		db_text(cols, ":t", logged[i]);
		if (sqlite3_step(cols) != SQLITE_ROW)
			continue;   /* not in this schema (yet) */
		for (const char *k = "iud"; *k; k++)
			trigger_of(sql, cols, logged[i], *k);
	}
	sqlite3_finalize(cols);
	rc = sqlite3_str_errcode(sql);
	char *text = sqlite3_str_finish(sql);
	if (!rc && text)
		rc = db_exec(db, text);
	sqlite3_free(text);
	return rc;
}

int audit_defer(tz_db *db)
{
	return db_exec(db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('" AUDIT_DEFERRED "', '1')");
}

/* The entries audit_log_inserted writes are those the insert trigger and
 * tz_seal would have written one row at a time, byte for byte: the same
 * JSON (json_of), the next ids, the same login, reason and time of the
 * statement, each hash chained to the one before.  What it saves per row is
 * the trigger, the seal's rewrite of the entry it has just written, the
 * look-up of the previous hash, the update of the head and a statement to
 * hash: the log of a 10,000-row import took 1.05 G instructions that way,
 * 0.72 G this way (SHA-256 itself 0.18 G). */
static int log_inserted(tz_db *db, const char *table, int64_t after)
{
	int rc = db_exec(db, "DELETE FROM meta WHERE key = '" AUDIT_DEFERRED "'");
	if (rc)
		return rc;
	sqlite3_stmt *cols = db_prep(db, "SELECT name, type, pk FROM pragma_table_info(:t) ORDER BY cid");
	if (!cols)
		return db_errcode(db);
	db_text(cols, ":t", table);
	sqlite3_str *sql = sqlite3_str_new(db_sqlite(db));
	sqlite3_str_appendall(sql, "SELECT ");
	key_of(sql, cols, "r");
	sqlite3_str_appendall(sql, ", ");
	json_of(sql, cols, "r");
	sqlite3_str_appendf(sql, " FROM \"%w\" AS r WHERE r.rowid > :after ORDER BY r.rowid", table);
	sqlite3_finalize(cols);
	char *text = sqlite3_str_finish(sql);
	if (!text)
		return SQLITE_NOMEM;
	sqlite3_stmt *rows = db_prep(db, text);
	sqlite3_free(text);
	sqlite3_stmt *head = db_prep(db,
		"SELECT tz_login(), tz_reason(), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
		"coalesce((SELECT id FROM change_log ORDER BY id DESC LIMIT 1), 0), "
		"coalesce((SELECT hash FROM change_log ORDER BY id DESC LIMIT 1), '')");
	sqlite3_stmt *ins = db_prep(db,
		"INSERT INTO change_log(id, at, login, object, object_id, action, before, after, reason, hash) "
		"VALUES (:id, :at, :login, :object, :oid, 'insert', NULL, :after, :reason, :hash)");
	EVP_MD_CTX *md = chain_md();
	char prev[2 * EVP_MAX_MD_SIZE + 1] = "";
	int64_t id = 0;
	rc = rows && head && ins && db_step(db, head) == SQLITE_ROW ? SQLITE_OK : db_errcode(db);
	if (!rc && !md)
		rc = SQLITE_NOMEM;
	/* tz_chain's fields, in its order; the head's row, and so these
	 * strings, stay until it is finalized. */
	const unsigned char *f[10] = {0};
	int n[10] = {0};
	int64_t first = 0;
	if (!rc) {
		first = id = sqlite3_column_int64(head, 3);
		snprintf(prev, sizeof prev, "%s", db_col_text(head, 4));
		f[3] = (const unsigned char *)db_col_text(head, 0), n[3] = sqlite3_column_bytes(head, 0);
		f[9] = (const unsigned char *)db_col_text(head, 1), n[9] = sqlite3_column_bytes(head, 1);
		f[2] = (const unsigned char *)db_col_text(head, 2), n[2] = sqlite3_column_bytes(head, 2);
		f[4] = (const unsigned char *)table, n[4] = (int)strlen(table);
		f[6] = (const unsigned char *)"insert", n[6] = 6;
		db_text(ins, ":login", (const char *)f[3]);
		db_text(ins, ":reason", (const char *)f[9]);
		db_text(ins, ":at", (const char *)f[2]);
		db_text(ins, ":object", table);
		db_int(rows, ":after", after);
	}
	int step = SQLITE_DONE;
	while (!rc && (step = db_step(db, rows)) == SQLITE_ROW) {
		char idtext[24], hash[sizeof prev];
		n[0] = snprintf(idtext, sizeof idtext, "%lld", (long long)++id);
		f[0] = (const unsigned char *)idtext;
		f[1] = (const unsigned char *)prev, n[1] = (int)strlen(prev);
		f[5] = sqlite3_column_text(rows, 0), n[5] = sqlite3_column_bytes(rows, 0);
		f[8] = sqlite3_column_text(rows, 1), n[8] = sqlite3_column_bytes(rows, 1);
		if (!f[5])
			f[5] = (const unsigned char *)"";   /* object_id is NOT NULL '' */
		if (chain_hex(md, f, n, hash)) {
			rc = SQLITE_ERROR;
			break;
		}
		db_int(ins, ":id", id);
		sqlite3_bind_text(ins, sqlite3_bind_parameter_index(ins, ":oid"), (const char *)f[5], n[5],
		                  SQLITE_STATIC);
		sqlite3_bind_text(ins, sqlite3_bind_parameter_index(ins, ":after"), (const char *)f[8], n[8],
		                  SQLITE_STATIC);
		db_text(ins, ":hash", hash);
		if (db_step(db, ins) != SQLITE_DONE)
			rc = db_errcode(db) ? db_errcode(db) : SQLITE_ERROR;
		sqlite3_reset(ins);
		if (!rc)
			memcpy(prev, hash, sizeof prev);
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_errcode(db) ? db_errcode(db) : SQLITE_ERROR;
	EVP_MD_CTX_free(md);
	sqlite3_finalize(rows);
	sqlite3_finalize(head);
	sqlite3_finalize(ins);
	if (rc || id == first)
		return rc;
	/* The head, as tz_seal keeps it, once for all. */
	char newest[24 + sizeof prev];
	snprintf(newest, sizeof newest, "%lld %s", (long long)id, prev);
	sqlite3_stmt *up = db_prep(db, "UPDATE meta SET value = :head WHERE key = 'log_head'");
	db_text(up, ":head", newest);
	rc = db_run(db, up);
	if (!rc && !sqlite3_changes(db_sqlite(db))) {
		up = db_prep(db, "INSERT INTO meta(key, value) VALUES ('log_head', :head)");
		db_text(up, ":head", newest);
		rc = db_run(db, up);
	}
	return rc;
}

/* The entries come sealed, so tz_seal has nothing to do for them; but a
 * trigger on the table makes SQLite keep a statement journal for every
 * insert, a copy of each page it changes (at 100,000 rows, 750,000 writes
 * to a temporary file).  It is set aside for the pass, inside the caller's
 * transaction, and made again whatever the pass did. */
int audit_log_inserted(tz_db *db, const char *table, int64_t after)
{
	int rc = db_exec(db, "DROP TRIGGER IF EXISTS temp.tz_seal");
	if (rc)
		return rc;
	rc = log_inserted(db, table, after);
	int again = db_exec(db, seal_sql);
	return rc ? rc : again;
}

void audit_reason(tz_db *db, const char *why)
{
	sqlite3_stmt *st = db_prep(db, "SELECT tz_set_reason(:why)");
	db_text(st, ":why", why);
	db_run(db, st);
}

int audit_log(tz_db *db, const char *object, const char *object_id, const char *action,
              const char *before, const char *after)
{
	sqlite3_stmt *st = db_prep(db,
		"INSERT INTO change_log(at, login, object, object_id, action, before, after) "
		"VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '', :object, :oid, :action, "
		"json(:before), json(:after))");
	db_text(st, ":object", object);
	db_text(st, ":oid", object_id ? object_id : "");
	db_text(st, ":action", action);
	db_text(st, ":before", before);
	db_text(st, ":after", after);
	return db_run(db, st);
}

static void describe(char *what, size_t len, const char *fmt, sqlite3_stmt *st, int64_t id)
{
	/* fmt takes the id, the time, the object and its id */
	snprintf(what, len, fmt, (long long)id, db_col_text(st, 1), db_col_text(st, 2),
	         db_col_text(st, 3));
}

int64_t audit_verify(tz_db *db, char *what, size_t len)
{
	return audit_verify_with(db, NULL, NULL, what, len);
}

enum { AUDIT_PROGRESS_EVERY = 1024 };

int64_t audit_verify_with(tz_db *db, audit_progress_fn *fn, void *ctx, char *what, size_t len)
{
	long total = fn ? (long)db_int_query(db, "SELECT count(*) FROM change_log", 0) : 0, done = 0;
	if (fn && fn(ctx, 0, total)) {
		snprintf(what, len, "%s", _("The check of the change log was stopped."));
		return 1;
	}
	sqlite3_stmt *st = db_prep(db,
		"SELECT id, at, object, object_id, hash, tz_chain(id, coalesce(lag(hash) OVER (ORDER BY id), ''), "
		"at, login, object, object_id, action, before, after, reason) FROM change_log ORDER BY id");
	int64_t expect = 1, bad = 0;
	char head[128] = "";
	int rc;
	while (!bad && (rc = db_step(db, st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *hash = db_col_text(st, 4);
		if (id != expect) {
			bad = expect;
			snprintf(what, len, _("Change log entry %lld was removed: the entries go from %lld to %lld."),
			         (long long)expect, (long long)expect - 1, (long long)id);
		} else if (!*hash) {
			bad = id;
			describe(what, len, _("Change log entry %lld (%s, %s %s) was written outside the program."),
			         st, id);
		} else if (strcmp(hash, db_col_text(st, 5))) {
			bad = id;
			describe(what, len, _("Change log entry %lld (%s, %s %s) does not match its hash: it was "
			                      "altered, or written outside the program."), st, id);
		}
		snprintf(head, sizeof head, "%lld %s", (long long)id, hash);
		expect = id + 1;
		if (!bad && fn && ++done % AUDIT_PROGRESS_EVERY == 0 && fn(ctx, done, total)) {
			bad = id;
			snprintf(what, len, "%s", _("The check of the change log was stopped."));
		}
	}
	if (!bad && fn)
		fn(ctx, total, total);
	sqlite3_finalize(st);
	if (bad)
		return bad;
	if (!st || rc != SQLITE_DONE) {
		snprintf(what, len, _("The change log cannot be read: %s"), db_errmsg(db));
		return expect;
	}
	st = db_prep(db, "SELECT value FROM meta WHERE key = 'log_head'");
	const char *want = st && db_step(db, st) == SQLITE_ROW ? db_col_text(st, 0) : "";
	if (strcmp(want, head)) {
		long long hid = atoll(want);
		bad = hid >= expect ? expect : hid > 0 ? hid : 1;
		if (hid >= expect)
			snprintf(what, len, _("Change log entry %lld, the newest, was removed."), (long long)bad);
		else
			snprintf(what, len, _("The change log's newest entry is not the one the program "
			                      "wrote last (entry %lld)."), (long long)bad);
	}
	sqlite3_finalize(st);
	return bad;
}

int audit_head(tz_db *db, char *buf, size_t len)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1");
	int rc = st ? db_step(db, st) : db_errcode(db);
	*buf = 0;
	if (rc == SQLITE_ROW)
		snprintf(buf, len, "%lld:%s", (long long)sqlite3_column_int64(st, 0), db_col_text(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : rc ? rc : SQLITE_ERROR;
}

int audit_query(tz_db *db, const struct audit_filter *f, audit_fn fn, void *ctx)
{
	static const struct audit_filter none;
	if (!f)
		f = &none;
	char sql[2048];
	snprintf(sql, sizeof sql,
		"SELECT id, at, login, object, object_id, action, reason, before, after, "
		" CASE WHEN before IS NOT NULL AND after IS NOT NULL THEN"
		"  (SELECT group_concat(a.key || ': ' || coalesce(b.value, '-') || ' -> ' || "
		"          coalesce(a.value, '-'), '; ')"
		"   FROM json_each(l.after) a LEFT JOIN json_each(l.before) b ON b.key = a.key"
		"   WHERE b.value IS NOT a.value)"
		" ELSE"
		"  (SELECT group_concat(e.key || '=' || e.value, ', ')"
		"   FROM json_each(coalesce(l.after, l.before)) e WHERE e.value IS NOT NULL)"
		" END "
		"FROM change_log l "
		"WHERE (:login IS NULL OR login = :login) AND (:object IS NULL OR object = :object) "
		"  AND (:oid IS NULL OR object_id = :oid) AND (:from IS NULL OR at >= :from) "
		"  AND (:to IS NULL OR at < date(:to, '+1 day')) "
		"ORDER BY id %s LIMIT :limit", f->newest_first ? "DESC" : "ASC");
	sqlite3_stmt *st = db_prep(db, sql);
	db_text(st, ":login", f->login);
	db_text(st, ":object", f->object);
	db_text(st, ":oid", f->object_id);
	db_text(st, ":from", f->from);
	db_text(st, ":to", f->to);
	db_int(st, ":limit", f->limit > 0 ? f->limit : -1);
	int rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		struct audit_entry e = {
			.id = sqlite3_column_int64(st, 0),
			.at = db_col_text(st, 1), .login = db_col_text(st, 2),
			.object = db_col_text(st, 3), .object_id = db_col_text(st, 4),
			.action = db_col_text(st, 5), .reason = db_col_text(st, 6),
			.before = (const char *)sqlite3_column_text(st, 7),
			.after = (const char *)sqlite3_column_text(st, 8),
			.delta = db_col_text(st, 9),
		};
		if (fn(ctx, &e)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return !st ? SQLITE_ERROR : rc == SQLITE_DONE ? 0 : rc;
}

int audit_sha256_file(const char *path, char hex[65])
{
	FILE *fp = userfile_read(path, "rb");
	if (!fp)
		return -1;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	int ok = md && EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	unsigned char buf[65536];
	size_t n;
	while (ok && (n = fread(buf, 1, sizeof buf, fp)) > 0)
		ok = EVP_DigestUpdate(md, buf, n);
	ok = ok && !ferror(fp);
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned dn = 0;
	ok = ok && EVP_DigestFinal_ex(md, d, &dn) && dn == 32;
	EVP_MD_CTX_free(md);
	int e = errno;
	fclose(fp);
	if (!ok) {
		errno = e ? e : EIO;
		return -1;
	}
	hex_of(d, dn, hex);
	return 0;
}
