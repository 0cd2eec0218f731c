/* The proposal form: propform's fields one per line, each with its problem
 * beneath once the clerk has touched it or asked for the check; the lines
 * scroll when they do not fit (twenty fields do not on 80x24), with an
 * arrow at the edge that has more. */
#include "propform_ui.h"

#include <curses.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "dialog.h"
#include "draw.h"
#include "field.h"
#include "form.h"
#include "i18n.h"
#include "keybar.h"
#include "picker.h"
#include "propform.h"
#include "screen.h"
#include "text.h"
#include "theme.h"
#include "unsaved.h"

enum { A_HELP, A_LANG, A_SAVE, A_CHECK, A_CANCEL, A_NEXT, A_PREV, A_OPEN };
static const struct ui_action pf_actions[] = {
	[A_HELP] = {1, {0}, NULL, N_("Help"), N_("Show the keys of the form"), NULL},
	[A_LANG] = {2, {0}, NULL, N_("Language"),
	            N_("Switch the form between Kazakh and Russian; what you typed stays"), NULL},
	[A_SAVE] = {5, {0}, NULL, N_("Save"),
	            N_("Save the proposal; a draft may be saved before it is complete"), NULL},
	[A_CHECK] = {6, {0}, NULL, N_("Check"),
	             N_("Run the completeness check of cl. 9 and show each problem under its field"), NULL},
	[A_CANCEL] = {10, {27, 0}, N_("Esc"), N_("Cancel"),
	              N_("Leave the form; asks first when there are changes that are not saved"), NULL},
	[A_NEXT] = {0, {'\t', KEY_DOWN, 0}, N_("Tab or Down"), NULL, N_("Go to the next field"), NULL},
	[A_PREV] = {0, {KEY_BTAB, KEY_UP, 0}, N_("Shift-Tab or Up"), NULL,
	            N_("Go to the previous field"), NULL},
	[A_OPEN] = {0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL,
	            N_("Open the list of a field (body, association, code, levels), switch action, "
	               "section or profile, or set validity to without time limit"), NULL},
};
static const struct ui_screen pf_screen = {
	.actions = pf_actions,
	.nactions = (int)(sizeof pf_actions / sizeof *pf_actions),
};

struct pform {
	tz_db *db;            /* first: the pickers' lists read it from the context */
	struct propform f;
	int focus;
	int top;              /* the first line shown of the form's lines */
	int tried;            /* Check or Save was pressed: show every problem */
	unsigned touched;     /* fields the clerk changed or left: show their problems */
	char note[600];
	int note_alert;
};

static int focusable(const struct pform *u, int field)
{
	return pf_fields[field].kind != PF_NAME && pf_shown(&u->f, field);
}

static int is_text(const struct pform *u)
{
	enum pf_kind k = pf_fields[u->focus].kind;
	return k == PF_TEXT || (k == PF_VALIDITY && !u->f.unlimited);
}

static struct textedit *text_of(struct pform *u, int field)
{
	if (field == PF_F_VALIDITY)
		return u->f.unlimited ? NULL : &u->f.years;
	return pf_text(&u->f, field);
}

static const char *hint(const struct pform *u)
{
	switch (pf_fields[u->focus].kind) {
	case PF_BODY:
		return u->f.body_fixed ? _("Your own sectoral body: its clerks propose for it only.")
		                       : _("Enter: choose the sectoral state body");
	case PF_ASSOC: return _("Enter: choose the employer association that proposed it, or none");
	case PF_ACTION: return _("Enter or Left/Right: switch between include, exclude and amend");
	case PF_CODE: return _("Enter: find the occupation in the classifier by code or name");
	case PF_SECTION: return _("Enter or Left/Right: switch between mandatory and voluntary");
	case PF_TEXT: return _("Type the text; Left/Right, Home/End, Backspace and Delete edit it");
	case PF_LEVELS: return _("Enter: choose one or more levels; each level is saved as its own row");
	case PF_VALIDITY: return _("Type the years, 1 to 99; Enter: without time limit");
	case PF_PROFILE: return _("Enter or Left/Right: switch between technical and social-humanitarian");
	default: return "";
	}
}

/* The form's lines: a field, or the problem beneath it (field | PROBLEM). */
#define PROBLEM 0x100

static int form_lines(const struct pform *u, const struct problems *p, int *lines)
{
	int n = 0;
	for (int i = 0; i < PF_NFIELDS; i++) {
		if (!pf_shown(&u->f, i))
			continue;
		lines[n++] = i;
		if (problems_for(p, pf_fields[i].key) && (u->tried || u->touched & 1u << i))
			lines[n++] = i | PROBLEM;
	}
	return n;
}

