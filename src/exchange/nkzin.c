/* The classifier's files read into the database: CSV or a workbook, columns
 * found by their headings, every code checked; all or nothing, or, when the
 * clerk asks, the valid rows with the others written to a file beside. */
#include "exchange/nkzin.h"
#include "exchange/nkzwrite.h"
#include "exchange/rejects.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/auth.h"
#include "exchange/csvin.h"
#include "base/i18n.h"
#include "base/debuglog.h"
#include "domain/search.h"
#include "base/text.h"
#include "exchange/xlsxin.h"
#include "base/safefile.h"

enum col { C_CODE, C_NAME_RU, C_NAME_KK, C_PARENT, C_LEVEL, C_ACTIVE, C_N };

/* Header names as the ministries' files spell them; compared case-folded and
 * trimmed, so only lower case is listed. */
static const struct { enum col col; const char *name; } aliases[] = {
	{C_CODE, "code"}, {C_CODE, "nkz_code"}, {C_CODE, "nkz code"}, {C_CODE, "код"},
	{C_CODE, "коды"}, {C_CODE, "код нкз"}, {C_CODE, "код по нкз"}, {C_CODE, "ұкс коды"},
	{C_CODE, "ұкс бойынша коды"},
	{C_NAME_RU, "name_ru"}, {C_NAME_RU, "name (ru)"}, {C_NAME_RU, "name ru"},
	{C_NAME_RU, "наименование"}, {C_NAME_RU, "наименование на русском"},
	{C_NAME_RU, "наименование на русском языке"}, {C_NAME_RU, "наименование (рус)"},
	{C_NAME_RU, "атауы (орысша)"}, {C_NAME_RU, "атауы орысша"},
	{C_NAME_RU, "атауы (орыс тілінде)"},
	{C_NAME_KK, "name_kz"}, {C_NAME_KK, "name_kk"}, {C_NAME_KK, "name (kk)"},
	{C_NAME_KK, "name (kz)"}, {C_NAME_KK, "name kk"}, {C_NAME_KK, "name kz"},
	{C_NAME_KK, "наименование на казахском"}, {C_NAME_KK, "наименование на казахском языке"},
	{C_NAME_KK, "наименование (каз)"}, {C_NAME_KK, "атауы"}, {C_NAME_KK, "атауы (қазақша)"},
	{C_NAME_KK, "атауы қазақша"}, {C_NAME_KK, "атауы (қазақ тілінде)"},
	{C_PARENT, "parent"}, {C_PARENT, "parent_code"}, {C_PARENT, "parent code"},
	{C_PARENT, "родитель"}, {C_PARENT, "код родителя"}, {C_PARENT, "родительский код"},
	{C_PARENT, "ата-ана коды"}, {C_PARENT, "ата-ана"},
	{C_LEVEL, "level"}, {C_LEVEL, "уровень"}, {C_LEVEL, "деңгей"}, {C_LEVEL, "деңгейі"},
	{C_ACTIVE, "active"}, {C_ACTIVE, "actual"}, {C_ACTIVE, "is_active"},
	{C_ACTIVE, "is_actual"}, {C_ACTIVE, "актуальность"}, {C_ACTIVE, "актуален"},
	{C_ACTIVE, "активный"}, {C_ACTIVE, "белсенді"}, {C_ACTIVE, "өзекті"},
};

/* One record as read or as staged; text points into the reader's or the
 * staging query's buffers, so it lives only while that row does. */
struct nrow {
	const char *code, *parent, *level, *name_kk, *name_ru, *flag;
	const char *fold_kk, *fold_ru;
	long line;
	long fline[C_N];   /* where each field started, for messages */
	int fcol[C_N];
	int lv;
	int active;
};

#define MAX_PROBLEMS 20

/* The file's records are staged in a TEMP table of the connection, not held
 * in memory: SQLite keeps a few pages and spills the rest to a temporary
 * file, so a classifier of any size is read in the same memory.  An index
 * on (active, code), built once the file is read, serves the duplicate and
 * parent checks; up is the parent the write stores, and pos where each
 * field starts, for messages. */
static const char stage_sql[] =
	"DROP TABLE IF EXISTS temp.nkz_stage;"
	"CREATE TEMP TABLE nkz_stage (id INTEGER PRIMARY KEY, line INT, active INT, lv INT,"
	" code TEXT, name_ru TEXT, name_kk TEXT, parent TEXT, level TEXT, flag TEXT,"
	" fold_ru TEXT, fold_kk TEXT,"
	" pos BLOB, l0 INT, c0 INT, up TEXT, bad INT NOT NULL DEFAULT 0);"
	"DROP TABLE IF EXISTS temp.nkz_problem;"
	"CREATE TEMP TABLE nkz_problem (id INTEGER PRIMARY KEY, sid INT, line INT, col INT,"
	" heading TEXT, value TEXT, why TEXT);"
	"DROP TABLE IF EXISTS temp.nkz_diff;"
	"CREATE TEMP TABLE nkz_diff (code TEXT, kind TEXT, old_kk TEXT, old_ru TEXT,"
	" new_kk TEXT, new_ru TEXT);";
