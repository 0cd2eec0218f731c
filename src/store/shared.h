/* shared — which database keeps the program's group on a shared host (README
 * "Shared host"): the one install-shared lays out, and no other. */
#ifndef TZ_SHARED_H
#define TZ_SHARED_H

#include <stddef.h>

#include "store/db.h"

/* The database to open for path.  Running setgid, the program keeps its
 * group only for a shared database set up as install-shared does (the file
 * the group's and group-writable, with its -wal and -shm, in a directory
 * that root owns and only root writes, under directories only root can
 * rename); for any other file it drops the group for good and the user opens
 * it with their own rights.  Returns the path to open (resolved for a shared
 * database), malloc'd, or NULL with a translated reason in err. */
char *shared_database(const char *path, char *err, size_t errlen);

/* A database shared through its group keeps its -wal and -shm files when
 * closed: only root may create files beside it (see shared_database), so no
 * clerk ever owns a file SQLite reads back. */
void shared_opened(tz_db *db);

#endif
