/* seal — the digest of a published register version, recorded in the
 * change log when the version is published, so that a row of it changed
 * afterwards, by whatever means, no longer matches (`tizilim verify`), and
 * printed by `publish` and on the version's exported documents, so that
 * anyone holding a copy can tell it is the version published.
 *
 * The seal of version V is the SHA-256, written as 64 lowercase hex digits,
 * of a sequence of fields, each fed as the change log's chain feeds its
 * fields (audit.c): the decimal length in bytes of the field's UTF-8 text,
 * ':', the text, ';'.  The fields are
 *   "tizilim-seal-1", then V in decimal,
 *   then for each row of V, in the order of (section, nkz_code, level)
 *   compared byte by byte (the three make a row unique in its version):
 *     section, nkz_code, level, name_kk, name_ru, basis_kk, basis_ru,
 *     validity (decimal), body_id (decimal), profile
 * which are what the Appendix form prints of a row in either language; the
 * derived columns (fold_*, sort_*), the row's id, rev and proposal are not
 * sealed.
 *
 * The seal goes into the change log as an entry (object "reg_version",
 * object_id V, action "seal", after {"seal": HEX, "rows": N}), so it is
 * itself held by the chain.  Versions published before seals existed are
 * sealed when a database that has no seal at all is first opened
 * (seal_upgrade), and the demo's when it is loaded; from then on a published
 * version without a seal is a problem for verify. */
#ifndef TZ_SEAL_H
#define TZ_SEAL_H

#include <stdint.h>

#include "store/db.h"

#define SEAL_HEX_LEN 65   /* 64 hex digits and the NUL */

/* The seal of version's rows as they are now, into hex; the number of rows
 * to *rows when not NULL.  0 or an SQLite error. */
int seal_compute(tz_db *db, int64_t version, char hex[SEAL_HEX_LEN], long *rows);

/* The seal recorded for version, into hex: 1 when there is one, 0 when
 * none, -1 when the log cannot be read. */
int seal_recorded(tz_db *db, int64_t version, char hex[SEAL_HEX_LEN]);

/* Computes version's seal and records it in the change log, inside the
 * caller's transaction (publication).  0 or an SQLite error. */
int seal_record(tz_db *db, int64_t version, char hex[SEAL_HEX_LEN]);

/* Seals every published version that has no seal: after loading the demo,
 * whose version is published by its script.  Inside the caller's
 * transaction; how many were sealed, or -1. */
int seal_unsealed(tz_db *db);

/* At opening, after the change log is attached: a database with published
 * versions and no seal at all was written by a program before seals, and
 * its versions are sealed now, in a transaction of their own.  Once any
 * seal exists this does nothing.  0, or -1 when they could not be sealed
 * (a read-only file: the versions stay unsealed, and verify says so). */
int seal_upgrade(tz_db *db);

#endif
