/* verify's checks against someone who holds the file (src/store/integrity.h). */
#include "store/integrity.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "base/debuglog.h"
#include "base/i18n.h"
#include "store/schema.h"
#include "store/seal.h"

/* A problem's text, built and handed on. */
static void integrity_say(struct integrity_run *r, const char *area, const char *fmt, ...)
	TZ_PRINTF(3, 4);

static void integrity_say(struct integrity_run *r, const char *area, const char *fmt, ...)
{
	char what[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	r->fn(r->ctx, area, what);
}

/* ---- the schema ----------------------------------------------------------- */

/* One object of sqlite_schema. */
struct integrity_obj {
	char *type, *name, *tbl, *sql;
};

struct integrity_objs {
	struct integrity_obj *o;
	size_t n;
};

static void integrity_objs_free(struct integrity_objs *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->o[i].type);
		free(l->o[i].name);
		free(l->o[i].tbl);
		free(l->o[i].sql);
	}
	free(l->o);
	l->o = NULL;
	l->n = 0;
}

/* SQLite's own objects (sqlite_stat1, the indexes of UNIQUE constraints) are
 * left out: they follow from the tables, whose definitions are compared. */
static int integrity_objs_read(tz_db *db, struct integrity_objs *l)
{
	sqlite3_stmt *st = db_prep(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM main.sqlite_schema "
	                               "WHERE name NOT GLOB 'sqlite_*' ORDER BY name");
	if (!st)
		return -1;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		if (l->n == cap) {
			cap = cap ? 2 * cap : 256;
			struct integrity_obj *o = realloc(l->o, cap * sizeof *o);
			if (!o)
				break;
			l->o = o;
		}
		struct integrity_obj *o = &l->o[l->n++];
		o->type = strdup(db_col_text(st, 0));
		o->name = strdup(db_col_text(st, 1));
		o->tbl = strdup(db_col_text(st, 2));
		o->sql = strdup(db_col_text(st, 3));
		if (!o->type || !o->name || !o->tbl || !o->sql)
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int integrity_wordish(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$' || c >= 0x80 || c == '\'' || c == '"' || c == '`' || c == '[' ||
	       c == ']';
}

/* A definition as SQLite reads it: comments gone, white space kept only
 * between two words (as one space), keywords and names in lower case, quoted
 * text as it is, no final semicolon.  Two definitions that differ only in
 * layout then compare equal; any change in what they do does not. */
static char *integrity_norm(const char *sql)
{
	char *out = malloc(strlen(sql) + 1), *o = out;
	if (!out)
		return NULL;
	int space = 0;
	for (const char *p = sql; *p;) {
		if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
			space = 1;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
				;
			p += *p ? 2 : 0;
			space = 1;
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
			space = 1;
			p++;
			continue;
		}
		if (space && o > out && integrity_wordish((unsigned char)o[-1]) &&
		    integrity_wordish((unsigned char)*p))
			*o++ = ' ';
		space = 0;
		if (*p == '\'' || *p == '"' || *p == '`' || *p == '[') {
			char close = *p == '[' ? ']' : *p;
			*o++ = *p++;
			while (*p) {
				if (*p == close && close != ']' && p[1] == close) {
					*o++ = *p++;
					*o++ = *p++;
				} else if (*p == close) {
					break;
				} else {
					*o++ = *p++;
				}
			}
			if (*p)
				*o++ = *p++;
			continue;
		}
		*o++ = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		p++;
	}
	while (o > out && o[-1] == ';')
		o--;
	*o = 0;
	return out;
}

static const char *integrity_kind(const char *type)
{
	/* TRANSLATORS: kinds of database objects, as verify names them:
	 * "trigger reg_row_published_u is missing". */
	if (!strcmp(type, "table"))
		return _("table");
	if (!strcmp(type, "index"))
		return _("index");
	if (!strcmp(type, "trigger"))
		return _("trigger");
	if (!strcmp(type, "view"))
		return _("view");
	return type;
}

/* A table FTS5 keeps for a virtual table of the reference (reg_fts_data for
 * reg_fts): its definition is FTS5's, which may differ between SQLite
 * versions, so only that it is there counts. */
static int integrity_shadow(const struct integrity_objs *ref, const struct integrity_obj *o)
{
	if (strcmp(o->type, "table"))
		return 0;
	for (size_t i = 0; i < ref->n; i++) {
		const struct integrity_obj *v = &ref->o[i];
		size_t n = strlen(v->name);
		if (!strncmp(v->sql, "CREATE VIRTUAL TABLE", 20) && !strncmp(o->name, v->name, n) &&
		    o->name[n] == '_')
			return 1;
	}
	return 0;
}

