#include "auth.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store.h"

int auth_whoami(tz_db *db, struct who *w)
{
	(void)db;
	memset(w, 0, sizeof *w);
	snprintf(w->login, sizeof w->login, "%s", store_login());
	w->role = ROLE_ADMIN;
	return 0;
}

const char *auth_role_name(enum role r)
{
	static const char *const names[] = {"none", "admin", "ab_clerk", "ab_approver", "sb_clerk", "reader"};
	return names[r];
}

const char *auth_role_label(enum role r) { return auth_role_name(r); }
int auth_edit_register(tz_db *db, char *why, size_t len) { (void)db; (void)why; (void)len; return 0; }
int auth_edit_proposal(tz_db *db, int64_t body_id, char *why, size_t len) { (void)db; (void)body_id; (void)why; (void)len; return 0; }
int auth_approve(tz_db *db, const char *author, char *why, size_t len) { (void)db; (void)author; (void)why; (void)len; return 0; }
int auth_edit_reference(tz_db *db, char *why, size_t len) { (void)db; (void)why; (void)len; return 0; }
int auth_admin(tz_db *db, char *why, size_t len) { (void)db; (void)why; (void)len; return 0; }
