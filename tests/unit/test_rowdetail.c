/* What the detail screen tells about a register row: its fields in both
 * languages, its level's description in the language asked, the proposal
 * it was made from (body in that language, cycle), and its changes from the
 * log, oldest first with their reasons; a row that is gone is answered as
 * gone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/i18n.h"
#include "store/audit.h"
#include "store/store.h"
#include "view/rowdetail.h"

static tz_db *db;

static int starts(const char *s, const char *prefix)
{
	return s && !strncmp(s, prefix, strlen(prefix));
}

static void test_row(int64_t id)
{
	struct rowdetail d;
	CHECK_INT(rowdetail_read(db, id, "kk", &d), 1);
	CHECK_STR(d.code, "5411-1-001");
	CHECK_STR(d.name_kk, "Өрт сөндіруші");
	CHECK_STR(d.name_ru, "Пожарный");
	CHECK_STR(d.section, "mandatory");
	CHECK_STR(d.basis_kk, "«Азаматтық қорғау туралы» Қазақстан Республикасының Заңы");
	CHECK_STR(d.basis_ru, "Закон Республики Казахстан «О гражданской защите»");
	CHECK_STR(d.level, "3");
	CHECK(starts(d.level_descr, "Үлгілік практикалық"), "kk level: %s", d.level_descr);
	CHECK_INT(d.validity, 0);
	CHECK_STR(d.body_kk, "Қазақстан Республикасының Төтенше жағдайлар министрлігі");
	CHECK_STR(d.body_ru, "Министерство по чрезвычайным ситуациям Республики Казахстан");
	CHECK_STR(d.profile, "t");
	CHECK_INT(d.has_proposal, 0);
	rowdetail_free(&d);
	CHECK(d.code == NULL && d.nchanges == 0, "free leaves it empty");

	CHECK_INT(rowdetail_read(db, id, "ru", &d), 1);
	CHECK(starts(d.level_descr, "Самостоятельное выполнение типовых"), "ru level: %s", d.level_descr);
	CHECK_STR(d.name_kk, "Өрт сөндіруші");
	rowdetail_free(&d);

	/* A level not in the NRK list has no description. */
	CHECK_INT(db_exec(db, "INSERT INTO nrk_level (code, base, descr_kk, descr_ru) "
	                      "VALUES ('3.9', 3, 'т', 'т')"), 0);
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE reg_row SET level = '3.9' WHERE id = %lld", (long long)id);
	CHECK_INT(db_exec(db, sql), 0);
	CHECK_INT(db_exec(db, "PRAGMA foreign_keys = OFF"), 0);
	CHECK_INT(db_exec(db, "DELETE FROM nrk_level WHERE code = '3.9'"), 0);
	CHECK_INT(rowdetail_read(db, id, "kk", &d), 1);
	CHECK_STR(d.level, "3.9");
	CHECK_STR(d.level_descr, "");
	rowdetail_free(&d);
	snprintf(sql, sizeof sql, "UPDATE reg_row SET level = '3' WHERE id = %lld", (long long)id);
	CHECK_INT(db_exec(db, sql), 0);
	CHECK_INT(db_exec(db, "PRAGMA foreign_keys = ON"), 0);
}

