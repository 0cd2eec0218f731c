/* The import half of regcsv.h: register rows from the Appendix's CSV or
 * XLSX files, in Kazakh, Russian or both, into the draft, all or nothing. */
#include "exchange/regcsv_in.h"
#include "exchange/regcsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange/csvin.h"
#include "base/i18n.h"
#include "base/namecase.h"
#include "domain/nkz.h"
#include "domain/register.h"
#include "domain/regorder.h"
#include "domain/search.h"
#include "base/text.h"
#include "exchange/xlsxin.h"

static const char *lang_name(int l)
{
	return l ? "ru" : "kk";
}

static const char *section_name(int s)
{
	return s ? "voluntary" : "mandatory";
}

/* The files' rows are staged in TEMP tables of the connection, not held in
 * memory: SQLite keeps a few pages of them and spills the rest to a
 * temporary file, so a register of any size is read in the same memory.
 *   regcsv_row   each data row as read (file order = id order)
 *   regcsv_chk   what check_row made of it
 *   regcsv_pair  the same row in the other language's file, both ways */
static const char stage_sql[] =
	"DROP TABLE IF EXISTS temp.regcsv_row;"
	"DROP TABLE IF EXISTS temp.regcsv_chk;"
	"DROP TABLE IF EXISTS temp.regcsv_pair;"
	"CREATE TEMP TABLE regcsv_row (id INTEGER PRIMARY KEY, file INT, line INT, section INT,"
	" f1 TEXT, f2 TEXT, f3 TEXT, f4 TEXT, f5 TEXT, f6 TEXT, f7 TEXT);"
	"CREATE TEMP TABLE regcsv_chk (id INTEGER PRIMARY KEY, validity INT, body INT,"
	" profile TEXT, name_kk TEXT, name_ru TEXT);"
	"CREATE TEMP TABLE regcsv_pair (x INTEGER PRIMARY KEY, y INT);";
static const char unstage_sql[] =
	"DROP TABLE IF EXISTS temp.regcsv_row;"
	"DROP TABLE IF EXISTS temp.regcsv_chk;"
	"DROP TABLE IF EXISTS temp.regcsv_pair;";

struct ifile {
	const char *path;
	int index;           /* 0 or 1: the file's place in the command */
	int lang;            /* 0 kk, 1 ru, -1 before the heading row */
	int section;         /* -1 before the first section title */
	long n;              /* data rows staged */
	tz_db *db;
	sqlite3_stmt *ins;
	char *err;
	size_t errlen;
	const struct regcsv_opts *o;
	long base;           /* rows staged from the files before this one */
	int cancelled;
};

/* Tells o's progress how far a stage is, every 256 rows; 1 to stop. */
static int tick(const struct regcsv_opts *o, enum regcsv_stage stage, long done, long total)
{
	return o && o->progress && (done & 255) == 0 && o->progress(o->pctx, stage, done, total);
}

/* Folded, with runs of white space made one space, for comparing words a
 * clerk may have retyped. */
static char *norm(const char *s)
{
	char *f = text_fold(s);
	if (!f)
		return NULL;
	char *w = f;
	int space = 1;
	for (const char *r = f; *r; r++) {
		int sp = *r == ' ' || *r == '\t' || *r == '\r' || *r == '\n';
		if (sp && space)
			continue;
		*w++ = sp ? ' ' : *r;
		space = sp;
	}
	if (w > f && w[-1] == ' ')
		w--;
	*w = 0;
	return f;
}

static int same_words(const char *a, const char *b)
{
	if (!strcmp(a, b))   /* as a row usually has it: nothing to fold */
		return 1;
	char *na = norm(a), *nb = norm(b);
	int eq = na && nb && !strcmp(na, nb);
	free(na);
	free(nb);
	return eq;
}

static int blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

