/* Roles: the creator administers; each refusal names the login and role and
 * says why; the last administrator stays; the author never approves. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/auth.h"
#include "harness.h"
#include "base/host.h"
#include "base/i18n.h"
#include "domain/register.h"
#include "store/store.h"

static tz_db *db;
static const char *me;

static int64_t body(const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM body WHERE code = :c");
	db_text(st, ":c", code);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

/* Sets the tester's own role directly, as only a test may. */
static void become(const char *role, const char *body_code)
{
	char sql[256];
	if (body_code)
		snprintf(sql, sizeof sql, "UPDATE app_user SET role = '%s', body_id = %lld WHERE login = '%s'",
		         role, (long long)body(body_code), me);
	else
		snprintf(sql, sizeof sql, "UPDATE app_user SET role = '%s', body_id = NULL WHERE login = '%s'",
		         role, me);
	CHECK_INT(db_exec(db, sql), 0);
}

#define REFUSED(call, ...) do { \
	why[0] = 0; \
	CHECK_INT(call, -1); \
	const char *subs_[] = {__VA_ARGS__, NULL}; \
	for (int i_ = 0; subs_[i_]; i_++) \
		CHECK(strstr(why, subs_[i_]) != NULL, "%s: no \"%s\" in \"%s\"", #call, subs_[i_], why); \
} while (0)

