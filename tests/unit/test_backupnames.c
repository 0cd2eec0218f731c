/* Backups never replace a file: three taken before publications in the same
 * second are three files; a backup or an export onto the database or a file
 * SQLite keeps beside it (-wal, -shm, -journal) is refused, whether that
 * file exists or not and by whatever name it is reached; an existing file
 * is never a backup's target; a reader fills no backups directory. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "exchange/regcsv.h"
#include "exchange/xlsxout.h"
#include "harness.h"
#include "store/backup.h"
#include "store/store.h"

static char dir[] = "/tmp/tz-backupnames-XXXXXX";

static int count_backups(void)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "ls %s/backups 2>/dev/null | grep -c '^tizilim-.*\\.db$'", dir);
	FILE *p = popen(cmd, "r");
	int n = -1;
	if (p) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		pclose(p);
	}
	return n;
}

static char *digest(const char *path)
{
	static char out[4][80];
	static int i;
	i = (i + 1) % 4;
	char cmd[400];
	snprintf(cmd, sizeof cmd, "sha256sum < %s 2>/dev/null", path);
	out[i][0] = 0;
	FILE *p = popen(cmd, "r");
	if (p) {
		if (!fgets(out[i], sizeof out[i], p))
			out[i][0] = 0;
		pclose(p);
	}
	return out[i];
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	i18n_init("kk");
	char path[300], err[1024] = "", taken[3][4096];
	snprintf(path, sizeof path, "%s/r.db", dir);
	tz_db *db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "cannot make the database: %s", err);
	if (!db)
		return tz_test_done();

	/* Three in one second: three files, none replaced. */
	for (int i = 0; i < 3; i++)
		CHECK_INT(backup_before_publish(db, taken[i], sizeof taken[i], err, sizeof err), 0);
	CHECK(strcmp(taken[0], taken[1]) && strcmp(taken[1], taken[2]) && strcmp(taken[0], taken[2]),
	      "names: %s %s %s", taken[0], taken[1], taken[2]);
	CHECK_INT(count_backups(), 3);

	/* Onto the database's own files: refused, the files as they were. */
	char side[400], wal[400];
	snprintf(wal, sizeof wal, "%s-wal", path);
	const char *before_db = digest(path), *before_wal = digest(wal);
	static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(side, sizeof side, "%s%s", path, sides[i]);
		err[0] = 0;
		CHECK(backup_to(db, side, err, sizeof err) == -1, "backup onto %s", side);
		CHECK(strstr(err, side) != NULL, "the refusal names %s: %s", side, err);
		struct regcsv_export x = {.lang = "kk", .encoding = "utf-8", .path = side};
		CHECK(regcsv_export(db, &x, err, sizeof err) == -1, "CSV export onto %s", side);
	}
	/* ...by another name for the same place. */
	snprintf(side, sizeof side, "%s/./r.db-wal", dir);
	CHECK(backup_to(db, side, err, sizeof err) == -1, "backup onto %s", side);
	CHECK_STR(digest(path), before_db);
	CHECK_STR(digest(wal), before_wal);
	snprintf(side, sizeof side, "%s-journal", path);
	CHECK(access(side, F_OK) != 0, "a -journal made by a refused backup");

	/* An existing file is never replaced. */
	snprintf(side, sizeof side, "%s/mine.txt", dir);
	FILE *f = fopen(side, "w");
	if (f) {
		fputs("keep me", f);
		fclose(f);
	}
	const char *mine = digest(side);
	CHECK(backup_to(db, side, err, sizeof err) == -1, "backup over an existing file");
	CHECK_STR(digest(side), mine);
	snprintf(side, sizeof side, "%s/fresh.db", dir);
	CHECK_INT(backup_to(db, side, err, sizeof err), 0);
	CHECK_INT(backup_check(side, err, sizeof err), 0);

	/* A reader fills no backups directory. */
	CHECK_INT(db_exec(db, "UPDATE app_user SET role = 'reader'"), 0);
	CHECK(backup_before_publish(db, taken[0], sizeof taken[0], err, sizeof err) == -1,
	      "a reader took a backup");
	CHECK_INT(count_backups(), 3);

	db_close(db);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return tz_test_done();
}
