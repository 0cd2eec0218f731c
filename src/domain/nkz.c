#include "domain/nkz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"

/* Х (U+0425), the major group of workers outside the other groups.  Real
 * files write it in Cyrillic; a Latin X is a typing mistake we name. */
#define CYR_HA "\xD0\xA5"

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int nkz_code_level(const char *c)
{
	if (!c)
		return 0;
	size_t n = strlen(c);
	if (!strncmp(c, CYR_HA, 2)) {
		if (n == 2)
			return 1;
		return n == 6 && digits(c + 2, 4) ? 4 : 0;
	}
	switch (n) {
	case 1: case 2: case 3: case 4:
		return digits(c, n) ? (int)n : 0;
	case 6:
		return digits(c, 4) && c[4] == '-' && digits(c + 5, 1) ? 5 : 0;
	case 10:
		return digits(c, 4) && c[4] == '-' && digits(c + 5, 1) && c[6] == '-' &&
		       digits(c + 7, 3) ? 6 : 0;
	}
	return 0;
}

int nkz_parent(const char *code, char *buf, size_t len)
{
	int lv = nkz_code_level(code);
	if (lv <= 1)
		return -1;
	size_t keep;
	if (!strncmp(code, CYR_HA, 2))
		keep = 2;   /* ХNNNN hangs right under Х: the group has no levels 2-3 */
	else
		keep = lv == 6 ? 6 : lv == 5 ? 4 : (size_t)lv - 1;
	if (keep >= len)
		return -1;
	memcpy(buf, code, keep);
	buf[keep] = 0;
	return 0;
}

const char *nkz_level_name(int level)
{
	static const char *const names[] = {
		N_("codes"), N_("major groups"), N_("sub-major groups"), N_("minor groups"),
		N_("unit groups"), N_("occupation groups"), N_("occupations"),
	};
	return _(names[level >= 1 && level <= 6 ? level : 0]);
}

long nkz_changes(tz_db *db, int64_t log_id, nkz_change_fn fn, void *ctx)
{
	if (!log_id)
		log_id = db_int_query(db, "SELECT coalesce(max(log_id), 0) FROM nkz_change", 0);
	sqlite3_stmt *q = db_prep(db,
		"SELECT code, kind, coalesce(old_kk, ''), coalesce(old_ru, ''), coalesce(new_kk, ''),"
		" coalesce(new_ru, '') FROM nkz_change WHERE log_id = :id"
		" ORDER BY CASE kind WHEN 'added' THEN 0 WHEN 'renamed' THEN 1 ELSE 2 END, code");
	if (!q)
		return -1;
	db_int(q, ":id", log_id);
	long n = 0;
	int step;
	while ((step = db_step(db, q)) == SQLITE_ROW) {
		struct nkz_change c = {
			db_col_text(q, 0), db_col_text(q, 1), db_col_text(q, 2), db_col_text(q, 3),
			db_col_text(q, 4), db_col_text(q, 5),
		};
		n++;
		if (fn)
			fn(ctx, &c);
	}
	sqlite3_finalize(q);
	return step == SQLITE_DONE ? n : -1;
}

/* Equal but for case (ICU's folding), as a register name taken over from
 * the classifier in ordinary case is. */
static int nkz_same_name(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	int same = fa && fb && !strcmp(fa, fb);
	free(fa);
	free(fb);
	return same;
}

int nkz_renamed_since(tz_db *db, int64_t row_id, const char *code, const char *name_kk,
                      const char *name_ru, char *was, char *now, size_t len, char when[11])
{
	/* The row's last write is its newest entry in the change log; a rename
	 * logged after it has not been looked at in this row. */
	sqlite3_stmt *q = db_cached(db,
		"SELECT c.old_kk, c.old_ru, c.new_kk, c.new_ru, substr(l.at, 1, 10)"
		" FROM nkz_change c JOIN change_log l ON l.id = c.log_id"
		" WHERE c.code = :code AND c.kind = 'renamed' AND c.log_id >"
		"  coalesce((SELECT max(id) FROM change_log WHERE object = 'reg_row'"
		"   AND object_id = :rid), 0)"
		" ORDER BY c.log_id DESC LIMIT 1");
	if (!q)
		return -1;
	char rid[32];
	snprintf(rid, sizeof rid, "%lld", (long long)row_id);
	db_text(q, ":code", code);
	db_text(q, ":rid", rid);
	int step = db_step(db, q), found = 0;
	if (step == SQLITE_ROW) {
		const char *new_kk = db_col_text(q, 2), *new_ru = db_col_text(q, 3);
		if (!nkz_same_name(name_kk, new_kk) || !nkz_same_name(name_ru, new_ru)) {
			found = 1;
			snprintf(was, len, "%s", i18n_pick(db_col_text(q, 0), db_col_text(q, 1)));
			snprintf(now, len, "%s", i18n_pick(new_kk, new_ru));
			snprintf(when, 11, "%s", db_col_text(q, 4));
		}
	}
	sqlite3_reset(q);
	return step == SQLITE_ROW || step == SQLITE_DONE ? found : -1;
}