static int on_record(void *ctx, const struct csv_field *f, int n, long line)
{
	struct ifile *x = ctx;
	if (tick(x->o, REGCSV_READING, x->base + x->n, 0)) {
		x->cancelled = 1;
		snprintf(x->err, x->errlen, "%s", _("The import was cancelled; nothing was written."));
		return 1;
	}
	int empty = 1;
	for (int i = 0; i < n; i++)
		empty &= blank(f[i].text);
	if (empty)
		return 0;
	if (x->lang < 0) {
		for (int l = 0; l < 2 && n == 8; l++)
			if (same_words(f[1].text, regcsv_heading(lang_name(l), 2)) && same_words(f[2].text, regcsv_heading(lang_name(l), 3)))
				x->lang = l;
		/* A title above the form, in its first cell only, as a spreadsheet
		 * of the form carries it. */
		int title = n >= 1 && !blank(f[0].text);
		for (int i = 1; i < n && title; i++)
			title = blank(f[i].text);
		if (x->lang < 0 && title)
			return 0;
		if (x->lang < 0) {
			snprintf(x->err, x->errlen,
			         _("%s:%ld: the first row is not the heading of the register form (eight "
			           "columns, the third \"%s\" or \"%s\")"),
			         x->path, line, regcsv_heading(lang_name(0), 3), regcsv_heading(lang_name(1), 3));
			return 1;
		}
		return 0;
	}
	int numbers = n == 8;
	for (int i = 0; i < n && numbers; i++)
		numbers = atoi(f[i].text) == i + 1 && strspn(f[i].text, "0123456789 ") == strlen(f[i].text);
	if (numbers)
		return 0;
	int rest_blank = 1;
	for (int i = 1; i < n; i++)
		rest_blank &= blank(f[i].text);
	for (int s = 0; s < 2 && rest_blank; s++)
		for (int l = 0; l < 2; l++)
			if (same_words(f[0].text, regcsv_section_title(lang_name(l), section_name(s)))) {
				x->section = s;
				return 0;
			}
	if (n != 8) {
		snprintf(x->err, x->errlen,
		         _("%s:%ld:%d: the row has %d columns; the register form has 8"),
		         x->path, line, n < 8 ? n + 1 : 9, n);
		return 1;
	}
	if (x->section < 0) {
		snprintf(x->err, x->errlen,
		         _("%s:%ld:1: a row before any section title; put it under \"%s\" or \"%s\""),
		         x->path, line, regcsv_section_title(lang_name(x->lang), section_name(0)), regcsv_section_title(lang_name(x->lang), section_name(1)));
		return 1;
	}
	sqlite3_stmt *q = x->ins;
	sqlite3_reset(q);
	sqlite3_bind_int(q, 1, x->index);
	sqlite3_bind_int64(q, 2, line);
	sqlite3_bind_int(q, 3, x->section);
	for (int i = 1; i < 8; i++) {
		/* The apostrophe export put before a formula-like cell. */
		const char *v = f[i].text;
		char *t = strdup(v[0] == '\'' && regcsv_formula_like(v + 1) ? v + 1 : v);
		if (!t) {
			snprintf(x->err, x->errlen, "%s", _("out of memory"));
			return 1;
		}
		text_trim(t);
		sqlite3_bind_text(q, 3 + i, t, -1, free);
	}
	if (db_step(x->db, q) != SQLITE_DONE) {
		snprintf(x->err, x->errlen, _("The database refused the change: %s"), db_errmsg(x->db));
		return 1;
	}
	x->n++;
	return 0;
}

/* A data row, checked against the reference data. */
struct prow {
	struct ifile *file;
	int64_t id;
	long line;
	int section;
	char *f[8];                /* f[0] unused: the row number is renumbered */
	char code[16], level[8], profile[4];
	int validity;
	int64_t body;
	char *name_kk, *name_ru;   /* the classifier's */
};

static void prow_free(struct prow *p)
{
	for (int i = 0; i < 8; i++)
		free(p->f[i]);
	free(p->name_kk);
	free(p->name_ru);
	memset(p, 0, sizeof *p);
}

static char *col_dup(sqlite3_stmt *st, int col)
{
	return strdup(db_col_text(st, col));
}

/* Columns 0..10 of st: id, file, line, section, f1..f7 of regcsv_row; when
 * checked, 11..15: validity, body, profile, name_kk, name_ru of regcsv_chk. */
static int prow_load(struct prow *p, sqlite3_stmt *st, struct ifile *files, int checked)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->file = &files[sqlite3_column_int(st, 1)];
	p->line = (long)sqlite3_column_int64(st, 2);
	p->section = sqlite3_column_int(st, 3);
	int ok = 1;
	for (int i = 1; i < 8; i++)
		ok &= (p->f[i] = col_dup(st, 3 + i)) != NULL;
	if (checked) {
		snprintf(p->code, sizeof p->code, "%s", p->f[2]);
		snprintf(p->level, sizeof p->level, "%s", p->f[4]);
		p->validity = sqlite3_column_int(st, 11);
		p->body = sqlite3_column_int64(st, 12);
		snprintf(p->profile, sizeof p->profile, "%s", db_col_text(st, 13));
		ok &= (p->name_kk = col_dup(st, 14)) != NULL;
		ok &= (p->name_ru = col_dup(st, 15)) != NULL;
	}
	return ok ? 0 : -1;
}

