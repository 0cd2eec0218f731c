/* tizilim: with a command, the command line (src/cli/cli.c); without, the
 * terminal interface. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "base/privs.h"
#include "store/store.h"
#include "base/text.h"
#include "kit/timing.h"
#include "app.h"

int main(int argc, char **argv)
{
	/* Before anything reads the environment or a file. */
	privs_init();
	struct cli_opts o;
	int rc = cli_parse(argc, argv, &o);
	if (rc >= 0)
		return rc;
	if (o.first_cmd < argc) {
		rc = cli_run(argc, argv, &o);
		text_cleanup();
		return rc;
	}
	char *path = o.db ? NULL : store_default_path();
	char err[512] = "";
	tz_db *db = store_open(o.db ? o.db : path, 1, !o.db, err, sizeof err);
	if (!db) {
		fprintf(stderr, _("tizilim: cannot open the database %s: %s\n"),
		        o.db ? o.db : path, err);
		free(path);
		return EXIT_DATA;
	}
	free(path);
	if (o.timing && timing_open(o.timing)) {
		fprintf(stderr, _("tizilim: cannot write the timing log %s\n"), o.timing);
		db_close(db);
		return EXIT_DATA;
	}
	rc = ui_run(db, o.lang);
	timing_close();
	db_close(db);
	text_cleanup();
	return rc;
}
