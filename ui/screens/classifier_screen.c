/* The classifier is browsed one group at a time, as a file manager shows a
 * folder (the rows are view/nkzview.h's).  A query switches to the matches
 * at every level, indented by level, in code order; Enter on a group goes
 * into it. */
#include "screens/classifier_screen.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/help.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kit/theme.h"
#include "view/nkzview.h"

static struct nkzview view; /* the group shown, or the query's matches */
static char query[256];
static int cur, top, nrows;

static int body_height(void) { return LINES - 6; }

static void set_query(tz_db *db)
{
	nkzview_set_query(db, &view, query);
	cur = top = 0;
	nrows = view.count;
}

static void clamp(void)
{
	int h = body_height();
	if (cur >= nrows)
		cur = nrows - 1;
	if (cur < 0)
		cur = 0;
	if (cur < top)
		top = cur;
	if (cur >= top + h)
		top = cur - h + 1;
	if (top > nrows - h)
		top = nrows - h;
	if (top < 0)
		top = 0;
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
	draw_fill(0, theme(TH_TITLE));
	draw_cell(0, 1, COLS - 2, buf, theme(TH_TITLE), 0);
}

/* The rows of the window, the cursor's level noted for the status line. */
struct cls_window {
	int i, cw, nw, rw, cur_level;
	const char *retired;
};

static void cls_draw_row(void *ctx, const struct nkzview_row *r)
{
	struct cls_window *w = ctx;
	int on = top + w->i == cur;
	attr_t a = on ? theme(TH_CURSOR) : r->level < 6 ? theme(TH_SECTION) : theme(TH_NORMAL);
	char code[64];
	snprintf(code, sizeof code, "%*s%s", view.searching ? 2 * (r->level - 1) : 0, "", r->code);
	draw_fill(2 + w->i, a);
	draw_cell(2 + w->i, 1, w->cw, code, a, 0);
	draw_cell(2 + w->i, w->cw + 2, w->nw, r->name, a, 0);
	if (!r->active)
		draw_cell(2 + w->i, COLS - w->rw - 1, w->rw, w->retired, a, 0);
	if (on)
		w->cur_level = r->level;
	w->i++;
}

static void cls_draw(struct ui_app *app)
{
	clamp();
	draw_title(app->db);
	int h = body_height(), cw = view.searching ? 20 : 10;
	const char *retired = _("retired");
	int rw = text_width(retired);
	int nw = COLS - 1 - cw - 1 - rw - 2;
	draw_fill(1, theme(TH_HEAD));
	draw_cell(1, 1, cw, _("Code"), theme(TH_HEAD), 0);
	draw_cell(1, cw + 2, nw, _("Name"), theme(TH_HEAD), 0);
	struct cls_window win = {0, cw, nw, rw, 0, retired};
	nkzview_window(app->db, &view, NULL, top, h, cls_draw_row, &win);
	int cur_level = win.cur_level;
	if (!nrows)
		draw_cell(3, 2, COLS - 4, *query ? _("Nothing matches the search.")
		                                 : _("The classifier is empty: import it with "
		                                     "tizilim import-nkz FILE."), theme(TH_NORMAL), 0);
	char status[256];
	size_t n = 0;
	if (nrows)
		n = (size_t)snprintf(status, sizeof status, _("Row %d of %d"), cur + 1, nrows);
	else
		n = (size_t)snprintf(status, sizeof status, "%s", _("No rows"));
	if (cur_level && cur_level < 6)
		snprintf(status + n, sizeof status - n, " | %s", _("a group: Enter shows what it holds"));
	else if (*view.parent && !*query)
		snprintf(status + n, sizeof status - n, " | %s", _("Backspace or Left: up a level"));
	draw_fill(LINES - 3, theme(TH_STATUS));
	draw_cell(LINES - 3, 1, COLS - 2, status, theme(TH_STATUS), 0);
	/* The search line: always there, since typing anywhere searches. */
	const char *label = _("Search:");
	int lw = text_width(label);
	char count[64] = "";
	if (*query)
		snprintf(count, sizeof count, _("%d found"), nrows);
	int cwid = text_width(count);
	draw_fill(LINES - 2, theme(TH_NORMAL));
	draw_cell(LINES - 2, 1, lw, label, theme(TH_HEAD), 0);
	int qx = lw + 2, qw = COLS - qx - cwid - 3;
	const char *q = *query ? query : "";
	while (text_width(q) > qw - 1 && *q) {
		unsigned cp;
		q += text_next(q, &cp);
	}
	draw_cell(LINES - 2, qx, qw, *query ? q : _("type a code or a name"),
	          *query ? theme(TH_STATUS) : theme(TH_NORMAL), 0);
	if (*query && qx + text_width(q) < qx + qw)
		mvaddch(LINES - 2, qx + text_width(q), ' ' | theme(TH_CURSOR));
	draw_cell(LINES - 2, COLS - cwid - 1, cwid, count, theme(TH_NORMAL), 1);
}

