#include "view/regprefix.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* Per section: the matches, those of them whose Kazakh name does not start
 * with the query, those whose Russian name does not; a sum over a few
 * dozen rows where the name indexes' ranges read every match's entry (at
 * 100,000 rows one letter's 23,000 entries, 27 M instructions).  The
 * codes' arm counts the rows a code prefix finds beyond the names. */
static const char counts_sql[] =
	"SELECT section = 'voluntary', sum(n), "
	"coalesce(sum(n) FILTER (WHERE NOT (kk >= :search_q AND kk < :search_hi)), 0), "
	"coalesce(sum(n) FILTER (WHERE NOT (ru >= :search_q AND ru < :search_hi)), 0) "
	"FROM reg_prefix WHERE version_id = :v "
	"AND (kk >= :search_q AND kk < :search_hi OR ru >= :search_q AND ru < :search_hi) "
	"GROUP BY section "
	"UNION ALL SELECT reg_row.section = 'voluntary', count(*), 0, 0 "
	"FROM reg_row INDEXED BY reg_row_code "
	"WHERE reg_row.version_id = :v AND reg_row.section IN ('mandatory', 'voluntary') "
	"AND reg_row.nkz_code >= :search_c AND reg_row.nkz_code < :search_chi "
	"AND NOT (reg_row.fold_kk >= :search_q AND reg_row.fold_kk < :search_hi) "
	"AND NOT (reg_row.fold_ru >= :search_q AND reg_row.fold_ru < :search_hi) "
	"GROUP BY reg_row.section";

void regprefix_free(struct regprefix *p)
{
	free(p->query);
	memset(p, 0, sizeof *p);
}

int regprefix_kept(const struct regprefix *p, const char *query, int64_t version,
                   unsigned loads)
{
	return p->query && p->version == version && p->loads == loads && !strcmp(p->query, query);
}

int regprefix_read(struct regprefix *p, tz_db *db, const struct search *s, const char *query,
                   int64_t version, unsigned loads)
{
	sqlite3_stmt *st = db_prep(db, counts_sql);
	if (!st)
		return -1;
	db_int(st, ":v", version);
	search_bind(s, st);
	int n[2] = {0, 0}, ru_only[2] = {0, 0}, kk_only[2] = {0, 0}, rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		int k = sqlite3_column_int(st, 0) != 0;
		n[k] += sqlite3_column_int(st, 1);
		ru_only[k] += sqlite3_column_int(st, 2);
		kk_only[k] += sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	char *q = rc == SQLITE_DONE ? strdup(query) : NULL;
	if (!q)
		return -1;
	free(p->query);
	p->query = q;
	p->version = version;
	p->loads = loads;
	memcpy(p->n, n, sizeof n);
	memcpy(p->ru_only, ru_only, sizeof ru_only);
	memcpy(p->kk_only, kk_only, sizeof kk_only);
	return 0;
}

int regprefix_spread(const struct regprefix *p, const char *lang, int section)
{
	return lang[0] == 'r' ? p->kk_only[section] : p->ru_only[section];
}

/* At most this many starts of spread matches' names are weighed. */
enum { WALK_START_GROUPS = 200 };

int regprefix_walk_start(const struct regprefix *p, tz_db *db, const struct search *s,
                         const char *lang, int section, unsigned char **key, int *len)
{
	*key = NULL;
	if (text_fold_floor(lang, s->exact, key, len))
		goto none;
	if (!regprefix_spread(p, lang, section))
		return 2;
	/* The view's language's first letters of the spread matches. */
	static const char *const starts[2] = {
		"SELECT DISTINCT kk FROM reg_prefix WHERE version_id = :v AND section = :s "
		"AND ru >= :search_q AND ru < :search_hi "
		"AND NOT (kk >= :search_q AND kk < :search_hi)",
		"SELECT DISTINCT ru FROM reg_prefix WHERE version_id = :v AND section = :s "
		"AND kk >= :search_q AND kk < :search_hi "
		"AND NOT (ru >= :search_q AND ru < :search_hi)",
	};
	sqlite3_stmt *st = db_cached(db, starts[lang[0] == 'r']);
	if (!st)
		goto none;
	db_int(st, ":v", p->version);
	db_text(st, ":s", section ? "voluntary" : "mandatory");
	search_bind(s, st);
	int n = 0, rc, ok = 1;
	while (ok && (rc = db_step(db, st)) == SQLITE_ROW)
		ok = ++n <= WALK_START_GROUPS && !text_fold_floor(lang, db_col_text(st, 0), key, len);
	sqlite3_reset(st);
	if (ok && rc == SQLITE_DONE)
		return 1;
none:
	free(*key);
	*key = NULL;
	return 0;
}
