/* The proposal form: propform's fields one per line, each with its problem
 * beneath once the clerk has touched it or asked for the check (the lines
 * and the key loop are ui/forms/formloop.c's; twenty fields scroll on 80x24). */
#include "forms/propform_ui.h"

#include <curses.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/dialog.h"
#include "kit/draw.h"
#include "forms/pickers.h"
#include "forms/formloop.h"
#include "base/i18n.h"
#include "kit/picker.h"
#include "view/propform.h"
#include "kit/screen.h"
#include "kit/theme.h"
#include "view/unsaved.h"

/* The entries left empty are the ones every entry form has (ui/forms/formloop.c). */
enum { A_HELP, A_LANG, A_SAVE, A_CHECK, A_CANCEL, A_NEXT, A_PREV, A_OPEN, A_ENTER };
static const struct ui_action pf_actions[] = {
	[A_SAVE] = {5, {0}, NULL, N_("Save"),
	            N_("Save the proposal; a draft may be saved before it is complete"), NULL, 0},
	[A_CHECK] = {6, {0}, NULL, N_("Check"),
	             N_("Run the completeness check of cl. 9 and show each problem under its field"), NULL,
	             0},
	[A_OPEN] = {0, {' ', 0}, N_("Space"), NULL,
	            N_("Open the list of a field (body, association, code, levels), switch action, "
	               "section or profile, or switch validity between years and without time limit"),
	            NULL, 0},
	[A_ENTER] = {0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL,
	             N_("Go to the next field; Enter never changes a value"), NULL, 0},
};

/* Each action's part in the loop all entry forms share. */
static const int pf_roles[] = {FL_HELP, FL_LANG, FL_SAVE, FL_OWN, FL_CANCEL, FL_NEXT, FL_PREV, FL_OPEN,
                               FL_NEXT};

struct pform {
	tz_db *db;            /* first: the pickers' lists read it from the context */
	struct propform f;
	struct fl_form fl;
	int saved;
};

static void field(void *ctx, int i, struct fl_field *d)
{
	struct pform *u = ctx;
	const struct pf_desc *p = &pf_fields[i];
	pf_label(i, d->label, sizeof d->label);
	d->key = p->key;
	d->width = p->width;
	d->shown = pf_shown(&u->f, i);
	d->hint = i == PF_F_BODY && u->f.body_fixed
	          ? _("Your own sectoral body: its clerks propose for it only.")
	          : p->hint ? _(p->hint) : NULL;
	d->kind = p->kind == PF_TEXT ? FL_K_TEXT : p->kind == PF_NAME ? FL_K_SHOWN
	        : p->kind == PF_ACTION || p->kind == PF_SECTION || p->kind == PF_PROFILE ? FL_K_CHOICE
	        : FL_K_OTHER;
}

static struct textedit *text_of(void *ctx, int field)
{
	struct pform *u = ctx;
	if (field == PF_F_VALIDITY)
		return u->f.unlimited ? NULL : &u->f.years;
	return pf_text(&u->f, field);
}

static void value(void *ctx, int field, char *buf, size_t len)
{
	struct pform *u = ctx;
	pf_value_text(u->db, &u->f, field, buf, len);
}

static void validate(void *ctx, struct problems *p)
{
	struct pform *u = ctx;
	pf_validate(u->db, &u->f, p);
}

static void head_draw(void *ctx)
{
	struct pform *u = ctx;
	struct propform *f = &u->f;
	char buf[1024];
	draw_fill(0, theme(TH_TITLE));
	if (f->id)
		snprintf(buf, sizeof buf, _("Proposal %lld: %s %s"), (long long)f->id, f->nkz_code,
		         i18n_pick(f->name_kk, f->name_ru));
	else
		snprintf(buf, sizeof buf, "%s", _("New proposal"));
	draw_cell(0, 1, COLS - 2, buf, theme(TH_TITLE), 0);
	if (f->readonly)
		snprintf(buf, sizeof buf, _("Proposal %lld is %s: it can no longer be changed."),
		         (long long)f->id, proposals_state_label(f->state));
	else
		snprintf(buf, sizeof buf, "%s: %s", _("State"), proposals_state_label(f->state));
	draw_cell(1, 1, COLS - 2, buf, f->readonly ? theme(TH_ALERT) : theme(TH_NORMAL), 0);
}

static void note(struct pform *u, int alert, const char *msg)
{
	fl_note(&u->fl, alert, msg);
}

/* ---- pickers ------------------------------------------------------------- */

static void load_assocs(void *ctx, const char *query, struct picker_list *l)
{
	struct pform *u = ctx;
	form_load_associations(u->db, u->f.body_id, query, l);
}

