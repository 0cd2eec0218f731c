#include "kit/choiceform.h"

#include <curses.h>
#include <stdio.h>

#include "base/i18n.h"
#include "base/text.h"
#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "kit/loop.h"
#include "kit/theme.h"

static void cf_draw(void *ctx)
{
	struct cf_form *form = ctx;
	int w = COLS - 8 < 72 ? COLS - 8 : 72, h = form->nf * 2 + 4;
	int y = (LINES - 1 - h) / 2, x = (COLS - w) / 2;
	dlg_box(y, x, h, w, _(form->title));
	int lw = 0;
	for (int i = 0; i < form->nf; i++)
		if (text_width(_(form->f[i].label)) > lw)
			lw = text_width(_(form->f[i].label));
	if (lw > w * 2 / 5)
		lw = w * 2 / 5;
	int vx = x + 3 + lw, vw = w - lw - 5, fy = -1;
	for (int i = 0; i < form->nf; i++) {
		struct cf_field *f = &form->f[i];
		int ly = y + 2 + i * 2;
		attr_t a = i == form->at ? theme(TH_CURSOR) : theme(TH_NORMAL);
		draw_cell(ly, x + 2, lw, _(f->label), theme(TH_DIALOG), 0);
		if (!f->n) {
			field_draw(&f->text, ly, vx, vw, a, 0);
			if (i == form->at)
				fy = ly;
			continue;
		}
		char v[400] = "";
		f->name(form->ctx, f->at, v, sizeof v);
		draw_cell(ly, vx, vw, "", a, 0);
		if (f->n > 1) {
			draw_cell(ly, vx, 2, "<", a, 0);
			draw_cell(ly, vx + vw - 2, 2, " >", a, 0);
		}
		draw_cell(ly, vx + 2, vw - 4, v, a, 0);
	}
	draw_cell(y + h - 2, x + 2, w - 4, _(form->hint), theme(TH_DIALOG), 0);
	if (fy >= 0) {
		curs_set(1);
		field_draw(&form->f[form->at].text, fy, vx, vw, theme(TH_CURSOR), 1);
	} else {
		curs_set(0);
	}
}

int cf_run(struct ui_app *app, struct cf_form *form, int (*accept)(struct cf_form *form))
{
	form->app = app;
	dlg_layer_push(ui_draw_top, app);
	dlg_layer_push(cf_draw, form);
	int result = -1;
	while (result < 0) {
		dlg_repaint();
		int k = dlg_key();
		struct cf_field *f = &form->f[form->at];
		switch (k) {
		case KEY_UP: case KEY_BTAB: form->at = (form->at + form->nf - 1) % form->nf; continue;
		case KEY_DOWN: case '\t': form->at = (form->at + 1) % form->nf; continue;
		case 27: case KEY_F(10): result = 0; continue;
		case KEY_F(2): act_language(app); continue;
		case '\r': case '\n': case KEY_ENTER:
			curs_set(0);
			if (accept(form))
				result = 1;
			continue;
		default: break;
		}
		if (!f->n) {
			if (field_key(&f->text, k) == FIELD_CHANGED)
				f->touched = 1;
		} else if ((k == KEY_LEFT || k == KEY_RIGHT) && f->n > 1) {
			f->at = (f->at + f->n + (k == KEY_LEFT ? -1 : 1)) % f->n;
			if (form->changed)
				form->changed(form, form->at);
		}
	}
	curs_set(0);
	dlg_layer_pop();
	dlg_layer_pop();
	return result;
}
