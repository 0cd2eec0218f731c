/* The core tells long work's progress in one shape (done of total, a
 * non-zero answer stops it): the CSV and XLSX exports count the version's
 * rows and end at all of them; a backup counts pages; the change log's check counts
 * entries; verify's checks count themselves.  A stopped export writes no
 * file, a stopped backup leaves none behind, and each says it stopped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "exchange/regcsv.h"
#include "exchange/xlsxout.h"
#include "harness.h"
#include "store/audit.h"
#include "store/backup.h"
#include "store/integrity.h"
#include "store/store.h"

static char dir[] = "/tmp/tz-progress-XXXXXX";

struct seen {
	long calls, first_done, last_done, last_total, backwards;
	long stop_at;   /* stop at this call (1-based); 0: never */
};

static int seen_tell(void *ctx, long done, long total)
{
	struct seen *s = ctx;
	if (!s->calls)
		s->first_done = done;
	else if (done < s->last_done)
		s->backwards++;
	s->calls++;
	s->last_done = done;
	s->last_total = total;
	return s->stop_at && s->calls >= s->stop_at;
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	i18n_init("kk");
	char path[300], out[300], err[1024] = "";
	snprintf(path, sizeof path, "%s/r.db", dir);
	tz_db *db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "cannot make the database: %s", err);
	if (!db)
		return tz_test_done();
	long rows = (long)db_int_query(db, "SELECT count(*) FROM reg_row WHERE version_id = "
	                                   "(SELECT max(id) FROM reg_version)", -1);
	CHECK(rows > 0, "the demo register has rows: %ld", rows);

	/* Export: from 0 to every row of the version, never backwards. */
	struct seen s = {0};
	snprintf(out, sizeof out, "%s/e.csv", dir);
	struct regcsv_export x = {.lang = "kk", .encoding = "utf-8", .path = out,
	                          .progress = seen_tell, .pctx = &s};
	CHECK_INT(regcsv_export(db, &x, err, sizeof err), 0);
	CHECK_INT(s.first_done, 0);
	CHECK_INT(s.last_done, rows);
	CHECK_INT(s.last_total, rows);
	CHECK_INT(s.backwards, 0);
	CHECK(access(out, F_OK) == 0, "the export was written");

	/* Stopped: no file, and the reason in the user's language. */
	s = (struct seen){.stop_at = 1};
	snprintf(out, sizeof out, "%s/stopped.csv", dir);
	err[0] = 0;
	CHECK_INT(regcsv_export(db, &x, err, sizeof err), -1);
	CHECK_STR(err, _("The export was stopped; no file was written."));
	CHECK(access(out, F_OK) != 0, "a stopped export left %s", out);

	/* The workbook counts the same rows; stopped, it is not written. */
	s = (struct seen){0};
	snprintf(out, sizeof out, "%s/e.xlsx", dir);
	CHECK_INT(xlsxout_register_with(db, "ru", 0, out, seen_tell, &s, err, sizeof err), 0);
	CHECK_INT(s.first_done, 0);
	CHECK_INT(s.last_done, rows);
	CHECK_INT(s.last_total, rows);
	CHECK(access(out, F_OK) == 0, "the workbook was written");
	s = (struct seen){.stop_at = 1};
	snprintf(out, sizeof out, "%s/stopped.xlsx", dir);
	CHECK_INT(xlsxout_register_with(db, "ru", 0, out, seen_tell, &s, err, sizeof err), -1);
	CHECK_STR(err, _("The export was stopped; no file was written."));
	CHECK(access(out, F_OK) != 0, "a stopped workbook left %s", out);

	/* Backup: ends at all its pages. */
	s = (struct seen){0};
	struct backup_progress bp = {seen_tell, &s};
	snprintf(out, sizeof out, "%s/b.db", dir);
	CHECK_INT(backup_to_with(db, out, &bp, err, sizeof err), 0);
	CHECK(s.calls >= 1, "the backup told its progress");
	CHECK(s.last_total > 0 && s.last_done == s.last_total, "ended at %ld of %ld pages", s.last_done,
	      s.last_total);
	CHECK_INT(s.backwards, 0);

	/* A backup stopped after its first chunk leaves nothing behind: a
	 * database of many chunks first. */
	CHECK_INT(db_exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
	                      "INSERT INTO meta (key, value) SELECT 'pad' || i, hex(randomblob(300)) FROM n"),
	          0);
	s = (struct seen){.stop_at = 1};
	snprintf(out, sizeof out, "%s/stopped.db", dir);
	err[0] = 0;
	CHECK_INT(backup_to_with(db, out, &bp, err, sizeof err), -1);
	CHECK(strstr(err, _("the backup was stopped")) != NULL, "says it stopped: %s", err);
	CHECK(access(out, F_OK) != 0, "a stopped backup left %s", out);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "ls -A %s | grep -v -e '^r.db' -e '^e.csv$' -e '^e.xlsx$' -e '^b.db$' | grep -q .",
	         dir);
	CHECK(system(cmd) != 0, "a stopped backup left a temporary file in %s", dir);

	/* The change log's check: every entry, and the chain still sound. */
	s = (struct seen){0};
	char what[512] = "";
	long entries = (long)db_int_query(db, "SELECT count(*) FROM change_log", -1);
	CHECK_INT(audit_verify_with(db, seen_tell, &s, what, sizeof what), 0);
	CHECK_INT(s.last_done, entries);
	CHECK_INT(s.last_total, entries);

	/* verify's checks: each told, the last as all of them. */
	s = (struct seen){0};
	struct integrity_run r = {.progress = seen_tell, .pctx = &s};
	CHECK(integrity_check(db, &r) >= 0, "integrity_check: %s", r.err);
	CHECK(s.calls >= 2 && s.last_done == s.last_total, "%ld calls, %ld of %ld", s.calls, s.last_done,
	      s.last_total);
	s = (struct seen){.stop_at = 1};
	CHECK_INT(integrity_check(db, &r), -1);
	CHECK_STR(r.err, _("The check was stopped."));

	db_close(db);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return tz_test_done();
}
