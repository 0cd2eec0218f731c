/* xlsxin — reads one sheet of an .xlsx workbook (as Excel or LibreOffice
 * save it) row by row, feeding the same callback as csvin, so that the
 * classifier and register importers validate spreadsheet rows exactly like
 * CSV records.  The sheet is streamed (minizip + expat): memory holds a
 * few MiB of shared strings (the rest wait on a temporary file) and one
 * row, whatever the size of the workbook. */
#ifndef TZ_XLSXIN_H
#define TZ_XLSXIN_H

#include <stddef.h>
#include <stdint.h>

#include "exchange/csvin.h"

/* Refusals of absurd or hostile files. */
struct xlsxin_limits {
	uint64_t part_bytes;      /* one part, unpacked */
	uint64_t total_bytes;     /* all parts, unpacked */
	unsigned ratio;           /* unpacked : packed, for parts over 1 MiB */
	long strings;             /* shared strings */
	size_t text_bytes;        /* one cell's text */
	size_t sst_memory;        /* shared strings kept in memory; the rest go to a
	                           * temporary file and are read back from it */
};
extern struct xlsxin_limits xlsxin_limits;   /* 200 MiB, 512 MiB, 250, 2e6, 64 KiB, 4 MiB */

/* 1 if path names an XLSX workbook: an .xlsx/.xlsm name, or a zip's first
 * bytes whatever the name. */
int xlsxin_is_xlsx(const char *path);

/* Reads the sheet called sheet (NULL: the first in the workbook's order).
 * Each row with a cell is passed as fields 1..N (N the widest row so far,
 * missing cells ""), line = the sheet's row number, column = the cell's
 * column number.  Numbers come as written without a trailing ".0" (1210,
 * 4.2).  Returns 0, the callback's value, or -1 with a translated message
 * naming the file (and the part, row or cell) in err. */
int xlsxin_read(const char *path, const char *sheet, csvin_fn fn, void *ctx,
                char *err, size_t errlen);

/* XLSX or CSV by xlsxin_is_xlsx; *chosen gets "XLSX" or csvin's encoding.
 * A sheet with a CSV file is refused. */
int xlsxin_read_any(const char *path, const char *encoding, const char *sheet, csvin_fn fn,
                    void *ctx, const char **chosen, char *err, size_t errlen);

#endif
