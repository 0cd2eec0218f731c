/* secure_getenv and setresgid are GNU. */
#define _GNU_SOURCE
#include "privs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

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

/* Only root can rename or replace dir, or any directory above it: a sticky
 * directory (/tmp, /var/tmp) lets no one rename what root made there. */
static int root_path(const char *dir, int last)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", dir);
	for (;;) {
		struct stat sb;
		if (stat(buf, &sb) || !S_ISDIR(sb.st_mode) || sb.st_uid != 0)
			return 0;
		if (last) {
			if (sb.st_mode & (S_IWGRP | S_IWOTH))
				return 0;
			last = 0;
		} else if ((sb.st_mode & (S_IWGRP | S_IWOTH)) && !(sb.st_mode & S_ISVTX)) {
			return 0;
		}
		char *slash = strrchr(buf, '/');
		if (!slash || slash == buf)
			break;
		*slash = '\0';
	}
	return 1;
}

/* The group's, group-writable, not anyone's to write, a regular file. */
static int group_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_gid == prog_gid &&
	       (sb.st_mode & S_IWGRP) && !(sb.st_mode & S_IWOTH);
}

static int sqlite_header(const char *path)
{
	char head[16];
	int fd = open(path, O_RDONLY | O_NOFOLLOW);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	return n == (ssize_t)sizeof head && !memcmp(head, "SQLite format 3", 16);
}

/* What install-shared makes; 0, or -1 with the reason in err. */
static int shared_db(const char *real, char *err, size_t errlen)
{
	char dir[PATH_MAX], side[PATH_MAX + 8];
	snprintf(dir, sizeof dir, "%s", real);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (!group_file(real) || !sqlite_header(real)) {
		snprintf(err, errlen, _("%s is not a database of the program's group, writable by "
		                        "the group"), real);
		return -1;
	}
	if (!root_path(dir, 1)) {
		snprintf(err, errlen, _("its directory %s, or one above it, can be changed by "
		                        "someone other than root"), dir);
		return -1;
	}
	static const char *const sides[] = {"-wal", "-shm"};
	for (size_t i = 0; i < 2; i++) {
		snprintf(side, sizeof side, "%s%s", real, sides[i]);
		if (!group_file(side)) {
			snprintf(err, errlen, _("%s is missing or not the group's; only root may make "
			                        "it (make install-shared)"), side);
			return -1;
		}
	}
	return 0;
}

char *privs_database(const char *path, char *err, size_t errlen)
{
	if (!shared)
		return strdup(path);
	char real[PATH_MAX], why[PATH_MAX + 200] = "";
	/* The checks look into the group's directory. */
	set_egid(prog_gid);
	int ok = realpath(path, real) ? shared_db(real, why, sizeof why) == 0 : -1;
	if (ok < 0)
		snprintf(why, sizeof why, "%s: %s", path, strerror(errno));
	if (ok > 0) {
		base_gid = prog_gid;
		return strdup(real);
	}
	set_egid(base_gid);
	if (!strcmp(path, TIZILIM_SHARED_DB)) {
		/* The shared database set up wrong: say so rather than open it
		 * with the user's rights and fail with "permission denied". */
		snprintf(err, errlen, _("the shared database is not set up for this program: %s "
		                        "(see SHARED HOST in tizilim(1))"), why);
		return NULL;
	}
	privs_drop();
	return strdup(path);
}

void privs_opened(tz_db *db)
{
	struct stat sb;
	if (stat(db_path(db), &sb) || !(sb.st_mode & S_IWGRP))
		return;
	int on = 1;
	sqlite3_file_control(db_sqlite(db), "main", SQLITE_FCNTL_PERSIST_WAL, &on);
}