struct body_name {
	int64_t id;
	char *fold[2][3];    /* [lang][full, short, full without the country] */
	char *name[2][2];    /* the same as stored: what most files carry */
};

struct lookup {
	tz_db *db;
	sqlite3_stmt *nkz, *level;
	struct body_name *bodies;
	int nbodies;
	regcsv_warn_fn *warn;
	void *wctx;
	const struct regcsv_opts *o;
	long total;
	int cancelled;
};

/* A full name without the country's name in it, normalised, or NULL when
 * it has none: a clerk writes "Министерство здравоохранения", as the short
 * names were before they became abbreviations. */
static char *no_country(const char *name)
{
	static const char *const country[] = {"Қазақстан Республикасының", "Республики Казахстан"};
	for (size_t i = 0; i < sizeof country / sizeof *country; i++) {
		const char *at = strstr(name, country[i]);
		if (!at)
			continue;
		size_t n = strlen(name), cut = strlen(country[i]);
		char *rest = malloc(n - cut + 1);
		if (!rest)
			return NULL;
		memcpy(rest, name, (size_t)(at - name));
		strcpy(rest + (at - name), at + cut);
		char *f = norm(rest);
		free(rest);
		return f;
	}
	return NULL;
}

static int load_bodies(struct lookup *lk)
{
	sqlite3_stmt *st = db_prep(lk->db, "SELECT id, name_kk, short_kk, name_ru, short_ru FROM body");
	if (!st)
		return -1;
	while (db_step(lk->db, st) == SQLITE_ROW) {
		struct body_name *nb = realloc(lk->bodies, (size_t)(lk->nbodies + 1) * sizeof *nb);
		if (!nb)
			break;
		lk->bodies = nb;
		struct body_name *b = &lk->bodies[lk->nbodies++];
		b->id = sqlite3_column_int64(st, 0);
		for (int i = 0; i < 4; i++) {
			b->fold[i / 2][i % 2] = norm(db_col_text(st, i + 1));
			b->name[i / 2][i % 2] = strdup(db_col_text(st, i + 1));
		}
		for (int l = 0; l < 2; l++)
			b->fold[l][2] = no_country(db_col_text(st, 1 + 2 * l));
	}
	sqlite3_finalize(st);
	return 0;
}

static int bad(struct prow *p, int col, char *err, size_t errlen, const char *fmt, const char *arg)
{
	char what[TZ_PROBLEM_MSG + 512];
	snprintf(what, sizeof what, fmt, arg);
	snprintf(err, errlen, "%s:%ld:%d: %s", p->file->path, p->line, col, what);
	return -1;
}

static int check_row(struct lookup *lk, struct prow *p, char *err, size_t errlen)
{
	char **f = p->f;
	int l = p->file->lang;
	if (nkz_code_level(f[2]) != 6)
		return bad(p, 3, err, errlen,
		           _("\"%s\" is not an occupation code of the classifier (NNNN-N-NNN)"), f[2]);
	snprintf(p->code, sizeof p->code, "%s", f[2]);
	sqlite3_reset(lk->nkz);
	db_text(lk->nkz, ":c", p->code);
	if (db_step(lk->db, lk->nkz) != SQLITE_ROW)
		return bad(p, 3, err, errlen, _("the code %s is not in the classifier"), p->code);
	if (!sqlite3_column_int(lk->nkz, 2))
		return bad(p, 3, err, errlen, _("the code %s is retired in the classifier"), p->code);
	p->name_kk = strdup(db_col_text(lk->nkz, 0));
	p->name_ru = strdup(db_col_text(lk->nkz, 1));
	if (!p->name_kk || !p->name_ru)
		return bad(p, 3, err, errlen, "%s", _("out of memory"));
	if (blank(f[3]))
		return bad(p, 4, err, errlen, "%s",
		           _("the legal act, professional standard or qualification requirements are missing"));
	if (strlen(f[4]) >= sizeof p->level)
		return bad(p, 5, err, errlen, _("\"%s\" is not a level of the NRK or a sectoral framework"), f[4]);
	snprintf(p->level, sizeof p->level, "%s", f[4]);
	sqlite3_reset(lk->level);
	db_text(lk->level, ":l", p->level);
	if (db_step(lk->db, lk->level) != SQLITE_ROW)
		return bad(p, 5, err, errlen, _("\"%s\" is not a level of the NRK or a sectoral framework"), f[4]);
	p->validity = regcsv_parse_validity(f[5]);
	if (p->validity < 0) {
		char ex[64], none[64];
		regcsv_validity(lang_name(l), 5, ex, sizeof ex);
		regcsv_validity(lang_name(l), 0, none, sizeof none);
		char fmt[300];
		snprintf(fmt, sizeof fmt, _("\"%%s\" is not a validity: give years from 1 to 99 (as \"%s\") or \"%s\""),
		         ex, none);
		return bad(p, 6, err, errlen, fmt, f[5]);
	}
	/* The name as stored first: folding every row's twice was a tenth of
	 * the checking. */
	for (int i = 0; i < lk->nbodies && !p->body; i++)
		for (int k = 0; k < 2; k++)
			if (lk->bodies[i].name[l][k] && !strcmp(f[6], lk->bodies[i].name[l][k]))
				p->body = lk->bodies[i].id;
	char *nb = p->body ? NULL : norm(f[6]);
	for (int i = 0; nb && i < lk->nbodies && !p->body; i++)
		for (int k = 0; k < 3; k++)
			if (lk->bodies[i].fold[l][k] && !strcmp(nb, lk->bodies[i].fold[l][k]))
				p->body = lk->bodies[i].id;
	free(nb);
	if (!p->body)
		return bad(p, 7, err, errlen, _("no sectoral state body is called \"%s\""), f[6]);
	if (!strcmp(f[7], "т"))
		strcpy(p->profile, "t");
	else if (!strcmp(f[7], "әг") || !strcmp(f[7], "сг"))
		strcpy(p->profile, "sg");
	else if (same_words(f[7], "т"))
		strcpy(p->profile, "t");
	else if (same_words(f[7], "әг") || same_words(f[7], "сг"))
		strcpy(p->profile, "sg");
	else
		return bad(p, 8, err, errlen, l ? _("\"%s\" is not a profile: write т or сг")
		                                : _("\"%s\" is not a profile: write т or әг"), f[7]);
	return 0;
}

