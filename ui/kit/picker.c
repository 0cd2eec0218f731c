#include "kit/picker.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "kit/list.h"
#include "base/i18n.h"
#include "kit/screen.h"
#include "base/text.h"
#include "kit/theme.h"

void picker_add(struct picker_list *l, const char *key, const char *label, int selectable)
{
	if (l->n >= PICKER_MAX) {
		l->more = 1;
		return;
	}
	struct picker_item *it = &l->items[l->n];
	snprintf(it->key, sizeof it->key, "%s", key);
	it->label = strdup(label ? label : "");
	if (!it->label)
		return;
	it->selectable = selectable;
	l->n++;
}

struct run {
	const struct picker *p;
	struct picker_list *l;
	struct textedit q;
	struct ui_list at;     /* cur: the item chosen, -1 when none can be */
	char note[256];
};

static void clear_list(struct picker_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->items[i].label);
	l->n = 0;
	l->more = 0;
}

static int first_selectable(const struct picker_list *l, int from, int dir)
{
	for (int i = from; i >= 0 && i < l->n; i += dir)
		if (l->items[i].selectable)
			return i;
	return -1;
}

static void reload(struct run *r, const char *keep)
{
	clear_list(r->l);
	r->p->load(r->p->ctx, te_text(&r->q), r->l);
	r->at.cur = -1;
	for (int i = 0; keep && i < r->l->n; i++)
		if (!strcmp(r->l->items[i].key, keep))
			r->at.cur = i;
	if (r->at.cur < 0)
		r->at.cur = first_selectable(r->l, 0, 1);
	r->at.top = 0;
	r->at.n = r->l->n;
}

static void picker_draw(void *ctx)
{
	struct run *r = ctx;
	int y = 1, x = 2, h = LINES - 3, w = COLS - 4;
	dlg_box(y, x, h, w, _(r->p->title));
	attr_t a = theme(TH_DIALOG);
	int ly = y + 1;
	if (r->p->searchable) {
		const char *lab = _("Search:");
		int lw = text_width(lab) + 1;
		draw_cell(ly, x + 2, lw, lab, a, 0);
		field_draw(&r->q, ly, x + 2 + lw, w - 4 - lw, theme(TH_STATUS), 0);
		ly += 2;
	}
	r->at.h = y + h - 2 - ly;   /* the last inner line is for the hint */
	if (r->at.cur >= 0)
		list_fit(&r->at);
	for (int i = 0; i < r->at.h; i++) {
		int k = r->at.top + i;
		if (k >= r->l->n) {
			if (k == 0)
				draw_cell(ly, x + 2, w - 4, _("Nothing matches."), a, 0);
			break;
		}
		const struct picker_item *it = &r->l->items[k];
		char line[600];
		if (r->p->multi)
			snprintf(line, sizeof line, "[%s] %s", r->p->checked(r->p->ctx, it->key) ? "x" : " ",
			         it->label);
		else
			snprintf(line, sizeof line, "%s", it->label);
		attr_t la = k == r->at.cur ? theme(TH_CURSOR) : it->selectable ? a : a | A_DIM;
		draw_cell(ly + i, x + 1, w - 2, line, la, 0);
	}
	const char *hint = r->note[0] ? r->note
	                 : r->p->multi ? _("Space: tick or untick; Enter: accept; Esc: cancel; F2: language")
	                 : r->p->searchable ? _("Type to search; Enter: choose; Esc: cancel; F2: language")
	                 : _("Enter: choose; Esc: cancel; F2: language");
	draw_cell(y + h - 2, x + 2, w - 4, hint, r->note[0] ? theme(TH_ALERT) : a, 0);
	if (r->p->searchable) {
		curs_set(1);
		const char *lab = _("Search:");
		field_draw(&r->q, y + 1, x + 2 + text_width(lab) + 1, w - 4 - text_width(lab) - 1,
		           theme(TH_STATUS), 1);
	} else {
		curs_set(0);
	}
}

/* The moving keys go as in any list, then on to the nearest item that can
 * be chosen (a classifier group cannot). */
static void move_sel(struct run *r, int key)
{
	if (r->l->n == 0)
		return;
	struct ui_list to = r->at;
	list_move(&to, key);
	int dir = to.cur > r->at.cur ? 1 : -1, target = to.cur;
	if (target < 0)
		target = 0;
	if (target >= r->l->n)
		target = r->l->n - 1;
	int s = first_selectable(r->l, target, dir);
	if (s < 0)
		s = first_selectable(r->l, target, -dir);
	if (s >= 0)
		r->at.cur = s;
}

int picker_run(const struct picker *p, const char *current, char *out, size_t outlen)
{
	struct run r = {.p = p};
	r.l = calloc(1, sizeof *r.l);
	if (!r.l)
		return 0;
	te_init(&r.q, NULL);
	reload(&r, current);
	dlg_layer_push(picker_draw, &r);
	int result = -1;
	while (result < 0) {
		dlg_repaint();
		int k = dlg_key();
		r.note[0] = 0;
		if (k == KEY_RESIZE)
			continue;
		switch (k) {
		case KEY_UP: case KEY_DOWN: case KEY_PPAGE: case KEY_NPAGE: case KEY_HOME: case KEY_END:
			move_sel(&r, k);
			continue;
		case 27: case KEY_F(10): result = 0; continue;
		case KEY_F(2): {
			i18n_set_lang(i18n_is_kk() ? "ru" : "kk");
			char keep[32] = "";
			if (r.at.cur >= 0)
				snprintf(keep, sizeof keep, "%s", r.l->items[r.at.cur].key);
			reload(&r, keep);
			continue;
		}
		case '\r': case '\n': case KEY_ENTER:
			if (p->multi) {
				result = 1;
			} else if (r.at.cur >= 0 && r.l->items[r.at.cur].selectable) {
				snprintf(out, outlen, "%s", r.l->items[r.at.cur].key);
				result = 1;
			} else {
				snprintf(r.note, sizeof r.note, "%s", _("Nothing to choose here."));
			}
			continue;
		default:
			break;
		}
		if (p->multi && (k == ' ' || k == KEY_IC)) {
			if (r.at.cur >= 0)
				p->toggle(p->ctx, r.l->items[r.at.cur].key);
			continue;
		}
		if (p->searchable && field_key(&r.q, k) == FIELD_CHANGED)
			reload(&r, NULL);
	}
	dlg_layer_pop();
	clear_list(r.l);
	free(r.l);
	te_free(&r.q);
	curs_set(0);
	return result;
}
