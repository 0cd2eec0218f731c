#include "store/db.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/host.h"
#include "base/i18n.h"
#include "base/debuglog.h"
#include "base/text.h"

struct tz_db {
	sqlite3 *h;
	char *path;
	/* Statements kept prepared for a hot path (db_cached): an INSERT into
	 * reg_row compiles its triggers, which costs more than running it.  The
	 * least recently used gives way; own is the cache's copy of a built
	 * text (db_cached_copy). */
	struct { const char *sql; char *own; sqlite3_stmt *st; unsigned used; } cache[32];
	unsigned tick;
	int depth;      /* nesting of db_begin() */
	int doomed;     /* a nested rollback happened: the outermost commit rolls back */
	int busy_ms;    /* how long a locked database is waited for */
	int64_t bulk_cache;  /* cache_size before db_bulk(), 0 when not in a bulk load */
	uint64_t epoch;      /* see db_roles_epoch(); 0 outside a transaction */
	char *note;     /* "<db>.writer": who holds the write lock, while we do */
	/* The last failure, kept until the next transaction begins: a rollback
	 * after it succeeds and SQLite's own code then says "not an error". */
	int fail_code, fail_errno;
	char fail_msg[256];
	char busy[512]; /* the refusal naming the holder, built when waiting ran out */
};


static int collate(void *lang, int n1, const void *s1, int n2, const void *s2)
{
	return text_collate((const char *)lang, s1, n1, s2, n2);
}

static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *f = text_fold((const char *)s);
	if (!f) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, f, -1, free);
}

/* tz_loose(folded): the look-alike fold of a folded name (text_loose). */
static void loose_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *f = strdup((const char *)s);
	if (!f) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, text_loose(f), -1, free);
}

/* tz_holds(text, part): 1 when part occurs in text, byte for byte, else 0
 * (NULL when either is).  SQLite's instr() compares at every position with
 * a call of its own: reading a register's names whole for two letters cost
 * a dozen instructions per byte. */
static void holds_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	const unsigned char *part = sqlite3_value_text(argv[1]);
	if (!s || !part) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_int(ctx, strstr((const char *)s, (const char *)part) != NULL);
}

static void sortkey_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *lang = sqlite3_value_text(argv[0]);
	const unsigned char *s = sqlite3_value_text(argv[1]);
	if (!lang || !s) {
		sqlite3_result_null(ctx);
		return;
	}
	int len = 0;
	unsigned char *key = text_sortkey((const char *)lang, (const char *)s, &len);
	if (!key) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_blob(ctx, key, len, free);
}

/* Roles are read from app_user: a write to it on this connection ends
 * whatever was concluded from them (other connections cannot write while our
 * write transaction holds the lock). */
static uint64_t new_epoch(void)
{
	/* Process-wide, so that no two connections (nor one closed and another
	 * opened at its address) ever share one. */
	static uint64_t last;
	return ++last;
}

static void on_update(void *p, int op, const char *dbname, const char *table, sqlite3_int64 rowid)
{
	(void)op, (void)dbname, (void)rowid;
	tz_db *db = p;
	if (db->epoch && !strcmp(table, "app_user"))
		db->epoch = new_epoch();
}

/* The page cache's memory, taken and touched once (see db.h). */
enum { DB_RESERVE_PAGES = 640, DB_RESERVE_PAGE_SIZE = 4096 };

void db_reserve_cache(void)
{
	static void *lines;
	int hdr = 0;
	if (lines || sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) != SQLITE_OK)
		return;
	/* A line holds a page and SQLite's header for it, 8-byte aligned. */
	size_t line = ((size_t)DB_RESERVE_PAGE_SIZE + (size_t)hdr + 7) & ~(size_t)7;
	lines = malloc(line * DB_RESERVE_PAGES);
	if (!lines)
		return;
	memset(lines, 0, line * DB_RESERVE_PAGES);
	if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, lines, (int)line, DB_RESERVE_PAGES) != SQLITE_OK) {
		free(lines);
		lines = NULL;
	}
}

