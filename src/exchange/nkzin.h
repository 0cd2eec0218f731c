/* nkzin — the occupation classifier imported from the ministries' files. */
#ifndef TZ_NKZIN_H
#define TZ_NKZIN_H

#include <stdint.h>

#include "domain/nkz.h"
#include "exchange/nkzwrite.h"

/* One problem of the file: where it is and why, the why translated. */
struct nkz_problem {
	const char *file;
	long line;              /* the CSV's line, the workbook's row */
	int col;                /* 1-based; 0 when it is the whole row or file */
	const char *column;     /* the column's heading as the file spells it, or "" */
	const char *value;      /* the value at fault, or "" */
	const char *why;
	int row;                /* 1: a row's problem (skip_invalid leaves the row out);
	                         * 0: the file's (a header, the reader): nothing is imported */
};
typedef void (*nkz_problem_fn)(void *ctx, const struct nkz_problem *p);

enum nkz_phase { NKZ_READING, NKZ_CHECKING, NKZ_WRITING };
/* How far the import is: done of total rows (total 0: not known yet, while
 * a workbook is read).  Non-zero stops it, nothing written. */
typedef int (*nkz_progress_fn)(void *ctx, enum nkz_phase phase, long done, long total);

struct nkz_import_opts {
	const char *encoding;        /* NULL: auto */
	const char *sheet;           /* a workbook's sheet, NULL: the first */
	int skip_invalid;            /* import the valid rows, leave out the others */
	nkz_problem_fn on_problem;   /* every problem, in the file's order; may be NULL */
	void *problem_ctx;
	nkz_progress_fn progress;    /* may be NULL */
	void *progress_ctx;
};

enum { NKZ_CANCELLED = -2 };

/* Imports a classifier CSV or .xlsx workbook (xlsxin_is_xlsx): columns found
 * by header name (en/ru/kk); every code validated; the hierarchy kept.
 * Every problem is passed to o->on_problem, in the file's order, and the
 * first twenty go to err too (one a line).  By default all or nothing: on
 * any problem nothing is written.  With skip_invalid the rows with problems
 * (and the codes under a group left out) are left out, the others written,
 * and the rows left out are written with their reasons to a new CSV file
 * beside the file (st->rejects; an existing file is never replaced: the
 * name is numbered); a problem of the file itself (its header, its bytes)
 * still refuses it whole.  Codes already stored are updated, never deleted,
 * since register rows may refer to them; a code the file flags inactive is
 * left out, and marked inactive if it is stored.  What changed (codes added,
 * renamed, retired) is kept with the change log's entry (nkz_changes).
 * 0, -1 with err, or NKZ_CANCELLED when progress asked to stop. */
int nkz_import_with(tz_db *db, const char *path, const struct nkz_import_opts *o,
                    struct nkz_import_stats *st, char *err, size_t errlen);

/* nkz_import_with, all or nothing, problems in err only. */
int nkz_import_csv(tz_db *db, const char *path, const char *encoding,
                   struct nkz_import_stats *st, char *err, size_t errlen);
int nkz_import(tz_db *db, const char *path, const char *encoding, const char *sheet,
               struct nkz_import_stats *st, char *err, size_t errlen);

#endif
