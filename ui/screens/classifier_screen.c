/* The classifier is browsed one group at a time, as a file manager shows a
 * folder: a group's children are a few dozen rows at most, and the whole
 * tree is never loaded.  A query switches to the matches at every level,
 * indented by level, in code order; Enter on a group goes into it. */
#include "screens/classifier_screen.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/help.h"
#include "base/i18n.h"
#include "domain/search.h"
#include "base/text.h"
#include "kit/theme.h"

static char parent[24];     /* the group shown; "" for the major groups */
static char query[256];
static struct search srch;
static int have_search;     /* srch holds a prepared query */
static int cur, top, nrows;

static int body_height(void) { return LINES - 6; }

/* The query's matches, or the group's children: the same columns. */
static sqlite3_stmt *select_rows(tz_db *db, const char *what, const char *tail)
{
	char sql[1024];
	if (have_search)
		snprintf(sql, sizeof sql, "SELECT %s FROM nkz WHERE %s%s", what, srch.where, tail);
	else if (*parent)
		snprintf(sql, sizeof sql, "SELECT %s FROM nkz WHERE parent = :p%s", what, tail);
	else
		snprintf(sql, sizeof sql, "SELECT %s FROM nkz WHERE parent IS NULL%s", what, tail);
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return NULL;
	if (have_search)
		search_bind(&srch, st);
	else if (*parent)
		db_text(st, ":p", parent);
	return st;
}

static void recount(tz_db *db)
{
	sqlite3_stmt *st = select_rows(db, "count(*)", "");
	nrows = st && db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
}

static void set_query(tz_db *db)
{
	if (have_search)
		search_free(&srch);
	have_search = 0;
	if (*query && search_init(&srch, SEARCH_NKZ, query) == 0)
		have_search = 1;
	cur = top = 0;
	recount(db);
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
	char buf[1024], chain[6][24];
	int n = 0;
	snprintf(buf, sizeof buf, "%s", _("Classifier (NKZ)"));
	const char *name = "";
	sqlite3_stmt *st = db_prep(db, "SELECT parent, name_kk, name_ru FROM nkz WHERE code = :c");
	snprintf(chain[0], sizeof chain[0], "%s", parent);
	for (n = *parent ? 1 : 0; st && n > 0 && n < 6;) {
		sqlite3_reset(st);
		db_text(st, ":c", chain[n - 1]);
		if (db_step(db, st) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL)
			break;
		snprintf(chain[n], sizeof chain[n], "%s", db_col_text(st, 0));
		n++;
	}
	size_t len = strlen(buf);
	for (int i = n - 1; i >= 0; i--)
		len += (size_t)snprintf(buf + len, len < sizeof buf ? sizeof buf - len : 0, "%s%s",
		                        i == n - 1 ? ": " : " > ", chain[i]);
	if (st && *parent) {
		sqlite3_reset(st);
		db_text(st, ":c", parent);
		if (db_step(db, st) == SQLITE_ROW) {
			name = i18n_pick(db_col_text(st, 1), db_col_text(st, 2));
			if (len < sizeof buf)
				snprintf(buf + len, sizeof buf - len, " %s", name);
		}
	}
	sqlite3_finalize(st);
	draw_fill(0, theme(TH_TITLE));
	draw_cell(0, 1, COLS - 2, buf, theme(TH_TITLE), 0);
}

static void cls_draw(struct ui_app *app)
{
	clamp();
	draw_title(app->db);
	int h = body_height(), cw = have_search ? 20 : 10;
	const char *retired = _("retired");
	int rw = text_width(retired);
	int nw = COLS - 1 - cw - 1 - rw - 2;
	draw_fill(1, theme(TH_HEAD));
	draw_cell(1, 1, cw, _("Code"), theme(TH_HEAD), 0);
	draw_cell(1, cw + 2, nw, _("Name"), theme(TH_HEAD), 0);
	sqlite3_stmt *st = select_rows(app->db, "code, level, name_kk, name_ru, active",
	                               " ORDER BY code LIMIT :n OFFSET :o");
	if (st) {
		db_int(st, ":n", h);
		db_int(st, ":o", top);
	}
	int i = 0, cur_level = 0;
	while (st && i < h && db_step(app->db, st) == SQLITE_ROW) {
		int level = sqlite3_column_int(st, 1), on = top + i == cur;
		attr_t a = on ? theme(TH_CURSOR) : level < 6 ? theme(TH_SECTION) : theme(TH_NORMAL);
		char code[64];
		snprintf(code, sizeof code, "%*s%s", have_search ? 2 * (level - 1) : 0, "",
		         db_col_text(st, 0));
		draw_fill(2 + i, a);
		draw_cell(2 + i, 1, cw, code, a, 0);
		draw_cell(2 + i, cw + 2, nw, i18n_pick(db_col_text(st, 2), db_col_text(st, 3)), a, 0);
		if (!sqlite3_column_int(st, 4))
			draw_cell(2 + i, COLS - rw - 1, rw, retired, a, 0);
		if (on)
			cur_level = level;
		i++;
	}
	sqlite3_finalize(st);
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
	else if (*parent && !*query)
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

/* The code and level under the cursor; 0 if none. */
static int cursor_code(tz_db *db, char *code, size_t len)
{
	sqlite3_stmt *st = select_rows(db, "code, level", " ORDER BY code LIMIT 1 OFFSET :o");
	int level = 0;
	if (st) {
		db_int(st, ":o", cur);
		if (db_step(db, st) == SQLITE_ROW) {
			snprintf(code, len, "%s", db_col_text(st, 0));
			level = sqlite3_column_int(st, 1);
		}
	}
	sqlite3_finalize(st);
	return level;
}

static enum ui_result act_enter(struct ui_app *app)
{
	char code[24];
	int level = cursor_code(app->db, code, sizeof code);
	if (!level || level >= 6)
		return UI_HANDLED;
	snprintf(parent, sizeof parent, "%s", code);
	query[0] = 0;
	set_query(app->db);
	return UI_REDRAW;
}

/* Up to the parent's parent, with the cursor on the group we left. */
static enum ui_result act_up_level(struct ui_app *app)
{
	if (!*parent)
		return UI_HANDLED;
	char left[24];
	snprintf(left, sizeof left, "%s", parent);
	sqlite3_stmt *st = db_prep(app->db, "SELECT coalesce(parent, '') FROM nkz WHERE code = :c");
	parent[0] = 0;
	if (st) {
		db_text(st, ":c", left);
		if (db_step(app->db, st) == SQLITE_ROW)
			snprintf(parent, sizeof parent, "%s", db_col_text(st, 0));
		sqlite3_finalize(st);
	}
	query[0] = 0;
	set_query(app->db);
	st = select_rows(app->db, "count(*)", " AND code < :left");
	if (st) {
		db_text(st, ":left", left);
		if (db_step(app->db, st) == SQLITE_ROW)
			cur = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
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
	parent[0] = 0;
	query[0] = 0;
	set_query(app->db);
	ui_push(app, &cls_screen);
	return UI_REDRAW;
}
