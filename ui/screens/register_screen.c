#include "screens/register_screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/dialog.h"
#include "screens/detail.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "screens/filter.h"
#include "screens/regtable.h"
#include "forms/rowform_ui.h"
#include "base/i18n.h"
#include "domain/register.h"
#include "domain/regorder.h"
#include "store/refdata.h"
#include "store/store.h"
#include "view/regview.h"
#include "view/sessionview.h"
#include "base/text.h"
#include "kit/theme.h"
#include "kit/widgets.h"

/* The search line takes a line from the rows while it is shown. */
static int search_shown(const struct ui_app *app)
{
	return app->table->typing || *rv_search(app->rv);
}

/* Lines between the column headings and the status line. */
static int body_height(const struct ui_app *app)
{
	return LINES - 4 - search_shown(app);
}

/* The title: the version on view and its state on the left; the cycle and
 * the stage its register is in on the right, the program's name giving
 * way to it at 80 columns. */
static void draw_title(struct ui_app *app)
{
	const struct regview *rv = app->rv;
	char buf[512], ver[160], stage[200];
	if (!rv_version(rv)) {
		snprintf(buf, sizeof buf, "%s: %s", _("Register of Professions"),
		         _("there is no register version yet"));
	} else {
		if (*rv_title(rv))
			snprintf(ver, sizeof ver, "%s", rv_title(rv));
		else
			snprintf(ver, sizeof ver, _("version %lld"), (long long)rv_version(rv));
		snprintf(buf, sizeof buf, "%s: %s (%s)", _("Register of Professions"), ver,
		         reg_state_label(rv_state(rv)));
	}
	sessionview_stage(app->db, stage, sizeof stage);
	int sw = text_width(stage);
	const char *shown = buf;
	/* The demo register's mark (kit/help.h) keeps the title's right end. */
	int end = COLS - 1 - (store_is_demo(app->db) ? text_width(_("DEMO register")) + 4 : 0);
	if (text_width(buf) + 2 + sw > end - 1 && rv_version(rv)) {
		char *colon = strstr(buf, ": ");
		if (colon)
			shown = colon + 2;
	}
	draw_fill(0, theme(TH_TITLE));
	if (text_width(shown) + 2 + sw > end - 1)
		sw = end - 1 - text_width(shown) - 2;   /* the stage cut, the version whole */
	if (sw < 8)
		sw = 0;
	draw_cell(0, 1, end - 1 - (sw ? sw + 2 : 0), shown, theme(TH_TITLE), 0);
	if (sw)
		draw_cell(0, end - sw, sw, stage, theme(TH_TITLE), 0);
}

static void draw_row(int y, const struct rv_line *l, const int w[TABLE_NCOL], int cursor)
{
	attr_t a = cursor ? theme(TH_CURSOR) : theme(TH_NORMAL);
	if (l->kind == RV_TITLE) {
		draw_fill(y, theme(TH_SECTION));
		draw_cell(y, 1, COLS - 1, reg_section_title(l->section ? "voluntary" : "mandatory"),
		          theme(TH_SECTION), 0);
		return;
	}
	char num[16], valid[64];
	/* A row not numbered yet (added by another program to a draft this
	 * clerk may only read) has no number to show. */
	num[0] = 0;
	if (l->num > 0)
		snprintf(num, sizeof num, "%d", l->num);
	reg_validity_label(l->validity, valid, sizeof valid);
	const char *cell[TABLE_NCOL] = {
		num, l->name, l->code, l->basis, l->level, valid, l->body,
		reg_profile_label(l->profile),
	};
	draw_fill(y, a);
	for (int c = 0, x = 0; c < TABLE_NCOL; c++) {
		if (!w[c])
			continue;
		if (c == TABLE_NAME)
			draw_cell_mark(y, x, w[c], cell[c], a, 0, l->mark, l->mark_len, theme(TH_MARK));
		else if (c == TABLE_CODE)
			draw_cell_mark(y, x, w[c], cell[c], a, 0, 0, l->code_mark, theme(TH_MARK));
		else
			draw_cell(y, x, w[c], cell[c], a, c == TABLE_NUM);
		x += w[c] + 1;
	}
}