static const char unstage_sql[] = "DROP TABLE IF EXISTS temp.nkz_stage;"
	"DROP TABLE IF EXISTS temp.nkz_problem; DROP TABLE IF EXISTS temp.nkz_diff;";
#define STAGE_COLS "line, active, lv, code, name_ru, name_kk, parent, level, flag, fold_ru, " \
	"fold_kk, pos, l0, c0, up"

struct imp {
	const char *path;
	const struct nkz_import_opts *o;
	int map[C_N];            /* field index of each column, -1 if absent */
	char *head[C_N];         /* the header as the file spells it */
	int header_done;
	tz_db *db;
	sqlite3_stmt *ins;       /* into the stage */
	sqlite3_stmt *pins;      /* into the problems */
	long n;                  /* records staged */
	long total;              /* rows the file is thought to hold, 0 unknown */
	struct nkz_import_stats *st;
	char *err;
	size_t errlen, errused;
	int nerr;                /* problems found */
	int nfile;               /* of those, the file's own (not a row's) */
	int nomem;
	int dberr;
	int cancelled;
};

/* Asks the caller whether to go on: every few hundred rows read or
 * checked, every slice written. */
static int tick(struct imp *im, enum nkz_phase ph, long done, long total)
{
	if (!im->o->progress || im->cancelled)
		return im->cancelled;
	if (ph != NKZ_WRITING && done % 256 && done != total)
		return 0;
	if (im->o->progress(im->o->progress_ctx, ph, done, total))
		im->cancelled = 1;
	return im->cancelled;
}

/* The write's progress (nkzwrite.h): non-zero stops it. */
static int write_tick(void *ctx, long done, long total)
{
	return tick(ctx, NKZ_WRITING, done, total);
}

/* A problem of staged row sid (0: of the file), at line and col, in column
 * c (C_N: none) about value.  Kept in the problems' table, to be told in
 * the file's order once the file is checked. */
static void problem(struct imp *im, long sid, long line, int col, int c, const char *value,
                    const char *fmt, ...) TZ_PRINTF(7, 8);
static void problem(struct imp *im, long sid, long line, int col, int c, const char *value,
                    const char *fmt, ...)
{
	im->nerr++;
	if (!sid)
		im->nfile++;
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sqlite3_stmt *q = im->pins;
	if (!q)
		return;
	sqlite3_reset(q);
	sqlite3_bind_int64(q, 1, sid);
	sqlite3_bind_int64(q, 2, line);
	sqlite3_bind_int(q, 3, col);
	sqlite3_bind_text(q, 4, c >= 0 && c < C_N && im->head[c] ? im->head[c] : "", -1,
	                  SQLITE_STATIC);
	sqlite3_bind_text(q, 5, value ? value : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, msg, -1, SQLITE_STATIC);
	if (db_step(im->db, q) != SQLITE_DONE)
		im->dberr = 1;
	sqlite3_clear_bindings(q);
}

/* One problem into err, as "file:line:col: why": the first twenty. */
static void err_line(struct imp *im, const struct nkz_problem *p)
{
	if (im->st->problems > MAX_PROBLEMS || im->errused + 1 >= im->errlen)
		return;
	char *s = im->err + im->errused;
	size_t room = im->errlen - im->errused;
	int k = p->col > 0 ? snprintf(s, room, "%s%s:%ld:%d: %s", im->errused ? "\n" : "", p->file,
	                              p->line, p->col, p->why)
	                   : snprintf(s, room, "%s%s:%ld: %s", im->errused ? "\n" : "", p->file,
	                              p->line, p->why);
	im->errused += k > 0 && (size_t)k < room ? (size_t)k : room - 1;
}

/* Every problem found, in the file's order, to the caller and into err. */
static int tell_problems(struct imp *im)
{
	sqlite3_stmt *q = db_prep(im->db, "SELECT sid, line, col, heading, value, why"
	                                  " FROM nkz_problem ORDER BY line, col, id");
	if (!q)
		return -1;
	im->st->problems = 0;
	int step;
	while ((step = db_step(im->db, q)) == SQLITE_ROW) {
		struct nkz_problem p = {
			.file = im->path,
			.row = sqlite3_column_int64(q, 0) != 0,
			.line = (long)sqlite3_column_int64(q, 1),
			.col = sqlite3_column_int(q, 2),
			.column = db_col_text(q, 3),
			.value = db_col_text(q, 4),
			.why = db_col_text(q, 5),
		};
		im->st->problems++;
		err_line(im, &p);
		if (im->o->on_problem)
			im->o->on_problem(im->o->problem_ctx, &p);
	}
	sqlite3_finalize(q);
	return step == SQLITE_DONE ? 0 : -1;
}

