/* privs — the shared host (README "Shared host", tizilim(1) SHARED HOST).
 *
 * Installed setgid to a group that alone may write the database, the program
 * is the only way clerks change the register, so its role checks hold.  The
 * group is for the database and nothing else: every file a user names
 * (imports, exports, backups, packages, logs) is opened with the user's own
 * group, so an export belongs to the clerk and a directory only the group can
 * write stays closed to them.  The login for roles is the real uid's
 * (store_login), never an environment variable.
 *
 * Outside setgid (a single-user install, the tests) every call here is a
 * no-op and privs_getenv is getenv. */
#ifndef TZ_PRIVS_H
#define TZ_PRIVS_H

#include <stddef.h>

#include "db.h"

/* Where the shared database lives; a build may move it with
 * -DTIZILIM_SHARED_DB=... (make install-shared SHARED_DIR=...). */
#ifndef TIZILIM_SHARED_DB
#define TIZILIM_SHARED_DB "/var/lib/tizilim/tizilim.db"
#endif

/* First thing in main(): notes the program's and the user's group and
 * clears the environment that would point libraries at the user's files. */
void privs_init(void);
/* Running setgid, still holding the program's group. */
int privs_shared(void);

/* Around every use of a file the user named: privs_user() takes the user's
 * group, privs_program() gives the program's back.  They nest.  The database
 * connection stays open meanwhile (SQLite has its files open already). */
void privs_user(void);
void privs_program(void);
/* Gives up the program's group for the rest of the run. */
void privs_drop(void);

/* getenv for the program's own variables.  Running setgid, variables that
 * name files or change what the program does (TIZILIM_LOG, TIZILIM_TODAY,
 * TIZILIM_LOCALEDIR, XDG_*) are ignored; display preferences (TERM,
 * NO_COLOR, TIZILIM_LANG) are kept. */
const char *privs_getenv(const char *name);

/* The database to open for path.  Running setgid, the program keeps its
 * group only for a shared database set up as install-shared does (the file
 * the group's and group-writable, with its -wal and -shm, in a directory
 * that root owns and only root writes, under directories only root can
 * rename); for any other file it drops the group for good and the user opens
 * it with their own rights.  Returns the path to open (resolved for a shared
 * database), malloc'd, or NULL with a translated reason in err. */
char *privs_database(const char *path, char *err, size_t errlen);

/* A database shared through its group keeps its -wal and -shm files when
 * closed: only root may create files beside it (see privs_database), so no
 * clerk ever owns a file SQLite reads back. */
void privs_opened(tz_db *db);

#endif
