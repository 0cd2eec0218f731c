#include "cli/cli_calendar.h"
#include "cli/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/deadlines.h"
#include "base/datewords.h"
#include "base/i18n.h"
#include "base/text.h"
#include "view/deadlineview.h"

#define MAX_WORKDAYS 3650

static tz_calendar *load_calendar(tz_db *db, const char *cmd)
{
	tz_calendar *c = cal_load(db);
	if (!c)
		cli_error(_("%s: cannot read the working-day calendar: %s"), cmd, db_errmsg(db));
	return c;
}

int cmd_workdays(tz_db *db, int argc, char **argv)
{
	if (argc != 3) {
		cli_error(_("usage: %s YYYY-MM-DD N"), argv[0]);
		return EXIT_USAGE;
	}
	tz_day d;
	int n;
	if (cal_parse_typed(argv[1], &d)) {
		cli_error(_("%s: \"%s\" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-20"),
		          argv[0], argv[1]);
		return EXIT_USAGE;
	}
	if (cal_parse_count(argv[2], MAX_WORKDAYS, &n)) {
		cli_error(_("%s: \"%s\" is not a number of working days: give a whole number from 0 to %d"),
		          argv[0], argv[2], MAX_WORKDAYS);
		return EXIT_USAGE;
	}
	tz_calendar *c = load_calendar(db, argv[0]);
	if (!c)
		return EXIT_DATA;
	char buf[11];
	printf("%s\n", cal_format(cal_add_workdays(c, d, n), buf));
	cal_free(c);
	return EXIT_OK;
}

/* --- the deadlines table ------------------------------------------------- */

enum { COLS = 5, CELL = 256 };

struct row {
	char cell[COLS][CELL];
};

static void status_text(const tz_calendar *c, const struct dl_item *it, tz_day today,
                        char *out, size_t len)
{
	int left;
	enum dl_status s = deadline_status(c, it, today, &left);
	switch (s) {
	case DL_PER_ITEM:
		snprintf(out, len, _("%d working days after receiving them"), it->after);
		break;
	case DL_NOT_RECORDED:
		if (it->step == DL_PLACED)
			snprintf(out, len, _("%d working days after the Council's recommendations (not yet recorded)"),
			         it->after);
		else
			snprintf(out, len, _("%d working days after the placement (not yet recorded)"),
			         it->after);
		break;
	case DL_DONE:
		snprintf(out, len, "%s", _("done"));
		break;
	case DL_DONE_LATE:
		snprintf(out, len, ngettext("done, %d working day late", "done, %d working days late",
		                            (unsigned long)left), left);
		break;
	case DL_OVERDUE:
		snprintf(out, len, "%s", _("overdue"));
		break;
	case DL_PASSED:
		snprintf(out, len, "%s", _("deadline passed"));
		break;
	case DL_TODAY:
		snprintf(out, len, "%s", _("due today"));
		break;
	case DL_DUE:
		if (left > 0)
			snprintf(out, len, ngettext("due in %d working day", "due in %d working days", left),
			         left);
		else
			snprintf(out, len, ngettext("due in %d day, not a working day",
			                            "due in %d days, none a working day",
			                            it->due - today),
			         it->due - today);
		break;
	}
	char moved[256];
	if (dlview_moved(c, it, moved, sizeof moved)) {
		size_t n = strlen(out);
		snprintf(out + n, len - n, "; %s", moved);
	}
}

static void print_table(struct row *rows, int n)
{
	int w[COLS] = {0};
	for (int r = 0; r < n; r++)
		for (int k = 0; k < COLS; k++) {
			int cw = text_width(rows[r].cell[k]);
			if (cw > w[k])
				w[k] = cw;
		}
	for (int r = 0; r < n; r++) {
		/* The last non-empty cell ends the line: no trailing blanks. */
		int last = COLS - 1;
		while (last > 0 && !rows[r].cell[last][0])
			last--;
		for (int k = 0; k <= last; k++) {
			fputs(rows[r].cell[k], stdout);
			if (k < last)
				printf("%*s", w[k] - text_width(rows[r].cell[k]) + 2, "");
		}
		putchar('\n');
	}
}

static int parse_date_opt(int argc, char **argv, tz_day *today)
{
	for (int i = 1; i < argc; i++) {
		const char *v = NULL;
		if (!strcmp(argv[i], "--date")) {
			if (i + 1 >= argc) {
				cli_error(_("%s: --date needs a value YYYY-MM-DD"), argv[0]);
				return -1;
			}
			v = argv[++i];
		} else if (!strncmp(argv[i], "--date=", 7)) {
			v = argv[i] + 7;
		} else {
			cli_error(_("%s: unknown argument %s (usage: %s [--date YYYY-MM-DD])"),
			          argv[0], argv[i], argv[0]);
			return -1;
		}
		if (cal_parse_typed(v, today)) {
			cli_error(_("%s: \"%s\" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-20"),
			          argv[0], v);
			return -1;
		}
	}
	return 0;
}

