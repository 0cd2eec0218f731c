#include "domain/search.h"

#include <stdint.h>
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
			"nkz.rowid IN (SELECT rowid FROM nkz_fts WHERE nkz_fts MATCH :search_q)"
			" AND (tz_holds(nkz.fold_kk, :search_x) OR tz_holds(nkz.fold_ru, :search_x)"
			" OR tz_holds(tz_loose(nkz.fold_kk), :search_l)"
			" OR tz_holds(tz_loose(nkz.fold_ru), :search_l))",
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
			"reg_row.id IN (SELECT rowid FROM reg_fts WHERE reg_fts MATCH :search_q)"
			" AND (tz_holds(reg_row.fold_kk, :search_x) OR tz_holds(reg_row.fold_ru, :search_x)"
			" OR tz_holds(tz_loose(reg_row.fold_kk), :search_l)"
			" OR tz_holds(tz_loose(reg_row.fold_ru), :search_l))",
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

/* The Kazakh letters a Russian look-alike may stand for (text_loose's
 * pairs the other way round); NULL when none. */
static const char *search_twins(unsigned cp)
{
	switch (cp) {
	case 0x430: return "\xD3\x99";                 /* а: ә */
	case 0x43A: return "\xD2\x9B";                 /* к: қ */
	case 0x43E: return "\xD3\xA9";                 /* о: ө */
	case 0x443: return "\xD2\xB1\xD2\xAF";         /* у: ұ ү */
	case 0x433: return "\xD2\x93";                 /* г: ғ */
	case 0x43D: return "\xD2\xA3";                 /* н: ң */
	case 0x438: return "\xD1\x96";                 /* и: і */
	case 0x445: return "\xD2\xBB";                 /* х: һ */
	default: return NULL;
	}
}

/* The FTS5 expression for a query under the look-alike fold: the index
 * holds the names as written, so each trigram of the loose query becomes
 * the OR of its spellings (а as а or ә, у as у, ұ or ү ...), and the
 * trigrams are ANDed — every third one and the last, which is enough to
 * find the names; the caller's tz_holds() on the loose names then keeps only
 * those that hold the query whole.  Every spelling includes the query's
 * own letters, so the exact matches are among them.  NULL on no memory. */