tz_db *db_open(const char *path, int create, char *err, size_t errlen)
{
	tz_db *db = calloc(1, sizeof *db);
	size_t plen = strlen(path);
	if (!db || !(db->path = strdup(path)) || !(db->note = malloc(plen + sizeof ".writer"))) {
		if (db)
			free(db->path);
		free(db);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	/* One thread: a connection that locks a mutex around every call (the
	 * library's serialized default) pays two lock operations per column
	 * read, a fifth of a search's lookup. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(path, &db->h, flags, NULL);
	int probe = rc == SQLITE_OK && !create
	            ? sqlite3_exec(db->h, "PRAGMA schema_version", NULL, NULL, NULL) : SQLITE_OK;
	if (probe == SQLITE_CANTOPEN || probe == SQLITE_READONLY) {
		/* A database on a read-only disk is still read; its writes are refused
		 * as read-only rather than the file seeming not to be there. */
		sqlite3_close_v2(db->h);
		db->h = NULL;
		rc = SQLITE_CANTOPEN;
		struct statvfs vfs;
		/* Nobody can change a file on a read-only disk, nor one that no one
		 * may write (a backup kept 0444 in a directory closed to writing), so
		 * SQLite may read it without the shared-memory file it cannot make
		 * there. */
		char *uri = sqlite3_mprintf("file:%s?immutable=1", path);
		struct stat fsb;
		int frozen = stat(path, &fsb) == 0 && !(fsb.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) &&
		             access(path, W_OK) != 0;
		if (uri && ((statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY)) || frozen))
			rc = sqlite3_open_v2(uri, &db->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
			                     NULL);
		sqlite3_free(uri);
	}
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s", db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		db_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db->h, 1);
	memcpy(db->note, path, plen);
	memcpy(db->note + plen, ".writer", sizeof ".writer");
	/* Tests shorten the wait; a clerk waits long enough for another's save. */
	const char *ms = getenv("TIZILIM_BUSY_MS");
	db->busy_ms = ms && *ms ? atoi(ms) : 5000;
	if (db->busy_ms < 0)
		db->busy_ms = 0;
	sqlite3_busy_timeout(db->h, db->busy_ms);
	sqlite3_update_hook(db->h, on_update, db);
	sqlite3_create_collation_v2(db->h, "kk", SQLITE_UTF8, (void *)"kk", collate, NULL);
	sqlite3_create_collation_v2(db->h, "ru", SQLITE_UTF8, (void *)"ru", collate, NULL);
	sqlite3_create_function(db->h, "tz_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                        NULL, fold_fn, NULL, NULL);
	sqlite3_create_function(db->h, "tz_loose", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                        NULL, loose_fn, NULL, NULL);
	sqlite3_create_function(db->h, "tz_holds", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                        NULL, holds_fn, NULL, NULL);
	/* tz_sortkey('kk'|'ru', text): the ICU sort key stored in reg_row.sort_* */
	sqlite3_create_function(db->h, "tz_sortkey", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                        NULL, sortkey_fn, NULL, NULL);
	/* Refuse a file that is not a database before changing anything in it. */
	if (db_exec(db, "PRAGMA schema_version")) {
		snprintf(err, errlen, "%s", db_errmsg(db));
		db_close(db);
		return NULL;
	}
	if (db_exec(db, "PRAGMA foreign_keys = ON")) {
		if (!*err)
			snprintf(err, errlen, "%s", db_errmsg(db));
		db_close(db);
		return NULL;
	}
	return db;
}

void db_close(tz_db *db)
{
	if (!db)
		return;
	if (db->depth)
		tz_log("db_close with %d open transaction(s)", db->depth);
	for (size_t i = 0; i < sizeof db->cache / sizeof *db->cache; i++) {
		sqlite3_finalize(db->cache[i].st);
		free(db->cache[i].own);
	}
	sqlite3_close_v2(db->h);
	free(db->note);
	free(db->path);
	free(db);
}

