#include "screens/filter.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/dialog.h"
#include "base/i18n.h"
#include "domain/register.h"
#include "store/refdata.h"
#include "view/regview.h"
#include "screens/regtable.h"
#include "base/text.h"
#include "kit/theme.h"

enum { L_SECTION, L_BODY, L_LEVEL, L_PROFILE, L_SORT, L_ORDER, L_COL0,
       NLINES = L_COL0 + TABLE_NCOL };

/* What the dialog found on opening, for Esc. */
static struct {
	struct rv_facets facets;
	enum rv_sort sort;
	int desc;
	struct table_cols cols;
} saved;
static int sel;

/* The sort orders in the order of the columns that name them. */
static const int sort_col[RV_NSORT] = {0, 1, 2, 3, 4, 5, 6, 7};

static int sort_index(enum rv_sort s)
{
	for (int i = 0; i < RV_NSORT; i++)
		if (table_col_sort(sort_col[i]) == s)
			return i;
	return 0;
}

/* The lists below step round with "any" before their first value. */
enum { FILTER_MAXVALS = 128 };

static int filter_step(int at, int by, int n)
{
	return ((at + by) % n + n) % n;
}

/* The next body that has rows in the version on view, 0 standing for any. */
static int64_t filter_next_body(struct ui_app *app, int64_t cur, int by)
{
	int64_t ids[FILTER_MAXVALS] = {0};
	int got = rv_facet_bodies(app->rv, ids + 1, FILTER_MAXVALS - 1);
	int n = 1 + (got > 0 ? got : 0), at = 0;
	for (int i = 1; i < n; i++)
		if (ids[i] == cur)
			at = i;
	return ids[filter_step(at, by, n)];
}

/* The next level that occurs in the version on view, "" standing for any. */
static void filter_next_level(struct ui_app *app, char level[8], int by)
{
	char vals[FILTER_MAXVALS][8] = {""};
	int got = rv_facet_levels(app->rv, vals + 1, FILTER_MAXVALS - 1);
	int n = 1 + (got > 0 ? got : 0), at = 0;
	for (int i = 1; i < n; i++)
		if (!strcmp(vals[i], level))
			at = i;
	memcpy(level, vals[filter_step(at, by, n)], sizeof vals[0]);
}

static void change(struct ui_app *app, int by)
{
	struct rv_facets f = *rv_facets(app->rv);
	switch (sel) {
	case L_SECTION:
		f.section = ((f.section + 1 + by) % 3 + 3) % 3 - 1;
		break;
	case L_BODY:
		f.body_id = filter_next_body(app, f.body_id, by);
		break;
	case L_LEVEL:
		filter_next_level(app, f.level, by);
		break;
	case L_PROFILE: {
		static const char *const p[3] = {"", "t", "sg"};
		int i = !strcmp(f.profile, "t") ? 1 : !strcmp(f.profile, "sg") ? 2 : 0;
		snprintf(f.profile, sizeof f.profile, "%s", p[((i + by) % 3 + 3) % 3]);
		break;
	}
	case L_SORT: {
		int i = (sort_index(rv_sort_by(app->rv)) + by + RV_NSORT) % RV_NSORT;
		rv_set_sort(app->rv, table_col_sort(sort_col[i]), rv_sort_desc(app->rv));
		break;
	}
	case L_ORDER:
		rv_set_sort(app->rv, rv_sort_by(app->rv), !rv_sort_desc(app->rv));
		break;
	default:
		table_col_resize(app->table, sel - L_COL0, by);
		return;
	}
	if (sel <= L_PROFILE)
		rv_set_facets(app->rv, &f);
	table_home(app->table);
}

static enum ui_result act_line(struct ui_app *app)
{
	sel = (sel + (app->key == KEY_UP ? NLINES - 1 : 1)) % NLINES;
	return UI_REDRAW;
}

static enum ui_result act_change(struct ui_app *app)
{
	change(app, app->key == KEY_LEFT || app->key == '-' ? -1 : 1);
	return UI_REDRAW;
}

static enum ui_result act_space(struct ui_app *app)
{
	if (sel >= L_COL0)
		table_col_toggle(app->table, sel - L_COL0);
	else
		change(app, 1);
	return UI_REDRAW;
}

static enum ui_result act_clear(struct ui_app *app)
{
	struct rv_facets none = {.section = -1};
	rv_set_facets(app->rv, &none);
	rv_set_sort(app->rv, RV_BY_NAME, 0);
	struct table_cols c;
	memset(&c, 0, sizeof c);
	table_cols_set(app->table, &c);
	table_home(app->table);
	return UI_REDRAW;
}

static enum ui_result act_keep(struct ui_app *app) { (void)app; return UI_CLOSE; }

static enum ui_result act_cancel(struct ui_app *app)
{
	rv_set_facets(app->rv, &saved.facets);
	rv_set_sort(app->rv, saved.sort, saved.desc);
	table_cols_set(app->table, &saved.cols);
	table_home(app->table);
	return UI_CLOSE;
}

