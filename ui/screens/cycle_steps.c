/* The cycle screen: where the current cycle stands (its register version's
 * state and the dates recorded) and its steps in order.  Each step asks for
 * the date it happened on, today by default, since a clerk often records a
 * step the day after; a refusal of the core is shown with its reason. */
#include "screens/cycle_steps.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "store/backup.h"
#include "domain/council.h"
#include "domain/cycle.h"
#include "kit/widgets.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "base/i18n.h"
#include "kit/loop.h"
#include "kit/textview.h"
#include "domain/press.h"
#include "base/safefile.h"
#include "base/text.h"
#include "kit/theme.h"
#include "view/pubview.h"
#include "view/sessionview.h"

/* The cycle on its way, else the newest one (already placed). */
static int newest(void *ctx, const struct cycle *c)
{
	*(struct cycle *)ctx = *c;
	return 1;
}

static int which_cycle(tz_db *db, struct cycle *c)
{
	int64_t id = cycle_current(db);
	memset(c, 0, sizeof *c);
	if (id && !cycle_load(db, id, c))
		return 1;
	return cycle_each(db, newest, c) == 1;
}

static const char *state_label(const char *state)
{
	if (!strcmp(state, "draft")) return _("draft");
	if (!strcmp(state, "submitted")) return _("submitted to the National Council");
	if (!strcmp(state, "recommended")) return _("recommendations recorded");
	if (!strcmp(state, "published")) return _("published");
	return *state ? state : _("no register version yet");
}

/* A label and its value, the value's words wrapped rather than cut (the
 * press release's line is long in Kazakh at 80 columns); returns the lines
 * used. */
static int row(int y, int lw, const char *label, const char *value)
{
	draw_cell(y, 2, lw, label, theme(TH_SECTION), 0);
	return draw_wrap(y, lw + 4, COLS - lw - 5, 3, *value ? value : "-", theme(TH_NORMAL));
}

