/* auditpage — the change log read a window at a time (the log screen): the
 * entries next to a given one, in either direction, by the index on id, so
 * that a long log opens and scrolls in memory that does not grow with it;
 * and one entry in full, its row before and after field by field. */
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

/* Calls fn with the entry id (no delta; before and after NULL where the row
 * did not exist).  Returns 1 when there is such an entry, 0 when there is
 * none (any more), -1 on a database error. */
int logpage_entry(tz_db *db, int64_t id, audit_fn fn, void *ctx);

/* A field of a row as the log keeps it (a JSON object). */
struct logpage_field {
	const char *key, *value;   /* value "" for a null */
	int changed;               /* the other side holds another value, or none */
};
typedef int (*logpage_field_fn)(void *ctx, const struct logpage_field *f);

/* Calls fn for each field of json in its own order (fn returns non-zero to
 * stop), each marked changed against other, the same row on the entry's
 * other side; with other NULL (the row did not exist there) none is
 * marked, and a json that is no object lists nothing.  Returns 0, or -1
 * when the statement that reads them cannot be made (the caller may show
 * json as it is). */
int logpage_fields(tz_db *db, const char *json, const char *other, logpage_field_fn fn, void *ctx);

#endif
