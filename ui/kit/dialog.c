#include "kit/dialog.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/textedit.h"
#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "kit/theme.h"
#include "kit/timing.h"

enum { MIN_COLS = 80, MIN_LINES = 24, MAX_LAYERS = 8 };

static struct { dlg_draw_fn draw; void *ctx; } layers[MAX_LAYERS];
static int nlayers;
/* Only a resize (or a too small screen) wipes what is under the first
 * layer: a question over the register leaves the register in view. */
static int wipe;

void dlg_layer_push(dlg_draw_fn draw, void *ctx)
{
	if (nlayers < MAX_LAYERS) {
		layers[nlayers].draw = draw;
		layers[nlayers].ctx = ctx;
	}
	nlayers++;
}

void dlg_layer_pop(void)
{
	if (nlayers > 0)
		nlayers--;
}

int dlg_fits(void)
{
	return COLS >= MIN_COLS && LINES >= MIN_LINES;
}

void dlg_too_small(void)
{
	char buf[160];
	snprintf(buf, sizeof buf, _("terminal too small: need %dx%d, have %dx%d"),
	         MIN_COLS, MIN_LINES, COLS, LINES);
	draw_wrap(LINES > 2 ? LINES / 2 - 1 : 0, COLS > 2 ? 1 : 0, COLS > 2 ? COLS - 2 : COLS,
	          LINES, buf, theme(TH_ALERT));
}

void dlg_repaint(void)
{
	attrset(theme(TH_NORMAL));
	if (wipe || !dlg_fits())
		erase();
	wipe = !dlg_fits();
	if (!dlg_fits()) {
		dlg_too_small();
	} else {
		for (int i = 0; i < nlayers && i < MAX_LAYERS; i++)
			layers[i].draw(layers[i].ctx);
	}
	refresh();
}

/* As the main loop: Esc then a digit is that F-key; a resize also wipes the
 * layers' leftovers. */
int dlg_key(void)
{
	int k = timing_read_key();
	if (k == KEY_RESIZE)
		wipe = 1;
	return k;
}

void dlg_box(int y, int x, int h, int w, const char *title)
{
	attr_t a = theme(TH_DIALOG);
	for (int i = 0; i < h; i++)
		draw_cell(y + i, x, w, "", a, 0);
	attrset(a);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	if (title && *title) {
		char t[256];
		snprintf(t, sizeof t, " %s ", title);
		int tw = text_width(t);
		if (tw > w - 4)
			tw = w - 4;
		draw_cell(y, x + (w - tw) / 2, tw, t, a | A_BOLD, 0);
	}
}

/* Lines the text takes at width w, paragraphs kept; draws them from y when
 * draw is set (at most max lines). */
static int wrap_text(const char *text, int y, int x, int w, int max, int draw)
{
	int used = 0;
	const char *p = text;
	while (used < max) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *para = strndup(p, len);
		if (!para)
			break;
		if (!*para) {
			used++;
		} else if (draw) {
			used += draw_wrap(y + used, x, w, max - used, para, theme(TH_DIALOG));
		} else {
			for (const char *s = para; *s && used < max; used++) {
				s += draw_wrap_next(s, w);
				while (*s == ' ')
					s++;
			}
		}
		free(para);
		if (!nl)
			break;
		p = nl + 1;
	}
	return used;
}

struct choice {
	const char *title, *text;
	const char *const *labels;
	int n, sel;
};

static void choice_draw(void *ctx)
{
	struct choice *c = ctx;
	int bw = 0;
	for (int i = 0; i < c->n; i++)
		bw += text_width(c->labels[i]) + 6;
	int w = COLS - 8 < 72 ? COLS - 8 : 72;
	if (bw + 4 > w)
		w = bw + 4 < COLS - 2 ? bw + 4 : COLS - 2;
	int tw = w - 4;
	int lines = wrap_text(c->text, 0, 0, tw, LINES - 6, 0);
	int h = lines + 4, y = (LINES - h) / 2, x = (COLS - w) / 2;
	dlg_box(y, x, h, w, c->title);
	wrap_text(c->text, y + 1, x + 2, tw, lines, 1);
	/* Buttons centred on the last inner line: [ Label ], the chosen one lit. */
	int bx = x + (w - bw) / 2 + 1, by = y + h - 2;
	for (int i = 0; i < c->n; i++) {
		char b[256];
		snprintf(b, sizeof b, "[ %s ]", c->labels[i]);
		int lw = text_width(b);
		if (bx + lw > x + w - 1)
			lw = x + w - 1 - bx;
		if (lw <= 0)
			break;
		draw_cell(by, bx, lw, b, i == c->sel ? theme(TH_CURSOR) | A_BOLD : theme(TH_DIALOG), 0);
		if (i == c->sel)
			move(by, bx + 2);
		bx += lw + 2;
	}
}

