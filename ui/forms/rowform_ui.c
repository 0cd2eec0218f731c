/* The entry form of a register row: rowform's fields described for the
 * entry forms' common lines and key loop (ui/forms/formloop.c), and what only
 * this form does: its pickers, saving with the two-clerk conflict. */
#include "forms/rowform_ui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "forms/formloop.h"
#include "forms/pickers.h"
#include "base/i18n.h"
#include "kit/picker.h"
#include "view/rowform.h"
#include "kit/screen.h"
#include "domain/search.h"
#include "base/text.h"
#include "kit/theme.h"
#include "view/unsaved.h"

/* The form's keys: the bar, the help and the loop all read this; the
 * entries left empty are the ones every entry form has (ui/forms/formloop.c). */
enum { A_HELP, A_LANG, A_SAVE, A_CANCEL, A_NEXT, A_PREV, A_OPEN, A_ENTER };
static const struct ui_action form_actions[] = {
	[A_SAVE] = {5, {0}, NULL, N_("Save"),
	            N_("Save the row into the draft register; refused while a field has a problem"), NULL,
	            0},
	[A_OPEN] = {0, {' ', 0}, N_("Space"), NULL,
	            N_("Open the list of a field (code, levels, body), switch section or profile, "
	               "or switch validity between years and without time limit"), NULL, 0},
	[A_ENTER] = {0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL,
	             N_("Go to the next field; Enter never changes a value"), NULL, 0},
};

/* Each action's part in the loop all entry forms share. */
static const int form_roles[] = {FL_HELP, FL_LANG, FL_SAVE, FL_CANCEL, FL_NEXT, FL_PREV, FL_OPEN,
                                 FL_NEXT};

struct form {
	tz_db *db;            /* first: the pickers' lists read it from the context */
	struct rowform f;
	struct fl_form fl;
	struct problems last; /* what the last refused save found (a duplicate level...) */
	unsigned last_edits;  /* ...shown until something is typed after it */
	int changed;          /* the register changed */
};

static void field(void *ctx, int i, struct fl_field *d)
{
	const struct rf_desc *r = &rf_fields[i];
	snprintf(d->label, sizeof d->label, "%s", _(r->label));
	d->key = r->key;
	d->width = r->width;
	d->shown = 1;
	d->hint = i == RF_F_LEVEL && ((struct form *)ctx)->f.row_id
	          ? _("Space: choose the level of this row; Enter: next field") : r->hint ? _(r->hint) : NULL;
	d->kind = r->kind == RF_TEXT ? FL_K_TEXT : r->kind == RF_NAME ? FL_K_SHOWN
	        : r->kind == RF_SECTION || r->kind == RF_PROFILE ? FL_K_CHOICE : FL_K_OTHER;
}

static struct textedit *text_of(void *ctx, int field)
{
	struct form *u = ctx;
	switch (field) {
	case RF_F_BASIS_KK: return &u->f.basis_kk;
	case RF_F_BASIS_RU: return &u->f.basis_ru;
	case RF_F_VALIDITY: return u->f.unlimited ? NULL : &u->f.years;
	default: return NULL;
	}
}

static void value(void *ctx, int field, char *buf, size_t len)
{
	struct form *u = ctx;
	rf_value_text(u->db, &u->f, field, buf, len);
}

static void validate(void *ctx, struct problems *p)
{
	struct form *u = ctx;
	rf_validate(u->db, &u->f, p);
	for (int i = 0; u->last_edits == u->fl.edits && i < u->last.n; i++)
		if (!problems_for(p, u->last.item[i].field))
			problems_add(p, u->last.item[i].field, "%s", u->last.item[i].msg);
}

static void head_draw(void *ctx)
{
	struct form *u = ctx;
	struct rowform *f = &u->f;
	char buf[1024];
	draw_fill(0, theme(TH_TITLE));
	if (f->row_id) {
		snprintf(buf, sizeof buf, _("Register row %s, level %s"), f->orig.nkz_code, f->orig.level);
	} else {
		snprintf(buf, sizeof buf, "%s", _("New register entry"));
	}
	draw_cell(0, 1, COLS - 2, buf, theme(TH_TITLE), 0);
	if (f->readonly)
		draw_cell(1, 1, COLS - 2, f->version_id
		          ? _("This register version is not the draft: it is read-only and nothing can be saved.")
		          : _("There is no draft register: it is read-only and nothing can be saved."),
		          theme(TH_ALERT), 0);
	else
		draw_cell(1, 1, COLS - 2, _("Changes go into the draft register."), theme(TH_NORMAL), 0);
}