sqlite3 *db_sqlite(tz_db *db) { return db->h; }
const char *db_path(const tz_db *db) { return db->path; }
static int is_busy(int rc)
{
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

/* SQLite cannot say who holds a lock, so the holder says it: whoever opens a
 * write transaction leaves a note beside the database while it holds it.  It
 * is written and removed only under the write lock, so it is never another's;
 * a note left by a killed process is recognised by its pid being gone. */
static void note_write(tz_db *db)
{
	/* An in-memory database (verify's reference schema) has no place beside it. */
	if (!strcmp(db->path, ":memory:"))
		return;
	char when[32] = "", tmp[64], buf[512];
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	int n = snprintf(buf, sizeof buf, "%s\n%ld\n%s\n%s\n", host_login(), (long)getpid(),
	                 host_name(), when);
	snprintf(tmp, sizeof tmp, ".%ld", (long)getpid());
	size_t plen = strlen(db->note);
	char *part = malloc(plen + strlen(tmp) + 1);
	if (!part)
		return;
	memcpy(part, db->note, plen);
	strcpy(part + plen, tmp);
	/* A name this pid left behind is the program's own leftover; O_EXCL
	 * then never writes through whatever else might stand there. */
	unlink(part);
	int fd = open(part, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd >= 0) {
		int full = write(fd, buf, (size_t)n) == n;
		if (close(fd) == 0 && full && rename(part, db->note) == 0) {
			free(part);
			return;
		}
	}
	unlink(part);
	free(part);
}

/* The real path of a file that may not exist yet: its directory's real
 * path and its own name. */
static int real_name(const char *path, char *out, size_t len)
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
	         slash ? path : ".");
	if (!realpath(dir, real))
		return -1;
	return (size_t)snprintf(out, len, "%s/%s", strcmp(real, "/") ? real : "", base) < len ? 0 : -1;
}

int db_own_file(tz_db *db, const char *path)
{
	static const char *const sides[] = {"", "-wal", "-shm", "-journal", ".writer"};
	char mine[PATH_MAX + 16], other[PATH_MAX + 16], base[PATH_MAX];
	struct stat sp, sm;
	int exists = stat(path, &sp) == 0;
	if (real_name(path, other, sizeof other))
		other[0] = 0;
	const char *dbp = db->path;
	char realdb[PATH_MAX];
	if (realpath(dbp, realdb))
		dbp = realdb;
	for (size_t i = 0; i < sizeof sides / sizeof *sides; i++) {
		snprintf(base, sizeof base, "%s%s", dbp, sides[i]);
		if (exists && stat(base, &sm) == 0 && sm.st_dev == sp.st_dev && sm.st_ino == sp.st_ino)
			return 1;
		if (other[0] && real_name(base, mine, sizeof mine) == 0 && !strcmp(mine, other))
			return 1;
	}
	return 0;
}

static void note_remove(tz_db *db)
{
	if (strcmp(db->path, ":memory:"))
		unlink(db->note);
}

/* What the writer's note says; 1 when its writer may still be running
 * (alive, or on another machine), 0 when it is gone or there is no note. */
static int note_read(const char *path, char login[64], long *pid, char host[128], char when[32])
{
	char buf[512] = "";
	*pid = 0;
	int nfd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	FILE *f = nfd >= 0 ? fdopen(nfd, "r") : NULL;
	if (!f) {
		if (nfd >= 0)
			close(nfd);
		return 0;
	}
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = 0;
	fclose(f);
	sscanf(buf, "%63[^\n]\n%ld\n%127[^\n]\n%31[^\n]", login, pid, host, when);
	return *pid > 0 && *when && (strcmp(host, host_name()) != 0 ||
	       kill((pid_t)*pid, 0) == 0 || errno == EPERM);
}

