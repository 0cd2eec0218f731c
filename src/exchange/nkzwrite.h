/* nkzwrite — the write of a classifier that nkzin has read and checked into
 * temp.nkz_stage (its rows numbered 1..n, the bad ones marked) and
 * temp.nkz_diff: one transaction that writes the rows, retires the codes
 * the file retires, indexes the names for search and logs the import with
 * its changes.  nkzin's own; no other caller. */
#ifndef TZ_NKZWRITE_H
#define TZ_NKZWRITE_H

#include <stdint.h>

#include "store/db.h"

/* What a classifier import did (nkzin.h); the write sets imported, added,
 * renamed, deactivated, per_level and change_id. */
struct nkz_import_stats {
	long read;              /* data records read */
	long imported;          /* codes written (new or updated) */
	long added;             /* of those, codes that were not in the database */
	long renamed;           /* of those, stored codes whose name the file changes */
	long skipped_inactive;  /* retired codes left out */
	long deactivated;       /* codes already stored that the file retires */
	long rejected;          /* rows with problems, left out (skip_invalid) */
	long problems;          /* problems found, each passed to on_problem */
	long per_level[7];      /* imported, by level 1..6 */
	int64_t change_id;      /* the import's change log entry: its changes (nkz_changes) */
	char rejects[1024];     /* the file the rejected rows were written to, or "" */
};

struct nkz_write {
	tz_db *db;
	const char *path;               /* the file, named by its hash in the log */
	long n;                         /* rows staged */
	struct nkz_import_stats *st;    /* imported, added, renamed, ... set here */
	/* Asked after every slice written and during the index rebuild (done
	 * of total rows); non-zero stops the write, nothing kept.  May be NULL. */
	int (*tick)(void *ctx, long done, long total);
	void *ctx;
};

/* 0, or -1 with nothing written (a database error, or tick said stop).  The
 * page cache is left as it was found. */
int nkz_write(struct nkz_write *w);

#endif