/* The level picker ticks a copy, so that Esc leaves the form's levels be. */
static void pick_levels(struct form *u)
{
	if (u->f.row_id) {
		struct picker p = {N_("Level of this row"), 0, 0, form_load_levels, NULL, NULL, u};
		char key[32];
		if (picker_run(&p, u->f.nlevels ? u->f.levels[0] : NULL, key, sizeof key)) {
			u->f.nlevels = 0;
			rf_toggle_level(&u->f, key);
		}
		return;
	}
	fl_pick_levels(u->db, u->f.levels, &u->f.nlevels, RF_MAX_LEVELS);
}

static void pick_code(struct form *u)
{
	struct picker p = {N_("Classifier: type a code or a name"), 1, 0, form_load_nkz, NULL, NULL, u};
	char key[32];
	if (picker_run(&p, u->f.nkz_code[0] ? u->f.nkz_code : NULL, key, sizeof key))
		rf_set_code(u->db, &u->f, key);
}

static void pick_body(struct form *u)
{
	struct picker p = {N_("Sectoral state body"), 1, 0, form_load_bodies, NULL, NULL, u};
	char key[32], cur[32];
	snprintf(cur, sizeof cur, "%lld", (long long)u->f.body_id);
	if (picker_run(&p, cur, key, sizeof key))
		u->f.body_id = strtoll(key, NULL, 10);
}

/* Space (and Left/Right on a choice): what the field does when opened. */
static void flip(char *v, size_t len, const char *a, const char *b)
{
	snprintf(v, len, "%s", !strcmp(v, a) ? b : a);
}

/* Space (and Left/Right on a choice): what the field does when opened. */
static void open_field(struct form *u, int key)
{
	struct rowform *f = &u->f;
	switch (rf_fields[u->fl.focus].kind) {
	case RF_CODE: pick_code(u); break;
	case RF_SECTION: flip(f->section, sizeof f->section, "mandatory", "voluntary"); break;
	case RF_PROFILE: flip(f->profile, sizeof f->profile, "t", "sg"); break;
	case RF_LEVELS: pick_levels(u); break;
	case RF_BODY: pick_body(u); break;
	case RF_VALIDITY:
		if (key == ' ')
			f->unlimited = !f->unlimited;
		break;
	default: break;
	}
	u->fl.touched |= 1u << u->fl.focus;
	u->last.n = 0;
}

static void note(struct form *u, int alert, const char *msg)
{
	fl_note(&u->fl, alert, msg);
}

static int ask_conflict(struct form *u, const struct reg_row *theirs)
{
	unsigned d = rf_differs(&u->f, theirs);
	size_t cap = 8192, n = 0;
	char *text = malloc(cap);
	if (!text)
		return 2;
	n += (size_t)snprintf(text, cap, "%s\n", _("Someone else saved this row after you opened it. "
	                                           "Their values and yours:"));
	for (int i = 0; i < RF_NFIELDS && n < cap; i++) {
		if (!(d & 1u << i))
			continue;
		char th[600], mine[600];
		rf_row_value_text(u->db, theirs, i, th, sizeof th);
		rf_value_text(u->db, &u->f, i, mine, sizeof mine);
		n += (size_t)snprintf(text + n, cap - n, "\n%s\n  %s: %s\n  %s: %s", _(rf_fields[i].label),
		                      _("theirs"), th, _("yours"), mine);
	}
	const char *labels[] = {_("Keep mine"), _("Take theirs"), _("Cancel")};
	int c = dlg_choice(_("The row was changed by someone else"), text, labels, 3);
	free(text);
	return c;
}

/* Returns 1 when the form should close (saved, or the row is gone). */
static int save(struct form *u, int *changed)
{
	if (u->f.readonly) {
		note(u, 1, _("This register version is read-only; there is nothing to save."));
		return 0;
	}
	u->fl.tried = 1;
	for (;;) {
		struct problems p = {0};
		struct reg_row theirs = {0};
		int st = rf_save(u->db, &u->f, &p, &theirs);
		if (st == REG_OK) {
			*changed = 1;
			return 1;
		}
		if (st == REG_CONFLICT) {
			int c = ask_conflict(u, &theirs);
			if (c == 0) {
				rf_keep_mine(&u->f, &theirs);
				reg_row_free(&theirs);
				continue;
			}
			if (c == 1) {
				rf_from_row(&u->f, &theirs);
				reg_row_free(&u->f.orig);
				reg_row_copy(&u->f.orig, &theirs);
				note(u, 0, _("Their values are in the form now; nothing of yours was saved."));
			} else {
				note(u, 1, reg_status_text(REG_CONFLICT));
			}
			reg_row_free(&theirs);
			return 0;
		}
		reg_row_free(&theirs);
		if (st == REG_GONE) {
			dlg_message(_("The row is gone"), reg_status_text(REG_GONE));
			*changed = 1;
			return 1;
		}
		if ((st == REG_INVALID || st == REG_DUPLICATE) && p.n) {
			char buf[400];
			u->last = p;
			u->last_edits = u->fl.edits;
			fl_focus_first(&u->fl, &p);
			const char *first = problems_for(&p, rf_fields[u->fl.focus].key);
			snprintf(buf, sizeof buf, _("Not saved: %s"), first ? first : p.item[0].msg);
			note(u, 1, buf);
			return 0;
		}
		if (st == REG_DENIED && p.n) {
			dlg_message(_("Not saved"), p.item[0].msg);
			return 0;
		}
		char buf[700];
		dlg_message(_("Not saved"), reg_status_why(u->db, st, buf, sizeof buf));
		return 0;
	}
}

