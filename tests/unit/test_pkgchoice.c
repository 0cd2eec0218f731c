/* The package export form's choices on the demo database: the sectoral
 * bodies with proposals in the Order's order, named in Kazakh or Russian;
 * a sectoral body's clerk offered their own body only; and a body's cycles,
 * newest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/host.h"
#include "base/i18n.h"
#include "domain/cycle.h"
#include "domain/proposals.h"
#include "harness.h"
#include "store/auth.h"
#include "store/store.h"
#include "view/pkgchoice.h"

static tz_db *db;

static void add(int64_t cycle, const char *body, const char *code)
{
	struct proposal_rec r;
	memset(&r, 0, sizeof r);
	r.pr.cycle_id = cycle;
	r.pr.body_id = proposals_body(db, body);
	r.pr.action = PA_INCLUDE;
	snprintf(r.pr.row.section, sizeof r.pr.row.section, "voluntary");
	snprintf(r.pr.row.nkz_code, sizeof r.pr.row.nkz_code, "%s", code);
	r.pr.nlevels = 1;
	snprintf(r.pr.levels[0], sizeof r.pr.levels[0], "5");
	char err[512] = "";
	CHECK(proposals_save(db, &r, err, sizeof err) == PR_OK, "save %s: %s", code, err);
	proposal_rec_free(&r);
}

int main(void)
{
	char path[] = "/tmp/tz-pkgchoice-XXXXXX";
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

	struct pkgchoice_body b[8];
	struct pkgchoice_cycle c[8];
	int own = -1;
	/* Nobody has proposals yet: nothing to export. */
	CHECK_INT(pkgchoice_bodies(db, "kk", b, 8, &own), 0);
	CHECK_INT(own, 0);

	/* Proposals of three bodies over three cycles; trade's came first, but
	 * the Order's order (by id) puts industry first. */
	int64_t spring = cycle_find(db, 2026, DL_SPRING);
	int64_t autumn = cycle_open(db, 2026, DL_AUTUMN, err, sizeof err);
	CHECK(autumn > 0, "open autumn 2026: %s", err);
	int64_t next = cycle_open(db, 2027, DL_SPRING, err, sizeof err);
	CHECK(next > 0, "open spring 2027: %s", err);
	add(spring, "trade", "5131-1-001");
	add(autumn, "industry", "7212-1-008");
	add(spring, "industry", "8332-1-002");
	add(next, "industry", "7212-2-001");
	add(spring, "culture", "2622-1-001");

	CHECK_INT(pkgchoice_bodies(db, "kk", b, 8, &own), 3);
	CHECK_INT(own, 0);
	CHECK_STR(b[0].code, "industry");
	CHECK_STR(b[0].name, "ИИДМ");
	CHECK_STR(b[1].code, "culture");
	CHECK_STR(b[1].name, "МСМ");
	CHECK_STR(b[2].code, "trade");
	CHECK_INT(b[2].id, proposals_body(db, "trade"));
	/* No more than asked for. */
	CHECK_INT(pkgchoice_bodies(db, "kk", b, 2, &own), 2);

	/* In Russian; the order stays. */
	CHECK_INT(pkgchoice_bodies(db, "ru", b, 8, &own), 3);
	CHECK_STR(b[0].name, "МИИР");
	CHECK_STR(b[2].name, "МТИ");
	/* Named again after a switch, the same bodies in the same places. */
	pkgchoice_rename(db, "kk", b, 3);
	CHECK_STR(b[0].code, "industry");
	CHECK_STR(b[0].name, "ИИДМ");
	CHECK_STR(b[2].name, "СИМ");
	i18n_set_lang("ru");
	pkgchoice_rename(db, NULL, b, 3);
	CHECK_STR(b[1].name, "МКС");
	i18n_set_lang("kk");

	/* Industry's cycles, newest first: spring 2027, autumn 2026, spring 2026. */
	int64_t industry = proposals_body(db, "industry");
	CHECK_INT(pkgchoice_cycles(db, industry, c, 8), 3);
	CHECK_INT(c[0].year, 2027);
	CHECK_STR(c[0].season, "spring");
	CHECK_INT(c[1].year, 2026);
	CHECK_STR(c[1].season, "autumn");
	CHECK_INT(c[2].year, 2026);
	CHECK_STR(c[2].season, "spring");
	CHECK_INT(pkgchoice_cycles(db, industry, c, 1), 1);
	CHECK_INT(pkgchoice_cycles(db, proposals_body(db, "trade"), c, 8), 1);
	CHECK_INT(pkgchoice_cycles(db, proposals_body(db, "health"), c, 8), 0);

	/* A sectoral body's clerk: their own body, proposals or not. */
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE app_user SET role = 'sb_clerk', body_id = "
	                          "(SELECT id FROM body WHERE code = 'health') WHERE login = '%s'", host_login());
	CHECK_INT(db_exec(db, sql), 0);
	CHECK_INT(pkgchoice_bodies(db, "ru", b, 8, &own), 1);
	CHECK_INT(own, 1);
	CHECK_STR(b[0].code, "health");
	CHECK_STR(b[0].name, "Минздрав");

	db_close(db);
	unlink(path);
	char p[64];
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return tz_test_done();
}
