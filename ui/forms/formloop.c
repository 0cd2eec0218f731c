/* The entry forms' common part: lines of fields with their problems,
 * scrolled when they do not fit (with an arrow at the edge that has more),
 * and the loop that reads keys until an action closes the form or the
 * terminal goes away. */
#include "forms/formloop.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "forms/pickers.h"
#include "base/i18n.h"
#include "kit/keybar.h"
#include "kit/picker.h"
#include "view/rowform.h"
#include "kit/screen.h"
#include "base/text.h"
#include "kit/theme.h"
#include "view/unsaved.h"

enum { MAX_FIELDS = 32 };

static const struct ui_action common[] = {
	[FL_HELP] = {1, {0}, NULL, N_("Help"), N_("Show the keys of the form"), NULL, SET_ACT_HELP},
	[FL_LANG] = {2, {0}, NULL, N_("Language"),
	             N_("Switch the form between Kazakh and Russian; what you typed stays"), NULL,
	             SET_ACT_LANGUAGE},
	[FL_CANCEL] = {10, {27, 0}, N_("Esc"), N_("Cancel"),
	               N_("Leave the form; asks first when there are changes that are not saved"), NULL,
	               0},
	[FL_NEXT] = {0, {'\t', KEY_DOWN, 0}, N_("Tab or Down"), NULL, N_("Go to the next field"),
	             NULL, 0},
	[FL_PREV] = {0, {KEY_BTAB, KEY_UP, 0}, N_("Shift-Tab or Up"), NULL,
	             N_("Go to the previous field"), NULL, 0},
};

/* The form's lines: a field, a further line of a long text, or the
 * problem beneath the field: field | MORE | row << ROW_SHIFT, field | PROBLEM. */
#define PROBLEM 0x100
#define MORE 0x200
#define ROW_SHIFT 12
#define FIELD_OF(line) ((line) & 0xff)
/* The most lines a long text takes on the form; the focused one scrolls to
 * its cursor within them. */
enum { TEXT_ROWS = 6, WRAP_MAX = 256, PROBLEM_ROWS = 3 };

static void field_of(const struct fl_form *s, int i, struct fl_field *d)
{
	memset(d, 0, sizeof *d);
	s->ops->field(s->form, i, d);
}

static int focusable(const struct fl_form *s, int i)
{
	struct fl_field d;
	field_of(s, i, &d);
	return d.shown && d.kind != FL_K_SHOWN;
}

/* Where the values start and how wide the labels are, for this width. */
static int label_width(const struct fl_form *s)
{
	int lw = 0, max = s->label_max ? s->label_max : COLS / 3;
	for (int i = 0; i < s->nfields; i++) {
		struct fl_field d;
		field_of(s, i, &d);
		int w = text_width(d.label);
		lw = w > lw ? w : lw;
	}
	/* The values keep forty columns when the screen has them. */
	if (max > COLS - 44 && COLS - 44 >= 12)
		max = COLS - 44;
	return lw > max ? max : lw;
}

static int value_width(const struct fl_field *d, int vx)
{
	int w = d->width ? d->width : COLS - vx - 1;
	return vx + w > COLS - 1 ? COLS - 1 - vx : w;
}

/* A long text (typed, as wide as the line allows) wraps over lines of its
 * own; rows gets how many, and the first shown and the cursor's row. */
static int wrapped(const struct fl_form *s, int i, const struct fl_field *d, int vx, int *first,
                   int *crow, int *ccol, size_t *start, size_t *len)
{
	struct textedit *t = d->kind == FL_K_TEXT && !d->width ? s->ops->text(s->form, i) : NULL;
	if (!t)
		return 0;
	int w = value_width(d, vx);
	int n = te_wrap(t, w, start, len, WRAP_MAX, crow, ccol);
	int shown = n < TEXT_ROWS ? n : TEXT_ROWS;
	*first = *crow >= shown ? *crow - shown + 1 : 0;
	if (i != s->focus)
		*first = 0;
	return shown;
}

