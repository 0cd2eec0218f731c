/* The help: what the screen under it is for, its keys, and the cycle of
 * Order 399 with where each step lives in the program and the current
 * cycle's next deadline.  One scrolling text in the current language, in
 * which F7 or / finds a word. */
#include "kit/help.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/calendar.h"
#include "domain/deadlines.h"
#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "kit/textview.h"
#include "kit/theme.h"
#include "kit/widgets.h"
#include "store/store.h"
#include "view/deadlineview.h"
#include "view/regview.h"

/* The cycle as the Order has it: who does what and when, and the keys. */
static const struct { const char *who, *what; } help_steps[] = {
	{N_("1. Employer association"),
	 N_("proposes to include, exclude or amend a profession and sends it to the sectoral "
	    "state body (cl. 6). In the program: the body's clerk enters it, F9 Menu, "
	    "Proposals, F5.")},
	{N_("2. Sectoral state body"),
	 N_("reviews the proposals, returns them for rework where needed, agrees them with "
	    "the sectoral council and submits them to the authorized body by 1 February or "
	    "1 September (cl. 6, 7). In the program: Proposals, F6 Check, then submit.")},
	{N_("3. Authorized body"),
	 N_("checks each proposal for completeness (cl. 8, 9) and sends remarks; the sectoral "
	    "body reworks within 2 working days. In the program: F9 Menu, Review.")},
	{N_("4. National Council"),
	 N_("receives the register formed by the authorized body by 1 April or 1 November "
	    "(cl. 10) and gives its recommendations. In the program: F9 Menu, Cycle, F4, "
	    "then F5 records the recommendations.")},
	{N_("5. Publication"),
	 N_("the register formed per the recommendations is placed on the platform within "
	    "10 working days (cl. 11). In the program: F9 Menu, Cycle, F6.")},
	{N_("6. Press release"),
	 N_("in Kazakh and Russian, within 3 working days after placement (cl. 12). In the "
	    "program: F9 Menu, Cycle, F7 and F8.")},
};

/* The current cycle's first deadline not yet met, in words. */
static void help_next_deadline(tz_db *db, char *buf, size_t len)
{
	buf[0] = 0;
	tz_calendar *cal = db ? cal_load(db) : NULL;
	if (!cal)
		return;
	tz_day today = cal_today();
	int64_t id;
	int year;
	enum dl_season season;
	dlview_cycle(db, today, &id, &year, &season);
	struct dl_cycle dl;
	if (!deadline_cycle_load(db, cal, year, season, &dl)) {
		for (int i = 0; i < DL_NSTEPS; i++) {
			const struct dl_item *it = &dl.items[i];
			int left;
			enum dl_status st = deadline_status(cal, it, today, &left);
			if (st != DL_DUE && st != DL_TODAY && st != DL_OVERDUE)
				continue;
			char day[160], where[200];
			dlview_date(cal, it->due, day, sizeof day);
			dlview_status(cal, it, today, where, sizeof where);
			snprintf(buf, len, _("%s (cl. %s): %s, %s."), _(it->what), it->clause, day, where);
			break;
		}
		if (!buf[0])
			snprintf(buf, len, "%s", _("No deadline of this cycle is open."));
	}
	cal_free(cal);
}

static void help_cycle(struct ui_app *app, struct tv_lines *l)
{
	tv_heading(l, _("The cycle of the register (Order No. 399)"));
	tv_line(l, theme(TH_NORMAL),
	        _("Twice a year, spring and autumn. Who does what, and where it is done here:"));
	for (size_t i = 0; i < sizeof help_steps / sizeof *help_steps; i++)
		tv_pair(l, _(help_steps[i].who), _(help_steps[i].what));
	char next[600];
	help_next_deadline(app->db, next, sizeof next);
	if (next[0]) {
		tv_line(l, theme(TH_NORMAL), "");
		tv_pair(l, _("Next deadline"), next);
	}
	tv_line(l, theme(TH_NORMAL),
	        _("F9 Menu, Deadlines shows every deadline of the cycle with the days left."));
}

static struct {
	int finding;          /* the word is being typed */
	char word[128];
	int missing;          /* the last word was not found */
} help_find;

/* The keys the user may use now, and those they may not marked so, each
 * reason once with its keys.  The question is the one the key bar and the
 * key itself ask (the screen's may), so the three never disagree. */
enum { HELP_MAX_KEYS = 48 };

/* How the keys a reason refuses are named: "F4 Edit", or "Shift+Up or -". */
static void help_key_name(const struct ui_action *a, char *buf, size_t len)
{
	if (a->fkey && a->label)
		/* TRANSLATORS: an F-key and its key bar word in the help's list of
		 * keys not available now: "F4 Edit" */
		snprintf(buf, len, _("F%d %s"), a->fkey, _(a->label));
	else if (a->keys_name)
		snprintf(buf, len, "%s", _(a->keys_name));
	else
		action_keys_text(a, buf, len);
}

