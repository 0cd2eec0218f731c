/* Register rows in a draft: validation naming fields, edits, conflicts,
 * published versions read-only, new draft, diff; proposal completeness. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "base/i18n.h"
#include "domain/proposal_check.h"
#include "domain/register.h"
#include "store/store.h"

static tz_db *db;

static int64_t body(const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM body WHERE code = :c");
	db_text(st, ":c", code);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

static void fill(struct reg_row *r, int64_t version, const char *code, const char *level)
{
	memset(r, 0, sizeof *r);
	r->version_id = version;
	snprintf(r->section, sizeof r->section, "voluntary");
	snprintf(r->nkz_code, sizeof r->nkz_code, "%s", code);
	snprintf(r->level, sizeof r->level, "%s", level);
	reg_row_set(&r->name_kk, "Тестік дәнекерлеуші");
	reg_row_set(&r->name_ru, "Тестовый сварщик");
	reg_row_set(&r->basis_kk, "«Дәнекерлеу» кәсіптік стандарты");
	reg_row_set(&r->basis_ru, "Профессиональный стандарт «Сварка»");
	r->validity = 5;
	r->body_id = body("industry");
	snprintf(r->profile, sizeof r->profile, "t");
}

struct counts { int added, removed, changed; unsigned cols; };

static int count(void *ctx, enum reg_diff_kind k, const struct reg_row *a,
                 const struct reg_row *b, unsigned cols)
{
	(void)a; (void)b;
	struct counts *c = ctx;
	if (k == DIFF_ADDED) c->added++;
	if (k == DIFF_REMOVED) c->removed++;
	if (k == DIFF_CHANGED) { c->changed++; c->cols |= cols; }
	return 0;
}

int main(void)
{
	char path[] = "/tmp/tz-register-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	i18n_set_lang("ru");
	CHECK(body("industry") > 0, "reference data has the industry body");
	/* A small classifier: an occupation and its groups. */
	CHECK_INT(db_exec(db,
		"INSERT INTO nkz(code, level, parent, name_kk, name_ru, fold_kk, fold_ru) VALUES "
		"('7','1',NULL,'Ж','Р',tz_fold('Ж'),tz_fold('Р')),"
		"('72','2','7','Ж','Р','ж','р'),('721','3','72','Ж','Р','ж','р'),"
		"('7212','4','721','Ж','Р','ж','р'),('7212-1','5','7212','Ж','Р','ж','р'),"
		"('7212-1-001','6','7212-1','Дәнекерлеуші','Сварщик','дәнекерлеуші','сварщик'),"
		"('7212-1-002','6','7212-1','Газ','Газ','газ','газ'),"
		"('7212-1-003','6','7212-1','Ескі','Старый','ескі','старый')"), 0);
	db_exec(db, "UPDATE nkz SET active = 0 WHERE code = '7212-1-003'");

	char e2[256];
	int64_t v = reg_new_draft(db, e2, sizeof e2);
	CHECK(v > 0, "new draft: %s", e2);
	CHECK_INT(reg_new_draft(db, e2, sizeof e2), 0);

	/* Validation names each field. */
	struct reg_row r;
	fill(&r, v, "7212", "9");
	reg_row_set(&r.basis_ru, "  ");
	r.validity = 120;
	r.body_id = 0;
	snprintf(r.profile, sizeof r.profile, "x");
	snprintf(r.section, sizeof r.section, "other");
	struct problems p = {0};
	CHECK_INT(reg_add(db, &r, &p), REG_INVALID);
	const char *fields[] = {"section", "nkz_code", "basis_ru", "level", "validity", "body", "profile"};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		CHECK(problems_for(&p, fields[i]) != NULL, "a problem names %s", fields[i]);
	CHECK(problems_for(&p, "basis_kk") == NULL, "basis_kk is fine");
	CHECK(strstr(problems_for(&p, "nkz_code"), "7212") != NULL, "the message quotes the code: %s",
	      problems_for(&p, "nkz_code"));
	reg_row_free(&r);

	fill(&r, v, "7212-1-009", "3");
	p.n = 0;
	CHECK_INT(reg_add(db, &r, &p), REG_INVALID);
	CHECK(problems_for(&p, "nkz_code") != NULL, "unknown code refused");
	reg_row_free(&r);
	fill(&r, v, "7212-1-003", "3");
	p.n = 0;
	CHECK_INT(reg_add(db, &r, &p), REG_INVALID);
	CHECK(problems_for(&p, "nkz_code") != NULL, "retired code refused");
	reg_row_free(&r);

	/* Add, duplicate, change, conflict, delete. */
	fill(&r, v, "7212-1-001", "3");
	p.n = 0;
	CHECK_INT(reg_add(db, &r, &p), REG_OK);
	CHECK(r.id > 0 && r.rev == 1, "row id %lld rev %lld", (long long)r.id, (long long)r.rev);
	struct reg_row dup;
	fill(&dup, v, "7212-1-001", "3");
	CHECK_INT(reg_add(db, &dup, &p), REG_DUPLICATE);
	snprintf(dup.level, sizeof dup.level, "4");
	CHECK_INT(reg_add(db, &dup, &p), REG_OK);
	reg_row_free(&dup);

	struct reg_row mine, theirs;
	reg_row_load(db, r.id, &mine);
	reg_row_load(db, r.id, &theirs);
	theirs.validity = 3;
	CHECK_INT(reg_change(db, &theirs, &p), REG_OK);
	mine.validity = 0;
	CHECK_INT(reg_change(db, &mine, &p), REG_CONFLICT);
	struct reg_row now;
	reg_row_load(db, r.id, &now);
	CHECK_INT(now.validity, 3);
	reg_row_free(&now);
	CHECK_INT(reg_delete(db, r.id, mine.rev), REG_CONFLICT);
	CHECK_INT(reg_delete(db, r.id, theirs.rev), REG_OK);
	CHECK_INT(reg_change(db, &theirs, &p), REG_GONE);
	reg_row_free(&mine);
	reg_row_free(&theirs);
	reg_row_free(&r);

	/* Publish the draft (as the cycle would), then it is read-only. */
	fill(&r, v, "7212-1-002", "2");
	CHECK_INT(reg_add(db, &r, &p), REG_OK);
	CHECK_INT(db_exec(db, "UPDATE reg_version SET state = 'published', published = '2026-01-01'"), 0);
	r.validity = 1;
	CHECK_INT(reg_change(db, &r, &p), REG_NOT_DRAFT);
	CHECK_INT(reg_delete(db, r.id, r.rev), REG_NOT_DRAFT);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM reg_row", -1), 2);
	reg_row_free(&r);

	/* A new draft copies the published rows; diff finds each kind. */
	int64_t d = reg_new_draft(db, e2, sizeof e2);
	CHECK(d > 0 && d != v, "second draft");
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM reg_row WHERE version_id = (SELECT max(id) FROM reg_version)", -1), 2);
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM reg_row WHERE version_id = :d ORDER BY level");
	db_int(st, ":d", d);
	db_step(db, st);
	int64_t first = sqlite3_column_int64(st, 0);
	db_step(db, st);
	int64_t second = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	reg_row_load(db, first, &r);
	reg_row_set(&r.basis_kk, "Басқа стандарт");
	r.body_id = body("health");
	CHECK_INT(reg_change(db, &r, &p), REG_OK);
	reg_row_free(&r);
	reg_row_load(db, second, &r);
	CHECK_INT(reg_delete(db, r.id, r.rev), REG_OK);
	reg_row_free(&r);
	fill(&r, d, "7212-1-001", "5");
	CHECK_INT(reg_add(db, &r, &p), REG_OK);
	reg_row_free(&r);
	struct counts c = {0};
	CHECK_INT(reg_diff(db, v, d, count, &c), 0);
	CHECK_INT(c.added, 1);
	CHECK_INT(c.removed, 1);
	CHECK_INT(c.changed, 1);
	CHECK_INT(c.cols, COL_BASIS | COL_BODY);

	/* Proposals: every missing justification item is named. */
	struct proposal pr = {0};
	pr.action = PA_INCLUDE;
	fill(&pr.row, d, "7212-1-001", "");
	snprintf(pr.row.section, sizeof pr.row.section, "mandatory");
	pr.body_id = pr.row.body_id;
	pr.safety_kk = strdup("Қауіпсіздік");
	p.n = 0;
	proposal_validate(db, &pr, &p);
	const char *missing[] = {"level", "safety_ru", "demand_kk", "demand_ru", "standard_kk",
	                         "standard_ru", "legal_act_kk", "legal_act_ru"};
	for (size_t i = 0; i < sizeof missing / sizeof *missing; i++)
		CHECK(problems_for(&p, missing[i]) != NULL, "proposal problem names %s", missing[i]);
	CHECK(problems_for(&p, "safety_kk") == NULL, "given item not reported");
	snprintf(pr.row.section, sizeof pr.row.section, "voluntary");
	p.n = 0;
	proposal_validate(db, &pr, &p);
	CHECK(problems_for(&p, "legal_act_kk") == NULL, "cl. 8-1 applies to the mandatory section only");
	snprintf(pr.levels[0], sizeof pr.levels[0], "4");
	snprintf(pr.levels[1], sizeof pr.levels[1], "11");
	pr.nlevels = 2;
	p.n = 0;
	proposal_validate(db, &pr, &p);
	CHECK(problems_for(&p, "level") && strstr(problems_for(&p, "level"), "11"),
	      "a wrong level is named");
	proposal_free(&pr);

	db_close(db);
	unlink(path);
	char side[600];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	return tz_test_done();
}
