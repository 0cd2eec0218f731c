/* Package import: every row of an untrusted package checked as a typed one
 * would be, conflicts found, and only then the rows written (package.h). */
#include "exchange/package_in.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/auth.h"
#include "base/i18n.h"
#include "domain/calendar.h"
#include "base/debuglog.h"
#include "domain/proposal_check.h"
#include "base/text.h"

/* The columns of PKG_PROPOSAL_COLS, in its order. */
enum { C_ID, C_BODY, C_ASSOC_KK, C_ASSOC_RU, C_ACTION, C_SECTION, C_CODE, C_BASIS_KK,
       C_BASIS_RU, C_VALIDITY, C_PROFILE, C_SAFETY_KK, C_SAFETY_RU, C_DEMAND_KK, C_DEMAND_RU,
       C_STANDARD_KK, C_STANDARD_RU, C_LEGAL_KK, C_LEGAL_RU, C_STATE, C_ROUND, C_CREATED,
       C_SUBMITTED, C_LATE, C_AUTHOR, C_N };


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

/* A string from the package, refused (NULL, a problem noted) when missing
 * and not nullable, not text, longer than max bytes, not UTF-8, or holding
 * a control character: a terminal escape in a name must not reach a
 * screen.  flags TEXT_LINES let a field of several lines have tab and
 * line breaks. */
static const char *text_lines_at(struct imp *im, sqlite3_stmt *st, int c, int64_t pid, int nullable,
                                 int max, int flags)
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
	if (n > max) {
		problem(im, _("%s: proposal %lld, field %s: %d bytes, more than the %d allowed"),
		        im->file, (long long)pid, f, n, max);
		return NULL;
	}
	if (!s || (int)strlen(s) != n || !text_valid_utf8(s, n)) {
		problem(im, _("%s: proposal %lld, field %s: not valid UTF-8 text"), im->file, (long long)pid, f);
		return NULL;
	}
	long bad = text_find_control(s, flags);
	if (bad >= 0) {
		char shown[16], what[256];
		text_escape_char(s + bad, shown);
		snprintf(what, sizeof what, _("the text holds the control character %s, which could change "
		                              "what a screen shows; remove it"), shown);
		problem(im, _("%s: proposal %lld, field %s: %s"), im->file, (long long)pid, f, what);
		return NULL;
	}
	return s;
}

static const char *text_at(struct imp *im, sqlite3_stmt *st, int c, int64_t pid, int nullable, int max)
{
	return text_lines_at(im, st, c, pid, nullable, max, 0);
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
	        im->file, (long long)pid, sqlite3_column_name(st, c), pkg_shown(s, b, sizeof b));
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

/* 'YYYY-MM-DD', or a moment 'YYYY-MM-DDTHH:MM:SSZ', that the calendar has:
 * 2025-99-99 or a 30 February is no date, however well it is shaped. */
static int is_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 10 && n != 20)
		return 0;
	char day[11];
	tz_day d;
	snprintf(day, sizeof day, "%.10s", s);
	if (cal_parse(day, &d))
		return 0;
	if (n == 10)
		return 1;
	int hh, mm, ss;
	char t, z;
	return sscanf(s + 10, "%c%2d:%2d:%2d%c", &t, &hh, &mm, &ss, &z) == 5 && t == 'T' &&
	       z == 'Z' && s[13] == ':' && s[16] == ':' && hh >= 0 && hh < 24 && mm >= 0 &&
	       mm < 60 && ss >= 0 && ss < 60;
}

