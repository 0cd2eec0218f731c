/* audit — the change log: every change to rows, proposals, states, reference
 * data and roles is recorded with who, when, what (before and after, as JSON)
 * and why, each entry chained to the previous one by a SHA-256 hash, so that
 * `tizilim verify` finds an entry altered, removed or inserted outside the
 * program.
 *
 * Triggers in the schema write an entry for every change to the logged tables,
 * so no writer can forget; audit_triggers() makes them from the tables' own
 * columns, so no column added later can be forgotten; audit_attach() gives each
 * connection the functions and the temporary trigger that seal an entry with
 * the login, the reason and the hash. */
#ifndef TZ_AUDIT_H
#define TZ_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/* Called by store_connect() once the schema is current: registers tz_login(),
 * tz_reason() and tz_chain() and the sealing trigger.  0 or an SQLite error. */
int audit_attach(tz_db *db);

/* Drops every logging trigger (log_*) and makes them again for the logged
 * tables, with every column each table has now in the before/after JSON,
 * except the derived ones (fold_*, sort_*: folded names and ICU sort keys,
 * recomputed from the names).  Run by the migration after every schema
 * change, inside its transaction.  0 or an SQLite error. */
int audit_triggers(tz_db *db);

/* The reason recorded with the changes that follow on this connection, until
 * set again (NULL clears it). */
void audit_reason(tz_db *db, const char *why);
/* While data the program ships is loaded (the demo register), its entries
 * name login instead of the person at the terminal: the installer did not
 * prepare those changes and may approve them.  NULL ends it. */
void audit_login_as(const char *login);

/* Records one change explicitly (for what no trigger sees: imports, state
 * changes).  before/after are JSON texts or NULL.  Must run inside the
 * caller's transaction.  0 or an SQLite error. */
int audit_log(tz_db *db, const char *object, const char *object_id, const char *action,
              const char *before, const char *after);

/* A bulk load's inserts into a logged table, logged in one pass: after
 * audit_defer() the table's insert trigger writes nothing, until
 * audit_log_inserted(db, table, after) writes the entry of every row of
 * table with a rowid above after, in rowid order — the same entries, sealed
 * and chained, that the trigger would have written one by one — and lets the
 * trigger work again.  Both inside one transaction of the caller, which
 * rolls it back if either fails (the key that holds the trigger back goes
 * with it).  0 or an SQLite error. */
int audit_defer(tz_db *db);
int audit_log_inserted(tz_db *db, const char *table, int64_t after);

/* Recomputes the chain; returns 0 when intact, else the id of the first entry
 * that does not match (and a translated description in what). */
int64_t audit_verify(tz_db *db, char *what, size_t len);
/* How far the chain's check is: done of total entries.  Non-zero stops it
 * (what says so; the entry it stopped at is returned). */
typedef int audit_progress_fn(void *ctx, long done, long total);
/* audit_verify, telling fn (may be NULL) of its progress. */
int64_t audit_verify_with(tz_db *db, audit_progress_fn *fn, void *ctx, char *what, size_t len);

/* The chain's head: the newest entry's id and hash as "ENTRY:HASH" into buf
 * ("" when the log is empty), as publish, backup and verify print it for
 * whoever keeps it outside the database (verify --head).  0 or an SQLite
 * error. */
int audit_head(tz_db *db, char *buf, size_t len);

/* Reading the log (the log command, the log screen).  Every filter field is
 * optional (NULL / 0): login and object match exactly; from and to are dates
 * 'YYYY-MM-DD', both inclusive. */
struct audit_filter {
	const char *login;
	const char *object;      /* a table name: "reg_row", "proposal", "app_user", "nkz" ... */
	const char *object_id;
	const char *from, *to;
	int newest_first;
	long limit;              /* 0 = all */
};

struct audit_entry {
	int64_t id;
	const char *at, *login, *object, *object_id, *action, *reason;
	const char *before, *after;   /* JSON or NULL */
	/* What changed, compact: "key: old -> new; ..." for an update, the fields
	 * of an inserted or deleted row otherwise. */
	const char *delta;
};

/* Calls fn for each entry that passes f, in id order (or newest first);
 * the entry's strings live until fn returns.  fn returns nonzero to stop.
 * Returns 0 or an SQLite error. */
typedef int (*audit_fn)(void *ctx, const struct audit_entry *e);
int audit_query(tz_db *db, const struct audit_filter *f, audit_fn fn, void *ctx);

/* The SHA-256 of a file as 64 hex digits into hex[65] (for import summaries).
 * 0 or -1 with errno. */
int audit_sha256_file(const char *path, char hex[65]);

#endif
