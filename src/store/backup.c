#include "store/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/auth.h"
#include "base/i18n.h"
#include "base/debuglog.h"
#include "base/privs.h"
#include "base/safefile.h"
#include "store/store.h"

/* Pages per step: small enough that each step's read lock is brief, so other
 * clerks' writes never wait on a backup. */
#define CHUNK_PAGES 128
/* Another connection's write makes the next step start over.  Under a steady
 * stream of writes a chunked copy might never finish; after this many restarts
 * the rest is copied in one step, which in WAL mode still lets writers on. */
#define MAX_RESTARTS 8
#define BUSY_TRIES 600      /* x 50 ms: half a minute for a lock to clear */

static void nap(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Copies src's main database into dst's, in chunks unless whole is set,
 * telling p (may be NULL) after each chunk. */
static int copy_pages(sqlite3 *src, sqlite3 *dst, int whole, const struct backup_progress *p,
                      char *err, size_t errlen)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(dst));
		return -1;
	}
	int chunk = whole ? -1 : CHUNK_PAGES, restarts = 0, busy = 0, last = -1, rc;
	for (;;) {
		rc = sqlite3_backup_step(b, chunk);
		if (rc == SQLITE_DONE)
			break;
		if (rc == SQLITE_OK) {
			int rem = sqlite3_backup_remaining(b), all = sqlite3_backup_pagecount(b);
			if (p && p->fn && p->fn(p->ctx, (long)all - rem, all)) {
				rc = SQLITE_INTERRUPT;
				break;
			}
			if (last >= 0 && rem > last && ++restarts > MAX_RESTARTS)
				chunk = -1;
			last = rem;
			nap(2);
			continue;
		}
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED ||
		     (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) && ++busy < BUSY_TRIES) {
			nap(50);
			continue;
		}
		break;
	}
	long pages = sqlite3_backup_pagecount(b);
	int frc = sqlite3_backup_finish(b);
	if (rc == SQLITE_INTERRUPT) {
		snprintf(err, errlen, "%s", _("the backup was stopped"));
		return -1;
	}
	if (rc != SQLITE_DONE || frc != SQLITE_OK) {
		snprintf(err, errlen, "%s", rc != SQLITE_DONE ? sqlite3_errstr(rc) : sqlite3_errmsg(dst));
		return -1;
	}
	if (p && p->fn)
		p->fn(p->ctx, pages, pages);
	return 0;
}

/* Same file as the database (or its WAL), which a backup must not overwrite. */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int backup_to(tz_db *db, const char *dest, char *err, size_t errlen)
{
	return backup_to_with(db, dest, NULL, err, errlen);
}

