/* The cycle's steps refused out of order, the completeness check before
 * acceptance, the remarks' deadline across Nauryz, the author kept from
 * approving, and the Russian plurals of the press release. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/auth.h"
#include "domain/cycle.h"
#include "harness.h"
#include "base/host.h"
#include "base/i18n.h"
#include "domain/press.h"
#include "domain/proposals.h"
#include "domain/review.h"
#include "store/store.h"

static tz_db *db;

static tz_day day(const char *s)
{
	tz_day d = -1;
	cal_parse(s, &d);
	return d;
}

static const char *state(int64_t id)
{
	static char buf[16];
	struct proposal_rec r;
	snprintf(buf, sizeof buf, "?");
	if (!proposals_load(db, id, &r)) {
		snprintf(buf, sizeof buf, "%s", proposals_state_name(r.state));
		proposal_rec_free(&r);
	}
	return buf;
}

/* A mandatory inclusion, complete but for the legal act (cl. 8-1). */
static int64_t add(int64_t cycle, int64_t body, const char *code, int with_act)
{
	struct proposal_rec r;
	memset(&r, 0, sizeof r);
	struct proposal *p = &r.pr;
	p->cycle_id = cycle;
	p->body_id = body;
	p->action = PA_INCLUDE;
	snprintf(p->row.section, sizeof p->row.section, "mandatory");
	snprintf(p->row.nkz_code, sizeof p->row.nkz_code, "%s", code);
	snprintf(p->row.profile, sizeof p->row.profile, "t");
	p->row.validity = 5;
	p->nlevels = 1;
	snprintf(p->levels[0], sizeof p->levels[0], "4");
	reg_row_set(&p->row.basis_kk, "Заң");
	reg_row_set(&p->row.basis_ru, "Закон");
	reg_row_set(&p->safety_kk, "Қауіпсіздік");
	reg_row_set(&p->safety_ru, "Безопасность");
	reg_row_set(&p->demand_kk, "Сұраныс");
	reg_row_set(&p->demand_ru, "Спрос");
	reg_row_set(&p->standard_kk, "Стандарт");
	reg_row_set(&p->standard_ru, "Стандарт");
	if (with_act) {
		reg_row_set(&p->legal_act_kk, "Заң");
		reg_row_set(&p->legal_act_ru, "Закон");
	}
	char err[512] = "";
	int rc = proposals_save(db, &r, err, sizeof err);
	CHECK_INT(rc, PR_OK);
	if (rc)
		printf("  %s\n", err);
	int64_t id = p->id;
	proposal_rec_free(&r);
	return id;
}

