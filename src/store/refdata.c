#include "store/refdata.h"

#include <stdio.h>

#include "base/i18n.h"
#include "base/text.h"

/* One column of one row by id, chosen from columns known here (never from
 * the caller's text). */
static int lookup(tz_db *db, const char *sql, int64_t id, char *buf, size_t len,
                  const char *missing)
{
	sqlite3_stmt *st = db_prep(db, sql);
	int found = 0;
	if (st) {
		db_int(st, ":id", id);
		if (db_step(db, st) == SQLITE_ROW) {
			snprintf(buf, len, "%s", db_col_text(st, 0));
			found = 1;
		}
		sqlite3_finalize(st);
	}
	if (!found)
		snprintf(buf, len, "%s", missing ? missing : "");
	return found;
}

static int ru(const char *lang)
{
	return (lang ? lang : i18n_lang())[0] == 'r';
}

int ref_body(tz_db *db, int64_t id, enum ref_form form, const char *lang, char *buf, size_t len,
             const char *missing)
{
	static const char *const sql[3][2] = {
		[REF_SHORT] = {"SELECT short_kk FROM body WHERE id = :id",
		               "SELECT short_ru FROM body WHERE id = :id"},
		[REF_FULL] = {"SELECT name_kk FROM body WHERE id = :id",
		              "SELECT name_ru FROM body WHERE id = :id"},
		[REF_CODE] = {"SELECT code FROM body WHERE id = :id",
		              "SELECT code FROM body WHERE id = :id"},
	};
	return lookup(db, sql[form][ru(lang)], id, buf, len, missing);
}

int ref_body_widest(tz_db *db, const char *lang)
{
	sqlite3_stmt *st = db_prep(db, ru(lang) ? "SELECT short_ru FROM body" : "SELECT short_kk FROM body");
	int widest = 0;
	while (st && db_step(db, st) == SQLITE_ROW) {
		int w = text_width(db_col_text(st, 0));
		if (w > widest)
			widest = w;
	}
	sqlite3_finalize(st);
	return widest;
}

int ref_association(tz_db *db, int64_t id, const char *lang, char *buf, size_t len,
                    const char *missing)
{
	return lookup(db, ru(lang) ? "SELECT name_ru FROM association WHERE id = :id"
	                           : "SELECT name_kk FROM association WHERE id = :id",
	              id, buf, len, missing);
}
