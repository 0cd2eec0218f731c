#include "kit/widgets.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/help.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kit/theme.h"

/* ---- the status line ---------------------------------------------------- */

static struct { char text[640]; char lang[4]; int alert; } said;

void cui_say(int alert, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(said.text, sizeof said.text, fmt, ap);
	va_end(ap);
	snprintf(said.lang, sizeof said.lang, "%s", i18n_lang());
	said.alert = alert;
}

void cui_clear(void) { said.text[0] = 0; }

void cui_status(int y, const char *text)
{
	int mine = said.text[0] && !strcmp(said.lang, i18n_lang());
	attr_t a = theme(mine && said.alert ? TH_ALERT : TH_STATUS);
	draw_fill(y, a);
	draw_cell(y, 1, COLS - 2, mine ? said.text : text, a, 0);
}

void cui_title(const char *text)
{
	draw_fill(0, theme(TH_TITLE));
	draw_cell(0, 1, COLS - 2, text, theme(TH_TITLE), 0);
}

void cui_box(int y, int x, int h, int w, const char *title)
{
	attr_t a = theme(TH_DIALOG);
	for (int i = 0; i < h; i++)
		draw_cell(y + i, x, w, "", a, 0);
	attron(a);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attroff(a);
	if (title && *title) {
		int tw = text_width(title) + 2;
		if (tw > w - 4)
			tw = w - 4;
		draw_cell(y, x + (w - tw) / 2, tw, "", a | A_BOLD, 0);
		draw_cell(y, x + (w - tw) / 2 + 1, tw - 2, title, a | A_BOLD, 0);
	}
}

static void draw_under(struct ui_app *app)
{
	const struct ui_screen *s = ui_below(app);
	if (s)
		s->draw(app);
}

/* ---- the dialog --------------------------------------------------------- */

static struct {
	const char *title;
	struct cui_field f[CUI_MAX_FIELDS];
	int n, at;
	cui_done_fn done;
} dlg;

static void dialog_draw(struct ui_app *app)
{
	draw_under(app);
	int w = COLS - 8 < 72 ? COLS - 8 : 72, h = dlg.n * 2 + 3;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	cui_box(y, x, h, w, _(dlg.title));
	int lw = 0;
	for (int i = 0; i < dlg.n; i++)
		if (text_width(_(dlg.f[i].label)) > lw)
			lw = text_width(_(dlg.f[i].label));
	if (lw > w / 3)
		lw = w / 3;
	for (int i = 0; i < dlg.n; i++) {
		int fy = y + 2 + i * 2, vx = x + 3 + lw, vw = w - lw - 5;
		draw_cell(fy, x + 2, lw, _(dlg.f[i].label), theme(TH_DIALOG), 0);
		/* The end of a long value stays in sight while it is typed. */
		const char *v = dlg.f[i].value;
		while (text_width(v) > vw - 1)
			v += text_next(v, &(unsigned){0});
		draw_cell(fy, vx, vw, v, i == dlg.at ? theme(TH_CURSOR) : theme(TH_NORMAL), 0);
	}
}

