#include "kit/columns.h"

#include <curses.h>

#include "base/i18n.h"
#include "base/text.h"
#include "kit/draw.h"
#include "kit/theme.h"

int columns_widest(int w, const char *s)
{
	int sw = s ? text_width(s) : 0;
	return sw > w ? sw : w;
}

static int columns_need(const struct ui_column *c)
{
	return c->head && *c->head ? columns_widest(c->need, _(c->head)) : c->need;
}

void columns_fit(struct ui_column *c, int n, int x0, int avail)
{
	/* Room taken: the columns shown so far, one space between each two. */
	int used = -1;
	for (int i = 0; i < n; i++) {
		c[i].w = 0;
		if (c[i].rank == 0) {
			c[i].w = columns_need(&c[i]);
			used += c[i].w + 1;
		}
	}
	/* The optional ones by rank, each only when it fits whole. */
	for (int r = 1;; r++) {
		int any = 0;
		for (int i = 0; i < n; i++) {
			if (c[i].rank < r || c[i].w)
				continue;
			any = 1;
			if (c[i].rank != r)
				continue;
			int w = columns_need(&c[i]);
			if (used + w + 1 <= avail) {
				c[i].w = w;
				used += w + 1;
			}
		}
		if (!any)
			break;
	}
	/* What is left goes to the text columns shown, by their shares, none
	 * past its widest; a terminal narrower than the needs takes it from
	 * them, never below one column. */
	int left = avail - used;
	for (int round = 0; round <= n && left; round++) {
		int shares = 0, given = 0, last = -1;
		for (int i = 0; i < n; i++)
			if (c[i].w && c[i].flex > 0 && (left < 0 || !c[i].most || c[i].w < c[i].most))
				shares += c[i].flex;
		if (!shares)
			break;
		for (int i = 0; i < n; i++) {
			if (!c[i].w || c[i].flex <= 0 || (left > 0 && c[i].most && c[i].w >= c[i].most))
				continue;
			int add = left * c[i].flex / shares;
			if (left > 0 && c[i].most && c[i].w + add > c[i].most)
				add = c[i].most - c[i].w;
			c[i].w += add;
			given += add;
			last = i;
		}
		if (left < 0 && last >= 0) {
			c[last].w += left - given;
			given = left;
		}
		if (!given && left > 0) {
			/* Shares too small to give a whole column: one to each in
			 * turn while any is left. */
			for (int i = 0; i < n && given < left; i++)
				if (c[i].w && c[i].flex > 0 && (!c[i].most || c[i].w < c[i].most)) {
					c[i].w++;
					given++;
				}
		}
		left -= given;
	}
	for (int i = 0; i < n; i++)
		if (c[i].flex > 0 && c[i].rank == 0 && c[i].w < 1)
			c[i].w = 1;
	for (int i = 0, x = x0; i < n; i++) {
		c[i].x = x;
		if (c[i].w)
			x += c[i].w + 1;
	}
}

void columns_head(int y, const struct ui_column *c, int n)
{
	draw_fill(y, theme(TH_HEAD));
	for (int i = 0; i < n; i++)
		if (c[i].w)
			draw_cell(y, c[i].x, c[i].w, c[i].head && *c[i].head ? _(c[i].head) : "",
			          theme(TH_HEAD), 0);
}
