#include "package.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "auth.h"
#include "config.h"
#include "i18n.h"
#include "log.h"
#include "proposal.h"
#include "store.h"
#include "text.h"

/* Why a package database rather than a session changeset: a changeset names
 * the sender's row ids (body, cycle, association, proposal), which mean
 * nothing on another workstation, and applying one runs it against our
 * tables before our checks could see the rows.  A package file is read like
 * any untrusted input, row by row, and written by our own statements. */
static const char pkg_schema[] =
	"PRAGMA application_id = 1415204939;\n"   /* PKG_APPLICATION_ID */
	"PRAGMA user_version = 1;\n"               /* PKG_FORMAT */
	"CREATE TABLE manifest (format INTEGER NOT NULL, program TEXT NOT NULL,"
	" login TEXT NOT NULL, body TEXT NOT NULL, year INTEGER NOT NULL, season TEXT NOT NULL,"
	" created TEXT NOT NULL, checksum TEXT NOT NULL) STRICT;\n"
	"CREATE TABLE proposal (id INTEGER PRIMARY KEY, body TEXT NOT NULL,"
	" association_kk TEXT, association_ru TEXT, action TEXT NOT NULL, section TEXT NOT NULL,"
	" nkz_code TEXT NOT NULL, basis_kk TEXT NOT NULL, basis_ru TEXT NOT NULL, validity INTEGER,"
	" profile TEXT, safety_kk TEXT NOT NULL, safety_ru TEXT NOT NULL, demand_kk TEXT NOT NULL,"
	" demand_ru TEXT NOT NULL, standard_kk TEXT NOT NULL, standard_ru TEXT NOT NULL,"
	" legal_act_kk TEXT NOT NULL, legal_act_ru TEXT NOT NULL, state TEXT NOT NULL,"
	" round INTEGER NOT NULL, created TEXT NOT NULL, submitted TEXT, late INTEGER NOT NULL,"
	" author TEXT NOT NULL) STRICT;\n"
	"CREATE TABLE proposal_level (proposal_id INTEGER NOT NULL, level TEXT NOT NULL,"
	" PRIMARY KEY (proposal_id, level)) STRICT;\n"
	"CREATE TABLE council_agreement (body TEXT NOT NULL, date TEXT NOT NULL,"
	" protocol TEXT NOT NULL) STRICT;\n";

#define P_COLS "id, body, association_kk, association_ru, action, section, nkz_code, " \
	"basis_kk, basis_ru, validity, profile, safety_kk, safety_ru, demand_kk, demand_ru, " \
	"standard_kk, standard_ru, legal_act_kk, legal_act_ru, state, round, created, submitted, " \
	"late, author"
enum { C_ID, C_BODY, C_ASSOC_KK, C_ASSOC_RU, C_ACTION, C_SECTION, C_CODE, C_BASIS_KK,
       C_BASIS_RU, C_VALIDITY, C_PROFILE, C_SAFETY_KK, C_SAFETY_RU, C_DEMAND_KK, C_DEMAND_RU,
       C_STANDARD_KK, C_STANDARD_RU, C_LEGAL_KK, C_LEGAL_RU, C_STATE, C_ROUND, C_CREATED,
       C_SUBMITTED, C_LATE, C_AUTHOR, C_N };

/* The content rows in the order the checksum reads them. */
static const char *const content_sql[] = {
	"SELECT " P_COLS " FROM proposal ORDER BY id",
	"SELECT proposal_id, level FROM proposal_level ORDER BY proposal_id, level",
	"SELECT body, date, protocol FROM council_agreement ORDER BY body, date, protocol",
};

/* Decided by the authorized body: a sectoral body neither sends nor sets these. */
#define DECIDED "('accepted', 'rejected', 'applied')"

static void feed(EVP_MD_CTX *md, char tag, const void *p, size_t n)
{
	char head[32];
	int k = snprintf(head, sizeof head, "%c%zu:", tag, n);
	EVP_DigestUpdate(md, head, (size_t)k);
	if (n)
		EVP_DigestUpdate(md, p, n);
}

static void feed_value(EVP_MD_CTX *md, sqlite3_stmt *st, int i)
{
	char num[40];
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		feed(md, 'N', "", 0);
		break;
	case SQLITE_INTEGER:
		snprintf(num, sizeof num, "%lld", (long long)sqlite3_column_int64(st, i));
		feed(md, 'I', num, strlen(num));
		break;
	case SQLITE_FLOAT:
		snprintf(num, sizeof num, "%.17g", sqlite3_column_double(st, i));
		feed(md, 'R', num, strlen(num));
		break;
	case SQLITE_TEXT: {
		const void *p = sqlite3_column_text(st, i);
		feed(md, 'T', p, (size_t)sqlite3_column_bytes(st, i));
		break;
	}
	default: {
		const void *p = sqlite3_column_blob(st, i);
		feed(md, 'B', p, (size_t)sqlite3_column_bytes(st, i));
	}
	}
}

/* SHA-256 of the manifest's fields and every content row, as hex.  It finds
 * damage in transit, not forgery: whoever can write the file can recompute it. */
