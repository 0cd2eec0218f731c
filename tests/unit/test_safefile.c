/* How every file is written: whole or not at all, never through a link.  A
 * link planted at the final name is replaced, its target untouched; a link
 * at any temporary name is passed over; a device or a directory at the
 * final name is refused; an abandoned file leaves nothing; the program's
 * own files are never read through a link; a log is never opened through a
 * link or on a pipe; the user's directories come from the environment as
 * the XDG rules say, and a state directory that is a link is refused. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "base/safefile.h"

static char dir[] = "/tmp/tz-safefile-XXXXXX";

static char *at(const char *name)
{
	static char buf[8][300];
	static int i;
	i = (i + 1) % 8;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

static char *slurp(const char *path)
{
	static char buf[256];
	buf[0] = 0;
	FILE *f = fopen(path, "r");
	if (f) {
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = 0;
		fclose(f);
	}
	return buf;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int entries(void)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "ls -A %s | wc -l", dir);
	FILE *p = popen(cmd, "r");
	int n = -1;
	if (p) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		pclose(p);
	}
	return n;
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	umask(022);

	/* A file written whole appears under its name, with its mode less the umask. */
	struct safefile f;
	CHECK_INT(userfile_create(&f, at("out.csv"), 0666), 0);
	fputs("бір,екі\n", f.fp);
	CHECK(access(at("out.csv"), F_OK) != 0, "the file appears only when committed");
	CHECK_INT(userfile_commit(&f), 0);
	CHECK_STR(slurp(at("out.csv")), "бір,екі\n");
	struct stat sb;
	CHECK(stat(at("out.csv"), &sb) == 0 && (sb.st_mode & 0777) == 0644, "mode 0644");
	CHECK_INT(entries(), 1);

	/* A link at the final name is replaced; what it pointed at stays. */
	put(at("victim"), "the shared database");
	CHECK_INT(symlink(at("victim"), at("draft.txt")), 0);
	CHECK_INT(userfile_create(&f, at("draft.txt"), 0600), 0);
	fputs("draft", f.fp);
	CHECK_INT(userfile_commit(&f), 0);
	CHECK_STR(slurp(at("victim")), "the shared database");
	CHECK(lstat(at("draft.txt"), &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 0777) == 0600,
	      "the link replaced by a private file");
	CHECK_STR(slurp(at("draft.txt")), "draft");

	/* Abandoned: nothing left, the old file as it was. */
	CHECK_INT(userfile_create(&f, at("draft.txt"), 0600), 0);
	fputs("half", f.fp);
	userfile_abandon(&f);
	CHECK_STR(slurp(at("draft.txt")), "draft");
	CHECK_INT(entries(), 3);

	/* A device or a directory at the final name is refused. */
	CHECK_INT(mkdir(at("adir"), 0700), 0);
	CHECK_INT(userfile_create(&f, at("adir"), 0600), 0);
	fputs("x", f.fp);
	errno = 0;
	CHECK_INT(userfile_commit(&f), -1);
	CHECK_INT(errno, EISDIR);
	CHECK(lstat(at("adir"), &sb) == 0 && S_ISDIR(sb.st_mode), "the directory stays");
	CHECK_INT(safefile_replaceable("/dev/null"), -1);
	CHECK_INT(errno, EPERM);
	CHECK_INT(safefile_replaceable(at("nothing")), 0);

	/* Named temporaries (for SQLite and the workbook writer). */
	char *tmp = userfile_temp(at("book.xlsx"), 0666);
	CHECK(tmp != NULL, "a temporary name");
	CHECK(tmp && strncmp(tmp, at("book.xlsx.tmp-"), strlen(at("book.xlsx.tmp-"))) == 0,
	      "beside the file: %s", tmp ? tmp : "");
	if (tmp) {
		put(tmp, "PK");
		CHECK_INT(userfile_place(tmp, at("book.xlsx")), 0);
		CHECK_STR(slurp(at("book.xlsx")), "PK");
		free(tmp);
	}
	tmp = userfile_temp(at("pkg.db"), 0600);
	if (tmp) {
		char side[400];
		snprintf(side, sizeof side, "%s-journal", tmp);
		put(side, "j");
		userfile_discard(tmp);
		CHECK(access(tmp, F_OK) != 0 && access(side, F_OK) != 0, "discarded with its journal");
		free(tmp);
	}

	/* The program's own files are not read through a link... */
	CHECK_INT(symlink(at("victim"), at("own.txt")), 0);
	errno = 0;
	CHECK(userfile_read_own(at("own.txt")) == NULL, "read through a link");
	CHECK_INT(errno, ELOOP);
	FILE *r = userfile_read_own(at("draft.txt"));
	CHECK(r != NULL, "its own file reads");
	if (r)
		fclose(r);
	/* ...a file the user names is (it is read with the user's rights). */
	r = userfile_read(at("own.txt"), "r");
	CHECK(r != NULL, "a named file through a link");
	if (r)
		fclose(r);

	/* A log: never through a link, never a pipe; appended to. */
	CHECK(userfile_log(at("own.txt"), 0) == NULL, "a log through a link");
	CHECK_STR(slurp(at("victim")), "the shared database");
	CHECK_INT(mkfifo(at("fifo"), 0600), 0);
	CHECK(userfile_log(at("fifo"), 1) == NULL, "a log on a pipe");
	for (int i = 0; i < 2; i++) {
		FILE *lg = userfile_log(at("t.log"), 0);
		CHECK(lg != NULL, "log opens");
		if (lg) {
			fputs("line\n", lg);
			fclose(lg);
		}
	}
	CHECK_STR(slurp(at("t.log")), "line\nline\n");
	FILE *lg = userfile_log(at("t.log"), 1);
	if (lg)
		fclose(lg);
	CHECK_STR(slurp(at("t.log")), "");

	/* Directories from the environment, as the XDG rules say. */
	setenv("HOME", dir, 1);
	setenv("XDG_STATE_HOME", "relative/state", 1);
	char *d = userfile_dir(USERFILE_STATE);
	char want[400];
	snprintf(want, sizeof want, "%s/.local/state/tizilim", dir);
	CHECK_STR(d, want);
	free(d);
	setenv("XDG_STATE_HOME", at("st"), 1);
	d = userfile_dir(USERFILE_STATE);
	snprintf(want, sizeof want, "%s/tizilim", at("st"));
	CHECK_STR(d, want);
	CHECK_INT(userfile_mkdirs(d), 0);
	CHECK(stat(d, &sb) == 0 && S_ISDIR(sb.st_mode) && (sb.st_mode & 0777) == 0700, "made private");
	free(d);
	unsetenv("XDG_CONFIG_HOME");
	d = userfile_dir(USERFILE_CONFIG);
	snprintf(want, sizeof want, "%s/.config/tizilim", dir);
	CHECK_STR(d, want);
	free(d);
	setenv("XDG_DATA_HOME", "/data", 1);
	d = userfile_dir(USERFILE_DATA);
	CHECK_STR(d, "/data/tizilim");
	free(d);
	/* A state directory that is a link is not written through. */
	CHECK_INT(symlink(at("adir"), at("linked")), 0);
	errno = 0;
	CHECK_INT(userfile_mkdirs(at("linked")), -1);
	CHECK_INT(errno, ELOOP);

	/* A text handed over is read whole, up to the cap and not a byte more. */
	FILE *t = tmpfile();
	CHECK(t != NULL, "tmpfile");
	if (t) {
		fputs("Баспасөз релизі\n", t);
		rewind(t);
		char *text = safefile_read_all(t);
		CHECK_STR(text ? text : "(null)", "Баспасөз релизі\n");
		free(text);
		rewind(t);
		for (long i = 0; i < SAFEFILE_READ_MAX; i++)
			putc('a', t);
		fflush(t);
		rewind(t);
		text = safefile_read_all(t);
		CHECK(text && strlen(text) == SAFEFILE_READ_MAX, "exactly the cap is read");
		free(text);
		fseek(t, 0, SEEK_END);
		putc('a', t);
		rewind(t);
		errno = 0;
		CHECK(safefile_read_all(t) == NULL, "a byte over the cap is refused");
		CHECK_INT(errno, EFBIG);
		fclose(t);
	}

	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return tz_test_done();
}