static int header(struct imp *im, const struct csv_field *f, int nf, long line)
{
	for (int c = 0; c < C_N; c++)
		im->map[c] = -1;
	for (int i = 0; i < nf; i++) {
		char *h = strdup(f[i].text);
		char *fh = h ? text_fold(text_trim(h)) : NULL;
		for (size_t a = 0; fh && a < sizeof aliases / sizeof *aliases; a++) {
			if (strcmp(fh, aliases[a].name))
				continue;
			enum col c = aliases[a].col;
			if (im->map[c] >= 0)
				problem(im, 0, line, f[i].column, C_N, h,
				        _("column \"%s\" means the same as column %d \"%s\"; keep one of them"),
				        h, im->map[c] + 1, im->head[c]);
			else {
				im->map[c] = i;
				im->head[c] = h;
				h = NULL;
			}
			break;
		}
		free(fh);
		free(h);
	}
	static const char *const need[] = {
		[C_CODE] = N_("no column for the classifier code (a header such as code, код or коды)"),
		[C_NAME_RU] = N_("no column for the Russian name (a header such as name_ru, "
		                 "наименование or атауы (орысша))"),
		[C_NAME_KK] = N_("no column for the Kazakh name (a header such as name_kz, "
		                 "наименование на казахском or атауы)"),
	};
	/* Spreadsheets in Russian locales save with ';' between fields. */
	if (nf == 1 && strchr(f[0].text, ';')) {
		problem(im, 0, line, 0, C_N, NULL, _("the header is one column holding \";\": save the "
		                                     "file as CSV with commas between fields"));
		im->header_done = 1;
		return 1;
	}
	for (int c = C_CODE; c <= C_NAME_KK; c++)
		if (im->map[c] < 0)
			problem(im, 0, line, 0, C_N, NULL, "%s", _(need[c]));
	im->header_done = 1;
	return im->nerr ? 1 : 0;
}

/* A trimmed copy of column c of the record, "" when the record is short;
 * the caller frees it. */
static char *take(struct imp *im, struct nrow *r, const struct csv_field *f, int nf, long line,
                  enum col c)
{
	int i = im->map[c];
	r->fline[c] = i >= 0 && i < nf ? f[i].line : line;
	r->fcol[c] = i >= 0 && i < nf ? f[i].column : i + 1;
	if (i < 0)
		return NULL;
	char *s = strdup(i < nf ? f[i].text : "");
	if (!s)
		im->nomem = 1;
	return s ? text_trim(s) : NULL;
}

/* 1 active, 0 retired, -1 unreadable.  An empty flag counts as active. */
static int flag_value(const char *s)
{
	static const char *const yes[] = {"", "1", "true", "yes", "y", "t", "+", "да", "д", "иә", "и"};
	static const char *const no[] = {"0", "false", "no", "n", "f", "-", "нет", "н", "жоқ", "ж"};
	char *f = text_fold(s);
	int v = -1;
	for (size_t i = 0; f && v < 0 && i < sizeof yes / sizeof *yes; i++)
		if (!strcmp(f, yes[i]))
			v = 1;
	for (size_t i = 0; f && v < 0 && i < sizeof no / sizeof *no; i++)
		if (!strcmp(f, no[i]))
			v = 0;
	free(f);
	return v;
}