static const char *section_word(int s)
{
	return s ? _("voluntary section") : _("mandatory section");
}

/* The facets in force, as the status line names them. */
static void facets_text(const struct regview *rv, tz_db *db, char *buf, size_t len)
{
	const struct rv_facets *f = rv_facets(rv);
	size_t n = 0;
	buf[0] = 0;
#define ADD(...) do { if (n < len) n += (size_t)snprintf(buf + n, len - n, __VA_ARGS__); } while (0)
	if (f->section >= 0)
		ADD("%s", section_word(f->section));
	char body[200];
	if (f->body_id && ref_body(db, f->body_id, REF_SHORT, NULL, body, sizeof body, NULL))
		ADD("%s%s", n ? ", " : "", body);
	if (f->level[0])
		ADD("%s%s %s", n ? ", " : "", _("level"), f->level);
	if (f->profile[0])
		ADD("%s%s", n ? ", " : "", reg_profile_label(f->profile));
#undef ADD
}

/* The status line: where the cursor is and what narrows or orders the rows
 * on the left; who is working on the right, always whole.  When the line
 * is short, the language's name gives way first, then the cursor's section
 * (its title row shows it above the rows), so that a filter and a sort in
 * force stay readable. */
static void draw_status(struct ui_app *app)
{
	const struct regview *rv = app->rv;
	const struct table *t = app->table;
	char pos[128], sec[160] = "", rest[1024], fac[512];
	size_t n = 0;
	rest[0] = 0;
	if (t->rows.cur < 0) {
		snprintf(pos, sizeof pos, "%s", _("No rows"));
	} else {
		int s = rv_section_of_line(rv, rv_line_of_row(rv, t->rows.cur));
		snprintf(pos, sizeof pos, _("Row %d of %d"), t->rows.cur + 1, rv_rows(rv));
		snprintf(sec, sizeof sec, " | %s", section_word(s));
	}
	if (rv_facet_count(rv)) {
		facets_text(rv, app->db, fac, sizeof fac);
		/* TRANSLATORS: the status line's list of filters in force */
		n += (size_t)snprintf(rest + n, sizeof rest - n, " | %s: %s", _("Filter"), fac);
	}
	if (rv_sort_by(rv) != RV_BY_NAME || rv_sort_desc(rv)) {
		int c = 0;
		while (c < TABLE_NCOL - 1 && table_col_sort(c) != rv_sort_by(rv))
			c++;
		if (rv_sort_by(rv) == RV_BY_NAME)
			c = TABLE_NAME;
		/* TRANSLATORS: the status line's sort order, e.g. "Sorted by: Level, descending" */
		n += (size_t)snprintf(rest + n, sizeof rest - n, " | %s: %s%s%s", _("Sorted by"),
		                      table_col_name(c), rv_sort_desc(rv) ? ", " : "",
		                      rv_sort_desc(rv) ? _("descending") : "");
	}
	char who[300], right[600], buf[1500];
	sessionview_who(app->db, who, sizeof who);
	int room = COLS - 2 - 3;
	snprintf(right, sizeof right, "%s | %s", who, i18n_pick("Қазақша", "Русский"));
	snprintf(buf, sizeof buf, "%s%s%s", pos, sec, rest);
	if (text_width(buf) + text_width(right) > room)
		snprintf(right, sizeof right, "%s", who);
	if (text_width(buf) + text_width(right) > room)
		snprintf(buf, sizeof buf, "%s%s", pos, rest);
	int y = LINES - 2 - search_shown(app);
	int rw = text_width(right);
	if (rw > COLS - 2)
		rw = COLS - 2;
	int lw = COLS - 2 - rw - 3;
	const char *said = cui_said();
	attr_t a = theme(said ? TH_ALERT : TH_STATUS);
	draw_fill(y, theme(TH_STATUS));
	if (said) {
		/* A result: its whole sentence over the line. */
		draw_fill(y, a);
		draw_cell(y, 1, COLS - 2, said, a, 0);
		return;
	}
	if (lw > 0)
		draw_cell(y, 1, lw, buf, a, 0);
	draw_cell(y, COLS - 1 - rw, rw, right, theme(TH_STATUS), 0);
}

