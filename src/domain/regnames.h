/* regnames — the register's names (column 2) against the classifier's.
 *
 * A row's name is the register's own text, prefilled from the classifier
 * and editable; `check` reports a row whose name is no longer the
 * classifier's name of its code but for case and spacing (namecase_same):
 * a name typed for another occupation, or an occupation renamed since. */
#ifndef TZ_REGNAMES_H
#define TZ_REGNAMES_H

#include "domain/register.h"
#include "store/db.h"

/* Hears of one language ("kk" or "ru") whose name differs. */
typedef void regnames_fn(void *ctx, const char *lang, const char *row_name, const char *nkz_name);

/* Calls fn (when given) for each language in which r's name differs from
 * the classifier's name of r's code; returns how many (0 when the code is
 * not in the classifier: reg_validate says so). */
int regnames_check(tz_db *db, const struct reg_row *r, regnames_fn *fn, void *ctx);

#endif
