/* xlsxout — the register as an .xlsx workbook laid out like the Appendix of
 * Order 399, ready to print for the National Council (A4 landscape, headings
 * on every page), and the review pack: a draft set against the published
 * register, added, removed and changed rows with the changed cells marked.
 * One language per workbook, the form's words in it whatever the interface
 * speaks.  Both are written aside and renamed into place on success. */
#ifndef TZ_XLSXOUT_H
#define TZ_XLSXOUT_H

#include <stddef.h>
#include <stdint.h>

#include "exchange/regcsv.h"
#include "store/db.h"

/* Writes version (0: the draft, else the newest published) in lang ("kk" or
 * "ru") to path.  0, or -1 with a translated message in err. */
int xlsxout_register(tz_db *db, const char *lang, int64_t version, const char *path, char *err,
                     size_t errlen);
/* The same, telling progress (may be NULL) of the rows written, as
 * regcsv_export does: a non-zero answer stops it, and no file is written. */
int xlsxout_register_with(tz_db *db, const char *lang, int64_t version, const char *path,
                          regcsv_export_progress_fn *progress, void *pctx, char *err, size_t errlen);

/* The review pack of version b (0: the draft) against a (0: the newest
 * published): a summary sheet first (all changes, each section, each body:
 * rows added, excluded, amended and the share decided), then sheets of
 * added, removed and changed rows, each with its ground in a last column;
 * in changed rows the changed cells are filled and carry a note with the
 * old value.  Counts go
 * to added/removed/changed when not NULL.  0 or -1 with err. */
int xlsxout_review(tz_db *db, const char *lang, int64_t a, int64_t b, const char *path,
                   long *added, long *removed, long *changed, char *err, size_t errlen);

#endif