static int dlg_choice_from(const char *title, const char *text, const char *const labels[], int n,
                           int sel)
{
	struct choice c = {title, text, labels, n, sel};
	dlg_layer_push(choice_draw, &c);
	int result = -1;
	while (result < 0) {
		dlg_repaint();
		int k = dlg_key();
		switch (k) {
		case KEY_LEFT: case KEY_BTAB: case KEY_UP:
			c.sel = (c.sel + n - 1) % n;
			break;
		case KEY_RIGHT: case '\t': case KEY_DOWN:
			c.sel = (c.sel + 1) % n;
			break;
		case '\r': case '\n': case KEY_ENTER:
			result = c.sel;
			break;
		case 27: case KEY_F(10):
			result = n - 1;
			break;
		default:
			break;
		}
	}
	dlg_layer_pop();
	return result;
}

int dlg_choice(const char *title, const char *text, const char *const labels[], int n)
{
	return dlg_choice_from(title, text, labels, n, 0);
}

int dlg_choice_at(const char *title, const char *text, const char *const labels[], int n, int sel)
{
	return dlg_choice_from(title, text, labels, n, sel >= 0 && sel < n ? sel : 0);
}

void dlg_message(const char *title, const char *text)
{
	const char *ok[] = {_("OK")};
	dlg_choice(title, text, ok, 1);
}

int dlg_confirm(const char *title, const char *text)
{
	const char *yn[] = {_("Yes"), _("No")};
	return dlg_choice(title, text, yn, 2) == 0;
}

int dlg_confirm_no(const char *title, const char *text)
{
	const char *yn[] = {_("Yes"), _("No")};
	return dlg_choice_from(title, text, yn, 2, 1) == 0;
}

/* ---- a dialog of text fields -------------------------------------------- */

static struct {
	const char *title;
	struct dlg_field f[DLG_MAX_FIELDS];
	int n, at;
	dlg_done_fn done;
} fd;

/* A value wraps over up to this many lines at whole words (a remark, a
 * comment); the end, where the typing is, stays in view. */
enum { FIELD_ROWS = 4 };

static int fields_rows(int i, int vw, size_t *start, size_t *len, int *first)
{
	struct textedit t;
	if (te_init(&t, fd.f[i].value))
		return 1;
	int row;
	int n = te_wrap(&t, vw, start, len, 64, &row, NULL);
	te_free(&t);
	int shown = n < FIELD_ROWS ? n : FIELD_ROWS;
	*first = row >= shown ? row - shown + 1 : 0;
	return shown;
}

static void fields_draw(struct ui_app *app)
{
	ui_draw_below(app);
	/* As wide as the terminal allows, so that a remark reads as a text. */
	int w = COLS - 8 < 110 ? COLS - 8 : 110;
	int lw = 0;
	for (int i = 0; i < fd.n; i++)
		if (text_width(_(fd.f[i].label)) > lw)
			lw = text_width(_(fd.f[i].label));
	if (lw > w / 3)
		lw = w / 3;
	int vw = w - lw - 5, rows[DLG_MAX_FIELDS], first[DLG_MAX_FIELDS], h = 3;
	size_t start[64], len[64];
	for (int i = 0; i < fd.n; i++) {
		rows[i] = fields_rows(i, vw, start, len, &first[i]);
		h += rows[i] + 1;
	}
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	dlg_box(y, x, h, w, _(fd.title));
	int fy = y + 2;
	for (int i = 0; i < fd.n; i++) {
		int vx = x + 3 + lw;
		attr_t a = i == fd.at ? theme(TH_CURSOR) : theme(TH_NORMAL);
		draw_cell(fy, x + 2, lw, _(fd.f[i].label), theme(TH_DIALOG), 0);
		fields_rows(i, vw, start, len, &first[i]);
		for (int r = 0; r < rows[i]; r++) {
			char *part = strndup(fd.f[i].value + start[first[i] + r], len[first[i] + r]);
			draw_cell(fy + r, vx, vw, part ? part : "", a, 0);
			free(part);
		}
		fy += rows[i] + 1;
	}
}