static void print_cycle(const tz_calendar *c, const struct dl_cycle *cy, tz_day today)
{
	char buf[11];
	printf(cy->season == DL_SPRING ? _("Spring cycle %d") : _("Autumn cycle %d"), cy->year);
	putchar('\n');
	if (cy->council_rec >= 0)
		printf(_("The Council's recommendations: %s.\n"), cal_format(cy->council_rec, buf));
	if (cy->placed >= 0)
		printf(_("Placed on the platform: %s.\n"), cal_format(cy->placed, buf));
	if (cy->press_placed >= 0)
		printf(_("The press release placed on the internet resource: %s.\n"), cal_format(cy->press_placed, buf));
	putchar('\n');

	struct row rows[DL_NSTEPS + 1];
	memset(rows, 0, sizeof rows);
	snprintf(rows[0].cell[0], CELL, "%s", _("Step"));
	snprintf(rows[0].cell[1], CELL, "%s", _("Clause"));
	snprintf(rows[0].cell[2], CELL, "%s", _("Deadline"));
	snprintf(rows[0].cell[3], CELL, "%s", _("Weekday"));
	snprintf(rows[0].cell[4], CELL, "%s", _("Status"));
	for (int i = 0; i < DL_NSTEPS; i++) {
		const struct dl_item *it = &cy->items[i];
		struct row *r = &rows[i + 1];
		snprintf(r->cell[0], CELL, "%s", _(it->what));
		snprintf(r->cell[1], CELL, _("cl. %s"), it->clause);
		if (it->due >= 0) {
			cal_format(it->due, r->cell[2]);
			snprintf(r->cell[3], CELL, "%s", cal_weekday_name(cal_weekday(it->due)));
		}
		status_text(c, it, today, r->cell[4], CELL);
	}
	print_table(rows, DL_NSTEPS + 1);
}

/* The cycle before the current one still matters while the steps after
 * its Council submission (placement, press release) are open: the current
 * cycle turns over on the day after that submission. */
static int still_open(const tz_calendar *c, const struct dl_cycle *cy, tz_day today)
{
	int left;
	if (cy->council_rec < 0 && !cy->submitted)
		return 0;
	for (int i = DL_PLACED; i < DL_NSTEPS; i++) {
		enum dl_status s = deadline_status(c, &cy->items[i], today, &left);
		if (s == DL_DUE || s == DL_TODAY || s == DL_OVERDUE || s == DL_NOT_RECORDED)
			return 1;
	}
	return 0;
}

int cmd_deadlines(tz_db *db, int argc, char **argv)
{
	tz_day today = cal_today();
	if (parse_date_opt(argc, argv, &today))
		return EXIT_USAGE;
	tz_calendar *c = load_calendar(db, argv[0]);
	if (!c)
		return EXIT_DATA;
	int year;
	enum dl_season season;
	struct dl_cycle cy, prev;
	deadline_cycle_at(today, &year, &season);
	int py = season == DL_SPRING ? year - 1 : year;
	enum dl_season ps = season == DL_SPRING ? DL_AUTUMN : DL_SPRING;
	if (deadline_cycle_load(db, c, year, season, &cy) ||
	    deadline_cycle_load(db, c, py, ps, &prev)) {
		cli_error(_("%s: cannot read the cycle: %s"), argv[0], db_errmsg(db));
		cal_free(c);
		return EXIT_DATA;
	}
	char buf[11], words[96];
	printf(_("Reporting date: %s"),
	       date_words_iso(i18n_lang(), cal_format(today, buf), DW_WEEKDAY, words, sizeof words));
	printf("\n\n");
	print_cycle(c, &cy, today);
	int prev_shown = still_open(c, &prev, today);
	if (prev_shown) {
		putchar('\n');
		print_cycle(c, &prev, today);
	}
	/* A published cycle's press release stays listed until it is placed. */
	struct dl_cycle pend;
	if (dlview_press_pending(db, c, &pend) && !(pend.year == cy.year && pend.season == cy.season) &&
	    !(prev_shown && pend.year == prev.year && pend.season == prev.season)) {
		putchar('\n');
		print_cycle(c, &pend, today);
	}
	cal_free(c);
	return EXIT_OK;
}
