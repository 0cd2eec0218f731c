/* The deadlines screen's data on the demo database: the cycle it shows, the
 * sectoral bodies in the Kazakh and the Russian alphabet with where each
 * stands on its proposals (cl. 7), and the open remarks, the most pressing
 * first, each with its own rework deadline (cl. 9). */
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
#include "view/deadlineview.h"

static tz_db *db;
static tz_calendar *cal;

static tz_day day(const char *s)
{
	tz_day d = -1;
	CHECK(cal_parse(s, &d) == 0, "test date %s", s);
	return d;
}

static int64_t add(int64_t cycle, const char *body, const char *code)
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
	r.pr.nlevels = 1;
	snprintf(r.pr.levels[0], sizeof r.pr.levels[0], "5");
	char err[512] = "";
	int rc = proposals_save(db, &r, err, sizeof err);
	CHECK(rc == PR_OK, "save %s: %s", code, err);
	int64_t id = r.pr.id;
	proposal_rec_free(&r);
	return id;
}

enum { MAXB = 32 };

struct bodies {
	int n;
	int64_t id[MAXB];
	char name[MAXB][256], state[MAXB][256], submitted[MAXB][16], agreed[MAXB][64];
	int proposals[MAXB], late[MAXB], alert[MAXB];
};

static int collect(void *ctx, const struct dlview_body *b)
{
	struct bodies *s = ctx;
	if (s->n == MAXB)
		return 1;
	int i = s->n++;
	s->id[i] = b->id;
	snprintf(s->name[i], sizeof s->name[i], "%s", b->name);
	snprintf(s->state[i], sizeof s->state[i], "%s", b->state);
	snprintf(s->submitted[i], sizeof s->submitted[i], "%s", b->submitted);
	snprintf(s->agreed[i], sizeof s->agreed[i], "%s", b->agreed);
	s->proposals[i] = b->proposals;
	s->late[i] = b->late;
	s->alert[i] = b->alert;
	return 0;
}

static int stop_at_three(void *ctx, const struct dlview_body *b)
{
	(void)b;
	return ++*(int *)ctx == 3;
}

/* The place of a body in the list by its code, -1 when not there. */
static int at(const struct bodies *s, const char *code)
{
	int64_t id = proposals_body(db, code);
	for (int i = 0; i < s->n; i++)
		if (s->id[i] == id)
			return i;
	return -1;
}

static int read_bodies(struct bodies *s, int64_t cycle, const char *today, const char *lang)
{
	memset(s, 0, sizeof *s);
	struct dl_cycle dl;
	deadline_cycle(cal, 2026, DL_SPRING, -1, -1, &dl);
	return dlview_bodies(db, cycle, day(today), dl.items[DL_PROPOSALS].due, lang, collect, s);
}

static void which_cycle(int64_t spring)
{
	int64_t id;
	int year;
	enum dl_season season;
	/* The demo's spring 2026 is on its way, whatever the date. */
	dlview_cycle(db, day("2026-08-20"), &id, &year, &season);
	CHECK_INT(id, spring);
	CHECK_INT(year, 2026);
	CHECK_INT(season, DL_SPRING);
}

static void words(void)
{
	char buf[256];
	struct dl_cycle dl;
	deadline_cycle(cal, 2027, DL_SPRING, -1, -1, &dl);
	i18n_set_lang("kk");
	CHECK_INT(dlview_status(cal, &dl.items[DL_PROPOSALS], day("2027-01-20"), buf, sizeof buf), 0);
	CHECK_STR(buf, "мерзіміне 8 жұмыс күні қалды");
	/* The Council submission, not recorded, is overdue once past. */
	CHECK_INT(dlview_status(cal, &dl.items[DL_COUNCIL], day("2027-04-05"), buf, sizeof buf), 1);
	CHECK_STR(buf, "мерзімі 2 жұмыс күніне өтіп кетті");
	i18n_set_lang("ru");
	CHECK_INT(dlview_status(cal, &dl.items[DL_PROPOSALS], day("2027-01-20"), buf, sizeof buf), 0);
	CHECK_STR(buf, "срок через 8 рабочих дней");
	CHECK_INT(dlview_status(cal, &dl.items[DL_COUNCIL], day("2027-04-05"), buf, sizeof buf), 1);
	CHECK_STR(buf, "просрочено на 2 рабочих дня");
	CHECK_INT(dlview_status(cal, &dl.items[DL_PROPOSALS], day("2027-02-02"), buf, sizeof buf), 0);
	CHECK_STR(buf, "срок истёк");

	/* A day with its holiday's name; none for a day not known. */
	dlview_date(cal, day("2026-03-23"), buf, sizeof buf);
	CHECK_STR(buf, "2026-03-23 понедельник (Наурыз мейрамы)");
	i18n_set_lang("kk");
	dlview_date(cal, day("2026-03-26"), buf, sizeof buf);
	CHECK_STR(buf, "2026-03-26 бейсенбі");
	dlview_date(cal, -1, buf, sizeof buf);
	CHECK_STR(buf, "-");
}

