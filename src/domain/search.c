#include "domain/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* U+10FFFF, the last code point: q <= s < q||MAX holds exactly for every
 * string s that starts with q, so a prefix becomes an index range. */
#define MAX_CP "\xF4\x8F\xBF\xBF"

static const char *const where[2][4] = {
	[SEARCH_NKZ] = {
		[SEARCH_ALL] = "1",
		[SEARCH_CODE] = "(nkz.code >= :search_c AND nkz.code < :search_chi)",
		[SEARCH_PREFIX] =
			"(nkz.fold_kk >= :search_q AND nkz.fold_kk < :search_hi"
			" OR nkz.fold_ru >= :search_q AND nkz.fold_ru < :search_hi"
			" OR nkz.code >= :search_c AND nkz.code < :search_chi)",
		[SEARCH_FTS] =
			"nkz.rowid IN (SELECT rowid FROM nkz_fts WHERE nkz_fts MATCH :search_q)",
	},
	[SEARCH_REG] = {
		[SEARCH_ALL] = "1",
		[SEARCH_CODE] = "(reg_row.nkz_code >= :search_c AND reg_row.nkz_code < :search_chi)",
		/* Each arm one range of an index that holds the section: a count
		 * reads no row, where an OR of ranges looked every match up. */
		[SEARCH_PREFIX] =
			"reg_row.id IN (SELECT id FROM reg_row WHERE version_id = :search_v"
			" AND fold_kk >= :search_q AND fold_kk < :search_hi"
			" UNION ALL SELECT id FROM reg_row WHERE version_id = :search_v"
			" AND fold_ru >= :search_q AND fold_ru < :search_hi"
			" UNION ALL SELECT id FROM reg_row WHERE version_id = :search_v"
			" AND section IN ('mandatory', 'voluntary')"
			" AND nkz_code >= :search_c AND nkz_code < :search_chi)",
		[SEARCH_FTS] =
			"reg_row.id IN (SELECT rowid FROM reg_fts WHERE reg_fts MATCH :search_q)",
	},
};

/* A prefix tested on each row walked, from the folded names that the
 * name-order indexes hold (schema 6), so the walk reads no row. */
static const char reg_prefix_walk_names[] =
	"(reg_row.fold_kk >= :search_q AND reg_row.fold_kk < :search_hi"
	" OR reg_row.fold_ru >= :search_q AND reg_row.fold_ru < :search_hi)";

static char *concat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = malloc(na + nb + 1);
	if (s) {
		memcpy(s, a, na);
		memcpy(s + na, b, nb + 1);
	}
	return s;
}

/* Digits typed without the code's hyphens (72121008, as a clerk reads a
 * code off paper or types it on a keypad) in the form NNNN-N-NNN, as far
 * as they go: 72121 is 7212-1, 721210 the start of 7212-1-0..; four digits
 * or fewer, and anything but digits, stay as typed. */
static char *with_hyphens(const char *q)
{
	size_t n = strlen(q);
	if (n <= 4 || n > 8 || strspn(q, "0123456789") != n)
		return strdup(q);
	char buf[16];
	snprintf(buf, sizeof buf, "%.4s-%.1s%s%s", q, q + 4, n > 5 ? "-" : "", n > 5 ? q + 5 : "");
	return strdup(buf);
}

/* The query as a code: a leading Х typed as х, or as Latin X/x on a Latin
 * layout, becomes the Cyrillic capital the classifier uses; digits without
 * hyphens get them. */
static char *as_code(const char *q)
{
	const char *rest = q;
	if (!strncmp(q, "\xD1\x85", 2) || !strncmp(q, "\xD0\xA5", 2))
		rest = q + 2;
	else if (*q == 'x' || *q == 'X')
		rest = q + 1;
	return rest == q ? with_hyphens(q) : concat("\xD0\xA5", rest);
}

static int looks_like_code(const char *code)
{
	const char *p = !strncmp(code, "\xD0\xA5", 2) ? code + 2 : code;
	int digit = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digit = 1;
		else if (*p != '-')
			return 0;
	}
	return digit;
}

/* Whether some code could start with it: an optional Х, then only digits
 * and hyphens. */
static int may_start_code(const char *code)
{
	const char *p = !strncmp(code, "\xD0\xA5", 2) ? code + 2 : code;
	for (; *p; p++)
		if (!(*p >= '0' && *p <= '9') && *p != '-')
			return 0;
	return 1;
}

/* An FTS5 string literal (the index holds the two names only): inside "...",
 * only a doubled quote is special, so no user input can become FTS5 syntax. */
static char *fts_phrase(const char *fold)
{
	static const char head[] = "\"";
	size_t n = strlen(fold), quotes = 0;
	for (const char *p = fold; *p; p++)
		quotes += *p == '"';
	char *s = malloc(sizeof head + n + quotes + 2);
	if (!s)
		return NULL;
	char *o = s + sizeof head - 1;
	memcpy(s, head, sizeof head - 1);
	for (const char *p = fold; *p; p++) {
		*o++ = *p;
		if (*p == '"')
			*o++ = '"';
	}
	*o++ = '"';
	*o = 0;
	return s;
}

