/* mkostemp is GNU. */
#define _GNU_SOURCE
#include "base/safefile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/privs.h"

int safefile_replaceable(const char *path)
{
	struct stat sb;
	if (lstat(path, &sb) != 0)
		return 0;
	if (S_ISREG(sb.st_mode) || S_ISLNK(sb.st_mode))
		return 0;
	errno = S_ISDIR(sb.st_mode) ? EISDIR : EPERM;
	return -1;
}

static mode_t less_umask(mode_t mode)
{
	mode_t mask = umask(0);
	umask(mask);
	return mode & ~mask;
}

/* The descriptor of a new temporary beside path, its name in *tmp. */
static int temp_fd(const char *path, mode_t mode, char **tmp)
{
	/* A killed run's temporaries are found again by their owner's pid
	 * (safefile_sweep) and never taken for the user's files. */
	safefile_sweep(path);
	size_t n = strlen(path) + sizeof ".tmp--XXXXXX" + 24;
	*tmp = malloc(n);
	if (!*tmp)
		return -1;
	snprintf(*tmp, n, "%s.tmp-%ld-XXXXXX", path, (long)getpid());
	/* mkstemp opens with O_CREAT | O_EXCL: a name that exists, a link
	 * among them, is passed over, never opened. */
	int fd = mkostemp(*tmp, O_CLOEXEC);
	if (fd < 0 || fchmod(fd, less_umask(mode))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(*tmp);
		}
		free(*tmp);
		*tmp = NULL;
		errno = e;
		return -1;
	}
	return fd;
}

char *safefile_temp(const char *path, mode_t mode)
{
	char *tmp;
	int fd = temp_fd(path, mode, &tmp);
	if (fd < 0)
		return NULL;
	close(fd);
	return tmp;
}

/* tmp's content on the disk before its name goes over another: a crash
 * after the rename must not leave an empty file.  0, or -1 with errno. */
static int safefile_sync(const char *tmp)
{
	int fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int e = errno;
	close(fd);
	if (rc) {
		errno = e;
		return -1;
	}
	return 0;
}

int safefile_place(const char *tmp, const char *path)
{
	if (safefile_sync(tmp))
		return -1;
	if (safefile_replaceable(path))
		return -1;
	return rename(tmp, path);
}

int safefile_place_new(const char *tmp, const char *path)
{
	if (safefile_sync(tmp))
		return -1;
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* A file system without RENAME_NOREPLACE: a hard link is made only
	 * where no name stands either. */
	if (link(tmp, path))
		return -1;
	unlink(tmp);
	return 0;
}

void safefile_discard(const char *tmp)
{
	static const char *const sides[] = {"", "-journal", "-wal", "-shm"};
	size_t n = strlen(tmp) + sizeof "-journal";
	char *p = malloc(n);
	if (!p) {
		unlink(tmp);
		return;
	}
	for (size_t i = 0; i < sizeof sides / sizeof *sides; i++) {
		snprintf(p, n, "%s%s", tmp, sides[i]);
		unlink(p);
	}
	free(p);
}

/* A temporary of the program's: "<prefix>.tmp-<pid>-XXXXXX", then nothing or
 * a journal's ending.  Its pid, or 0 when name is no such thing. */
static long temp_owner(const char *name, const char *prefix)
{
	size_t pl = strlen(prefix);
	if (strncmp(name, prefix, pl) || strncmp(name + pl, ".tmp-", 5))
		return 0;
	const char *p = name + pl + 5;
	char *end;
	long pid = strtol(p, &end, 10);
	if (end == p || pid <= 0 || *end != '-')
		return 0;
	for (int i = 1; i <= 6; i++)
		if (!end[i] || end[i] == '/')
			return 0;
	const char *rest = end + 7;
	return !*rest || !strcmp(rest, "-journal") || !strcmp(rest, "-wal") || !strcmp(rest, "-shm")
	       ? pid : 0;
}

/* Gone from this machine: a temporary it left can only be a leftover. */
static int dead(long pid)
{
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

int safefile_sweep_in(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int n = 0;
	struct dirent *e;
	char path[PATH_MAX];
	while ((e = readdir(d))) {
		long pid;
		if (prefix) {
			pid = temp_owner(e->d_name, prefix);
		} else {
			/* Any name of the program's form: its prefix is what stands
			 * before the last ".tmp-". */
			const char *t = strstr(e->d_name, ".tmp-"), *last = t;
			while (t && (t = strstr(t + 1, ".tmp-")))
				last = t;
			if (!last)
				continue;
			char pre[NAME_MAX + 1];
			snprintf(pre, sizeof pre, "%.*s", (int)(last - e->d_name), e->d_name);
			pid = temp_owner(e->d_name, pre);
		}
		if (pid <= 0 || pid == (long)getpid() || !dead(pid))
			continue;
		struct stat sb;
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path ||
		    lstat(path, &sb) || !S_ISREG(sb.st_mode))
			continue;
		if (unlink(path) == 0)
			n++;
	}
	closedir(d);
	return n;
}

int safefile_sweep(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if ((size_t)snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
	                     slash ? path : ".") >= sizeof dir)
		return 0;
	return safefile_sweep_in(dir, slash ? slash + 1 : path);
}

int safefile_create(struct safefile *f, const char *path, mode_t mode)
{
	memset(f, 0, sizeof *f);
	int fd = temp_fd(path, mode, &f->tmp);
	if (fd < 0)
		return -1;
	if (!(f->path = strdup(path)) || !(f->fp = fdopen(fd, "wb"))) {
		int e = errno;
		close(fd);
		unlink(f->tmp);
		free(f->tmp);
		free(f->path);
		memset(f, 0, sizeof *f);
		errno = e;
		return -1;
	}
	return 0;
}