static int changed(void *ctx)
{
	return rf_changed(&((struct form *)ctx)->f);
}

static int act(void *ctx, enum fl_role role, int action, int key)
{
	struct form *u = ctx;
	(void)action;
	if (role == FL_SAVE)
		return save(u, &u->changed);
	if (u->f.readonly)
		note(u, 1, _("This register version is read-only; there is nothing to save."));
	else
		open_field(u, key);
	return 0;
}

static void keep(void *ctx)
{
	struct form *u = ctx;
	unsaved_save(db_path(u->db), &u->f);
}

static const struct fl_ops form_ops = {field, text_of, value, validate, head_draw, changed,
                                       act, keep};

static int run(struct form *u)
{
	u->fl = (struct fl_form){.ops = &form_ops, .form = u, .actions = form_actions,
	                         .nactions = (int)(sizeof form_actions / sizeof *form_actions),
	                         .roles = form_roles, .nfields = RF_NFIELDS,
	                         .validity = RF_F_VALIDITY, .unlimited = &u->f.unlimited,
	                         .years = &u->f.years, .readonly = &u->f.readonly,
	                         .label_max = 34, .wrap = 1};
	fl_run(&u->fl);
	return u->changed;
}

int form_new_row(tz_db *db)
{
	struct form *u = calloc(1, sizeof *u);
	if (!u)
		return 0;
	u->db = db;
	rf_init_new(db, &u->f);
	int changed = run(u);
	rf_free(&u->f);
	free(u);
	return changed;
}

int form_edit_row(tz_db *db, int64_t row_id)
{
	struct form *u = calloc(1, sizeof *u);
	if (!u)
		return 0;
	u->db = db;
	int changed = 0;
	if (rf_load(db, &u->f, row_id)) {
		dlg_message(_("The row is gone"), reg_status_text(REG_GONE));
		changed = 1;
	} else {
		changed = run(u);
	}
	rf_free(&u->f);
	free(u);
	return changed;
}

int form_delete_row(tz_db *db, int64_t row_id)
{
	struct reg_row r = {0};
	if (reg_row_load(db, row_id, &r)) {
		dlg_message(_("The row is gone"), reg_status_text(REG_GONE));
		return 1;
	}
	int changed = 0;
	if (r.version_id != reg_draft(db)) {
		dlg_message(_("Delete"), _("This register version is not the draft: it is read-only "
		                           "and nothing can be deleted."));
	} else {
		char q[1200];
		snprintf(q, sizeof q, _("Delete the row %s \"%s\", level %s, from the draft register?"),
		         r.nkz_code, i18n_pick(r.name_kk, r.name_ru), r.level);
		if (dlg_confirm(_("Delete"), q)) {
			int st = reg_delete(db, row_id, r.rev);
			if (st == REG_OK || st == REG_GONE)
				changed = 1;
			if (st != REG_OK)
				dlg_message(_("Not deleted"), reg_status_why(db, st, (char[700]){0}, 700));
		}
	}
	reg_row_free(&r);
	return changed;
}

int form_restore(tz_db *db, const struct unsaved *kept)
{
	struct form *u = calloc(1, sizeof *u);
	int changed = 0;
	if (!u)
		return 0;
	u->db = db;
	if (kept->id && rf_load(db, &u->f, kept->id)) {
		dlg_message(_("The row is gone"), reg_status_text(REG_GONE));
	} else {
		if (!kept->id)
			rf_init_new(db, &u->f);
		unsaved_apply(kept, &u->f);
		changed = run(u);
	}
	rf_free(&u->f);
	free(u);
	return changed;
}
