/* package — a sectoral body's proposals for one cycle, carried between
 * offline workstations as one file (SPEC §3 "Files", issue 5).
 *
 * A package is an SQLite database (application_id 'TZPK', user_version the
 * package format) holding a one-row manifest (format, program version, who
 * made it, from which body, for which cycle, when, and a SHA-256 of all of
 * that and of the content rows) and the rows: proposal, proposal_level,
 * council_agreement.  Bodies, cycles and associations travel by their codes
 * and names, never by the sender's row ids.
 *
 * Import (package_in.h) trusts nothing: the file is opened read-only and immutable with
 * triggers, views and untrusted schema functions off, only the expected plain
 * tables are accepted and read with explicit column lists, and every row is
 * checked as a typed one would be, before anything is written. */
#ifndef TZ_PACKAGE_H
#define TZ_PACKAGE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

#define PKG_APPLICATION_ID 0x545A504B   /* 'TZPK' */
#define PKG_FORMAT 1
#define PKG_MAX_FILE (64L << 20)        /* bytes: a cycle of one body is far less */
#define PKG_MAX_FIELD (64 << 10)        /* bytes per text field */
#define PKG_MAX_ROWS 20000              /* proposals per package */

struct pkg_info {
	int format;
	char program[32], login[64], body[64], season[8], created[32];
	int64_t year;
	int proposals, levels, agreement;            /* rows in the package */
	int added, replaced, skipped, conflicts;     /* what import did or would do */
	int excluded;                                /* export: decided proposals left out */
};

/* Writes body_code's proposals of the cycle (year, season) to file, through
 * a temporary file beside it (mode 0600).  A NULL body_code means the user's
 * own body; year 0 the latest cycle with that body's proposals.  Proposals
 * the authorized body has already decided (accepted, rejected, applied) stay
 * out.  0, or -1 with a translated message in err. */
int package_export(tz_db *db, const char *file, const char *body_code, int64_t year,
                   const char *season, struct pkg_info *info, char *err, size_t errlen);

/* Recomputes the checksum of a package's content as it lies (hex, 64 digits
 * and a NUL), for checking a file by hand and for tests that must re-seal an
 * altered package.  0, or -1 with err. */
int package_checksum(const char *file, char hex[65], char *err, size_t errlen);

/* ---- shared by package.c (the format, export) and package_in.c (import) ---- */

#define PKG_PROPOSAL_COLS "id, body, association_kk, association_ru, action, section, " \
	"nkz_code, basis_kk, basis_ru, validity, profile, safety_kk, safety_ru, demand_kk, " \
	"demand_ru, standard_kk, standard_ru, legal_act_kk, legal_act_ru, state, round, created, " \
	"submitted, late, author"
/* The content rows, in the order the checksum reads them: proposals, their
 * levels, the council agreement. */
extern const char *const pkg_content_sql[3];
/* SHA-256 over the manifest's fields (but the checksum) and the content rows. */
int pkg_checksum(sqlite3 *h, const struct pkg_info *m, char hex[65], char *why, size_t len);
/* Opens file read-only and immutable with nothing in it able to run, after
 * checking its size, header, application id, format, schema and integrity. */
sqlite3 *pkg_open(const char *file, char *err, size_t errlen);
/* Reads and checks the one-row manifest into m, its checksum into sum. */
int pkg_manifest(sqlite3 *h, const char *file, struct pkg_info *m, char sum[65], char *err, size_t errlen);
int64_t pkg_body_id(tz_db *db, const char *code, int *authorized);
int64_t pkg_cycle_id(tz_db *db, int64_t year, const char *season);
/* A string from a package made safe to show: control characters escaped
 * (text_escape), at most 40 columns, into buf. */
const char *pkg_shown(const char *s, char *buf, size_t len);

#endif
