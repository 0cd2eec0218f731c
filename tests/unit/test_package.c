/* Packages whose content was altered and re-sealed with a correct checksum,
 * so that each check of the import is reached and must refuse on its own;
 * and the backup path offered before a publication. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/backup.h"
#include "harness.h"
#include "exchange/package_in.h"
#include "store/store.h"
#include "base/text.h"

static char dir[] = "/tmp/tz-package-XXXXXX";
static char notes[8192];

static void collect(void *ctx, const char *msg)
{
	(void)ctx;
	size_t n = strlen(notes);
	snprintf(notes + n, sizeof notes - n, "%s\n", msg);
}

static tz_db *make_db(const char *name)
{
	char path[256], err[512] = "";
	snprintf(path, sizeof path, "%s/%s", dir, name);
	tz_db *db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "cannot make %s: %s", name, err);
	return db;
}

static int sql(const char *file, const char *stmt)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open(file, &h) == SQLITE_OK ? sqlite3_exec(h, stmt, NULL, NULL, NULL) : -1;
	if (rc)
		printf("sql on %s: %s\n", file, sqlite3_errmsg(h));
	sqlite3_close(h);
	return rc;
}

/* A copy of the good package with stmt applied and the checksum made right. */
static const char *altered(const char *good, const char *stmt)
{
	static char path[256];
	char cmd[600], hex[65], err[512] = "", fix[200];
	snprintf(path, sizeof path, "%s/altered.tzp", dir);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", good, path);
	CHECK(system(cmd) == 0, "cp");
	CHECK(sql(path, stmt) == 0, "alter: %s", stmt);
	CHECK(package_checksum(path, hex, err, sizeof err) == 0, "checksum: %s", err);
	snprintf(fix, sizeof fix, "UPDATE manifest SET checksum = '%s'", hex);
	CHECK(sql(path, fix) == 0, "reseal");
	return path;
}

static int64_t written(tz_db *db)
{
	return db_int_query(db, "SELECT (SELECT count(*) FROM proposal) + (SELECT count(*) FROM proposal_level)"
	                        " + (SELECT count(*) FROM council_agreement)", -1);
}