static void clear(struct safefile *f)
{
	free(f->tmp);
	free(f->path);
	memset(f, 0, sizeof *f);
}

int safefile_commit(struct safefile *f)
{
	if (!f->fp) {
		clear(f);
		errno = EBADF;
		return -1;
	}
	int bad = fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) != 0;
	int e = errno;
	if (fclose(f->fp) && !bad) {
		bad = 1;
		e = errno;
	}
	if (!bad && safefile_replaceable(f->path)) {
		bad = 1;
		e = errno;
	}
	if (!bad && rename(f->tmp, f->path)) {
		bad = 1;
		e = errno;
	}
	if (bad)
		unlink(f->tmp);
	clear(f);
	errno = e;
	return bad ? -1 : 0;
}

void safefile_abandon(struct safefile *f)
{
	if (f->fp)
		fclose(f->fp);
	if (f->tmp)
		unlink(f->tmp);
	clear(f);
}

/* ---- with the user's rights --------------------------------------------- */

/* Each runs its call between privs_user and privs_program, errno kept. */
#define AS_USER(type, call)                                                    \
	do {                                                                       \
		privs_user();                                                          \
		type r_ = (call);                                                      \
		int e_ = errno;                                                        \
		privs_program();                                                       \
		errno = e_;                                                            \
		return r_;                                                             \
	} while (0)

int userfile_create(struct safefile *f, const char *path, mode_t mode)
{
	AS_USER(int, safefile_create(f, path, mode));
}

int userfile_commit(struct safefile *f)
{
	AS_USER(int, safefile_commit(f));
}

char *userfile_temp(const char *path, mode_t mode)
{
	AS_USER(char *, safefile_temp(path, mode));
}

int userfile_place(const char *tmp, const char *path)
{
	AS_USER(int, safefile_place(tmp, path));
}

int userfile_place_new(const char *tmp, const char *path)
{
	AS_USER(int, safefile_place_new(tmp, path));
}

int userfile_unlink(const char *path)
{
	AS_USER(int, unlink(path));
}

FILE *userfile_read(const char *path, const char *mode)
{
	AS_USER(FILE *, fopen(path, mode));
}

char *safefile_read_all(FILE *f)
{
	size_t len = 0, cap = 4096;
	char *s = malloc(cap);
	while (s) {
		len += fread(s + len, 1, cap - 1 - len, f);
		if (len < cap - 1 || len > SAFEFILE_READ_MAX)
			break;   /* the end, a failed read, or more than is taken */
		char *ns = realloc(s, cap *= 2);
		if (!ns)
			free(s);
		s = ns;
	}
	if (!s)
		return NULL;
	if (len > SAFEFILE_READ_MAX || ferror(f)) {
		int e = ferror(f) ? EIO : EFBIG;
		free(s);
		errno = e;
		return NULL;
	}
	s[len] = 0;
	return s;
}

void userfile_abandon(struct safefile *f)
{
	privs_user();
	safefile_abandon(f);
	privs_program();
}

void userfile_discard(const char *tmp)
{
	privs_user();
	safefile_discard(tmp);
	privs_program();
}

/* A regular file opened with flags, never through a link. */
static FILE *open_regular(const char *path, int flags, const char *mode)
{
	int fd = open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
	if (fd < 0)
		return NULL;
	struct stat sb;
	if (fstat(fd, &sb) || !S_ISREG(sb.st_mode)) {
		close(fd);
		errno = EPERM;
		return NULL;
	}
	/* O_NONBLOCK only so that a pipe planted there cannot hang the open. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *fp = fdopen(fd, mode);
	if (!fp) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return fp;
}

FILE *userfile_read_own(const char *path)
{
	AS_USER(FILE *, open_regular(path, O_RDONLY, "rb"));
}

FILE *userfile_log(const char *path, int trunc)
{
	AS_USER(FILE *, open_regular(path, O_WRONLY | O_CREAT | (trunc ? O_TRUNC : O_APPEND),
	                             trunc ? "w" : "a"));
}

char *userfile_dir(enum userfile_place place)
{
	static const struct {
		const char *var, *fallback;
	} where[] = {
		[USERFILE_DATA] = {"XDG_DATA_HOME", ".local/share"},
		[USERFILE_CONFIG] = {"XDG_CONFIG_HOME", ".config"},
		[USERFILE_STATE] = {"XDG_STATE_HOME", ".local/state"},
	};
	const char *x = privs_getenv(where[place].var), *home = privs_getenv("HOME");
	/* Running setgid both read as unset: the login's own home it is. */
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	char buf[PATH_MAX];
	int n;
	if (x && *x == '/')
		n = snprintf(buf, sizeof buf, "%s/tizilim", x);
	else if (home && *home == '/')
		n = snprintf(buf, sizeof buf, "%s/%s/tizilim", home, where[place].fallback);
	else
		return NULL;
	return n < (int)sizeof buf ? strdup(buf) : NULL;
}

static int make_dirs(const char *dir)
{
	char buf[PATH_MAX];
	if ((size_t)snprintf(buf, sizeof buf, "%s", dir) >= sizeof buf) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (char *c = buf + 1; *c; c++) {
		if (*c != '/')
			continue;
		*c = 0;
		if (mkdir(buf, 0700) && errno != EEXIST)
			return -1;
		*c = '/';
	}
	if (mkdir(buf, 0700) && errno != EEXIST)
		return -1;
	struct stat sb;
	if (lstat(buf, &sb))
		return -1;
	if (!S_ISDIR(sb.st_mode)) {
		errno = S_ISLNK(sb.st_mode) ? ELOOP : ENOTDIR;
		return -1;
	}
	return 0;
}

int userfile_mkdirs(const char *dir)
{
	AS_USER(int, make_dirs(dir));
}