int db_sweep(tz_db *db)
{
	char login[64] = "", host[128] = "", when[32] = "";
	long pid;
	int n = 0;
	struct stat sb;
	if (lstat(db->note, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    !note_read(db->note, login, &pid, host, when) && pid != (long)getpid() &&
	    (pid <= 0 || !strcmp(host, host_name())) && unlink(db->note) == 0) {
		tz_log("removed the stale writer's note %s (%s, process %ld)", db->note, login, pid);
		n++;
	}
	/* Notes half-written by a process that is gone: "<note>.<pid>". */
	const char *slash = strrchr(db->note, '/');
	char dir[PATH_MAX], name[PATH_MAX];
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - db->note) + (slash == db->note) : 1,
	         slash ? db->note : ".");
	const char *base = slash ? slash + 1 : db->note;
	size_t bl = strlen(base);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char *end;
		if (strncmp(e->d_name, base, bl) || e->d_name[bl] != '.')
			continue;
		long p = strtol(e->d_name + bl + 1, &end, 10);
		if (p <= 0 || *end || p == (long)getpid() || kill((pid_t)p, 0) == 0 || errno != ESRCH)
			continue;
		if ((size_t)snprintf(name, sizeof name, "%s/%s", dir, e->d_name) >= sizeof name)
			continue;
		if (lstat(name, &sb) == 0 && S_ISREG(sb.st_mode) && unlink(name) == 0)
			n++;
	}
	if (d)
		closedir(d);
	return n;
}

static void busy_explain(tz_db *db)
{
	char login[64] = "?", host[128] = "", when[32] = "";
	long pid = 0;
	int alive = note_read(db->note, login, &pid, host, when);
	double secs = db->busy_ms / 1000.0;
	if (alive)
		snprintf(db->busy, sizeof db->busy,
		         _("the database is being changed by %s (process %ld on %s, since %s); "
		           "waited %.1f s: try again when that is finished"),
		         login, pid, host, when, secs);
	else
		snprintf(db->busy, sizeof db->busy,
		         _("the database is locked by another program; waited %.1f s: "
		           "try again when it is finished"), secs);
	tz_log("database busy (%d): %s", sqlite3_extended_errcode(db->h), db->busy);
}

static void note_failure(tz_db *db)
{
	int code = sqlite3_extended_errcode(db->h);
	if ((code & 0xff) == SQLITE_OK || (code & 0xff) == SQLITE_ROW || (code & 0xff) == SQLITE_DONE)
		return;
	db->fail_code = code;
	db->fail_errno = sqlite3_system_errno(db->h);
	snprintf(db->fail_msg, sizeof db->fail_msg, "%s", sqlite3_errmsg(db->h));
}

const char *db_errmsg(tz_db *db)
{
	int code = sqlite3_extended_errcode(db->h), sys = sqlite3_system_errno(db->h);
	const char *msg = sqlite3_errmsg(db->h);
	if ((code & 0xff) == SQLITE_OK && db->fail_code) {
		code = db->fail_code;
		sys = db->fail_errno;
		msg = db->fail_msg;
	}
	switch (code & 0xff) {
	case SQLITE_READONLY:
		snprintf(db->busy, sizeof db->busy,
		         _("the database %s cannot be written here (a read-only file or disk)"), db->path);
		return db->busy;
	case SQLITE_FULL:
		snprintf(db->busy, sizeof db->busy,
		         _("the disk that holds the database %s is full: free some space, then try "
		           "again"), db->path);
		return db->busy;
	case SQLITE_IOERR:
		if (sys == ENOSPC || sys == EDQUOT) {
			snprintf(db->busy, sizeof db->busy,
			         _("the disk that holds the database %s is full: free some space, then try "
			           "again"), db->path);
		} else if (sys == EROFS) {
			snprintf(db->busy, sizeof db->busy,
			         _("the database %s cannot be written here (a read-only file or disk)"),
			         db->path);
		} else {
			snprintf(db->busy, sizeof db->busy,
			         _("the disk could not read or write the database %s (%s): check the disk, "
			           "then try again"), db->path, sys ? strerror(sys) : msg);
		}
		return db->busy;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		snprintf(db->busy, sizeof db->busy,
		         _("the database %s is damaged: restore it from a backup (tizilim restore)"),
		         db->path);
		return db->busy;
	default:
		break;
	}
	if (is_busy(code)) {
		busy_explain(db);
		return db->busy;
	}
	return msg;
}
int db_errcode(tz_db *db) { return sqlite3_extended_errcode(db->h); }
int db_depth(const tz_db *db) { return db->depth; }

