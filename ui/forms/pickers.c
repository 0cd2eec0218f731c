/* What every entry form shares beside its key loop: the box that lists a
 * form's keys, and the pickers' lists (forms/pickers.h). */
#include "forms/pickers.h"

#include <curses.h>
#include <stdio.h>

#include "base/i18n.h"
#include "base/text.h"
#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/picker.h"
#include "kit/theme.h"
#include "view/picklists.h"

static void help_draw(void *ctx)
{
	const struct ui_screen *s = ctx;
	int h = LINES - 4, w = COLS - 8, y = 2, x = 4;
	dlg_box(y, x, h, w, _("Keys of the form"));
	char keys[128];
	int kw = 0;
	for (int i = 0; i < s->nactions; i++) {
		action_keys_text(&s->actions[i], keys, sizeof keys);
		int tw = text_width(keys);
		kw = tw > kw ? tw : kw;
	}
	if (kw > w / 3)
		kw = w / 3;
	int ly = y + 1;
	for (int i = 0; i < s->nactions && ly < y + h - 2; i++) {
		action_keys_text(&s->actions[i], keys, sizeof keys);
		draw_cell(ly, x + 2, kw, keys, theme(TH_DIALOG) | A_BOLD, 0);
		ly += draw_wrap(ly, x + kw + 4, w - kw - 6, y + h - 2 - ly, _(s->actions[i].help),
		                theme(TH_DIALOG));
	}
	draw_cell(y + h - 2, x + 2, w - 4, _("Esc: close the help"), theme(TH_DIALOG), 0);
	curs_set(0);
}

void form_keys_help(const struct ui_screen *s)
{
	dlg_layer_push(help_draw, (void *)s);
	for (;;) {
		dlg_repaint();
		int k = dlg_key();
		if (k == 27 || k == KEY_F(10) || k == KEY_F(1) || k == '\r' || k == '\n')
			break;
	}
	dlg_layer_pop();
}

/* Pickers' lists, each in the language on screen (view/picklists.h).  Every
 * picker context starts with the database handle. */
static void pickers_add_nkz(void *ctx, const struct pick_item *it)
{
	char label[800];
	/* Groups read as headings above their occupations. */
	snprintf(label, sizeof label, "%-10s  %s%s", it->code, it->group ? "- " : "", it->name);
	picker_add(ctx, it->key, label, !it->group);
}

void form_load_nkz(void *ctx, const char *query, struct picker_list *l)
{
	picklist_nkz(*(tz_db **)ctx, query, NULL, PICKER_MAX + 1, pickers_add_nkz, l);
}

static void pickers_add_named(void *ctx, const struct pick_item *it)
{
	picker_add(ctx, it->key, it->name, 1);
}

void form_load_bodies(void *ctx, const char *query, struct picker_list *l)
{
	picklist_bodies(*(tz_db **)ctx, query, NULL, pickers_add_named, l);
}

static void pickers_add_level(void *ctx, const struct pick_item *it)
{
	char label[800];
	snprintf(label, sizeof label, "%-4s %s", it->code, it->name);
	picker_add(ctx, it->key, label, 1);
}

void form_load_levels(void *ctx, const char *query, struct picker_list *l)
{
	(void)query;
	picklist_levels(*(tz_db **)ctx, NULL, pickers_add_level, l);
}

void form_load_associations(tz_db *db, int64_t body_id, const char *query, struct picker_list *l)
{
	picklist_associations(db, body_id, query, NULL, _("none"), pickers_add_named, l);
}
