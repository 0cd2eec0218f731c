/* The classifier's files read into the database: CSV or a workbook, columns
 * found by their headings, every code checked, all or nothing. */
#include "exchange/nkzin.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/auth.h"
#include "exchange/csvin.h"
#include "base/i18n.h"
#include "base/debuglog.h"
#include "domain/search.h"
#include "base/text.h"
#include "exchange/xlsxin.h"

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
	" pos BLOB, l0 INT, c0 INT, up TEXT);";
static const char unstage_sql[] = "DROP TABLE IF EXISTS temp.nkz_stage;";
#define STAGE_COLS "line, active, lv, code, name_ru, name_kk, parent, level, flag, fold_ru, " \
	"fold_kk, pos, l0, c0, up"

struct imp {
	const char *path;
	int map[C_N];            /* field index of each column, -1 if absent */
	char *head[C_N];         /* the header as the file spells it */
	int header_done;
	tz_db *db;
	sqlite3_stmt *ins;       /* into the stage */
	long n;                  /* records staged */
	struct nkz_import_stats *st;
	char *err;
	size_t errlen, errused;
	int nerr;
	int nomem;
	int dberr;
};

static void problem(struct imp *im, long line, int col, const char *fmt, ...) TZ_PRINTF(4, 5);
static void problem(struct imp *im, long line, int col, const char *fmt, ...)
{
	if (im->nerr++ >= MAX_PROBLEMS || im->errused + 1 >= im->errlen)
		return;
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *p = im->err + im->errused;
	size_t room = im->errlen - im->errused;
	int k = col > 0 ? snprintf(p, room, "%s%s:%ld:%d: %s", im->errused ? "\n" : "", im->path,
	                           line, col, msg)
	                : snprintf(p, room, "%s%s:%ld: %s", im->errused ? "\n" : "", im->path, line,
	                           msg);
	im->errused += k > 0 && (size_t)k < room ? (size_t)k : room - 1;
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
				problem(im, line, f[i].column,
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
		problem(im, line, 0, _("the header is one column holding \";\": save the file as "
		                       "CSV with commas between fields"));
		im->header_done = 1;
		return 1;
	}
	for (int c = C_CODE; c <= C_NAME_KK; c++)
		if (im->map[c] < 0)
			problem(im, line, 0, "%s", _(need[c]));
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

/* The staged row at the current step of q (columns in STAGE_COLS order). */
static void read_row(sqlite3_stmt *q, struct nrow *r)
{
	const char **text[] = {&r->code, &r->name_ru, &r->name_kk, &r->parent, &r->level, &r->flag,
	                       &r->fold_ru, &r->fold_kk};
	r->line = sqlite3_column_int64(q, 0);
	r->active = sqlite3_column_int(q, 1);
	r->lv = sqlite3_column_int(q, 2);
	for (int i = 0; i < 8; i++)
		*text[i] = (const char *)sqlite3_column_text(q, 3 + i);
	const unsigned char *pos = sqlite3_column_blob(q, 11);
	if (pos && (size_t)sqlite3_column_bytes(q, 11) == sizeof r->fline + sizeof r->fcol) {
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
	if (flag) {
		r.active = flag_value(flag);
		if (r.active < 0)
			problem(im, r.fline[C_ACTIVE], r.fcol[C_ACTIVE],
			        _("\"%s\" in column \"%s\" is neither yes (1, true, да, иә) "
			          "nor no (0, false, нет, жоқ)"),
			        flag, im->head[C_ACTIVE]);
	}
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
	if (!im->nomem && !im->nerr) {
		/* Once a problem is found nothing will be written: the rest of the
		 * file is only read for its own problems. */
		sqlite3_reset(im->ins);
		bind_row(im->ins, &r);
		if (db_step(im->db, im->ins) != SQLITE_DONE)
			im->dberr = 1;
		sqlite3_clear_bindings(im->ins);
		im->n++;
	}
	free(code), free(name_ru), free(name_kk), free(parent), free(level), free(flag);
	free(fold_ru), free(fold_kk);
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

static void check_code(struct imp *im, struct nrow *r)
{
	long l = r->fline[C_CODE];
	int c = r->fcol[C_CODE];
	if (!*r->code) {
		problem(im, l, c, _("the classifier code is empty"));
		return;
	}
	if (r->lv)
		return;
	if (strchr(r->code, 'X') || strchr(r->code, 'x'))
		problem(im, l, c, _("code \"%s\" has a Latin X; the classifier writes the Cyrillic Х"),
		        r->code);
	else
		problem(im, l, c, _("\"%s\" is not a classifier code: expected N, NN, NNN, NNNN, "
		                    "NNNN-N or NNNN-N-NNN (digits), or Х, ХNNNN"), r->code);
}

/* The last parent group found, per level: files list a group's codes
 * together, so most rows need no look-up. */
struct seen {
	char parent[7][16];
};

static void check_row(struct imp *im, tz_db *db, struct nrow *r, sqlite3_stmt *find,
                      struct seen *seen)
{
	check_code(im, r);
	static const enum col names[] = {C_NAME_RU, C_NAME_KK};
	for (int i = 0; i < 2; i++) {
		enum col c = names[i];
		const char *v = c == C_NAME_RU ? r->name_ru : r->name_kk;
		if (!*v) {
			problem(im, r->fline[c], r->fcol[c], c == C_NAME_RU
			        ? _("the Russian name (column \"%s\") is empty")
			        : _("the Kazakh name (column \"%s\") is empty"), im->head[c]);
			continue;
		}
		if (!(c == C_NAME_RU ? r->fold_ru : r->fold_kk)) {
			problem(im, r->fline[c], r->fcol[c], _("the name is not valid text"));
			continue;
		}
		/* The reader let tab and line breaks through; a name is one line. */
		long bad = text_find_control(v, 0);
		if (bad >= 0) {
			char shown[16];
			text_escape_char(v + bad, shown);
			problem(im, r->fline[c], r->fcol[c],
			        _("a name is one line of text: remove the line break or tab (%s)"), shown);
		}
	}
	if (!r->lv)
		return;
	if (r->level && *r->level) {
		char *end;
		long lv = strtol(r->level, &end, 10);
		if (*end || end == r->level || lv < 1 || lv > 6)
			problem(im, r->fline[C_LEVEL], r->fcol[C_LEVEL],
			        _("level \"%s\" is not a number from 1 to 6"), r->level);
		else if (lv != r->lv)
			problem(im, r->fline[C_LEVEL], r->fcol[C_LEVEL],
			        _("level %ld does not agree with code %s, which is a level %d code (%s)"),
			        lv, r->code, r->lv, nkz_level_name(r->lv));
	}
	char want[16] = "";
	int has_parent = nkz_parent(r->code, want, sizeof want) == 0;
	int pc = r->parent && *r->parent ? C_PARENT : C_CODE;
	if (r->parent && *r->parent && !has_parent) {
		problem(im, r->fline[C_PARENT], r->fcol[C_PARENT],
		        _("parent \"%s\" given for %s, a major group, which has none"), r->parent, r->code);
		return;
	}
	if (r->parent && *r->parent && strcmp(r->parent, want)) {
		problem(im, r->fline[C_PARENT], r->fcol[C_PARENT],
		        _("parent \"%s\" does not match code %s, whose group one level up is %s"),
		        r->parent, r->code, want);
		return;
	}
	if (!has_parent || !strcmp(seen->parent[r->lv], want))
		return;
	if (staged(db, find, want) || stored(db, want))
		memcpy(seen->parent[r->lv], want, sizeof want);
	else
		problem(im, r->fline[pc], r->fcol[pc],
		        _("the parent group %s of code %s is neither in the file nor in the database"),
		        want, r->code);
}

/* Every active row checked in file order, then the duplicates in code order
 * (each named against the one before it), as the messages have always come. */
static int check_all(tz_db *db, struct imp *im)
{
	sqlite3_stmt *rows = db_prep(db, "SELECT " STAGE_COLS " FROM nkz_stage WHERE active = 1"
	                                 " ORDER BY id");
	sqlite3_stmt *find = db_prep(db, "SELECT 1 FROM nkz_stage WHERE active = 1 AND code = ?");
	int rc = rows && find ? 0 : -1, step;
	struct seen seen = {0};
	while (!rc && (step = db_step(db, rows)) == SQLITE_ROW) {
		struct nrow r;
		read_row(rows, &r);
		check_row(im, db, &r, find, &seen);
	}
	if (!rc && step != SQLITE_DONE)
		rc = -1;
	sqlite3_finalize(rows);
	sqlite3_finalize(find);
	if (rc)
		return -1;
	sqlite3_stmt *dup = db_prep(db, "SELECT code, l0, c0, lag(line) OVER (PARTITION BY code"
	                                " ORDER BY id) FROM nkz_stage WHERE active = 1 AND code <> ''"
	                                " ORDER BY code, id");
	rc = dup ? 0 : -1;
	while (!rc && (step = db_step(db, dup)) == SQLITE_ROW)
		if (sqlite3_column_type(dup, 3) != SQLITE_NULL)
			problem(im, sqlite3_column_int64(dup, 1), sqlite3_column_int(dup, 2),
			        _("code %s appears again; it is already on line %ld"),
			        (const char *)sqlite3_column_text(dup, 0),
			        (long)sqlite3_column_int64(dup, 3));
	if (!rc && step != SQLITE_DONE)
		rc = -1;
	sqlite3_finalize(dup);
	return rc;
}

/* From this many rows an import indexes for search once, at the end. */
enum { BULK_ROWS = 1000, WRITE_SLICE = 1000 };

static int write_rows(tz_db *db, struct imp *im)
{
	struct nkz_import_stats *st = im->st;
	int64_t before = db_int_query(db, "SELECT count(*) FROM nkz", 0);
	if (db_begin(db))
		return -1;
	/* A bulk load indexes its names for search once, at the end, instead of
	 * row by row (most of an import's time); a small one keeps the triggers. */
	int bulk = im->n >= BULK_ROWS;
	if (bulk && search_defer_index(db)) {
		db_rollback(db);
		return -1;
	}
	/* From the stage, a slice of rows a statement: one statement for all
	 * would keep a statement journal (memory) as large as the file.  The
	 * WHERE keeps unchanged rows (and their FTS entries) as they are. */
	sqlite3_stmt *up = db_prep(db,
		"INSERT INTO nkz(code, level, parent, name_kk, name_ru, fold_kk, fold_ru, active)"
		" SELECT code, lv, up, name_kk, name_ru, fold_kk, fold_ru, 1 FROM nkz_stage"
		"  WHERE id >= :lo AND id < :hi AND +active = 1 ORDER BY id"
		" ON CONFLICT(code) DO UPDATE SET level = excluded.level, parent = excluded.parent,"
		"  name_kk = excluded.name_kk, name_ru = excluded.name_ru,"
		"  fold_kk = excluded.fold_kk, fold_ru = excluded.fold_ru, active = 1"
		" WHERE nkz.level IS NOT excluded.level OR nkz.parent IS NOT excluded.parent"
		"  OR nkz.name_kk IS NOT excluded.name_kk OR nkz.name_ru IS NOT excluded.name_ru"
		"  OR nkz.active = 0");
	int rc = up ? 0 : -1;
	for (long lo = 1; !rc && lo <= im->n; lo += WRITE_SLICE) {
		sqlite3_reset(up);
		db_int(up, ":lo", lo);
		db_int(up, ":hi", lo + WRITE_SLICE);
		if (db_step(db, up) != SQLITE_DONE)
			rc = -1;
	}
	sqlite3_finalize(up);
	/* A retired row beside an active one for the same code: the active wins. */
	if (!rc)
		rc = db_exec(db,
			"UPDATE nkz SET active = 0 WHERE active = 1 AND code IN (SELECT code FROM nkz_stage s"
			" WHERE s.active = 0 AND s.lv > 0 AND NOT EXISTS (SELECT 1 FROM nkz_stage a"
			"  WHERE a.active = 1 AND a.code = s.code))");
	if (!rc)
		st->deactivated = sqlite3_changes(db_sqlite(db));
	sqlite3_stmt *lv = rc ? NULL : db_prep(db, "SELECT lv, count(*) FROM nkz_stage"
	                                           " WHERE active = 1 GROUP BY lv");
	if (!rc && !lv)
		rc = -1;
	while (!rc && db_step(db, lv) == SQLITE_ROW) {
		int l = sqlite3_column_int(lv, 0);
		long k = sqlite3_column_int64(lv, 1);
		if (l >= 1 && l <= 6)
			st->per_level[l] += k;
		st->imported += k;
	}
	sqlite3_finalize(lv);
	if (!rc && bulk)
		rc = search_reindex(db, SEARCH_NKZ);
	if (rc) {
		db_rollback(db);
		return -1;
	}
	st->added = db_int_query(db, "SELECT count(*) FROM nkz", 0) - before;
	/* One summary entry, not one per code: the file is named by its hash. */
	char hash[65] = "", after[8192];
	if (audit_sha256_file(im->path, hash))
		tz_log("nkz import: cannot hash %s", im->path);
	sqlite3_stmt *js = db_prep(db, "SELECT json_object('file', :f, 'sha256', :h, 'read', :r, "
	                               "'imported', :i, 'added', :a, 'deactivated', :d)");
	db_text(js, ":f", im->path);
	db_text(js, ":h", hash);
	db_int(js, ":r", st->read);
	db_int(js, ":i", st->imported);
	db_int(js, ":a", st->added);
	db_int(js, ":d", st->deactivated);
	rc = db_step(db, js) == SQLITE_ROW ? 0 : -1;
	snprintf(after, sizeof after, "%s", rc ? "" : db_col_text(js, 0));
	sqlite3_finalize(js);
	if (rc || audit_log(db, "nkz", "", "import", NULL, after)) {
		db_rollback(db);
		return -1;
	}
	if (db_commit(db))
		return -1;
	/* Statistics for the planner after a bulk load (see regcsv_import). */
	if (st->imported >= 500 && !db_depth(db))
		db_exec(db, "ANALYZE nkz");
	return 0;
}

int nkz_import_csv(tz_db *db, const char *path, const char *encoding,
                   struct nkz_import_stats *st, char *err, size_t errlen)
{
	return nkz_import(db, path, encoding, NULL, st, err, errlen);
}

static void db_failed(struct imp *im, tz_db *db)
{
	snprintf(im->err, im->errlen, _("%s: could not write the classifier to the database: %s"),
	         im->path, db_errmsg(db));
	tz_log("nkz import of %s: %s", im->path, db_errmsg(db));
	im->nerr = 1;
}

int nkz_import(tz_db *db, const char *path, const char *encoding, const char *sheet,
               struct nkz_import_stats *st, char *err, size_t errlen)
{
	struct nkz_import_stats dummy;
	if (!st)
		st = &dummy;
	memset(st, 0, sizeof *st);
	if (errlen)
		err[0] = 0;
	struct imp im = {.path = path, .db = db, .st = st, .err = err, .errlen = errlen};
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
	if (!im.ins) {
		db_failed(&im, db);
		goto done;
	}
	int rc = xlsxin_read_any(path, encoding ? encoding : "auto", sheet, on_record, &im, NULL, err,
	                         errlen);
	sqlite3_finalize(im.ins);
	im.ins = NULL;
	if (im.dberr) {
		db_failed(&im, db);
		goto done;
	}
	if (rc < 0 && !im.nerr) {
		im.nerr = 1;   /* the reader's own message, already in err */
		goto done;
	}
	if (im.nomem) {
		snprintf(err, errlen, "%s: %s", path, _("out of memory"));
		im.nerr = 1;
		goto done;
	}
	if (!im.header_done) {
		problem(&im, 1, 0, _("the file is empty: expected a header row and classifier codes"));
		goto done;
	}
	if (im.nerr)
		goto done;
	/* Built once the rows are in: cheaper than keeping it up row by row.  It
	 * covers the duplicates' scan, which so never visits the rows. */
	if (db_exec(db, "CREATE INDEX temp.nkz_stage_code ON nkz_stage (active, code, line, l0, c0)") ||
	    check_all(db, &im)) {
		db_failed(&im, db);
		goto done;
	}
	staging = 0;
	if (db_exec(db, "RELEASE nkz_stage")) {
		db_failed(&im, db);
		goto done;
	}
	if (!im.nerr && write_rows(db, &im))
		db_failed(&im, db);
done:
	if (im.nerr > MAX_PROBLEMS && im.errused + 1 < errlen)
		snprintf(err + im.errused, errlen - im.errused,
		         ngettext("\n... and %d more problem", "\n... and %d more problems",
		                  (unsigned long)(im.nerr - MAX_PROBLEMS)),
		         im.nerr - MAX_PROBLEMS);
	for (int c = 0; c < C_N; c++)
		free(im.head[c]);
	if (staging)
		db_exec(db, "RELEASE nkz_stage");
	db_exec(db, unstage_sql);
	if (im.nerr) {
		memset(st->per_level, 0, sizeof st->per_level);
		st->imported = st->added = st->deactivated = 0;
		return -1;
	}
	return 0;
}