static void help_keys(struct ui_app *app, const struct ui_screen *of, struct tv_lines *l)
{
	static char why[HELP_MAX_KEYS][512];
	int refused[HELP_MAX_KEYS], nrefused = 0;
	char keys[128];
	for (int i = 0; of && i < of->nactions; i++) {
		const struct ui_action *a = &of->actions[i];
		if (of->may && nrefused < HELP_MAX_KEYS &&
		    of->may(app, a, why[nrefused], sizeof why[nrefused])) {
			refused[nrefused++] = i;
			continue;
		}
		action_keys_text(a, keys, sizeof keys);
		tv_pair_in(l, theme(TH_HEAD), keys, _(a->help));
	}
	if (!nrefused)
		return;
	tv_heading(l, _("Not available to you now:"));
	for (int i = 0; i < nrefused; i++) {
		int first = 1;
		for (int j = 0; j < i && first; j++)
			first = strcmp(why[j], why[i]) != 0;
		if (!first)
			continue;
		char names[600] = "", one[160];
		for (int j = i; j < nrefused; j++) {
			if (strcmp(why[j], why[i]))
				continue;
			help_key_name(&of->actions[refused[j]], one, sizeof one);
			size_t n = strlen(names);
			snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "", one);
		}
		tv_line(l, theme(TH_NORMAL), "");
		tv_line(l, theme(TH_HEAD), names);
		tv_line(l, theme(TH_NORMAL), why[i][0] ? why[i] : _("Not now"));
	}
}

static void help_fill(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	const struct ui_screen *of = ui_below(app);
	snprintf(title, len, "%s", _("Help"));
	if (of && of->about) {
		tv_heading(l, _("This screen"));
		tv_line(l, theme(TH_NORMAL), _(of->about));
	}
	if (app->db && store_is_demo(app->db)) {
		tv_heading(l, _("DEMO register"));
		tv_line(l, theme(TH_NORMAL),
		        _("This database holds the demonstration register, to try every screen. To work "
		          "without it, start with a database of your own: tizilim --db FILE creates an "
		          "empty one, or tizilim init before the first start."));
	}
	tv_heading(l, _("Keys of this screen:"));
	tv_line(l, theme(TH_NORMAL), "");
	help_keys(app, of, l);
	tv_line(l, theme(TH_NORMAL), "");
	tv_line(l, theme(TH_NORMAL),
	        _("Esc followed by a digit does what that F-key does, for terminals that "
	          "do not pass F-keys on (Esc 0 is F10)."));
	help_cycle(app, l);
	tv_line(l, theme(TH_NORMAL), "");
	tv_line(l, theme(TH_NORMAL), _("F7 or / finds a word in this help; F7 again finds the next."));
	if (help_find.missing)
		tv_status(l, _("Not found."));
}

static void help_draw(struct ui_app *app)
{
	tv_draw(app);
	if (help_find.finding)
		cui_search(LINES - 2, help_find.word, 1, _("type a word, Enter finds it"), "");
}

static enum ui_result help_find_key(struct ui_app *app)
{
	/* F7 with a word found already looks for the next place. */
	if (app->key == KEY_F(7) && help_find.word[0] && !help_find.finding) {
		help_find.missing = tv_find(app, help_find.word) != 0;
		return UI_REDRAW;
	}
	help_find.finding = 1;
	help_find.word[0] = 0;
	help_find.missing = 0;
	return UI_REDRAW;
}

static enum ui_result help_input(struct ui_app *app, int key)
{
	if (!help_find.finding)
		return UI_PASS;
	if (key == 27) {
		help_find.finding = 0;
		return UI_REDRAW;
	}
	if (key == '\r' || key == '\n' || key == KEY_ENTER) {
		help_find.finding = 0;
		help_find.missing = tv_find(app, help_find.word) != 0;
		return UI_REDRAW;
	}
	if (field_key_end(help_find.word, sizeof help_find.word, key) != FIELD_PASS)
		return UI_REDRAW;
	return UI_PASS;
}

static enum ui_result help_close(struct ui_app *app)
{
	help_find.finding = 0;
	help_find.missing = 0;
	return act_close(app);
}

static const struct ui_action help_actions[] = {
	{2, {0}, NULL, N_("Language"), N_("Switch between Kazakh and Russian"), act_language,
	 SET_ACT_LANGUAGE},
	{7, {'/', 0}, N_("/"), N_("Find"), N_("Find a word in the help; again: the next place"),
	 help_find_key, 0},
	UI_KEY_CLOSE(N_("Close the help"), help_close),
	TV_SCROLL_KEYS,
};

static const struct ui_screen help_screen = {
	.actions = help_actions,
	.nactions = (int)(sizeof help_actions / sizeof *help_actions),
	.draw = help_draw,
	.input = help_input,
};

enum ui_result help_open(struct ui_app *app)
{
	help_find.finding = 0;
	help_find.missing = 0;
	tv_push(app, &help_screen, help_fill);
	return UI_REDRAW;
}

/* ---- the first start ------------------------------------------------------ */

void help_first_start(struct ui_app *app)
{
	if (app->depth != 1 || !app->rv || rv_version(app->rv))
		return;
	static const char *const lines[] = {
		N_("This database has no register yet. To begin:"),
		N_("- open a cycle: F9 Menu, Cycle, then F3 (year and season);"),
		N_("- import the classifier: F9 Menu, Classifier, then F5 (or tizilim import-nkz FILE on "
		   "the command line);"),
		N_("F1 explains every screen and the cycle of the Order."),
	};
	int y = 5;
	for (size_t i = 0; i < sizeof lines / sizeof *lines && y < LINES - 3; i++)
		y += draw_wrap(y, 4, COLS - 8, LINES - 3 - y, _(lines[i]), i ? theme(TH_NORMAL)
		                                                            : theme(TH_HEAD));
}

void help_demo_mark(struct ui_app *app)
{
	if (!app->db || !store_is_demo(app->db))
		return;
	const char *w = _("DEMO register");
	int n = text_width(w) + 2;
	if (n < COLS / 2)
		draw_cell(0, COLS - n - 1, n, w, theme(TH_ALERT), 1);
}