static int form_lines(const struct fl_form *s, const struct problems *p, int *lines, int vx)
{
	int n = 0;
	size_t start[WRAP_MAX], len[WRAP_MAX];
	for (int i = 0; i < s->nfields && i < MAX_FIELDS; i++) {
		struct fl_field d;
		field_of(s, i, &d);
		if (!d.shown)
			continue;
		lines[n++] = i;
		int first, crow, ccol;
		int rows = wrapped(s, i, &d, vx, &first, &crow, &ccol, start, len);
		for (int k = 1; k < rows; k++)
			lines[n++] = i | MORE | k << ROW_SHIFT;
		if (problems_for(p, d.key) && (s->tried || s->touched & 1u << i)) {
			/* Wrapped, not cut: the Kazakh and Russian fields' problems
			 * differ only at their ends. */
			const char *m = problems_for(p, d.key);
			for (int k = 0; *m && k < PROBLEM_ROWS; k++) {
				lines[n++] = i | PROBLEM | k << ROW_SHIFT;
				m += draw_wrap_next(m, COLS - 5);
				while (*m == ' ')
					m++;
			}
		}
	}
	return n;
}

/* Keeps the focused field, all its lines and its problem, in view. */
static void keep_in_view(struct fl_form *s, const int *lines, int n, int h)
{
	int fl = -1, ll = 0;
	for (int i = 0; i < n; i++)
		if (FIELD_OF(lines[i]) == s->focus) {
			if (fl < 0)
				fl = i;
			ll = i;
		}
	if (fl < 0)
		fl = 0;
	if (ll >= s->top + h)
		s->top = ll - h + 1;
	if (fl < s->top)
		s->top = fl;
	if (s->top > n - h)
		s->top = n - h;
	if (s->top < 0)
		s->top = 0;
}