static enum ui_result fields_input(struct ui_app *app, int key)
{
	(void)app;
	return field_key_end(fd.f[fd.at].value, sizeof fd.f[0].value, key) == FIELD_PASS ? UI_PASS
	                                                                                 : UI_REDRAW;
}

static enum ui_result fields_ok(struct ui_app *app)
{
	app->depth--;
	fd.done(app, fd.f, fd.n);
	return UI_REDRAW;
}

static enum ui_result fields_move(struct ui_app *app)
{
	int back = app->key == KEY_UP || app->key == KEY_BTAB;
	fd.at = (fd.at + (back ? fd.n - 1 : 1)) % fd.n;
	return UI_REDRAW;
}

static const struct ui_action fields_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{10, {27, 0}, N_("Esc"), N_("Cancel"), N_("Close the dialog and change nothing"), act_close, 0},
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL, N_("Do it with the values typed"),
	 fields_ok, 0},
	{0, {KEY_UP, KEY_DOWN, '\t', KEY_BTAB}, N_("Up, Down, Tab"), NULL, N_("Go to another field"),
	 fields_move, 0},
};

static const struct ui_screen fields_screen = {
	.actions = fields_actions,
	.nactions = (int)(sizeof fields_actions / sizeof *fields_actions),
	.draw = fields_draw,
	.input = fields_input,
};

void dlg_fields_again(struct ui_app *app)
{
	ui_push(app, &fields_screen);
}

void dlg_fields(struct ui_app *app, const char *title, const struct dlg_field *f, int n,
                dlg_done_fn done)
{
	fd.title = title;
	fd.n = n > DLG_MAX_FIELDS ? DLG_MAX_FIELDS : n;
	memcpy(fd.f, f, (size_t)fd.n * sizeof *f);
	fd.at = 0;
	fd.done = done;
	ui_push(app, &fields_screen);
}

/* ---- a list of things to do --------------------------------------------- */

static struct { const char *title; const struct dlg_item *it; int n, at; } dl;

static void list_draw(struct ui_app *app)
{
	ui_draw_below(app);
	int w = text_width(_(dl.title));
	for (int i = 0; i < dl.n; i++)
		if (text_width(_(dl.it[i].label)) > w)
			w = text_width(_(dl.it[i].label));
	w += 6;
	if (w > COLS - 4)
		w = COLS - 4;
	int h = dl.n + 2;
	if (h > LINES - 2)
		h = LINES - 2;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	dlg_box(y, x, h, w, _(dl.title));
	for (int i = 0; i < dl.n && i < h - 2; i++)
		draw_cell(y + 1 + i, x + 2, w - 4, _(dl.it[i].label),
		          i == dl.at ? theme(TH_CURSOR) : theme(TH_DIALOG), 0);
}

static enum ui_result list_move(struct ui_app *app)
{
	dl.at = (dl.at + (app->key == KEY_UP ? dl.n - 1 : 1)) % dl.n;
	return UI_REDRAW;
}

static enum ui_result list_ok(struct ui_app *app)
{
	app->depth--;
	dl.it[dl.at].run(app);
	return UI_REDRAW;
}

static const struct ui_action list_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{10, {27, 0}, N_("Esc"), N_("Cancel"), N_("Close the list and do nothing"), act_close, 0},
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL, N_("Do the chosen step"), list_ok, 0},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("The step above"), list_move, 0},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("The step below"), list_move, 0},
};

static const struct ui_screen list_screen = {
	.actions = list_actions,
	.nactions = (int)(sizeof list_actions / sizeof *list_actions),
	.draw = list_draw,
};

void dlg_list(struct ui_app *app, const char *title, const struct dlg_item *items, int n)
{
	dl.title = title;
	dl.it = items;
	dl.n = n;
	dl.at = 0;
	ui_push(app, &list_screen);
}