/* The value shown on line i. */
static void value(struct ui_app *app, int i, char *buf, size_t len)
{
	const struct rv_facets *f = rv_facets(app->rv);
	const char *any = _("any");
	buf[0] = 0;
	switch (i) {
	case L_SECTION:
		snprintf(buf, len, "%s", f->section < 0 ? any : f->section ? _("voluntary section")
		                                                          : _("mandatory section"));
		break;
	case L_BODY:
		snprintf(buf, len, "%s", any);
		if (f->body_id)
			ref_body(app->db, f->body_id, REF_SHORT, NULL, buf, len, any);
		break;
	case L_LEVEL:
		snprintf(buf, len, "%s", f->level[0] ? f->level : any);
		break;
	case L_PROFILE:
		snprintf(buf, len, "%s", f->profile[0] ? reg_profile_label(f->profile) : any);
		break;
	case L_SORT:
		snprintf(buf, len, "%s", table_col_name(sort_col[sort_index(rv_sort_by(app->rv))]));
		break;
	case L_ORDER:
		snprintf(buf, len, "%s", rv_sort_desc(app->rv) ? _("descending") : _("ascending"));
		break;
	default: {
		int w[TABLE_NCOL];
		table_col_widths(app->table, app->rv, w);
		int c = i - L_COL0;
		if (table_col_hidden(app->table, c))
			snprintf(buf, len, "%s", _("hidden"));
		else
			snprintf(buf, len, _("%d columns wide"), w[c]);
	}
	}
}

static const char *label(int i)
{
	switch (i) {
	case L_SECTION: return _("Section");
	case L_BODY: return _("Body");
	case L_LEVEL: return _("Level");
	case L_PROFILE: return _("Profile");
	case L_SORT: return _("Sort by");
	case L_ORDER: return _("Order");
	default: return table_col_name(i - L_COL0);
	}
}

static void filter_draw(struct ui_app *app)
{
	ui_draw_below(app);
	int h = NLINES + 6, w = COLS - 8 < 70 ? COLS - 8 : 70;
	int y0 = (LINES - 1 - h) / 2, x0 = (COLS - w) / 2;
	if (y0 < 0)
		y0 = 0;
	attr_t a = theme(TH_DIALOG);
	dlg_box(y0, x0, h, w, _("Filter, sort and columns"));
	int lw = 0;
	for (int i = 0; i < NLINES; i++)
		lw = text_width(label(i)) > lw ? text_width(label(i)) : lw;
	if (lw > w / 2 - 4)
		lw = w / 2 - 4;
	int vx = x0 + 3 + lw + 2, vw = x0 + w - 2 - vx;
	for (int i = 0, y = y0 + 1; i < NLINES; i++, y++) {
		if (i == L_SORT || i == L_COL0)
			y++;          /* a blank line between filters, sort and columns */
		attr_t la = i == sel ? theme(TH_CURSOR) : a;
		char v[160], shown[200];
		value(app, i, v, sizeof v);
		snprintf(shown, sizeof shown, "< %s >", v);
		draw_cell(y, x0 + 2, lw + 2, label(i), la, 0);
		draw_cell(y, vx, vw, shown, la, 0);
	}
	const char *hint = sel >= L_COL0
		? _("Left/Right: narrower/wider, Space: hide or show, Enter: keep, Esc: cancel")
		: _("Left/Right: change, Enter: keep, Esc: cancel, F8: clear all");
	draw_cell(y0 + h - 2, x0 + 2, w - 4, hint, a, 0);
}

static const struct ui_action filter_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{8, {KEY_DC, 0}, N_("Delete"), N_("Clear"),
	 N_("Clear every filter, sort by name, show every column at its width"), act_clear, 0},
	{10, {27, 0}, N_("Esc"), N_("Cancel"), N_("Close, putting everything back as it was"),
	 act_cancel, 0},
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL, N_("Close, keeping the changes"),
	 act_keep, 0},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("Previous line"), act_line, 0},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("Next line"), act_line, 0},
	{0, {KEY_LEFT, '-', 0}, N_("Left or -"), NULL,
	 N_("Previous value; a column: narrower"), act_change, 0},
	{0, {KEY_RIGHT, '+', 0}, N_("Right or +"), NULL,
	 N_("Next value; a column: wider"), act_change, 0},
	{0, {' ', 0}, N_("Space"), NULL, N_("A column: hide or show it"), act_space, 0},
};

static const struct ui_screen filter_screen = {
	.actions = filter_actions,
	.nactions = (int)(sizeof filter_actions / sizeof *filter_actions),
	.draw = filter_draw,
};

void filter_open(struct ui_app *app)
{
	saved.facets = *rv_facets(app->rv);
	saved.sort = rv_sort_by(app->rv);
	saved.desc = rv_sort_desc(app->rv);
	table_cols_get(app->table, &saved.cols);
	sel = 0;
	ui_push(app, &filter_screen);
}
