/* The shared database's checks: what install-shared lays out, and nothing
 * else, keeps the program's group (src/store/shared.h). */
#include "store/shared.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/privs.h"

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
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_gid == privs_group() &&
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

char *shared_database(const char *path, char *err, size_t errlen)
{
	if (!privs_shared())
		return strdup(path);
	char real[PATH_MAX], why[PATH_MAX + 200] = "";
	/* The checks look into the group's directory. */
	privs_probe();
	int ok = realpath(path, real) ? shared_db(real, why, sizeof why) == 0 : -1;
	if (ok < 0)
		snprintf(why, sizeof why, "%s: %s", path, strerror(errno));
	if (ok > 0) {
		privs_keep(1);
		return strdup(real);
	}
	privs_keep(0);
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

void shared_opened(tz_db *db)
{
	struct stat sb;
	if (stat(db_path(db), &sb) || !(sb.st_mode & S_IWGRP))
		return;
	int on = 1;
	sqlite3_file_control(db_sqlite(db), "main", SQLITE_FCNTL_PERSIST_WAL, &on);
}