/* The row's content from one file's line into r; bases only in its language. */
static void apply(struct reg_row *r, const struct prow *p)
{
	snprintf(r->section, sizeof r->section, "%s", section_name(p->section));
	snprintf(r->nkz_code, sizeof r->nkz_code, "%s", p->code);
	snprintf(r->level, sizeof r->level, "%s", p->level);
	snprintf(r->profile, sizeof r->profile, "%s", p->profile);
	r->validity = p->validity;
	r->body_id = p->body;
	reg_row_set(p->file->lang ? &r->basis_ru : &r->basis_kk, p->f[3]);
}

static int differs(const struct reg_row *a, const struct reg_row *b)
{
	return strcmp(a->section, b->section) || strcmp(a->level, b->level) ||
	       strcmp(a->profile, b->profile) || a->validity != b->validity ||
	       a->body_id != b->body_id || strcmp(a->name_kk, b->name_kk) ||
	       strcmp(a->name_ru, b->name_ru) || strcmp(a->basis_kk, b->basis_kk) ||
	       strcmp(a->basis_ru, b->basis_ru);
}

static int problem_column(const char *field)
{
	static const struct { const char *field; int col; } cols[] = {
		{"section", 1}, {"name_kk", 2}, {"name_ru", 2}, {"nkz_code", 3}, {"basis_kk", 4},
		{"basis_ru", 4}, {"level", 5}, {"validity", 6}, {"body", 7}, {"profile", 8},
	};
	for (size_t i = 0; field && i < sizeof cols / sizeof *cols; i++)
		if (!strcmp(field, cols[i].field))
			return cols[i].col;
	return 1;
}

/* The classifier's name in lang, offered in ordinary case, into *dst. */
static void offer_name(char **dst, const char *lang, const char *classifier)
{
	char *o = namecase_offer(lang, classifier);
	reg_row_set(dst, o ? o : classifier);
	free(o);
}

/* Column 2 of p's line into r, which holds old's names when old is given:
 * see REGCSV_REPLACE_NAMES.  Returns 1 when the file's name differs from
 * the draft's. */
static int write_name(struct reg_row *r, const struct reg_row *old, const struct prow *p,
                      const struct regcsv_opts *o)
{
	int l = p->file->lang;
	char **dst = l ? &r->name_ru : &r->name_kk;
	const char *lang = lang_name(l);
	char *given = strdup(p->f[1]);
	if (!given)
		return 0;
	text_trim(given);
	int differs = 0;
	if (!old) {
		if (*given)
			reg_row_set(dst, given);
		else
			offer_name(dst, lang, l ? p->name_ru : p->name_kk);
	} else if (*given && !namecase_same(given, *dst)) {
		differs = 1;
		if (o->on_name)
			o->on_name(o->nctx, p->code, p->level, lang, *dst, given);
		if (o->flags & REGCSV_REPLACE_NAMES)
			reg_row_set(dst, given);
	}
	free(given);
	return differs;
}