static void steps_draw(struct ui_app *app)
{
	erase();
	struct cycle c;
	char t[64], title[160];
	int have = which_cycle(app->db, &c);
	if (have) {
		cycle_title(&c, t, sizeof t);
		snprintf(title, sizeof title, _("Cycle: %s"), t);
	} else {
		snprintf(title, sizeof title, "%s", _("Cycle: none is open"));
	}
	cui_title(title);
	const char *labels[] = {_("Register version"), _("Submitted to the Council"),
	                        _("Council's recommendations"), _("Placed on the platform"),
	                        _("Press release")};
	int lw = 0;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (text_width(labels[i]) > lw)
			lw = text_width(labels[i]);
	if (lw > COLS / 3)
		lw = COLS / 3;
	char buf[256];
	int y = 2;
	if (have) {
		if (c.version)
			snprintf(buf, sizeof buf, _("%lld, %s"), (long long)c.version, state_label(c.state));
		else
			snprintf(buf, sizeof buf, "%s", state_label(""));
		y += row(y, lw, labels[0], buf);
		y += row(y, lw, labels[1], c.council_sub);
		if (*c.council_rec)
			snprintf(buf, sizeof buf, _("%s, protocol %s"), c.council_rec, c.protocol);
		else
			buf[0] = 0;
		y += row(y, lw, labels[2], buf);
		y += row(y, lw, labels[3], c.placed);
	} else {
		draw_cell(y++, 2, COLS - 4, _("No cycle yet: open one with F3."), theme(TH_NORMAL), 0);
	}
	int64_t pv = press_version(app->db);
	struct press_placement pp;
	if (pv && press_placement_of(app->db, pv, &pp) == 1) {
		tz_day on, d = press_due(app->db, pv);
		tz_calendar *cal = cal_load(app->db);
		int late = cal && d >= 0 && !cal_parse(pp.date, &on) && on > d
		           ? cal_workdays_between(cal, d, deadline_on_workday(cal, on)) : 0;
		cal_free(cal);
		snprintf(buf, sizeof buf, _("of version %lld, placed %s"), (long long)pv, pp.date);
		y += row(y, lw, labels[4], buf);
		if (late) {
			snprintf(buf, sizeof buf, ngettext("done, %d working day late", "done, %d working days late",
			                                   (unsigned long)late), late);
			draw_cell(y++, lw + 4, COLS - lw - 5, buf, theme(TH_ALERT), 0);
		}
		/* Where, on a line of its own: an address is long. */
		y += row(y, lw, "", !strcmp(i18n_lang(), "ru") ? pp.place_ru : pp.place_kk);
		labels[4] = NULL;
	} else if (pv) {
		char due[11] = "";
		tz_day d = press_due(app->db, pv);
		if (d >= 0)
			cal_format(d, due);
		snprintf(buf, sizeof buf, _("of version %lld, due %s; F7 shows it"), (long long)pv, due);
	} else {
		snprintf(buf, sizeof buf, "%s", _("after the first publication"));
	}
	if (labels[4])
		y += row(y, lw, labels[4], buf);
	y++;
	/* Only the steps this user may take now are explained: the rest are
	 * not theirs, or not yet. */
	static const struct { enum cycle_step step; const char *text; } how[] = {
		{CSTEP_OPEN, N_("F3 opens a cycle (year and season).")},
		{CSTEP_COUNCIL, N_("F4 submits the draft to the National Council (cl. 10).")},
		{CSTEP_RECOMMEND, N_("F5 records the Council's recommendations (cl. 11); their items are then carried out "
		                     "on the review screen (F7 there).")},
		{CSTEP_PUBLISH, N_("F6 places the register on the platform: it is published (cl. 11).")},
		{CSTEP_PRESS_LOAD, N_("F7 shows the press release; F8 loads its text from a file (cl. 12).")},
		{CSTEP_PRESS_LOAD, N_("P records where and when the press release was placed on the internet resource (cl. 12).")},
	};
	char why[512];
	for (size_t i = 0; i < sizeof how / sizeof *how && y < LINES - 2; i++)
		if (!cycle_may(app->db, how[i].step, why, sizeof why))
			y += draw_wrap(y, 2, COLS - 4, LINES - 2 - y, _(how[i].text), theme(TH_NORMAL));
	char who[300];
	cui_status(LINES - 2, sessionview_who(app->db, who, sizeof who));
}

/* A date typed, or "" for today; 0, or -1 after saying what is wrong. */
static int date_of(const char *s, tz_day *d)
{
	if (!*s) {
		*d = cal_today();
		return 0;
	}
	if (cal_parse_typed(s, d)) {
		cui_say(1, _("\"%s\" is not a date: write it as 06.12.2026 or 2026-12-06"), s);
		return -1;
	}
	return 0;
}

static void today_into(char *buf)
{
	cal_format(cal_today(), buf);
}

/* A step that asks only for its date. */
static enum ui_result ask_date(struct ui_app *app, const char *title, dlg_done_fn done)
{
	struct dlg_field f[1] = {{N_("Date"), ""}};
	today_into(f[0].value);
	dlg_fields(app, title, f, 1, done);
	return UI_REDRAW;
}

/* ---- the steps -------------------------------------------------------------- */

static void open_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	char *end;
	long y = strtol(f[0].value, &end, 10);
	enum dl_season s;
	if (!*f[0].value || *end || y < 2000 || y > 2100) {
		cui_say(1, _("\"%s\" is not a year"), f[0].value);
		return;
	}
	if (cycle_season_parse(f[1].value, &s)) {
		cui_say(1, _("\"%s\" is not a season: write spring or autumn"), f[1].value);
		return;
	}
	char err[512] = "";
	if (!cycle_open(app->db, (int)y, s, err, sizeof err)) {
		cui_say(1, "%s", err);
		return;
	}
	struct cycle c = {.year = (int)y, .season = s};
	char t[64];
	cui_say(0, _("The cycle %s is open."), cycle_title(&c, t, sizeof t));
}