static int integrity_same(const struct integrity_obj *a, const struct integrity_obj *b)
{
	if (strcmp(a->type, b->type) || strcmp(a->tbl, b->tbl))
		return 0;
	char *x = integrity_norm(a->sql), *y = integrity_norm(b->sql);
	int same = x && y && !strcmp(x, y);
	free(x);
	free(y);
	return same;
}

static long integrity_schema(tz_db *db, struct integrity_run *r)
{
	/* The program's own definitions: a database made afresh by the same
	 * steps, the logging triggers included. */
	char why[256] = "";
	tz_db *ref = db_open(":memory:", 1, why, sizeof why);
	if (!ref || schema_migrate(ref, why, sizeof why)) {
		snprintf(r->err, sizeof r->err, _("The program's own schema cannot be made to compare: %s"), why);
		db_close(ref);
		return -1;
	}
	struct integrity_objs want = {0}, have = {0};
	long n = -1;
	if (integrity_objs_read(ref, &want) || integrity_objs_read(db, &have)) {
		snprintf(r->err, sizeof r->err, _("The database's schema cannot be read: %s"), db_errmsg(db));
		goto done;
	}
	const char *area = _("schema");
	n = 0;
	size_t i = 0, j = 0;
	while (i < want.n || j < have.n) {
		int c = i == want.n ? 1 : j == have.n ? -1 : strcmp(want.o[i].name, have.o[j].name);
		if (c < 0) {
			integrity_say(r, area, _("%1$s %2$s is missing: it was dropped outside the program."),
			              integrity_kind(want.o[i].type), want.o[i].name);
			n++, i++;
		} else if (c > 0) {
			integrity_say(r, area, _("%1$s %2$s is not the program's: it was added outside the program."),
			              integrity_kind(have.o[j].type), have.o[j].name);
			n++, j++;
		} else {
			const struct integrity_obj *w = &want.o[i], *h = &have.o[j];
			int shadow = integrity_shadow(&want, w);
			if (shadow ? strcmp(w->type, h->type) != 0 : !integrity_same(w, h)) {
				integrity_say(r, area, _("%1$s %2$s differs from the program's definition: it was "
				                         "changed outside the program."),
				              integrity_kind(h->type), h->name);
				n++;
			}
			i++, j++;
		}
	}
done:
	integrity_objs_free(&want);
	integrity_objs_free(&have);
	db_close(ref);
	return n;
}

/* ---- the kept counts ---------------------------------------------------- */

static const char *integrity_section(const char *s)
{
	if (!strcmp(s, "mandatory"))
		return _("mandatory section");
	if (!strcmp(s, "voluntary"))
		return _("voluntary section");
	return s;
}

static long integrity_counts(tz_db *db, struct integrity_run *r)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT version_id, section, kept, counted FROM ("
		"  SELECT c.version_id, c.section, c.n AS kept, (SELECT count(*) FROM reg_row r "
		"    WHERE r.version_id = c.version_id AND r.section = c.section) AS counted "
		"  FROM reg_count c "
		"  UNION ALL "
		"  SELECT r.version_id, r.section, NULL, count(*) FROM reg_row r WHERE NOT EXISTS ("
		"    SELECT 1 FROM reg_count c WHERE c.version_id = r.version_id AND c.section = r.section) "
		"  GROUP BY 1, 2) "
		"WHERE kept IS NOT counted ORDER BY 1, 2");
	if (!st) {
		snprintf(r->err, sizeof r->err, _("The row counts cannot be read: %s"), db_errmsg(db));
		return -1;
	}
	const char *area = _("row count");
	long n = 0;
	int rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		long long v = sqlite3_column_int64(st, 0), counted = sqlite3_column_int64(st, 3);
		const char *s = integrity_section(db_col_text(st, 1));
		if (sqlite3_column_type(st, 2) == SQLITE_NULL)
			integrity_say(r, area, _("%1$s of version %2$lld: its row count is not kept; counted %3$lld."),
			              s, v, counted);
		else
			integrity_say(r, area, _("%1$s of version %2$lld: row count kept as %3$lld, counted %4$lld."),
			              s, v, (long long)sqlite3_column_int64(st, 2), counted);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		snprintf(r->err, sizeof r->err, _("The row counts cannot be read: %s"), db_errmsg(db));
		return -1;
	}
	/* The counts by first letters that search shows (schema 20), kept
	 * against counted, both ways. */
	st = db_prep(db,
		"SELECT version_id, count(*) FROM ("
		"  SELECT * FROM (SELECT version_id, section, kk, ru, n FROM reg_prefix "
		"    EXCEPT SELECT version_id, section, substr(fold_kk, 1, 2), substr(fold_ru, 1, 2), "
		"    count(*) FROM reg_row GROUP BY 1, 2, 3, 4) "
		"  UNION ALL "
		"  SELECT * FROM (SELECT version_id, section, substr(fold_kk, 1, 2), substr(fold_ru, 1, 2), "
		"    count(*) FROM reg_row GROUP BY 1, 2, 3, 4 "
		"    EXCEPT SELECT version_id, section, kk, ru, n FROM reg_prefix)) "
		"GROUP BY version_id ORDER BY version_id");
	if (!st) {
		snprintf(r->err, sizeof r->err, _("The row counts cannot be read: %s"), db_errmsg(db));
		return -1;
	}
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		integrity_say(r, area, _("Version %1$lld: the counts of names by their first letters, "
		                         "which search shows, differ from its rows (differences: %2$lld)."),
		              (long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1));
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		snprintf(r->err, sizeof r->err, _("The row counts cannot be read: %s"), db_errmsg(db));
		return -1;
	}
	return n;
}

