/* regcsv_in — register rows read into the draft from files in the
 * Appendix layout (regcsv.h): CSV in any of the encodings csvin reads, or
 * an .xlsx workbook; Kazakh, Russian or both. */
#ifndef TZ_REGCSV_IN_H
#define TZ_REGCSV_IN_H

#include <stddef.h>

#include "store/db.h"

struct regcsv_stats {
	long added, changed, unchanged;
	long names_kept;           /* rows whose names the file would have changed */
	long names_replaced;       /* rows whose names it changed (REGCSV_REPLACE_NAMES) */
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

/* The register owns its names (column 2): a row already in the draft keeps
 * its name when the file's is the same but for case and spacing
 * (namecase_same), so that exporting the register and importing the same
 * files changes nothing.  A file's name that differs more is a change the
 * clerk must ask for: without REGCSV_REPLACE_NAMES the row keeps its name
 * (and the rest of the line is imported), with it the file's name is taken.
 * Either way on_name hears of each such name.  A row new to the draft takes
 * the file's names; a language the files do not give, or a blank name, is
 * offered from the classifier in ordinary case (namecase_offer).
 * REGCSV_DRY_RUN checks and counts everything and writes nothing: the
 * terminal asks with what it learns before importing. */
enum { REGCSV_REPLACE_NAMES = 1, REGCSV_DRY_RUN = 2 };

/* A name the file would change: lang "kk" or "ru", the draft's name and the
 * file's. */
typedef void regcsv_name_fn(void *ctx, const char *code, const char *level, const char *lang,
                            const char *draft_name, const char *file_name);

/* How far the import is: done of total rows in a stage (total 0: not known
 * yet, while the files are read).  Non-zero stops it with nothing written. */
enum regcsv_stage { REGCSV_READING, REGCSV_CHECKING, REGCSV_WRITING };
typedef int regcsv_progress_fn(void *ctx, enum regcsv_stage stage, long done, long total);
enum { REGCSV_CANCELLED = -2 };

struct regcsv_opts {
	const char *encoding;      /* as csvin_encoding names it; NULL for "auto" */
	const char *sheet;         /* of a workbook; NULL for the first */
	unsigned flags;            /* REGCSV_REPLACE_NAMES, REGCSV_DRY_RUN */
	regcsv_warn_fn *warn;
	void *wctx;
	regcsv_name_fn *on_name;
	void *nctx;
	regcsv_progress_fn *progress;   /* may be NULL */
	void *pctx;
};

/* regcsv_import_from with options: 0, -1 with err, or REGCSV_CANCELLED
 * (err says so) when progress asked to stop. */
int regcsv_import_opts(tz_db *db, const char *const *paths, int npaths, const struct regcsv_opts *o,
                       struct regcsv_stats *st, char *err, size_t errlen);

#endif
