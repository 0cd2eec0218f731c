/* The clerk's choices kept between sessions: what the file says comes back,
 * what it does not understand is skipped, values out of range are not taken,
 * and a save writes a file the next load reads the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/prefs.h"
#include "harness.h"

int main(void)
{
	struct prefs p;
	prefs_defaults(&p);
	CHECK_INT(p.sort, -1);
	CHECK_STR(p.language, "");

	prefs_parse(&p, "# a comment\nlanguage = ru\nsort = 2 desc\ncolumn.3 = hidden\n"
	                "column.1 = +4\ncolumn.6 = -2\nexport_dir = /srv/out\n");
	CHECK_STR(p.language, "ru");
	CHECK_INT(p.sort, 2);
	CHECK_INT(p.sort_desc, 1);
	CHECK_INT(p.hidden[3], 1);
	CHECK_INT(p.hidden[1], 0);
	CHECK_INT(p.delta[1], 4);
	CHECK_INT(p.delta[6], -2);
	CHECK_STR(p.export_dir, "/srv/out");

	/* What is not a known value leaves the value as it was. */
	struct prefs q;
	prefs_defaults(&q);
	prefs_parse(&q, "language = en\nsort = 9\nsort = x\ncolumn.8 = hidden\ncolumn.2 = +999\n"
	                "export_dir = relative/dir\nno equals sign\n= nothing\nfuture.key = 1\n");
	CHECK_STR(q.language, "");
	CHECK_INT(q.sort, -1);
	CHECK_INT(q.delta[2], 0);
	CHECK_STR(q.export_dir, "");
	for (int c = 0; c < PREFS_NCOL; c++)
		CHECK(!q.hidden[c], "column %d hidden by a bad line", c);

	/* A saved file reads back the same, in a folder made for it. */
	char dir[] = "/tmp/tz-prefs-XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	char path[256];
	snprintf(path, sizeof path, "%s/sub/prefs", dir);
	CHECK_INT(prefs_save(&p, path), 0);
	struct stat sb;
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "mode %o", sb.st_mode & 0777);
	struct prefs r;
	prefs_defaults(&r);
	CHECK_INT(prefs_load(&r, path), 0);
	CHECK(!memcmp(&r, &p, sizeof r), "the file read back differs from what was saved");

	/* A missing file is no problem and changes nothing. */
	struct prefs m;
	prefs_defaults(&m);
	snprintf(path, sizeof path, "%s/none", dir);
	CHECK_INT(prefs_load(&m, path), 0);
	CHECK_INT(m.sort, -1);

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return tz_test_done();
}
