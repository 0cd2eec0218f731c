/* nkzin — the occupation classifier imported from the ministries' files. */
#ifndef TZ_NKZIN_H
#define TZ_NKZIN_H

#include "domain/nkz.h"

struct nkz_import_stats {
	long read;              /* data records read */
	long imported;          /* codes written (new or updated) */
	long added;             /* of those, codes that were not in the database */
	long skipped_inactive;  /* retired codes left out */
	long deactivated;       /* codes already stored that the file retires */
	long per_level[7];      /* imported, by level 1..6 */
};

/* Imports a classifier CSV: columns found by header name (en/ru/kk); every
 * code validated; the hierarchy kept.  All or nothing: on any bad record,
 * nothing is written and err names the line and column (one problem per line
 * of err, the first twenty of them).  Codes already stored are updated, never
 * deleted, since register rows may refer to them; a code the file flags
 * inactive is left out, and marked inactive if it is stored.  0 or -1. */
int nkz_import_csv(tz_db *db, const char *path, const char *encoding,
                   struct nkz_import_stats *st, char *err, size_t errlen);

/* The same from a CSV file or an .xlsx workbook (xlsxin_is_xlsx), whose
 * sheet called sheet is read (NULL: the first); columns by header name
 * either way, and a workbook's places are its row and column numbers. */
int nkz_import(tz_db *db, const char *path, const char *encoding, const char *sheet,
               struct nkz_import_stats *st, char *err, size_t errlen);

#endif