static void utf8_append(char *buf, size_t len, unsigned cp)
{
	char e[5] = {0};
	if (cp < 0x80) {
		e[0] = (char)cp;
	} else if (cp < 0x800) {
		e[0] = (char)(0xC0 | cp >> 6);
		e[1] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		e[0] = (char)(0xE0 | cp >> 12);
		e[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		e[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		e[0] = (char)(0xF0 | cp >> 18);
		e[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		e[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		e[3] = (char)(0x80 | (cp & 0x3F));
	}
	size_t n = strlen(buf);
	if (n + strlen(e) < len)
		memcpy(buf + n, e, strlen(e) + 1);
}

static enum ui_result dialog_input(struct ui_app *app, int key)
{
	(void)app;
	char *v = dlg.f[dlg.at].value;
	if (key == KEY_BACKSPACE || key == 127 || key == 8) {
		size_t n = strlen(v);
		while (n && ((unsigned char)v[n - 1] & 0xC0) == 0x80)
			n--;
		if (n)
			v[n - 1] = 0;
		return UI_REDRAW;
	}
	if (key == KEY_UP || key == KEY_BTAB) {
		dlg.at = (dlg.at + dlg.n - 1) % dlg.n;
		return UI_REDRAW;
	}
	if (key == KEY_DOWN || key == '\t') {
		dlg.at = (dlg.at + 1) % dlg.n;
		return UI_REDRAW;
	}
	int c = ui_key_char(key);
	if (c >= 0x20 && c != 127) {
		utf8_append(v, sizeof dlg.f[0].value, (unsigned)c);
		return UI_REDRAW;
	}
	return UI_PASS;
}

static enum ui_result dialog_ok(struct ui_app *app)
{
	app->depth--;
	dlg.done(app, dlg.f, dlg.n);
	return UI_REDRAW;
}

/* Typed into the field by dialog_input; here for the help's sake. */
static enum ui_result dialog_move(struct ui_app *app) { (void)app; return UI_HANDLED; }

static const struct ui_action dialog_actions[] = {
	{1, {0}, NULL, N_("Help"), N_("Show the keys of this screen"), act_help},
	{2, {0}, NULL, N_("Language"),
	 N_("Switch everything on screen between Kazakh and Russian"), act_language},
	{10, {27, 0}, N_("Esc"), N_("Cancel"), N_("Close the dialog and change nothing"), act_close},
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL, N_("Do it with the values typed"), dialog_ok},
	{0, {KEY_UP, KEY_DOWN, '\t', 0}, N_("Up, Down, Tab"), NULL, N_("Go to another field"), dialog_move},
};

static const struct ui_screen dialog_screen = {
	.actions = dialog_actions,
	.nactions = (int)(sizeof dialog_actions / sizeof *dialog_actions),
	.draw = dialog_draw,
	.input = dialog_input,
};

void cui_dialog(struct ui_app *app, const char *title, const struct cui_field *f, int n,
                cui_done_fn done)
{
	dlg.title = title;
	dlg.n = n > CUI_MAX_FIELDS ? CUI_MAX_FIELDS : n;
	memcpy(dlg.f, f, (size_t)dlg.n * sizeof *f);
	dlg.at = 0;
	dlg.done = done;
	ui_push(app, &dialog_screen);
}

/* ---- the text view ------------------------------------------------------ */

struct cui_line_s { attr_t a; char *label, *text; };
struct cui_lines { struct cui_line_s *e; int n, cap; };

static void lines_add(struct cui_lines *l, attr_t a, const char *label, const char *text)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 32;
		struct cui_line_s *e = realloc(l->e, (size_t)cap * sizeof *e);
		if (!e)
			return;
		l->e = e;
		l->cap = cap;
	}
	l->e[l->n++] = (struct cui_line_s){a, label ? strdup(label) : NULL, strdup(text ? text : "")};
}

void cui_line(struct cui_lines *l, attr_t a, const char *text) { lines_add(l, a, NULL, text); }
void cui_pair(struct cui_lines *l, const char *label, const char *value)
{
	lines_add(l, theme(TH_NORMAL), label, value);
}
void cui_heading(struct cui_lines *l, const char *text)
{
	lines_add(l, theme(TH_NORMAL), NULL, "");
	lines_add(l, theme(TH_HEAD), NULL, text);
}

static struct { cui_fill_fn fill; int top, total; } view;

static int view_height(void) { return LINES - 3; }

/* Lays the lines out from line 0 and draws those inside the window. */
static void view_draw(struct ui_app *app)
{
	struct cui_lines l = {0};
	char title[512] = "";
	view.fill(app, &l, title, sizeof title);
	cui_title(title);
	int lw = 0;
	for (int i = 0; i < l.n; i++)
		if (l.e[i].label && text_width(l.e[i].label) > lw)
			lw = text_width(l.e[i].label);
	if (lw > COLS / 3)
		lw = COLS / 3;
	int h = view_height(), y = 0;
	for (int pass = 0; pass < 2; pass++) {
		y = 0;
		for (int i = 0; i < l.n; i++) {
			const struct cui_line_s *e = &l.e[i];
			int x = e->label ? lw + 4 : 2, w = COLS - x - 1;
			const char *s = e->text;
			int first = 1;
			do {
				size_t fit = *s ? draw_wrap_next(s, w) : 0;
				if (pass && y >= view.top && y < view.top + h) {
					char *part = strndup(s, fit);
					if (first && e->label)
						draw_cell(1 + y - view.top, 2, lw, e->label, theme(TH_SECTION), 0);
					draw_cell(1 + y - view.top, x, w, part ? part : "", e->a, 0);
					free(part);
				}
				first = 0;
				s += fit;
				while (*s == ' ')
					s++;
				y++;
			} while (*s);
		}
		view.total = y;
		if (view.top > view.total - h)
			view.top = view.total - h;
		if (view.top < 0)
			view.top = 0;
	}
	char pos[96];
	snprintf(pos, sizeof pos, _("Lines %d-%d of %d"), view.total ? view.top + 1 : 0,
	         view.top + h < view.total ? view.top + h : view.total, view.total);
	cui_status(LINES - 2, pos);
	for (int i = 0; i < l.n; i++) {
		free(l.e[i].label);
		free(l.e[i].text);
	}
	free(l.e);
}

static enum ui_result view_scroll(int by)
{
	view.top += by;
	if (view.top > view.total - view_height())
		view.top = view.total - view_height();
	if (view.top < 0)
		view.top = 0;
	return UI_REDRAW;
}

static enum ui_result view_up(struct ui_app *app) { (void)app; return view_scroll(-1); }
static enum ui_result view_down(struct ui_app *app) { (void)app; return view_scroll(1); }
static enum ui_result view_pgup(struct ui_app *app) { (void)app; return view_scroll(-(view_height() - 1)); }
static enum ui_result view_pgdn(struct ui_app *app) { (void)app; return view_scroll(view_height() - 1); }
static enum ui_result view_home(struct ui_app *app) { (void)app; view.top = 0; return UI_REDRAW; }
static enum ui_result view_end(struct ui_app *app) { (void)app; return view_scroll(view.total); }

static const struct ui_action view_actions[] = {
	{1, {0}, NULL, N_("Help"), N_("Show the keys of this screen"), act_help},
	{2, {0}, NULL, N_("Language"),
	 N_("Switch everything on screen between Kazakh and Russian"), act_language},
	{10, {27, 0}, N_("Esc"), N_("Close"), N_("Back to the list"), act_close},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("Scroll up a line"), view_up},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("Scroll down a line"), view_down},
	{0, {KEY_PPAGE, 0}, N_("PgUp"), NULL, N_("Scroll a page up"), view_pgup},
	{0, {KEY_NPAGE, 0}, N_("PgDn"), NULL, N_("Scroll a page down"), view_pgdn},
	{0, {KEY_HOME, 0}, N_("Home"), NULL, N_("Go to the top"), view_home},
	{0, {KEY_END, 0}, N_("End"), NULL, N_("Go to the end"), view_end},
};