/* Binds r to the stage's INSERT (parameters in STAGE_COLS order). */
static void bind_row(sqlite3_stmt *q, const struct nrow *r)
{
	const char *text[] = {r->code, r->name_ru, r->name_kk, r->parent, r->level, r->flag,
	                      r->fold_ru, r->fold_kk};
	sqlite3_bind_int64(q, 1, r->line);
	sqlite3_bind_int(q, 2, r->active);
	sqlite3_bind_int(q, 3, r->lv);
	for (int i = 0; i < 8; i++)
		if (text[i])
			sqlite3_bind_text(q, 4 + i, text[i], -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(q, 4 + i);
	/* Where each field starts, as one blob: only messages read it back. */
	unsigned char pos[sizeof r->fline + sizeof r->fcol];
	memcpy(pos, r->fline, sizeof r->fline);
	memcpy(pos + sizeof r->fline, r->fcol, sizeof r->fcol);
	sqlite3_bind_blob(q, 12, pos, sizeof pos, SQLITE_TRANSIENT);
	/* The code's place again, for the duplicates' index to cover. */
	sqlite3_bind_int64(q, 13, r->fline[C_CODE]);
	sqlite3_bind_int(q, 14, r->fcol[C_CODE]);
	/* The group one level up, as the write stores it. */
	char up[16];
	if (r->lv && !nkz_parent(r->code, up, sizeof up))
		sqlite3_bind_text(q, 15, up, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(q, 15);
}

/* The staged row at the current step of q (columns: id, then STAGE_COLS). */
static void read_row(sqlite3_stmt *q, struct nrow *r, long *sid)
{
	const char **text[] = {&r->code, &r->name_ru, &r->name_kk, &r->parent, &r->level, &r->flag,
	                       &r->fold_ru, &r->fold_kk};
	*sid = (long)sqlite3_column_int64(q, 0);
	r->line = sqlite3_column_int64(q, 1);
	r->active = sqlite3_column_int(q, 2);
	r->lv = sqlite3_column_int(q, 3);
	for (int i = 0; i < 8; i++)
		*text[i] = (const char *)sqlite3_column_text(q, 4 + i);
	const unsigned char *pos = sqlite3_column_blob(q, 12);
	if (pos && (size_t)sqlite3_column_bytes(q, 12) == sizeof r->fline + sizeof r->fcol) {
		memcpy(r->fline, pos, sizeof r->fline);
		memcpy(r->fcol, pos + sizeof r->fline, sizeof r->fcol);
	} else {
		memset(r->fline, 0, sizeof r->fline);
		memset(r->fcol, 0, sizeof r->fcol);
	}
}

static int on_record(void *ctx, const struct csv_field *f, int nf, long line)
{
	struct imp *im = ctx;
	if (!im->header_done)
		return header(im, f, nf, line);
	int blank = 1;
	for (int i = 0; i < nf && blank; i++)
		for (const char *p = f[i].text; *p && blank; p++)
			blank = *p == ' ' || *p == '\t' || *p == '\r';
	if (blank)
		return 0;
	struct nrow r = {.line = line, .active = 1};
	char *code = take(im, &r, f, nf, line, C_CODE);
	char *name_ru = take(im, &r, f, nf, line, C_NAME_RU);
	char *name_kk = take(im, &r, f, nf, line, C_NAME_KK);
	char *parent = take(im, &r, f, nf, line, C_PARENT);
	char *level = take(im, &r, f, nf, line, C_LEVEL);
	char *flag = take(im, &r, f, nf, line, C_ACTIVE);
	im->st->read++;
	if (flag)
		r.active = flag_value(flag);
	if (r.active == 0)
		im->st->skipped_inactive++;
	/* Folded now, while the name is at hand; NULL (not valid text) is named
	 * by the checks, in their order. */
	char *fold_ru = r.active == 1 && name_ru && *name_ru ? text_fold(name_ru) : NULL;
	char *fold_kk = r.active == 1 && name_kk && *name_kk ? text_fold(name_kk) : NULL;
	r.code = code, r.name_ru = name_ru, r.name_kk = name_kk;
	r.parent = parent, r.level = level, r.flag = flag;
	r.fold_ru = fold_ru, r.fold_kk = fold_kk;
	r.lv = code ? nkz_code_level(code) : 0;
	if (!im->nomem) {
		/* Every row is staged, bad or not: the checks name each, and a
		 * row left out is written to the rejects with its fields. */
		sqlite3_reset(im->ins);
		bind_row(im->ins, &r);
		if (db_step(im->db, im->ins) != SQLITE_DONE)
			im->dberr = 1;
		sqlite3_clear_bindings(im->ins);
		im->n++;
		if (r.active < 0)
			problem(im, (long)sqlite3_last_insert_rowid(db_sqlite(im->db)), r.fline[C_ACTIVE],
			        r.fcol[C_ACTIVE], C_ACTIVE, flag,
			        _("\"%s\" in column \"%s\" is neither yes (1, true, да, иә) "
			          "nor no (0, false, нет, жоқ)"),
			        flag, im->head[C_ACTIVE]);
	}
	free(code), free(name_ru), free(name_kk), free(parent), free(level), free(flag);
	free(fold_ru), free(fold_kk);
	if (tick(im, NKZ_READING, im->n, im->total))
		return 1;
	return im->nomem || im->dberr;
}

static int stored(tz_db *db, const char *code)
{
	/* Kept prepared: a file of codes under groups already stored asks once a row. */
	sqlite3_stmt *q = db_cached(db, "SELECT 1 FROM nkz WHERE code = :code");
	db_text(q, ":code", code);
	int found = db_step(db, q) == SQLITE_ROW;
	sqlite3_reset(q);
	return found;
}

/* Whether the file holds code on an active row (the stage's index). */
static int staged(tz_db *db, sqlite3_stmt *q, const char *code)
{
	sqlite3_reset(q);
	sqlite3_bind_text(q, 1, code, -1, SQLITE_STATIC);
	int found = db_step(db, q) == SQLITE_ROW;
	sqlite3_reset(q);
	return found;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Why a code is not one, as precisely as its form tells: the mistakes the
 * ministries' own files make are named for what they are. */
static void check_code(struct imp *im, long sid, struct nrow *r)
{
	long l = r->fline[C_CODE];
	int c = r->fcol[C_CODE];
	const char *k = r->code;
	size_t n = strlen(k);
	if (!*k) {
		problem(im, sid, l, c, C_CODE, k, _("the classifier code is empty"));
		return;
	}
	if (r->lv)
		return;
	if (k[0] == 'X' || k[0] == 'x' || (strchr(k, 'X') || strchr(k, 'x')))
		problem(im, sid, l, c, C_CODE, k,
		        _("code \"%s\" has a Latin X; the classifier writes the Cyrillic Х"), k);
	else if (((k[0] >= 'A' && k[0] <= 'Z') || (k[0] >= 'a' && k[0] <= 'z')) &&
	         (n == 1 || (n == 5 && all_digits(k + 1, 4))))
		problem(im, sid, l, c, C_CODE, k,
		        _("code \"%s\" begins with the Latin letter %c where the classifier has the "
		          "Cyrillic Х"), k, k[0]);
	else if (!strncmp(k, "\xD0\xA5", 2) && n > 6 && all_digits(k + 2, 4))
		problem(im, sid, l, c, C_CODE, k,
		        _("\"%s\": the groups of major group Х have no subdivisions; their codes are "
		          "Х and ХNNNN"), k);
	else if (n == 8 && all_digits(k, 4) && k[4] == '-' && all_digits(k + 5, 3))
		problem(im, sid, l, c, C_CODE, k,
		        _("\"%s\" lacks the digit of the occupation group: an occupation's code is "
		          "NNNN-N-NNN"), k);
	else
		problem(im, sid, l, c, C_CODE, k,
		        _("\"%s\" is not a classifier code: expected N, NN, NNN, NNNN, "
		          "NNNN-N or NNNN-N-NNN (digits), or Х, ХNNNN"), k);
}

/* The last parent group found, per level: files list a group's codes
 * together, so most rows need no look-up. */
struct seen {
	char parent[7][16];
};

static void check_row(struct imp *im, tz_db *db, long sid, struct nrow *r, sqlite3_stmt *find,
                      struct seen *seen)
{
	check_code(im, sid, r);
	static const enum col names[] = {C_NAME_RU, C_NAME_KK};
	for (int i = 0; i < 2; i++) {
		enum col c = names[i];
		const char *v = c == C_NAME_RU ? r->name_ru : r->name_kk;
		if (!*v) {
			problem(im, sid, r->fline[c], r->fcol[c], c, v, c == C_NAME_RU
			        ? _("the Russian name (column \"%s\") is empty")
			        : _("the Kazakh name (column \"%s\") is empty"), im->head[c]);
			continue;
		}
		if (!(c == C_NAME_RU ? r->fold_ru : r->fold_kk)) {
			problem(im, sid, r->fline[c], r->fcol[c], c, v, _("the name is not valid text"));
			continue;
		}
		/* The reader let tab and line breaks through; a name is one line. */
		long bad = text_find_control(v, 0);
		if (bad >= 0) {
			char shown[16];
			text_escape_char(v + bad, shown);
			problem(im, sid, r->fline[c], r->fcol[c], c, v,
			        _("a name is one line of text: remove the line break or tab (%s)"), shown);
		}
	}
	if (!r->lv)
		return;
	if (r->level && *r->level) {
		char *end;
		long lv = strtol(r->level, &end, 10);
		if (*end || end == r->level || lv < 1 || lv > 6)
			problem(im, sid, r->fline[C_LEVEL], r->fcol[C_LEVEL], C_LEVEL, r->level,
			        _("level \"%s\" is not a number from 1 to 6"), r->level);
		else if (lv != r->lv)
			problem(im, sid, r->fline[C_LEVEL], r->fcol[C_LEVEL], C_LEVEL, r->level,
			        _("level %ld does not agree with code %s, which is a level %d code (%s)"),
			        lv, r->code, r->lv, nkz_level_name(r->lv));
	}
	char want[16] = "";
	int has_parent = nkz_parent(r->code, want, sizeof want) == 0;
	int pc = r->parent && *r->parent ? C_PARENT : C_CODE;
	const char *pv = pc == C_PARENT ? r->parent : r->code;
	if (r->parent && *r->parent && !has_parent) {
		problem(im, sid, r->fline[C_PARENT], r->fcol[C_PARENT], C_PARENT, r->parent,
		        _("parent \"%s\" given for %s, a major group, which has none"), r->parent, r->code);
		return;
	}
	if (r->parent && *r->parent && strcmp(r->parent, want)) {
		problem(im, sid, r->fline[C_PARENT], r->fcol[C_PARENT], C_PARENT, r->parent,
		        _("parent \"%s\" does not match code %s, whose group one level up is %s"),
		        r->parent, r->code, want);
		return;
	}
	if (!has_parent || !strcmp(seen->parent[r->lv], want))
		return;
	if (staged(db, find, want) || stored(db, want))
		memcpy(seen->parent[r->lv], want, sizeof want);
	else
		problem(im, sid, r->fline[pc], r->fcol[pc], pc, pv,
		        _("the parent group %s of code %s is neither in the file nor in the database"),
		        want, r->code);
}

/* A code under a group left out is left out too, down the levels: the
 * rows whose group the file holds only on rows with problems (and the
 * database not at all).  Rounds until none is left; each names the group. */
static int check_orphans(tz_db *db, struct imp *im)
{
	sqlite3_stmt *q = db_prep(db,
		"SELECT s.id, s.code, s.up, s.pos, s.parent,"
		" (SELECT min(p.line) FROM nkz_stage p WHERE p.active = 1 AND p.code = s.up)"
		" FROM nkz_stage s WHERE s.active = 1 AND s.bad = 0 AND s.up IS NOT NULL"
		"  AND EXISTS (SELECT 1 FROM nkz_stage p WHERE p.active = 1 AND p.code = s.up)"
		"  AND NOT EXISTS (SELECT 1 FROM nkz_stage p WHERE p.active = 1 AND p.code = s.up"
		"   AND p.bad = 0)"
		"  AND NOT EXISTS (SELECT 1 FROM nkz n WHERE n.code = s.up) ORDER BY s.id");
	if (!q)
		return -1;
	int rc = 0;
	for (int round = 0; !rc && round < 8; round++) {
		long before = im->nerr;
		int step;
		sqlite3_reset(q);
		while ((step = db_step(db, q)) == SQLITE_ROW) {
			struct nrow r;
			const unsigned char *pos = sqlite3_column_blob(q, 3);
			if (pos && (size_t)sqlite3_column_bytes(q, 3) == sizeof r.fline + sizeof r.fcol) {
				memcpy(r.fline, pos, sizeof r.fline);
				memcpy(r.fcol, pos + sizeof r.fline, sizeof r.fcol);
			} else {
				memset(r.fline, 0, sizeof r.fline);
				memset(r.fcol, 0, sizeof r.fcol);
			}
			int pc = sqlite3_column_type(q, 4) != SQLITE_NULL && *db_col_text(q, 4)
			         ? C_PARENT : C_CODE;
			const char *code = db_col_text(q, 1), *up = db_col_text(q, 2);
			problem(im, (long)sqlite3_column_int64(q, 0), r.fline[pc], r.fcol[pc], pc,
			        pc == C_PARENT ? up : code,
			        _("the parent group %s of code %s is left out for its own problems "
			          "(line %ld)"), up, code, (long)sqlite3_column_int64(q, 5));
		}
		if (step != SQLITE_DONE || im->dberr)
			rc = -1;
		if (!rc && db_exec(db, "UPDATE nkz_stage SET bad = 1 WHERE bad = 0 AND id IN"
		                       " (SELECT sid FROM nkz_problem)"))
			rc = -1;
		if (im->nerr == before)
			break;
	}
	sqlite3_finalize(q);
	return rc;
}

/* Every active row checked in file order, then the duplicates (each named
 * against the first), then the codes under groups left out. */
static int check_all(tz_db *db, struct imp *im)
{
	sqlite3_stmt *rows = db_prep(db, "SELECT id, " STAGE_COLS " FROM nkz_stage WHERE active = 1"
	                                 " ORDER BY id");
	sqlite3_stmt *find = db_prep(db, "SELECT 1 FROM nkz_stage WHERE active = 1 AND code = ?");
	int rc = rows && find ? 0 : -1, step = SQLITE_DONE;
	struct seen seen = {0};
	long done = 0;
	while (!rc && (step = db_step(db, rows)) == SQLITE_ROW) {
		struct nrow r;
		long sid;
		read_row(rows, &r, &sid);
		check_row(im, db, sid, &r, find, &seen);
		if (tick(im, NKZ_CHECKING, ++done, im->n))
			break;
	}
	if (!rc && !im->cancelled && step != SQLITE_DONE)
		rc = -1;
	sqlite3_finalize(rows);
	sqlite3_finalize(find);
	if (rc || im->cancelled)
		return rc;
	/* The codes given twice first, from the index alone: sorting every row
	 * for the window cost more than all the checks before it. */
	sqlite3_stmt *dup = db_prep(db, "SELECT code, l0, c0, lag(line) OVER (PARTITION BY code"
	                                " ORDER BY id), id FROM nkz_stage WHERE active = 1"
	                                " AND code IN (SELECT code FROM nkz_stage WHERE active = 1"
	                                " AND code <> '' GROUP BY code HAVING count(*) > 1)"
	                                " ORDER BY code, id");
	rc = dup ? 0 : -1;
	while (!rc && (step = db_step(db, dup)) == SQLITE_ROW)
		if (sqlite3_column_type(dup, 3) != SQLITE_NULL)
			problem(im, (long)sqlite3_column_int64(dup, 4), sqlite3_column_int64(dup, 1),
			        sqlite3_column_int(dup, 2), C_CODE, db_col_text(dup, 0),
			        _("code %s appears again; it is already on line %ld"),
			        db_col_text(dup, 0), (long)sqlite3_column_int64(dup, 3));
	if (!rc && step != SQLITE_DONE)
		rc = -1;
	sqlite3_finalize(dup);
	if (!rc && db_exec(db, "UPDATE nkz_stage SET bad = 1 WHERE id IN"
	                       " (SELECT sid FROM nkz_problem WHERE sid > 0)"))
		rc = -1;
	/* Without a row left out no code can lose its group. */
	if (!rc && !im->nfile && im->nerr)
		rc = check_orphans(db, im);
	return rc || im->dberr ? -1 : 0;
}

/* ---- the rejects file -------------------------------------------------- */

/* The rows left out, a line a problem, into a new temporary beside the
 * file; placed under its own name once the import is in (place_rejects). */
static int write_rejects(struct imp *im, struct safefile *sf)
{
	char first[1100];
	rejects_name(im->path, 1, first, sizeof first);
	if (userfile_create(sf, first, 0644))
		return -1;
	FILE *f = sf->fp;
	const char *head[] = {_("Row"), _("Column"), _("Value"), _("Reason"), _("Code"),
	                      _("Name in Russian"), _("Name in Kazakh")};
	for (int i = 0; i < 7; i++)
		rejects_put(f, head[i], i == 6);
	sqlite3_stmt *q = db_prep(im->db,
		"SELECT p.line, p.heading, p.value, p.why, s.code, s.name_ru, s.name_kk"
		" FROM nkz_problem p JOIN nkz_stage s ON s.id = p.sid ORDER BY p.line, p.col, p.id");
	int step = SQLITE_ERROR;
	while (q && (step = db_step(im->db, q)) == SQLITE_ROW) {
		char line[32];
		snprintf(line, sizeof line, "%lld", (long long)sqlite3_column_int64(q, 0));
		rejects_put(f, line, 0);
		for (int i = 1; i < 7; i++)
			rejects_put(f, db_col_text(q, i), i == 6);
	}
	sqlite3_finalize(q);
	if (step != SQLITE_DONE || fflush(f) || ferror(f) || fsync(fileno(f))) {
		int e = errno;
		userfile_abandon(sf);
		errno = step != SQLITE_DONE ? EIO : e;
		return -1;
	}
	return 0;
}

int nkz_import_csv(tz_db *db, const char *path, const char *encoding,
                   struct nkz_import_stats *st, char *err, size_t errlen)
{
	return nkz_import(db, path, encoding, NULL, st, err, errlen);
}

int nkz_import(tz_db *db, const char *path, const char *encoding, const char *sheet,
               struct nkz_import_stats *st, char *err, size_t errlen)
{
	struct nkz_import_opts o = {.encoding = encoding, .sheet = sheet};
	return nkz_import_with(db, path, &o, st, err, errlen);
}

static void db_failed(struct imp *im, tz_db *db)
{
	snprintf(im->err, im->errlen, _("%s: could not write the classifier to the database: %s"),
	         im->path, db_errmsg(db));
	tz_log("nkz import of %s: %s", im->path, db_errmsg(db));
	im->nerr = im->nfile = 1;
	im->errused = strlen(im->err);
}

/* Rows a CSV file holds, near enough for a progress bar: its lines.  A
 * workbook's are not known until it is read (0). */
static long count_lines(const char *path)
{
	if (xlsxin_is_xlsx(path))
		return 0;
	FILE *f = userfile_read(path, "rb");
	if (!f)
		return 0;
	char buf[65536];
	size_t n;
	long lines = 0;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + n - p))); p++)
			lines++;
	fclose(f);
	return lines > 0 ? lines - 1 : 0;
}

