#include "view/exportview.h"

#include <stdio.h>

#include "exchange/regcsv.h"

int exportview_versions(tz_db *db, struct exportview_version *out, int max)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT id, state, substr(coalesce(published, submitted, created), 1, 10) FROM reg_version "
		"ORDER BY state = 'draft' DESC, id DESC");
	if (!st)
		return -1;
	int n = 0, rc;
	while (n < max && (rc = db_step(db, st)) == SQLITE_ROW) {
		out[n].id = sqlite3_column_int64(st, 0);
		snprintf(out[n].state, sizeof out[n].state, "%s", db_col_text(st, 1));
		snprintf(out[n].date, sizeof out[n].date, "%s", db_col_text(st, 2));
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

int exportview_default(tz_db *db, const struct exportview_version *v, int n)
{
	int64_t id = regcsv_default_version(db);
	for (int i = 0; i < n; i++)
		if (v[i].id == id)
			return i;
	return 0;
}
