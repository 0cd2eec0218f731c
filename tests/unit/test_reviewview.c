/* The review screen's data on the demo database: the draft set against the
 * published register, its changes by code and level with both sides and the
 * changed columns, the bodies named in Kazakh or Russian, the totals, the
 * decisions as they are taken, and the version with the Council once the
 * draft has gone there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "domain/cycle.h"
#include "domain/proposals.h"
#include "domain/review.h"
#include "harness.h"
#include "store/auth.h"
#include "store/store.h"
#include "view/reviewview.h"

static void drop(const char *path)
{
	char p[80];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static int find(const struct revview *v, const char *key)
{
	for (int i = 0; i < v->n; i++)
		if (!strcmp(v->c[i].key, key))
			return i;
	return -1;
}

/* The totals' line of a body, by its code. */
static int body_total(tz_db *db, const struct revview *v, const char *code)
{
	int64_t id = proposals_body(db, code);
	for (int i = 0; i < v->t.nbody; i++)
		if (v->t.body[i].body_id == id)
			return i;
	return -1;
}

static void empty_register(void)
{
	char path[] = "/tmp/tz-revview0-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	char err[512] = "";
	tz_db *db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return;
	struct revview v;
	memset(&v, 0, sizeof v);
	CHECK_INT(revview_load(db, "kk", &v), 0);
	CHECK_INT(v.version, 0);
	CHECK_INT(v.base, 0);
	CHECK_INT(v.n, 0);
	CHECK_INT(v.t.all.added + v.t.all.removed + v.t.all.changed, 0);
	revview_free(&v);
	db_close(db);
	drop(path);
}

int main(void)
{
	char path[] = "/tmp/tz-revview-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	tz_db *db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	auth_bootstrap(db);
	int64_t draft = reg_draft(db), published = reg_published(db);
	CHECK(draft > 0 && published > 0, "the demo's draft and published register");

	/* The demo's draft: waiters and gas cutters added, slingers removed,
	 * the accountant's validity changed; by code and level. */
	struct revview v;
	memset(&v, 0, sizeof v);
	CHECK_INT(revview_load(db, "kk", &v), 0);
	CHECK_INT(v.version, draft);
	CHECK_INT(v.base, published);
	CHECK_STR(v.lang, "kk");
	CHECK_INT(v.n, 5);
	static const char *const keys[] = {"2411-1-001:6", "5131-1-001:3", "5131-1-001:4", "7212-2-001:3",
	                                   "8343-2-009:2"};
	static const enum reg_diff_kind kinds[] = {DIFF_CHANGED, DIFF_ADDED, DIFF_ADDED, DIFF_ADDED, DIFF_REMOVED};
	for (int i = 0; i < 5 && i < v.n; i++) {
		CHECK_STR(v.c[i].key, keys[i]);
		CHECK_INT(v.c[i].kind, kinds[i]);
		CHECK_STR(v.c[i].decision, "");
	}
	if (v.n == 5) {
		const struct revview_change *c = &v.c[0];
		CHECK(c->has_old && c->has_neu, "a changed row has both sides");
		CHECK_INT(c->cols, COL_VALIDITY);
		CHECK_INT(c->neu.validity, 5);
		CHECK(c->old.validity != 5, "the published validity: %d", c->old.validity);
		CHECK_STR(c->neu.name_kk, "Бухгалтер");
		CHECK_STR(c->old_body, "ҚМ");
		CHECK_STR(c->neu_body, "ҚМ");
		c = &v.c[1];
		CHECK(!c->has_old && c->has_neu, "an added row has the draft's side only");
		CHECK_STR(c->neu.name_ru, "Официант");
		CHECK_STR(c->neu.section, "voluntary");
		CHECK_STR(c->neu_body, "СИМ");
		CHECK_STR(c->old_body, "");
		c = &v.c[4];
		CHECK(c->has_old && !c->has_neu, "a removed row has the published side only");
		CHECK_STR(c->old.name_kk, "Матаушы");
		CHECK_STR(c->old_body, "ИИДМ");
	}

	/* Totals: all, the sections, each body with its name, each level. */
	CHECK_INT(v.t.all.added, 3);
	CHECK_INT(v.t.all.removed, 1);
	CHECK_INT(v.t.all.changed, 1);
	CHECK_INT(v.t.section[0].added, 1);
	CHECK_INT(v.t.section[0].removed, 1);
	CHECK_INT(v.t.section[1].added, 2);
	CHECK_INT(v.t.section[1].changed, 1);
	CHECK_INT(v.t.nbody, 3);
	int b = body_total(db, &v, "industry");
	CHECK(b >= 0, "industry among the totals");
	if (b >= 0) {
		CHECK_STR(v.body_name[b], "ИИДМ");
		CHECK_INT(v.t.body[b].n.added, 1);
		CHECK_INT(v.t.body[b].n.removed, 1);
	}
	CHECK_INT(v.t.nlevel, 4);
	CHECK_INT(v.t.pending, 5);
	CHECK_INT(v.t.returned, 0);

	/* Russian names for the same changes, read again in that language. */
	revview_set_lang(db, &v, "ru");
	CHECK_STR(v.lang, "ru");
	CHECK_INT(v.n, 5);
	if (v.n == 5) {
		CHECK_STR(v.c[1].neu_body, "МТИ");
		CHECK_STR(v.c[4].old_body, "МИИР");
	}
	if (b >= 0)
		CHECK_STR(v.body_name[b], "МИИР");

	/* Decisions show once read again; a view keeps what it read till then. */
	CHECK_INT(review_decide(db, "7212-2-001:3", 0, "Негізі жоқ", err, sizeof err), 0);
	CHECK_INT(review_decide(db, "2411-1-001:6", 1, NULL, err, sizeof err), 0);
	CHECK_STR(v.n == 5 ? v.c[3].decision : "?", "");
	i18n_set_lang("ru");
	CHECK_INT(revview_load(db, NULL, &v), 0);
	CHECK_STR(v.lang, "ru");
	int i = find(&v, "7212-2-001:3");
	CHECK(i >= 0, "the returned change is still listed");
	if (i >= 0) {
		CHECK_STR(v.c[i].decision, "returned");
		CHECK_STR(v.c[i].comment, "Негізі жоқ");
		CHECK(v.c[i].login[0] != 0, "who returned it");
		CHECK_STR(v.c[i].neu_body, "МИИР");
	}
	i = find(&v, "2411-1-001:6");
	CHECK_STR(i >= 0 ? v.c[i].decision : "?", "approved");
	CHECK_INT(v.t.pending, 4);
	CHECK_INT(v.t.returned, 1);
	i18n_set_lang("kk");

	/* Gone to the Council, the draft is still what the screen reviews. */
	CHECK_INT(review_decide(db, "7212-2-001:3", 1, NULL, err, sizeof err), 0);
	int n = 0, refused = 0;
	CHECK_INT(review_approve_all(db, &n, &refused, err, sizeof err), 0);
	tz_day d;
	cal_parse("2026-03-20", &d);
	int late = 0;
	CHECK(cycle_council_submit(db, d, &late, err, sizeof err) == 0, "to the Council: %s", err);
	CHECK_INT(reg_draft(db), 0);
	CHECK_INT(revview_load(db, "kk", &v), 0);
	CHECK_INT(v.version, draft);
	CHECK_INT(v.base, published);
	CHECK_INT(v.n, 5);
	CHECK_INT(v.t.pending, 0);
	revview_free(&v);
	CHECK_INT(v.n, 0);
	CHECK(v.c == NULL, "freed");

	db_close(db);
	drop(path);
	empty_register();
	return tz_test_done();
}