static int checksum(sqlite3 *h, const struct pkg_info *m, char hex[65], char *why, size_t len)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	if (!md || !EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(md);
		snprintf(why, len, "SHA-256 unavailable");
		return -1;
	}
	char num[64];
	feed(md, 'P', "tizilim-package", 15);
	snprintf(num, sizeof num, "%d", m->format);
	feed(md, 'I', num, strlen(num));
	feed(md, 'T', m->program, strlen(m->program));
	feed(md, 'T', m->login, strlen(m->login));
	feed(md, 'T', m->body, strlen(m->body));
	snprintf(num, sizeof num, "%lld", (long long)m->year);
	feed(md, 'I', num, strlen(num));
	feed(md, 'T', m->season, strlen(m->season));
	feed(md, 'T', m->created, strlen(m->created));
	int rc = 0;
	for (size_t t = 0; t < sizeof content_sql / sizeof *content_sql && !rc; t++) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(h, content_sql[t], -1, &st, NULL) != SQLITE_OK) {
			rc = -1;
			break;
		}
		int s;
		while ((s = sqlite3_step(st)) == SQLITE_ROW) {
			feed(md, 'R', "", 0);
			for (int i = 0; i < sqlite3_column_count(st); i++)
				feed_value(md, st, i);
		}
		if (s != SQLITE_DONE)
			rc = -1;
		sqlite3_finalize(st);
		feed(md, 'E', "", 0);
	}
	if (rc)
		snprintf(why, len, "%s", sqlite3_errmsg(h));
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned dn = 0;
	EVP_DigestFinal_ex(md, d, &dn);
	EVP_MD_CTX_free(md);
	for (unsigned i = 0; i < dn && i < 32; i++)
		sprintf(hex + 2 * i, "%02x", d[i]);
	hex[64] = '\0';
	return rc;
}

/* ---- export ------------------------------------------------------------ */

/* Copies every row of sel (already bound) into the package through ins,
 * value for value; returns the count or -1. */