static enum ui_result act_open(struct ui_app *app)
{
	int year;
	enum dl_season season;
	deadline_cycle_at(cal_today(), &year, &season);
	struct dlg_field f[2] = {{N_("Year"), ""}, {N_("Season (spring or autumn)"), ""}};
	snprintf(f[0].value, sizeof f[0].value, "%d", year);
	snprintf(f[1].value, sizeof f[1].value, "%s", cycle_season_label(season));
	dlg_fields(app, N_("Open a cycle"), f, 2, open_done);
	return UI_REDRAW;
}

static void submit_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	tz_day d;
	int late = 0;
	char err[512] = "";
	if (date_of(f[0].value, &d)) {
		dlg_fields_again(app);
		return;
	}
	if (cycle_council_submit(app->db, d, &late, err, sizeof err))
		cui_say(1, "%s", err);
	else if (late)
		cui_say(1, "%s", _("The draft is submitted to the Council, after the deadline."));
	else
		cui_say(0, "%s", _("The draft is submitted to the Council."));
}

static enum ui_result act_submit(struct ui_app *app)
{
	return ask_date(app, N_("Submit the draft to the Council"), submit_done);
}

static void rec_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	tz_day d;
	if (date_of(f[0].value, &d)) {
		dlg_fields_again(app);
		return;
	}
	if (!*f[1].value) {
		cui_say(1, "%s", _("Give the number of the Council's protocol."));
		return;
	}
	/* The changes returned, as review names them: CODE:LEVEL, by commas or spaces. */
	char list[512], *ret[64];
	int nret = 0;
	snprintf(list, sizeof list, "%s", f[2].value);
	for (char *p = strtok(list, ", "); p && nret < 64; p = strtok(NULL, ", "))
		ret[nret++] = p;
	int undone = 0;
	char err[512] = "";
	if (nret && !*f[3].value) {
		cui_say(1, "%s", _("Say why the changes are returned: the comment goes with them."));
		return;
	}
	if (cycle_recommendations(app->db, d, f[1].value, (const char *const *)ret, nret,
	                          *f[3].value ? f[3].value : NULL,
	                          &undone, err, sizeof err))
		cui_say(1, "%s", err);
	else
		cui_say(0, ngettext("The recommendations are recorded; %d change undone.",
		                    "The recommendations are recorded; %d changes undone.",
		                    (unsigned long)undone), undone);
}

static enum ui_result act_recommend(struct ui_app *app)
{
	/* Asked before the dialog: nothing typed is lost to a refusal. */
	char why[512];
	if (council_may_record(app->db, why, sizeof why)) {
		cui_say(1, "%s", why);
		return UI_REDRAW;
	}
	struct dlg_field f[4] = {{N_("Date"), ""}, {N_("Protocol number"), ""},
	                         {N_("Returned (CODE:LEVEL)"), ""}, {N_("Comment"), ""}};
	today_into(f[0].value);
	dlg_fields(app, N_("The Council's recommendations"), f, 4, rec_done);
	return UI_REDRAW;
}