static void draw(void *ctx)
{
	struct fl_form *s = ctx;
	char buf[1024];
	attrset(theme(TH_NORMAL));
	erase();
	s->ops->head(s->form);

	struct problems p = {0};
	s->ops->validate(s->form, &p);
	int lw = label_width(s);
	int vx = lw + 4, cy = -1, cx = 0;
	int lines[MAX_FIELDS * (TEXT_ROWS + PROBLEM_ROWS)];
	int n = form_lines(s, &p, lines, vx);
	int y0 = 2, h = LINES - 4;
	keep_in_view(s, lines, n, h);
	size_t start[WRAP_MAX], len[WRAP_MAX];
	for (int k = s->top; k < n && k < s->top + h; k++) {
		int y = y0 + k - s->top, i = FIELD_OF(lines[k]);
		struct fl_field d;
		field_of(s, i, &d);
		if (lines[k] & PROBLEM) {
			/* From the label's column: a sentence needs the width more
			 * than it needs to line up with the value. */
			const char *m = problems_for(&p, d.key);
			for (int r = lines[k] >> ROW_SHIFT; r > 0 && *m; r--) {
				m += draw_wrap_next(m, COLS - 5);
				while (*m == ' ')
					m++;
			}
			int last = (lines[k] >> ROW_SHIFT) == PROBLEM_ROWS - 1;
			size_t fit = last ? strlen(m) : draw_wrap_next(m, COLS - 5);
			char *part = strndup(m, fit);
			draw_cell(y, 4, COLS - 5, part ? part : "", theme(TH_ALERT), 0);
			free(part);
			continue;
		}
		int focus = i == s->focus;
		int w = value_width(&d, vx);
		attr_t a = focus ? theme(TH_CURSOR) : d.kind == FL_K_SHOWN ? theme(TH_NORMAL)
		                                                         : theme(TH_STATUS);
		int first, crow, ccol;
		int rows = wrapped(s, i, &d, vx, &first, &crow, &ccol, start, len);
		if (rows) {
			/* One line of a long text: the label beside its first. */
			int row = lines[k] & MORE ? lines[k] >> ROW_SHIFT : 0;
			if (!row) {
				draw_cell(y, 0, 2, focus ? ">" : "", theme(TH_HEAD), 0);
				draw_cell(y, 2, lw, d.label, focus ? theme(TH_HEAD) : theme(TH_NORMAL), 0);
			}
			struct textedit *t = s->ops->text(s->form, i);
			int r = first + row;
			char *part = strndup(te_text(t) + start[r], len[r]);
			draw_cell(y, vx, w, part ? part : "", a, 0);
			free(part);
			if (focus && r == crow) {
				cy = y;
				cx = vx + ccol;
			}
			continue;
		}
		draw_cell(y, 0, 2, focus ? ">" : "", theme(TH_HEAD), 0);
		draw_cell(y, 2, lw, d.label, focus ? theme(TH_HEAD) : theme(TH_NORMAL), 0);
		struct textedit *t = s->ops->text(s->form, i);
		if (t) {
			field_draw(t, y, vx, w, a, 0);
			if (focus) {
				cy = y;
				cx = vx + te_view(t, w);
			}
		} else {
			s->ops->value(s->form, i, buf, sizeof buf);
			draw_cell(y, vx, w, buf, a, 0);
		}
	}
	/* What is scrolled off either end is signalled at the right edge. */
	if (s->top > 0)
		draw_cell(y0, COLS - 1, 1, "\u2191", theme(TH_HEAD), 0);
	if (s->top + h < n)
		draw_cell(y0 + h - 1, COLS - 1, 1, "\u2193", theme(TH_HEAD), 0);
	struct fl_field d;
	field_of(s, s->focus, &d);
	const char *line = s->note[0] ? s->note : d.hint ? d.hint : "";
	draw_cell(LINES - 2, 1, COLS - 2, line, s->note[0] && s->note_alert ? theme(TH_ALERT)
	                                               : theme(TH_NORMAL), 0);
	keybar_draw(&s->screen);
	if (cy >= 0 && !*s->readonly) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
}

void fl_note(struct fl_form *s, int alert, const char *msg)
{
	snprintf(s->note, sizeof s->note, "%s", msg);
	s->note_alert = alert;
}

void fl_focus_first(struct fl_form *s, const struct problems *p)
{
	for (int i = s->nfields - 1; i >= 0; i--) {
		struct fl_field d;
		field_of(s, i, &d);
		if (focusable(s, i) && problems_for(p, d.key))
			s->focus = i;
	}
}

static void step_focus(struct fl_form *s, int by)
{
	s->touched |= 1u << s->focus;
	int i = s->focus;
	do {
		i += by;
		if (s->wrap)
			i = (i + s->nfields) % s->nfields;
	} while (i >= 0 && i < s->nfields && i != s->focus && !focusable(s, i));
	if (i >= 0 && i < s->nfields)
		s->focus = i;
}

