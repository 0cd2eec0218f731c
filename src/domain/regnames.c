#include "domain/regnames.h"

#include "base/namecase.h"

int regnames_check(tz_db *db, const struct reg_row *r, regnames_fn *fn, void *ctx)
{
	sqlite3_stmt *st = db_cached(db, "SELECT name_kk, name_ru FROM nkz WHERE code = :c");
	if (!st)
		return 0;
	db_text(st, ":c", r->nkz_code);
	int n = 0;
	if (db_step(db, st) == SQLITE_ROW) {
		const char *row[2] = {r->name_kk ? r->name_kk : "", r->name_ru ? r->name_ru : ""};
		for (int l = 0; l < 2; l++) {
			const char *nkz = db_col_text(st, l);
			/* A blank name is reg_validate's to report. */
			if (!*row[l] || namecase_same(row[l], nkz))
				continue;
			n++;
			if (fn)
				fn(ctx, l ? "ru" : "kk", row[l], nkz);
		}
	}
	sqlite3_reset(st);
	return n;
}
