#include "table.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "draw.h"
#include "i18n.h"
#include "register.h"
#include "regview.h"
#include "text.h"
#include "theme.h"

struct table {
	int cur;      /* the cursor's row (0-based over both sections), -1 if none */
	int top;      /* the first line shown */
};

struct table *table_new(void)
{
	struct table *t = calloc(1, sizeof *t);
	return t;
}

void table_free(struct table *t) { free(t); }

enum { C_NUM, C_NAME, C_CODE, C_BASIS, C_LEVEL, C_VALID, C_BODY, C_PROF, NCOL };

/* TRANSLATORS: the eight column headings of the Appendix form */
static const char *const heads[NCOL] = {
	N_("No."), N_("Profession name per NKZ"), N_("NKZ code"), N_("Basis"),
	N_("Level"), N_("Validity"), N_("Body"), N_("Profile"),
};

/* Lines between the column headings and the status line. */
static int body_height(void) { return LINES - 4; }

/* A short column's width: its content's, widened for its heading up to max. */
static int fit_head(int c, int content, int max)
{
	int h = text_width(_(heads[c]));
	int w = h > content ? h : content;
	return w > max ? max : w;
}

/* Widths for this screen width: the short columns first, then what is left
 * shared by name, basis and body 5:3:2. */
static void layout(const struct regview *rv, int w[NCOL])
{
	int rows = rv_rows(rv), digits = 1;
	for (int n = rows; n >= 10; n /= 10)
		digits++;
	w[C_NUM] = digits < 3 ? 3 : digits;
	w[C_CODE] = 10;
	w[C_LEVEL] = fit_head(C_LEVEL, 5, 6);
	/* Wide enough for "without time limit" in this language when the
	 * screen has room; at 80 columns it is cut. */
	char v[64];
	reg_validity_label(0, v, sizeof v);
	int vw = text_width(v);
	reg_validity_label(10, v, sizeof v);
	vw = text_width(v) > vw ? text_width(v) : vw;
	w[C_VALID] = fit_head(C_VALID, vw, COLS >= 100 ? 18 : 10);
	w[C_PROF] = fit_head(C_PROF, 4, COLS >= 100 ? 8 : 4);
	int left = COLS - (NCOL - 1) - w[C_NUM] - w[C_CODE] - w[C_LEVEL] - w[C_VALID] - w[C_PROF];
	if (left < 12)
		left = 12;
	w[C_NAME] = left * 5 / 10;
	w[C_BASIS] = left * 3 / 10;
	w[C_BODY] = left - w[C_NAME] - w[C_BASIS];
}

static const char *state_word(const char *state)
{
	if (!strcmp(state, "draft"))
		return _("draft");
	if (!strcmp(state, "submitted"))
		return _("submitted to the Council");
	if (!strcmp(state, "recommended"))
		return _("recommendations recorded");
	if (!strcmp(state, "published"))
		return _("published");
	return state;
}

static void draw_title(const struct regview *rv)
{
	char buf[512], ver[160];
	if (!rv_version(rv)) {
		snprintf(buf, sizeof buf, "%s: %s", _("Register of Professions"),
		         _("there is no register version yet"));
	} else {
		if (*rv_title(rv))
			snprintf(ver, sizeof ver, "%s", rv_title(rv));
		else
			snprintf(ver, sizeof ver, _("version %lld"), (long long)rv_version(rv));
		snprintf(buf, sizeof buf, "%s: %s (%s)", _("Register of Professions"), ver,
		         state_word(rv_state(rv)));
	}
	draw_fill(0, theme(TH_TITLE));
	draw_cell(0, 1, COLS - 2, buf, theme(TH_TITLE), 0);
}

static void draw_row(int y, const struct rv_line *l, const int w[NCOL], int cursor)
{
	attr_t a = cursor ? theme(TH_CURSOR) : theme(TH_NORMAL);
	if (l->kind == RV_TITLE) {
		draw_fill(y, theme(TH_SECTION));
		draw_cell(y, 1, COLS - 1, reg_section_title(l->section ? "voluntary" : "mandatory"),
		          theme(TH_SECTION), 0);
		return;
	}
	char num[16], valid[64];
	snprintf(num, sizeof num, "%d", l->num);
	reg_validity_label(l->validity, valid, sizeof valid);
	const char *cell[NCOL] = {
		num, l->name, l->code, l->basis, l->level, valid, l->body,
		reg_profile_label(l->profile),
	};
	draw_fill(y, a);
	for (int c = 0, x = 0; c < NCOL; c++) {
		draw_cell(y, x, w[c], cell[c], a, c == C_NUM);
		x += w[c] + 1;
	}
}

