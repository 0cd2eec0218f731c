/* package_in — a package of proposals read in (package.h tells the
 * format): every row checked before anything is written, conflicts with
 * what is already here listed, replaced or skipped as the user chooses. */
#ifndef TZ_PACKAGE_IN_H
#define TZ_PACKAGE_IN_H

#include <stddef.h>

#include "exchange/package.h"
#include "store/db.h"

enum pkg_mode { PKG_STOP, PKG_REPLACE, PKG_SKIP };
enum pkg_result { PKG_REFUSED = -1, PKG_DONE = 0, PKG_CONFLICT = 1 };

/* Receives each finding, translated, naming the file, row and field. */
typedef void pkg_note_fn(void *ctx, const char *msg);

/* Imports a package (authorized body only).  Every problem found goes to note
 * and makes the result PKG_REFUSED with nothing written (err says why in one
 * line).  A proposal that already exists (same body, cycle, code and action),
 * or another council agreement for the cycle, is a conflict: PKG_STOP lists
 * them and returns PKG_CONFLICT writing nothing; PKG_REPLACE overwrites them
 * (never a proposal the authorized body has decided); PKG_SKIP keeps what is
 * there.  With dry_run, checks everything and counts, writing nothing. */
/* Whether the user may import packages at all (the authorized body's
 * clerks and administrators): 0, or -1 with the reason in why. */
int package_may_import(tz_db *db, char *why, size_t len);

enum pkg_result package_import(tz_db *db, const char *file, enum pkg_mode mode, int dry_run,
                               pkg_note_fn *note, void *ctx, struct pkg_info *info,
                               char *err, size_t errlen);

#endif