/* The search line: what is typed, with a block for the cursor while
 * typing; the count of matches. */
static void draw_search(struct ui_app *app)
{
	char count[64];
	snprintf(count, sizeof count, _("%d found"), rv_rows(app->rv));
	cui_search(LINES - 2, app->table->query, app->table->typing, NULL, count);
}

/* Keeps the cursor row on screen, with its section's title when the
 * cursor is on the section's first row. */
static void clamp(struct ui_app *app)
{
	struct table *t = app->table;
	const struct regview *rv = app->rv;
	int h = body_height(app), rows = rv_rows(rv), lines = rv_lines(rv);
	if (rows == 0) {
		t->rows.cur = -1;
		t->rows.top = 0;
		return;
	}
	if (t->rows.cur < 0)
		t->rows.cur = 0;
	if (t->rows.cur >= rows)
		t->rows.cur = rows - 1;
	int line = rv_line_of_row(rv, t->rows.cur);
	if (rv_row_of_line(rv, line - 1) < 0)     /* a title just above */
		line--;
	if (line < t->rows.top)
		t->rows.top = line;
	line = rv_line_of_row(rv, t->rows.cur);
	if (line >= t->rows.top + h)
		t->rows.top = line - h + 1;
	if (t->rows.top > lines - h)
		t->rows.top = lines - h;
	if (t->rows.top < 0)
		t->rows.top = 0;
}

/* After the view changed, puts the cursor back on its row (regtable.h). */
static void table_sync(struct ui_app *app)
{
	struct table *t = app->table;
	unsigned gen = rv_generation(app->rv);
	if (t->gen == gen)
		return;
	t->gen = gen;
	int at = t->cur_id ? rv_row_index(app->rv, t->cur_id) : -1;
	if (at >= 0)
		t->rows.cur = at;
}

void table_draw(struct ui_app *app)
{
	struct table *t = app->table;
	struct regview *rv = app->rv;
	int w[TABLE_NCOL], h = body_height(app);
	/* A step taken on another screen (a publication) moved the register on. */
	if (rv_follow(rv) > 0)
		table_home(t);
	table_sync(app);
	clamp(app);
	/* Not at every key: only once the view was read again or the
	 * language changed. */
	if (!t->body_w || t->body_w_gen != rv_generation(rv) || strcmp(t->body_w_lang, rv_lang(rv))) {
		t->body_w = ref_body_widest(app->db, rv_lang(rv));
		t->body_w_gen = rv_generation(rv);
		snprintf(t->body_w_lang, sizeof t->body_w_lang, "%s", rv_lang(rv));
	}
	table_col_widths(t, rv, w);
	draw_title(app);
	draw_fill(1, theme(TH_HEAD));
	int sorted = rv_sort_by(rv) == RV_BY_NAME ? TABLE_NAME : -1;
	for (int c = 0; c < TABLE_NCOL && sorted < 0; c++)
		if (table_col_sort(c) == rv_sort_by(rv))
			sorted = c;
	for (int c = 0, x = 0; c < TABLE_NCOL; c++) {
		if (!w[c])
			continue;
		attr_t a = theme(TH_HEAD) | (c == sorted ? A_UNDERLINE : 0);
		draw_cell(1, x, w[c], table_col_head(c, w[c]), a, c == TABLE_NUM);
		x += w[c] + 1;
	}
	int n = rv_window(rv, t->rows.top, h);
	int cur_line = t->rows.cur < 0 ? -1 : rv_line_of_row(rv, t->rows.cur);
	for (int i = 0; i < h; i++) {
		const struct rv_line *l = i < n ? rv_line(rv, t->rows.top + i) : NULL;
		if (l)
			draw_row(2 + i, l, w, t->rows.top + i == cur_line);
		else
			draw_fill(2 + i, theme(TH_NORMAL));
		if (l && t->rows.top + i == cur_line)
			t->cur_id = l->id;
	}
	draw_status(app);
	if (search_shown(app))
		draw_search(app);
}

