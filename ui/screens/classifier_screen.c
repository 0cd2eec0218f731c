/* The classifier is browsed one group at a time, as a file manager shows a
 * folder (the rows are view/nkzview.h's).  A query switches to the matches
 * at every level, indented by level, in code order; Enter on a group goes
 * into it. */
#include "screens/classifier_screen.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "kit/list.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kit/theme.h"
#include "kit/widgets.h"
#include "view/nkzview.h"
#include "screens/nkzimport_screen.h"
#include "store/auth.h"

static struct nkzview view; /* the group shown, or the query's matches */
static char query[256];
static struct ui_list rows;

static void set_query(tz_db *db)
{
	nkzview_set_query(db, &view, query);
	rows = (struct ui_list){.n = view.count};
}

/* "Classifier: 7 > 72 > 721 NAME", the group's ancestors by code. */
static void draw_title(tz_db *db)
{
	char buf[1024];
	struct nkzview_trail t;
	nkzview_trail(db, &view, NULL, &t);
	size_t len = (size_t)snprintf(buf, sizeof buf, "%s", _("Classifier (NKZ)"));
	for (int i = 0; i < t.n; i++)
		len += (size_t)snprintf(buf + len, len < sizeof buf ? sizeof buf - len : 0, "%s%s",
		                        i ? " > " : ": ", t.code[i]);
	if (*t.name && len < sizeof buf)
		snprintf(buf + len, sizeof buf - len, " %s", t.name);
	cui_title(buf);
}

/* The rows of the window, the cursor's level noted for the status line. */
struct cls_window {
	int i, cw, nw, rw, cur_level;
	const char *retired;
	char whole[1024];   /* the cursor row's name, when the list had to cut it */
};

static void cls_draw_row(void *ctx, const struct nkzview_row *r)
{
	struct cls_window *w = ctx;
	int on = rows.top + w->i == rows.cur;
	attr_t a = on ? theme(TH_CURSOR) : r->level < 6 ? theme(TH_SECTION) : theme(TH_NORMAL);
	char code[64];
	snprintf(code, sizeof code, "%*s%s", view.searching ? 2 * (r->level - 1) : 0, "", r->code);
	draw_fill(2 + w->i, a);
	draw_cell(2 + w->i, 1, w->cw, code, a, 0);
	/* The name takes the line; only a retired row keeps room for its mark. */
	int nw = r->active ? COLS - 2 - w->cw - 1 : w->nw;
	draw_cell(2 + w->i, w->cw + 2, nw, r->name, a, 0);
	if (!r->active)
		draw_cell(2 + w->i, COLS - w->rw - 1, w->rw, w->retired, a, 0);
	if (on) {
		w->cur_level = r->level;
		w->whole[0] = 0;
		if (text_width(r->name) > nw)
			snprintf(w->whole, sizeof w->whole, "%s", r->name);
	}
	w->i++;
}

/* The imports seen: after another, the rows are read again. */
static int seen_imports;

static void cls_draw(struct ui_app *app)
{
	if (seen_imports != nkzimport_generation()) {
		seen_imports = nkzimport_generation();
		set_query(app->db);
	}
	/* Two lines under the rows show the name under the cursor whole when
	 * the list had to cut it. */
	rows.h = LINES - 8;
	list_fit(&rows);
	draw_title(app->db);
	int cw = view.searching ? 20 : 10;
	const char *retired = _("retired");
	int rw = text_width(retired);
	int nw = COLS - 1 - cw - 1 - rw - 2;
	draw_fill(1, theme(TH_HEAD));
	draw_cell(1, 1, cw, _("Code"), theme(TH_HEAD), 0);
	draw_cell(1, cw + 2, nw, _("Name"), theme(TH_HEAD), 0);
	struct cls_window win = {0, cw, nw, rw, 0, retired, ""};
	nkzview_window(app->db, &view, NULL, rows.top, rows.h, cls_draw_row, &win);
	if (win.whole[0])
		draw_wrap(LINES - 5, 1, COLS - 2, 2, win.whole, theme(TH_NORMAL));
	int cur_level = win.cur_level;
	if (!rows.n)
		draw_cell(3, 2, COLS - 4, *query ? _("Nothing matches the search.")
		                                 : _("The classifier is empty: F5 imports it from "
		                                     "a CSV or XLSX file."), theme(TH_NORMAL), 0);
	char status[256];
	size_t n = 0;
	if (rows.n)
		n = (size_t)snprintf(status, sizeof status, _("Row %d of %d"), rows.cur + 1, rows.n);
	else
		n = (size_t)snprintf(status, sizeof status, "%s", _("No rows"));
	if (cur_level && cur_level < 6)
		snprintf(status + n, sizeof status - n, " | %s", _("a group: Enter shows what it holds"));
	else if (*view.parent && !*query)
		snprintf(status + n, sizeof status - n, " | %s", _("Backspace or Left: up a level"));
	draw_fill(LINES - 3, theme(TH_STATUS));
	draw_cell(LINES - 3, 1, COLS - 2, status, theme(TH_STATUS), 0);
	/* The search line: always there, since typing anywhere searches. */
	char count[64] = "";
	if (*query)
		snprintf(count, sizeof count, _("%d found"), rows.n);
	cui_search(LINES - 2, query, *query, _("type a code or a name"), count);
}