int search_init(struct search *s, enum search_scope scope, const char *query)
{
	memset(s, 0, sizeof *s);
	s->scope = scope;
	char *typed = strdup(query ? query : "");
	if (!typed)
		return -1;
	text_trim(typed);
	char *fold = text_fold(typed);
	if (!fold) {
		free(typed);
		return -1;
	}
	int nchars = 0;
	unsigned cp;
	for (const char *p = fold; *p; nchars++)
		p += text_next(p, &cp);

	int ok = 1;
	if (!nchars) {
		s->kind = SEARCH_ALL;
	} else {
		s->code = as_code(typed);
		ok = s->code && (s->code_hi = concat(s->code, MAX_CP));
		if (ok && looks_like_code(s->code)) {
			s->kind = SEARCH_CODE;
		} else if (ok && nchars < 3) {
			/* The trigram index cannot look up fewer than three characters. */
			s->kind = SEARCH_PREFIX;
			ok = (s->q = strdup(fold)) && (s->hi = concat(fold, MAX_CP));
		} else if (ok) {
			s->kind = SEARCH_FTS;
			ok = (s->q = fts_phrase(fold)) != NULL;
		}
	}
	free(typed);
	free(fold);
	if (!ok) {
		search_free(s);
		return -1;
	}
	s->where = where[scope][s->kind];
	if (scope == SEARCH_REG && s->kind == SEARCH_PREFIX && !may_start_code(s->code))
		s->walk = reg_prefix_walk_names;
	return 0;
}

void search_free(struct search *s)
{
	free(s->q);
	free(s->hi);
	free(s->code);
	free(s->code_hi);
	s->q = s->hi = s->code = s->code_hi = NULL;
}

static void bind(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i && v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

void search_bind(const struct search *s, sqlite3_stmt *st)
{
	if (!st)
		return;
	bind(st, ":search_q", s->q);
	bind(st, ":search_hi", s->hi);
	bind(st, ":search_c", s->code);
	bind(st, ":search_chi", s->code_hi);
	int i = sqlite3_bind_parameter_index(st, ":search_v");
	if (i)
		sqlite3_bind_int64(st, i, s->version);
}

sqlite3_stmt *search_ids(tz_db *db, const struct search *s, int64_t version, const char *lang)
{
	char sql[1024];
	if (s->scope == SEARCH_NKZ)
		snprintf(sql, sizeof sql, "SELECT nkz.rowid FROM nkz WHERE %s ORDER BY nkz.code",
		         s->where);
	else
		snprintf(sql, sizeof sql,
		         "SELECT reg_row.id FROM reg_row WHERE reg_row.version_id = :search_v"
		         " AND %s ORDER BY reg_row.section, reg_row.%s, reg_row.level", s->where,
		         lang && lang[0] == 'r' ? "sort_ru" : "sort_kk");
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return NULL;
	struct search v = *s;
	v.version = version;
	search_bind(&v, st);
	return st;
}

/* The fold of the one character at s, into buf.  A Latin I or i reads as
 * Kazakh і among Cyrillic letters (text_fold's rule), so both are offered. */
static int search_fold_char(const char *s, int len, char *buf, size_t size)
{
	char one[8];
	memcpy(one, s, (size_t)len);
	one[len] = 0;
	char *f = text_fold(one);
	if (!f)
		return -1;
	snprintf(buf, size, "%s", f);
	free(f);
	return 0;
}

int search_find(const char *text, const char *query, size_t *off, size_t *len)
{
	char *tmp = strdup(query ? query : "");
	if (!tmp)
		return 0;
	char *fq = text_fold(text_trim(tmp));
	free(tmp);
	if (!fq)
		return 0;
	int found = 0;
	if (*fq) {
		unsigned cp;
		for (const char *i = text; *i && !found; i += text_next(i, &cp)) {
			const char *p = fq, *j = i;
			while (*p && *j) {
				int n = text_next(j, &cp);
				char f[32];
				if (search_fold_char(j, n, f, sizeof f))
					break;
				size_t fl = strlen(f);
				if (!strncmp(p, f, fl))
					p += fl;
				else if ((cp == 'I' || cp == 'i') && !strncmp(p, "\xD1\x96", 2))
					p += 2;
				else
					break;
				j += n;
			}
			if (!*p) {
				*off = (size_t)(i - text);
				*len = (size_t)(j - i);
				found = 1;
			}
		}
	}
	free(fq);
	return found;
}

int search_defer_index(tz_db *db)
{
	/* A load big enough to defer its index is big enough to need the cache. */
	if (db_bulk(db))
		return -1;
	return db_exec(db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_deferred', '1')");
}

int search_reindex(tz_db *db, enum search_scope scope)
{
	if (db_exec(db, "DELETE FROM meta WHERE key = 'fts_deferred'"))
		return -1;
	return db_exec(db, scope == SEARCH_NKZ ? "INSERT INTO nkz_fts(nkz_fts) VALUES ('rebuild')"
	                                       : "INSERT INTO reg_fts(reg_fts) VALUES ('rebuild')");
}
