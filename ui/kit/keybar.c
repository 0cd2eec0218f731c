#include "kit/keybar.h"

#include <curses.h>
#include <stdio.h>

#include "kit/draw.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kit/theme.h"

void keybar_draw(const struct ui_screen *s)
{
	int y = LINES - 1, n = 0, natural = 0;
	for (int i = 0; i < s->nactions; i++)
		if (s->actions[i].fkey && s->actions[i].label) {
			n++;
			natural += text_width(_(s->actions[i].label)) + (s->actions[i].fkey >= 10 ? 2 : 1) + 2;
		}
	draw_fill(y, theme(TH_KEYLABEL));
	if (!n)
		return;
	/* Labels keep their width while they fit; else every slot gets an
	 * equal share and long words are cut with '~'. */
	int share = COLS / n, x = 0;
	for (int i = 0; i < s->nactions && x < COLS; i++) {
		const struct ui_action *a = &s->actions[i];
		if (!a->fkey || !a->label)
			continue;
		char num[4];
		snprintf(num, sizeof num, "%d", a->fkey);
		int nw = (int)(a->fkey >= 10 ? 2 : 1);
		const char *label = _(a->label);
		int lw = natural <= COLS ? text_width(label) + 1 : share - nw;
		if (x + nw + lw > COLS)
			lw = COLS - x - nw;
		draw_cell(y, x, nw, num, theme(TH_KEYNUM), 0);
		x += nw;
		draw_cell(y, x, lw, label, theme(TH_KEYLABEL), 0);
		x += lw;
		if (natural <= COLS && x < COLS) {
			draw_cell(y, x, 1, " ", theme(TH_KEYNUM), 0);
			x++;
		}
	}
}