int main(void)
{
	/* The cycle runs in spring 2027: events are recorded on days that have
	 * happened, so today is after them. */
	setenv("TIZILIM_TODAY", "2027-06-30", 1);
	char path[] = "/tmp/tz-cycle-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	auth_bootstrap(db);
	CHECK_INT(db_exec(db,
		"INSERT INTO nkz(code, level, parent, name_kk, name_ru, fold_kk, fold_ru) VALUES "
		"('7212-1-001','6',NULL,'Дәнекерлеуші','Сварщик','дәнекерлеуші','сварщик'),"
		"('8332-1-002','6',NULL,'Жүргізуші','Водитель','жүргізуші','водитель')"), 0);
	int64_t industry = proposals_body(db, "industry");
	CHECK(industry > 0, "the industry body");

	/* No cycle, no register steps. */
	int late = 0, undone = 0, n = 0;
	CHECK(cycle_council_submit(db, day("2027-03-30"), &late, err, sizeof err) != 0, "council without a draft");
	int64_t cyc = cycle_open(db, 2027, DL_SPRING, err, sizeof err);
	CHECK(cyc > 0, "open: %s", err);
	CHECK(cycle_open(db, 2027, DL_SPRING, err, sizeof err) == 0, "a cycle opens once");
	CHECK(reg_draft(db) > 0, "opening starts a draft");

	int64_t a = add(cyc, industry, "7212-1-001", 0), b = add(cyc, industry, "8332-1-002", 1);
	struct problems p = {0};
	CHECK_INT(proposals_accept(db, a, day("2027-02-02"), &p, err, sizeof err), PR_REFUSED);
	CHECK_STR(state(a), "draft");
	CHECK_INT(proposals_send(db, b, day("2027-01-10"), err, sizeof err), PR_REFUSED);   /* no association */
	CHECK_INT(proposals_submit(db, cyc, industry, day("2027-01-30"), &n, &late, err, sizeof err), PR_REFUSED);
	CHECK_INT(proposals_agree(db, cyc, industry, day("2027-01-20"), "", &n, err, sizeof err), PR_REFUSED);
	CHECK_INT(proposals_agree(db, cyc, industry, day("2027-01-20"), "5", &n, err, sizeof err), PR_OK);
	CHECK_INT(n, 2);
	CHECK_INT(proposals_submit(db, cyc, industry, day("2027-01-19"), &n, &late, err, sizeof err), PR_REFUSED);
	CHECK_INT(proposals_submit(db, cyc, industry, day("2027-02-02"), &n, &late, err, sizeof err), PR_OK);
	CHECK_INT(late, 1);
	CHECK_STR(state(a), "submitted");

	/* The completeness check comes first and names what is missing. */
	memset(&p, 0, sizeof p);
	CHECK_INT(proposals_accept(db, a, day("2027-02-05"), &p, err, sizeof err), PR_INCOMPLETE);
	CHECK(problems_for(&p, "legal_act_kk") && problems_for(&p, "legal_act_ru"), "names the legal act");
	CHECK_STR(state(a), "submitted");

	/* Remarks on Friday 19 March 2027: Nauryz and the weekend are skipped. */
	tz_day due = -1;
	CHECK_INT(proposals_resubmit(db, a, day("2027-03-20"), &late, err, sizeof err), PR_REFUSED);
	CHECK_INT(proposals_remarks(db, a, day("2027-03-19"), "Заң жоқ", "", &due, err, sizeof err), PR_REFUSED);
	CHECK_INT(proposals_remarks(db, a, day("2027-03-19"), "Заң жоқ", "Нет закона", &due, err, sizeof err), PR_OK);
	char buf[11];
	CHECK_STR(cal_format(due, buf), "2027-03-26");
	CHECK_INT(proposals_accept(db, a, day("2027-03-20"), &p, err, sizeof err), PR_REFUSED);
	CHECK_INT(proposals_resubmit(db, a, day("2027-03-29"), &late, err, sizeof err), PR_OK);
	CHECK_INT(late, 1);

	/* Only accepted proposals apply; the rest of the cycle in order. */
	CHECK_INT(proposals_apply(db, b, &p, err, sizeof err), PR_REFUSED);
	memset(&p, 0, sizeof p);
	CHECK_INT(proposals_accept(db, b, day("2027-03-29"), &p, err, sizeof err), PR_OK);
	CHECK_INT(proposals_apply(db, b, &p, err, sizeof err), PR_OK);
	CHECK_STR(state(b), "applied");
	CHECK_INT(proposals_apply(db, b, &p, err, sizeof err), PR_REFUSED);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM reg_row WHERE nkz_code = '8332-1-002' AND proposal_id > 0", 0), 1);

	const char *ret[] = {"8332-1-002:4"};
	CHECK(cycle_recommendations(db, day("2027-04-10"), "3", ret, 1, "x", &undone, err, sizeof err) != 0,
	      "recommendations before the Council");
	CHECK(cycle_publish(db, day("2027-04-20"), &late, err, sizeof err) != 0, "publishing without recommendations");
	CHECK(cycle_council_submit(db, day("2027-03-30"), &late, err, sizeof err) != 0, "the Council before review");
	/* Whoever applied it cannot approve it. */
	CHECK(review_decide(db, "8332-1-002:4", 1, NULL, err, sizeof err) != 0, "the author approves");
	CHECK(strstr(err, host_login()) != NULL, "the refusal names the author: %s", err);
	CHECK(review_decide(db, "8332-1-002:9", 0, "x", err, sizeof err) != 0, "no such change");
	CHECK_INT(db_exec(db, "INSERT INTO change_decision (version_id, nkz_code, level, stage, decision, rev, login, at) "
	                      "SELECT id, '8332-1-002', '4', 'review', 'approved', 1, 'someone', '' FROM reg_version "
	                      "WHERE state = 'draft'"), 0);
	CHECK_INT(cycle_council_submit(db, day("2027-03-30"), &late, err, sizeof err), 0);
	CHECK_INT(late, 0);
	CHECK(cycle_publish(db, day("2027-04-20"), &late, err, sizeof err) != 0, "publishing before recommendations");
	const char *bad[] = {"7212-1-001:4"};
	CHECK(cycle_recommendations(db, day("2027-04-10"), "3", bad, 1, "x", &undone, err, sizeof err) != 0,
	      "returning what is not a change");
	CHECK(cycle_recommendations(db, day("2027-03-01"), "3", NULL, 0, NULL, &undone, err, sizeof err) != 0,
	      "recommendations before submission");
	CHECK_INT(cycle_recommendations(db, day("2027-04-10"), "3", NULL, 0, NULL, &undone, err, sizeof err), 0);
	CHECK(cycle_publish(db, day("2027-04-09"), &late, err, sizeof err) != 0, "placed before the recommendations");
	CHECK_INT(cycle_publish(db, day("2027-04-30"), &late, err, sizeof err), 0);
	CHECK_INT(late, 1);   /* 10 working days after 10 April is 24 April */
	CHECK(reg_published(db) > 0 && reg_draft(db) > 0, "published, and a new draft");
	CHECK(press_due(db, reg_published(db)) >= 0, "the press release has a deadline");

	char *ru = press_text(db, reg_published(db), "ru", &n);
	CHECK(ru && strstr(ru, "В Реестр профессий включена 1 профессия"), "ru press: %s", ru ? ru : "");
	free(ru);
	CHECK_STR(press_ru_plural(1, "a", "b", "c"), "a");
	CHECK_STR(press_ru_plural(3, "a", "b", "c"), "b");
	CHECK_STR(press_ru_plural(5, "a", "b", "c"), "c");
	CHECK_STR(press_ru_plural(11, "a", "b", "c"), "c");
	CHECK_STR(press_ru_plural(12, "a", "b", "c"), "c");
	CHECK_STR(press_ru_plural(21, "a", "b", "c"), "a");
	CHECK_STR(press_ru_plural(22, "a", "b", "c"), "b");
	CHECK_STR(press_ru_plural(111, "a", "b", "c"), "c");

	db_close(db);
	unlink(path);
	return tz_test_done();
}