static int leave(struct fl_form *s)
{
	if (*s->readonly || !s->ops->changed(s->form))
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

/* Typing: into the focused text, or years over "without time limit".
 * 1 when the key was used up. */
static int typed(struct fl_form *s, int k)
{
	if (*s->readonly)
		return 0;
	struct textedit *t = s->ops->text(s->form, s->focus);
	/* Space on the validity switches "without time limit": a space is
	 * never part of a number of years. */
	if (t && !(s->focus == s->validity && k == ' ')) {
		enum field_result r = field_key(t, k);
		if (r == FIELD_CHANGED) {
			s->touched |= 1u << s->focus;
			s->edits++;
		}
		return r != FIELD_PASS;
	}
	if (s->focus == s->validity && *s->unlimited && ui_key_char(k) >= '0' &&
	    ui_key_char(k) <= '9') {
		/* Typing years over "without time limit" means years. */
		*s->unlimited = 0;
		te_set(s->years, NULL);
		field_key(s->years, k);
		return 1;
	}
	return 0;
}

/* The form's table with the common entries filled in. */
static void make_keys(struct fl_form *s)
{
	int n = s->nactions < 12 ? s->nactions : 12;
	for (int i = 0; i < n; i++) {
		int r = s->roles[i];
		s->keys[i] = s->actions[i].help || r >= (int)(sizeof common / sizeof *common)
		             ? s->actions[i] : common[r];
	}
	s->screen = (struct ui_screen){
		.actions = s->keys, .nactions = n,
		.about = N_("Fill in the fields from top to bottom: Enter or Tab moves to the next field "
		            "and never changes a value; Space opens a field's list or switches a choice; "
		            "a problem shows under its field. F5 saves; Esc leaves, asking first when "
		            "something is not saved."),
	};
}

void fl_run(struct fl_form *s)
{
	int done = 0;
	make_keys(s);
	while (s->focus < s->nfields && !focusable(s, s->focus))
		s->focus++;
	dlg_layer_push(draw, s);
	while (!done) {
		dlg_repaint();
		int k = read_key();
		if (unsaved_signalled) {
			/* The terminal is going: what was typed is kept aside for the
			 * next start; the database stays as last saved. */
			if (!*s->readonly && s->ops->changed(s->form))
				s->ops->keep(s->form);
			break;
		}
		if (k == KEY_RESIZE || k == ERR)
			continue;
		s->note[0] = 0;
		if (typed(s, k))
			continue;
		const struct ui_action *a = action_for_key(&s->screen, k);
		int id = a ? (int)(a - s->keys) : -1;
		enum fl_role role = id >= 0 ? (enum fl_role)s->roles[id] : FL_OWN;
		struct fl_field d;
		field_of(s, s->focus, &d);
		if (!a && (k == KEY_LEFT || k == KEY_RIGHT) && d.kind == FL_K_CHOICE)
			role = FL_OPEN;
		else if (!a)
			continue;
		switch (role) {
		case FL_HELP: form_keys_help(&s->screen); break;
		case FL_LANG: i18n_set_lang(i18n_is_kk() ? "ru" : "kk"); break;
		case FL_CANCEL: done = leave(s); break;
		case FL_NEXT: step_focus(s, 1); break;
		case FL_PREV: step_focus(s, -1); break;
		case FL_OPEN:
			if (!*s->readonly && d.kind == FL_K_TEXT) {
				step_focus(s, 1);
				break;
			}
			/* fall through */
		default: done = s->ops->act(s->form, role, id, k); break;
		}
	}
	dlg_layer_pop();
	curs_set(0);
}

/* The level picker ticks a copy. */
struct level_pick {
	tz_db *db;
	char levels[32][8];
	int n, max;
};
static int level_checked(void *ctx, const char *key)
{
	struct level_pick *lp = ctx;
	return rf_level_in((const char (*)[8])lp->levels, lp->n, key);
}
static void level_toggle(void *ctx, const char *key)
{
	struct level_pick *lp = ctx;
	rf_level_toggle(lp->levels, &lp->n, lp->max, key);
}

void fl_pick_levels(tz_db *db, char (*levels)[8], int *n, int max)
{
	struct level_pick *lp = calloc(1, sizeof *lp);
	if (!lp)
		return;
	lp->db = db;
	lp->max = max < 32 ? max : 32;
	lp->n = *n < lp->max ? *n : lp->max;
	memcpy(lp->levels, levels, (size_t)lp->n * sizeof lp->levels[0]);
	struct picker p = {N_("Levels: tick each level the profession is recognised at"), 0, 1,
	                   form_load_levels, level_checked, level_toggle, lp};
	char key[32];
	if (picker_run(&p, *n ? levels[0] : NULL, key, sizeof key)) {
		memcpy(levels, lp->levels, (size_t)lp->n * sizeof lp->levels[0]);
		*n = lp->n;
	}
	free(lp);
}
