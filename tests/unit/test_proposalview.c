/* The proposals screen's data on the demo database: which cycle it opens on
 * and which comes before and after, a cycle's proposals in the order they
 * came with their state, levels, late mark and the rework deadline of an
 * open remark, the profession and body in Kazakh or Russian, the bodies
 * paged through one by one, and a proposal's remarks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "domain/cycle.h"
#include "domain/proposals.h"
#include "harness.h"
#include "store/auth.h"
#include "store/store.h"
#include "view/proposalview.h"

static tz_db *db;

static tz_day day(const char *s)
{
	tz_day d = -1;
	CHECK(cal_parse(s, &d) == 0, "test date %s", s);
	return d;
}

static int64_t add(int64_t cycle, const char *body, const char *code, const char *l1, const char *l2)
{
	struct proposal_rec r;
	memset(&r, 0, sizeof r);
	r.pr.cycle_id = cycle;
	r.pr.body_id = proposals_body(db, body);
	r.pr.action = PA_INCLUDE;
	snprintf(r.pr.row.section, sizeof r.pr.row.section, "voluntary");
	snprintf(r.pr.row.nkz_code, sizeof r.pr.row.nkz_code, "%s", code);
	snprintf(r.pr.row.profile, sizeof r.pr.row.profile, "sg");
	r.pr.row.validity = 5;
	snprintf(r.pr.levels[r.pr.nlevels++], sizeof r.pr.levels[0], "%s", l1);
	if (l2)
		snprintf(r.pr.levels[r.pr.nlevels++], sizeof r.pr.levels[0], "%s", l2);
	char err[512] = "";
	int rc = proposals_save(db, &r, err, sizeof err);
	CHECK(rc == PR_OK, "save %s: %s", code, err);
	int64_t id = r.pr.id;
	proposal_rec_free(&r);
	return id;
}

struct remarks { int n; char line[8][512]; int reworked[8], overdue[8]; };

static int take_remark(void *ctx, const struct propview_remark *r)
{
	struct remarks *s = ctx;
	if (s->n == 8)
		return 1;
	snprintf(s->line[s->n], sizeof s->line[0], "%s %s %s / %s", r->received, r->due, r->text_kk, r->text_ru);
	s->reworked[s->n] = r->reworked;
	s->overdue[s->n] = r->overdue;
	s->n++;
	return 0;
}

static int stop_first(void *ctx, const struct propview_remark *r)
{
	(void)r;
	++*(int *)ctx;
	return 1;
}

int main(void)
{
	char path[] = "/tmp/tz-propview-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	auth_bootstrap(db);
	int64_t autumn = cycle_find(db, 2025, DL_AUTUMN), spring = cycle_find(db, 2026, DL_SPRING);
	CHECK(autumn > 0 && spring > 0, "the demo's cycles");

	/* The screen opens on the cycle on its way; Left and Right page through
	 * the cycles in time, and stop at either end. */
	CHECK_INT(propview_first_cycle(db), spring);
	CHECK_INT(propview_next_cycle(db, spring, 1), autumn);
	CHECK_INT(propview_next_cycle(db, autumn, 1), 0);
	CHECK_INT(propview_next_cycle(db, autumn, 0), spring);
	CHECK_INT(propview_next_cycle(db, spring, 0), 0);
	int64_t autumn26 = cycle_open(db, 2026, DL_AUTUMN, err, sizeof err);
	CHECK(autumn26 > 0, "open autumn 2026: %s", err);
	CHECK_INT(propview_next_cycle(db, spring, 0), autumn26);
	CHECK_INT(propview_next_cycle(db, autumn26, 1), spring);

	struct propview_list l;
	CHECK_INT(propview_load(db, spring, 0, "kk", day("2026-02-20"), &l), 0);
	CHECK_INT(l.n, 0);
	propview_free(&l);
	CHECK_INT(propview_load(db, 0, 0, "kk", day("2026-02-20"), &l), 0);
	CHECK_INT(l.n, 0);
	propview_free(&l);

	/* Trade's first, then culture's and industry's: the list keeps the
	 * order they came in, not the bodies'. */
	int64_t waiter = add(spring, "trade", "5131-1-001", "3", "4");
	int64_t librarian = add(spring, "culture", "2622-1-001", "6", NULL);
	int64_t welder = add(spring, "industry", "7212-1-008", "4", NULL);
	int64_t other = add(autumn26, "industry", "8332-1-002", "3", NULL);
	int64_t trade = proposals_body(db, "trade"), culture = proposals_body(db, "culture"),
	        industry = proposals_body(db, "industry");
	int n = 0, late = 0;
	tz_day due;
	CHECK_INT(proposals_agree(db, spring, trade, day("2026-01-21"), "12", &n, err, sizeof err), PR_OK);
	CHECK_INT(proposals_submit(db, spring, trade, day("2026-02-03"), &n, &late, err, sizeof err), PR_OK);
	CHECK_INT(proposals_agree(db, spring, industry, day("2026-01-21"), "3", &n, err, sizeof err), PR_OK);
	CHECK_INT(proposals_submit(db, spring, industry, day("2026-01-26"), &n, &late, err, sizeof err), PR_OK);
	/* The waiter's remarks: the first answered, the second open. */
	CHECK_INT(proposals_remarks(db, waiter, day("2026-02-10"), "Стандарт жоқ", "Нет стандарта", &due,
	                            err, sizeof err), PR_OK);
	CHECK_INT(proposals_resubmit(db, waiter, day("2026-02-11"), &late, err, sizeof err), PR_OK);
	CHECK_INT(proposals_remarks(db, waiter, day("2026-02-16"), "Деңгей қате", "Уровень неверен", &due,
	                            err, sizeof err), PR_OK);

	CHECK_INT(propview_load(db, spring, 0, "kk", day("2026-02-18"), &l), 0);
	CHECK_INT(l.n, 3);
	if (l.n == 3) {
		const struct propview_row *r = l.r;
		CHECK_INT(r[0].id, waiter);
		CHECK_INT(r[1].id, librarian);
		CHECK_INT(r[2].id, welder);
		CHECK_STR(r[0].code, "5131-1-001");
		CHECK_STR(r[0].levels, "3,4");
		CHECK_STR(r[0].name, "Даяшы");
		CHECK_STR(r[0].body, "СИМ");
		CHECK_STR(proposals_state_name(r[0].state), "remarks");
		CHECK_STR(proposal_action_name(r[0].action), "include");
		CHECK_INT(r[0].round, 2);   /* resubmitted once */
		CHECK_INT(r[0].late, 1);
		/* The open remark's deadline, not yet passed on the 18th. */
		CHECK_STR(r[0].due, "2026-02-18");
		CHECK_INT(r[0].due_passed, 0);
		CHECK_STR(proposals_state_name(r[1].state), "draft");
		CHECK_STR(r[1].due, "");
		CHECK_INT(r[1].late, 0);
		CHECK_STR(r[1].name, "Кітапханашы");
		CHECK_STR(proposals_state_name(r[2].state), "submitted");
		CHECK_INT(r[2].late, 0);
		CHECK_INT(r[2].round, 1);
		CHECK_STR(proposals_state_label(r[0].state), "ескертулер бойынша пысықтауда");
	}
	propview_free(&l);

	/* In Russian, a day later: the deadline has passed. */
	i18n_set_lang("ru");
	CHECK_INT(propview_load(db, spring, 0, NULL, day("2026-02-19"), &l), 0);
	CHECK_INT(l.n, 3);
	if (l.n == 3) {
		CHECK_STR(l.r[0].name, "Официант");
		CHECK_STR(l.r[0].body, "МТИ");
		CHECK_INT(l.r[0].due_passed, 1);
		CHECK_STR(l.r[2].name, "Сварщик");
		CHECK_STR(proposals_state_label(l.r[0].state), "на доработке по замечаниям");
	}
	propview_free(&l);
	/* The language asked for, whatever the interface's. */
	CHECK_INT(propview_load(db, spring, 0, "kk", day("2026-02-19"), &l), 0);
	CHECK_STR(l.n ? l.r[0].name : "", "Даяшы");
	propview_free(&l);
	i18n_set_lang("kk");

	/* One body's, and the bodies in turn (by id), then all again. */
	CHECK_INT(propview_load(db, spring, culture, "kk", day("2026-02-19"), &l), 0);
	CHECK_INT(l.n, 1);
	CHECK_INT(l.n ? l.r[0].id : 0, librarian);
	propview_free(&l);
	CHECK_INT(propview_next_body(db, spring, 0), industry);
	CHECK_INT(propview_next_body(db, spring, industry), culture);
	CHECK_INT(propview_next_body(db, spring, culture), trade);
	CHECK_INT(propview_next_body(db, spring, trade), 0);
	CHECK_INT(propview_next_body(db, autumn26, 0), industry);
	CHECK_INT(propview_next_body(db, autumn26, industry), 0);
	CHECK_INT(propview_load(db, autumn26, 0, "kk", day("2026-02-19"), &l), 0);
	CHECK_INT(l.n, 1);
	CHECK_INT(l.n ? l.r[0].id : 0, other);
	propview_free(&l);

	/* The remarks, oldest first, both languages; the answered one is not
	 * overdue however old. */
	struct remarks s;
	memset(&s, 0, sizeof s);
	CHECK_INT(propview_remarks(db, waiter, day("2026-02-19"), take_remark, &s), 2);
	CHECK_STR(s.line[0], "2026-02-10 2026-02-12 Стандарт жоқ / Нет стандарта");
	CHECK_INT(s.reworked[0], 1);
	CHECK_INT(s.overdue[0], 0);
	CHECK_STR(s.line[1], "2026-02-16 2026-02-18 Деңгей қате / Уровень неверен");
	CHECK_INT(s.reworked[1], 0);
	CHECK_INT(s.overdue[1], 1);
	memset(&s, 0, sizeof s);
	CHECK_INT(propview_remarks(db, waiter, day("2026-02-18"), take_remark, &s), 2);
	CHECK_INT(s.overdue[1], 0);
	memset(&s, 0, sizeof s);
	CHECK_INT(propview_remarks(db, librarian, day("2026-02-18"), take_remark, &s), 0);
	int first = 0;
	CHECK_INT(propview_remarks(db, waiter, day("2026-02-18"), stop_first, &first), 1);
	CHECK_INT(first, 1);

	/* With no cycle on its way, the newest. */
	CHECK_INT(db_exec(db, "UPDATE cycle SET council_rec_date = '2026-04-10', placed_date = '2026-04-20'"), 0);
	CHECK_INT(propview_first_cycle(db), autumn26);

	db_close(db);
	unlink(path);
	char p[64];
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return tz_test_done();
}