static int copy_rows(tz_db *db, sqlite3_stmt *sel, sqlite3 *h, const char *ins_sql)
{
	sqlite3_stmt *ins = NULL;
	int n = 0, rc;
	if (!sel || sqlite3_prepare_v2(h, ins_sql, -1, &ins, NULL) != SQLITE_OK) {
		sqlite3_finalize(sel);
		return -1;
	}
	while ((rc = db_step(db, sel)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(sel); i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
		if (sqlite3_step(ins) != SQLITE_DONE)
			break;
		sqlite3_reset(ins);
		n++;
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(sel);
	return rc == SQLITE_DONE ? n : -1;
}

static int64_t lookup_cycle(tz_db *db, int64_t year, const char *season)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM cycle WHERE year = :y AND season = :s");
	db_int(st, ":y", year);
	db_text(st, ":s", season);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

static int64_t lookup_body(tz_db *db, const char *code, int *authorized)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id, authorized FROM body WHERE code = :c");
	db_text(st, ":c", code);
	int64_t id = 0;
	if (db_step(db, st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (authorized)
			*authorized = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return id;
}

static sqlite3_stmt *select_of(tz_db *db, const char *sql, int64_t cycle, int64_t body)
{
	sqlite3_stmt *st = db_prep(db, sql);
	db_int(st, ":c", cycle);
	db_int(st, ":b", body);
	return st;
}

int package_export(tz_db *db, const char *file, const char *body_code, int64_t year,
                   const char *season, struct pkg_info *info, char *err, size_t errlen)
{
	memset(info, 0, sizeof *info);
	struct who w;
	auth_whoami(db, &w);
	int64_t body = 0;
	if (body_code) {
		body = lookup_body(db, body_code, NULL);
		if (!body) {
			snprintf(err, errlen, _("there is no body with the code \"%s\""), body_code);
			return -1;
		}
	} else if (w.role == ROLE_SB_CLERK) {
		body = w.body_id;
	} else {
		snprintf(err, errlen, "%s", _("name the sectoral body whose proposals to export with --body CODE"));
		return -1;
	}
	if (auth_edit_proposal(db, body, err, errlen))
		return -1;
	sqlite3_stmt *st = db_prep(db, "SELECT code FROM body WHERE id = :b");
	db_int(st, ":b", body);
	if (db_step(db, st) == SQLITE_ROW)
		snprintf(info->body, sizeof info->body, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	int64_t cycle = 0;
	if (year) {
		cycle = lookup_cycle(db, year, season);
	} else {
		st = db_prep(db, "SELECT c.id, c.year, c.season FROM cycle c WHERE EXISTS "
		                 "(SELECT 1 FROM proposal p WHERE p.cycle_id = c.id AND p.body_id = :b) "
		                 "ORDER BY c.year DESC, c.season = 'autumn' DESC LIMIT 1");
		db_int(st, ":b", body);
		if (db_step(db, st) == SQLITE_ROW) {
			cycle = sqlite3_column_int64(st, 0);
			year = sqlite3_column_int64(st, 1);
			season = db_col_text(st, 2);
			snprintf(info->season, sizeof info->season, "%s", season);
		}
		sqlite3_finalize(st);
		season = info->season;
	}
	if (!cycle) {
		if (year)
			snprintf(err, errlen, _("there is no cycle %lld %s"), (long long)year, season);
		else
			snprintf(err, errlen, _("%s has no proposals in any cycle"), info->body);
		return -1;
	}
	info->format = PKG_FORMAT;
	info->year = year;
	if (season != info->season)
		snprintf(info->season, sizeof info->season, "%s", season);
	snprintf(info->program, sizeof info->program, "tizilim %s", TIZILIM_VERSION);
	snprintf(info->login, sizeof info->login, "%s", w.login);
	store_now(info->created);

	char tmp[4096], why[512] = "";
	int fd = -1;
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", file) < sizeof tmp)
		fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, _("cannot create a file beside %s: %s"), file, strerror(errno));
		return -1;
	}
	fchmod(fd, 0600);
	close(fd);
	sqlite3 *h = NULL;
	const char *where = " FROM proposal p JOIN body b ON b.id = p.body_id "
	                    "LEFT JOIN association a ON a.id = p.association_id "
	                    "WHERE p.cycle_id = :c AND p.body_id = :b AND p.state NOT IN " DECIDED;
	char sql[2048];
	if (sqlite3_open_v2(tmp, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(h, pkg_schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	snprintf(sql, sizeof sql, "SELECT p.id, b.code, a.name_kk, a.name_ru, p.action, p.section, "
	         "p.nkz_code, p.basis_kk, p.basis_ru, p.validity, p.profile, p.safety_kk, p.safety_ru, "
	         "p.demand_kk, p.demand_ru, p.standard_kk, p.standard_ru, p.legal_act_kk, "
	         "p.legal_act_ru, p.state, p.round, p.created, p.submitted, p.late, p.author%s "
	         "ORDER BY p.id", where);
	info->proposals = copy_rows(db, select_of(db, sql, cycle, body), h,
	                            "INSERT INTO proposal (" P_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, "
	                            "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
	                            "?20, ?21, ?22, ?23, ?24, ?25)");
	snprintf(sql, sizeof sql, "SELECT l.proposal_id, l.level FROM proposal_level l "
	         "WHERE l.proposal_id IN (SELECT p.id%s)", where);
	info->levels = copy_rows(db, select_of(db, sql, cycle, body), h,
	                         "INSERT INTO proposal_level (proposal_id, level) VALUES (?1, ?2)");
	info->agreement = copy_rows(db, select_of(db, "SELECT b.code, a.date, a.protocol "
	                                          "FROM council_agreement a JOIN body b ON b.id = a.body_id "
	                                          "WHERE a.cycle_id = :c AND a.body_id = :b", cycle, body),
	                            h, "INSERT INTO council_agreement (body, date, protocol) VALUES (?1, ?2, ?3)");
	if (info->proposals < 0 || info->levels < 0 || info->agreement < 0)
		goto fail;
	st = select_of(db, "SELECT count(*) FROM proposal p WHERE p.cycle_id = :c AND p.body_id = :b "
	                   "AND p.state IN " DECIDED, cycle, body);
	if (db_step(db, st) == SQLITE_ROW)
		info->excluded = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	char hex[65];
	if (checksum(h, info, hex, why, sizeof why))
		goto fail;
	sqlite3_stmt *m = NULL;
	if (sqlite3_prepare_v2(h, "INSERT INTO manifest VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	                       -1, &m, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_int(m, 1, info->format);
	sqlite3_bind_text(m, 2, info->program, -1, SQLITE_STATIC);
	sqlite3_bind_text(m, 3, info->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(m, 4, info->body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(m, 5, info->year);
	sqlite3_bind_text(m, 6, info->season, -1, SQLITE_STATIC);
	sqlite3_bind_text(m, 7, info->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(m, 8, hex, -1, SQLITE_STATIC);
	int mrc = sqlite3_step(m);
	sqlite3_finalize(m);
	if (mrc != SQLITE_DONE || sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (sqlite3_close(h) != SQLITE_OK) {
		h = NULL;
		goto fail;
	}
	h = NULL;
	if ((fd = open(tmp, O_RDONLY)) >= 0) {
		fsync(fd);
		close(fd);
	}
	if (rename(tmp, file)) {
		snprintf(why, sizeof why, "%s", strerror(errno));
		goto fail;
	}
	return 0;
fail:
	if (!why[0])
		snprintf(why, sizeof why, "%s", h ? sqlite3_errmsg(h) : db_errmsg(db));
	tz_log("package export to %s: %s", file, why);
	snprintf(err, errlen, _("cannot write the package %s: %s"), file, why);
	sqlite3_close(h);
	unlink(tmp);
	char side[4200];
	snprintf(side, sizeof side, "%s-journal", tmp);
	unlink(side);
	return -1;
}

/* ---- import ------------------------------------------------------------ */

#define MAX_NOTES 50

struct imp {
	tz_db *db;
	sqlite3 *h;
	const char *file;
	pkg_note_fn *note;
	void *ctx;
	struct pkg_info *info;
	enum pkg_mode mode;
	int64_t body, cycle;
	int problems;
	int write;
};

static void problem(struct imp *im, const char *fmt, ...) TZ_PRINTF(2, 3);
static void problem(struct imp *im, const char *fmt, ...)
{
	if (++im->problems > MAX_NOTES) {
		if (im->problems == MAX_NOTES + 1)
			im->note(im->ctx, _("... and more problems"));
		return;
	}
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->note(im->ctx, msg);
}

/* A string from the package made safe to show: no control characters (a
 * terminal escape in a name must not reach the screen), at most 40 columns. */
static const char *shown(const char *s, char *buf, size_t len)
{
	if (!s)
		return "NULL";
	if (!text_valid_utf8(s, -1))
		return _("(not UTF-8)");
	size_t n = text_fit(s, 40);
	if (n >= len)
		n = len - 1;
	for (size_t i = 0; i < n; i++)
		buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	buf[n] = '\0';
	return buf;
}

/* Text at column c: NULL when absent (a problem unless nullable) or refused. */
static const char *text_at(struct imp *im, sqlite3_stmt *st, int c, int64_t pid, int nullable, int max)
{
	const char *f = sqlite3_column_name(st, c);
	int t = sqlite3_column_type(st, c);
	if (t == SQLITE_NULL) {
		if (!nullable)
			problem(im, _("%s: proposal %lld, field %s: missing"), im->file, (long long)pid, f);
		return NULL;
	}
	if (t != SQLITE_TEXT) {
		problem(im, _("%s: proposal %lld, field %s: not text"), im->file, (long long)pid, f);
		return NULL;
	}
	const char *s = (const char *)sqlite3_column_text(st, c);
	int n = sqlite3_column_bytes(st, c);
	if (n > max)
		problem(im, _("%s: proposal %lld, field %s: %d bytes, more than the %d allowed"),
		        im->file, (long long)pid, f, n, max);
	else if (!s || (int)strlen(s) != n || !text_valid_utf8(s, n))
		problem(im, _("%s: proposal %lld, field %s: not valid UTF-8 text"), im->file, (long long)pid, f);
	else
		return s;
	return NULL;
}

static const char *enum_at(struct imp *im, sqlite3_stmt *st, int c, int64_t pid, int nullable,
                           const char *const *allowed)
{
	const char *s = text_at(im, st, c, pid, nullable, 32);
	if (!s)
		return NULL;
	for (int i = 0; allowed[i]; i++)
		if (!strcmp(s, allowed[i]))
			return s;
	char b[128];
	problem(im, _("%s: proposal %lld, field %s: \"%s\" is not an allowed value"),
	        im->file, (long long)pid, sqlite3_column_name(st, c), shown(s, b, sizeof b));
	return NULL;
}

/* 1 when column c is an integer in [lo, hi]; 0 when NULL and nullable. */
static int int_at(struct imp *im, sqlite3_stmt *st, int c, int64_t pid, int nullable,
                  int64_t lo, int64_t hi, int64_t *out)
{
	int t = sqlite3_column_type(st, c);
	if (t == SQLITE_NULL && nullable)
		return 0;
	int64_t v = sqlite3_column_int64(st, c);
	if (t != SQLITE_INTEGER || v < lo || v > hi) {
		problem(im, _("%s: proposal %lld, field %s: not a whole number from %lld to %lld"),
		        im->file, (long long)pid, sqlite3_column_name(st, c), (long long)lo, (long long)hi);
		return 0;
	}
	*out = v;
	return 1;
}

/* 'YYYY-MM-DD', or a moment 'YYYY-MM-DDTHH:MM:SSZ'. */
static int is_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 10 && n != 20)
		return 0;
	for (size_t i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return n == 10 || (s[10] == 'T' && s[19] == 'Z');
}

static void date_at(struct imp *im, sqlite3_stmt *st, int c, int64_t pid, int nullable)
{
	const char *s = text_at(im, st, c, pid, nullable, 20);
	char b[64];
	if (s && !is_date(s))
		problem(im, _("%s: proposal %lld, field %s: \"%s\" is not a date (YYYY-MM-DD)"),
		        im->file, (long long)pid, sqlite3_column_name(st, c), shown(s, b, sizeof b));
}

/* The reference a package row names: 0 when our database lacks it. */
static int64_t ref_id(tz_db *db, const char *sql, const char *key)
{
	sqlite3_stmt *q = db_prep(db, sql);
	db_text(q, ":k", key);
	int64_t v = db_step(db, q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	return v;
}

static char *proposal_json(tz_db *db, int64_t id)
{
	sqlite3_stmt *q = db_prep(db,
		"SELECT json_object('id', p.id, 'cycle', c.year || ' ' || c.season, 'body', b.code, "
		"'action', p.action, 'section', p.section, 'nkz_code', p.nkz_code, 'basis_kk', p.basis_kk, "
		"'basis_ru', p.basis_ru, 'validity', p.validity, 'profile', p.profile, "
		"'safety_kk', p.safety_kk, 'safety_ru', p.safety_ru, 'demand_kk', p.demand_kk, "
		"'demand_ru', p.demand_ru, 'standard_kk', p.standard_kk, 'standard_ru', p.standard_ru, "
		"'legal_act_kk', p.legal_act_kk, 'legal_act_ru', p.legal_act_ru, 'state', p.state, "
		"'round', p.round, 'author', p.author, 'levels', "
		"(SELECT json_group_array(level) FROM proposal_level WHERE proposal_id = p.id)) "
		"FROM proposal p JOIN cycle c ON c.id = p.cycle_id JOIN body b ON b.id = p.body_id "
		"WHERE p.id = :id");
	db_int(q, ":id", id);
	char *j = db_step(db, q) == SQLITE_ROW ? strdup(db_col_text(q, 0)) : NULL;
	sqlite3_finalize(q);
	return j;
}

/* Inserts (id 0) or overwrites proposal id from the package row; returns its id. */
static int64_t write_proposal(struct imp *im, sqlite3_stmt *st, int64_t id, int64_t assoc,
                              char levels[][9], int nlevels)
{
	tz_db *db = im->db;
	char *before = id ? proposal_json(db, id) : NULL;
	sqlite3_stmt *w = db_prep(db, id ?
		"UPDATE proposal SET association_id = :association, section = :section, "
		"basis_kk = :basis_kk, basis_ru = :basis_ru, validity = :validity, profile = :profile, "
		"safety_kk = :safety_kk, safety_ru = :safety_ru, demand_kk = :demand_kk, "
		"demand_ru = :demand_ru, standard_kk = :standard_kk, standard_ru = :standard_ru, "
		"legal_act_kk = :legal_act_kk, legal_act_ru = :legal_act_ru, state = :state, "
		"round = :round, created = :created, submitted = :submitted, late = :late, "
		"author = :author WHERE id = :id" :
		"INSERT INTO proposal (cycle_id, body_id, association_id, action, section, nkz_code, "
		"basis_kk, basis_ru, validity, profile, safety_kk, safety_ru, demand_kk, demand_ru, "
		"standard_kk, standard_ru, legal_act_kk, legal_act_ru, state, round, created, submitted, "
		"late, author) VALUES (:cycle, :body_id, :association, :action, :section, :nkz_code, "
		":basis_kk, :basis_ru, :validity, :profile, :safety_kk, :safety_ru, :demand_kk, "
		":demand_ru, :standard_kk, :standard_ru, :legal_act_kk, :legal_act_ru, :state, :round, "
		":created, :submitted, :late, :author)");
	if (!w)
		goto fail;
	/* Values go across as bound values, checked above: never as SQL text. */
	for (int c = C_ACTION; c < C_N; c++) {
		char name[64];
		snprintf(name, sizeof name, ":%s", sqlite3_column_name(st, c));
		int i = sqlite3_bind_parameter_index(w, name);
		if (i)
			sqlite3_bind_value(w, i, sqlite3_column_value(st, c));
	}
	if (id)
		db_int(w, ":id", id);
	db_int(w, ":cycle", im->cycle);
	db_int(w, ":body_id", im->body);
	if (assoc)
		db_int(w, ":association", assoc);
	else
		db_null(w, ":association");
	if (db_run(db, w))
		goto fail;
	if (!id)
		id = sqlite3_last_insert_rowid(db_sqlite(db));
	sqlite3_stmt *d = db_prep(db, "DELETE FROM proposal_level WHERE proposal_id = :id");
	db_int(d, ":id", id);
	if (db_run(db, d))
		goto fail;
	for (int i = 0; i < nlevels; i++) {
		sqlite3_stmt *l = db_prep(db, "INSERT INTO proposal_level (proposal_id, level) VALUES (:id, :l)");
		db_int(l, ":id", id);
		db_text(l, ":l", levels[i]);
		if (db_run(db, l))
			goto fail;
	}
	char *after = proposal_json(db, id), oid[24];
	snprintf(oid, sizeof oid, "%lld", (long long)id);
	int rc = audit_log(db, "proposal", oid, before ? "import-replace" : "import", before, after);
	free(before);
	free(after);
	return rc ? 0 : id;
fail:
	free(before);
	return 0;
}

static const char *const actions[] = {"include", "exclude", "amend", NULL};
static const char *const sections[] = {"mandatory", "voluntary", NULL};
static const char *const profiles[] = {"t", "sg", NULL};
static const char *const states[] = {"draft", "sent", "returned", "agreed", "submitted", "remarks", NULL};
static const char *const decided[] = {"accepted", "rejected", "applied", NULL};

static int listed(const char *s, const char *const *list)
{
	for (int i = 0; s && list[i]; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

/* One proposal row: every field checked; then its conflict, or its write. */
static void one_proposal(struct imp *im, sqlite3_stmt *st, sqlite3_stmt *lv)
{
	struct pkg_info *in = im->info;
	int before = im->problems;
	int64_t pid = 0, v;
	char b1[128], b2[128];
	if (!int_at(im, st, C_ID, 0, 0, 1, INT64_MAX, &pid))
		return;
	const char *body = text_at(im, st, C_BODY, pid, 0, 64);
	if (body && strcmp(body, in->body))
		problem(im, _("%s: proposal %lld belongs to the body \"%s\", not to \"%s\" that the package "
		              "comes from"), im->file, (long long)pid, shown(body, b1, sizeof b1), in->body);
	int64_t assoc = 0;
	const char *akk = text_at(im, st, C_ASSOC_KK, pid, 1, 1024);
	text_at(im, st, C_ASSOC_RU, pid, 1, 1024);
	if (akk && !(assoc = ref_id(im->db, "SELECT id FROM association WHERE name_kk = :k", akk)))
		problem(im, _("%s: proposal %lld, field %s: no employer association \"%s\" here"),
		        im->file, (long long)pid, "association_kk", shown(akk, b1, sizeof b1));
	const char *action = enum_at(im, st, C_ACTION, pid, 0, actions);
	enum_at(im, st, C_SECTION, pid, 0, sections);
	const char *code = text_at(im, st, C_CODE, pid, 0, 16);
	if (code && ref_id(im->db, "SELECT level FROM nkz WHERE code = :k", code) != 6)
		problem(im, _("%s: proposal %lld, field %s: \"%s\" is not an occupation code of the classifier"),
		        im->file, (long long)pid, "nkz_code", shown(code, b1, sizeof b1));
	for (int c = C_BASIS_KK; c <= C_LEGAL_RU; c++)
		if (c != C_VALIDITY && c != C_PROFILE)
			text_at(im, st, c, pid, 0, PKG_MAX_FIELD);
	int_at(im, st, C_VALIDITY, pid, 1, 0, 99, &v);
	enum_at(im, st, C_PROFILE, pid, 1, profiles);
	const char *state = text_at(im, st, C_STATE, pid, 0, 32);
	if (listed(state, decided))
		problem(im, _("%s: proposal %lld is marked \"%s\": only the authorized body decides that"),
		        im->file, (long long)pid, state);
	else if (state)
		enum_at(im, st, C_STATE, pid, 0, states);
	int_at(im, st, C_ROUND, pid, 0, 1, 1000, &v);
	date_at(im, st, C_CREATED, pid, 0);
	date_at(im, st, C_SUBMITTED, pid, 1);
	int_at(im, st, C_LATE, pid, 0, 0, 1, &v);
	text_at(im, st, C_AUTHOR, pid, 0, 64);

	char levels[TZ_MAX_LEVELS][9];
	int nlevels = 0, rc;
	sqlite3_reset(lv);
	sqlite3_bind_int64(lv, 1, pid);
	while ((rc = sqlite3_step(lv)) == SQLITE_ROW) {
		const char *l = sqlite3_column_type(lv, 0) == SQLITE_TEXT ? (const char *)sqlite3_column_text(lv, 0) : NULL;
		if (!l || strlen(l) > 8 || !ref_id(im->db, "SELECT 1 FROM nrk_level WHERE code = :k", l))
			problem(im, _("%s: proposal %lld, field %s: \"%s\" is not a level of the framework"),
			        im->file, (long long)pid, "level", l ? shown(l, b1, sizeof b1) : "?");
		else if (nlevels == TZ_MAX_LEVELS)
			problem(im, _("%s: proposal %lld: more than %d levels"), im->file, (long long)pid, TZ_MAX_LEVELS);
		else
			snprintf(levels[nlevels++], sizeof levels[0], "%s", l);
	}
	if (rc != SQLITE_DONE)
		problem(im, _("%s: proposal %lld: its levels cannot be read: %s"), im->file, (long long)pid,
		        sqlite3_errmsg(im->h));
	if (im->problems != before)
		return;

	sqlite3_stmt *q = db_prep(im->db, "SELECT id, state FROM proposal WHERE cycle_id = :c AND "
	                                  "body_id = :b AND nkz_code = :k AND action = :a");
	db_int(q, ":c", im->cycle);
	db_int(q, ":b", im->body);
	db_text(q, ":k", code);
	db_text(q, ":a", action);
	int64_t have = 0;
	if (db_step(im->db, q) == SQLITE_ROW) {
		have = sqlite3_column_int64(q, 0);
		snprintf(b2, sizeof b2, "%s", db_col_text(q, 1));
	}
	sqlite3_finalize(q);
	if (have && im->mode != PKG_SKIP && listed(b2, decided)) {
		problem(im, _("%s: proposal %lld (%s, %s) is already decided here (%s, proposal %lld) and "
		              "cannot be replaced"), im->file, (long long)pid, code, action, b2, (long long)have);
		return;
	}
	if (have && im->mode == PKG_SKIP) {
		in->skipped++;
		return;
	}
	if (have && im->mode == PKG_STOP) {
		in->conflicts++;
		char msg[512];
		snprintf(msg, sizeof msg, _("%s: proposal %lld (%s, %s) is already here as proposal %lld (%s)"),
		         im->file, (long long)pid, code, action, (long long)have, b2);
		im->note(im->ctx, msg);
		return;
	}
	if (have)
		in->replaced++;
	else
		in->added++;
	if (im->write && !write_proposal(im, st, have, assoc, levels, nlevels))
		problem(im, _("%s: proposal %lld cannot be stored: %s"), im->file, (long long)pid, db_errmsg(im->db));
}

/* The sectoral council's agreement (cl. 7): one row at most. */
static void agreement(struct imp *im)
{
	sqlite3_stmt *st = NULL;
	char b[128];
	if (sqlite3_prepare_v2(im->h, content_sql[2], -1, &st, NULL) != SQLITE_OK) {
		problem(im, _("%s: the council agreement cannot be read: %s"), im->file, sqlite3_errmsg(im->h));
		return;
	}
	int n = 0, before = im->problems, rc;
	const char *date = NULL, *proto = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && ++n == 1) {
		const char *body = text_at(im, st, 0, 0, 0, 64);
		if (body && strcmp(body, im->info->body))
			problem(im, _("%s: the council agreement is of the body \"%s\", not of \"%s\""),
			        im->file, shown(body, b, sizeof b), im->info->body);
		date = text_at(im, st, 1, 0, 0, 10);
		if (date && !is_date(date))
			problem(im, _("%s: the council agreement's date \"%s\" is not a date (YYYY-MM-DD)"),
			        im->file, shown(date, b, sizeof b));
		proto = text_at(im, st, 2, 0, 0, 256);
		if (im->problems != before)
			break;
		im->info->agreement = 1;
		sqlite3_stmt *q = db_prep(im->db, "SELECT date = :d AND protocol = :p FROM council_agreement "
		                                  "WHERE cycle_id = :c AND body_id = :b");
		db_text(q, ":d", date);
		db_text(q, ":p", proto);
		db_int(q, ":c", im->cycle);
		db_int(q, ":b", im->body);
		int have = db_step(im->db, q) == SQLITE_ROW, same = have && sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
		if (same || (have && im->mode == PKG_SKIP))
			break;
		if (have && im->mode == PKG_STOP) {
			im->info->conflicts++;
			char msg[512];
			snprintf(msg, sizeof msg, _("%s: another council agreement of %s is already recorded "
			                            "for this cycle"), im->file, im->info->body);
			im->note(im->ctx, msg);
			break;
		}
		if (!im->write)
			break;
		q = db_prep(im->db, have ?
		            "UPDATE council_agreement SET date = :d, protocol = :p WHERE cycle_id = :c AND body_id = :b" :
		            "INSERT INTO council_agreement (cycle_id, body_id, date, protocol) VALUES (:c, :b, :d, :p)");
		db_text(q, ":d", date);
		db_text(q, ":p", proto);
		db_int(q, ":c", im->cycle);
		db_int(q, ":b", im->body);
		if (db_run(im->db, q) ||
		    audit_log(im->db, "council_agreement", im->info->body, have ? "import-replace" : "import",
		              NULL, NULL))
			problem(im, _("%s: the council agreement cannot be stored: %s"), im->file, db_errmsg(im->db));
	}
	if (n > 1)
		problem(im, _("%s: more than one council agreement"), im->file);
	else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		problem(im, _("%s: the council agreement cannot be read: %s"), im->file, sqlite3_errmsg(im->h));
	sqlite3_finalize(st);
}

static int pass(struct imp *im)
{
	struct pkg_info *in = im->info;
	in->added = in->replaced = in->skipped = in->conflicts = in->agreement = in->proposals = 0;
	sqlite3_stmt *st = NULL, *lv = NULL;
	if (sqlite3_prepare_v2(im->h, content_sql[0], -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(im->h, "SELECT level FROM proposal_level WHERE proposal_id = ?1 ORDER BY level",
	                       -1, &lv, NULL) != SQLITE_OK) {
		problem(im, _("%s: the proposals cannot be read: %s"), im->file, sqlite3_errmsg(im->h));
	} else {
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (++in->proposals > PKG_MAX_ROWS) {
				problem(im, _("%s: more than %d proposals"), im->file, PKG_MAX_ROWS);
				break;
			}
			one_proposal(im, st, lv);
		}
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			problem(im, _("%s: the proposals cannot be read: %s"), im->file, sqlite3_errmsg(im->h));
	}
	sqlite3_finalize(st);
	sqlite3_finalize(lv);
	agreement(im);
	return im->problems;
}

static char *file_uri(const char *path)
{
	size_t n = strlen(path) * 3 + 32;
	char *u = malloc(n), *o = u;
	if (!u)
		return NULL;
	o += sprintf(o, "file:");
	for (const unsigned char *s = (const unsigned char *)path; *s; s++)
		o += *s == '%' || *s == '?' || *s == '#' || *s < 0x21 ? sprintf(o, "%%%02X", *s) : sprintf(o, "%c", *s);
	sprintf(o, "?immutable=1");
	return u;
}

/* Opens the package read-only and checks that it is one, before reading a row. */
static sqlite3 *open_package(const char *file, char *err, size_t errlen)
{
	struct stat sb;
	char head[16] = "", b[128];
	FILE *f = fopen(file, "rb");
	if (!f || fstat(fileno(f), &sb) || !S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, _("cannot read %s: %s"), file, f ? _("not a file") : strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	size_t got = fread(head, 1, sizeof head, f);
	fclose(f);
	if (sb.st_size > PKG_MAX_FILE) {
		snprintf(err, errlen, _("%s is %lld bytes, more than a package may be (%ld)"),
		         file, (long long)sb.st_size, PKG_MAX_FILE);
		return NULL;
	}
	if (got != sizeof head || memcmp(head, "SQLite format 3", 16)) {
		snprintf(err, errlen, _("%s is not a tizilim package: not an SQLite database"), file);
		return NULL;
	}
	char *uri = file_uri(file);
	sqlite3 *h = NULL;
	int rc = uri ? sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) : SQLITE_NOMEM;
	free(uri);
	if (rc != SQLITE_OK)
		goto bad;
	/* Nothing stored in the file may run: no triggers, views or schema
	 * functions; a field too long for any check is refused while read. */
	sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_limit(h, SQLITE_LIMIT_LENGTH, 4 * PKG_MAX_FIELD);
	sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
	if (sqlite3_exec(h, "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; "
	                    "PRAGMA query_only = ON", NULL, NULL, NULL) != SQLITE_OK)
		goto bad;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h, "SELECT (SELECT application_id FROM pragma_application_id), "
	                          "(SELECT user_version FROM pragma_user_version)", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		goto bad;
	}
	int64_t app = sqlite3_column_int64(st, 0), ver = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	if (app != PKG_APPLICATION_ID || ver < 1) {
		snprintf(err, errlen, _("%s is an SQLite database but not a tizilim package"), file);
		goto out;
	}
	if (ver > PKG_FORMAT) {
		snprintf(err, errlen, _("%s is a package of format %lld, newer than this program's %d: "
		                        "import it with a newer tizilim"), file, (long long)ver, PKG_FORMAT);
		goto out;
	}
	/* Exactly our plain tables: anything else (a trigger, a view, a virtual
	 * table, another table) is not ours to read. */
	static const char *const want[] = {"table manifest", "table proposal", "table proposal_level",
	                                   "table council_agreement", "index sqlite_autoindex_proposal_level_1"};
	int seen = 0;
	if (sqlite3_prepare_v2(h, "SELECT type, name, sql LIKE 'CREATE TABLE %' FROM sqlite_schema",
	                       -1, &st, NULL) != SQLITE_OK)
		goto bad;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char what[256];
		snprintf(what, sizeof what, "%s %s", (const char *)sqlite3_column_text(st, 0),
		         (const char *)sqlite3_column_text(st, 1));
		size_t i = 0;
		while (i < sizeof want / sizeof *want && strcmp(what, want[i]))
			i++;
		if (i == sizeof want / sizeof *want || (i < 4 && !sqlite3_column_int(st, 2))) {
			snprintf(err, errlen, _("%s contains %s \"%s\", which a tizilim package never has"), file,
			         shown((const char *)sqlite3_column_text(st, 0), head, sizeof head),
			         shown((const char *)sqlite3_column_text(st, 1), b, sizeof b));
			sqlite3_finalize(st);
			goto out;
		}
		seen |= 1 << i;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto bad;
	if (seen != 0x1f) {
		snprintf(err, errlen, _("%s lacks tables a tizilim package has"), file);
		goto out;
	}
	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok")) {
		sqlite3_finalize(st);
		snprintf(err, errlen, _("%s is damaged: SQLite's integrity check fails"), file);
		goto out;
	}
	sqlite3_finalize(st);
	return h;
bad:
	snprintf(err, errlen, _("%s cannot be read as a package: %s"), file,
	         h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
out:
	sqlite3_close(h);
	return NULL;
}

static int manifest(sqlite3 *h, const char *file, struct pkg_info *in, char *sum, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int ok = sqlite3_prepare_v2(h, "SELECT format, program, login, body, year, season, created, "
	                               "checksum, (SELECT count(*) FROM manifest) FROM manifest",
	                            -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	         sqlite3_column_int(st, 8) == 1 && sqlite3_column_type(st, 0) == SQLITE_INTEGER &&
	         sqlite3_column_type(st, 4) == SQLITE_INTEGER;
	/* Each text must fit its field whole: a cut one would not match the checksum. */
	static const int room[8] = {0, 32, 64, 64, 0, 8, 32, 65};
	for (int i = 1; ok && i < 8; i++)
		ok = i == 4 || (sqlite3_column_type(st, i) == SQLITE_TEXT && sqlite3_column_bytes(st, i) < room[i] &&
		                text_valid_utf8((const char *)sqlite3_column_text(st, i), -1));
	if (ok) {
		in->format = sqlite3_column_int(st, 0);
		in->year = sqlite3_column_int64(st, 4);
		snprintf(in->program, sizeof in->program, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(in->login, sizeof in->login, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(in->body, sizeof in->body, "%s", (const char *)sqlite3_column_text(st, 3));
		snprintf(in->season, sizeof in->season, "%s", (const char *)sqlite3_column_text(st, 5));
		snprintf(in->created, sizeof in->created, "%s", (const char *)sqlite3_column_text(st, 6));
		snprintf(sum, 65, "%s", (const char *)sqlite3_column_text(st, 7));
		ok = in->format == PKG_FORMAT && in->year >= 2000 && in->year <= 2200 &&
		     (!strcmp(in->season, "spring") || !strcmp(in->season, "autumn")) &&
		     strspn(in->body, "abcdefghijklmnopqrstuvwxyz0123456789_-") == strlen(in->body);
	}
	sqlite3_finalize(st);
	if (!ok)
		snprintf(err, errlen, _("%s: its manifest (format, body, cycle) is missing or malformed"), file);
	return ok ? 0 : -1;
}

static void orphans(struct imp *im)
{
	sqlite3_stmt *st = NULL;
	char b1[128], b2[128];
	if (sqlite3_prepare_v2(im->h, "SELECT count(*) FROM proposal_level WHERE proposal_id NOT IN "
	                              "(SELECT id FROM proposal)", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0))
		problem(im, _("%s: %d levels belong to no proposal of the package"), im->file, sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(im->h, "SELECT nkz_code, action FROM proposal GROUP BY nkz_code, action "
	                              "HAVING count(*) > 1", -1, &st, NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW)
			problem(im, _("%s: %s (%s) is proposed more than once"), im->file,
			        shown((const char *)sqlite3_column_text(st, 0), b1, sizeof b1),
			        shown((const char *)sqlite3_column_text(st, 1), b2, sizeof b2));
	sqlite3_finalize(st);
}

int package_checksum(const char *file, char hex[65], char *err, size_t errlen)
{
	struct pkg_info in;
	char sum[65], why[512];
	sqlite3 *h = open_package(file, err, errlen);
	if (!h)
		return -1;
	int rc = manifest(h, file, &in, sum, err, errlen);
	if (!rc && (rc = checksum(h, &in, hex, why, sizeof why)))
		snprintf(err, errlen, _("%s cannot be read as a package: %s"), file, why);
	sqlite3_close(h);
	return rc;
}

enum pkg_result package_import(tz_db *db, const char *file, enum pkg_mode mode, int dry_run,
                               pkg_note_fn *note, void *ctx, struct pkg_info *info,
                               char *err, size_t errlen)
{
	memset(info, 0, sizeof *info);
	struct who w;
	auth_whoami(db, &w);
	if (w.role != ROLE_ADMIN && w.role != ROLE_AB_CLERK) {
		snprintf(err, errlen, _("importing a package is the authorized body's clerks' work; "
		                        "%s is %s"), w.login, auth_role_label(w.role));
		return PKG_REFUSED;
	}
	sqlite3 *h = open_package(file, err, errlen);
	if (!h)
		return PKG_REFUSED;
	enum pkg_result res = PKG_REFUSED;
	char sum[65], hex[65], why[512];
	struct imp im = {db, h, file, note, ctx, info, mode, 0, 0, 0, 0};
	int authorized = 0;
	if (manifest(h, file, info, sum, err, errlen))
		goto out;
	if (checksum(h, info, hex, why, sizeof why)) {
		snprintf(err, errlen, _("%s cannot be read as a package: %s"), file, why);
		goto out;
	}
	if (strcmp(sum, hex)) {
		snprintf(err, errlen, _("%s: the checksum does not match the content; the file was changed "
		                        "or damaged after it was made"), file);
		goto out;
	}
	im.body = lookup_body(db, info->body, &authorized);
	if (!im.body || authorized) {
		snprintf(err, errlen, _("%s: the package comes from \"%s\", which is not a sectoral body here"),
		         file, info->body);
		goto out;
	}
	im.cycle = lookup_cycle(db, info->year, info->season);
	if (!im.cycle) {
		snprintf(err, errlen, _("%s: the cycle %lld %s is not open here; open it first"),
		         file, (long long)info->year, info->season);
		goto out;
	}
	orphans(&im);
	if (pass(&im)) {
		snprintf(err, errlen, _("%s: refused, %d problems found; nothing was imported"), file, im.problems);
		goto out;
	}
	res = info->conflicts ? PKG_CONFLICT : PKG_DONE;
	if (dry_run || res == PKG_CONFLICT)
		goto out;
	char reason[256];
	snprintf(reason, sizeof reason, "package %s from %s (%s)", file, info->body, info->login);
	audit_reason(db, reason);
	im.write = 1;
	if (db_begin(db)) {
		snprintf(err, errlen, _("%s: the database cannot be written: %s"), file, db_errmsg(db));
		res = PKG_REFUSED;
	} else if (pass(&im) || info->conflicts) {
		db_rollback(db);
		snprintf(err, errlen, _("%s: refused, %d problems found; nothing was imported"), file, im.problems);
		res = PKG_REFUSED;
	} else if (db_commit(db)) {
		snprintf(err, errlen, _("%s: the database cannot be written: %s"), file, db_errmsg(db));
		res = PKG_REFUSED;
	}
	audit_reason(db, NULL);
out:
	sqlite3_close(h);
	return res;
}
