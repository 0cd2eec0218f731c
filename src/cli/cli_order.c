/* Moving rows of the draft in its official order (src/cli/cli_order.h). */
#include "cli/cli_order.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/args.h"
#include "cli/output.h"
#include "domain/register.h"
#include "domain/regorder.h"

/* A whole number from 1 to 1,000,000; 0 when the word is not one. */
static int order_count(const char *w)
{
	char *end;
	long n = strtol(w, &end, 10);
	return *w && !*end && n >= 1 && n <= 1000000 ? (int)n : 0;
}

int cmd_move(tz_db *db, int argc, char **argv)
{
	struct args a;
	if (args_parse(argc, argv, 1, &a, "") || args_only("move", &a, " "))
		return EXIT_USAGE;
	const char *how = a.nwords >= 2 ? a.word[1] : "";
	int up = !strcmp(how, "up"), down = !strcmp(how, "down"), to = order_count(how);
	int by = a.nwords == 3 ? order_count(a.word[2]) : 1;
	const char *colon = a.nwords >= 2 ? strchr(a.word[0], ':') : NULL;
	if (!colon || !(up || down || to) || (to && a.nwords != 2) || a.nwords > 3 || !by) {
		cli_error(_("move: give CODE:LEVEL up [N], CODE:LEVEL down [N] or CODE:LEVEL NUMBER"));
		return EXIT_USAGE;
	}
	int64_t draft = reg_draft(db);
	if (!draft)
		return cli_refused("move", _("there is no draft register"));
	char code[32];
	snprintf(code, sizeof code, "%.*s", (int)(colon - a.word[0]), a.word[0]);
	sqlite3_stmt *st = db_prep(db, "SELECT id, section FROM reg_row WHERE version_id = :v "
	                               "AND nkz_code = :c AND level = :l");
	if (!st)
		return cli_refused("move", db_errmsg(db));
	db_int(st, ":v", draft);
	db_text(st, ":c", code);
	db_text(st, ":l", colon + 1);
	int64_t id = 0;
	char section[16] = "";
	if (db_step(db, st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		snprintf(section, sizeof section, "%s", db_col_text(st, 1));
	}
	sqlite3_finalize(st);
	if (!id) {
		char why[160];
		snprintf(why, sizeof why, _("the draft has no row %s at level %s"), code, colon + 1);
		return cli_refused("move", why);
	}
	int places = up ? -by : down ? by : 0;
	if (to) {
		if (regorder_settle(db, draft))
			return cli_refused("move", db_errmsg(db));
		places = to - regorder_num(db, id);
	}
	char err[512];
	int num = 0, rc = regorder_move(db, id, places, &num, err, sizeof err);
	if (rc)
		return cli_refused("move", rc == REG_DENIED && *err ? err
		                           : reg_status_why(db, rc, err, sizeof err));
	/* TRANSLATORS: "7212-2-001, level 3: No. 2 in the section «...»" */
	printf(_("%s, level %s: No. %d in the section \"%s\".\n"), code, colon + 1, num,
	       reg_section_title(section));
	return cli_flushed(EXIT_OK);
}
