#include "view/refview.h"

#include "base/i18n.h"

/* 0 for Kazakh, 1 for Russian: the index into each pair of statements. */
static int refview_ru(const char *lang)
{
	return (lang ? lang : i18n_lang())[0] == 'r';
}

/* Each list's statements: the shown cells, then the full name in kk and ru
 * (the bodies' authorized flag last), one statement per language. */
#define REFVIEW_BODIES(L) \
	"SELECT id, code, short_" L ", name_" L ", name_kk, name_ru, authorized FROM body " \
	"ORDER BY authorized DESC, short_" L " COLLATE " L " LIMIT :n OFFSET :o"
#define REFVIEW_ASSOCIATIONS(L) \
	"SELECT a.id, a.name_" L ", coalesce(b.short_" L ", ''), a.name_kk, a.name_ru " \
	"FROM association a LEFT JOIN body b ON b.id = a.body_id " \
	"ORDER BY a.name_" L " COLLATE " L " LIMIT :n OFFSET :o"
#define REFVIEW_COUNCILS(L) \
	"SELECT c.id, c.name_" L ", b.short_" L ", c.name_kk, c.name_ru FROM council c " \
	"JOIN body b ON b.id = c.body_id ORDER BY c.name_" L " COLLATE " L " LIMIT :n OFFSET :o"
#define REFVIEW_LEVELS(L) \
	"SELECT 0, code, descr_" L ", descr_kk, descr_ru FROM nrk_level " \
	"ORDER BY base, length(code), code LIMIT :n OFFSET :o"

static const struct {
	const char *rows[2];
	int ncell;
	const char *count;
} refview_lists[] = {
	[REFVIEW_BODIES] = {{REFVIEW_BODIES("kk"), REFVIEW_BODIES("ru")}, 3,
	                    "SELECT count(*) FROM body"},
	[REFVIEW_ASSOCIATIONS] = {{REFVIEW_ASSOCIATIONS("kk"), REFVIEW_ASSOCIATIONS("ru")}, 2,
	                          "SELECT count(*) FROM association"},
	[REFVIEW_COUNCILS] = {{REFVIEW_COUNCILS("kk"), REFVIEW_COUNCILS("ru")}, 2,
	                      "SELECT count(*) FROM council"},
	[REFVIEW_LEVELS] = {{REFVIEW_LEVELS("kk"), REFVIEW_LEVELS("ru")}, 2,
	                    "SELECT count(*) FROM nrk_level"},
};

int refview_count(tz_db *db, enum refview_list list)
{
	return (int)db_int_query(db, refview_lists[list].count, -1);
}

int refview_window(tz_db *db, enum refview_list list, const char *lang, int first, int n,
                   refview_fn *fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, refview_lists[list].rows[refview_ru(lang)]);
	if (!st)
		return -1;
	db_int(st, ":n", n);
	db_int(st, ":o", first);
	int got = 0, nc = refview_lists[list].ncell;
	while (db_step(db, st) == SQLITE_ROW) {
		struct refview_row r = {.id = sqlite3_column_int64(st, 0), .ncell = nc};
		for (int c = 0; c < nc; c++)
			r.cell[c] = db_col_text(st, 1 + c);
		r.kk = db_col_text(st, 1 + nc);
		r.ru = db_col_text(st, 2 + nc);
		if (list == REFVIEW_BODIES)
			r.authorized = sqlite3_column_int(st, 3 + nc);
		fn(ctx, &r);
		got++;
	}
	sqlite3_finalize(st);
	return got;
}

#define REFVIEW_ASSOCIATION_AT(L) \
	"SELECT (SELECT count(*) FROM association WHERE name_" L " COLLATE " L " < a.name_" L ") " \
	"FROM association a WHERE a.id = :id"

int refview_association_at(tz_db *db, int64_t id, const char *lang)
{
	static const char *const sql[2] = {REFVIEW_ASSOCIATION_AT("kk"),
	                                   REFVIEW_ASSOCIATION_AT("ru")};
	sqlite3_stmt *st = db_prep(db, sql[refview_ru(lang)]);
	if (!st)
		return -1;
	db_int(st, ":id", id);
	int at = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return at;
}
