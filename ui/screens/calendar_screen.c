/* The year as month grids, Monday first.  At 80x24 two rows of three
 * months fit, so the screen shows the months around the cursor's day and
 * moves on as the cursor does; a taller and wider terminal shows more, up to
 * all twelve.  Every day off carries a mark beside its number as well as a
 * colour, so that the reason shows on a monochrome terminal too. */
#include "screens/calendar_screen.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "kit/actions.h"
#include "domain/calendar.h"
#include "domain/calendar_edit.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "base/datewords.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/textedit.h"
#include "kit/theme.h"
#include "view/calview.h"
#include "store/auth.h"

enum { MONTH_W = 22, MONTH_H = 8, CELL = 3 };

static struct calview cv;     /* the year of the cursor */
static tz_day day;            /* the cursor */

static void load(tz_db *db)
{
	int y, m, d;
	cal_split(day, &y, &m, &d);
	calview_load(db, y, &cv);
}

static const char *month_name(int m)
{
	static const char *const names[12] = {
		N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
		N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
		N_("December"),
	};
	return _(names[m - 1]);
}

static const char *weekday_short(int wd)
{
	/* TRANSLATORS: two-letter weekday names over the calendar's columns */
	static const char *const names[7] = {
		N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"),
	};
	return _(names[wd]);
}

/* A day's mark and attribute, by why it is off. */
static char mark_of(tz_day d, attr_t *a)
{
	switch (calview_day(&cv, d)) {
	case CALVIEW_WEEKEND: *a = theme(TH_HEAD); return ' ';
	case CALVIEW_HOLIDAY: *a = theme(TH_ALERT); return '*';
	case CALVIEW_MOVED: *a = theme(TH_MARK); return '+';
	case CALVIEW_DECREE_OFF: *a = theme(TH_ALERT); return '!';
	case CALVIEW_DECREE_WORK: *a = theme(TH_SECTION); return '=';
	case CALVIEW_WORKDAY: break;
	}
	*a = theme(TH_NORMAL);
	return ' ';
}

static void draw_month(int y0, int x0, int yr, int m)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%s", month_name(m));
	int w = text_width(buf);
	draw_cell(y0, x0 + (7 * CELL - w) / 2, w, buf, theme(TH_HEAD) | A_BOLD, 0);
	for (int wd = 0; wd < 7; wd++)
		draw_cell(y0 + 1, x0 + wd * CELL, 2, weekday_short(wd),
		          wd >= 5 ? theme(TH_HEAD) : theme(TH_NORMAL), 1);
	tz_day first = cal_make(yr, m, 1), next = m == 12 ? cal_make(yr + 1, 1, 1)
	                                                   : cal_make(yr, m + 1, 1);
	int row = 0;
	for (tz_day d = first; d < next; d++) {
		int wd = cal_weekday(d);
		attr_t a;
		char mk = mark_of(d, &a);
		snprintf(buf, sizeof buf, "%2d", (int)(d - first) + 1);
		draw_cell(y0 + 2 + row, x0 + wd * CELL, 2, buf, d == day ? theme(TH_CURSOR) : a, 0);
		snprintf(buf, sizeof buf, "%c", mk);
		draw_cell(y0 + 2 + row, x0 + wd * CELL + 2, 1, buf, mk == ' ' ? theme(TH_NORMAL) : a, 0);
		if (wd == 6)
			row++;
	}
}

static const char *why_word(tz_day d)
{
	switch (calview_day(&cv, d)) {
	case CALVIEW_WEEKEND: return _("weekend");
	case CALVIEW_HOLIDAY: return _("public holiday");
	case CALVIEW_MOVED: return _("day off moved from a holiday on a weekend");
	case CALVIEW_DECREE_OFF: return _("day off by decree");
	case CALVIEW_DECREE_WORK: return _("working day by decree");
	case CALVIEW_WORKDAY: break;
	}
	return _("working day");
}

static const struct { char mark; int role; const char *word; } legend_items[] = {
	{' ', TH_HEAD, N_("weekend")},
	{'*', TH_ALERT, N_("holiday")},
	{'+', TH_MARK, N_("moved day off")},
	{'!', TH_ALERT, N_("day off by decree")},
	{'=', TH_SECTION, N_("working day by decree")},
};