static void draw_status(const struct regview *rv, const struct table *t)
{
	char buf[256];
	const char *lang = i18n_pick("Қазақша", "Русский");
	if (t->cur < 0) {
		snprintf(buf, sizeof buf, "%s | %s", _("No rows"), lang);
	} else {
		int sec = rv_section_of_line(rv, rv_line_of_row(rv, t->cur));
		snprintf(buf, sizeof buf, _("Row %d of %d"), t->cur + 1, rv_rows(rv));
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof buf - n, " | %s | %s",
		         sec ? _("voluntary section") : _("mandatory section"), lang);
	}
	draw_fill(LINES - 2, theme(TH_STATUS));
	draw_cell(LINES - 2, 1, COLS - 2, buf, theme(TH_STATUS), 0);
}

/* Keeps the cursor row on screen, with its section's title when the
 * cursor is on the section's first row. */
static void clamp(struct table *t, const struct regview *rv)
{
	int h = body_height(), rows = rv_rows(rv), lines = rv_lines(rv);
	if (rows == 0) {
		t->cur = -1;
		t->top = 0;
		return;
	}
	if (t->cur < 0)
		t->cur = 0;
	if (t->cur >= rows)
		t->cur = rows - 1;
	int line = rv_line_of_row(rv, t->cur);
	if (rv_row_of_line(rv, line - 1) < 0)     /* a title just above */
		line--;
	if (line < t->top)
		t->top = line;
	line = rv_line_of_row(rv, t->cur);
	if (line >= t->top + h)
		t->top = line - h + 1;
	if (t->top > lines - h)
		t->top = lines - h;
	if (t->top < 0)
		t->top = 0;
}

static void register_draw(struct ui_app *app)
{
	struct table *t = app->table;
	struct regview *rv = app->rv;
	int w[NCOL], h = body_height();
	clamp(t, rv);
	layout(rv, w);
	draw_title(rv);
	draw_fill(1, theme(TH_HEAD));
	for (int c = 0, x = 0; c < NCOL; c++) {
		draw_cell(1, x, w[c], _(heads[c]), theme(TH_HEAD), c == C_NUM);
		x += w[c] + 1;
	}
	int n = rv_window(rv, t->top, h);
	int cur_line = t->cur < 0 ? -1 : rv_line_of_row(rv, t->cur);
	for (int i = 0; i < h; i++) {
		const struct rv_line *l = i < n ? rv_line(rv, t->top + i) : NULL;
		if (l)
			draw_row(2 + i, l, w, t->top + i == cur_line);
		else
			draw_fill(2 + i, theme(TH_NORMAL));
	}
	draw_status(rv, t);
}

static enum ui_result move_by(struct ui_app *app, int rows, int scroll)
{
	struct table *t = app->table;
	t->cur += rows;
	t->top += scroll;
	clamp(t, app->rv);
	return UI_REDRAW;
}

static enum ui_result act_up(struct ui_app *app) { return move_by(app, -1, 0); }
static enum ui_result act_down(struct ui_app *app) { return move_by(app, 1, 0); }
static enum ui_result act_pgup(struct ui_app *app)
{
	int h = body_height() - 1;
	return move_by(app, -h, -h);
}
static enum ui_result act_pgdn(struct ui_app *app)
{
	int h = body_height() - 1;
	return move_by(app, h, h);
}
static enum ui_result act_home(struct ui_app *app)
{
	app->table->cur = 0;
	app->table->top = 0;
	clamp(app->table, app->rv);
	return UI_REDRAW;
}
static enum ui_result act_end(struct ui_app *app)
{
	app->table->cur = rv_rows(app->rv) - 1;
	app->table->top = rv_lines(app->rv);
	clamp(app->table, app->rv);
	return UI_REDRAW;
}

static const struct ui_action register_actions[] = {
	{1, {0}, NULL, N_("Help"), N_("Show the keys of this screen"), act_help},
	{2, {0}, NULL, N_("Language"),
	 N_("Switch everything on screen between Kazakh and Russian"), act_language},
	{10, {0}, NULL, N_("Quit"), N_("Leave the program"), act_quit},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("Move to the previous row"), act_up},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("Move to the next row"), act_down},
	{0, {KEY_PPAGE, 0}, N_("PgUp"), NULL, N_("Move a page up"), act_pgup},
	{0, {KEY_NPAGE, 0}, N_("PgDn"), NULL, N_("Move a page down"), act_pgdn},
	{0, {KEY_HOME, 0}, N_("Home"), NULL, N_("Go to the first row"), act_home},
	{0, {KEY_END, 0}, N_("End"), NULL, N_("Go to the last row"), act_end},
};

const struct ui_screen register_screen = {
	register_actions, (int)(sizeof register_actions / sizeof *register_actions),
	register_draw,
};
