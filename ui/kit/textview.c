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

/* A word being looked for: the folded word, and the line to look from;
 * *found gets the first line at or after from that has it (or, wrapping
 * round, before it). */
struct tv_look { const char *folded; int from, found, first; };

static void tv_look_at(struct tv_look *k, int y, const char *part)
{
	if (!k || (k->found >= 0 && k->found >= k->from))
		return;
	char *f = text_fold(part);
	if (f && strstr(f, k->folded)) {
		if (y >= k->from && k->found < k->from)
			k->found = y;
		else if (k->first < 0)
			k->first = y;
	}
	free(f);
}

/* Lays the lines out from line 0 and, when draw is set, draws those in the
 * window (the line hit marked); returns how many lines there are. */
static int tv_layout(const struct tv_lines *l, int lw, const struct ui_list *at, int draw, int hit,
                     struct tv_look *look)
{
	int y = 0;
	for (int i = 0; i < l->n; i++) {
		const struct tv_line *e = &l->e[i];
		int x = e->label ? lw + 4 : 2, w = COLS - x - 1;
		const char *s = e->text;
		/* A label wider than its column wraps beside its value, so that
		 * two labels that differ at their ends are never cut alike. */
		const char *lab = e->label ? e->label : "";
		do {
			size_t fit = *s ? draw_wrap_next(s, w) : 0;
			size_t lfit = *lab ? draw_wrap_next(lab, lw) : 0;
			char *part = strndup(s, fit), *lpart = strndup(lab, lfit);
			if (look && part && lpart) {
				char *both = malloc(strlen(lpart) + strlen(part) + 2);
				if (both)
					sprintf(both, "%s %s", lpart, part);
				tv_look_at(look, y, both ? both : part);
				free(both);
			}
			if (draw && y >= at->top && y < at->top + at->h) {
				attr_t a = y == hit ? theme(TH_MARK) : e->a;
				if (e->label)
					draw_cell(1 + y - at->top, 2, lw, lpart ? lpart : "", y == hit ? a : e->la, 0);
				draw_cell(1 + y - at->top, x, w, part ? part : "", a, 0);
			}
			free(part);
			free(lpart);
			s += fit;
			while (*s == ' ')
				s++;
			lab += lfit;
			while (*lab == ' ')
				lab++;
			y++;
		} while (*s || *lab);
	}
	return y;
}

static int tv_label_width(const struct tv_lines *l)
{
	int lw = 0;
	for (int i = 0; i < l->n; i++)
		if (l->e[i].label && text_width(l->e[i].label) > lw)
			lw = text_width(l->e[i].label);
	return lw > COLS / 3 ? COLS / 3 : lw;
}

/* Each view's fill and place, by its depth on the screen stack. */
static struct {
	tv_fill_fn fill;
	struct ui_list at;
	int hit;                       /* the line a find marked, or -1 */
	const struct ui_screen *screen; /* whose draw calls tv_draw */
} views[UI_MAX_DEPTH];

/* The view that is drawn: the one nearest the top (a box over a view draws
 * the view beneath itself; nothing draws a view under another view). */
static int tv_depth(const struct ui_app *app)
{
	int d = app->depth - 1;
	while (d > 0 && app->stack[d]->draw != tv_draw && app->stack[d] != views[d].screen)
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
	int lw = tv_label_width(&l);
	at->h = LINES - 3;
	at->n = tv_layout(&l, lw, at, 0, -1, NULL);
	list_scroll(at, 0);
	tv_layout(&l, lw, at, 1, views[tv_depth(app)].hit, NULL);
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

int tv_find(struct ui_app *app, const char *word)
{
	int d = tv_depth(app);
	char *folded = text_fold(word);
	if (!folded || !*folded) {
		free(folded);
		return -1;
	}
	struct tv_lines l = {0};
	char title[1024] = "";
	views[d].fill(app, &l, title, sizeof title);
	struct ui_list *at = &views[d].at;
	struct tv_look k = {folded, views[d].hit >= 0 && views[d].hit >= at->top ? views[d].hit + 1
	                                                                        : at->top, -1, -1};
	tv_layout(&l, tv_label_width(&l), at, 0, -1, &k);
	tv_free(&l);
	free(folded);
	int y = k.found >= 0 ? k.found : k.first;
	if (y < 0)
		return -1;
	views[d].hit = y;
	at->top = y;
	at->cur = y;
	return 0;
}

void tv_push(struct ui_app *app, const struct ui_screen *s, tv_fill_fn fill)
{
	if (app->depth >= UI_MAX_DEPTH)
		return;
	views[app->depth].fill = fill;
	views[app->depth].at = (struct ui_list){0};
	views[app->depth].hit = -1;
	views[app->depth].screen = s;
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