/* The legend from line y, each item whole: one that does not fit on the
 * line starts the next (the Russian words take two lines at 80 columns).
 * Draws only when draw is set; returns the lines it takes. */
static int draw_legend(int y, int draw)
{
	int x = 1, lines = 1;
	if (draw)
		draw_fill(y, theme(TH_NORMAL));
	for (size_t i = 0; i < sizeof legend_items / sizeof *legend_items; i++) {
		const char *w = _(legend_items[i].word);
		int ww = text_width(w);
		if (x > 1 && x + 4 + ww > COLS - 1) {
			x = 1;
			lines++;
			y++;
			if (draw)
				draw_fill(y, theme(TH_NORMAL));
		}
		if (x + 4 + ww > COLS - 1)
			ww = COLS - 1 - x - 4;
		if (draw) {
			char cell[4];
			attr_t ma = theme((enum theme_role)legend_items[i].role);
			snprintf(cell, sizeof cell, "%2d", 7);
			draw_cell(y, x, 2, cell, ma, 0);
			snprintf(cell, sizeof cell, "%c", legend_items[i].mark);
			draw_cell(y, x + 2, 1, cell, ma, 0);
			draw_cell(y, x + 4, ww, w, theme(TH_NORMAL), 0);
		}
		x += 4 + ww + 2;
	}
	return lines;
}

static void cal_draw(struct ui_app *app)
{
	int y, m, d;
	cal_split(day, &y, &m, &d);
	if (!cv.cal || y != cv.year)
		load(app->db);
	char buf[512];
	if (*cv.kurban) {
		tz_day k;
		int ky, km, kd;
		cal_parse(cv.kurban, &k);
		cal_split(k, &ky, &km, &kd);
		char kw[64];
		snprintf(buf, sizeof buf, _("Calendar %d | Kurban ait: %s"), y,
		         date_words(i18n_lang(), ky, km, kd, DW_DAY, kw, sizeof kw));
	} else {
		snprintf(buf, sizeof buf, _("Calendar %d | Kurban ait: not set (F5)"), y);
	}
	draw_fill(0, theme(TH_TITLE));
	draw_cell(0, 1, COLS - 2, buf, theme(TH_TITLE), 0);
	if (!cv.cal) {
		draw_cell(2, 2, COLS - 4, _("The calendar cannot be read from the database."),
		          theme(TH_ALERT), 0);
		return;
	}
	int legend = draw_legend(0, 0);
	int per_row = (COLS - 1) / MONTH_W, rows = (LINES - 3 - legend) / MONTH_H;
	per_row = per_row > 4 ? 4 : per_row < 1 ? 1 : per_row;
	rows = rows < 1 ? 1 : rows;
	int per_page = per_row * rows > 12 ? 12 : per_row * rows;
	int first = (m - 1) / per_page * per_page + 1;
	int x0 = (COLS - per_row * MONTH_W + 1) / 2;
	for (int i = 0; i < per_page && first + i <= 12; i++)
		draw_month(1 + i / per_row * MONTH_H, x0 + i % per_row * MONTH_W, y, first + i);
	draw_legend(LINES - 2 - legend, 1);
	const char *name = cal_day_name(cv.cal, day);
	char dw[96];
	snprintf(buf, sizeof buf, "%s: %s%s%s",
	         date_words(i18n_lang(), y, m, d, DW_WEEKDAY, dw, sizeof dw), why_word(day),
	         *name ? " - " : "", name);
	draw_fill(LINES - 2, theme(TH_STATUS));
	draw_cell(LINES - 2, 1, COLS - 2, buf, theme(TH_STATUS), 0);
}

static enum ui_result move_days(int by)
{
	tz_day n = day + by;
	int y, m, d;
	cal_split(n, &y, &m, &d);
	if (y >= 1900 && y <= 2999)
		day = n;
	return UI_REDRAW;
}

/* The same day of another year; 29 February becomes the 28th. */
static enum ui_result move_years(int by)
{
	int y, m, d;
	cal_split(day, &y, &m, &d);
	if (y + by < 1900 || y + by > 2999)
		return UI_HANDLED;
	if (m == 2 && d == 29)
		d = 28;
	day = cal_make(y + by, m, d);
	return UI_REDRAW;
}

