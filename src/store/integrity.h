/* integrity — what `tizilim verify` checks beyond SQLite's own checks and
 * the change log's chain (audit_verify), against someone who holds the file
 * and the sqlite3 shell:
 *   - the schema: every table, index, trigger and view of the file set
 *     against the program's own definitions (a fresh in-memory database made
 *     by the same migration and audit_triggers), so that a guard or logging
 *     trigger dropped, altered or made again otherwise is named;
 *   - the kept counts (reg_count) recomputed from the rows;
 *   - every published version's seal (seal.h) recomputed from its rows;
 *   - optionally, a chain head kept outside the file: an entry of the log
 *     must still have it, else the log was rewritten (chain and all) or cut
 *     back since.
 * Each check reports every problem it finds through fn, area and text
 * translated, and returns how many it found. */
#ifndef TZ_INTEGRITY_H
#define TZ_INTEGRITY_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

typedef void integrity_fn(void *ctx, const char *area, const char *what);

/* A head as given on the command line: "ENTRY:HASH" as audit_head() writes
 * it, or the 64 hex digits of the hash alone (entry 0 then).  0, or -1 when
 * it is neither. */
int integrity_head_parse(const char *s, int64_t *entry, char hash[65]);

struct integrity_run {
	integrity_fn *fn;        /* called with each problem */
	void *ctx;
	const char *head;        /* a head kept outside, or NULL; parsed already */
	int64_t head_at;         /* out: the entry that has that head, 0 when none */
	char now[96];            /* out: the chain's head at the moment checked */
	char err[512];           /* out: why a check could not run */
	/* Optional: told after each check, done of total checks; non-zero
	 * stops the run (-1, err says so). */
	int (*progress)(void *pctx, long done, long total);
	void *pctx;
};

/* Runs the checks above inside one read transaction, so that they see one
 * moment of a database others keep writing.  The number of problems, or -1
 * when a check could not run (r->err says why). */
long integrity_check(tz_db *db, struct integrity_run *r);

#endif
