#include "regview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "register.h"

struct regview {
	tz_db *db;
	int64_t version;
	char state[16];
	char *title;
	char lang[3];
	char *where;          /* filter fragment, or NULL */
	rv_bind_fn *bind;
	void *bind_ctx;
	int count[2];
	/* The last window: lines [first, first + n). */
	int first, n, cap;
	struct rv_line *win;
};

static const char *const section_key[2] = {"mandatory", "voluntary"};

static void win_clear(struct regview *rv)
{
	for (int i = 0; i < rv->n; i++) {
		free(rv->win[i].name);
		free(rv->win[i].basis);
		free(rv->win[i].body);
	}
	rv->n = 0;
}

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

/* The brief order of preference: the draft being worked on, else what was
 * last published, else whatever version exists (one under review). */
static int64_t pick_version(tz_db *db)
{
	int64_t v = reg_draft(db);
	if (!v)
		v = reg_published(db);
	if (!v)
		v = db_int_query(db, "SELECT id FROM reg_version ORDER BY id DESC LIMIT 1", 0);
	return v;
}

static int count_section(struct regview *rv, int s, const char *where)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM reg_row r WHERE r.version_id = :v "
	         "AND r.section = :s%s%s%s", where ? " AND (" : "", where ? where : "",
	         where ? ")" : "");
	sqlite3_stmt *st = db_prep(rv->db, sql);
	if (!st)
		return -1;
	db_int(st, ":v", rv->version);
	db_text(st, ":s", section_key[s]);
	if (where && rv->bind)
		rv->bind(st, rv->bind_ctx);
	int n = db_step(rv->db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

void rv_reload(struct regview *rv)
{
	win_clear(rv);
	for (int s = 0; s < 2; s++) {
		int n = rv->version ? count_section(rv, s, rv->where) : 0;
		rv->count[s] = n < 0 ? 0 : n;
	}
}

int rv_set_version(struct regview *rv, int64_t version)
{
	if (version) {
		sqlite3_stmt *st = db_prep(rv->db, "SELECT state, title FROM reg_version WHERE id = :v");
		if (!st)
			return -1;
		db_int(st, ":v", version);
		if (db_step(rv->db, st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			return -1;
		}
		snprintf(rv->state, sizeof rv->state, "%s", db_col_text(st, 0));
		free(rv->title);
		rv->title = dup(db_col_text(st, 1));
		sqlite3_finalize(st);
	} else {
		rv->state[0] = 0;
		free(rv->title);
		rv->title = dup("");
	}
	rv->version = version;
	rv_reload(rv);
	return 0;
}

struct regview *rv_open(tz_db *db)
{
	struct regview *rv = calloc(1, sizeof *rv);
	if (!rv)
		return NULL;
	rv->db = db;
	memcpy(rv->lang, i18n_is_kk() ? "kk" : "ru", 3);
	if (rv_set_version(rv, pick_version(db)))
		rv_set_version(rv, 0);
	return rv;
}

void rv_close(struct regview *rv)
{
	if (!rv)
		return;
	win_clear(rv);
	free(rv->win);
	free(rv->title);
	free(rv->where);
	free(rv);
}

int64_t rv_version(const struct regview *rv) { return rv->version; }
const char *rv_state(const struct regview *rv) { return rv->state; }
const char *rv_title(const struct regview *rv) { return rv->title ? rv->title : ""; }
const char *rv_lang(const struct regview *rv) { return rv->lang; }

int rv_set_lang(struct regview *rv, const char *lang)
{
	if (!lang || (strcmp(lang, "kk") && strcmp(lang, "ru")))
		return -1;
	/* The window holds names in the old language: drop it, so nothing of that
	 * language can be drawn after the switch. */
	win_clear(rv);
	memcpy(rv->lang, lang, 3);
	return 0;
}

int rv_set_filter(struct regview *rv, const char *where, rv_bind_fn *bind, void *ctx)
{
	char *w = NULL;
	if (where) {
		w = strdup(where);
		if (!w)
			return -1;
		rv_bind_fn *ob = rv->bind;
		void *oc = rv->bind_ctx;
		rv->bind = bind;
		rv->bind_ctx = ctx;
		int ok = !rv->version || count_section(rv, 0, w) >= 0;
		if (!ok) {
			rv->bind = ob;
			rv->bind_ctx = oc;
			free(w);
			return -1;
		}
	}
	free(rv->where);
	rv->where = w;
	rv->bind = where ? bind : NULL;
	rv->bind_ctx = where ? ctx : NULL;
	rv_reload(rv);
	return 0;
}

int rv_count(const struct regview *rv, int section)
{
	return section == 0 || section == 1 ? rv->count[section] : 0;
}

int rv_rows(const struct regview *rv) { return rv->count[0] + rv->count[1]; }
int rv_lines(const struct regview *rv) { return rv_rows(rv) + 2; }

int rv_line_of_row(const struct regview *rv, int n)
{
	if (n < 0 || n >= rv_rows(rv))
		return -1;
	return n < rv->count[0] ? n + 1 : n + 2;
}

int rv_row_of_line(const struct regview *rv, int line)
{
	if (line <= 0 || line == rv->count[0] + 1 || line >= rv_lines(rv))
		return -1;
	return line <= rv->count[0] ? line - 1 : line - 2;
}

int rv_section_of_line(const struct regview *rv, int line)
{
	return line <= rv->count[0] ? 0 : 1;
}

/* Reads up to n rows of section s from its offset into out; returns the
 * count or -1.  The inner query walks only the sort index, so that a far
 * offset costs an index scan, not a body lookup per skipped row. */
static int fetch(struct regview *rv, int s, int offset, int n, struct rv_line *out)
{
	const char *l = rv->lang;
	char sql[2048];
	snprintf(sql, sizeof sql,
	         "SELECT r.id, r.nkz_code, r.name_%s, r.basis_%s, r.level, r.validity, "
	         "r.profile, b.short_%s FROM (SELECT r.id FROM reg_row r "
	         "WHERE r.version_id = :v AND r.section = :s%s%s%s "
	         "ORDER BY r.sort_%s, r.level, r.id LIMIT :n OFFSET :o) w "
	         "JOIN reg_row r ON r.id = w.id JOIN body b ON b.id = r.body_id "
	         "ORDER BY r.sort_%s, r.level, r.id",
	         l, l, l, rv->where ? " AND (" : "", rv->where ? rv->where : "",
	         rv->where ? ")" : "", l, l);
	sqlite3_stmt *st = db_prep(rv->db, sql);
	if (!st)
		return -1;
	db_int(st, ":v", rv->version);
	db_text(st, ":s", section_key[s]);
	db_int(st, ":n", n);
	db_int(st, ":o", offset);
	if (rv->where && rv->bind)
		rv->bind(st, rv->bind_ctx);
	int k = 0, rc;
	while (k < n && (rc = db_step(rv->db, st)) == SQLITE_ROW) {
		struct rv_line *x = &out[k];
		memset(x, 0, sizeof *x);
		x->kind = RV_ROW;
		x->section = s;
		x->num = offset + k + 1;
		x->id = sqlite3_column_int64(st, 0);
		snprintf(x->code, sizeof x->code, "%s", db_col_text(st, 1));
		x->name = dup(db_col_text(st, 2));
		x->basis = dup(db_col_text(st, 3));
		snprintf(x->level, sizeof x->level, "%s", db_col_text(st, 4));
		x->validity = sqlite3_column_int(st, 5);
		snprintf(x->profile, sizeof x->profile, "%s", db_col_text(st, 6));
		x->body = dup(db_col_text(st, 7));
		k++;
	}
	sqlite3_finalize(st);
	return k;
}

static void title_line(struct rv_line *x, int s)
{
	memset(x, 0, sizeof *x);
	x->kind = RV_TITLE;
	x->section = s;
	x->name = dup("");
	x->basis = dup("");
	x->body = dup("");
}

int rv_window(struct regview *rv, int first, int n)
{
	win_clear(rv);
	int total = rv_lines(rv);
	if (first < 0)
		first = 0;
	if (n > total - first)
		n = total - first;
	if (n <= 0) {
		rv->first = first;
		return 0;
	}
	if (n > rv->cap) {
		struct rv_line *w = realloc(rv->win, (size_t)n * sizeof *w);
		if (!w)
			return -1;
		rv->win = w;
		rv->cap = n;
	}
	rv->first = first;
	/* Walk the window section by section: a title line, then the rows. */
	int line = first, end = first + n;
	for (int s = 0; s < 2 && line < end; s++) {
		int title = s == 0 ? 0 : rv->count[0] + 1;
		int last = title + rv->count[s];          /* the section's last line */
		if (line > last)
			continue;
		if (line == title) {
			title_line(&rv->win[rv->n++], s);
			line++;
		}
		int want = (last < end - 1 ? last : end - 1) - line + 1;
		if (want > 0) {
			int got = rv->version ? fetch(rv, s, line - title - 1, want, &rv->win[rv->n]) : 0;
			if (got < 0)
				return -1;
			rv->n += got;
			line += want;
			if (got < want)       /* rows vanished since the count: stop here */
				break;
		}
	}
	return rv->n;
}

const struct rv_line *rv_line(const struct regview *rv, int line)
{
	if (line < rv->first || line >= rv->first + rv->n)
		return NULL;
	return &rv->win[line - rv->first];
}