static enum ui_result act_enter(struct ui_app *app)
{
	char code[NKZVIEW_CODE];
	int level = nkzview_row_at(app->db, &view, cur, code, sizeof code);
	if (!level || level >= 6)
		return UI_HANDLED;
	query[0] = 0;
	nkzview_set_parent(app->db, &view, code);
	cur = top = 0;
	nrows = view.count;
	return UI_REDRAW;
}

/* Up to the parent's parent, with the cursor on the group we left. */
static enum ui_result act_up_level(struct ui_app *app)
{
	if (!*view.parent)
		return UI_HANDLED;
	query[0] = 0;
	int at = nkzview_up(app->db, &view);
	top = 0;
	cur = at > 0 ? at : 0;
	nrows = view.count;
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
	int ch = ui_key_char(key);
	if (key == 27 && *query)
		return act_new_search(app);
	if ((key == KEY_BACKSPACE || key == 127 || key == 8) && *query) {
		size_t n = strlen(query);
		while (n > 0 && ((unsigned char)query[n - 1] & 0xC0) == 0x80)
			n--;
		query[n ? n - 1 : 0] = 0;
		set_query(app->db);
		return UI_REDRAW;
	}
	if (ch >= 0x20 && ch != 0x7f && key != 27) {
		char u[8];
		mbstate_t ps;
		memset(&ps, 0, sizeof ps);
		size_t n = wcrtomb(u, (wchar_t)ch, &ps);
		if (n != (size_t)-1 && strlen(query) + n < sizeof query) {
			strncat(query, u, n);
			set_query(app->db);
		}
		return UI_REDRAW;
	}
	return UI_PASS;
}

static enum ui_result move_by(int by)
{
	cur += by;
	clamp();
	return UI_REDRAW;
}
static enum ui_result act_up(struct ui_app *app) { (void)app; return move_by(-1); }
static enum ui_result act_down(struct ui_app *app) { (void)app; return move_by(1); }
static enum ui_result act_pgup(struct ui_app *app) { (void)app; top -= body_height() - 1; return move_by(-(body_height() - 1)); }
static enum ui_result act_pgdn(struct ui_app *app) { (void)app; top += body_height() - 1; return move_by(body_height() - 1); }
static enum ui_result act_home(struct ui_app *app) { (void)app; cur = top = 0; return UI_REDRAW; }
static enum ui_result act_end(struct ui_app *app) { (void)app; cur = nrows - 1; top = nrows; clamp(); return UI_REDRAW; }

static const struct ui_action cls_actions[] = {
	{1, {0}, NULL, N_("Help"), N_("Show the keys of this screen"), act_help},
	{2, {0}, NULL, N_("Language"),
	 N_("Switch everything on screen between Kazakh and Russian"), act_language},
	{7, {0}, NULL, N_("Search"),
	 N_("Start a new search; typing a code or a name in either language searches at once"),
	 act_new_search},
	{9, {0}, NULL, N_("Menu"), N_("Open the menu of screens and commands"), act_menu},
	{10, {27, 0}, N_("Esc"), N_("Close"),
	 N_("Clear the search; without one, back to the register"), act_close},
	{0, {'\r', '\n', KEY_ENTER, KEY_RIGHT}, N_("Enter or Right"), NULL,
	 N_("Show what the group under the cursor holds"), act_enter},
	{0, {KEY_LEFT, KEY_BACKSPACE, 127, 8}, N_("Left or Backspace"), NULL,
	 N_("Up to the group that holds this one"), act_up_level},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("Move to the previous row"), act_up},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("Move to the next row"), act_down},
	{0, {KEY_PPAGE, 0}, N_("PgUp"), NULL, N_("Move a page up"), act_pgup},
	{0, {KEY_NPAGE, 0}, N_("PgDn"), NULL, N_("Move a page down"), act_pgdn},
	{0, {KEY_HOME, 0}, N_("Home"), NULL, N_("Go to the first row"), act_home},
	{0, {KEY_END, 0}, N_("End"), NULL, N_("Go to the last row"), act_end},
};

static const struct ui_screen cls_screen = {
	.actions = cls_actions,
	.nactions = (int)(sizeof cls_actions / sizeof *cls_actions),
	.draw = cls_draw,
	.input = cls_input,
};

enum ui_result classifier_open(struct ui_app *app)
{
	nkzview_free(&view);
	query[0] = 0;
	set_query(app->db);
	ui_push(app, &cls_screen);
	return UI_REDRAW;
}
