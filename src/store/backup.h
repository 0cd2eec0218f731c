/* backup — consistent copies of the database while others keep working, and
 * restoring one after checking it (SPEC §4 "nothing lost", issue 5).  Both go
 * through SQLite's online backup API, which copies pages under SQLite's own
 * locking: safe with other connections and with WAL, unlike copying the file. */
#ifndef TZ_BACKUP_H
#define TZ_BACKUP_H

#include <stddef.h>

#include "store/db.h"

/* Copies the database into dest: written to a temporary file beside dest
 * (mode 0600), checked, then renamed over dest, so dest is either the old file
 * or a whole copy.  Must not run inside a transaction of db (the copy would
 * hold its uncommitted changes).  0, or -1 with a translated message in err. */
int backup_to(tz_db *db, const char *dest, char *err, size_t errlen);

/* How far a copy is: done of total pages.  Non-zero stops it: nothing is
 * left behind. */
typedef int backup_progress_fn(void *ctx, long done, long total);
struct backup_progress {
	backup_progress_fn *fn;   /* may be NULL */
	void *ctx;
};
/* backup_to, telling p of its progress. */
int backup_to_with(tz_db *db, const char *dest, const struct backup_progress *p, char *err,
                   size_t errlen);

/* Where the backup offered before a publication goes:
 * <db dir>/backups/tizilim-YYYY-MM-DDTHHMMSS.db (local time), malloc'd. */
char *backup_suggest_path(tz_db *db);

/* The backup taken before publishing: makes the backups directory (0700) and
 * copies the database to backup_suggest_path(); the path taken goes to path.
 * Call it before the publication's transaction begins. */
int backup_before_publish(tz_db *db, char *path, size_t len, char *err, size_t errlen);
/* The same, telling p of the copy's progress. */
int backup_before_publish_with(tz_db *db, const struct backup_progress *p, char *path, size_t len,
                               char *err, size_t errlen);

/* Checks that file is a sound tizilim database this program can open:
 * SQLite's header, integrity_check, foreign_key_check, the expected tables,
 * and a schema version not newer than TZ_SCHEMA_VERSION.  0 or -1 with err. */
int backup_check(const char *file, char *err, size_t errlen);

/* Replaces the database's content with the checked backup in file.  The
 * current content is first copied to <db>.before-restore-<YYYYMMDDTHHMMSS>
 * (its path goes to saved).  An older backup is migrated on a temporary copy;
 * file itself is never changed.  Needs the administrator's role.  0 or -1. */
int backup_restore(tz_db *db, const char *file, char *saved, size_t savedlen,
                   char *err, size_t errlen);

#endif
