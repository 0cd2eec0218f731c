/* What every entry form shares beside its key loop: the box that lists a
 * form's keys, and the pickers' lists (forms/pickers.h). */
#include "forms/pickers.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/picker.h"
#include "kit/theme.h"
#include "view/picklists.h"

/* The form's help scrolls: its first line shown, and how many there are. */
static int help_top, help_n;

/* One paragraph of the help wrapped at w from row *row; the rows from
 * help_top to help_top + avail are drawn. */
static void help_text(int *row, int y, int x, int w, int avail, const char *key, int kw,
                      const char *text, attr_t a)
{
	int first = 1;
	do {
		size_t fit = *text ? draw_wrap_next(text, w) : 0;
		int r = *row - help_top;
		if (r >= 0 && r < avail) {
			char *part = strndup(text, fit);
			if (first && key)
				draw_cell(y + r, x - kw - 2, kw, key, a | A_BOLD, 0);
			draw_cell(y + r, x, w, part ? part : "", a, 0);
			free(part);
		}
		first = 0;
		text += fit;
		while (*text == ' ')
			text++;
		(*row)++;
	} while (*text);
}

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
	int avail = h - 3, row = 0;
	/* The first pass counts the lines, so that the window stays within
	 * them; the second draws. */
	for (int pass = 0; pass < 2; pass++) {
		if (pass) {
			if (help_top > help_n - avail)
				help_top = help_n - avail;
			if (help_top < 0)
				help_top = 0;
			row = 0;
		}
		int shown = pass ? avail : 0;
		if (s->about) {
			help_text(&row, y + 1, x + 2, w - 4, shown, NULL, 0, _(s->about), theme(TH_DIALOG));
			row++;
		}
		for (int i = 0; i < s->nactions; i++) {
			action_keys_text(&s->actions[i], keys, sizeof keys);
			help_text(&row, y + 1, x + kw + 4, w - kw - 6, shown, keys, kw,
			          _(s->actions[i].help), theme(TH_DIALOG));
		}
		help_n = row;
	}
	char foot[200];
	snprintf(foot, sizeof foot, "%s   %s", _("Esc: close the help"),
	         help_n > avail ? _("Up, Down, PgUp, PgDn: scroll") : "");
	draw_cell(y + h - 2, x + 2, w - 4, foot, theme(TH_DIALOG), 0);
	if (help_top > 0)
		draw_cell(y + 1, x + w - 2, 1, "\u2191", theme(TH_DIALOG), 0);
	if (help_top + avail < help_n)
		draw_cell(y + h - 3, x + w - 2, 1, "\u2193", theme(TH_DIALOG), 0);
	curs_set(0);
}

void form_keys_help(const struct ui_screen *s)
{
	help_top = 0;
	dlg_layer_push(help_draw, (void *)s);
	for (;;) {
		dlg_repaint();
		int k = dlg_key();
		int page = LINES - 7 > 1 ? LINES - 7 : 1;
		if (k == 27 || k == KEY_F(10) || k == KEY_F(1) || k == '\r' || k == '\n')
			break;
		else if (k == KEY_UP)
			help_top--;
		else if (k == KEY_DOWN)
			help_top++;
		else if (k == KEY_PPAGE)
			help_top -= page;
		else if (k == KEY_NPAGE)
			help_top += page;
		else if (k == KEY_HOME)
			help_top = 0;
		else if (k == KEY_END)
			help_top = help_n;
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