int64_t table_cursor_id(struct ui_app *app)
{
	/* The language or the order may have changed since the last draw. */
	table_sync(app);
	clamp(app);
	if (app->table->rows.cur < 0)
		return 0;
	int line = rv_line_of_row(app->rv, app->table->rows.cur);
	if (line < 0 || rv_window(app->rv, line, 1) < 1)
		return 0;
	const struct rv_line *l = rv_line(app->rv, line);
	return l ? l->id : 0;
}

/* The moving keys move the cursor by rows and the window by lines; clamp
 * then fits them together. */
static enum ui_result act_move(struct ui_app *app)
{
	struct ui_list *l = &app->table->rows;
	l->n = rv_rows(app->rv);
	l->h = body_height(app);
	list_move(l, app->key);
	clamp(app);
	return UI_REDRAW;
}

/* Each change of the query narrows the view at once; a query the view
 * cannot use (not UTF-8) leaves the rows as they were. */
static void search_apply(struct ui_app *app)
{
	rv_set_search(app->rv, app->table->query);
	table_home(app->table);
}

static enum ui_result act_search(struct ui_app *app)
{
	struct table *t = app->table;
	t->typing = 1;
	snprintf(t->query, sizeof t->query, "%s", rv_search(app->rv));
	return UI_REDRAW;
}

static enum ui_result act_clear_search(struct ui_app *app)
{
	struct table *t = app->table;
	if (!*rv_search(app->rv) && !t->typing)
		return UI_HANDLED;
	t->typing = 0;
	t->query[0] = 0;
	search_apply(app);
	return UI_REDRAW;
}

static enum ui_result search_input(struct ui_app *app, int key)
{
	struct table *t = app->table;
	cui_clear();            /* what the last key said gives way to the next */
	if (!t->typing)
		return UI_PASS;
	if (key == 27)
		return act_clear_search(app);
	if (key == '\r' || key == '\n' || key == KEY_ENTER) {
		t->typing = 0;
		return UI_REDRAW;
	}
	switch (field_key_end(t->query, sizeof t->query, key)) {
	case FIELD_PASS: return UI_PASS;       /* arrows, F-keys: the table's actions */
	case FIELD_CHANGED: search_apply(app); break;
	case FIELD_MOVED: break;
	}
	return UI_REDRAW;
}

static enum ui_result sort_step(struct ui_app *app, int by)
{
	int s = ((int)rv_sort_by(app->rv) + by + RV_NSORT) % RV_NSORT;
	rv_set_sort(app->rv, (enum rv_sort)s, 0);
	table_home(app->table);
	return UI_REDRAW;
}
static enum ui_result act_sort_next(struct ui_app *app) { return sort_step(app, 1); }
static enum ui_result act_sort_prev(struct ui_app *app) { return sort_step(app, -1); }

static enum ui_result act_view(struct ui_app *app)
{
	int64_t id = table_cursor_id(app);
	if (!id)
		return UI_HANDLED;
	detail_open(app, id);
	return UI_REDRAW;
}

static enum ui_result act_filter(struct ui_app *app)
{
	filter_open(app);
	return UI_REDRAW;
}

/* The form runs over the screen; when it changed the register the view
 * re-reads its counts. */
static enum ui_result after_form(struct ui_app *app, int changed)
{
	if (changed)
		rv_reload(app->rv);
	return UI_REDRAW;
}

static enum ui_result act_edit(struct ui_app *app)
{
	int64_t id = table_cursor_id(app);
	return id ? after_form(app, form_edit_row(app->db, id)) : UI_HANDLED;
}

static enum ui_result act_new(struct ui_app *app)
{
	return after_form(app, form_new_row(app->db));
}

static enum ui_result act_delete(struct ui_app *app)
{
	int64_t id = table_cursor_id(app);
	return id ? after_form(app, form_delete_row(app->db, id)) : UI_HANDLED;
}

