#include "kit/textview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/theme.h"
#include "kit/widgets.h"

struct tv_line { attr_t a, la; char *label, *text; };
struct tv_lines { struct tv_line *e; int n, cap; char *status; };

static void tv_add(struct tv_lines *l, attr_t a, attr_t la, const char *label, const char *text)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 32;
		struct tv_line *e = realloc(l->e, (size_t)cap * sizeof *e);
		if (!e)
			return;
		l->e = e;
		l->cap = cap;
	}
	char *t = strdup(text ? text : ""), *lab = label ? strdup(label) : NULL;
	if (!t || (label && !lab)) {
		free(t);
		free(lab);
		return;
	}
	l->e[l->n++] = (struct tv_line){a, la, lab, t};
}

void tv_line(struct tv_lines *l, attr_t a, const char *text) { tv_add(l, a, 0, NULL, text); }

void tv_pair_in(struct tv_lines *l, attr_t la, const char *label, const char *value)
{
	tv_add(l, theme(TH_NORMAL), la, label ? label : "", value);
}

void tv_pair(struct tv_lines *l, const char *label, const char *value)
{
	tv_pair_in(l, theme(TH_SECTION), label, value);
}

void tv_heading(struct tv_lines *l, const char *text)
{
	tv_add(l, theme(TH_NORMAL), 0, NULL, "");
	tv_add(l, theme(TH_HEAD), 0, NULL, text);
}

void tv_status(struct tv_lines *l, const char *text)
{
	free(l->status);
	l->status = strdup(text ? text : "");
}

static void tv_free(struct tv_lines *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->e[i].label);
		free(l->e[i].text);
	}
	free(l->e);
	free(l->status);
}

/* Lays the lines out from line 0 and, when draw is set, draws those in the
 * window; returns how many lines there are. */
static int tv_layout(const struct tv_lines *l, int lw, const struct ui_list *at, int draw)
{
	int y = 0;
	for (int i = 0; i < l->n; i++) {
		const struct tv_line *e = &l->e[i];
		int x = e->label ? lw + 4 : 2, w = COLS - x - 1;
		const char *s = e->text;
		int first = 1;
		do {
			size_t fit = *s ? draw_wrap_next(s, w) : 0;
			if (draw && y >= at->top && y < at->top + at->h) {
				char *part = strndup(s, fit);
				if (first && e->label)
					draw_cell(1 + y - at->top, 2, lw, e->label, e->la, 0);
				draw_cell(1 + y - at->top, x, w, part ? part : "", e->a, 0);
				free(part);
			}
			first = 0;
			s += fit;
			while (*s == ' ')
				s++;
			y++;
		} while (*s);
	}
	return y;
}

/* Each view's fill and place, by its depth on the screen stack. */
static struct { tv_fill_fn fill; struct ui_list at; } views[UI_MAX_DEPTH];

/* The view that is drawn: the one nearest the top (a box over a view draws
 * the view beneath itself; nothing draws a view under another view). */
static int tv_depth(const struct ui_app *app)
{
	int d = app->depth - 1;
	while (d > 0 && app->stack[d]->draw != tv_draw)
		d--;
	return d;
}

void tv_draw(struct ui_app *app)
{
	struct tv_lines l = {0};
	struct ui_list *at = &views[tv_depth(app)].at;
	char title[1024] = "";
	views[tv_depth(app)].fill(app, &l, title, sizeof title);
	cui_title(title);
	int lw = 0;
	for (int i = 0; i < l.n; i++)
		if (l.e[i].label && text_width(l.e[i].label) > lw)
			lw = text_width(l.e[i].label);
	if (lw > COLS / 3)
		lw = COLS / 3;
	at->h = LINES - 3;
	at->n = tv_layout(&l, lw, at, 0);
	list_scroll(at, 0);
	tv_layout(&l, lw, at, 1);
	int last = at->top + at->h < at->n ? at->top + at->h : at->n;
	char pos[640];
	int k = snprintf(pos, sizeof pos, _("Lines %d-%d of %d"), at->n ? at->top + 1 : 0, last, at->n);
	if (l.status && k >= 0 && (size_t)k < sizeof pos)
		snprintf(pos + k, sizeof pos - (size_t)k, "   %s", l.status);
	cui_status(LINES - 2, pos);
	tv_free(&l);
}

enum ui_result tv_scroll(struct ui_app *app)
{
	list_scroll(&views[tv_depth(app)].at, app->key);
	return UI_REDRAW;
}

void tv_push(struct ui_app *app, const struct ui_screen *s, tv_fill_fn fill)
{
	if (app->depth >= UI_MAX_DEPTH)
		return;
	views[app->depth].fill = fill;
	views[app->depth].at = (struct ui_list){0};
	ui_push(app, s);
}

/* ---- the common view ---------------------------------------------------- */

static const struct ui_action tv_common_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	UI_KEY_CLOSE(N_("Back to the list"), act_close),
	TV_SCROLL_KEYS,
};

static const struct ui_screen tv_common_screen = {
	.actions = tv_common_actions,
	.nactions = (int)(sizeof tv_common_actions / sizeof *tv_common_actions),
	.draw = tv_draw,
};

void tv_open(struct ui_app *app, tv_fill_fn fill)
{
	tv_push(app, &tv_common_screen, fill);
}