static void publish_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	tz_day d;
	if (date_of(f[0].value, &d)) {
		dlg_fields_again(app);
		return;
	}
	char q[1600], summary[1024], path[1024], err[512] = "";
	struct cycle_pub pub;
	/* Every check first: a refused publication leaves no backup behind. */
	if (cycle_publish_preview(app->db, d, &pub, err, sizeof err)) {
		cui_say(1, "%s", err);
		return;
	}
	/* What is about to be published, confirmed on purpose: the dialog starts
	 * on Cancel, and Esc cancels too. */
	snprintf(q, sizeof q, "%s\n%s", pubview_text(&pub, d, summary, sizeof summary),
	         _("Publication cannot be undone: the version becomes read-only and the next draft "
	           "starts from it."));
	dlg_layer_push(ui_draw_top, app);
	const char *const go[] = {_("Publish it"), _("Cancel")};
	if (dlg_choice_at(_("Publish the register"), q, go, 2, 1) != 0) {
		dlg_layer_pop();
		cui_say(0, "%s", _("Nothing is published."));
		return;
	}
	char *suggest = backup_suggest_path(app->db);
	snprintf(q, sizeof q, _("Copy the database before publishing?\n%s"), suggest ? suggest : "");
	free(suggest);
	const char *const copy[] = {_("Copy, then publish"), _("Publish without a copy"), _("Cancel")};
	int how = dlg_choice(_("Backup"), q, copy, 3);
	if (how == 2) {
		dlg_layer_pop();
		cui_say(0, "%s", _("Nothing is published."));
		return;
	}
	if (how == 0) {
		char msg[1600];
		if (backup_before_publish(app->db, path, sizeof path, err, sizeof err)) {
			snprintf(msg, sizeof msg, _("No backup was made: %s"), err);
			dlg_message(_("Backup"), msg);
			dlg_layer_pop();
			cui_say(1, "%s", _("Nothing is published: the backup failed."));
			return;
		}
		snprintf(msg, sizeof msg, _("The database was copied to %s"), path);
		dlg_message(_("Backup"), msg);
	}
	dlg_layer_pop();
	int late = 0;
	if (cycle_publish(app->db, d, &late, err, sizeof err))
		cui_say(1, "%s", err);
	else if (late)
		cui_say(1, "%s", _("The register is published, after the deadline."));
	else
		cui_say(0, "%s", _("The register is published."));
}

static enum ui_result act_publish(struct ui_app *app)
{
	return ask_date(app, N_("Publish the register"), publish_done);
}

/* ---- the press release ------------------------------------------------------ */

static void press_fill(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	int64_t v = press_version(app->db);
	const char *lang = i18n_lang();
	if (!v) {
		snprintf(title, len, "%s", _("Press release"));
		tv_line(l, theme(TH_NORMAL), _("No register is published yet."));
		return;
	}
	int edited = 0;
	char *text = press_text(app->db, v, lang, &edited);
	snprintf(title, len, edited ? _("Press release on version %lld (%s), edited")
	                            : _("Press release on version %lld (%s), drafted"),
	         (long long)v, lang);
	if (!text) {
		tv_line(l, theme(TH_ALERT), db_errmsg(app->db));
		return;
	}
	for (char *p = text, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			tv_line(l, theme(TH_NORMAL), p);
			break;
		}
		*nl = 0;
		tv_line(l, theme(TH_NORMAL), p);
	}
	free(text);
}

static enum ui_result act_press(struct ui_app *app)
{
	tv_open(app, press_fill);
	return UI_REDRAW;
}

static void load_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	const char *lang = f[0].value;
	if (strcmp(lang, "kk") && strcmp(lang, "ru")) {
		cui_say(1, _("\"%s\" is not a language: write kk or ru"), lang);
		return;
	}
	int64_t v = press_version(app->db);
	if (!v) {
		cui_say(1, "%s", _("No register is published yet."));
		return;
	}
	FILE *fp = *f[1].value ? userfile_read(f[1].value, "r") : NULL;
	if (!fp) {
		cui_say(1, _("Cannot read %s"), f[1].value);
		return;
	}
	char *text = safefile_read_all(fp);
	fclose(fp);
	if (!text || !*text) {
		free(text);
		cui_say(1, _("%s holds no text"), f[1].value);
		return;
	}
	char err[512] = "";
	int rc = press_save(app->db, v, lang, text, err, sizeof err);
	free(text);
	if (rc)
		cui_say(1, "%s", err);
	else
		cui_say(0, _("The press release in %s is saved."), lang);
}

static enum ui_result act_load(struct ui_app *app)
{
	struct dlg_field f[2] = {{N_("Language (kk or ru)"), ""}, {N_("Text file"), ""}};
	snprintf(f[0].value, sizeof f[0].value, "%s", i18n_lang());
	dlg_fields(app, N_("Load the press release from a file"), f, 2, load_done);
	return UI_REDRAW;
}