/* Imports file into db and expects a refusal whose notes or message hold word. */
static void refused(tz_db *db, const char *name, const char *file, const char *word)
{
	struct pkg_info in;
	char err[1024] = "";
	notes[0] = '\0';
	int64_t before = written(db);
	enum pkg_result r = package_import(db, file, PKG_REPLACE, 0, collect, NULL, &in, err, sizeof err);
	CHECK(r == PKG_REFUSED, "%s: not refused (%d)", name, r);
	CHECK(strstr(notes, word) || strstr(err, word), "%s: no \"%s\" in [%s] [%s]", name, word, notes, err);
	CHECK_INT(written(db), before);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	tz_db *a = make_db("a.db"), *b = make_db("b.db"), *c = make_db("c.db");
	if (!a || !b || !c)
		return tz_test_done();
	char code1[16] = "", code2[16] = "", group[16] = "", stmt[2048];
	sqlite3_stmt *st = db_prep(a, "SELECT code FROM nkz WHERE level = 6 ORDER BY code LIMIT 2");
	if (db_step(a, st) == SQLITE_ROW)
		snprintf(code1, sizeof code1, "%s", db_col_text(st, 0));
	if (db_step(a, st) == SQLITE_ROW)
		snprintf(code2, sizeof code2, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	st = db_prep(a, "SELECT code FROM nkz WHERE level = 4 LIMIT 1");
	if (db_step(a, st) == SQLITE_ROW)
		snprintf(group, sizeof group, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	snprintf(stmt, sizeof stmt,
	         "INSERT INTO proposal (cycle_id, body_id, association_id, action, section, nkz_code, basis_kk, "
	         " basis_ru, validity, profile, safety_kk, safety_ru, state, created, author) VALUES "
	         "((SELECT id FROM cycle WHERE year = 2026 AND season = 'spring'), "
	         " (SELECT id FROM body WHERE code = 'agriculture'), 1, 'include', 'voluntary', '%s', "
	         " 'Стандарт', 'Стандарт', 5, 't', 'Қауіпсіздік', 'Безопасность', 'agreed', '2026-01-10', 'aigul'),"
	         "((SELECT id FROM cycle WHERE year = 2026 AND season = 'spring'), "
	         " (SELECT id FROM body WHERE code = 'agriculture'), NULL, 'exclude', 'mandatory', '%s', "
	         " '', '', NULL, NULL, '', '', 'submitted', '2026-01-11', 'aigul');"
	         "INSERT INTO proposal_level SELECT id, '4' FROM proposal WHERE action = 'include';"
	         "INSERT INTO council_agreement (cycle_id, body_id, date, protocol) VALUES "
	         "((SELECT id FROM cycle WHERE year = 2026 AND season = 'spring'), "
	         " (SELECT id FROM body WHERE code = 'agriculture'), '2026-01-20', '7')", code1, code2);
	CHECK_INT(db_exec(a, stmt), 0);

	char good[256], err[1024] = "";
	struct pkg_info in;
	snprintf(good, sizeof good, "%s/good.tzp", dir);
	CHECK_INT(package_export(a, good, "agriculture", 2026, "spring", &in, err, sizeof err), 0);
	CHECK_INT(in.proposals, 2);
	CHECK_INT(in.levels, 1);
	CHECK_INT(in.agreement, 1);
	/* Omitting the cycle takes the latest one with the body's proposals. */
	char latest[256];
	snprintf(latest, sizeof latest, "%s/latest.tzp", dir);
	CHECK_INT(package_export(a, latest, "agriculture", 0, NULL, &in, err, sizeof err), 0);
	CHECK_STR(in.season, "spring");
	CHECK_INT(in.year, 2026);

	/* A dry run counts and writes nothing; then the import; then a conflict. */
	notes[0] = '\0';
	CHECK_INT(package_import(b, good, PKG_STOP, 1, collect, NULL, &in, err, sizeof err), PKG_DONE);
	CHECK_INT(in.added, 2);
	CHECK_INT(written(b), 0);
	CHECK_INT(package_import(b, good, PKG_STOP, 0, collect, NULL, &in, err, sizeof err), PKG_DONE);
	CHECK_INT(written(b), 4);
	CHECK_STR(in.body, "agriculture");
	CHECK_INT(package_import(b, good, PKG_STOP, 0, collect, NULL, &in, err, sizeof err), PKG_CONFLICT);
	CHECK_INT(in.conflicts, 2);
	CHECK(strstr(notes, code1) != NULL, "conflict does not name %s: %s", code1, notes);
	CHECK_INT(written(b), 4);
	CHECK_INT(db_int_query(b, "SELECT count(*) FROM proposal WHERE author = 'aigul' AND state = 'agreed'", 0), 1);

	/* Re-sealing alone changes nothing: the refusals below are the checks'. */
	const char *f = altered(good, "UPDATE proposal SET basis_kk = 'Басқа стандарт' WHERE action = 'include'");
	CHECK_INT(package_import(c, f, PKG_STOP, 1, collect, NULL, &in, err, sizeof err), PKG_DONE);

	refused(c, "other body", altered(good, "UPDATE proposal SET body = 'competition' WHERE action = 'exclude'"),
	        "competition");
	refused(c, "unknown code", altered(good, "UPDATE proposal SET nkz_code = '9999-9-999' WHERE action = 'exclude'"),
	        "9999-9-999");
	snprintf(stmt, sizeof stmt, "UPDATE proposal SET nkz_code = '%s' WHERE action = 'exclude'", group);
	refused(c, "group code", altered(good, stmt), group);
	refused(c, "decided", altered(good, "UPDATE proposal SET state = 'applied' WHERE action = 'include'"),
	        "applied");
	refused(c, "long field", altered(good, "UPDATE proposal SET basis_kk = replace(hex(zeroblob(40000)), '0', 'a')"),
	        "basis_kk");
	refused(c, "bad UTF-8", altered(good, "UPDATE proposal SET safety_ru = CAST(x'd0bfff' AS TEXT)"), "UTF-8");
	refused(c, "NUL in text", altered(good, "UPDATE proposal SET safety_kk = CAST(x'610062' AS TEXT)"), "safety_kk");
	refused(c, "unknown level", altered(good, "UPDATE proposal_level SET level = '9'"), "\"9\"");
	refused(c, "bad section", altered(good, "UPDATE proposal SET section = 'secret'"), "secret");
	refused(c, "bad date", altered(good, "UPDATE proposal SET created = 'yesterday'"), "yesterday");
	refused(c, "impossible date", altered(good, "UPDATE proposal SET created = '2025-99-99'"), "2025-99-99");
	refused(c, "30 February", altered(good, "UPDATE proposal SET submitted = '2026-02-30' WHERE action = 'exclude'"),
	        "2026-02-30");
	refused(c, "impossible moment",
	        altered(good, "UPDATE proposal SET created = '2026-01-10T25:61:00Z'"), "25:61");
	refused(c, "impossible agreement date", altered(good, "UPDATE council_agreement SET date = '2026-13-01'"),
	        "2026-13-01");
	/* An employer association of another sectoral body. */
	CHECK_INT(db_exec(c, "INSERT INTO association (name_kk, name_ru, body_id) VALUES "
	                     "('Энергетиктер қауымдастығы', 'Ассоциация энергетиков', "
	                     "(SELECT id FROM body WHERE code = 'energy'))"), 0);
	refused(c, "another body's association",
	        altered(good, "UPDATE proposal SET association_kk = 'Энергетиктер қауымдастығы', "
	                      "association_ru = 'Ассоциация энергетиков' WHERE action = 'include'"),
	        "Энергетиктер қауымдастығы");
	refused(c, "bad validity", altered(good, "UPDATE proposal SET validity = 500 WHERE action = 'include'"),
	        "validity");
	refused(c, "unknown association", altered(good, "UPDATE proposal SET association_kk = 'Жоқ' WHERE action = 'include'"),
	        "Жоқ");
	refused(c, "duplicate", altered(good, "INSERT INTO proposal SELECT 10, body, association_kk, association_ru, "
	                                      "action, section, nkz_code, basis_kk, basis_ru, validity, profile, "
	                                      "safety_kk, safety_ru, demand_kk, demand_ru, standard_kk, standard_ru, "
	                                      "legal_act_kk, legal_act_ru, state, round, created, submitted, late, "
	                                      "author FROM proposal WHERE action = 'include'"),
	        "more than once");
	refused(c, "orphan level", altered(good, "INSERT INTO proposal_level VALUES (77, '5')"), "no proposal");
	refused(c, "agreement of another body", altered(good, "UPDATE council_agreement SET body = 'energy'"), "energy");
	refused(c, "manifest of the authorized body",
	        altered(good, "UPDATE manifest SET body = 'labour'; UPDATE proposal SET body = 'labour';"
	                      "UPDATE council_agreement SET body = 'labour'"), "labour");
	/* Named as escaped text, never passed on raw. */
	refused(c, "escape in a value", altered(good, "UPDATE proposal SET section = char(27) || '[2J'"),
	        "field section: the text holds the control character \\x1b");
	CHECK(!strchr(notes, 27), "no raw ESC in [%s]", notes);
	refused(c, "C1 in a text", altered(good, "UPDATE proposal SET basis_kk = 'a' || char(155) || '2J'"),
	        "field basis_kk: the text holds the control character \\u009b");
	CHECK(!strchr(notes, 27), "an escape character reached the notes");
	CHECK_INT(db_int_query(c, "SELECT count(*) FROM sqlite_schema WHERE name = 'reg_row'", 0), 1);

	/* The backup offered before publishing: beside the database, dated. */
	char *p = backup_suggest_path(a);
	char want[300];
	snprintf(want, sizeof want, "%s/backups/tizilim-", dir);
	CHECK(p && !strncmp(p, want, strlen(want)) && strlen(p) == strlen(want) + 20 &&
	      !strcmp(p + strlen(p) - 3, ".db"), "suggested %s", p ? p : "(null)");
	free(p);
	char taken[4096];
	CHECK_INT(backup_before_publish(a, taken, sizeof taken, err, sizeof err), 0);
	struct stat sb;
	CHECK(stat(taken, &sb) == 0 && (sb.st_mode & 0777) == 0600, "no 0600 backup at %s", taken);
	CHECK_INT(backup_check(taken, err, sizeof err), 0);
	/* Not inside a change: the copy would hold what is not saved yet. */
	db_begin(a);
	CHECK(backup_to(a, taken, err, sizeof err) == -1, "backup inside a transaction");
	db_rollback(a);

	db_close(a);
	db_close(b);
	db_close(c);
	text_cleanup();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd))
		printf("cannot remove %s\n", dir);
	return tz_test_done();
}