static void bodies(int64_t spring)
{
	struct bodies s;
	/* No proposals yet: every sectoral body, none of them the authorized
	 * one (labour), each with nothing to submit. */
	CHECK_INT(read_bodies(&s, spring, "2026-01-20", "kk"), 20);
	CHECK_INT(s.n, 20);
	CHECK_INT(at(&s, "labour"), -1);
	CHECK_STR(s.state[0], "ұсыныстар жоқ");
	CHECK_INT(s.alert[0], 0);

	/* The Kazakh alphabet, not the code points': Ғ after Б, І after Ц. */
	CHECK_STR(s.name[0], "АҚДМ");
	CHECK_INT(at(&s, "science"), at(&s, "competition") + 1);
	CHECK_INT(at(&s, "health"), at(&s, "science") + 1);
	CHECK_INT(at(&s, "interior"), at(&s, "digital") + 1);
	CHECK_INT(at(&s, "energy"), at(&s, "interior") + 1);
	CHECK_STR(s.name[19], "ЭТРМ");

	/* The Russian names in the Russian alphabet. */
	CHECK_INT(read_bodies(&s, spring, "2026-01-20", "ru"), 20);
	CHECK_STR(s.name[0], "АЗРК");
	CHECK_STR(s.name[2], "БНС АСПР");
	CHECK_STR(s.name[3], "МВД");
	CHECK_INT(at(&s, "economy"), at(&s, "science") + 1);
	CHECK_STR(s.name[19], "МЭПР");

	/* fn stops the walk. */
	int seen = 0;
	struct dl_cycle dl;
	deadline_cycle(cal, 2026, DL_SPRING, -1, -1, &dl);
	CHECK_INT(dlview_bodies(db, spring, day("2026-01-20"), dl.items[DL_PROPOSALS].due, "kk",
	                        stop_at_three, &seen), 3);

	/* Industry submits two in time, trade one late; culture's council
	 * agreed, not submitted; finance has a draft only. */
	char err[512] = "";
	int n = 0, late = 0;
	add(spring, "industry", "7212-1-008");
	add(spring, "industry", "8332-1-002");
	add(spring, "trade", "5131-1-001");
	add(spring, "culture", "2622-1-001");
	add(spring, "finance", "2411-1-001");
	int64_t industry = proposals_body(db, "industry"), trade = proposals_body(db, "trade"),
	        culture = proposals_body(db, "culture");
	CHECK_INT(proposals_agree(db, spring, industry, day("2026-01-20"), "5", &n, err, sizeof err), PR_OK);
	CHECK_INT(proposals_submit(db, spring, industry, day("2026-01-26"), &n, &late, err, sizeof err), PR_OK);
	CHECK_INT(late, 0);
	CHECK_INT(proposals_agree(db, spring, trade, day("2026-01-21"), "12", &n, err, sizeof err), PR_OK);
	CHECK_INT(proposals_submit(db, spring, trade, day("2026-02-03"), &n, &late, err, sizeof err), PR_OK);
	CHECK_INT(late, 1);
	CHECK_INT(proposals_agree(db, spring, culture, day("2026-01-22"), "7", &n, err, sizeof err), PR_OK);

	/* Before the deadline (1 February). */
	i18n_set_lang("kk");
	CHECK_INT(read_bodies(&s, spring, "2026-01-30", "kk"), 20);
	int i = at(&s, "industry");
	CHECK_INT(s.proposals[i], 2);
	CHECK_STR(s.submitted[i], "2026-01-26");
	CHECK_STR(s.state[i], "2026-01-26 енгізілді");
	CHECK_INT(s.alert[i], 0);
	i = at(&s, "trade");
	CHECK_INT(s.late[i], 1);
	CHECK_STR(s.state[i], "2026-02-03 кешігіп енгізілді");
	CHECK_INT(s.alert[i], 1);
	i = at(&s, "culture");
	CHECK_STR(s.agreed[i], "2026-01-22, 7");
	CHECK_STR(s.state[i], "келісілді (2026-01-22, 7), енгізілмеді");
	CHECK_INT(s.alert[i], 0);
	i = at(&s, "finance");
	CHECK_INT(s.proposals[i], 1);
	CHECK_STR(s.state[i], "енгізілмеді");
	CHECK_INT(s.alert[i], 0);
	CHECK_STR(s.state[at(&s, "health")], "ұсыныстар жоқ");

	/* After it: what is not in is overdue, in Russian too. */
	i18n_set_lang("ru");
	CHECK_INT(read_bodies(&s, spring, "2026-02-05", "ru"), 20);
	CHECK_STR(s.state[at(&s, "culture")], "не внесены, срок истёк");
	CHECK_INT(s.alert[at(&s, "culture")], 1);
	CHECK_STR(s.state[at(&s, "finance")], "не внесены, срок истёк");
	CHECK_STR(s.state[at(&s, "industry")], "внесены 2026-01-26");
	CHECK_STR(s.state[at(&s, "trade")], "внесены 2026-02-03, с опозданием");
	CHECK_STR(s.state[at(&s, "health")], "предложений нет");
	CHECK_INT(s.alert[at(&s, "health")], 0);
	CHECK_STR(s.name[at(&s, "industry")], "МИИР");
	i18n_set_lang("kk");
}