static enum ui_result act_enter(struct ui_app *app)
{
	char code[NKZVIEW_CODE];
	int level = nkzview_row_at(app->db, &view, rows.cur, code, sizeof code);
	if (!level || level >= 6)
		return UI_HANDLED;
	query[0] = 0;
	nkzview_set_parent(app->db, &view, code);
	rows = (struct ui_list){.n = view.count};
	return UI_REDRAW;
}

/* Up to the parent's parent, with the cursor on the group we left. */
static enum ui_result act_up_level(struct ui_app *app)
{
	if (!*view.parent)
		return UI_HANDLED;
	query[0] = 0;
	int at = nkzview_up(app->db, &view);
	rows = (struct ui_list){.cur = at > 0 ? at : 0, .n = view.count};
	return UI_REDRAW;
}

static enum ui_result act_new_search(struct ui_app *app)
{
	query[0] = 0;
	set_query(app->db);
	return UI_REDRAW;
}

static enum ui_result cls_input(struct ui_app *app, int key)
{
	if (key == 27 && *query)
		return act_new_search(app);
	switch (field_key_end(query, sizeof query, key)) {
	case FIELD_PASS: return UI_PASS;
	case FIELD_CHANGED: set_query(app->db); break;
	case FIELD_MOVED: break;
	}
	return UI_REDRAW;
}

static enum ui_result act_move(struct ui_app *app)
{
	list_key(&rows, app->key);
	return UI_REDRAW;
}

static const struct ui_action cls_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{7, {0}, NULL, N_("Search"),
	 N_("Start a new search; typing a code or a name in either language searches at once"),
	 act_new_search, SET_ACT_SEARCH},
	{5, {0}, NULL, N_("Import"), N_("Import the classifier from a CSV or XLSX file"),
	 ui_open_nkz_import, SET_ACT_NONE},
	UI_KEY_MENU,
	UI_KEY_CLOSE(N_("Clear the search; without one, back to the register"), act_close),
	{0, {'\r', '\n', KEY_ENTER, KEY_RIGHT}, N_("Enter or Right"), NULL,
	 N_("Show what the group under the cursor holds"), act_enter, 0},
	{0, {KEY_LEFT, KEY_BACKSPACE, 127, 8}, N_("Left or Backspace"), NULL,
	 N_("Up to the group that holds this one"), act_up_level, 0},
	UI_LIST_KEYS(act_move, N_("Move to the previous row"), N_("Move to the next row"),
	             N_("Move a page up"), N_("Move a page down"), N_("Go to the first row"),
	             N_("Go to the last row")),
};

/* Importing the classifier is reference data's work; the rest is reading. */
static int cls_may(struct ui_app *app, const struct ui_action *a, char *why, size_t len)
{
	if (a->run == ui_open_nkz_import)
		return auth_edit_reference(app->db, why, len);
	return 0;
}

static const struct ui_screen cls_screen = {
	.actions = cls_actions,
	.nactions = (int)(sizeof cls_actions / sizeof *cls_actions),
	.draw = cls_draw,
	.input = cls_input,
	.may = cls_may,
};

enum ui_result classifier_open(struct ui_app *app)
{
	nkzview_free(&view);
	query[0] = 0;
	seen_imports = nkzimport_generation();
	set_query(app->db);
	ui_push(app, &cls_screen);
	return UI_REDRAW;
}