static void pf_draw(void *ctx)
{
	struct pform *u = ctx;
	struct propform *f = &u->f;
	char buf[1024], label[256];
	attrset(theme(TH_NORMAL));
	erase();
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

	struct problems p = {0};
	pf_validate(u->db, f, &p);
	int lw = 0;
	for (int i = 0; i < PF_NFIELDS; i++) {
		pf_label(i, label, sizeof label);
		int w = text_width(label);
		lw = w > lw ? w : lw;
	}
	if (lw > COLS / 3)
		lw = COLS / 3;
	int lines[PF_NFIELDS * 2];
	int n = form_lines(u, &p, lines);
	int y0 = 2, h = LINES - 4, fl = 0;
	for (int i = 0; i < n; i++)
		if (lines[i] == u->focus)
			fl = i;
	/* Keep the focused field, and its problem, in view. */
	if (fl + 1 < n && lines[fl + 1] == (u->focus | PROBLEM) && fl + 1 >= u->top + h)
		u->top = fl + 2 - h;
	if (fl >= u->top + h)
		u->top = fl - h + 1;
	if (fl < u->top)
		u->top = fl;
	if (u->top > n - h)
		u->top = n - h;
	if (u->top < 0)
		u->top = 0;
	int vx = lw + 4, cy = -1, cx = 0;
	for (int k = u->top; k < n && k < u->top + h; k++) {
		int y = y0 + k - u->top, i = lines[k] & ~PROBLEM;
		const struct pf_desc *d = &pf_fields[i];
		if (lines[k] & PROBLEM) {
			/* From the label's column: a sentence needs the width more
			 * than it needs to line up with the value. */
			draw_cell(y, 4, COLS - 5, problems_for(&p, d->key), theme(TH_ALERT), 0);
			continue;
		}
		int focus = i == u->focus;
		draw_cell(y, 0, 2, focus ? ">" : "", theme(TH_HEAD), 0);
		pf_label(i, label, sizeof label);
		draw_cell(y, 2, lw, label, focus ? theme(TH_HEAD) : theme(TH_NORMAL), 0);
		int w = d->width ? d->width : COLS - vx - 1;
		if (vx + w > COLS - 1)
			w = COLS - 1 - vx;
		attr_t a = focus ? theme(TH_CURSOR) : d->kind == PF_NAME ? theme(TH_NORMAL) : theme(TH_STATUS);
		struct textedit *t = text_of(u, i);
		if (t) {
			field_draw(t, y, vx, w, a, 0);
			if (focus) {
				cy = y;
				cx = vx + te_view(t, w);
			}
		} else {
			pf_value_text(u->db, f, i, buf, sizeof buf);
			draw_cell(y, vx, w, buf, a, 0);
		}
	}
	/* What is scrolled off either end is signalled at the right edge. */
	if (u->top > 0)
		draw_cell(y0, COLS - 1, 1, "\u2191", theme(TH_HEAD), 0);
	if (u->top + h < n)
		draw_cell(y0 + h - 1, COLS - 1, 1, "\u2193", theme(TH_HEAD), 0);
	const char *line = u->note[0] ? u->note : hint(u);
	draw_cell(LINES - 2, 1, COLS - 2, line, u->note[0] && u->note_alert ? theme(TH_ALERT)
	                                               : theme(TH_NORMAL), 0);
	keybar_draw(&pf_screen);
	if (cy >= 0 && !f->readonly) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
}

static void note(struct pform *u, int alert, const char *msg)
{
	snprintf(u->note, sizeof u->note, "%s", msg);
	u->note_alert = alert;
}

/* ---- pickers ------------------------------------------------------------- */

static void load_assocs(void *ctx, const char *query, struct picker_list *l)
{
	struct pform *u = ctx;
	char *fq = text_fold(query);
	const char *lang = i18n_lang();
	char sql[320];
	/* The body's own, and those that speak for every body (the National
	 * Chamber). */
	snprintf(sql, sizeof sql, "SELECT id, name_%s FROM association WHERE body_id = :b OR "
	         "body_id IS NULL ORDER BY name_%s COLLATE %s", lang, lang, lang);
	sqlite3_stmt *st = db_prep(u->db, sql);
	if (st && fq && !*fq)
		picker_add(l, "0", _("none"), 1);
	if (st)
		db_int(st, ":b", u->f.body_id);
	while (st && fq && db_step(u->db, st) == SQLITE_ROW) {
		char *fn = text_fold(db_col_text(st, 1));
		if (fn && strstr(fn, fq))
			picker_add(l, db_col_text(st, 0), db_col_text(st, 1), 1);
		free(fn);
	}
	sqlite3_finalize(st);
	free(fq);
}

struct level_pick {
	tz_db *db;
	struct propform copy;
};
static int level_checked(void *ctx, const char *key)
{
	return pf_has_level(&((struct level_pick *)ctx)->copy, key);
}
static void level_toggle(void *ctx, const char *key)
{
	pf_toggle_level(&((struct level_pick *)ctx)->copy, key);
}

/* The picker ticks a copy, so that Esc leaves the form's levels be. */
static void pick_levels(struct pform *u)
{
	struct level_pick *lp = calloc(1, sizeof *lp);
	if (!lp)
		return;
	lp->db = u->db;
	memcpy(lp->copy.levels, u->f.levels, sizeof lp->copy.levels);
	lp->copy.nlevels = u->f.nlevels;
	struct picker p = {N_("Levels: tick each level the profession is recognised at"), 0, 1,
	                   form_load_levels, level_checked, level_toggle, lp};
	char key[32];
	if (picker_run(&p, u->f.nlevels ? u->f.levels[0] : NULL, key, sizeof key)) {
		memcpy(u->f.levels, lp->copy.levels, sizeof u->f.levels);
		u->f.nlevels = lp->copy.nlevels;
	}
	free(lp);
}