/* Moves the row under the cursor a place up or down in the draft's
 * official order; the cursor stays on it (it follows the row's id), and
 * its number changes in every order. */
static enum ui_result order_step(struct ui_app *app, int by)
{
	int64_t id = table_cursor_id(app);
	if (!id)
		return UI_HANDLED;
	char err[512];
	int num = 0, rc = regorder_move(app->db, id, by, &num, err, sizeof err);
	if (rc)
		dlg_message(_("Not moved"), rc == REG_DENIED && *err ? err
		                            : reg_status_why(app->db, rc, err, sizeof err));
	rv_reload(app->rv);
	return UI_REDRAW;
}
static enum ui_result act_order_up(struct ui_app *app) { return order_step(app, -1); }
static enum ui_result act_order_down(struct ui_app *app) { return order_step(app, 1); }

/* '/' is where '.' is on the Russian and Kazakh layouts; '<' and '>' are
 * Б and Ю there. */
static const struct ui_action register_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{3, {0}, NULL, N_("View"),
	 N_("Show every field of the row in both languages, its proposal and its history"),
	 act_view, SET_ACT_VIEW},
	{4, {0}, NULL, N_("Edit"), N_("Change the row under the cursor"), act_edit, SET_ACT_EDIT},
	{5, {0}, NULL, N_("New"), N_("Add a row to the draft"), act_new, SET_ACT_NEW},
	{6, {0}, NULL, N_("Filter"),
	 N_("Filter by section, body, level and profile; choose the sort and the columns"),
	 act_filter, SET_ACT_FILTER},
	{7, {'/', '.', 0}, N_("/ or ."), N_("Search"),
	 N_("Search by code or by name in either language as you type; Enter keeps the "
	    "result, Esc clears it"), act_search, SET_ACT_SEARCH},
	{8, {0}, NULL, N_("Delete"), N_("Delete the row under the cursor"), act_delete, SET_ACT_DELETE},
	{9, {0}, NULL, N_("Menu"),
	 N_("Open the menu: reference data, calendar, the cycle's screens, backup"), act_menu,
	 SET_ACT_MENU},
	{10, {0}, NULL, N_("Quit"), N_("Leave the program"), act_quit, SET_ACT_QUIT},
	{0, {27, 0}, N_("Esc"), NULL, N_("Clear the search and show every row again"),
	 act_clear_search, 0},
	{0, {'>', 0x42E, 0}, N_("> or Ю"), NULL, N_("Sort by the next column"), act_sort_next, 0},
	{0, {'<', 0x411, 0}, N_("< or Б"), NULL, N_("Sort by the previous column"), act_sort_prev, 0},
	{0, {KEY_SR, '-', 0}, N_("Shift+Up or -"), NULL,
	 N_("Move the row a place up in the draft's official order and numbering"), act_order_up, 0},
	{0, {KEY_SF, '+', 0}, N_("Shift+Down or +"), NULL,
	 N_("Move the row a place down in the draft's official order and numbering"), act_order_down, 0},
	UI_LIST_KEYS(act_move, N_("Move to the previous row"), N_("Move to the next row"),
	             N_("Move a page up"), N_("Move a page down"), N_("Go to the first row"),
	             N_("Go to the last row")),
};

/* The draft's keys (moving a row in its order too) are offered to whoever
 * may change the draft now. */
static int register_may(struct ui_app *app, const struct ui_action *a, char *why, size_t len)
{
	if (a->run == act_edit || a->run == act_new || a->run == act_delete || a->run == act_order_up ||
	    a->run == act_order_down)
		return reg_may_edit(app->db, why, len);
	return 0;
}

const struct ui_screen register_screen = {
	.actions = register_actions,
	.nactions = (int)(sizeof register_actions / sizeof *register_actions),
	.draw = table_draw,
	.about = N_("The Register of Professions, section by section: the draft being prepared or a published "
	          "version. F3 shows a row in full; the keys below are those you may use now. When the draft "
	          "is ready, the cycle goes on from F9 Menu, Cycle."),
	.input = search_input,
	.may = register_may,
};
