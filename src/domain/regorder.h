/* regorder — the official order and numbering of a register version: one
 * number per row within its section, the same in Kazakh and Russian, kept in
 * reg_place (schema 7).  By default the rows go by classifier code, then
 * level; the clerk may move a row of the draft up or down.  A new or changed
 * row of the draft takes its place by code and level after the rows already
 * numbered, and the numbers close up after a deletion, when the version is
 * next settled: by the screen and the exports before they read it, and by
 * the database itself when the version leaves the draft.  A published
 * version's numbers never change. */
#ifndef TZ_REGORDER_H
#define TZ_REGORDER_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/* Numbers the rows of a draft that wait for a number and closes the gaps;
 * nothing to do (a quick look at the indexes) when all are in place, or when
 * the version is not a draft.  0, or -1 on a database error (a read-only
 * database: the rows are then read in the order they have). */
int regorder_settle(tz_db *db, int64_t version);

/* The row's number in its section, or 0 when it has none (yet). */
int regorder_num(tz_db *db, int64_t row_id);

/* Moves a row of the draft by places (negative: up), stopping at the ends of
 * its section.  One transaction; the change log gets one entry.  Returns a
 * reg_status (register.h): REG_OK, REG_NOT_DRAFT, REG_GONE, REG_DENIED (why
 * in err) or REG_DBERR.  *num gets the row's number after the move. */
int regorder_move(tz_db *db, int64_t row_id, int places, int *num, char *err, size_t errlen);

#endif