static const struct ui_screen view_screen = {
	.actions = view_actions,
	.nactions = (int)(sizeof view_actions / sizeof *view_actions),
	.draw = view_draw,
};

void cui_view(struct ui_app *app, cui_fill_fn fill)
{
	view.fill = fill;
	view.top = 0;
	view.total = 0;
	ui_push(app, &view_screen);
}

/* ---- the chooser -------------------------------------------------------- */

static struct { const char *title; const struct cui_choice *c; int n, at; } ch;

static void choose_draw(struct ui_app *app)
{
	draw_under(app);
	int w = 0;
	for (int i = 0; i < ch.n; i++)
		if (text_width(_(ch.c[i].label)) > w)
			w = text_width(_(ch.c[i].label));
	if (text_width(_(ch.title)) > w)
		w = text_width(_(ch.title));
	w += 6;
	if (w > COLS - 4)
		w = COLS - 4;
	int h = ch.n + 2;
	if (h > LINES - 2)
		h = LINES - 2;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	cui_box(y, x, h, w, _(ch.title));
	for (int i = 0; i < ch.n && i < h - 2; i++)
		draw_cell(y + 1 + i, x + 2, w - 4, _(ch.c[i].label),
		          i == ch.at ? theme(TH_CURSOR) : theme(TH_DIALOG), 0);
}

static enum ui_result choose_up(struct ui_app *app) { (void)app; ch.at = (ch.at + ch.n - 1) % ch.n; return UI_REDRAW; }
static enum ui_result choose_down(struct ui_app *app) { (void)app; ch.at = (ch.at + 1) % ch.n; return UI_REDRAW; }

static enum ui_result choose_ok(struct ui_app *app)
{
	app->depth--;
	ch.c[ch.at].run(app);
	return UI_REDRAW;
}

static const struct ui_action choose_actions[] = {
	{1, {0}, NULL, N_("Help"), N_("Show the keys of this screen"), act_help},
	{2, {0}, NULL, N_("Language"),
	 N_("Switch everything on screen between Kazakh and Russian"), act_language},
	{10, {27, 0}, N_("Esc"), N_("Cancel"), N_("Close the list and do nothing"), act_close},
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL, N_("Do the chosen step"), choose_ok},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("The step above"), choose_up},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("The step below"), choose_down},
};

static const struct ui_screen choose_screen = {
	.actions = choose_actions,
	.nactions = (int)(sizeof choose_actions / sizeof *choose_actions),
	.draw = choose_draw,
};

void cui_choose(struct ui_app *app, const char *title, const struct cui_choice *c, int n)
{
	ch.title = title;
	ch.c = c;
	ch.n = n;
	ch.at = 0;
	ui_push(app, &choose_screen);
}

/* ---- a list's cursor ---------------------------------------------------- */

void cui_list_fit(struct cui_list *l, int h)
{
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < 0)
		l->cur = 0;
	if (h < 1)
		h = 1;
	if (l->top > l->cur)
		l->top = l->cur;
	if (l->top < l->cur - h + 1)
		l->top = l->cur - h + 1;
	if (l->top > l->n - h)
		l->top = l->n - h;
	if (l->top < 0)
		l->top = 0;
}

int cui_list_key(struct cui_list *l, int key, int h)
{
	switch (key) {
	case KEY_UP: l->cur--; break;
	case KEY_DOWN: l->cur++; break;
	case KEY_PPAGE: l->cur -= h - 1; l->top -= h - 1; break;
	case KEY_NPAGE: l->cur += h - 1; l->top += h - 1; break;
	case KEY_HOME: l->cur = 0; break;
	case KEY_END: l->cur = l->n - 1; break;
	default: return 0;
	}
	cui_list_fit(l, h);
	return 1;
}
