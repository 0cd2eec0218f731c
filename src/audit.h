/* audit — the change log: every change to rows, proposals, states, reference
 * data and roles is recorded with who, when, what (before and after, as JSON)
 * and why, each entry chained to the previous one by a SHA-256 hash, so that
 * `tizilim verify` finds an entry altered, removed or inserted outside the
 * program. */
#ifndef TZ_AUDIT_H
#define TZ_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* The reason recorded with the changes that follow on this connection, until
 * set again (NULL clears it). */
void audit_reason(tz_db *db, const char *why);

/* Records one change explicitly (for what no trigger sees: imports, state
 * changes).  before/after are JSON texts or NULL.  Must run inside the
 * caller's transaction.  0 or an SQLite error. */
int audit_log(tz_db *db, const char *object, const char *object_id, const char *action,
              const char *before, const char *after);

/* Recomputes the chain; returns 0 when intact, else the id of the first entry
 * that does not match (and a translated description in what). */
int64_t audit_verify(tz_db *db, char *what, size_t len);

#endif
