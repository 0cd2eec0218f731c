/* Shared by the libFuzzer targets: their entry points (declared, since the
 * build warns on missing prototypes) and a per-process scratch directory for
 * the parsers that read files, removed at exit.  Each import target keeps one
 * database open for the whole run and, after an input it imported, copies
 * back the state it started from, so that every input meets the same
 * database and the run stays fast. */
#ifndef TZ_FUZZ_H
#define TZ_FUZZ_H

#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char fz_dir[512];

static int fz_rm(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

static void fz_cleanup(void)
{
	if (fz_dir[0])
		nftw(fz_dir, fz_rm, 8, FTW_DEPTH | FTW_PHYS);
}

/* The scratch directory, made on first use. */
static inline const char *fz_scratch(void)
{
	if (!fz_dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(fz_dir, sizeof fz_dir, "%s/tzfuzz.XXXXXX", t && *t ? t : "/tmp");
		if (!mkdtemp(fz_dir)) {
			perror("mkdtemp");
			abort();
		}
		atexit(fz_cleanup);
	}
	return fz_dir;
}

/* Writes the input to a file in the scratch directory; returns its path. */
static inline const char *fz_write(const char *name, const uint8_t *data, size_t size)
{
	static char path[600];
	snprintf(path, sizeof path, "%s/%s", fz_scratch(), name);
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f)) {
		perror(path);
		abort();
	}
	return path;
}

/* A copy of the database as first made, to put back after an input that
 * was imported. */
static sqlite3 *fz_pristine;

static inline void fz_copy(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE || sqlite3_backup_finish(b) != SQLITE_OK) {
		fprintf(stderr, "fuzz: backup: %s\n", sqlite3_errmsg(to));
		abort();
	}
}

static inline void fz_snapshot(tz_db *db)
{
	sqlite3_close(fz_pristine);
	if (sqlite3_open(":memory:", &fz_pristine) != SQLITE_OK)
		abort();
	fz_copy(fz_pristine, db_sqlite(db));
}

static inline void fz_restore(tz_db *db)
{
	if (db_depth(db) != 0)
		abort();   /* an import left its transaction open */
	fz_copy(db_sqlite(db), fz_pristine);
}

/* What an import can write, in one number: the change log records every
 * change to the logged tables; the counts catch the rest. */
static inline int64_t fz_written(tz_db *db)
{
	return db_int_query(db, "SELECT (SELECT count(*) FROM change_log) + (SELECT count(*) FROM nkz)"
	                        " + (SELECT count(*) FROM reg_row) + (SELECT count(*) FROM proposal)"
	                        " + (SELECT count(*) FROM proposal_level)"
	                        " + (SELECT count(*) FROM council_agreement)", -1);
}

/* A database with the reference data (and the demo register when demo is
 * set), the person running the fuzzer its administrator. */
static inline tz_db *fz_db(int demo)
{
	char path[600], err[1024] = "";
	snprintf(path, sizeof path, "%s/fuzz.db", fz_scratch());
	tz_db *db = store_open(path, 1, demo, err, sizeof err);
	if (!db) {
		fprintf(stderr, "fuzz: cannot make %s: %s\n", path, err);
		abort();
	}
	fz_snapshot(db);
	return db;
}

/* The input as a NUL-terminated string (the parsers take C strings). */
static inline char *fz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
