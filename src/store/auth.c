#include "store/auth.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/host.h"
#include "base/i18n.h"
#include "base/debuglog.h"
#include "store/refdata.h"

static const char *const role_names[] = {"none", "admin", "ab_clerk", "ab_approver", "sb_clerk",
                                         "reader"};

const char *auth_role_name(enum role r)
{
	return (unsigned)r < sizeof role_names / sizeof *role_names ? role_names[r] : "none";
}

const char *auth_role_label(enum role r)
{
	switch (r) {
	case ROLE_ADMIN: return _("administrator");
	case ROLE_AB_CLERK: return _("authorized-body clerk");
	case ROLE_AB_APPROVER: return _("authorized-body approver");
	case ROLE_SB_CLERK: return _("sectoral-body clerk");
	case ROLE_READER: return _("read-only user");
	default: return _("not a user of this database");
	}
}

enum role auth_role_parse(const char *name)
{
	for (int r = ROLE_ADMIN; r <= ROLE_READER; r++)
		if (name && !strcmp(name, role_names[r]))
			return (enum role)r;
	return ROLE_NONE;
}

int auth_whoami(tz_db *db, struct who *w)
{
	memset(w, 0, sizeof *w);
	snprintf(w->login, sizeof w->login, "%s", host_login());
	sqlite3_stmt *st = db_prep(db, "SELECT role, coalesce(body_id, 0) FROM app_user WHERE login = :l");
	db_text(st, ":l", w->login);
	int rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		w->role = auth_role_parse(db_col_text(st, 0));
		w->body_id = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The administrators' logins, "a, b", for telling a user whom to ask. */
static void admins(tz_db *db, char *buf, size_t len)
{
	sqlite3_stmt *st = db_prep(db, "SELECT group_concat(login, ', ') FROM "
	                               "(SELECT login FROM app_user WHERE role = 'admin' ORDER BY login)");
	snprintf(buf, len, "%s", st && db_step(db, st) == SQLITE_ROW ? db_col_text(st, 0) : "");
	sqlite3_finalize(st);
	if (!*buf)
		snprintf(buf, len, "?");
}

static void body_name(tz_db *db, int64_t id, char *buf, size_t len)
{
	if (!ref_body(db, id, REF_SHORT, NULL, buf, len, NULL))
		snprintf(buf, len, "#%lld", (long long)id);
}

/* The refusals every check shares: someone not in the table, and a reader.
 * Returns 1 when it refused. */
static int outsider(tz_db *db, const struct who *w, char *why, size_t len)
{
	if (w->role == ROLE_NONE) {
		char a[256];
		admins(db, a, sizeof a);
		snprintf(why, len, _("%s is not a user of this database and may only read it; ask its "
		                     "administrator (%s) to add you with \"tizilim user add\"."), w->login, a);
		return 1;
	}
	if (w->role == ROLE_READER) {
		snprintf(why, len, _("%s (%s) may only read and changes nothing; ask an "
		                     "administrator for another role."),
		         w->login, auth_role_label(w->role));
		return 1;
	}
	return 0;
}

static int ab(enum role r)
{
	return r == ROLE_ADMIN || r == ROLE_AB_CLERK || r == ROLE_AB_APPROVER;
}

/* Loads who is at the terminal; a database error refuses too. */
static int load(tz_db *db, struct who *w, char *why, size_t len)
{
	if (auth_whoami(db, w) == 0)
		return 0;
	snprintf(why, len, _("Cannot read the users of this database: %s"), db_errmsg(db));
	return -1;
}

int auth_edit_register(tz_db *db, char *why, size_t len)
{
	struct who w;
	if (load(db, &w, why, len) || outsider(db, &w, why, len))
		return -1;
	if (ab(w.role))
		return 0;
	snprintf(why, len, _("%s (%s) may not change the draft register: only the authorized "
	                     "body changes it."), w.login, auth_role_label(w.role));
	return -1;
}

int auth_edit_proposal(tz_db *db, int64_t body_id, char *why, size_t len)
{
	struct who w;
	if (load(db, &w, why, len) || outsider(db, &w, why, len))
		return -1;
	if (ab(w.role) || (w.role == ROLE_SB_CLERK && w.body_id == body_id))
		return 0;
	char mine[200], theirs[200];
	body_name(db, w.body_id, mine, sizeof mine);
	body_name(db, body_id, theirs, sizeof theirs);
	snprintf(why, len, _("%s (%s of %s) may change only that body's proposals, not those "
	                     "of %s."), w.login, auth_role_label(w.role), mine, theirs);
	return -1;
}

int auth_approve(tz_db *db, const char *author, char *why, size_t len)
{
	struct who w;
	if (load(db, &w, why, len) || outsider(db, &w, why, len))
		return -1;
	if (w.role != ROLE_ADMIN && w.role != ROLE_AB_APPROVER) {
		snprintf(why, len, _("%s (%s) may not approve changes: only an authorized-body "
		                     "approver or an administrator approves."), w.login,
		         auth_role_label(w.role));
		return -1;
	}
	if (author && !strcmp(author, w.login)) {
		snprintf(why, len, _("%s prepared this change and so may not approve it; another approver "
		                     "must."), w.login);
		return -1;
	}
	return 0;
}

int auth_edit_reference(tz_db *db, char *why, size_t len)
{
	struct who w;
	if (load(db, &w, why, len) || outsider(db, &w, why, len))
		return -1;
	if (ab(w.role))
		return 0;
	snprintf(why, len, _("%s (%s) may not change reference data (classifier, bodies, "
	                     "calendar, levels): only the authorized body does."), w.login,
	         auth_role_label(w.role));
	return -1;
}

/* An administrator's task; fmt names it, with the login, the role and
 * the administrators to ask. */
static int admin_only(tz_db *db, const char *fmt, char *why, size_t len)
{
	struct who w;
	if (load(db, &w, why, len))
		return -1;
	if (w.role == ROLE_ADMIN)
		return 0;
	char a[256];
	admins(db, a, sizeof a);
	snprintf(why, len, fmt, w.login, auth_role_label(w.role), a);
	return -1;
}

int auth_admin(tz_db *db, char *why, size_t len)
{
	return admin_only(db, _("%s (%s) may not manage users: only an administrator does (%s)."),
	                  why, len);
}

int auth_restore(tz_db *db, char *why, size_t len)
{
	return admin_only(db, _("%s (%s) may not restore the database from a backup: only an "
	                        "administrator does (%s)."), why, len);
}

int auth_bootstrap(tz_db *db)
{
	if (db_int_query(db, "SELECT count(*) FROM app_user", -1) != 0)
		return 0;
	char now[24];
	if (db_begin(db))
		return -1;
	sqlite3_stmt *st = db_prep(db, "INSERT INTO app_user(login, role, created) "
	                               "VALUES (:l, 'admin', :now)");
	db_text(st, ":l", host_login());
	db_text(st, ":now", host_now(now));
	if (db_run(db, st) || db_commit(db)) {
		if (db_depth(db))
			db_rollback(db);
		return -1;
	}
	return 0;
}

static int64_t admin_count(tz_db *db)
{
	return db_int_query(db, "SELECT count(*) FROM app_user WHERE role = 'admin'", 0);
}

static int is_admin(tz_db *db, const char *login)
{
	sqlite3_stmt *st = db_prep(db, "SELECT 1 FROM app_user WHERE login = :l AND role = 'admin'");
	db_text(st, ":l", login);
	int yes = db_step(db, st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

static int body_of(tz_db *db, const char *code, int64_t *id)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM body WHERE code = :c AND authorized = 0");
	db_text(st, ":c", code);
	int found = db_step(db, st) == SQLITE_ROW;
	if (found)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return found;
}

int auth_user_add(tz_db *db, const char *login, enum role role, const char *body_code,
                  char *why, size_t len)
{
	if (auth_admin(db, why, len))
		return -1;
	int64_t body = 0;
	if (!login || !*login || !getpwnam(login)) {
		snprintf(why, len, _("There is no login %s on this system; a user is an operating-system "
		                     "login."), login ? login : "");
		return -1;
	}
	if (role == ROLE_NONE) {
		snprintf(why, len, _("Unknown role; the roles are admin, ab_clerk, ab_approver, sb_clerk "
		                     "and reader."));
		return -1;
	}
	if (role == ROLE_SB_CLERK && (!body_code || !*body_code)) {
		snprintf(why, len, _("A sectoral-body clerk belongs to one body: give its code after the "
		                     "role."));
		return -1;
	}
	if (role != ROLE_SB_CLERK && body_code && *body_code) {
		snprintf(why, len, _("Only a sectoral-body clerk (sb_clerk) belongs to a body; %s does "
		                     "not take one."), auth_role_name(role));
		return -1;
	}
	if (role == ROLE_SB_CLERK && !body_of(db, body_code, &body)) {
		snprintf(why, len, _("There is no sectoral body with the code %s."), body_code);
		return -1;
	}
	if (db_begin(db))
		goto dberr;
	if (role != ROLE_ADMIN && is_admin(db, login) && admin_count(db) == 1) {
		db_rollback(db);
		snprintf(why, len, _("%s is the last administrator; make another login an administrator "
		                     "first."), login);
		return -1;
	}
	char now[24];
	sqlite3_stmt *st = db_prep(db,
		"INSERT INTO app_user(login, role, body_id, created) VALUES (:l, :r, :b, :now) "
		"ON CONFLICT(login) DO UPDATE SET role = excluded.role, body_id = excluded.body_id "
		"WHERE role IS NOT excluded.role OR body_id IS NOT excluded.body_id");
	db_text(st, ":l", login);
	db_text(st, ":r", auth_role_name(role));
	if (body)
		db_int(st, ":b", body);
	else
		db_null(st, ":b");
	db_text(st, ":now", host_now(now));
	if (db_run(db, st) || db_commit(db)) {
		if (db_depth(db))
			db_rollback(db);
		goto dberr;
	}
	return 0;
dberr:
	snprintf(why, len, _("The database refused the change: %s"), db_errmsg(db));
	return -1;
}

int auth_user_remove(tz_db *db, const char *login, char *why, size_t len)
{
	if (auth_admin(db, why, len))
		return -1;
	if (db_begin(db))
		goto dberr;
	int admin = is_admin(db, login);
	if (admin && admin_count(db) == 1) {
		db_rollback(db);
		snprintf(why, len, _("%s is the last administrator and cannot be removed; make another "
		                     "login an administrator first."), login);
		return -1;
	}
	sqlite3_stmt *st = db_prep(db, "DELETE FROM app_user WHERE login = :l");
	db_text(st, ":l", login);
	if (db_run(db, st))
		goto fail;
	if (sqlite3_changes(db_sqlite(db)) == 0) {
		db_rollback(db);
		snprintf(why, len, _("%s is not a user of this database."), login);
		return -1;
	}
	if (db_commit(db))
		goto dberr;
	return 0;
fail:
	db_rollback(db);
dberr:
	snprintf(why, len, _("The database refused the change: %s"), db_errmsg(db));
	return -1;
}

int auth_users(tz_db *db, auth_user_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, "SELECT u.login, u.role, coalesce(b.code, ''), u.created "
	                               "FROM app_user u LEFT JOIN body b ON b.id = u.body_id "
	                               "ORDER BY u.login");
	int rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		struct auth_user u = {db_col_text(st, 0), auth_role_parse(db_col_text(st, 1)),
		                      db_col_text(st, 2), db_col_text(st, 3)};
		if (fn(ctx, &u)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return !st ? SQLITE_ERROR : rc == SQLITE_DONE ? 0 : rc;
}