static char *search_loose_fts(const char *loose)
{
	/* The query's characters, as byte offsets. */
	size_t n = 0, cap = strlen(loose) + 1;
	size_t *at = malloc(cap * sizeof *at);
	unsigned *cps = malloc(cap * sizeof *cps);
	size_t out_cap = 64, out_len = 0;
	char *out = malloc(out_cap);
	if (!at || !cps || !out)
		goto fail;
	out[0] = 0;
	for (const char *p = loose; *p; n++) {
		at[n] = (size_t)(p - loose);
		p += text_next(p, &cps[n]);
	}
	at[n] = strlen(loose);
	for (size_t i = 0; i + 3 <= n; i += 3) {
		if (i + 3 + 3 > n && i + 3 < n)
			i = n - 3;      /* the last trigram closes the query */
		/* Up to 3 spellings per character: 27 per trigram. */
		const char *opt[3][4];
		int nopt[3];
		char one[3][8];
		for (int c = 0; c < 3; c++) {
			size_t len = at[i + c + 1] - at[i + c];
			memcpy(one[c], loose + at[i + c], len);
			one[c][len] = 0;
			opt[c][0] = one[c];
			nopt[c] = 1;
			const char *tw = search_twins(cps[i + c]);
			for (; tw && *tw; tw += 2)
				opt[c][nopt[c]++] = tw;
		}
		char group[27 * 16 + 8];
		size_t g = 0;
		g += (size_t)snprintf(group + g, sizeof group - g, "%s(", out_len ? " AND " : "");
		for (int a = 0; a < nopt[0]; a++)
			for (int b = 0; b < nopt[1]; b++)
				for (int c = 0; c < nopt[2]; c++) {
					char tri[16];
					snprintf(tri, sizeof tri, "%.*s%.*s%.*s",
					         opt[0][a] == one[0] ? (int)strlen(one[0]) : 2, opt[0][a],
					         opt[1][b] == one[1] ? (int)strlen(one[1]) : 2, opt[1][b],
					         opt[2][c] == one[2] ? (int)strlen(one[2]) : 2, opt[2][c]);
					char *ph = fts_phrase(tri);
					if (!ph)
						goto fail;
					g += (size_t)snprintf(group + g, sizeof group - g, "%s%s",
					                      a + b + c ? " OR " : "", ph);
					free(ph);
				}
		g += (size_t)snprintf(group + g, sizeof group - g, ")");
		if (out_len + g + 1 > out_cap) {
			out_cap = (out_len + g + 1) * 2;
			char *grown = realloc(out, out_cap);
			if (!grown)
				goto fail;
			out = grown;
		}
		memcpy(out + out_len, group, g + 1);
		out_len += g;
		if (i + 3 == n)
			break;
	}
	free(at);
	free(cps);
	return out;
fail:
	free(at);
	free(cps);
	free(out);
	return NULL;
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
			ok = (s->q = strdup(fold)) && (s->hi = concat(fold, MAX_CP)) &&
			     (s->exact = strdup(fold)) && (s->loose = text_loose(strdup(fold))) != NULL;
		} else if (ok) {
			s->kind = SEARCH_FTS;
			ok = (s->exact = strdup(fold)) && (s->loose = strdup(fold)) &&
			     (s->q = search_loose_fts(text_loose(s->loose))) != NULL;
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
	free(s->exact);
	free(s->loose);
	s->q = s->hi = s->code = s->code_hi = s->exact = s->loose = NULL;
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
	bind(st, ":search_x", s->exact);
	bind(st, ":search_l", s->loose);
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

/* One character of a text searched by search_find: where it is, and its
 * fold as typed and under the look-alike fold ("" when it cannot be
 * folded: bad bytes). */
struct search_char {
	size_t at;
	int n;
	unsigned cp;
	char f[24], l[24];
};

/* The folds of the characters met so far, by their bytes: a screen marks the
 * match in every line it draws, and folding each character anew cost an
 * allocation per character at every position of every line.  The program
 * has one thread; a name holds a few dozen distinct characters. */
enum { SEARCH_FOLDS = 512 };
static struct search_fold {
	uint32_t key;  /* the character's bytes, 0 when the slot is free */
	char f[24], l[24];
} search_folds[SEARCH_FOLDS];

/* The fold of the n-byte character at s into c (text_fold's, so a Latin I
 * or i stays itself here: search_find_as offers Kazakh і for it). */
static void search_fold_char(const char *s, int n, struct search_char *c)
{
	uint32_t key = 0;
	for (int i = 0; i < n; i++)
		key = key << 8 | (unsigned char)s[i];
	unsigned home = (key * 2654435761u) >> 23;  /* the top 9 bits: 0..SEARCH_FOLDS-1 */
	for (int probe = 0; probe < 8; probe++) {
		struct search_fold *e = &search_folds[(home + (unsigned)probe) % SEARCH_FOLDS];
		if (e->key == key) {
			memcpy(c->f, e->f, sizeof c->f);
			memcpy(c->l, e->l, sizeof c->l);
			return;
		}
		if (!e->key)
			break;
	}
	char one[8];
	memcpy(one, s, (size_t)n);
	one[n] = 0;
	char *f = text_fold(one);
	c->f[0] = c->l[0] = 0;
	if (!f || strlen(f) >= sizeof c->f) {
		free(f);
		return;
	}
	memcpy(c->f, f, strlen(f) + 1);
	memcpy(c->l, f, strlen(f) + 1);
	text_loose(c->l);
	free(f);
	for (int probe = 0; probe < 8; probe++) {
		struct search_fold *e = &search_folds[(home + (unsigned)probe) % SEARCH_FOLDS];
		if (!e->key) {
			e->key = key;
			memcpy(e->f, c->f, sizeof e->f);
			memcpy(e->l, c->l, sizeof e->l);
			break;
		}
	}
}

/* search_find's walk over text's characters (nc of them), as typed or
 * (loose) under the look-alike fold. */
static int search_find_as(const char *text, const struct search_char *ch, int nc,
                          const char *fq, int loose, size_t *off, size_t *len)
{
	if (!*fq)
		return 0;
	for (int i = 0; i < nc; i++) {
		const char *p = fq;
		int j = i;
		for (; *p && j < nc; j++) {
			const char *f = loose ? ch[j].l : ch[j].f;
			size_t fl = strlen(f);
			if (!fl)
				break;
			if (!strncmp(p, f, fl))
				p += fl;
			else if ((ch[j].cp == 'I' || ch[j].cp == 'i') &&
			         !strncmp(p, loose ? "\xD0\xB8" : "\xD1\x96", 2))
				p += 2;
			else
				break;
		}
		if (!*p) {
			*off = ch[i].at;
			*len = j < nc ? ch[j].at - ch[i].at : strlen(text) - ch[i].at;
			return 1;
		}
	}
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
	/* Each character of text folded once (a line is drawn with its match
	 * marked at every key). */
	size_t tn = strlen(text);
	struct search_char *ch = malloc((tn ? tn : 1) * sizeof *ch);
	int nc = 0, found = 0;
	if (ch) {
		unsigned cp;
		for (size_t at = 0; text[at];) {
			int n = text_next(text + at, &cp);
			struct search_char *c = &ch[nc++];
			c->at = at;
			c->n = n;
			c->cp = cp;
			search_fold_char(text + at, n, c);
			at += (size_t)n;
		}
		/* As typed first; else as the look-alike fold finds it (search.h). */
		found = search_find_as(text, ch, nc, fq, 0, off, len) ||
		        search_find_as(text, ch, nc, text_loose(fq), 1, off, len);
	}
	free(ch);
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
	if (scope == SEARCH_NKZ)
		return db_exec(db, "INSERT INTO nkz_fts(nkz_fts) VALUES ('rebuild')");
	/* The first letters' counts (schema 20) were held back with the index. */
	return db_exec(db, "INSERT INTO reg_fts(reg_fts) VALUES ('rebuild');"
	                   "DELETE FROM reg_prefix;"
	                   "INSERT INTO reg_prefix(version_id, section, kk, ru, n) "
	                   "SELECT version_id, section, substr(fold_kk, 1, 2), substr(fold_ru, 1, 2), "
	                   "count(*) FROM reg_row GROUP BY 1, 2, 3, 4");
}