sqlite3_stmt *db_prep_at(tz_db *db, const char *sql, const char *file, int line)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		note_failure(db);
		tz_log("%s:%d: prepare: %s: %s", file, line, sqlite3_errmsg(db->h), sql);
		return NULL;
	}
	return st;
}

/* The cached statement for sql, kept under a copy of it when copy is set. */
static sqlite3_stmt *cached(tz_db *db, const char *sql, int copy, const char *file, int line)
{
	size_t n = sizeof db->cache / sizeof *db->cache, old = 0;
	for (size_t i = 0; i < n; i++) {
		if (db->cache[i].sql && (db->cache[i].sql == sql || !strcmp(db->cache[i].sql, sql))) {
			sqlite3_stmt *st = db->cache[i].st;
			db->cache[i].used = ++db->tick;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
		if (db->cache[i].used < db->cache[old].used)
			old = i;
	}
	char *own = copy ? strdup(sql) : NULL;
	sqlite3_stmt *st = NULL;
	if ((copy && !own) ||
	    sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		tz_log("%s:%d: prepare: %s: %s", file, line, copy && !own ? "no memory" : sqlite3_errmsg(db->h),
		       sql);
		free(own);
		return NULL;
	}
	/* Full: the least recently used gives way. */
	sqlite3_finalize(db->cache[old].st);
	free(db->cache[old].own);
	db->cache[old].sql = copy ? own : sql;
	db->cache[old].own = own;
	db->cache[old].st = st;
	db->cache[old].used = ++db->tick;
	return st;
}

sqlite3_stmt *db_cached_at(tz_db *db, const char *sql, const char *file, int line)
{
	return cached(db, sql, 0, file, line);
}

sqlite3_stmt *db_cached_copy_at(tz_db *db, const char *sql, const char *file, int line)
{
	return cached(db, sql, 1, file, line);
}

static int param(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (!i)
		tz_log("no parameter %s in: %s", name, sqlite3_sql(st));
	return i;
}

void db_text(sqlite3_stmt *st, const char *name, const char *v)
{
	if (!st)
		return;
	if (v)
		sqlite3_bind_text(st, param(st, name), v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, param(st, name));
}

void db_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	if (st)
		sqlite3_bind_int64(st, param(st, name), v);
}

void db_blob(sqlite3_stmt *st, const char *name, const void *p, int n)
{
	if (st)
		sqlite3_bind_blob(st, param(st, name), p, n, SQLITE_TRANSIENT);
}

void db_null(sqlite3_stmt *st, const char *name)
{
	if (st)
		sqlite3_bind_null(st, param(st, name));
}

int db_step_at(tz_db *db, sqlite3_stmt *st, const char *file, int line)
{
	if (!st)
		return SQLITE_MISUSE;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		note_failure(db);
		tz_log("%s:%d: step: %s: %s", file, line, sqlite3_errmsg(db->h), sqlite3_sql(st));
	}
	return rc;
}

int db_run_at(tz_db *db, sqlite3_stmt *st, const char *file, int line)
{
	if (!st)
		return SQLITE_ERROR;
	int rc = db_step_at(db, st, file, line);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : rc;
}

int db_exec_at(tz_db *db, const char *sql, const char *file, int line)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		note_failure(db);
		tz_log("%s:%d: exec: %s: %s", file, line, msg ? msg : "?", sql);
	}
	sqlite3_free(msg);
	return rc;
}

int db_script(tz_db *db, const char *sql)
{
	return db_exec(db, sql);
}

const char *db_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