/* ---- the holds of a bulk load ---------------------------------------------- */

/* A bulk load holds back the change log's insert triggers and the search
 * index's triggers with a key in meta (audit_defer, search_defer_index)
 * and takes it away before it commits; a key stored was put there from
 * outside, and with it rows are added unlogged, or unfound by search. */
static long integrity_holds(tz_db *db, struct integrity_run *r)
{
	static const struct { const char *key, *what; } hold[] = {
		{"log_deferred", N_("The change log is held back by a mark written outside the program: "
		                    "rows added now would not be logged.")},
		{"fts_deferred", N_("The search index is held back by a mark written outside the program: "
		                    "rows added or changed now would not be found by search.")},
	};
	long n = 0;
	for (size_t i = 0; i < sizeof hold / sizeof *hold; i++) {
		sqlite3_stmt *st = db_prep(db, "SELECT 1 FROM meta WHERE key = :k");
		if (!st) {
			snprintf(r->err, sizeof r->err, _("The database's schema cannot be read: %s"), db_errmsg(db));
			return -1;
		}
		db_text(st, ":k", hold[i].key);
		int rc = db_step(db, st);
		sqlite3_finalize(st);
		if (rc == SQLITE_ROW) {
			integrity_say(r, _("schema"), "%s", _(hold[i].what));
			n++;
		} else if (rc != SQLITE_DONE) {
			snprintf(r->err, sizeof r->err, _("The database's schema cannot be read: %s"), db_errmsg(db));
			return -1;
		}
	}
	return n;
}

/* ---- the seals ------------------------------------------------------------ */

/* The columns a seal holds, with what verify calls them. */
static const struct { const char *col, *label, *lang; } integrity_cols[] = {
	{"section", N_("section"), NULL},
	{"nkz_code", N_("code (column 3)"), NULL},
	{"name_kk", N_("name (column 2)"), "kk"},
	{"name_ru", N_("name (column 2)"), "ru"},
	{"basis_kk", N_("basis (column 4)"), "kk"},
	{"basis_ru", N_("basis (column 4)"), "ru"},
	{"level", N_("level (column 5)"), NULL},
	{"validity", N_("validity (column 6)"), NULL},
	{"body_id", N_("sectoral body (column 7)"), NULL},
	{"profile", N_("profile (column 8)"), NULL},
};
#define INTEGRITY_NCOLS (sizeof integrity_cols / sizeof *integrity_cols)
#define INTEGRITY_NAMED 10   /* rows named under a broken seal */

/* Which rows broke a seal: each row of the version set against the newest
 * entry the program wrote for it in the change log (an entry written from
 * the sqlite3 shell is no witness), and the rows the log says are in the
 * version but are gone.  Only run when the seal does not match. */
