/* csvin — reads a CSV file (RFC 4180, through libcsv) in UTF-8 (with or
 * without BOM), RK1048 or CP1251 (through iconv), one record at a time, each
 * field as UTF-8 with the line and column it started on.  The file is
 * streamed in passes (detection when asked, a check of the encoding, then
 * the records), so a bad byte anywhere is refused before any record is
 * passed on, and standard input is kept aside in a temporary file. */
#ifndef TZ_CSVIN_H
#define TZ_CSVIN_H

#include <stddef.h>

/* The file is read through iconv and libcsv this many bytes at a time, so
 * memory does not grow with its size (exposed for tests of the seams). */
#define CSVIN_CHUNK 65536

struct csv_field {
	const char *text;   /* UTF-8, NUL-terminated */
	long line;          /* 1-based line the field starts on */
	int column;         /* 1-based field number */
};

/* Called for each record; return non-zero to stop reading (that value is
 * returned by csvin_read). */
typedef int (*csvin_fn)(void *ctx, const struct csv_field *f, int nfields, long line);

/* Encodings: "utf-8", "rk1048", "cp1251" (any case, as iconv names them), or
 * "auto" (UTF-8 when the bytes are valid UTF-8, else RK1048 when they hold a
 * Kazakh letter's byte, else CP1251; decided once for the whole file, and a
 * file with both UTF-8 and code-page lines is refused where it changes).
 * Read through a code page, letters no Kazakh or Russian text uses (ј where
 * RK1048 has ә) refuse the file with the encoding it most likely is.  A
 * field holding a control character (text_find_control; tab and line
 * breaks are let through) is refused with its line and field number.
 * *chosen, if not NULL, gets the name used.  Returns 0, the callback's
 * value, or -1 with a message (already in the user's language, naming line
 * and column) in err. */
int csvin_read(const char *path, const char *encoding, csvin_fn fn, void *ctx,
               const char **chosen, char *err, size_t errlen);

/* The same from memory. */
int csvin_read_mem(const char *data, size_t len, const char *encoding, csvin_fn fn,
                   void *ctx, const char **chosen, char *err, size_t errlen);

/* Canonical iconv name for an encoding a user typed; NULL if unknown. */
const char *csvin_encoding(const char *name);

#endif