static void pick(struct pform *u)
{
	struct propform *f = &u->f;
	char key[32], cur[32];
	switch (pf_fields[u->fl.focus].kind) {
	case PF_CODE: {
		struct picker p = {N_("Classifier: type a code or a name"), 1, 0, form_load_nkz, NULL, NULL, u};
		if (picker_run(&p, f->nkz_code[0] ? f->nkz_code : NULL, key, sizeof key))
			pf_set_code(u->db, f, key);
		break;
	}
	case PF_BODY: {
		if (f->body_fixed)
			break;
		struct picker p = {N_("Sectoral state body"), 1, 0, form_load_bodies, NULL, NULL, u};
		snprintf(cur, sizeof cur, "%lld", (long long)f->body_id);
		if (picker_run(&p, cur, key, sizeof key))
			f->body_id = strtoll(key, NULL, 10);
		break;
	}
	case PF_ASSOC: {
		struct picker p = {N_("Employer association"), 1, 0, load_assocs, NULL, NULL, u};
		snprintf(cur, sizeof cur, "%lld", (long long)f->assoc_id);
		if (picker_run(&p, cur, key, sizeof key))
			f->assoc_id = strtoll(key, NULL, 10);
		break;
	}
	case PF_LEVELS: fl_pick_levels(u->db, u->f.levels, &u->f.nlevels, TZ_MAX_LEVELS); break;
	default: break;
	}
}

/* Space (and Left/Right on a choice): what the field does when opened. */
static void open_field(struct pform *u, int key)
{
	struct propform *f = &u->f;
	switch (pf_fields[u->fl.focus].kind) {
	case PF_ACTION: pf_next_action(f); break;
	case PF_SECTION: pf_flip_section(f); break;
	case PF_PROFILE: pf_flip_profile(f); break;
	case PF_VALIDITY:
		if (key == ' ')
			f->unlimited = !f->unlimited;
		break;
	default: pick(u); break;
	}
	u->fl.touched |= 1u << u->fl.focus;
}

/* Check: every problem under its field, the cursor on the first. */
static void check(struct pform *u)
{
	struct problems p = {0};
	int n = pf_validate(u->db, &u->f, &p);
	u->fl.tried = 1;
	if (!n) {
		note(u, 0, _("Complete: nothing is missing."));
		return;
	}
	fl_focus_first(&u->fl, &p);
	char buf[200];
	snprintf(buf, sizeof buf, ngettext("%d item is missing or wrong; each is shown under its field.",
	                                   "%d items are missing or wrong; each is shown under its field.",
	                                   (unsigned long)n), n);
	note(u, 1, buf);
}

/* Returns 1 when saved. */
static int save(struct pform *u)
{
	char err[600] = "";
	if (pf_save(u->db, &u->f, err, sizeof err) == PR_OK)
		return 1;
	note(u, 1, err);
	dlg_message(_("Not saved"), err);
	return 0;
}

static int changed(void *ctx)
{
	return pf_changed(&((struct pform *)ctx)->f);
}

static int act(void *ctx, enum fl_role role, int action, int key)
{
	struct pform *u = ctx;
	if (role == FL_SAVE)
		return u->saved = save(u);
	if (action == A_CHECK) {
		check(u);
	} else if (u->f.readonly) {
		char buf[300];
		snprintf(buf, sizeof buf, _("Proposal %lld is %s: it can no longer be changed."),
		         (long long)u->f.id, proposals_state_label(u->f.state));
		note(u, 1, buf);
	} else {
		open_field(u, key);
	}
	return 0;
}

static void keep(void *ctx)
{
	struct pform *u = ctx;
	unsaved_save_proposal(db_path(u->db), &u->f);
}

static const struct fl_ops pf_ops = {field, text_of, value, validate, head_draw, changed,
                                     act, keep};

static int64_t run(struct pform *u)
{
	u->fl = (struct fl_form){.ops = &pf_ops, .form = u, .actions = pf_actions,
	                         .nactions = (int)(sizeof pf_actions / sizeof *pf_actions),
	                         .roles = pf_roles, .nfields = PF_NFIELDS,
	                         .validity = PF_F_VALIDITY, .unlimited = &u->f.unlimited,
	                         .years = &u->f.years, .readonly = &u->f.readonly};
	fl_run(&u->fl);
	return u->saved ? u->f.id : 0;
}

int64_t propform_new(tz_db *db, int64_t cycle)
{
	struct pform *u = calloc(1, sizeof *u);
	if (!u)
		return 0;
	u->db = db;
	int64_t id = 0;
	if (!pf_init_new(db, &u->f, cycle))
		id = run(u);
	pf_free(&u->f);
	free(u);
	return id;
}

int64_t propform_edit(tz_db *db, int64_t pid)
{
	struct pform *u = calloc(1, sizeof *u);
	if (!u)
		return 0;
	u->db = db;
	int64_t id = 0;
	if (pf_load(db, &u->f, pid))
		dlg_message(_("Not saved"), _("This proposal no longer exists."));
	else
		id = run(u);
	pf_free(&u->f);
	free(u);
	return id;
}

int64_t propform_restore(tz_db *db, const struct unsaved *kept)
{
	struct pform *u = calloc(1, sizeof *u);
	if (!u)
		return 0;
	u->db = db;
	int64_t id = 0;
	int gone = kept->id ? pf_load(db, &u->f, kept->id) : pf_init_new(db, &u->f, kept->cycle_id);
	if (gone) {
		dlg_message(_("Not saved"), _("This proposal no longer exists."));
	} else {
		unsaved_apply_proposal(kept, &u->f);
		id = run(u);
	}
	pf_free(&u->f);
	free(u);
	return id;
}