static long integrity_seal_rows(tz_db *db, struct integrity_run *r, int64_t v)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	sqlite3_str_appendall(q, "SELECT r.nkz_code, r.level, l.id IS NULL");
	for (size_t c = 0; c < INTEGRITY_NCOLS; c++)
		sqlite3_str_appendf(q, ", json_extract(l.after, '$.%s') IS NOT r.%s", integrity_cols[c].col,
		                    integrity_cols[c].col);
	sqlite3_str_appendall(q, " FROM reg_row r LEFT JOIN change_log l ON l.id = (SELECT max(id) "
	                         "FROM change_log WHERE object = 'reg_row' AND object_id = CAST(r.id AS TEXT) AND hash <> '') "
	                         "WHERE r.version_id = :v AND (l.id IS NULL");
	for (size_t c = 0; c < INTEGRITY_NCOLS; c++)
		sqlite3_str_appendf(q, " OR json_extract(l.after, '$.%s') IS NOT r.%s", integrity_cols[c].col,
		                    integrity_cols[c].col);
	sqlite3_str_appendall(q, ") ORDER BY r.section, r.nkz_code, r.level");
	char *sql = sqlite3_str_finish(q);
	sqlite3_stmt *st = sql ? db_prep(db, sql) : NULL;
	sqlite3_free(sql);
	const char *area = _("seal");
	long n = 0;
	db_int(st, ":v", v);
	while (st && db_step(db, st) == SQLITE_ROW) {
		if (++n > INTEGRITY_NAMED)
			continue;
		const char *code = db_col_text(st, 0), *level = db_col_text(st, 1);
		if (sqlite3_column_int(st, 2)) {
			integrity_say(r, area, _("Row %1$s at level %2$s of version %3$lld has no entry in the change log."),
			              code, level, (long long)v);
			continue;
		}
		char cols[512] = "";
		size_t len = 0;
		for (size_t c = 0; c < INTEGRITY_NCOLS && len < sizeof cols; c++)
			if (sqlite3_column_int(st, 3 + (int)c))
				len += (size_t)snprintf(cols + len, sizeof cols - len, "%s%s%s%s", len ? "; " : "",
				                        _(integrity_cols[c].label), integrity_cols[c].lang ? ", " : "",
				                        integrity_cols[c].lang ? integrity_cols[c].lang : "");
		integrity_say(r, area, _("Row %1$s at level %2$s of version %3$lld differs from what the change "
		                         "log holds for it: %4$s."), code, level, (long long)v, cols);
	}
	sqlite3_finalize(st);
	st = db_prep(db,
		"SELECT json_extract(l.after, '$.nkz_code'), json_extract(l.after, '$.level') FROM change_log l "
		"WHERE l.object = 'reg_row' AND l.action <> 'delete' "
		"  AND json_extract(l.after, '$.version_id') = :v "
		"  AND l.hash <> '' AND l.id = (SELECT max(id) FROM change_log WHERE object = 'reg_row' "
		"    AND object_id = l.object_id AND hash <> '') "
		"  AND NOT EXISTS (SELECT 1 FROM reg_row WHERE id = CAST(l.object_id AS INTEGER)) "
		"ORDER BY 1, 2");
	db_int(st, ":v", v);
	while (st && db_step(db, st) == SQLITE_ROW) {
		if (++n > INTEGRITY_NAMED)
			continue;
		integrity_say(r, area, _("Row %1$s at level %2$s of version %3$lld was removed outside the program."),
		              db_col_text(st, 0), db_col_text(st, 1), (long long)v);
	}
	sqlite3_finalize(st);
	if (n > INTEGRITY_NAMED)
		integrity_say(r, area, ngettext("%1$ld more row of version %2$lld differs from the change log.",
		                                "%1$ld more rows of version %2$lld differ from the change log.",
		                                (unsigned long)(n - INTEGRITY_NAMED)),
		              n - INTEGRITY_NAMED, (long long)v);
	return n > INTEGRITY_NAMED ? INTEGRITY_NAMED + 1 : n;
}

