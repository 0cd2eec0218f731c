#include "kit/progress.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/theme.h"

static double progress_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void progress_draw(void *ctx)
{
	struct progress *p = ctx;
	int w = COLS - 8 < 64 ? COLS - 8 : 64, h = 7;
	int y = (LINES - 1 - h) / 2, x = (COLS - w) / 2;
	dlg_box(y, x, h, w, _(p->title));
	char line[256];
	if (p->total > 0)
		snprintf(line, sizeof line, _("%s: %ld of %ld rows"), p->what, p->done, p->total);
	else
		snprintf(line, sizeof line, _("%s: %ld rows"), p->what, p->done);
	draw_cell(y + 2, x + 2, w - 4, line, theme(TH_DIALOG), 0);
	/* Each stage fills the bar once; a count not known yet moves a block
	 * along it instead. */
	int bw = w - 4, fill;
	if (p->total > 0)
		fill = (int)((double)bw * (double)(p->done < p->total ? p->done : p->total) /
		             (double)p->total);
	else
		fill = -1;
	char bar[64 * 3 + 1];
	size_t at = 0;
	for (int i = 0; i < bw && i < 64; i++) {
		int on = fill >= 0 ? i < fill : (i / 4) == (int)((p->done / 256) % (bw / 4 > 0 ? bw / 4 : 1));
		memcpy(bar + at, on ? "\xe2\x96\x88" : "\xe2\x96\x91", 3);
		at += 3;
	}
	bar[at] = 0;
	draw_cell(y + 3, x + 2, bw, bar, theme(TH_DIALOG), 0);
	draw_cell(y + 5, x + 2, w - 4, _("Esc: cancel, nothing is written"), theme(TH_DIALOG), 0);
}

void progress_start(struct progress *p, const char *title)
{
	memset(p, 0, sizeof *p);
	p->title = title;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
}

int progress_tick(struct progress *p, const char *what, long done, long total)
{
	snprintf(p->what, sizeof p->what, "%s", what);
	p->done = done, p->total = total;
	if (!p->shown && progress_since(&p->start) < 0.5)
		return 0;
	if (!p->shown || progress_since(&p->drawn) >= 0.1) {
		if (!p->shown) {
			dlg_layer_push(progress_draw, p);
			p->shown = 1;
		}
		dlg_repaint();
		clock_gettime(CLOCK_MONOTONIC, &p->drawn);
	}
	/* A look at the keyboard, without waiting. */
	nodelay(stdscr, TRUE);
	wint_t wc;
	int r, stop = 0;
	while ((r = get_wch(&wc)) != ERR)
		if ((r == OK && wc == 27) || (r == KEY_CODE_YES && wc == KEY_F(10)))
			stop = 1;
	nodelay(stdscr, FALSE);
	return stop;
}

void progress_end(struct progress *p)
{
	if (p->shown)
		dlg_layer_pop();
	p->shown = 0;
}
