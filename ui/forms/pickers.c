/* What every entry form shares beside its key loop: the box that lists a
 * form's keys, and the pickers' lists (forms/pickers.h). */
#include "forms/pickers.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/search.h"
#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/picker.h"
#include "kit/theme.h"

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

/* Pickers' lists, each in the language on screen.  Every picker context
 * starts with the database handle. */
void form_load_nkz(void *ctx, const char *query, struct picker_list *l)
{
	tz_db *db = *(tz_db **)ctx;
	struct search s;
	if (search_init(&s, SEARCH_NKZ, query))
		return;
	char sql[1024];
	/* Groups come before their occupations in code order, so they read as
	 * headings; retired codes are left out. */
	snprintf(sql, sizeof sql, "SELECT code, name_kk, name_ru, level FROM nkz "
	         "WHERE nkz.active = 1 AND %s ORDER BY code LIMIT %d", s.where, PICKER_MAX + 1);
	sqlite3_stmt *st = db_prep(db, sql);
	if (st) {
		search_bind(&s, st);
		while (db_step(db, st) == SQLITE_ROW) {
			char label[800];
			int occ = sqlite3_column_int(st, 3) == 6;
			snprintf(label, sizeof label, "%-10s  %s%s", db_col_text(st, 0), occ ? "" : "- ",
			         i18n_pick(db_col_text(st, 1), db_col_text(st, 2)));
			picker_add(l, db_col_text(st, 0), label, occ);
		}
		sqlite3_finalize(st);
	}
	search_free(&s);
}

static int contains_folded(const char *hay, const char *fq)
{
	if (!*fq)
		return 1;
	char *fh = text_fold(hay);
	int found = fh && strstr(fh, fq);
	free(fh);
	return found;
}

void form_load_bodies(void *ctx, const char *query, struct picker_list *l)
{
	tz_db *db = *(tz_db **)ctx;
	char *fq = text_fold(query);
	char sql[256];
	const char *lang = i18n_lang();
	snprintf(sql, sizeof sql, "SELECT id, short_%s, name_%s FROM body ORDER BY name_%s COLLATE %s",
	         lang, lang, lang, lang);
	sqlite3_stmt *st = db_prep(db, sql);
	while (st && fq && db_step(db, st) == SQLITE_ROW) {
		if (!contains_folded(db_col_text(st, 2), fq) && !contains_folded(db_col_text(st, 1), fq))
			continue;
		picker_add(l, db_col_text(st, 0), db_col_text(st, 2), 1);
	}
	sqlite3_finalize(st);
	free(fq);
}

void form_load_levels(void *ctx, const char *query, struct picker_list *l)
{
	tz_db *db = *(tz_db **)ctx;
	(void)query;
	sqlite3_stmt *st = db_prep(db, "SELECT code, descr_kk, descr_ru FROM nrk_level "
	                               "ORDER BY base, code");
	while (st && db_step(db, st) == SQLITE_ROW) {
		char label[800];
		snprintf(label, sizeof label, "%-4s %s", db_col_text(st, 0),
		         i18n_pick(db_col_text(st, 1), db_col_text(st, 2)));
		picker_add(l, db_col_text(st, 0), label, 1);
	}
	sqlite3_finalize(st);
}