static void placed_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	tz_day d;
	if (date_of(f[0].value, &d)) {
		dlg_fields_again(app);
		return;
	}
	int64_t v = press_version(app->db);
	char err[512] = "";
	if (!v) {
		cui_say(1, "%s", _("No register is published yet."));
		return;
	}
	if (press_place(app->db, v, d, f[1].value, f[2].value, err, sizeof err)) {
		cui_say(1, "%s", err);
		return;
	}
	char ds[11];
	cui_say(0, _("The press release is recorded as placed on %s."), cal_format(d, ds));
}

/* cl. 12: the day the release went on the authorized body's internet
 * resource, and where, in both languages; what was recorded comes back. */
static enum ui_result act_placed(struct ui_app *app)
{
	int64_t v = press_version(app->db);
	if (!v) {
		cui_say(1, "%s", _("No register is published yet."));
		return UI_REDRAW;
	}
	struct dlg_field f[3] = {{N_("Date"), ""}, {N_("Where, in Kazakh"), ""}, {N_("Where, in Russian"), ""}};
	struct press_placement pp;
	if (press_placement_of(app->db, v, &pp) == 1) {
		snprintf(f[0].value, sizeof f[0].value, "%s", pp.date);
		snprintf(f[1].value, sizeof f[1].value, "%s", pp.place_kk);
		snprintf(f[2].value, sizeof f[2].value, "%s", pp.place_ru);
	} else {
		today_into(f[0].value);
	}
	dlg_fields(app, N_("The press release placed on the internet resource"), f, 3, placed_done);
	return UI_REDRAW;
}

static const struct ui_action steps_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{3, {0}, NULL, N_("Open"), N_("Open a cycle: its year and season"), act_open, 0},
	{4, {0}, NULL, N_("Council"), N_("Submit the draft to the National Council (cl. 10)"),
	 act_submit, 0},
	{5, {0}, NULL, N_("Recomm."), N_("Record the Council's recommendations (cl. 11)"),
	 act_recommend, 0},
	{6, {0}, NULL, N_("Publish"),
	 N_("Place the register on the platform, offering a backup first (cl. 11)"), act_publish, 0},
	{7, {0}, NULL, N_("Press"), N_("The press release in the language on screen (cl. 12)"),
	 act_press, 0},
	{8, {0}, NULL, N_("Load"), N_("Load the press release's text from a file"), act_load, 0},
	{0, {'p', 'P', 0x437, 0x417}, N_("P or З"), NULL,
	 N_("Record where and when the press release was placed on the internet resource (cl. 12)"),
	 act_placed, 0},
	UI_KEY_CLOSE(N_("Back to the screen before"), cui_leave),
};

/* Each step's key is offered while the core lets this user take it now. */
static int steps_may(struct ui_app *app, const struct ui_action *a, char *why, size_t len)
{
	static const struct { enum ui_result (*run)(struct ui_app *); enum cycle_step step; } map[] = {
		{act_open, CSTEP_OPEN}, {act_submit, CSTEP_COUNCIL}, {act_recommend, CSTEP_RECOMMEND},
		{act_publish, CSTEP_PUBLISH}, {act_press, CSTEP_PRESS}, {act_load, CSTEP_PRESS_LOAD},
		{act_placed, CSTEP_PRESS_LOAD},
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (a->run == map[i].run)
			return cycle_may(app->db, map[i].step, why, len);
	return 0;
}

static const struct ui_screen steps_screen = {
	.actions = steps_actions,
	.nactions = (int)(sizeof steps_actions / sizeof *steps_actions),
	.draw = steps_draw,
	.about = N_("The steps of the cycle in the order of the Order: open the cycle, submit the draft to the "
	          "National Council, record its recommendations, publish, and the press release. Each step "
	          "is dated; the help's cycle page says who does what."),
	.input = NULL,
	.may = steps_may,
};

enum ui_result ui_open_cycle_steps(struct ui_app *app)
{
	cui_clear();
	ui_push(app, &steps_screen);
	return UI_REDRAW;
}
