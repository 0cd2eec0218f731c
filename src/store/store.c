#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "store/audit.h"
#include "store/auth.h"
#include "base/debuglog.h"
#include "base/privs.h"
#include "base/safefile.h"
#include "store/schema.h"
#include "store/seal.h"
#include "store/shared.h"

extern const char tz_data_reference_sql[];
extern const char tz_data_calendar_sql[];
extern const char tz_data_demo_sql[];
extern const char tz_data_demo_grounds_sql[];

static int mkdirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		int rc = mkdir(path, 0700);
		*p = '/';
		if (rc && errno != EEXIST)
			return -1;
	}
	return 0;
}

char *store_default_path(void)
{
	/* Installed setgid, the program exists to guard the one shared file. */
	if (privs_shared())
		return strdup(TIZILIM_SHARED_DB);
	char *dir = userfile_dir(USERFILE_DATA);
	size_t n = dir ? strlen(dir) + sizeof "/tizilim.db" : sizeof "tizilim.db";
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s", dir ? dir : "", dir ? "/tizilim.db" : "tizilim.db");
	free(dir);
	return p;
}

int store_load_reference(tz_db *db)
{
	if (db_begin(db))
		return -1;
	if (db_script(db, tz_data_reference_sql) || db_script(db, tz_data_calendar_sql)) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) ? -1 : 0;
}

int store_is_demo(tz_db *db)
{
	return db_int_query(db, "SELECT EXISTS (SELECT 1 FROM change_log WHERE object = 'reg_version' "
	                        "AND login = 'demo')", 0) == 1;
}

int store_load_demo(tz_db *db)
{
	if (db_begin(db))
		return -1;
	/* The demo register was prepared by no one at this terminal.  Its
	 * script publishes a version, and no publication goes unsealed. */
	audit_login_as("demo");
	int bad = db_script(db, tz_data_demo_sql) ||
	          (db_int_query(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
	                            "AND name = 'change_ground'", 0) &&
	           db_script(db, tz_data_demo_grounds_sql)) ||
	          seal_unsealed(db) < 0;
	audit_login_as(NULL);
	if (bad) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) ? -1 : 0;
}

/* The schema brought up to date with the change log attached.  A database
 * that has a log already is attached first, so that what a step changes in
 * its data (names corrected in the reference data) is sealed like any change
 * of the program's, with the update as its reason: written unsealed, verify
 * would report every upgraded database as altered outside the program.  A
 * new one gets its log from the schema, and is attached after. */
static int store_migrate(tz_db *db, char *err, size_t errlen)
{
	int has_log = db_int_query(db, "SELECT count(*) FROM sqlite_schema "
	                               "WHERE type = 'table' AND name = 'change_log'", 0) == 1;
	if (!has_log)
		return schema_migrate(db, err, errlen) || audit_attach(db);
	if (audit_attach(db))
		return -1;
	audit_reason(db, _("Update of the program: its reference data brought to the new version"));
	int rc = schema_migrate(db, err, errlen);
	audit_reason(db, NULL);
	return rc;
}

tz_db *store_connect(const char *path, int create, char *err, size_t errlen)
{
	tz_db *db = db_open(path, create, err, errlen);
	if (!db)
		return NULL;
	/* Another program's file is left exactly as it is: nothing below has
	 * written to it yet. */
	enum schema_kind kind = schema_identify(db);
	if (kind == SCHEMA_FOREIGN || (kind == SCHEMA_EMPTY && !create)) {
		snprintf(err, errlen, kind == SCHEMA_FOREIGN
		         ? _("%s is an SQLite database of another program, not a tizilim database; "
		             "nothing in it was changed")
		         : _("%s is not a tizilim database (it is empty): create one with init"), path);
		db_close(db);
		return NULL;
	}
	/* A file opened read-only (read-only media, a file no one may write)
	 * is read as it lies, in whatever journal mode it was left. */
	int ro = sqlite3_db_readonly(db_sqlite(db), "main") == 1;
	if ((!ro && db_exec(db, "PRAGMA journal_mode = WAL")) ||
	    (!ro && db_exec(db, "PRAGMA synchronous = NORMAL")) ||
	    store_migrate(db, err, errlen)) {
		if (!*err)
			snprintf(err, errlen, "%s", db_errmsg(db));
		db_close(db);
		return NULL;
	}
	/* Not fatal: a read-only file is still read, and verify names what is
	 * left unsealed. */
	seal_upgrade(db);
	return db;
}

tz_db *store_memory_copy(tz_db *db, char *err, size_t errlen)
{
	tz_db *mem = db_open(":memory:", 1, err, errlen);
	if (!mem)
		return NULL;
	sqlite3_backup *b = sqlite3_backup_init(db_sqlite(mem), "main", db_sqlite(db), "main");
	int rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(db_sqlite(mem));
	if (b)
		sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE || audit_attach(mem)) {
		snprintf(err, errlen, "%s", rc != SQLITE_DONE ? sqlite3_errstr(rc) : db_errmsg(mem));
		db_close(mem);
		return NULL;
	}
	return mem;
}

static tz_db *open_at(const char *path, int create, int demo, char *err, size_t errlen)
{
	struct stat sb;
	int fresh = stat(path, &sb) != 0;
	if (fresh && !create) {
		snprintf(err, errlen, "%s", strerror(errno));
		return NULL;
	}
	if (fresh) {
		char *dir = strdup(path);
		if (!dir || mkdirs(dir)) {
			snprintf(err, errlen, "%s", strerror(errno));
			free(dir);
			return NULL;
		}
		free(dir);
		/* Created here so that it is 0600 from the first byte. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0) {
			snprintf(err, errlen, "%s", strerror(errno));
			return NULL;
		}
		close(fd);
	}
	tz_db *db = store_connect(path, create, err, errlen);
	if (!db)
		return NULL;
	if (db_int_query(db, "SELECT count(*) FROM body", 0) == 0 &&
	    (store_load_reference(db) || (demo && store_load_demo(db)))) {
		snprintf(err, errlen, "%s", db_errmsg(db));
		db_close(db);
		return NULL;
	}
	/* The first login to open a database without users administers it. */
	if (auth_bootstrap(db)) {
		snprintf(err, errlen, "%s", db_errmsg(db));
		db_close(db);
		return NULL;
	}
	return db;
}

/* What killed runs left beside the database: a restore's copy, a backup's
 * temporary in backups/, the writer's note.  Never the files themselves. */
static void sweep(tz_db *db)
{
	int n = db_sweep(db) + safefile_sweep(db_path(db));
	const char *p = db_path(db), *slash = strrchr(p, '/');
	char dir[4200];
	snprintf(dir, sizeof dir, "%.*s/backups", slash ? (int)(slash - p) : 1, slash ? p : ".");
	n += safefile_sweep_in(dir, NULL);
	if (n)
		tz_log("removed %d leftovers of killed runs beside %s", n, p);
}

tz_db *store_open(const char *path, int create, int demo, char *err, size_t errlen)
{
	char *at = shared_database(path, err, errlen);
	if (!at)
		return NULL;
	tz_db *db = open_at(at, create, demo, err, errlen);
	free(at);
	if (db) {
		shared_opened(db);
		sweep(db);
	}
	return db;
}