int main(void)
{
	char path[] = "/tmp/tz-auth-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	/* The English msgids: this test reads the sentences themselves. */
	setenv("LANGUAGE", "en", 1);
	char err[512] = "", why[512];
	db = store_open(path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	CHECK_INT(store_load_demo(db), 0);
	me = host_login();

	/* The first login is the administrator. */
	struct who w;
	CHECK_INT(auth_whoami(db, &w), 0);
	CHECK_STR(w.login, me);
	CHECK_INT(w.role, ROLE_ADMIN);
	CHECK_INT(auth_edit_register(db, why, sizeof why), 0);
	CHECK_INT(auth_admin(db, why, sizeof why), 0);
	CHECK_INT(auth_role_parse("sb_clerk"), ROLE_SB_CLERK);
	CHECK_INT(auth_role_parse("boss"), ROLE_NONE);

	/* Managing users: real logins only, a body for a sectoral clerk only. */
	REFUSED(auth_user_add(db, "no-such-login-zz", ROLE_READER, NULL, why, sizeof why),
	        "no-such-login-zz");
	REFUSED(auth_user_add(db, "nobody", ROLE_SB_CLERK, NULL, why, sizeof why), "body");
	REFUSED(auth_user_add(db, "nobody", ROLE_SB_CLERK, "no-such-body", why, sizeof why),
	        "no-such-body");
	REFUSED(auth_user_add(db, "nobody", ROLE_READER, "agriculture", why, sizeof why), "reader");
	CHECK_INT(auth_user_add(db, "nobody", ROLE_SB_CLERK, "agriculture", why, sizeof why), 0);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM app_user WHERE login = 'nobody' AND "
	                           "role = 'sb_clerk' AND body_id = (SELECT id FROM body WHERE "
	                           "code = 'agriculture')", 0), 1);
	/* Adding a user again changes the role, and logs the change. */
	CHECK_INT(auth_user_add(db, "nobody", ROLE_READER, NULL, why, sizeof why), 0);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM app_user WHERE login = 'nobody' AND "
	                           "role = 'reader' AND body_id IS NULL", 0), 1);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM change_log WHERE object = 'app_user' AND "
	                           "object_id = 'nobody' AND action = 'update'", 0), 1);
	/* The last administrator can be neither removed nor demoted. */
	REFUSED(auth_user_remove(db, me, why, sizeof why), me, "last administrator");
	REFUSED(auth_user_add(db, me, ROLE_READER, NULL, why, sizeof why), me, "last administrator");
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM app_user WHERE role = 'admin'", 0), 1);
	REFUSED(auth_user_remove(db, "daemon", why, sizeof why), "daemon", "not a user");
	CHECK_INT(auth_user_add(db, "daemon", ROLE_ADMIN, NULL, why, sizeof why), 0);
	CHECK_INT(auth_user_remove(db, "nobody", why, sizeof why), 0);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM app_user WHERE login = 'nobody'", -1), 0);

	/* A sectoral-body clerk: that body's proposals only, never the register. */
	become("sb_clerk", "agriculture");
	CHECK_INT(auth_edit_proposal(db, body("agriculture"), why, sizeof why), 0);
	REFUSED(auth_edit_proposal(db, body("industry"), why, sizeof why), me, "sectoral-body clerk",
	        "only that body's proposals");
	REFUSED(auth_edit_register(db, why, sizeof why), me, "sectoral-body clerk",
	        "only the authorized body");
	REFUSED(auth_edit_reference(db, why, sizeof why), me, "sectoral-body clerk");
	REFUSED(auth_approve(db, "daemon", why, sizeof why), me, "approve");
	REFUSED(auth_admin(db, why, sizeof why), me, "daemon");
	REFUSED(auth_user_add(db, "nobody", ROLE_READER, NULL, why, sizeof why), me, "manage users");

	/* ... and the core holds to it, whoever calls. */
	int64_t rid = db_int_query(db, "SELECT min(id) FROM reg_row WHERE version_id = "
	                               "(SELECT id FROM reg_version WHERE state = 'draft')", 0);
	CHECK(rid > 0, "the demo has a draft row");
	struct reg_row r = {0};
	struct problems p = {0};
	CHECK_INT(reg_row_load(db, rid, &r), 0);
	reg_row_set(&r.basis_kk, "Өзгерген");
	int64_t logged = db_int_query(db, "SELECT count(*) FROM change_log", 0);
	CHECK_INT(reg_change(db, &r, &p), REG_DENIED);
	CHECK(p.n == 1 && strstr(p.item[0].msg, me), "the reason names the login: %s",
	      p.n ? p.item[0].msg : "");
	CHECK_INT(reg_delete(db, rid, r.rev), REG_DENIED);
	r.id = 0;
	CHECK_INT(reg_add(db, &r, &p), REG_DENIED);
	CHECK_INT(reg_new_draft(db, why, sizeof why), 0);
	CHECK(strstr(why, me) != NULL, "new draft refused: %s", why);
	CHECK_INT(db_int_query(db, "SELECT count(*) FROM change_log", 0), logged);
	reg_row_free(&r);

	/* An authorized-body clerk edits the register but approves nothing. */
	become("ab_clerk", NULL);
	CHECK_INT(auth_edit_register(db, why, sizeof why), 0);
	CHECK_INT(auth_edit_proposal(db, body("industry"), why, sizeof why), 0);
	CHECK_INT(auth_edit_reference(db, why, sizeof why), 0);
	REFUSED(auth_approve(db, "daemon", why, sizeof why), me, "authorized-body clerk", "approve");

	/* An approver approves others' changes, never their own. */
	become("ab_approver", NULL);
	CHECK_INT(auth_approve(db, "daemon", why, sizeof why), 0);
	REFUSED(auth_approve(db, me, why, sizeof why), me, "prepared this change");

	/* A reader changes nothing. */
	become("reader", NULL);
	REFUSED(auth_edit_register(db, why, sizeof why), me, "read");
	REFUSED(auth_edit_proposal(db, body("agriculture"), why, sizeof why), me, "read");
	REFUSED(auth_edit_reference(db, why, sizeof why), me, "read");
	REFUSED(auth_approve(db, "daemon", why, sizeof why), me, "read");

	/* Not in the table: read-only, told whom to ask. */
	CHECK_INT(db_exec(db, "DELETE FROM app_user WHERE login = (SELECT tz_login())"), 0);
	CHECK_INT(auth_whoami(db, &w), 0);
	CHECK_INT(w.role, ROLE_NONE);
	REFUSED(auth_edit_register(db, why, sizeof why), me, "not a user", "daemon");
	REFUSED(auth_admin(db, why, sizeof why), me, "daemon");

	db_close(db);
	char side[600];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	return tz_test_done();
}
