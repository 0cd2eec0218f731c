/* safefile — how every file the program writes comes to be, and where the
 * user's own files live.
 *
 * A file is written whole or not at all, and never through a link: a new
 * temporary name beside the final one is created with O_EXCL (so a link
 * planted there is not followed), filled, synced, then renamed over the
 * final name, which replaces a link instead of writing through it.  A device,
 * a pipe or a directory at the final name is refused, never replaced.  A
 * stream that grows while the program runs (a log) is opened with
 * O_NOFOLLOW and must be a regular file.
 *
 * safefile_ calls act with the rights the process holds now: the backup
 * taken before a publication is the program's own file.  userfile_ calls
 * take the user's own rights (privs_user) for their length: on a shared host
 * the program lends its group to none of the files it writes or reads for a
 * user — exports, drafts, backups, packages, the configuration, logs.
 *
 * The user's directories come from the sanitised environment: running
 * setgid, XDG_*_HOME and HOME count for nothing and the login's home in the
 * password database does (privs_getenv). */
#ifndef TZ_SAFEFILE_H
#define TZ_SAFEFILE_H

#include <stdio.h>
#include <sys/types.h>

/* 0 when path may be replaced by renaming a finished file over it: it does
 * not exist, or is a regular file or a link.  A device, a pipe or a
 * directory is never replaced: -1 with errno EPERM (or EISDIR), so that an
 * export to /dev/null cannot put a plain file in its place. */
int safefile_replaceable(const char *path);

/* A new empty file beside path ("<path>.tmp-XXXXXX"), made with O_EXCL, its
 * mode mode less the umask.  The name, malloc'd; NULL with errno. */
char *safefile_temp(const char *path, mode_t mode);
/* Syncs tmp and renames it over path (see safefile_replaceable).  0, or -1
 * with errno and tmp left for the caller to discard. */
int safefile_place(const char *tmp, const char *path);
/* The same, but never over an existing file: -1 with errno EEXIST when
 * path exists (a backup never replaces another). */
int safefile_place_new(const char *tmp, const char *path);
/* Removes tmp and the journal files SQLite may have left beside it. */
void safefile_discard(const char *tmp);

/* Leftovers of runs that were killed: the program's temporaries
 * ("<name>.tmp-<pid>-XXXXXX" and their journals) whose process is gone from
 * this machine are removed.  safefile_sweep: those of one file's name, in
 * its directory (every new temporary does this first); safefile_sweep_in:
 * those of names starting with prefix in dir, or of any name when prefix is
 * NULL.  How many were removed. */
int safefile_sweep(const char *path);
int safefile_sweep_in(const char *dir, const char *prefix);

/* A file written whole through a stream: create, write to fp, commit. */
struct safefile {
	FILE *fp;
	char *path, *tmp;
};
/* 0 with f->fp open on a new temporary beside path; -1 with errno. */
int safefile_create(struct safefile *f, const char *path, mode_t mode);
/* Flushes, syncs, closes and renames over the final name.  0, or -1 with
 * errno and nothing left behind.  f is emptied either way. */
int safefile_commit(struct safefile *f);
/* Throws the half-written file away. */
void safefile_abandon(struct safefile *f);

/* The same, with the user's own rights. */
int userfile_create(struct safefile *f, const char *path, mode_t mode);
int userfile_commit(struct safefile *f);
void userfile_abandon(struct safefile *f);
char *userfile_temp(const char *path, mode_t mode);
int userfile_place(const char *tmp, const char *path);
int userfile_place_new(const char *tmp, const char *path);
void userfile_discard(const char *tmp);

/* A file the user names, opened for reading with the user's rights (a link
 * is followed: the user may read what it points at or not). */
FILE *userfile_read(const char *path, const char *mode);
/* What is left of a stream (such a file, or standard input), read whole
 * into a string of its own, malloc'd: a text the user hands over.  Up to
 * SAFEFILE_READ_MAX bytes; NULL with errno EFBIG when there is more, EIO
 * when the read fails, ENOMEM. */
enum { SAFEFILE_READ_MAX = 16 << 20 };
char *safefile_read_all(FILE *f);
/* A file the program keeps for the user (a draft, the configuration): read
 * with the user's rights, never through a link, a regular file only.  NULL
 * with errno (ELOOP for a link). */
FILE *userfile_read_own(const char *path);
/* A log the user names: appended to (or truncated when trunc), created
 * 0600, never through a link, a regular file only; the user's rights. */
FILE *userfile_log(const char *path, int trunc);
int userfile_unlink(const char *path);

enum userfile_place { USERFILE_DATA, USERFILE_CONFIG, USERFILE_STATE };
/* The program's directory of a kind for this user, malloc'd:
 * $XDG_DATA_HOME/tizilim or ~/.local/share/tizilim, $XDG_CONFIG_HOME/tizilim
 * or ~/.config/tizilim, $XDG_STATE_HOME/tizilim or ~/.local/state/tizilim.
 * A relative XDG_* is ignored, as the XDG rules say; without a home, NULL. */
char *userfile_dir(enum userfile_place place);
/* mkdir -p dir with the user's rights; what it makes is 0700 (a clerk's
 * drafts are the clerk's).  The last component must end up a directory
 * and not a link.  0 or -1 with errno. */
int userfile_mkdirs(const char *dir);

#endif
