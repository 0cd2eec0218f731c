/* privs — the shared host (README "Shared host", tizilim(1) SHARED HOST).
 *
 * Installed setgid to a group that alone may write the database, the program
 * is the only way clerks change the register, so its role checks hold.  The
 * group is for the database and nothing else: every file a user names
 * (imports, exports, backups, packages, logs) is opened with the user's own
 * group, so an export belongs to the clerk and a directory only the group can
 * write stays closed to them (safefile.h).  The login for roles is the real
 * uid's (host_login), never an environment variable.  Which database keeps
 * the group is shared.h's to decide.
 *
 * Outside setgid (a single-user install, the tests) every call here is a
 * no-op and privs_getenv is getenv. */
#ifndef TZ_PRIVS_H
#define TZ_PRIVS_H

#include <stddef.h>
#include <sys/types.h>

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
 * TIZILIM_LOCALEDIR, XDG_*, HOME) are ignored; display preferences (TERM,
 * NO_COLOR, TIZILIM_LANG) are kept. */
const char *privs_getenv(const char *name);

/* For the shared database's checks (shared.h): privs_probe takes the
 * program's group for a look; privs_keep(1) keeps it from then on (the
 * database is the group's), privs_keep(0) gives it back. */
void privs_probe(void);
void privs_keep(int keep);
/* The program's group. */
gid_t privs_group(void);

#endif
