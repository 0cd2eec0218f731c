#include "kit/dialog.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/draw.h"
#include "base/i18n.h"
#include "kit/screen.h"
#include "base/text.h"
#include "kit/theme.h"

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

void dlg_repaint(void)
{
	attrset(theme(TH_NORMAL));
	if (wipe || !dlg_fits())
		erase();
	wipe = !dlg_fits();
	if (!dlg_fits()) {
		char buf[160];
		snprintf(buf, sizeof buf, _("terminal too small: need %dx%d, have %dx%d"),
		         MIN_COLS, MIN_LINES, COLS, LINES);
		draw_wrap(LINES > 2 ? LINES / 2 - 1 : 0, COLS > 2 ? 1 : 0, COLS > 2 ? COLS - 2 : COLS,
		          LINES, buf, theme(TH_ALERT));
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
	int k = ui_read_key();
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

int dlg_choice(const char *title, const char *text, const char *const labels[], int n)
{
	struct choice c = {title, text, labels, n, 0};
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