/* Left and Right: a day back or on; Up and Down: a week. */
static enum ui_result act_days(struct ui_app *app)
{
	int k = app->key;
	return move_days(k == KEY_LEFT ? -1 : k == KEY_RIGHT ? 1 : k == KEY_UP ? -7 : 7);
}

static enum ui_result act_years(struct ui_app *app)
{
	return move_years(app->key == KEY_PPAGE ? -1 : 1);
}
/* Home: 1 January; End: 31 December. */
static enum ui_result act_year_end(struct ui_app *app)
{
	int y, m, d, first = app->key == KEY_HOME;
	cal_split(day, &y, &m, &d);
	day = cal_make(y, first ? 1 : 12, first ? 1 : 31);
	return UI_REDRAW;
}

/* --- the dialog: a date and what to make of it ---------------------------- */

enum { DO_OFF, DO_WORK, DO_CLEAR, DO_KURBAN, NDO };
static struct textedit date_field;
static int what, focus;
static char error[512];

static const char *what_label(int w)
{
	switch (w) {
	case DO_OFF: return _("a day off by decree");
	case DO_WORK: return _("a working day by decree");
	case DO_CLEAR: return _("as the rules say (remove the change)");
	default: return _("the first day of Kurban ait this year");
	}
}

static void day_draw(struct ui_app *app)
{
	ui_draw_below(app);
	int w = COLS - 8 < 70 ? COLS - 8 : 70, h = 10;
	int y0 = (LINES - 1 - h) / 2, x0 = (COLS - w) / 2;
	dlg_box(y0, x0, h, w, _("Change a day of the calendar"));
	const char *ld = _("Date:"), *lw = _("Make it:");
	int lwid = text_width(ld) > text_width(lw) ? text_width(ld) : text_width(lw);
	attr_t a = theme(TH_DIALOG);
	draw_cell(y0 + 2, x0 + 2, lwid, ld, a, 0);
	draw_cell(y0 + 2, x0 + 3 + lwid, 14, "", focus == 0 ? theme(TH_CURSOR) : theme(TH_STATUS), 0);
	field_draw(&date_field, y0 + 2, x0 + 4 + lwid, 12,
	           focus == 0 ? theme(TH_CURSOR) : theme(TH_STATUS), 0);
	draw_cell(y0 + 2, x0 + 19 + lwid, w - 21 - lwid, _("YYYY-MM-DD"), a, 0);
	char v[256];
	snprintf(v, sizeof v, "< %s >", what_label(what));
	draw_cell(y0 + 4, x0 + 2, lwid, lw, a, 0);
	draw_cell(y0 + 4, x0 + 3 + lwid, w - 5 - lwid, v, focus == 1 ? theme(TH_CURSOR) : a, 0);
	if (*error)
		draw_wrap(y0 + 6, x0 + 2, w - 4, 2, error, theme(TH_ALERT));
	draw_cell(y0 + h - 2, x0 + 2, w - 4,
	          _("Tab: next field, Left/Right: change, Enter: save, Esc: cancel"), a, 0);
}

static enum ui_result act_save(struct ui_app *app)
{
	const char *text = te_text(&date_field);
	int r;
	if (what == DO_KURBAN)
		r = cal_edit_kurban(app->db, text, error, sizeof error);
	else
		r = cal_edit_day(app->db, text, what == DO_OFF ? CAL_EDIT_OFF
		                 : what == DO_WORK ? CAL_EDIT_WORK : CAL_EDIT_CLEAR, error, sizeof error);
	if (r)
		return UI_REDRAW;
	tz_day d;
	if (cal_parse_typed(text, &d) == 0)
		day = d;
	load(app->db);
	te_free(&date_field);
	return UI_CLOSE;
}

static enum ui_result act_cancel(struct ui_app *app)
{
	(void)app;
	te_free(&date_field);
	return UI_CLOSE;
}

static enum ui_result act_next(struct ui_app *app) { (void)app; focus = !focus; return UI_REDRAW; }