static void pick(struct pform *u)
{
	struct propform *f = &u->f;
	char key[32], cur[32];
	switch (pf_fields[u->focus].kind) {
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
	case PF_LEVELS: pick_levels(u); break;
	default: break;
	}
}

/* Enter (and Left/Right on a choice): what the field does when opened. */
static void open_field(struct pform *u, int key)
{
	struct propform *f = &u->f;
	switch (pf_fields[u->focus].kind) {
	case PF_ACTION: pf_next_action(f); break;
	case PF_SECTION: pf_flip_section(f); break;
	case PF_PROFILE: pf_flip_profile(f); break;
	case PF_VALIDITY:
		if (key == '\r' || key == '\n' || key == KEY_ENTER)
			f->unlimited = !f->unlimited;
		break;
	default: pick(u); break;
	}
	u->touched |= 1u << u->focus;
}

static void step_focus(struct pform *u, int by)
{
	u->touched |= 1u << u->focus;
	int i = u->focus;
	do
		i += by;
	while (i >= 0 && i < PF_NFIELDS && !focusable(u, i));
	if (i >= 0 && i < PF_NFIELDS)
		u->focus = i;
}

/* Check: every problem under its field, the cursor on the first. */
static void check(struct pform *u)
{
	struct problems p = {0};
	int n = pf_validate(u->db, &u->f, &p);
	u->tried = 1;
	if (!n) {
		note(u, 0, _("Complete: nothing is missing."));
		return;
	}
	for (int i = PF_NFIELDS - 1; i >= 0; i--)
		if (focusable(u, i) && problems_for(&p, pf_fields[i].key))
			u->focus = i;
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

static int leave(struct pform *u)
{
	if (u->f.readonly || !pf_changed(&u->f))
		return 1;
	return dlg_confirm(_("Discard changes"),
	                   _("The form has changes that are not saved. Leave and lose them?"));
}

/* A key, or ERR once a hangup or a kill was signalled: the wait is cut into
 * short ones so that the flag is seen even where a signal does not end it. */
static int read_key(void)
{
	while (!unsaved_signalled) {
		timeout(100);
		int k = dlg_key();
		timeout(-1);
		if (k != ERR)
			return k;
	}
	return ERR;
}

static int64_t run(struct pform *u)
{
	int saved = 0, done = 0;
	while (u->focus < PF_NFIELDS && !focusable(u, u->focus))
		u->focus++;
	dlg_layer_push(pf_draw, u);
	while (!done) {
		dlg_repaint();
		int k = read_key();
		if (unsaved_signalled)
			break;      /* the terminal is going; the database stays as last saved */
		if (k == KEY_RESIZE || k == ERR)
			continue;
		u->note[0] = 0;
		struct textedit *t = text_of(u, u->focus);
		if (t && is_text(u) && !u->f.readonly) {
			enum field_result r = field_key(t, k);
			if (r == FIELD_CHANGED)
				u->touched |= 1u << u->focus;
			if (r != FIELD_PASS)
				continue;
		} else if (u->focus == PF_F_VALIDITY && u->f.unlimited && !u->f.readonly &&
		           ui_key_char(k) >= '0' && ui_key_char(k) <= '9') {
			/* Typing years over "without time limit" means years. */
			u->f.unlimited = 0;
			te_set(&u->f.years, NULL);
			field_key(&u->f.years, k);
			continue;
		}
		const struct ui_action *a = action_for_key(&pf_screen, k);
		int id = a ? (int)(a - pf_actions) : -1;
		enum pf_kind kind = pf_fields[u->focus].kind;
		if (!a && (k == KEY_LEFT || k == KEY_RIGHT) &&
		    (kind == PF_ACTION || kind == PF_SECTION || kind == PF_PROFILE))
			id = A_OPEN;
		switch (id) {
		case A_HELP: form_keys_help(&pf_screen); break;
		case A_LANG: i18n_set_lang(i18n_is_kk() ? "ru" : "kk"); break;
		case A_SAVE: done = saved = save(u); break;
		case A_CHECK: check(u); break;
		case A_CANCEL: done = leave(u); break;
		case A_NEXT: step_focus(u, 1); break;
		case A_PREV: step_focus(u, -1); break;
		case A_OPEN:
			if (u->f.readonly) {
				char buf[300];
				snprintf(buf, sizeof buf, _("Proposal %lld is %s: it can no longer be changed."),
				         (long long)u->f.id, proposals_state_label(u->f.state));
				note(u, 1, buf);
			} else if (kind == PF_TEXT)
				step_focus(u, 1);
			else
				open_field(u, k);
			break;
		default: break;
		}
	}
	dlg_layer_pop();
	curs_set(0);
	return saved ? u->f.id : 0;
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
