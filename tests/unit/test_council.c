/* The forming stage (council.h) and the grounds of changes (ground.h) on the
 * demo register: each item carried out, its ground kept under the key the
 * change has afterwards; refusals write nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/i18n.h"
#include "domain/council.h"
#include "domain/cycle.h"
#include "domain/ground.h"
#include "domain/review.h"
#include "store/store.h"

static tz_db *db;

static int count_missing(void *ctx, const char *key)
{
	(void)key;
	(*(int *)ctx)++;
	return 0;
}

static int64_t q(const char *sql)
{
	return db_int_query(db, sql, -1);
}

static int apply(enum council_action a, const char *item, const char *key, char *newkey,
                 struct council_item *base)
{
	struct council_item it;
	if (base)
		it = *base;
	else
		memset(&it, 0, sizeof it);
	it.action = a;
	it.item = item;
	it.key = key;
	char err[1024] = "", nk[32] = "";
	int rc = council_apply(db, &it, nk, sizeof nk, err, sizeof err);
	if (newkey)
		snprintf(newkey, 32, "%s", nk);
	if (rc)
		printf("  (refused: %s)\n", err);
	return rc;
}

int main(void)
{
	char path[] = "/tmp/tz-council-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	setenv("LANGUAGE", "en", 1);
	setenv("TIZILIM_TODAY", "2026-04-10", 1);
	char err[1024] = "", why[512];
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	CHECK_INT(store_load_demo(db), 0);
	int64_t v = q("SELECT id FROM reg_version WHERE state = 'draft'");

	/* The demo's changes each have a ground; one without is found. */
	int missing = 0;
	CHECK_INT(ground_missing(db, v, count_missing, &missing), 0);
	CHECK_INT(db_exec(db, "DELETE FROM change_ground WHERE nkz_code = '8343-2-009'"), 0);
	missing = 0;
	CHECK_INT(ground_missing(db, v, count_missing, &missing), 1);
	CHECK_INT(missing, 1);
	CHECK(ground_correct(db, "8343-2-009:2", "", err, sizeof err) != 0, "a correction without a reason");
	CHECK(ground_correct(db, "8343-2-009:9", "x", err, sizeof err) != 0, "a correction of no change");
	CHECK_INT(ground_correct(db, "8343-2-009:2", "Акт атауы өзгерді", err, sizeof err), 0);
	CHECK_INT(ground_missing(db, v, NULL, NULL), 0);
	struct ground_set gs;
	char buf[4096];
	CHECK_INT(ground_of(db, v, "8343-2-009", "2", &gs), 0);
	CHECK_INT(gs.n, 1);
	CHECK_STR(ground_summary(&gs, buf, sizeof buf), "technical correction: Акт атауы өзгерді");

	/* No forming stage before the recommendations. */
	CHECK(council_may_apply(db, why, sizeof why) != 0, "no forming stage yet");
	CHECK(council_may_record(db, why, sizeof why) != 0, "nothing with the Council yet");
	CHECK(apply(COUNCIL_APPROVE, "1", "2411-1-001:6", NULL, NULL) != 0, "an item before the stage");

	int n, refused, late, undone;
	CHECK_INT(review_approve_all(db, &n, &refused, err, sizeof err), 0);
	tz_day d;
	cal_parse("2026-03-30", &d);
	CHECK_INT(cycle_council_submit(db, d, &late, err, sizeof err), 0);
	CHECK_INT(council_may_record(db, why, sizeof why), 0);
	cal_parse("2026-04-08", &d);
	CHECK_INT(cycle_recommendations(db, d, "5", NULL, 0, NULL, &undone, err, sizeof err), 0);
	CHECK_INT(council_may_apply(db, why, sizeof why), 0);
	CHECK_INT(council_forming(db, NULL), v);
	tz_day due;
	cal_parse("2026-04-22", &due);
	CHECK_INT(council_due(db), due);

	/* Refusals write nothing. */
	int64_t log0 = q("SELECT count(*) FROM change_log");
	CHECK(apply(COUNCIL_AMEND, "", "5131-1-001:4", NULL, NULL) != 0, "an item needs its number");
	CHECK(apply(COUNCIL_AMEND, "1", "5131-1-001:4", NULL, NULL) != 0, "amend nothing");
	CHECK(apply(COUNCIL_EXCLUDE, "1", "9999-9-999:3", NULL, NULL) != 0, "no such row");
	CHECK(apply(COUNCIL_EXCLUDE, "1", "junk", NULL, NULL) != 0, "not a key");
	struct council_item dup = {.set = COL_LEVEL};
	snprintf(dup.row.level, sizeof dup.row.level, "3");
	CHECK(apply(COUNCIL_AMEND, "1", "5131-1-001:4", NULL, &dup) != 0, "a level the row has already");
	CHECK_INT(q("SELECT count(*) FROM change_log"), log0);
	CHECK_STR(reg_version_state(db, v), "recommended");

	/* Item 1: a level amended; the change keeps its grounds under its new key. */
	char nk[32];
	struct council_item lv = {.set = COL_LEVEL};
	snprintf(lv.row.level, sizeof lv.row.level, "5");
	CHECK_INT(apply(COUNCIL_AMEND, "1", "5131-1-001:4", nk, &lv), 0);
	CHECK_STR(nk, "5131-1-001:5");
	CHECK_INT(ground_of(db, v, "5131-1-001", "5", &gs), 0);
	CHECK_INT(gs.n, 2);
	CHECK_INT(gs.g[0].kind, GROUND_CORRECTION);
	CHECK_INT(gs.g[1].kind, GROUND_COUNCIL);
	CHECK_STR(gs.g[1].item, "1");
	CHECK_STR(gs.g[1].protocol, "5");
	CHECK_STR(reg_version_state(db, v), "recommended");

	/* Item 2: the other section. */
	struct council_item sec = {.set = COL_SECTION};
	snprintf(sec.row.section, sizeof sec.row.section, "voluntary");
	CHECK_INT(apply(COUNCIL_AMEND, "2", "7212-2-001:3", NULL, &sec), 0);
	CHECK_INT(q("SELECT count(*) FROM reg_row WHERE nkz_code = '7212-2-001' AND section = 'voluntary' "
	            "AND version_id = (SELECT id FROM reg_version WHERE state = 'recommended')"), 1);

	/* Item 3: a row added (a level the profession lacked), named from the classifier. */
	struct council_item add = {0};
	snprintf(add.row.nkz_code, sizeof add.row.nkz_code, "8341-1-002");
	snprintf(add.row.section, sizeof add.row.section, "voluntary");
	snprintf(add.row.level, sizeof add.row.level, "4");
	snprintf(add.row.profile, sizeof add.row.profile, "t");
	add.row.validity = 0;
	add.row.body_id = q("SELECT id FROM body WHERE code = 'trade'");
	add.row.basis_kk = "Аспаз кәсіптік стандарты";
	add.row.basis_ru = "Профстандарт «Повар»";
	CHECK_INT(apply(COUNCIL_ADD, "3", NULL, nk, &add), 0);
	CHECK_STR(nk, "8341-1-002:4");
	CHECK_INT(q("SELECT count(*) FROM reg_row r JOIN nkz n ON n.code = r.nkz_code AND n.name_kk = r.name_kk "
	            "WHERE r.nkz_code = '8341-1-002' AND r.level = '4'"), 1);

	/* Item 4: a change returned; the published row is back. */
	CHECK_INT(apply(COUNCIL_RETURN, "4", "2411-1-001:6", NULL, NULL), 0);
	CHECK_INT(q("SELECT validity FROM reg_row WHERE nkz_code = '2411-1-001' AND level = '6' AND version_id = "
	            "(SELECT id FROM reg_version WHERE state = 'recommended')"),
	          q("SELECT validity FROM reg_row WHERE nkz_code = '2411-1-001' AND level = '6' AND version_id = "
	            "(SELECT id FROM reg_version WHERE state = 'published')"));
	CHECK(apply(COUNCIL_RETURN, "4", "2411-1-001:6", NULL, NULL) != 0, "no longer a change");

	/* Item 5: a row excluded. */
	CHECK_INT(apply(COUNCIL_EXCLUDE, "5", "8341-1-002:3", NULL, NULL), 0);
	CHECK_INT(ground_missing(db, v, NULL, NULL), 0);
	CHECK_INT(q("SELECT count(*) FROM change_ground WHERE kind = 'council'"), 5);
	CHECK_STR(reg_version_state(db, v), "recommended");

	db_close(db);
	unlink(path);
	return tz_test_done();
}