static void test_history(int64_t id)
{
	struct rowdetail d;
	CHECK_INT(rowdetail_read(db, id, "kk", &d), 1);
	int before = d.nchanges;
	rowdetail_free(&d);
	/* Two changes with a reason, then one without: in that order. */
	char sql[160];
	audit_reason(db, "Бұйрыққа сәйкес");
	snprintf(sql, sizeof sql, "UPDATE reg_row SET validity = 5 WHERE id = %lld", (long long)id);
	CHECK_INT(db_exec(db, sql), 0);
	snprintf(sql, sizeof sql, "UPDATE reg_row SET validity = 3 WHERE id = %lld", (long long)id);
	CHECK_INT(db_exec(db, sql), 0);
	audit_reason(db, NULL);
	snprintf(sql, sizeof sql, "UPDATE reg_row SET validity = 0 WHERE id = %lld", (long long)id);
	CHECK_INT(db_exec(db, sql), 0);
	CHECK_INT(rowdetail_read(db, id, "kk", &d), 1);
	CHECK_INT(d.nchanges, before + 3);
	if (d.nchanges == before + 3) {
		struct rowdetail_change *c = &d.changes[before];
		CHECK_STR(c[0].reason, "Бұйрыққа сәйкес");
		CHECK_STR(c[1].reason, "Бұйрыққа сәйкес");
		CHECK_STR(c[2].reason, "");
		CHECK(*c[0].action && *c[0].login && *c[0].at, "who, what and when: %s %s %s",
		      c[0].at, c[0].login, c[0].action);
		CHECK(strcmp(c[0].at, c[2].at) <= 0, "oldest first: %s, %s", c[0].at, c[2].at);
	}
	CHECK_INT(d.validity, 0);
	rowdetail_free(&d);
}

static void test_proposal(int64_t id)
{
	CHECK_INT(db_exec(db,
		"INSERT INTO proposal (id, cycle_id, body_id, action, section, nkz_code, state, created) "
		"SELECT 77, c.id, b.id, 'amend', 'mandatory', '5411-1-001', 'accepted', '2026-01-10' "
		"FROM cycle c, body b WHERE c.year = 2026 AND c.season = 'spring' AND b.code = 'emergency'"),
	          0);
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE reg_row SET proposal_id = 77 WHERE id = %lld", (long long)id);
	CHECK_INT(db_exec(db, sql), 0);
	struct rowdetail d;
	CHECK_INT(rowdetail_read(db, id, "ru", &d), 1);
	CHECK_INT(d.has_proposal, 1);
	CHECK_INT(d.proposal_id, 77);
	CHECK_INT(d.proposal_action, PA_AMEND);
	CHECK_INT(d.proposal_state, PS_ACCEPTED);
	CHECK_STR(d.proposal_body, "Министерство по чрезвычайным ситуациям Республики Казахстан");
	CHECK_STR(d.cycle_year, "2026");
	CHECK_STR(d.cycle_season, "spring");
	rowdetail_free(&d);
	CHECK_INT(rowdetail_read(db, id, "kk", &d), 1);
	CHECK_STR(d.proposal_body, "Қазақстан Республикасының Төтенше жағдайлар министрлігі");
	rowdetail_free(&d);
	/* A proposal that is gone reads as none. */
	CHECK_INT(db_exec(db, "PRAGMA foreign_keys = OFF"), 0);
	CHECK_INT(db_exec(db, "DELETE FROM proposal WHERE id = 77"), 0);
	CHECK_INT(db_exec(db, "PRAGMA foreign_keys = ON"), 0);
	CHECK_INT(rowdetail_read(db, id, "kk", &d), 1);
	CHECK_INT(d.has_proposal, 0);
	CHECK(d.proposal_body == NULL, "no proposal's body");
	rowdetail_free(&d);
}

int main(void)
{
	char dir[] = "/tmp/tz-rowdetail-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(0, "mkdtemp");
		return tz_test_done();
	}
	char path[64], err[512] = "";
	snprintf(path, sizeof path, "%s/t.db", dir);
	i18n_init("kk");
	db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (db) {
		int64_t id = db_int_query(db, "SELECT r.id FROM reg_row r JOIN reg_version v "
		                              "ON v.id = r.version_id WHERE v.state = 'draft' "
		                              "AND r.nkz_code = '5411-1-001'", 0);
		CHECK(id > 0, "the draft has the firefighter");
		test_row(id);
		test_history(id);
		test_proposal(id);
		struct rowdetail d;
		CHECK_INT(rowdetail_read(db, 999999, "kk", &d), 0);
		int64_t max = db_int_query(db, "SELECT max(id) FROM reg_row", 0);
		CHECK_INT(rowdetail_read(db, max + 1, "ru", &d), 0);
		db_close(db);
	}
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return tz_test_done();
}
