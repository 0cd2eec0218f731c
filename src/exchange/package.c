#include "exchange/package.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/auth.h"
#include "config.h"
#include "base/host.h"
#include "base/i18n.h"
#include "base/debuglog.h"
#include "base/text.h"
#include "base/privs.h"
#include "base/safefile.h"

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

/* The content rows in the order the checksum reads them. */
const char *const pkg_content_sql[] = {
	"SELECT " PKG_PROPOSAL_COLS " FROM proposal ORDER BY id",
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
int pkg_checksum(sqlite3 *h, const struct pkg_info *m, char hex[65], char *why, size_t len)
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
	for (size_t t = 0; t < sizeof pkg_content_sql / sizeof *pkg_content_sql && !rc; t++) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(h, pkg_content_sql[t], -1, &st, NULL) != SQLITE_OK) {
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

const char *pkg_shown(const char *s, char *buf, size_t len)
{
	if (!s)
		return "NULL";
	if (!text_valid_utf8(s, -1))
		return _("(not UTF-8)");
	char shown[256];
	text_escape(shown, sizeof shown, s, 0);
	size_t n = text_fit(shown, 40);
	if (n >= len)
		n = len - 1;
	/* A short buf cuts before a letter, not inside it. */
	while (n > 0 && ((unsigned char)shown[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, shown, n);
	buf[n] = '\0';
	return buf;
}

/* Text at column c: NULL when absent (a problem unless nullable) or refused. */
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
sqlite3 *pkg_open(const char *file, char *err, size_t errlen)
{
	struct stat sb;
	char head[16] = "", b[128];
	FILE *f = userfile_read(file, "rb");
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
	/* Immutable: SQLite opens the file here and nothing beside it later. */
	privs_user();
	int rc = uri ? sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) : SQLITE_NOMEM;
	privs_program();
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
	 * table, another table) is not ours to read.  SQLite stores the leading
	 * keywords of sqlite_schema.sql in upper case, so a plain table's text
	 * starts with exactly "CREATE TABLE ". */
	static const char *const want[] = {"table manifest", "table proposal", "table proposal_level",
	                                   "table council_agreement", "index sqlite_autoindex_proposal_level_1"};
	int seen = 0;
	if (sqlite3_prepare_v2(h, "SELECT type, name, substr(sql, 1, 13) = 'CREATE TABLE ' FROM sqlite_schema",
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
			         pkg_shown((const char *)sqlite3_column_text(st, 0), head, sizeof head),
			         pkg_shown((const char *)sqlite3_column_text(st, 1), b, sizeof b));
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

int pkg_manifest(sqlite3 *h, const char *file, struct pkg_info *in, char sum[65], char *err, size_t errlen)
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
		                text_find_control((const char *)sqlite3_column_text(st, i), 0) < 0);
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

int package_checksum(const char *file, char hex[65], char *err, size_t errlen)
{
	struct pkg_info in;
	char sum[65], why[512];
	sqlite3 *h = pkg_open(file, err, errlen);
	if (!h)
		return -1;
	int rc = pkg_manifest(h, file, &in, sum, err, errlen);
	if (!rc && (rc = pkg_checksum(h, &in, hex, why, sizeof why)))
		snprintf(err, errlen, _("%s cannot be read as a package: %s"), file, why);
	sqlite3_close(h);
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

int64_t pkg_cycle_id(tz_db *db, int64_t year, const char *season)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM cycle WHERE year = :y AND season = :s");
	db_int(st, ":y", year);
	db_text(st, ":s", season);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

int64_t pkg_body_id(tz_db *db, const char *code, int *authorized)
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
		body = pkg_body_id(db, body_code, NULL);
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
		cycle = pkg_cycle_id(db, year, season);
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
	host_now(info->created);

	char why[512] = "";
	if (db_own_file(db, file)) {
		snprintf(err, errlen, _("%s is the database itself or a file SQLite keeps beside it; "
		                        "choose another file"), file);
		return -1;
	}
	/* The caller lends the user's rights (a package is the clerk's file). */
	char *tmp = safefile_temp(file, 0600);
	if (!tmp) {
		snprintf(err, errlen, _("cannot create a file beside %s: %s"), file, strerror(errno));
		return -1;
	}
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
	                            "INSERT INTO proposal (" PKG_PROPOSAL_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, "
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
	if (pkg_checksum(h, info, hex, why, sizeof why))
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
	if (safefile_place(tmp, file)) {
		snprintf(why, sizeof why, "%s", strerror(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (!why[0])
		snprintf(why, sizeof why, "%s", h ? sqlite3_errmsg(h) : db_errmsg(db));
	tz_log("package export to %s: %s", file, why);
	snprintf(err, errlen, _("cannot write the package %s: %s"), file, why);
	sqlite3_close(h);
	safefile_discard(tmp);
	free(tmp);
	return -1;
}