int64_t db_int_query(tz_db *db, const char *sql, int64_t dflt)
{
	sqlite3_stmt *st = db_prep(db, sql);
	int64_t v = dflt;
	if (st && db_step(db, st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

char *db_indexes_aside(tz_db *db, const char *table, const char *glob1, const char *glob2,
                       int *failed)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT group_concat(sql, ';'), "
		"       group_concat('DROP INDEX \"' || replace(name, '\"', '\"\"') || '\"', ';') "
		"FROM sqlite_schema WHERE type = 'index' AND tbl_name = :t AND sql IS NOT NULL "
		"AND (name GLOB :g1 OR name GLOB :g2)");
	char *make = NULL, *drop = NULL;
	if (st) {
		db_text(st, ":t", table);
		db_text(st, ":g1", glob1);
		db_text(st, ":g2", glob2);
	}
	*failed = !st || db_step(db, st) != SQLITE_ROW;
	if (!*failed && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		make = strdup(db_col_text(st, 0));
		drop = strdup(db_col_text(st, 1));
		*failed = !make || !drop;
	}
	/* finalized first: a statement still reading the schema locks it */
	sqlite3_finalize(st);
	if (!*failed && drop && db_exec(db, drop))
		*failed = 1;
	free(drop);
	if (*failed) {
		free(make);
		make = NULL;
	}
	return make;
}

int db_begin(tz_db *db)
{
	if (db->depth++ > 0)
		return 0;
	db->doomed = 0;
	db->fail_code = 0;
	/* A statement still stepping holds a read snapshot: SQLite then cannot wait
	 * for the write lock (it could deadlock) and refuses at once. */
	for (sqlite3_stmt *p = sqlite3_next_stmt(db->h, NULL); p; p = sqlite3_next_stmt(db->h, p))
		if (sqlite3_stmt_busy(p))
			tz_log("db_begin while a statement is still open: %s", sqlite3_sql(p));
	int rc = db_exec(db, "BEGIN IMMEDIATE");
	if (rc) {
		db->depth = 0;
	} else {
		note_write(db);
		db->epoch = new_epoch();
	}
	return rc;
}

/* The end of the outermost transaction, whichever way it ends. */
static void ended(tz_db *db)
{
	db->epoch = 0;
	if (db->bulk_cache) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", (long long)db->bulk_cache);
		db->bulk_cache = 0;
		db_exec(db, sql);
	}
}

int db_bulk(tz_db *db)
{
	if (db->depth <= 0 || db->bulk_cache)
		return 0;
	int64_t was = db_int_query(db, "PRAGMA cache_size", 0);
	if (!was || was <= -TZ_BULK_CACHE_KB)
		return 0;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -TZ_BULK_CACHE_KB);
	int rc = db_exec(db, sql);
	if (!rc)
		db->bulk_cache = was;
	return rc;
}

uint64_t db_roles_epoch(const tz_db *db)
{
	return db->depth > 0 ? db->epoch : 0;
}

int db_commit(tz_db *db)
{
	if (db->depth <= 0) {
		tz_log("db_commit without db_begin");
		return SQLITE_MISUSE;
	}
	if (--db->depth > 0)
		return 0;
	/* Removed while the lock is still ours: after COMMIT the note may be the
	 * next writer's. */
	note_remove(db);
	if (db->doomed) {
		db_exec(db, "ROLLBACK");
		ended(db);
		return SQLITE_ABORT;
	}
	int rc = db_exec(db, "COMMIT");
	if (rc)
		db_exec(db, "ROLLBACK");
	ended(db);
	return rc;
}

void db_rollback(tz_db *db)
{
	if (db->depth <= 0) {
		tz_log("db_rollback without db_begin");
		return;
	}
	if (--db->depth > 0) {
		db->doomed = 1;
		return;
	}
	if (!sqlite3_get_autocommit(db->h)) {
		note_remove(db);
		db_exec(db, "ROLLBACK");
	}
	ended(db);
}