static void date_at(struct imp *im, sqlite3_stmt *st, int c, int64_t pid, int nullable)
{
	const char *s = text_at(im, st, c, pid, nullable, 20);
	char b[64];
	if (s && !is_date(s))
		problem(im, _("%s: proposal %lld, field %s: \"%s\" is not a date (YYYY-MM-DD)"),
		        im->file, (long long)pid, sqlite3_column_name(st, c), pkg_shown(s, b, sizeof b));
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

/* An association of the package's body, or one of no body in particular. */
static int own_association(struct imp *im, int64_t assoc)
{
	sqlite3_stmt *q = db_prep(im->db, "SELECT body_id IS NULL OR body_id = :b FROM association "
	                                  "WHERE id = :a");
	db_int(q, ":b", im->body);
	db_int(q, ":a", assoc);
	int ok = db_step(im->db, q) == SQLITE_ROW && sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return ok;
}

/* Inserts (id 0) or overwrites proposal id from the package row; returns its id. */
static int64_t write_proposal(struct imp *im, sqlite3_stmt *st, int64_t id, int64_t assoc,
                              char levels[][9], int nlevels)
{
	tz_db *db = im->db;
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
	return id;
fail:
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
		              "comes from"), im->file, (long long)pid, pkg_shown(body, b1, sizeof b1), in->body);
	int64_t assoc = 0;
	const char *akk = text_at(im, st, C_ASSOC_KK, pid, 1, 1024);
	text_at(im, st, C_ASSOC_RU, pid, 1, 1024);
	if (akk && !(assoc = ref_id(im->db, "SELECT id FROM association WHERE name_kk = :k", akk)))
		problem(im, _("%s: proposal %lld, field %s: no employer association \"%s\" here"),
		        im->file, (long long)pid, "association_kk", pkg_shown(akk, b1, sizeof b1));
	else if (assoc && !own_association(im, assoc))
		problem(im, _("%s: proposal %lld, field %s: the employer association \"%s\" belongs to "
		              "another sectoral state body, not to \"%s\""),
		        im->file, (long long)pid, "association_kk", pkg_shown(akk, b1, sizeof b1), in->body);
	const char *action = enum_at(im, st, C_ACTION, pid, 0, actions);
	enum_at(im, st, C_SECTION, pid, 0, sections);
	const char *code = text_at(im, st, C_CODE, pid, 0, 16);
	if (code && ref_id(im->db, "SELECT level FROM nkz WHERE code = :k", code) != 6)
		problem(im, _("%s: proposal %lld, field %s: \"%s\" is not an occupation code of the classifier"),
		        im->file, (long long)pid, "nkz_code", pkg_shown(code, b1, sizeof b1));
	for (int c = C_BASIS_KK; c <= C_LEGAL_RU; c++)
		if (c != C_VALIDITY && c != C_PROFILE)
			text_lines_at(im, st, c, pid, 0, PKG_MAX_FIELD, TEXT_LINES);
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
			        im->file, (long long)pid, "level", l ? pkg_shown(l, b1, sizeof b1) : "?");
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
	if (sqlite3_prepare_v2(im->h, pkg_content_sql[2], -1, &st, NULL) != SQLITE_OK) {
		problem(im, _("%s: the council agreement cannot be read: %s"), im->file, sqlite3_errmsg(im->h));
		return;
	}
	int n = 0, before = im->problems, rc;
	const char *date = NULL, *proto = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && ++n == 1) {
		const char *body = text_at(im, st, 0, 0, 0, 64);
		if (body && strcmp(body, im->info->body))
			problem(im, _("%s: the council agreement is of the body \"%s\", not of \"%s\""),
			        im->file, pkg_shown(body, b, sizeof b), im->info->body);
		date = text_at(im, st, 1, 0, 0, 10);
		if (date && !is_date(date))
			problem(im, _("%s: the council agreement's date \"%s\" is not a date (YYYY-MM-DD)"),
			        im->file, pkg_shown(date, b, sizeof b));
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
		if (db_run(im->db, q))
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
	if (sqlite3_prepare_v2(im->h, pkg_content_sql[0], -1, &st, NULL) != SQLITE_OK ||
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
			        pkg_shown((const char *)sqlite3_column_text(st, 0), b1, sizeof b1),
			        pkg_shown((const char *)sqlite3_column_text(st, 1), b2, sizeof b2));
	sqlite3_finalize(st);
}

/* The change log's triggers record each row; this entry says where they came from. */
static int log_import(struct imp *im, const char *sum)
{
	struct pkg_info *in = im->info;
	sqlite3_stmt *q = db_prep(im->db, "SELECT json_object('file', :f, 'body', :b, 'cycle', :c, 'login', :l, "
	                                  "'created', :t, 'checksum', :s, 'added', :a, 'replaced', :r, 'skipped', :k)");
	char cyc[32];
	snprintf(cyc, sizeof cyc, "%lld %s", (long long)in->year, in->season);
	db_text(q, ":f", im->file);
	db_text(q, ":b", in->body);
	db_text(q, ":c", cyc);
	db_text(q, ":l", in->login);
	db_text(q, ":t", in->created);
	db_text(q, ":s", sum);
	db_int(q, ":a", in->added);
	db_int(q, ":r", in->replaced);
	db_int(q, ":k", in->skipped);
	int rc = db_step(im->db, q) == SQLITE_ROW ?
	         audit_log(im->db, "package", in->body, "import", NULL, db_col_text(q, 0)) : -1;
	sqlite3_finalize(q);
	if (rc)
		problem(im, _("%s: the import cannot be recorded in the change log: %s"), im->file, db_errmsg(im->db));
	return rc;
}

int package_may_import(tz_db *db, char *why, size_t len)
{
	struct who w;
	auth_whoami(db, &w);
	if (w.role == ROLE_ADMIN || w.role == ROLE_AB_CLERK)
		return 0;
	snprintf(why, len, _("importing a package is the authorized body's clerks' work; "
	                     "%s is %s"), w.login, auth_role_label(w.role));
	return -1;
}

enum pkg_result package_import(tz_db *db, const char *file, enum pkg_mode mode, int dry_run,
                               pkg_note_fn *note, void *ctx, struct pkg_info *info,
                               char *err, size_t errlen)
{
	memset(info, 0, sizeof *info);
	if (package_may_import(db, err, errlen))
		return PKG_REFUSED;
	sqlite3 *h = pkg_open(file, err, errlen);
	if (!h)
		return PKG_REFUSED;
	enum pkg_result res = PKG_REFUSED;
	char sum[65], hex[65], why[512];
	struct imp im = {db, h, file, note, ctx, info, mode, 0, 0, 0, 0};
	int authorized = 0;
	if (pkg_manifest(h, file, info, sum, err, errlen))
		goto out;
	if (pkg_checksum(h, info, hex, why, sizeof why)) {
		snprintf(err, errlen, _("%s cannot be read as a package: %s"), file, why);
		goto out;
	}
	if (strcmp(sum, hex)) {
		snprintf(err, errlen, _("%s: the checksum does not match the content; the file was changed "
		                        "or damaged after it was made"), file);
		goto out;
	}
	im.body = pkg_body_id(db, info->body, &authorized);
	if (!im.body || authorized) {
		snprintf(err, errlen, _("%s: the package comes from \"%s\", which is not a sectoral body here"),
		         file, info->body);
		goto out;
	}
	im.cycle = pkg_cycle_id(db, info->year, info->season);
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
	} else if (pass(&im) || info->conflicts || log_import(&im, sum)) {
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