int nkz_import_with(tz_db *db, const char *path, const struct nkz_import_opts *o,
                    struct nkz_import_stats *st, char *err, size_t errlen)
{
	struct nkz_import_stats dummy;
	struct nkz_import_opts none = {0};
	if (!st)
		st = &dummy;
	if (!o)
		o = &none;
	memset(st, 0, sizeof *st);
	if (errlen)
		err[0] = 0;
	struct imp im = {.path = path, .o = o, .db = db, .st = st, .err = err, .errlen = errlen};
	struct safefile rej = {0};
	if (auth_edit_reference(db, err, errlen))
		return -1;
	int staging = 0;
	/* A few pages of the staged rows in memory; the rest go to disk.  The
	 * savepoint makes the staging one transaction of the temp database
	 * instead of one per row; it is released before the write takes its
	 * lock, since BEGIN IMMEDIATE cannot start inside it. */
	if (db_exec(db, "PRAGMA temp.cache_size = -1024") || db_exec(db, stage_sql) ||
	    db_exec(db, "SAVEPOINT nkz_stage")) {
		db_failed(&im, db);
		goto done;
	}
	staging = 1;
	im.ins = db_prep(db, "INSERT INTO nkz_stage (" STAGE_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?,"
	                     " ?, ?, ?, ?, ?, ?, ?, ?)");
	im.pins = db_prep(db, "INSERT INTO nkz_problem (sid, line, col, heading, value, why)"
	                      " VALUES (?, ?, ?, ?, ?, ?)");
	if (!im.ins || !im.pins) {
		db_failed(&im, db);
		goto done;
	}
	if (o->progress)
		im.total = count_lines(path);
	int rc = xlsxin_read_any(path, o->encoding ? o->encoding : "auto", o->sheet, on_record, &im,
	                         NULL, err, errlen);
	sqlite3_finalize(im.ins);
	im.ins = NULL;
	if (im.cancelled)
		goto done;
	if (im.dberr) {
		db_failed(&im, db);
		goto done;
	}
	if (rc < 0) {
		/* The reader's own message, already in err: the file cannot be
		 * read whole, so none of it is taken, whatever the rows said. */
		im.nerr = im.nfile = 1;
		im.errused = strlen(err);
		goto done;
	}
	if (im.nomem) {
		snprintf(err, errlen, "%s: %s", path, _("out of memory"));
		im.nerr = im.nfile = 1;
		im.errused = strlen(err);
		goto done;
	}
	if (!im.header_done)
		problem(&im, 0, 1, 0, C_N, NULL,
		        _("the file is empty: expected a header row and classifier codes"));
	/* Built once the rows are in: cheaper than keeping it up row by row.  It
	 * covers the duplicates' scan, which so never visits the rows. */
	if (!im.nfile &&
	    (db_exec(db, "CREATE INDEX temp.nkz_stage_code ON nkz_stage (active, code, line, l0, c0,"
	                 " bad)") || check_all(db, &im))) {
		db_failed(&im, db);
		goto done;
	}
	if (im.cancelled)
		goto done;
	if (tell_problems(&im)) {
		db_failed(&im, db);
		goto done;
	}
	if (im.nfile || (im.nerr && !o->skip_invalid))
		goto done;
	st->rejected = db_int_query(db, "SELECT count(*) FROM nkz_stage WHERE bad = 1", 0);
	if (st->rejected && write_rejects(&im, &rej)) {
		char shown[1100];
		rejects_name(path, 1, shown, sizeof shown);
		snprintf(err, errlen, _("%s: cannot write the rows left out to %s: %s"), path, shown,
		         strerror(errno));
		im.nerr = im.nfile = 1;
		goto done;
	}
	staging = 0;
	if (db_exec(db, "RELEASE nkz_stage")) {
		db_failed(&im, db);
		goto done;
	}
	struct nkz_write w = {.db = db, .path = path, .n = im.n, .st = st,
	                      .tick = o->progress ? write_tick : NULL, .ctx = &im};
	if (nkz_write(&w)) {
		if (!im.cancelled)
			db_failed(&im, db);
		goto done;
	}
	im.nerr = im.nfile = 0;
	im.errused = 0;
	if (errlen)
		err[0] = 0;
	if (rej.fp && rejects_place(&rej, path, st->rejects, sizeof st->rejects))
		snprintf(err, errlen, _("%s: the rows left out could not be written beside it: %s"),
		         path, strerror(errno));
done:
	if (rej.fp)
		userfile_abandon(&rej);
	sqlite3_finalize(im.pins);
	if (im.nerr > MAX_PROBLEMS && st->problems > MAX_PROBLEMS && im.errused + 1 < errlen)
		snprintf(err + im.errused, errlen - im.errused,
		         ngettext("\n... and %d more problem", "\n... and %d more problems",
		                  (unsigned long)(st->problems - MAX_PROBLEMS)),
		         (int)(st->problems - MAX_PROBLEMS));
	for (int c = 0; c < C_N; c++)
		free(im.head[c]);
	if (staging)
		db_exec(db, "RELEASE nkz_stage");
	db_exec(db, unstage_sql);
	if (im.cancelled || im.nerr) {
		memset(st->per_level, 0, sizeof st->per_level);
		st->imported = st->added = st->deactivated = st->renamed = 0;
		st->change_id = 0;
		if (im.cancelled) {
			snprintf(err, errlen, _("%s: the import was cancelled; nothing was written"), path);
			return NKZ_CANCELLED;
		}
		st->rejected = 0;
		return -1;
	}
	return 0;
}
