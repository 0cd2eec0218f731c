/* auditpage — the change log read a window at a time (the log screen): the
 * entries next to a given one, in either direction, by the index on id, so
 * that a long log opens and scrolls in memory that does not grow with it. */
#ifndef TZ_AUDITPAGE_H
#define TZ_AUDITPAGE_H

#include <stdint.h>

#include "store/audit.h"
#include "store/db.h"

/* Calls fn for up to n entries passing f (login, object, from, to; the rest
 * ignored): with dir < 0, those with id <= from_id (0: the newest), newest
 * first; with dir > 0, those with id > from_id, oldest first.  Entries carry
 * no delta.  Returns 0 or an SQLite error. */
int logpage_read(tz_db *db, const struct audit_filter *f, int64_t from_id, int dir, int n,
                 audit_fn fn, void *ctx);

/* How many entries pass f. */
long logpage_count(tz_db *db, const struct audit_filter *f);

#endif
