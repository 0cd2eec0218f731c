/* regcsv_in — register rows read into the draft from files in the
 * Appendix layout (regcsv.h): CSV in any of the encodings csvin reads, or
 * an .xlsx workbook; Kazakh, Russian or both. */
#ifndef TZ_REGCSV_IN_H
#define TZ_REGCSV_IN_H

#include <stddef.h>

#include "store/db.h"

struct regcsv_stats {
	long added, changed, unchanged;
	const char *lang[2];       /* each file's language */
	const char *encoding[2];   /* each file's encoding, as read */
};

/* Called with each warning (translated, naming file, line and column). */
typedef void regcsv_warn_fn(void *ctx, const char *msg);

/* Imports npaths (1 or 2) files into the draft: rows with a (code, level)
 * already in the draft are changed, others added.  All or nothing: on the
 * first bad row nothing is written and err names FILE:LINE:COLUMN.
 * Returns 0 or -1. */
int regcsv_import(tz_db *db, const char *const *paths, int npaths, const char *encoding,
                  regcsv_warn_fn *warn, void *wctx, struct regcsv_stats *st,
                  char *err, size_t errlen);

/* The same, each file a CSV or an .xlsx workbook (xlsxin_is_xlsx); of a
 * workbook the sheet called sheet is read, or the first when NULL.  A
 * workbook's encoding is reported as "XLSX". */
int regcsv_import_from(tz_db *db, const char *const *paths, int npaths, const char *encoding,
                       const char *sheet, regcsv_warn_fn *warn, void *wctx,
                       struct regcsv_stats *st, char *err, size_t errlen);

#endif
