/* The proposal form's logic: a blank form names each missing item by its
 * field, the legal act belongs to the mandatory section only, a filled form
 * is complete and stored as typed (Kazakh letters intact, several levels),
 * an edit changes the stored proposal, the core refuses what the role or
 * the state does not allow, and associations are added by one function. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/host.h"
#include "base/i18n.h"
#include "view/propform.h"
#include "store/store.h"

static tz_db *db;

static void q_text(const char *sql, char *out, size_t len)
{
	sqlite3_stmt *st = db_prep(db, sql);
	out[0] = 0;
	if (st && db_step(db, st) == SQLITE_ROW)
		snprintf(out, len, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
}

static unsigned problem_fields(const struct problems *p)
{
	unsigned m = 0;
	for (int i = 0; i < p->n; i++) {
		int f = pf_field_of(p->item[i].field);
		if (f >= 0)
			m |= 1u << f;
	}
	return m;
}

static void become(const char *role, int64_t body)
{
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE app_user SET role = '%s', body_id = %s WHERE login = '%s'",
	         role, body ? "(SELECT min(id) FROM body WHERE authorized = 0)" : "NULL", host_login());
	CHECK_INT(db_exec(db, sql), 0);
}

static const char *const kk = "Денсаулыққа әсер етеді: ғ қ ң ө ұ ү һ і";

static void fill(struct propform *f, const char *code)
{
	CHECK_INT(pf_set_code(db, f, code), 0);
	f->body_id = db_int_query(db, "SELECT min(id) FROM body WHERE authorized = 0", 0);
	pf_toggle_level(f, "4");
	pf_toggle_level(f, "5");
	te_set(&f->years, "5");
	pf_flip_profile(f);
	for (int i = 0; i < PF_NTEXTS; i++)
		te_set(&f->text[i], i % 2 ? "Обоснование" : kk);
}

int main(void)
{
	char path[] = "/tmp/tz-propform-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	/* The English msgids: this test reads the sentences themselves. */
	setenv("LANGUAGE", "en", 1);
	char err[512] = "", buf[512];
	db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	int64_t cycle = db_int_query(db, "SELECT max(id) FROM cycle", 0);
	CHECK(cycle > 0, "the demo has a cycle");
	char code[16], group[16];
	q_text("SELECT code FROM nkz WHERE level = 6 AND active = 1 ORDER BY code LIMIT 1", code, sizeof code);
	q_text("SELECT code FROM nkz WHERE level = 5 LIMIT 1", group, sizeof group);

	/* Labels: cl. 8's items carry their language. */
	pf_label(PF_F_SAFETY_RU, buf, sizeof buf);
	CHECK_STR(buf, "1) Safety (Russian)");
	CHECK_INT(pf_field_of("legal_act_kk"), PF_F_LEGAL_KK);
	CHECK_INT(pf_field_of("nonsense"), -1);

	/* A blank form: include, voluntary, unchanged; each missing item named. */
	struct propform f;
	CHECK_INT(pf_init_new(db, &f, cycle), 0);
	CHECK_INT(f.action, PA_INCLUDE);
	CHECK_STR(f.section, "voluntary");
	CHECK_INT(pf_changed(&f), 0);
	CHECK_INT(f.body_fixed, 0);
	CHECK_INT(pf_shown(&f, PF_F_LEGAL_KK), 0);
	struct problems p = {0};
	pf_validate(db, &f, &p);
	unsigned m = problem_fields(&p);
	unsigned want = 1u << PF_F_BODY | 1u << PF_F_CODE | 1u << PF_F_LEVELS | 1u << PF_F_SAFETY_KK |
	                1u << PF_F_SAFETY_RU | 1u << PF_F_DEMAND_KK | 1u << PF_F_DEMAND_RU |
	                1u << PF_F_STANDARD_KK | 1u << PF_F_STANDARD_RU;
	CHECK((m & want) == want, "blank: problems at 0x%x, want at least 0x%x", m, want);
	CHECK(!(m & (1u << PF_F_LEGAL_KK | 1u << PF_F_LEGAL_RU)), "voluntary: no legal act asked: 0x%x", m);
	/* The mandatory section asks for the legal act of cl. 8-1, by field. */
	pf_flip_section(&f);
	CHECK_INT(pf_changed(&f), 1);
	CHECK_INT(pf_shown(&f, PF_F_LEGAL_RU), 1);
	p.n = 0;
	pf_validate(db, &f, &p);
	CHECK(problems_for(&p, "legal_act_kk") && strstr(problems_for(&p, "legal_act_kk"), "cl. 8-1"),
	      "legal act (kk) named: %s", problems_for(&p, "legal_act_kk") ? problems_for(&p, "legal_act_kk") : "none");
	CHECK(problems_for(&p, "legal_act_ru") != NULL, "legal act (ru) named");

	/* Codes: a group or an unknown code is refused and changes nothing. */
	CHECK_INT(pf_set_code(db, &f, group), -1);
	CHECK_INT(pf_set_code(db, &f, "9999-9-999"), -1);
	CHECK_STR(f.nkz_code, "");

	/* Filled in: complete; typed years that are not a number are named. */
	fill(&f, code);
	CHECK(f.name_kk[0] && f.name_ru[0], "the classifier filled both names");
	p.n = 0;
	CHECK_INT(pf_validate(db, &f, &p), 0);
	if (p.n)
		printf("  first: %s\n", p.item[0].msg);
	te_set(&f.years, "5x");
	p.n = 0;
	pf_validate(db, &f, &p);
	CHECK(problems_for(&p, "validity") && strstr(problems_for(&p, "validity"), "\"5x\""),
	      "years named: %s", problems_for(&p, "validity") ? problems_for(&p, "validity") : "none");
	CHECK_INT(pf_save(db, &f, err, sizeof err), PR_REFUSED);
	CHECK(strstr(err, "5x") != NULL, "refusal names the years: %s", err);
	CHECK_INT((int)db_int_query(db, "SELECT count(*) FROM proposal", -1), 0);
	te_set(&f.years, "5");

	/* Levels toggle: a third one ticked and unticked again. */
	pf_toggle_level(&f, "6");
	CHECK_INT(pf_has_level(&f, "6"), 1);
	pf_toggle_level(&f, "6");
	CHECK_INT(pf_has_level(&f, "6"), 0);
	CHECK_INT(f.nlevels, 2);

	/* Saved: the proposal as typed, Kazakh letters and both levels kept. */
	CHECK_INT(pf_save(db, &f, err, sizeof err), PR_OK);
	CHECK(f.id > 0, "the id is set");
	CHECK_INT(pf_changed(&f), 0);
	int64_t id = f.id;
	char sql[300];
	snprintf(sql, sizeof sql, "SELECT safety_kk || '|' || legal_act_ru || '|' || section || '|' || "
	         "validity || '|' || profile || '|' || state FROM proposal WHERE id = %lld", (long long)id);
	q_text(sql, buf, sizeof buf);
	char wantrow[512];
	snprintf(wantrow, sizeof wantrow, "%s|Обоснование|mandatory|5|t|draft", kk);
	CHECK_STR(buf, wantrow);
	snprintf(sql, sizeof sql, "SELECT group_concat(level, ',') FROM (SELECT level FROM proposal_level "
	         "WHERE proposal_id = %lld ORDER BY level)", (long long)id);
	q_text(sql, buf, sizeof buf);
	CHECK_STR(buf, "4,5");
	pf_free(&f);

	/* Loaded back and edited: the change is stored, the edit recorded. */
	CHECK_INT(pf_load(db, &f, id), 0);
	CHECK_INT(f.readonly, 0);
	CHECK_INT(pf_changed(&f), 0);
	CHECK_STR(te_text(&f.text[PF_F_SAFETY_KK - PF_F_BASIS_KK]), kk);
	CHECK_INT(f.nlevels, 2);
	pf_value_text(db, &f, PF_F_LEVELS, buf, sizeof buf);
	CHECK_STR(buf, "4, 5");
	te_set(&f.text[PF_F_DEMAND_RU - PF_F_BASIS_KK], "Спрос растёт");
	/* Back to voluntary: the legal act typed earlier is not kept. */
	pf_flip_section(&f);
	CHECK_INT(pf_changed(&f), 1);
	CHECK_INT(pf_save(db, &f, err, sizeof err), PR_OK);
	snprintf(sql, sizeof sql, "SELECT demand_ru || '|' || legal_act_kk || '|' || section FROM proposal "
	         "WHERE id = %lld", (long long)id);
	q_text(sql, buf, sizeof buf);
	CHECK_STR(buf, "Спрос растёт||voluntary");
	CHECK_INT((int)db_int_query(db, "SELECT count(*) FROM proposal_event WHERE event = 'edited'", -1), 1);
	pf_free(&f);
	CHECK_INT(pf_load(db, &f, 999999), -1);
	pf_free(&f);

	/* Roles are the core's: a reader is refused with a reason naming them. */
	become("reader", 0);
	CHECK_INT(pf_load(db, &f, id), 0);
	te_set(&f.text[0], "читатель");
	CHECK_INT(pf_save(db, &f, err, sizeof err), PR_REFUSED);
	CHECK(strstr(err, host_login()) != NULL, "the refusal names the login: %s", err);
	pf_free(&f);
	snprintf(sql, sizeof sql, "SELECT basis_kk FROM proposal WHERE id = %lld", (long long)id);
	q_text(sql, buf, sizeof buf);
	CHECK_STR(buf, kk);
	/* A body's clerk gets the body preset and fixed. */
	become("sb_clerk", 1);
	CHECK_INT(pf_init_new(db, &f, cycle), 0);
	CHECK_INT(f.body_fixed, 1);
	CHECK_INT(f.body_id, db_int_query(db, "SELECT min(id) FROM body WHERE authorized = 0", 0));
	pf_free(&f);
	become("admin", 0);

	/* A state past the sectoral body's hands: read-only, and refused. */
	snprintf(sql, sizeof sql, "UPDATE proposal SET state = 'submitted' WHERE id = %lld", (long long)id);
	CHECK_INT(db_exec(db, sql), 0);
	CHECK_INT(pf_load(db, &f, id), 0);
	CHECK_INT(f.readonly, 1);
	CHECK_INT(pf_save(db, &f, err, sizeof err), PR_REFUSED);
	CHECK(strstr(err, "can no longer be changed") != NULL, "state refusal: %s", err);
	pf_free(&f);

	/* Associations: both names required, the field named. */
	int64_t body = db_int_query(db, "SELECT min(id) FROM body WHERE authorized = 0", 0), aid = 0;
	CHECK_INT(proposals_association_add(db, body, "Қауымдастық", "  ", &aid, err, sizeof err), PR_REFUSED);
	CHECK(strstr(err, "Name (Russian)") != NULL, "the missing name named: %s", err);
	CHECK_INT(proposals_association_add(db, body, "Өңірлік қауымдастық", "Региональная ассоциация", &aid,
	                                    err, sizeof err), PR_OK);
	snprintf(sql, sizeof sql, "SELECT name_kk || '|' || body_id FROM association WHERE id = %lld", (long long)aid);
	q_text(sql, buf, sizeof buf);
	snprintf(wantrow, sizeof wantrow, "Өңірлік қауымдастық|%lld", (long long)body);
	CHECK_STR(buf, wantrow);
	become("reader", 0);
	CHECK_INT(proposals_association_add(db, body, "Бір", "Одна", &aid, err, sizeof err), PR_REFUSED);
	CHECK(strstr(err, host_login()) != NULL, "reader refused by name: %s", err);
	become("admin", 0);

	db_close(db);
	unlink(path);
	return tz_test_done();
}