/* Writes one (code, level): a, and b from the other file when it has one.
 * A new row is kept for reg_stage_flush when staged (a bulk load). */
static int write_key(tz_db *db, int64_t draft, struct prow *a, struct prow *b, int staged,
                     const struct regcsv_opts *o, struct regcsv_stats *st, char *err, size_t errlen)
{
	struct reg_row old = {0}, r = {0};
	sqlite3_stmt *q = db_cached(db, "SELECT id FROM reg_row WHERE version_id = :v AND nkz_code = :c "
	                                "AND level = :l");
	db_int(q, ":v", draft);
	db_text(q, ":c", a->code);
	db_text(q, ":l", a->level);
	int64_t id = db_step(db, q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (id && reg_row_load(db, id, &old) == 0) {
		reg_row_copy(&r, &old);
	} else {
		id = 0;
		r.version_id = draft;
		offer_name(&r.name_kk, "kk", a->name_kk);
		offer_name(&r.name_ru, "ru", a->name_ru);
	}
	apply(&r, a);
	if (b)
		apply(&r, b);
	int names = write_name(&r, id ? &old : NULL, a, o);
	if (b)
		names |= write_name(&r, id ? &old : NULL, b, o);
	if (names && (o->flags & REGCSV_REPLACE_NAMES))
		st->names_replaced++;
	else if (names)
		st->names_kept++;
	if (!r.basis_kk || !r.basis_ru) {
		reg_row_free(&r);
		return bad(a, 4, err, errlen, "%s",
		           a->file->lang ? _("column 4 has no Kazakh text: import the Kazakh file together "
		                             "with the Russian one")
		                         : _("column 4 has no Russian text: import the Russian file together "
		                             "with the Kazakh one"));
	}
	/* Only the count starts cleared: zeroing room for 24 messages on
	 * every row was 3% of an import. */
	struct problems pr;
	pr.n = 0;
	int status = REG_OK;
	if (!id)
		status = staged ? reg_stage(db, &r, &pr) : reg_add(db, &r, &pr);
	else if (differs(&r, &old))
		status = reg_change(db, &r, &pr);
	else
		st->unchanged++;
	if (status == REG_OK && id && differs(&r, &old))
		st->changed++;
	else if (status == REG_OK && !id)
		st->added++;
	reg_row_free(&old);
	reg_row_free(&r);
	if (status == REG_OK)
		return 0;
	const char *field = pr.n ? pr.item[0].field : NULL;
	/* A problem with one language's text is on that language's line. */
	struct prow *at = a;
	size_t fl = field ? strlen(field) : 0;
	if (b && fl > 3 && !strcmp(field + fl - 3, b->file->lang ? "_ru" : "_kk"))
		at = b;
	char why[700];
	return bad(at, problem_column(field), err, errlen, "%s",
	           pr.n ? pr.item[0].msg : reg_status_why(at->file->db, status, why, sizeof why));
}

int regcsv_import(tz_db *db, const char *const *paths, int npaths, const char *encoding,
                  regcsv_warn_fn *warn, void *wctx, struct regcsv_stats *st,
                  char *err, size_t errlen)
{
	return regcsv_import_from(db, paths, npaths, encoding, NULL, warn, wctx, st, err, errlen);
}

#define ROW_COLS "r.id, r.file, r.line, r.section, r.f1, r.f2, r.f3, r.f4, r.f5, r.f6, r.f7"
#define CHK_COLS "c.validity, c.body, c.profile, c.name_kk, c.name_ru"

static int refused(tz_db *db, const char *fmt, char *err, size_t errlen)
{
	snprintf(err, errlen, fmt, db_errmsg(db));
	return -1;
}

/* Every row against the reference data, in the files' order, so that the
 * first bad line is the one named. */
static int check_all(struct lookup *lk, struct ifile *files, char *err, size_t errlen)
{
	tz_db *db = lk->db;
	sqlite3_stmt *st = db_prep(db, "SELECT " ROW_COLS " FROM regcsv_row r ORDER BY r.id");
	sqlite3_stmt *ins = db_prep(db, "INSERT INTO regcsv_chk VALUES (?, ?, ?, ?, ?, ?)");
	int rc = st && ins ? 0 : refused(db, _("The database refused the query: %s"), err, errlen);
	int s = SQLITE_DONE;
	long done = 0;
	while (!rc && (s = db_step(db, st)) == SQLITE_ROW) {
		if (tick(lk->o, REGCSV_CHECKING, done++, lk->total)) {
			lk->cancelled = 1;
			snprintf(err, errlen, "%s", _("The import was cancelled; nothing was written."));
			rc = -1;
			break;
		}
		struct prow p;
		if (prow_load(&p, st, files, 0)) {
			snprintf(err, errlen, "%s", _("out of memory"));
			rc = -1;
		} else if (!(rc = check_row(lk, &p, err, errlen))) {
			sqlite3_bind_int64(ins, 1, p.id);
			sqlite3_bind_int(ins, 2, p.validity);
			sqlite3_bind_int64(ins, 3, p.body);
			sqlite3_bind_text(ins, 4, p.profile, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 5, p.name_kk, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 6, p.name_ru, -1, SQLITE_TRANSIENT);
			if (db_step(db, ins) != SQLITE_DONE)
				rc = refused(db, _("The database refused the change: %s"), err, errlen);
			sqlite3_reset(ins);
		}
		prow_free(&p);
	}
	if (!rc && s != SQLITE_DONE)
		rc = refused(db, _("The database refused the query: %s"), err, errlen);
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	return rc;
}

/* Each (code, level) once per file; a Kazakh and a Russian line of one row
 * must agree on everything but the text.  The rows come sorted by key, then
 * file and line, so a key's lines are neighbours. */
static int pair_all(tz_db *db, struct ifile *files, char *err, size_t errlen)
{
	sqlite3_stmt *st = db_prep(db, "SELECT " ROW_COLS ", " CHK_COLS " FROM regcsv_row r "
	                               "JOIN regcsv_chk c ON c.id = r.id ORDER BY r.f2, r.f4, r.file, r.line");
	sqlite3_stmt *ins = db_prep(db, "INSERT INTO regcsv_pair VALUES (?1, ?2), (?2, ?1)");
	int rc = st && ins ? 0 : refused(db, _("The database refused the query: %s"), err, errlen);
	int s = SQLITE_DONE, have = 0;
	struct prow a = {0}, b;
	while (!rc && (s = db_step(db, st)) == SQLITE_ROW) {
		if (prow_load(&b, st, files, 1)) {
			prow_free(&b);
			snprintf(err, errlen, "%s", _("out of memory"));
			rc = -1;
			break;
		}
		if (have && !strcmp(a.code, b.code) && !strcmp(a.level, b.level)) {
			char at[32], fmt[300];
			snprintf(at, sizeof at, "%ld", a.line);
			if (a.file == b.file) {
				snprintf(fmt, sizeof fmt, _("%s at level %s is already on line %%s"), b.code, b.level);
				rc = bad(&b, 3, err, errlen, fmt, at);
			} else {
				snprintf(fmt, sizeof fmt,
				         _("this differs from line %%s of %s, the same row in the other language"),
				         a.file->path);
				int col = a.section != b.section ? 1 : a.validity != b.validity ? 6
				        : a.body != b.body ? 7 : strcmp(a.profile, b.profile) ? 8 : 0;
				if (col)
					rc = bad(&b, col, err, errlen, fmt, at);
			}
			if (!rc) {
				sqlite3_bind_int64(ins, 1, a.id);
				sqlite3_bind_int64(ins, 2, b.id);
				if (db_step(db, ins) != SQLITE_DONE)
					rc = refused(db, _("The database refused the change: %s"), err, errlen);
				sqlite3_reset(ins);
			}
		}
		prow_free(&a);
		a = b;
		have = 1;
	}
	prow_free(&a);
	if (!rc && s != SQLITE_DONE)
		rc = refused(db, _("The database refused the query: %s"), err, errlen);
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	return rc;
}

/* The rows into the draft in the files' order, so that the first bad line is
 * the one named; a row and its other language's line are written together,
 * at the first of them.  Called inside the import's transaction. */
static int write_all(tz_db *db, int64_t draft, struct ifile *files, int staged,
                     const struct regcsv_opts *o, long total, int *cancelled,
                     struct regcsv_stats *stats, char *err, size_t errlen)
{
	long done = 0;
	sqlite3_stmt *st = db_prep(db, "SELECT " ROW_COLS ", " CHK_COLS ", p.y FROM regcsv_row r "
	                               "JOIN regcsv_chk c ON c.id = r.id "
	                               "LEFT JOIN regcsv_pair p ON p.x = r.id ORDER BY r.id");
	sqlite3_stmt *one = db_prep(db, "SELECT " ROW_COLS ", " CHK_COLS " FROM regcsv_row r "
	                                "JOIN regcsv_chk c ON c.id = r.id WHERE r.id = ?");
	int rc = st && one ? 0 : refused(db, _("The database refused the query: %s"), err, errlen);
	int s = SQLITE_DONE;
	while (!rc && (s = db_step(db, st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), other = sqlite3_column_int64(st, 16);
		if (tick(o, REGCSV_WRITING, done++, total)) {
			*cancelled = 1;
			snprintf(err, errlen, "%s", _("The import was cancelled; nothing was written."));
			rc = -1;
			break;
		}
		if (other && other < id)
			continue;
		struct prow a, b = {0};
		int ok = prow_load(&a, st, files, 1) == 0;
		if (ok && other) {
			sqlite3_bind_int64(one, 1, other);
			ok = db_step(db, one) == SQLITE_ROW && prow_load(&b, one, files, 1) == 0;
			sqlite3_reset(one);
		}
		if (!ok) {
			snprintf(err, errlen, "%s", _("out of memory"));
			rc = -1;
		} else {
			rc = write_key(db, draft, &a, other ? &b : NULL, staged, o, stats, err, errlen);
		}
		prow_free(&a);
		prow_free(&b);
	}
	if (!rc && s != SQLITE_DONE)
		rc = refused(db, _("The database refused the query: %s"), err, errlen);
	sqlite3_finalize(st);
	sqlite3_finalize(one);
	return rc;
}

int regcsv_import_from(tz_db *db, const char *const *paths, int npaths, const char *encoding,
                       const char *sheet, regcsv_warn_fn *warn, void *wctx,
                       struct regcsv_stats *st, char *err, size_t errlen)
{
	struct regcsv_opts o = {.encoding = encoding, .sheet = sheet, .warn = warn, .wctx = wctx};
	return regcsv_import_opts(db, paths, npaths, &o, st, err, errlen);
}

int regcsv_import_opts(tz_db *db, const char *const *paths, int npaths, const struct regcsv_opts *o,
                       struct regcsv_stats *st, char *err, size_t errlen)
{
	const char *encoding = o->encoding ? o->encoding : "auto", *sheet = o->sheet;
	memset(st, 0, sizeof *st);
	int64_t draft = reg_draft(db);
	if (!draft) {
		snprintf(err, errlen, "%s", _("no draft register: start one first"));
		return -1;
	}
	if (npaths < 1 || npaths > 2) {
		snprintf(err, errlen, "%s", _("give one file, or a Kazakh and a Russian file"));
		return -1;
	}
	struct ifile files[2] = {{0}};
	struct lookup lk = {.db = db, .warn = o->warn, .wctx = o->wctx, .o = o};
	int rc = -1, staging = 0, cancelled = 0;
	/* A few pages of the staged rows in memory; the rest go to disk. */
	if (db_exec(db, "PRAGMA temp.cache_size = -1024") || db_exec(db, stage_sql) ||
	    db_exec(db, "SAVEPOINT regcsv_stage")) {
		refused(db, _("The database refused the change: %s"), err, errlen);
		goto out;
	}
	staging = 1;
	sqlite3_stmt *ins = db_prep(db, "INSERT INTO regcsv_row (file, line, section, f1, f2, f3, f4, f5, "
	                                "f6, f7) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!ins) {
		refused(db, _("The database refused the query: %s"), err, errlen);
		goto out;
	}
	for (int nf = 0; nf < npaths; nf++) {
		struct ifile *x = &files[nf];
		x->path = paths[nf];
		x->index = nf;
		x->lang = x->section = -1;
		x->db = db;
		x->ins = ins;
		x->err = err;
		x->errlen = errlen;
		x->o = o;
		x->base = nf ? files[0].n : 0;
		int r = xlsxin_read_any(x->path, encoding, sheet, on_record, x, &st->encoding[nf], err,
		                        errlen);
		if (!r && x->lang < 0) {
			snprintf(err, errlen, _("%s: the file is empty: no heading row of the register form"),
			         x->path);
			r = -1;
		}
		if (r) {
			cancelled = x->cancelled;
			sqlite3_finalize(ins);
			goto out;
		}
		st->lang[nf] = x->lang ? "ru" : "kk";
	}
	sqlite3_finalize(ins);
	if (npaths == 2 && files[0].lang == files[1].lang) {
		snprintf(err, errlen, _("%s: both files are in the same language; give one Kazakh and one "
		                        "Russian file"), files[1].path);
		goto out;
	}
	long nrows = files[0].n + files[1].n;
	lk.nkz = db_prep(db, "SELECT name_kk, name_ru, active FROM nkz WHERE code = :c");
	lk.level = db_prep(db, "SELECT 1 FROM nrk_level WHERE code = :l");
	if (!lk.nkz || !lk.level || load_bodies(&lk)) {
		refused(db, _("The database refused the query: %s"), err, errlen);
		goto out;
	}
	lk.total = nrows;
	if (check_all(&lk, files, err, errlen) || pair_all(db, files, err, errlen)) {
		cancelled = lk.cancelled;
		goto out;
	}
	/* The lookups' last rows hold a read snapshot; with it open the write lock
	 * is refused at once instead of waited for. */
	sqlite3_reset(lk.nkz);
	sqlite3_reset(lk.level);
	staging = 0;
	if (db_exec(db, "RELEASE regcsv_stage")) {
		refused(db, _("The database refused the change: %s"), err, errlen);
		goto out;
	}
	/* A bulk load indexes its names for search once, at the end. */
	int bulk = nrows >= 1000;
	/* A small cache for the load, not the bulk one: the rows go in at the
	 * ends of their tables and indexes (the name indexes are set aside),
	 * and the sorts that number them and build the indexes take a cache's
	 * worth of memory each.  16 MB made the import of 100,000 rows peak at
	 * 53 MB; 1 MB, at 22 MB in the same time. */
	if (db_begin(db) || (bulk && (search_defer_index(db) || db_exec(db, "PRAGMA cache_size = -1024")))) {
		if (db_depth(db))
			db_rollback(db);
		refused(db, _("The database refused the change: %s"), err, errlen);
		goto out;
	}
	/* Worth it when the import brings a good part of all the rows there are
	 * (nrows counts both languages' lines). */
	char *remake = NULL;
	if (bulk && nrows >= db_int_query(db, "SELECT count(*) FROM reg_row", 0)) {
		int failed = 0;
		/* The name indexes (the list's order and search); the others
		 * serve the import's own lookups. */
		remake = db_indexes_aside(db, "reg_row", "reg_row_sort_*", "reg_row_fold_*", &failed);
		if (failed) {
			refused(db, _("The database refused the change: %s"), err, errlen);
			db_rollback(db);
			goto out;
		}
	}
	if (errlen)
		*err = 0;
	if ((bulk && reg_stage_begin(db)) ||
	    write_all(db, draft, files, bulk, o, nrows, &cancelled, st, err, errlen) ||
	    (bulk && reg_stage_flush(db))) {
		if (!*err)
			refused(db, _("The database refused the change: %s"), err, errlen);
		free(remake);
		db_rollback(db);
		st->added = st->changed = st->unchanged = 0;
		st->names_kept = st->names_replaced = 0;
		goto out;
	}
	if (o->flags & REGCSV_DRY_RUN) {
		free(remake);
		db_rollback(db);
		rc = 0;
		goto out;
	}
	int remade = remake && !db_exec(db, remake);
	if (remake && !remade) {
		free(remake);
		refused(db, _("The database refused the change: %s"), err, errlen);
		db_rollback(db);
		st->added = st->changed = st->unchanged = 0;
		goto out;
	}
	free(remake);
	/* The rows added take their official numbers with the import, not at
	 * the next look at the register (regorder.h). */
	if ((bulk && search_reindex(db, SEARCH_REG)) || regorder_settle(db, draft) ||
	    db_commit(db)) {
		if (db_depth(db))
			db_rollback(db);
		refused(db, _("The database refused the change: %s"), err, errlen);
		st->added = st->changed = st->unchanged = 0;
		goto out;
	}
	/* Without statistics the planner takes (version, section) for a handful
	 * of rows and walks them all to test a search; after a bulk load it
	 * learns better (a search keystroke on 100,000 rows: 60 ms to a few). */
	if ((remade || st->added + st->changed >= 500) && !db_depth(db))
		db_exec(db, "ANALYZE reg_row");
	rc = 0;
out:
	sqlite3_finalize(lk.nkz);
	sqlite3_finalize(lk.level);
	for (int i = 0; i < lk.nbodies; i++)
		for (int k = 0; k < 6; k++) {
			free(lk.bodies[i].fold[k / 3][k % 3]);
			if (k < 4)
				free(lk.bodies[i].name[k / 2][k % 2]);
		}
	free(lk.bodies);
	if (staging)
		db_exec(db, "RELEASE regcsv_stage");
	reg_stage_end(db);
	db_exec(db, unstage_sql);
	return cancelled ? REGCSV_CANCELLED : rc;
}