static enum ui_result day_input(struct ui_app *app, int key)
{
	(void)app;
	if (focus == 1) {
		if (key == KEY_LEFT || key == KEY_RIGHT) {
			what = (what + (key == KEY_LEFT ? NDO - 1 : 1)) % NDO;
			return UI_REDRAW;
		}
		return UI_PASS;
	}
	enum field_result r = field_key(&date_field, key);
	if (r == FIELD_CHANGED)
		error[0] = 0;
	return r == FIELD_PASS ? UI_PASS : UI_REDRAW;
}

static const struct ui_action day_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{10, {27, 0}, N_("Esc"), N_("Cancel"), N_("Close without changing the calendar"),
	 act_cancel, 0},
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL, N_("Save the change"), act_save, 0},
	{0, {'\t', KEY_UP, KEY_DOWN, KEY_BTAB}, N_("Tab, Up or Down"), NULL,
	 N_("Move between the date and what to make of it"), act_next, 0},
};

static const struct ui_screen day_screen = {
	.actions = day_actions,
	.nactions = (int)(sizeof day_actions / sizeof *day_actions),
	.draw = day_draw,
	.input = day_input,
};

static enum ui_result open_dialog(struct ui_app *app, int w, const char *date)
{
	if (te_init(&date_field, date))
		return UI_HANDLED;
	what = w;
	focus = 0;
	error[0] = 0;
	ui_push(app, &day_screen);
	return UI_REDRAW;
}

/* A weekend day most often becomes a working day, a weekday a day off; a
 * day with a change of its own most often loses it. */
static enum ui_result act_change(struct ui_app *app)
{
	char iso[11];
	cal_format(day, iso);
	attr_t a;
	char mk = mark_of(day, &a);
	int w = mk == '!' || mk == '=' ? DO_CLEAR : cal_weekday(day) >= 5 ? DO_WORK : DO_OFF;
	return open_dialog(app, w, iso);
}

static enum ui_result act_kurban(struct ui_app *app)
{
	char iso[11];
	if (!*cv.kurban)
		cal_format(day, iso);
	return open_dialog(app, DO_KURBAN, *cv.kurban ? cv.kurban : iso);
}

static enum ui_result act_back(struct ui_app *app)
{
	(void)app;
	calview_free(&cv);
	return UI_CLOSE;
}

static const struct ui_action cal_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{4, {0}, NULL, N_("Change"),
	 N_("Make a day a day off or a working day by decree, or remove such a change"),
	 act_change, SET_ACT_EDIT},
	{5, {0}, NULL, N_("Kurban"), N_("Set the first day of Kurban ait for the year"),
	 act_kurban, 0},
	UI_KEY_MENU,
	UI_KEY_CLOSE(N_("Back to the register"), act_back),
	{0, {KEY_PPAGE, 0}, N_("PgUp"), NULL, N_("The year before"), act_years, 0},
	{0, {KEY_NPAGE, 0}, N_("PgDn"), NULL, N_("The year after"), act_years, 0},
	{0, {KEY_LEFT, 0}, N_("Left"), NULL, N_("The day before"), act_days, 0},
	{0, {KEY_RIGHT, 0}, N_("Right"), NULL, N_("The day after"), act_days, 0},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("A week back"), act_days, 0},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("A week on"), act_days, 0},
	{0, {KEY_HOME, 0}, N_("Home"), NULL, N_("1 January"), act_year_end, 0},
	{0, {KEY_END, 0}, N_("End"), NULL, N_("31 December"), act_year_end, 0},
};

/* The calendar is reference data: who may not change it browses it. */
static int cal_may(struct ui_app *app, const struct ui_action *a, char *why, size_t len)
{
	if (a->run == act_change || a->run == act_kurban)
		return auth_edit_reference(app->db, why, len);
	return 0;
}

static const struct ui_screen cal_screen = {
	.actions = cal_actions,
	.nactions = (int)(sizeof cal_actions / sizeof *cal_actions),
	.draw = cal_draw,
	.input = NULL,
	.may = cal_may,
};

enum ui_result calscreen_open(struct ui_app *app)
{
	day = cal_today();
	load(app->db);
	ui_push(app, &cal_screen);
	return UI_REDRAW;
}
