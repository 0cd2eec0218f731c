/* auth — who may do what (SPEC §4, the cycle issue): a user is the
 * operating-system login; the database maps logins to roles.  Enforced here,
 * in the core, so that every way in (command line, screens, imports) is held
 * to it.  Each check returns 0 when allowed, or -1 with a translated sentence
 * in why saying what was refused and why. */
#ifndef TZ_AUTH_H
#define TZ_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

enum role { ROLE_NONE = 0, ROLE_ADMIN, ROLE_AB_CLERK, ROLE_AB_APPROVER, ROLE_SB_CLERK, ROLE_READER };

struct who {
	char login[64];
	enum role role;
	int64_t body_id;      /* for ROLE_SB_CLERK */
};

/* The person at the terminal and their role (ROLE_NONE when not in the table). */
int auth_whoami(tz_db *db, struct who *w);
const char *auth_role_name(enum role r);      /* "admin", "ab_clerk", ... */
const char *auth_role_label(enum role r);     /* translated */

/* The draft register's rows (authorized body only). */
int auth_edit_register(tz_db *db, char *why, size_t len);
/* A proposal of body_id (that body's clerks, or the authorized body). */
int auth_edit_proposal(tz_db *db, int64_t body_id, char *why, size_t len);
/* Approving a change prepared by author (an approver, never the author). */
int auth_approve(tz_db *db, const char *author, char *why, size_t len);
/* Reference data: classifier, bodies, calendar, levels. */
int auth_edit_reference(tz_db *db, char *why, size_t len);
/* Users and roles. */
int auth_admin(tz_db *db, char *why, size_t len);
/* Restoring the database from a backup (administrators, as for users). */
int auth_restore(tz_db *db, char *why, size_t len);

/* "admin" ... "reader" to a role; ROLE_NONE when it is none of them. */
enum role auth_role_parse(const char *name);

/* Makes the person at the terminal the administrator of a database that has
 * no users yet (a new one, or one made before roles existed).  0 or -1. */
int auth_bootstrap(tz_db *db);

/* User management, administrators only; each one transaction, logged.
 * auth_user_add gives login the role (changing it if the login has one);
 * body_code is required for ROLE_SB_CLERK and refused otherwise.
 * 0, or -1 with a translated sentence in why. */
int auth_user_add(tz_db *db, const char *login, enum role role, const char *body_code,
                  char *why, size_t len);
int auth_user_remove(tz_db *db, const char *login, char *why, size_t len);

struct auth_user {
	const char *login;
	enum role role;
	const char *body_code;   /* "" unless a sectoral-body clerk */
	const char *created;
};
/* Calls fn for each user, by login; fn returns nonzero to stop.  0 or an
 * SQLite error. */
typedef int (*auth_user_fn)(void *ctx, const struct auth_user *u);
int auth_users(tz_db *db, auth_user_fn fn, void *ctx);

#endif
