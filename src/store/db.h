/* db — the one SQLite connection and the thin statement wrapper every module
 * uses: prepare with named parameters, step, finalize; errors carry the file
 * and line that asked.  Writes go through db_begin()/db_commit(), which nest
 * and open the outermost transaction with BEGIN IMMEDIATE. */
#ifndef TZ_DB_H
#define TZ_DB_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tz_db tz_db;

#define TZ_SCHEMA_VERSION 20

/* Opens (creating when create is set) the database at path, sets foreign
 * keys and the busy timeout, registers the collations and functions, and
 * writes nothing: whether the file is the program's, the WAL mode, the
 * schema and the change log are the layers above (store_connect composes
 * them).  On failure returns NULL and a message in err. */
/* For a program that stays open (the screens), before any database is
 * opened: the memory of the page cache (2.6 MB, the pages that
 * cache_size's default keeps), taken at once and written, so that a page
 * read later finds its memory ready.  A fresh page of memory costs a fault
 * of 10 µs on a virtual machine; a search's first lookup, reading 2,000
 * pages, would otherwise pay hundreds of them.  Does nothing when SQLite
 * was set up already or memory is short. */
void db_reserve_cache(void);
tz_db *db_open(const char *path, int create, char *err, size_t errlen);
void db_close(tz_db *db);
sqlite3 *db_sqlite(tz_db *db);
const char *db_path(const tz_db *db);

/* Statements.  On error these log the SQLite text with the caller's place and
 * return NULL / an SQLite error code; db_failed() says whether any did. */
sqlite3_stmt *db_prep_at(tz_db *db, const char *sql, const char *file, int line);
#define db_prep(db, sql) db_prep_at((db), (sql), __FILE__, __LINE__)
/* The same statement kept prepared by the connection for the next call with
 * the same SQL (a static string), reset and unbound; the caller never
 * finalizes it, and must not use db_run, which does. */
sqlite3_stmt *db_cached_at(tz_db *db, const char *sql, const char *file, int line);
#define db_cached(db, sql) db_cached_at((db), (sql), __FILE__, __LINE__)
/* The same for SQL built at run time (a buffer): the cache keeps a copy of
 * the text.  The caller resets the statement when done with it. */
sqlite3_stmt *db_cached_copy_at(tz_db *db, const char *sql, const char *file, int line);
#define db_cached_copy(db, sql) db_cached_copy_at((db), (sql), __FILE__, __LINE__)
void db_text(sqlite3_stmt *st, const char *name, const char *v);  /* NULL binds NULL */
void db_int(sqlite3_stmt *st, const char *name, int64_t v);
void db_blob(sqlite3_stmt *st, const char *name, const void *p, int n);
void db_null(sqlite3_stmt *st, const char *name);
int db_step_at(tz_db *db, sqlite3_stmt *st, const char *file, int line);
#define db_step(db, st) db_step_at((db), (st), __FILE__, __LINE__)
/* Steps a statement that returns no row, then finalizes it. */
int db_run_at(tz_db *db, sqlite3_stmt *st, const char *file, int line);
#define db_run(db, st) db_run_at((db), (st), __FILE__, __LINE__)
int db_exec_at(tz_db *db, const char *sql, const char *file, int line);
#define db_exec(db, sql) db_exec_at((db), (sql), __FILE__, __LINE__)
const char *db_col_text(sqlite3_stmt *st, int col);  /* never NULL */

/* One integer from a query with no parameters; dflt when no row. */
int64_t db_int_query(tz_db *db, const char *sql, int64_t dflt);

/* For a bulk load inside the caller's transaction (a rollback brings them
 * back): the indexes of table whose names match glob1 or glob2 (NULL: none)
 * are dropped.
 * Each takes rows at random places, most of a large load's writing; made
 * again once the rows are in, each is built in one sorted pass.  Returns
 * the statements that make them again (NULL: none matched, or *failed when
 * the database refused). */
char *db_indexes_aside(tz_db *db, const char *table, const char *glob1, const char *glob2,
                       int *failed);

/* Transactions.  begin/commit nest; a rollback at any depth makes the
 * outermost commit roll back instead.  Returns 0 or an SQLite error code. */
int db_begin(tz_db *db);
int db_commit(tz_db *db);
void db_rollback(tz_db *db);
int db_depth(const tz_db *db);

/* A bulk load inside the current transaction: the page cache grows to
 * TZ_BULK_CACHE_KB until the outermost transaction ends (commit or rollback
 * restores it), so that the indexes' pages stay in memory instead of being
 * spilled to the WAL and read back for every few rows.  0 or an SQLite error;
 * outside a transaction it does nothing. */
#define TZ_BULK_CACHE_KB 16384
int db_bulk(tz_db *db);

/* Stays the same while one write transaction lasts and this connection does
 * not write the users table (app_user): a decision drawn from the user's role
 * may be reused while it does.  0 outside a transaction. */
uint64_t db_roles_epoch(const tz_db *db);

/* The last SQLite error text, for the log. */
const char *db_errmsg(tz_db *db);
/* 1 when path names the database's own file or one SQLite keeps beside it
 * (-wal, -shm, -journal) or the writer's note, whether it exists yet or
 * not: no backup or export may be written there. */
int db_own_file(tz_db *db, const char *path);
/* Removes the writer's note a process left when it was killed (its pid gone
 * from this machine) and notes it half-wrote.  How many were removed. */
int db_sweep(tz_db *db);
int db_errcode(tz_db *db);

/* Runs a script of several statements (schema, reference data). */
int db_script(tz_db *db, const char *sql);

#endif
