/* regcsv — the register as a CSV file laid out like the Appendix of Order 399:
 * a heading row, the column numbers, then the mandatory and the voluntary
 * section, each under its title row and numbered from 1.  One language per
 * file; export writes one, import (regcsv_in.h) reads one or a Kazakh and a
 * Russian file of the same register and pairs their rows by (code, level). */
#ifndef TZ_REGCSV_H
#define TZ_REGCSV_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/* How far an export is: done of total rows.  Non-zero stops it: no file
 * is written (nor anything on standard output). */
typedef int regcsv_export_progress_fn(void *ctx, long done, long total);

struct regcsv_export {
	const char *lang;      /* "kk" or "ru": the file's language */
	const char *encoding;  /* "utf-8" (default), "rk1048", "cp1251" */
	int bom;               /* UTF-8 only: start with a byte-order mark */
	int64_t version;       /* 0: the draft, else the newest published */
	const char *path;      /* NULL: standard output */
	regcsv_export_progress_fn *progress;   /* may be NULL */
	void *pctx;
};

/* Writes the file whole or not at all: into a temporary file beside path,
 * renamed on success.  Returns 0, or -1 with a translated message in err
 * (a letter the encoding cannot hold is named with its line and column). */
int regcsv_export(tz_db *db, const struct regcsv_export *o, char *err, size_t errlen);

/* The version export writes by default; 0 if there is none. */
int64_t regcsv_default_version(tz_db *db);

/* "5 жыл", "5 лет", "мерзімсіз", "бессрочно": the Appendix's words, in the
 * file's language whatever the interface's. */
void regcsv_validity(const char *lang, int years, char *buf, size_t len);
/* Years from those words or a bare number; 0 without time limit; -1 if
 * unreadable. */
int regcsv_parse_validity(const char *text);

/* The Appendix's words in lang ("kk" or "ru"), for other layouts of the same
 * form: a column's heading (1..8), a section's title ("mandatory",
 * "voluntary"), a profile's word ("t", "sg"). */
const char *regcsv_heading(const char *lang, int column);
const char *regcsv_section_title(const char *lang, const char *section);
const char *regcsv_profile_word(const char *lang, const char *profile);

/* A section's rows ("mandatory" or "voluntary") of a version in its
 * official order (regorder.h: the same in both languages, the n-th row
 * being number n), for every layout of the form: code, name, basis, level,
 * validity, the body's full name, profile; names, basis and body in
 * Russian when ru, else Kazakh.  NULL on a database error; the caller
 * finalizes. */
sqlite3_stmt *regcsv_rows(tz_db *db, int64_t version, const char *section, int ru);
/* How many rows version has (both sections), the total an export's
 * progress counts towards; 0 when it cannot be read. */
long regcsv_count_rows(tz_db *db, int64_t version);

/* 1 when a cell holding s would start with a formula's sign once any
 * apostrophes in front are taken off: export writes such a cell with one
 * more apostrophe in front ("=1+1" as "'=1+1", "'=x" as "''=x"), so that a
 * spreadsheet shows it as text, and import takes that one off again; a
 * cell is unchanged both ways otherwise, so every text round-trips. */
int regcsv_formula_like(const char *s);

#endif
