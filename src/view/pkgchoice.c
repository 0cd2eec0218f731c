#include "view/pkgchoice.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "store/auth.h"
#include "store/refdata.h"

static int pkgchoice_ru(const char *lang)
{
	return !strcmp(lang ? lang : i18n_lang(), "ru");
}

int pkgchoice_bodies(tz_db *db, const char *lang, struct pkgchoice_body *out, int max, int *own)
{
	struct who w;
	auth_whoami(db, &w);
	*own = w.role == ROLE_SB_CLERK;
	int ru = pkgchoice_ru(lang);
	sqlite3_stmt *st = db_prep(db, *own ? "SELECT id, code, short_kk, short_ru FROM body WHERE id = :b"
	                                    : "SELECT id, code, short_kk, short_ru FROM body b "
	                                      "WHERE NOT authorized AND EXISTS "
	                                      "(SELECT 1 FROM proposal p WHERE p.body_id = b.id) ORDER BY id");
	if (!st)
		return -1;
	if (*own)
		db_int(st, ":b", w.body_id);
	int n = 0;
	while (n < max && db_step(db, st) == SQLITE_ROW) {
		struct pkgchoice_body *b = &out[n++];
		b->id = sqlite3_column_int64(st, 0);
		snprintf(b->code, sizeof b->code, "%s", db_col_text(st, 1));
		snprintf(b->name, sizeof b->name, "%s", db_col_text(st, ru ? 3 : 2));
	}
	sqlite3_finalize(st);
	return n;
}

void pkgchoice_rename(tz_db *db, const char *lang, struct pkgchoice_body *b, int n)
{
	for (int i = 0; i < n; i++)
		ref_body(db, b[i].id, REF_SHORT, pkgchoice_ru(lang) ? "ru" : "kk", b[i].name, sizeof b[i].name, "");
}

int pkgchoice_cycles(tz_db *db, int64_t body, struct pkgchoice_cycle *out, int max)
{
	sqlite3_stmt *st = db_prep(db, "SELECT DISTINCT c.year, c.season, c.season = 'autumn' FROM cycle c "
	                               "JOIN proposal p ON p.cycle_id = c.id WHERE p.body_id = :b "
	                               "ORDER BY c.year DESC, 3 DESC");
	if (!st)
		return -1;
	db_int(st, ":b", body);
	int n = 0;
	while (n < max && db_step(db, st) == SQLITE_ROW) {
		out[n].year = sqlite3_column_int(st, 0);
		snprintf(out[n].season, sizeof out[n].season, "%s", db_col_text(st, 1));
		n++;
	}
	sqlite3_finalize(st);
	return n;
}
