/* tizilim: with a command, the command line (src/cli/cli.c); without, the
 * terminal interface. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "base/i18n.h"
#include "base/privs.h"
#include "store/store.h"
#include "base/text.h"
#include "kit/timing.h"
#include "app.h"

/* The screens answer every key within a frame, and on a virtual machine
 * a page of memory touched for the first time costs a fault of about
 * 10 µs: a search's first lookup of 4,000 matches at 100,000 rows took
 * 200 of them.  So the memory the keys will need is taken and touched
 * before the first screen (5 ms), and freed memory stays with the process
 * instead of going back to the system to be faulted in again: SQLite's
 * page cache (db_reserve_cache), and the heap the searches' matches grow
 * in, which big blocks also come from rather than from fresh mappings. */
enum { HEAP_RESERVE = 4 << 20 };

static void reserve_memory(void)
{
	db_reserve_cache();
	mallopt(M_MMAP_THRESHOLD, 2 * HEAP_RESERVE);
	mallopt(M_TRIM_THRESHOLD, 4 * HEAP_RESERVE);
	/* Written through volatile: a block only written and freed may be
	 * left out by the compiler altogether. */
	volatile char *p = malloc(HEAP_RESERVE);
	if (p) {
		for (size_t i = 0; i < HEAP_RESERVE; i += 4096)
			p[i] = 1;
		free((void *)p);
	}
}

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
	reserve_memory();
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
