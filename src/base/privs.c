/* secure_getenv and setresgid are GNU. */
#define _GNU_SOURCE
#include "base/privs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static gid_t user_gid, prog_gid;
/* The group between privs_user sections: the user's until privs_database
 * accepts a shared database, the program's from then on. */
static gid_t base_gid;
static int shared, depth;

/* A process that cannot change its group back is not one to go on with:
 * either it would write the user's files as the group or fail half-way. */
static void set_egid(gid_t g)
{
	if (setegid(g))
		abort();
}

void privs_init(void)
{
	user_gid = base_gid = getgid();
	prog_gid = getegid();
	shared = user_gid != prog_gid;
	if (!shared)
		return;
	/* Read by SQLite and ICU themselves, not through privs_getenv: a temp
	 * directory of the user's choosing, ICU data the user wrote. */
	static const char *const unsafe[] = {
		"SQLITE_TMPDIR", "TMPDIR", "ICU_DATA", "ICU_TIMEZONE_FILES_DIR", "TZDIR",
	};
	for (size_t i = 0; i < sizeof unsafe / sizeof *unsafe; i++)
		unsetenv(unsafe[i]);
	/* Nothing is lent the group until the database is chosen. */
	set_egid(user_gid);
}

int privs_shared(void) { return shared; }

void privs_user(void)
{
	if (shared && depth++ == 0)
		set_egid(user_gid);
}

void privs_program(void)
{
	if (shared && depth > 0 && --depth == 0)
		set_egid(base_gid);
}

void privs_drop(void)
{
	if (!shared)
		return;
	if (setresgid(user_gid, user_gid, user_gid))
		abort();
	shared = 0;
	depth = 0;
}

const char *privs_getenv(const char *name)
{
	static const char *const prefs[] = {"TERM", "NO_COLOR", "TIZILIM_LANG"};
	for (size_t i = 0; i < sizeof prefs / sizeof *prefs; i++)
		if (!strcmp(name, prefs[i]))
			return getenv(name);
	/* secure_getenv answers NULL for the whole run of a setgid process, even
	 * after privs_drop: the run's settings do not change half-way. */
	return secure_getenv(name);
}

void privs_probe(void)
{
	if (shared)
		set_egid(prog_gid);
}

void privs_keep(int keep)
{
	if (!shared)
		return;
	if (keep) {
		base_gid = prog_gid;
		return;
	}
	set_egid(base_gid);
}

gid_t privs_group(void) { return prog_gid; }
