/* nkz — the occupation classifier (ҰКС / НКЗ, НК РК 01-2017): code forms,
 * import from the ministries' CSV files, look-ups. */
#ifndef TZ_NKZ_H
#define TZ_NKZ_H

#include <stddef.h>

#include "db.h"

/* The level (1..6) a code's form gives (SPEC §1), or 0 if malformed:
 * N | Х, NN, NNN, NNNN | ХNNNN, NNNN-N, NNNN-N-NNN. */
int nkz_code_level(const char *code);

struct nkz_import_stats {
	long read;              /* data records read */
	long imported;          /* codes written (new or updated) */
	long skipped_inactive;  /* retired codes left out */
	long per_level[7];      /* imported, by level 1..6 */
};

/* Imports a classifier CSV: columns found by header name (en/ru/kk); every
 * code validated; the hierarchy kept.  All or nothing: on any bad record,
 * nothing is written and err names the line and column.  0 or -1. */
int nkz_import_csv(tz_db *db, const char *path, const char *encoding,
                   struct nkz_import_stats *st, char *err, size_t errlen);

#endif
