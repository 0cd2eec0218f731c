#include "kit/keybar.h"

#include <curses.h>
#include <stdio.h>

#include "kit/draw.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kit/theme.h"

enum { KEYBAR_MAX = 16 };

/* Which keys give way when the labels do not fit whole: the language key
 * first (clerks know F2 from every screen), then the screen's own keys from
 * F8 down.  Help, the menu and quitting always stay: what gave way is
 * named in the help, and the menu leads everywhere. */
static int keybar_rank(int fkey)
{
	if (fkey == 1 || fkey == 9 || fkey == 10)
		return 0;
	if (fkey == 2)
		return 100;
	return fkey;
}

void keybar_draw_app(struct ui_app *app, const struct ui_screen *s)
{
	const struct ui_action *slot[KEYBAR_MAX];
	int wide[KEYBAR_MAX], n = 0, y = LINES - 1;
	char why[512];
	for (int i = 0; i < s->nactions && n < KEYBAR_MAX; i++) {
		const struct ui_action *a = &s->actions[i];
		if (!a->fkey || !a->label)
			continue;
		/* What this user may not do now is not offered. */
		if (app && s->may && s->may(app, a, why, sizeof why))
			continue;
		slot[n] = a;
		wide[n] = (a->fkey >= 10 ? 2 : 1) + text_width(_(a->label));
		n++;
	}
	draw_fill(y, theme(TH_KEYLABEL));
	if (!n)
		return;
	/* Whole labels, one space apart; keys give way until they fit. */
	int keep[KEYBAR_MAX], total = -1;
	for (int i = 0; i < n; i++) {
		keep[i] = 1;
		total += wide[i] + 1;
	}
	while (total > COLS) {
		int drop = -1;
		for (int i = 0; i < n; i++)
			if (keep[i] && keybar_rank(slot[i]->fkey) &&
			    (drop < 0 || keybar_rank(slot[i]->fkey) > keybar_rank(slot[drop]->fkey)))
				drop = i;
		if (drop < 0)
			break;
		keep[drop] = 0;
		total -= wide[drop] + 1;
	}
	int shown = 0;
	for (int i = 0; i < n; i++)
		shown += keep[i];
	/* A terminal narrower than even those: equal shares, cut with '~'. */
	int share = total > COLS ? COLS / shown : 0, x = 0;
	for (int i = 0; i < n && x < COLS; i++) {
		if (!keep[i])
			continue;
		const struct ui_action *a = slot[i];
		char num[4];
		snprintf(num, sizeof num, "%d", a->fkey);
		int nw = a->fkey >= 10 ? 2 : 1;
		int lw = share ? share - nw - 1 : wide[i] - nw;
		if (lw < 0)
			lw = 0;
		if (x + nw + lw > COLS)
			lw = COLS - x - nw;
		draw_cell(y, x, nw, num, theme(TH_KEYNUM), 0);
		x += nw;
		if (lw > 0)
			draw_cell(y, x, lw, _(a->label), theme(TH_KEYLABEL), 0);
		x += lw;
		if (x < COLS) {
			draw_cell(y, x, 1, " ", theme(TH_KEYNUM), 0);
			x++;
		}
	}
}

void keybar_draw(const struct ui_screen *s)
{
	keybar_draw_app(NULL, s);
}