int backup_to_with(tz_db *db, const char *dest, const struct backup_progress *p, char *err,
                   size_t errlen)
{
	char why[512] = "";
	if (db_depth(db)) {
		snprintf(err, errlen, "%s", _("a backup cannot be taken in the middle of a change; save or cancel it first"));
		return -1;
	}
	if (db_own_file(db, dest)) {
		snprintf(err, errlen, _("%s is the database itself or a file SQLite keeps beside it; "
		                        "choose another file for the backup"), dest);
		return -1;
	}
	struct stat sb;
	if (lstat(dest, &sb) == 0) {
		snprintf(err, errlen, _("%s exists already: a backup never replaces a file; "
		                        "choose another name"), dest);
		return -1;
	}
	char *tmp = safefile_temp(dest, 0600);
	if (!tmp) {
		snprintf(err, errlen, _("cannot create a file beside %s: %s"), dest, strerror(errno));
		return -1;
	}
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(tmp, &h, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		sqlite3_busy_timeout(h, 5000);
	if (rc != SQLITE_OK || copy_pages(db_sqlite(db), h, 0, p, why, sizeof why))
		goto fail;
	/* The copy carries the live file's WAL flag; a backup is one file that
	 * must open anywhere, read-only media included. */
	if (sqlite3_exec(h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_stmt *st = NULL;
	int good = sqlite3_prepare_v2(h, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
	           sqlite3_step(st) == SQLITE_ROW &&
	           !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	if (!good)
		goto fail;
	if (sqlite3_close(h) != SQLITE_OK) {
		h = NULL;
		goto fail;
	}
	h = NULL;
	if (safefile_place_new(tmp, dest)) {
		snprintf(why, sizeof why, "%s", strerror(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:;
	int e = errno;
	if (h && ((sqlite3_extended_errcode(h) & 0xff) == SQLITE_FULL ||
	          sqlite3_system_errno(h) == ENOSPC))
		snprintf(why, sizeof why, "%s", _("the disk is full: free some space, then try again"));
	if (!why[0])
		snprintf(why, sizeof why, "%s", h ? sqlite3_errmsg(h) : "?");
	tz_log("backup to %s: %s", dest, why);
	snprintf(err, errlen, _("cannot write the backup %s: %s"), dest, why);
	if (h)
		sqlite3_close(h);
	safefile_discard(tmp);
	free(tmp);
	errno = e;
	return -1;
}

static void stamp(char *buf, size_t len, const char *fmt)
{
	time_t t = time(NULL);
	struct tm tm;
	strftime(buf, len, fmt, localtime_r(&t, &tm));
}

char *backup_suggest_path(tz_db *db)
{
	const char *p = db_path(db);
	const char *slash = strrchr(p, '/');
	int dirlen = slash ? (int)(slash - p) : 1;
	const char *dir = slash ? p : ".";
	char when[32];
	stamp(when, sizeof when, "%Y-%m-%dT%H%M%S");
	size_t n = strlen(p) + 64;
	char *out = malloc(n);
	if (out)
		snprintf(out, n, "%.*s/backups/tizilim-%s.db", dirlen, dir, when);
	return out;
}

int backup_before_publish(tz_db *db, char *path, size_t len, char *err, size_t errlen)
{
	return backup_before_publish_with(db, NULL, path, len, err, errlen);
}

int backup_before_publish_with(tz_db *db, const struct backup_progress *prog, char *path, size_t len,
                               char *err, size_t errlen)
{
	/* Only who may publish fills the backups directory: a reader's or an
	 * outsider's run writes nothing before it is refused. */
	if (auth_edit_register(db, err, errlen))
		return -1;
	err[0] = 0;
	char *p = backup_suggest_path(db);
	if (!p) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return -1;
	}
	char *slash = strrchr(p, '/');
	*slash = '\0';
	if (mkdir(p, 0700) && errno != EEXIST) {
		snprintf(err, errlen, _("cannot create the backups directory %s: %s"), p, strerror(errno));
		free(p);
		return -1;
	}
	*slash = '/';
	/* Two in the same second get -2, -3...: none replaces another. */
	size_t n = strlen(p) + 8;
	char *at = malloc(n);
	int rc = -1;
	for (int i = 1; at && i < 100; i++) {
		if (i == 1)
			snprintf(at, n, "%s", p);
		else
			snprintf(at, n, "%.*s-%d.db", (int)(strlen(p) - 3), p, i);
		struct stat sb;
		if (lstat(at, &sb) == 0)
			continue;
		snprintf(path, len, "%s", at);
		rc = backup_to_with(db, at, prog, err, errlen);
		if (rc == 0 || errno != EEXIST)
			break;
	}
	if (!at)
		snprintf(err, errlen, "%s", strerror(ENOMEM));
	else if (rc && !*err)
		snprintf(err, errlen, _("cannot find a free name for the backup beside %s"), p);
	free(at);
	free(p);
	return rc;
}

/* file: URI for path, so that it can be opened immutable (no locks, no WAL
 * or journal beside it read or made: a backup is checked as it lies). */
static char *file_uri(const char *path, const char *query)
{
	size_t n = strlen(path) * 3 + strlen(query) + 16;
	char *u = malloc(n), *o = u;
	if (!u)
		return NULL;
	o += sprintf(o, "file:");
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if (*s == '%' || *s == '?' || *s == '#' || *s < 0x21)
			o += sprintf(o, "%%%02X", *s);
		else
			*o++ = (char)*s;
	}
	sprintf(o, "?%s", query);
	return u;
}

static int one_row_ok(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int ok = sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	         sqlite3_step(st) == SQLITE_ROW &&
	         sqlite3_column_type(st, 0) == SQLITE_TEXT &&
	         !strcmp((const char *)sqlite3_column_text(st, 0), "ok") &&
	         sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	return ok;
}

static int64_t int_query(sqlite3 *h, const char *sql, int64_t dflt)
{
	sqlite3_stmt *st = NULL;
	int64_t v = dflt;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int has_sqlite_header(const char *file)
{
	char head[16];
	FILE *f = fopen(file, "rb");
	if (!f)
		return -1;
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return n == sizeof head && !memcmp(head, "SQLite format 3", 16);
}

int backup_check(const char *file, char *err, size_t errlen)
{
	struct stat sb;
	if (stat(file, &sb) || !S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, _("cannot read %s: %s"), file, errno ? strerror(errno) : _("not a file"));
		return -1;
	}
	if (has_sqlite_header(file) != 1) {
		snprintf(err, errlen, _("%s is not an SQLite database"), file);
		return -1;
	}
	char *uri = file_uri(file, "immutable=1");
	sqlite3 *h = NULL;
	int rc = uri ? sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) : SQLITE_NOMEM;
	free(uri);
	int ret = -1;
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, _("%s cannot be opened: %s"), file, h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
		goto out;
	}
	sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if (!one_row_ok(h, "PRAGMA integrity_check")) {
		snprintf(err, errlen, _("%s is damaged: SQLite's integrity check fails"), file);
		goto out;
	}
	/* What makes a file a tizilim database: its core tables and a version. */
	static const char *const tables[] = {
		"meta", "nkz", "nrk_level", "body", "cycle", "reg_version", "reg_row",
		"proposal", "proposal_level", "council_agreement", "app_user", "change_log",
	};
	int found = 0;
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(h, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
		                       -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
			found += sqlite3_step(st) == SQLITE_ROW;
		}
		sqlite3_finalize(st);
	}
	int64_t v = int_query(h, "PRAGMA user_version", -1);
	if (found != (int)(sizeof tables / sizeof *tables) || v < 1) {
		snprintf(err, errlen, _("%s is an SQLite database but not a tizilim database"), file);
		goto out;
	}
	if (v > TZ_SCHEMA_VERSION) {
		snprintf(err, errlen, _("%s has schema version %lld, newer than this program's %d: "
		                        "restore it with a newer tizilim"), file, (long long)v, TZ_SCHEMA_VERSION);
		goto out;
	}
	if (int_query(h, "SELECT count(*) FROM pragma_foreign_key_check", -1) != 0) {
		snprintf(err, errlen, _("%s has rows that refer to rows it lacks (foreign_key_check)"), file);
		goto out;
	}
	ret = 0;
out:
	sqlite3_close(h);
	return ret;
}

/* Copies the user's file byte for byte into a new file beside the database
 * (the backup, to migrate without touching it); its name, malloc'd. */
static char *copy_beside(const char *from, const char *path)
{
	struct safefile out;
	FILE *in = userfile_read(from, "rb");
	if (!in || safefile_create(&out, path, 0600)) {
		int e = errno;
		if (in)
			fclose(in);
		errno = e;
		return NULL;
	}
	char buf[65536];
	size_t n;
	int rc = 0;
	while (!rc && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out.fp) != n)
			rc = -1;
	if (ferror(in))
		rc = -1;
	fclose(in);
	/* Kept under its temporary name: it is opened, migrated and copied
	 * from there, then thrown away. */
	char *tmp = out.tmp;
	if (fflush(out.fp) || ferror(out.fp))
		rc = -1;
	if (fclose(out.fp))
		rc = -1;
	free(out.path);
	if (rc) {
		int e = errno;
		unlink(tmp);
		free(tmp);
		errno = e;
		return NULL;
	}
	return tmp;
}

int backup_restore(tz_db *db, const char *file, char *saved, size_t savedlen,
                   char *err, size_t errlen)
{
	if (auth_restore(db, err, errlen))
		return -1;
	if (same_file(file, db_path(db))) {
		snprintf(err, errlen, _("%s is the database itself"), file);
		return -1;
	}
	/* The backup is the user's file, read with their rights. */
	privs_user();
	int bad = backup_check(file, err, errlen);
	privs_program();
	if (bad)
		return -1;
	char *tmp = copy_beside(file, db_path(db));
	if (!tmp) {
		snprintf(err, errlen, _("cannot copy %s beside the database: %s"), file, strerror(errno));
		return -1;
	}
	/* db_open brings an older backup up to this program's schema, on the copy. */
	char why[512] = "";
	tz_db *src = store_connect(tmp, 0, why, sizeof why);
	if (!src) {
		snprintf(err, errlen, _("%s cannot be opened: %s"), file, why);
		safefile_discard(tmp);
		free(tmp);
		return -1;
	}
	char when[32];
	stamp(when, sizeof when, "%Y%m%dT%H%M%S");
	snprintf(saved, savedlen, "%s.before-restore-%s", db_path(db), when);
	for (int i = 2; access(saved, F_OK) == 0 && i < 100; i++)
		snprintf(saved, savedlen, "%s.before-restore-%s-%d", db_path(db), when, i);
	int rc = -1;
	if (backup_to(db, saved, err, errlen))
		goto out;
	if (copy_pages(db_sqlite(src), db_sqlite(db), 1, NULL, why, sizeof why)) {
		tz_log("restore from %s: %s", file, why);
		snprintf(err, errlen, _("cannot restore %s: %s; the database is as it was"), file, why);
		goto out;
	}
	rc = 0;
	/* The restored log records who restored what, chained after its last entry. */
	audit_reason(db, "restore");
	char note[4400];
	sqlite3_stmt *st = db_prep(db, "SELECT json_object('file', :f, 'saved', :s)");
	db_text(st, ":f", file);
	db_text(st, ":s", saved);
	snprintf(note, sizeof note, "{}");
	if (db_step(db, st) == SQLITE_ROW)
		snprintf(note, sizeof note, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	if (db_begin(db)) {
		tz_log("restore: cannot record it in the change log: %s", db_errmsg(db));
	} else if (audit_log(db, "database", "", "restore", NULL, note) || db_commit(db)) {
		if (db_depth(db))
			db_rollback(db);
		tz_log("restore: cannot record it in the change log: %s", db_errmsg(db));
	}
	audit_reason(db, NULL);
out:
	db_close(src);
	safefile_discard(tmp);
	free(tmp);
	return rc;
}
