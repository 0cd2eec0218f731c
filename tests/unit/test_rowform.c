/* The entry form's logic: a new entry saved as one row per level, all or
 * none; problems mapped onto the form's fields; the classifier fills both
 * names; published rows read-only; two clerks on one row get a conflict
 * with both values, and "keep mine" then saves over theirs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/i18n.h"
#include "view/rowform.h"
#include "store/store.h"
#include "base/text.h"

static tz_db *db;

static int64_t q_int(const char *sql, const char *arg)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (arg)
		db_text(st, ":a", arg);
	int64_t v = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

static void q_text(const char *sql, char *out, size_t len)
{
	sqlite3_stmt *st = db_prep(db, sql);
	out[0] = 0;
	if (db_step(db, st) == SQLITE_ROW)
		snprintf(out, len, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
}

static int fields_with_problems(const struct problems *p, unsigned *mask)
{
	*mask = 0;
	for (int i = 0; i < p->n; i++) {
		int f = rf_field_of(p->item[i].field);
		if (f >= 0)
			*mask |= 1u << f;
	}
	return p->n;
}

static void fill(struct rowform *f, const char *code)
{
	CHECK_INT(rf_set_code(db, f, code), 0);
	snprintf(f->section, sizeof f->section, "voluntary");
	te_set(&f->basis_kk, "«Тест» кәсіптік стандарты");
	te_set(&f->basis_ru, "Профессиональный стандарт «Тест»");
	te_set(&f->years, "5");
	f->body_id = q_int("SELECT min(id) FROM body", NULL);
	snprintf(f->profile, sizeof f->profile, "t");
}

int main(void)
{
	char path[] = "/tmp/tz-rowform-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	int64_t draft = reg_draft(db);
	CHECK(draft > 0, "the demo has a draft");
	/* An occupation the demo register does not hold yet, and a retired one. */
	CHECK_INT(db_exec(db,
		"INSERT INTO nkz(code, level, parent, name_kk, name_ru, fold_kk, fold_ru, active) VALUES "
		"('7212-1-901', 6, '7212-1', 'Тестік дәнекерлеуші', 'Тестовый сварщик', "
		"tz_fold('Тестік дәнекерлеуші'), tz_fold('Тестовый сварщик'), 1),"
		"('7212-1-902', 6, '7212-1', 'Ескі', 'Старый', 'ескі', 'старый', 0)"), 0);
	CHECK_INT(rf_set_code(db, &(struct rowform){0}, "7212-1-902"), -1);
	char code[16], group[16];
	q_text("SELECT code FROM nkz WHERE level = 6 AND active = 1 AND code NOT IN "
	       "(SELECT nkz_code FROM reg_row) ORDER BY code LIMIT 1", code, sizeof code);
	q_text("SELECT code FROM nkz WHERE level = 5 LIMIT 1", group, sizeof group);
	CHECK(code[0] && group[0], "the demo classifier has a free occupation and a group");

	/* A blank form: each empty field has its own problem, named by its key. */
	struct rowform f;
	rf_init_new(db, &f);
	CHECK_INT(f.readonly, 0);
	CHECK_INT(f.version_id, draft);
	CHECK_INT(rf_changed(&f), 0);
	struct problems p = {0};
	rf_validate(db, &f, &p);
	unsigned mask;
	fields_with_problems(&p, &mask);
	unsigned want = 1u << RF_F_CODE | 1u << RF_F_NAME_KK | 1u << RF_F_NAME_RU | 1u << RF_F_SECTION |
	                1u << RF_F_BASIS_KK | 1u << RF_F_BASIS_RU | 1u << RF_F_LEVEL |
	                1u << RF_F_VALIDITY | 1u << RF_F_BODY | 1u << RF_F_PROFILE;
	CHECK_INT(mask, want);
	/* Saving it writes nothing and says why. */
	int64_t before = q_int("SELECT count(*) FROM reg_row", NULL);
	struct problems ps = {0};
	CHECK_INT(rf_save(db, &f, &ps, NULL), REG_INVALID);
	CHECK(ps.n > 0, "a refused save names its problems");
	CHECK_INT(q_int("SELECT count(*) FROM reg_row", NULL), before);

	/* A group is not an occupation: the picker's choice is refused. */
	CHECK_INT(rf_set_code(db, &f, group), -1);
	CHECK_STR(f.nkz_code, "");
	/* An occupation fills both names from the classifier. */
	fill(&f, code);
	char name_kk[400];
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT name_kk FROM nkz WHERE code = '%s'", code);
	q_text(sql, name_kk, sizeof name_kk);
	CHECK_STR(f.name_kk, name_kk);
	CHECK(f.name_ru && *f.name_ru, "the Russian name is filled too");
	CHECK_INT(rf_changed(&f), 1);

	/* Years that are not a number are named as typed; the core's own
	 * sentence about validity is not added on top. */
	te_set(&f.years, "5x");
	struct problems pv = {0};
	rf_validate(db, &f, &pv);
	const char *vm = problems_for(&pv, "validity");
	CHECK(vm && strstr(vm, "5x"), "validity problem names the typed text: %s", vm ? vm : "(none)");
	int nval = 0;
	for (int i = 0; i < pv.n; i++)
		nval += !strcmp(pv.item[i].field, "validity");
	CHECK_INT(nval, 1);
	te_set(&f.years, "100");
	struct problems pv2 = {0};
	CHECK(rf_validate(db, &f, &pv2) > 0 && problems_for(&pv2, "validity"), "100 years is refused");
	te_set(&f.years, "5");

	/* Two levels: two rows, the same content at each level. */
	rf_toggle_level(&f, "3");
	rf_toggle_level(&f, "4");
	CHECK_INT(f.nlevels, 2);
	struct reg_row *rows = NULL;
	CHECK_INT(rf_rows(&f, &rows), 2);
	CHECK_STR(rows[0].level, "3");
	CHECK_STR(rows[1].level, "4");
	CHECK_STR(rows[1].basis_ru, "Профессиональный стандарт «Тест»");
	CHECK_INT(rows[0].validity, 5);
	for (int i = 0; i < 2; i++)
		reg_row_free(&rows[i]);
	free(rows);
	char buf[200];
	rf_value_text(db, &f, RF_F_LEVEL, buf, sizeof buf);
	CHECK_STR(buf, "3, 4");
	struct problems p2 = {0};
	CHECK_INT(rf_validate(db, &f, &p2), 0);
	CHECK_INT(rf_save(db, &f, &p2, NULL), REG_OK);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM reg_row WHERE version_id = %lld AND nkz_code = :a",
	         (long long)draft);
	CHECK_INT(q_int(sql, code), 2);
	rf_free(&f);

	/* All levels or none: 5 is new, 4 exists; neither is saved. */
	rf_init_new(db, &f);
	fill(&f, code);
	rf_toggle_level(&f, "5");
	rf_toggle_level(&f, "4");
	struct problems p3 = {0};
	CHECK_INT(rf_save(db, &f, &p3, NULL), REG_DUPLICATE);
	CHECK(problems_for(&p3, "level") != NULL, "the duplicate level is named at the level field");
	CHECK_INT(q_int(sql, code), 2);
	/* Unticking a level takes it out. */
	rf_toggle_level(&f, "4");
	CHECK_INT(f.nlevels, 1);
	CHECK_STR(f.levels[0], "5");
	rf_free(&f);

	/* Editing: one row, one level; choosing another level replaces it. */
	char idsql[200];
	snprintf(idsql, sizeof idsql, "SELECT id FROM reg_row WHERE version_id = %lld AND nkz_code = :a "
	         "AND level = '3'", (long long)draft);
	int64_t id = q_int(idsql, code);
	struct rowform a, b;
	CHECK_INT(rf_load(db, &a, id), 0);
	CHECK_INT(rf_load(db, &b, id), 0);
	CHECK_INT(a.readonly, 0);
	CHECK_INT(rf_changed(&a), 0);
	rf_toggle_level(&a, "6");
	CHECK_INT(a.nlevels, 1);
	CHECK_STR(a.levels[0], "6");
	rf_toggle_level(&a, "3");
	CHECK_INT(rf_changed(&a), 0);
	a.unlimited = 1;
	rf_value_text(db, &a, RF_F_VALIDITY, buf, sizeof buf);
	char unl[100];
	reg_validity_label(0, unl, sizeof unl);
	CHECK_STR(buf, unl);

	/* Two clerks: a saves, b's save is a conflict showing a's value. */
	te_set(&a.basis_kk, "Біріншінің негізі");
	te_set(&b.basis_kk, "Екіншінің негізі");
	struct problems pa = {0}, pb = {0};
	CHECK_INT(rf_save(db, &a, &pa, NULL), REG_OK);
	struct reg_row theirs = {0};
	CHECK_INT(rf_save(db, &b, &pb, &theirs), REG_CONFLICT);
	CHECK_STR(theirs.basis_kk, "Біріншінің негізі");
	unsigned d = rf_differs(&b, &theirs);
	CHECK(d & 1u << RF_F_BASIS_KK, "the basis differs");
	CHECK(!(d & 1u << RF_F_CODE), "the code does not");
	CHECK(d & 1u << RF_F_VALIDITY, "the validity differs (a set without time limit)");
	rf_row_value_text(db, &theirs, RF_F_VALIDITY, buf, sizeof buf);
	CHECK_STR(buf, unl);
	/* Keep mine: saved over their revision. */
	rf_keep_mine(&b, &theirs);
	reg_row_free(&theirs);
	struct problems pk = {0};
	CHECK_INT(rf_save(db, &b, &pk, NULL), REG_OK);
	char stored[200];
	snprintf(sql, sizeof sql, "SELECT basis_kk FROM reg_row WHERE id = %lld", (long long)id);
	q_text(sql, stored, sizeof stored);
	CHECK_STR(stored, "Екіншінің негізі");
	/* Take theirs: the form gets the stored row. */
	struct reg_row now = {0};
	CHECK_INT(reg_row_load(db, id, &now), 0);
	rf_from_row(&a, &now);
	CHECK_STR(te_text(&a.basis_kk), "Екіншінің негізі");
	reg_row_free(&now);
	/* Deleted by someone else: the row is gone. */
	struct reg_row cur = {0};
	reg_row_load(db, id, &cur);
	CHECK_INT(reg_delete(db, id, cur.rev), REG_OK);
	reg_row_free(&cur);
	struct problems pg = {0};
	te_set(&b.basis_ru, "x");
	CHECK_INT(rf_save(db, &b, &pg, NULL), REG_GONE);
	rf_free(&a);
	rf_free(&b);

	/* A published row is read-only: nothing to save. */
	int64_t pub = q_int("SELECT min(id) FROM reg_row WHERE version_id = "
	                    "(SELECT id FROM reg_version WHERE state = 'published')", NULL);
	CHECK(pub > 0, "the demo has a published row");
	CHECK_INT(rf_load(db, &a, pub), 0);
	CHECK_INT(a.readonly, 1);
	struct problems pp = {0};
	CHECK_INT(rf_save(db, &a, &pp, NULL), REG_NOT_DRAFT);
	rf_free(&a);
	CHECK_INT(rf_load(db, &a, 999999), -1);
	rf_free(&a);

	/* Problem keys map onto the fields and nothing else does. */
	CHECK_INT(rf_field_of("basis_ru"), RF_F_BASIS_RU);
	CHECK_INT(rf_field_of("body"), RF_F_BODY);
	CHECK_INT(rf_field_of(""), -1);
	CHECK_INT(rf_field_of("nonsense"), -1);

	db_close(db);
	unlink(path);
	text_cleanup();
	return tz_test_done();
}