static long integrity_seals(tz_db *db, struct integrity_run *r)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM reg_version WHERE state = 'published' ORDER BY id");
	int64_t *ids = NULL;
	size_t nids = 0, cap = 0;
	int rc;
	while (st && (rc = db_step(db, st)) == SQLITE_ROW) {
		if (nids == cap) {
			int64_t *p = realloc(ids, (cap = cap ? 2 * cap : 16) * sizeof *p);
			if (!p)
				break;
			ids = p;
		}
		ids[nids++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (!st || rc != SQLITE_DONE) {
		snprintf(r->err, sizeof r->err, _("The published versions cannot be read: %s"), db_errmsg(db));
		free(ids);
		return -1;
	}
	const char *area = _("seal");
	long n = 0;
	for (size_t i = 0; i < nids && n >= 0; i++) {
		char want[SEAL_HEX_LEN], have[SEAL_HEX_LEN];
		int found = seal_recorded(db, ids[i], want);
		if (found < 0 || seal_compute(db, ids[i], have, NULL)) {
			snprintf(r->err, sizeof r->err, _("The seal of version %lld cannot be checked: %s"),
			         (long long)ids[i], db_errmsg(db));
			n = -1;
		} else if (!found) {
			integrity_say(r, area, _("Version %lld is published but has no seal: whether its rows are "
			                         "the ones published cannot be told."), (long long)ids[i]);
			n++;
		} else if (strcmp(want, have)) {
			integrity_say(r, area, _("Version %lld's seal does not match its rows: the published "
			                         "register was changed after its publication."), (long long)ids[i]);
			n += 1 + integrity_seal_rows(db, r, ids[i]);
		}
	}
	free(ids);
	return n;
}

/* ---- a head kept outside -------------------------------------------------- */

int integrity_head_parse(const char *s, int64_t *entry, char hash[65])
{
	*entry = 0;
	const char *h = s;
	size_t digits = strspn(s, "0123456789");
	if (digits && (s[digits] == ':' || s[digits] == ' ')) {
		if (digits > 18)
			return -1;
		*entry = strtoll(s, NULL, 10);
		h = s + digits + 1;
	}
	if (strlen(h) != 64 || strspn(h, "0123456789abcdefABCDEF") != 64 || (h != s && *entry <= 0))
		return -1;
	for (int i = 0; i <= 64; i++)
		hash[i] = h[i] >= 'A' && h[i] <= 'F' ? (char)(h[i] - 'A' + 'a') : h[i];
	return 0;
}

static long integrity_head(tz_db *db, struct integrity_run *r)
{
	int64_t entry;
	char hash[65];
	if (integrity_head_parse(r->head, &entry, hash))
		return 0;   /* the caller parsed it */
	const char *area = _("change log");
	sqlite3_stmt *st;
	if (entry) {
		st = db_prep(db, "SELECT hash FROM change_log WHERE id = :e");
		db_int(st, ":e", entry);
	} else {
		st = db_prep(db, "SELECT id FROM change_log WHERE hash = :h ORDER BY id LIMIT 1");
		db_text(st, ":h", hash);
	}
	int rc = st ? db_step(db, st) : SQLITE_ERROR;
	long n = 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		snprintf(r->err, sizeof r->err, _("The change log cannot be read: %s"), db_errmsg(db));
		n = -1;
	} else if (entry && rc == SQLITE_DONE) {
		integrity_say(r, area, _("Change log entry %lld, at which the chain head given was taken, is "
		                         "gone: the log was cut back since."), (long long)entry);
		n = 1;
	} else if (entry && strcmp(db_col_text(st, 0), hash)) {
		integrity_say(r, area, _("Change log entry %lld does not have the chain head given: the log up "
		                         "to that entry was rewritten, and its chain recomputed, after the head "
		                         "was taken."), (long long)entry);
		n = 1;
	} else if (!entry && rc == SQLITE_DONE) {
		integrity_say(r, area, "%s", _("No change log entry has the chain head given: the log was "
		                               "rewritten, and its chain recomputed, or cut back after the "
		                               "head was taken."));
		n = 1;
	} else {
		r->head_at = entry ? entry : sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

long integrity_check(tz_db *db, struct integrity_run *r)
{
	r->head_at = 0;
	r->now[0] = r->err[0] = 0;
	/* One snapshot for all: a count read while a writer adds rows would
	 * otherwise disagree with the rows read a moment later. */
	int own = sqlite3_get_autocommit(db_sqlite(db)) && !db_exec(db, "BEGIN");
	long n = 0, m;
	long (*const check[])(tz_db *, struct integrity_run *) = {
		integrity_schema, integrity_holds, integrity_counts, integrity_seals,
	};
	long nchecks = (long)(sizeof check / sizeof *check);
	for (long i = 0; i < nchecks && n >= 0; i++) {
		n = (m = check[i](db, r)) < 0 ? -1 : n + m;
		if (n >= 0 && r->progress && r->progress(r->pctx, i + 1, nchecks)) {
			snprintf(r->err, sizeof r->err, "%s", _("The check was stopped."));
			n = -1;
		}
	}
	if (n >= 0 && r->head)
		n = (m = integrity_head(db, r)) < 0 ? -1 : n + m;
	if (n >= 0 && audit_head(db, r->now, sizeof r->now)) {
		snprintf(r->err, sizeof r->err, _("The change log cannot be read: %s"), db_errmsg(db));
		n = -1;
	}
	if (own)
		db_exec(db, "COMMIT");
	return n;
}