static void remarks(int64_t spring)
{
	struct dlview_remark r[4];
	CHECK_INT(dlview_remarks(db, cal, spring, day("2026-02-11"), r, 4), 0);

	char err[512] = "";
	tz_day due;
	int64_t weld = 0, driver = 0, waiter = 0;
	struct proposal_rec rec;
	for (int64_t id = 1; id <= 5; id++)
		if (!proposals_load(db, id, &rec)) {
			if (!strcmp(rec.pr.row.nkz_code, "7212-1-008"))
				weld = id;
			if (!strcmp(rec.pr.row.nkz_code, "8332-1-002"))
				driver = id;
			if (!strcmp(rec.pr.row.nkz_code, "5131-1-001"))
				waiter = id;
			proposal_rec_free(&rec);
		}
	/* Received on Monday 16 February and Tuesday 10 February: the later
	 * one is listed second although given first. */
	CHECK_INT(proposals_remarks(db, driver, day("2026-02-16"), "Жоқ", "Нет", &due, err, sizeof err), PR_OK);
	CHECK_INT(proposals_remarks(db, weld, day("2026-02-10"), "Жоқ", "Нет", &due, err, sizeof err), PR_OK);
	CHECK_INT(proposals_remarks(db, waiter, day("2026-02-18"), "Жоқ", "Нет", &due, err, sizeof err), PR_OK);

	i18n_set_lang("kk");
	CHECK_INT(dlview_remarks(db, cal, spring, day("2026-02-11"), r, 4), 3);
	CHECK_INT(r[0].proposal, weld);
	CHECK_STR(r[0].code, "7212-1-008");
	CHECK_STR(r[0].received, "2026-02-10");
	CHECK_INT(r[0].due, day("2026-02-12"));
	CHECK_STR(r[0].status, "мерзіміне 1 жұмыс күні қалды");
	CHECK_INT(r[0].alert, 0);
	CHECK_INT(r[1].proposal, driver);
	CHECK_INT(r[1].due, day("2026-02-18"));
	CHECK_INT(r[2].proposal, waiter);

	/* Only the first max are listed; the rest are counted. */
	i18n_set_lang("ru");
	memset(r, 0, sizeof r);
	CHECK_INT(dlview_remarks(db, cal, spring, day("2026-02-17"), r, 1), 3);
	CHECK_INT(r[0].proposal, weld);
	CHECK_STR(r[0].status, "просрочено на 3 рабочих дня");
	CHECK_INT(r[0].alert, 1);
	CHECK_INT(r[1].proposal, 0);

	/* A reworked proposal's remark is answered: no longer listed. */
	int late = 0;
	CHECK_INT(proposals_resubmit(db, weld, day("2026-02-12"), &late, err, sizeof err), PR_OK);
	CHECK_INT(dlview_remarks(db, cal, spring, day("2026-02-17"), r, 4), 2);
	CHECK_INT(r[0].proposal, driver);
	CHECK_STR(r[0].status, "срок через 1 рабочий день");
	i18n_set_lang("kk");
}

static void no_cycle(void)
{
	/* Once the spring cycle is placed, none is on its way: the one the
	 * calendar is in, without a row. */
	CHECK_INT(db_exec(db, "UPDATE cycle SET council_rec_date = '2026-04-10', placed_date = '2026-04-20'"
	                      " WHERE year = 2026"), 0);
	int64_t id = -1;
	int year = 0;
	enum dl_season season = DL_SPRING;
	dlview_cycle(db, day("2026-08-20"), &id, &year, &season);
	CHECK_INT(id, 0);
	CHECK_INT(year, 2026);
	CHECK_INT(season, DL_AUTUMN);
	dlview_cycle(db, day("2026-11-02"), &id, &year, &season);
	CHECK_INT(year, 2027);
	CHECK_INT(season, DL_SPRING);
}

int main(void)
{
	char path[] = "/tmp/tz-dlview-XXXXXX";
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
	cal = cal_load(db);
	int64_t spring = cycle_find(db, 2026, DL_SPRING);
	CHECK(spring > 0, "the demo's spring 2026 cycle");

	which_cycle(spring);
	words();
	bodies(spring);
	remarks(spring);
	no_cycle();

	cal_free(cal);
	db_close(db);
	unlink(path);
	char p[64];
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return tz_test_done();
}
