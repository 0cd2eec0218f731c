/* One list screen serves every small reference table: a table is described
 * by its columns and the list in view/refview.h, and the screen reads only
 * the rows it shows (these tables hold tens of rows, not thousands).
 * Employer associations also take F5 New: a sectoral body's clerk adds the
 * associations that propose to that body (cl. 6). */
#include "screens/reference_screens.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/columns.h"
#include "store/auth.h"
#include "kit/dialog.h"
#include "kit/widgets.h"
#include "forms/pickers.h"
#include "kit/draw.h"
#include "kit/list.h"
#include "base/i18n.h"
#include "kit/picker.h"
#include "domain/proposals.h"
#include "base/text.h"
#include "kit/theme.h"
#include "view/refview.h"

enum { MAXCOL = 4 };

/* How a column is laid out (kit/columns.h): a code, a short name, a level
 * and the authorized mark whole, at the widest of their cells (a short name
 * up to cap); a name or a description takes what is left.  The councils'
 * names differ only past "Sectoral council on professional qualifications
 * in the sphere of": their bodies join only where the names keep the width
 * to show that part (132 columns), never cutting them into look-alikes. */
struct refcol {
	const char *head;   /* N_() */
	int cap;            /* the widest a whole cell may make it; 0: a text column */
	int right;
	int authorized;     /* shows "yes" for the authorized body, not a cell */
	int rank;           /* 0: always; 1: only when the text column keeps its names whole */
	int shortname;      /* a body's short name: whole up to cap, wider where there is room */
};

/* The columns show the list's cells in order (refview.h). */
struct refdef {
	const char *title;  /* N_() */
	enum refview_list list;
	int ncols;
	struct refcol col[MAXCOL];
};

static const struct refdef bodies = {
	N_("Sectoral state bodies"), REFVIEW_BODIES, 4,
	{{N_("Code"), 14, 0, 0, 0, 0}, {N_("Short name"), 16, 0, 0, 0, 1}, {N_("Name"), 0, 0, 0, 0, 0},
	 {N_("Authorized"), 10, 0, 1, 0, 0}},
};

static const struct refdef associations = {
	N_("Employer associations"), REFVIEW_ASSOCIATIONS, 2,
	{{N_("Name"), 0, 0, 0, 0, 0}, {N_("Body"), 16, 0, 0, 1, 1}},
};

static const struct refdef councils = {
	N_("Sectoral councils"), REFVIEW_COUNCILS, 2,
	{{N_("Name"), 0, 0, 0, 0, 0}, {N_("Body"), 16, 0, 0, 1, 1}},
};

static const struct refdef levels = {
	N_("NRK levels"), REFVIEW_LEVELS, 2,
	{{N_("Level"), 6, 0, 0, 0, 0}, {N_("Description"), 0, 0, 0, 0, 0}},
};

static const struct refdef *def;
static struct ui_list rows;

static int count_rows(tz_db *db)
{
	int n = refview_count(db, def->list);
	return n > 0 ? n : 0;
}

/* The widest cell of each column over the whole list (tens of rows). */
static void ref_measure_row(void *ctx, const struct refview_row *r)
{
	int *need = ctx;
	for (int c = 0, cell = 0; c < def->ncols; c++) {
		const char *v = def->col[c].authorized ? (r->authorized ? _("yes") : "")
		              : cell < r->ncell ? r->cell[cell++] : "";
		need[c] = columns_widest(need[c], v);
	}
}

/* The width a text column keeps before a column of rank 1 joins it (where
 * there is none, 20 is its least). */
enum { TEXT_MIN = 72 };

static void widths(tz_db *db, int n, int w[MAXCOL], int x[MAXCOL])
{
	int need[MAXCOL] = {0};
	refview_window(db, def->list, NULL, 0, n, ref_measure_row, need);
	struct ui_column col[MAXCOL];
	int optional = 0;
	for (int c = 0; c < def->ncols; c++)
		optional |= def->col[c].rank > 0;
	for (int c = 0; c < def->ncols; c++) {
		const struct refcol *d = &def->col[c];
		int cap = d->cap ? d->cap : optional ? TEXT_MIN : 20;
		/* A short name grows where there is room, up to its widest. */
		int flex = !d->cap ? 3 : d->shortname ? 1 : 0;
		col[c] = (struct ui_column){d->head, need[c] < cap ? need[c] : cap, d->rank, flex,
		                            d->cap ? need[c] : 0, 0, 0};
	}
	columns_fit(col, def->ncols, 1, COLS - 1);
	columns_head(1, col, def->ncols);
	for (int c = 0; c < def->ncols; c++) {
		w[c] = col[c].w;
		x[c] = col[c].x;
	}
}

/* The window's rows as they are drawn, and both languages of the one under
 * the cursor. */
struct ref_window {
	int w[MAXCOL], x[MAXCOL];
	int i;
	char both[2][512];
};

static void ref_draw_row(void *ctx, const struct refview_row *r)
{
	struct ref_window *win = ctx;
	int on = rows.top + win->i == rows.cur;
	attr_t a = on ? theme(TH_CURSOR) : theme(TH_NORMAL);
	draw_fill(2 + win->i, a);
	for (int c = 0, cell = 0; c < def->ncols; c++) {
		const char *v = "";
		if (def->col[c].authorized)
			v = r->authorized ? _("yes") : "";
		else if (cell < r->ncell)
			v = r->cell[cell++];
		draw_cell(2 + win->i, win->x[c], win->w[c], v, a, def->col[c].right);
	}
	if (on) {
		snprintf(win->both[0], sizeof win->both[0], "%s", r->kk);
		snprintf(win->both[1], sizeof win->both[1], "%s", r->ru);
	}
	win->i++;
}

static void ref_draw(struct ui_app *app)
{
	char title[256];
	rows.n = count_rows(app->db);
	/* Under the rows, both languages of the one under the cursor, each
	 * whole in up to two lines. */
	rows.h = LINES - 8;
	list_fit(&rows);
	snprintf(title, sizeof title, "%s (%d)", _(def->title), rows.n);
	cui_title(title);
	struct ref_window win = {.i = 0};
	widths(app->db, rows.n, win.w, win.x);
	refview_window(app->db, def->list, NULL, rows.top, rows.h, ref_draw_row, &win);
	if (!rows.n)
		draw_cell(3, 2, COLS - 4, _("This list is empty."), theme(TH_NORMAL), 0);
	/* Both languages of the row under the cursor, whichever is on screen. */
	const char *kk = _("Kazakh:"), *ru = _("Russian:");
	int lw = text_width(kk) > text_width(ru) ? text_width(kk) : text_width(ru);
	for (int y = LINES - 6; y < LINES - 2; y++)
		draw_fill(y, theme(TH_NORMAL));
	draw_cell(LINES - 6, 1, lw, kk, theme(TH_HEAD), 0);
	draw_wrap(LINES - 6, lw + 2, COLS - lw - 3, 2, win.both[0], theme(TH_NORMAL));
	draw_cell(LINES - 4, 1, lw, ru, theme(TH_HEAD), 0);
	draw_wrap(LINES - 4, lw + 2, COLS - lw - 3, 2, win.both[1], theme(TH_NORMAL));
	char status[128];
	if (rows.n)
		snprintf(status, sizeof status, _("Row %d of %d"), rows.cur + 1, rows.n);
	else
		snprintf(status, sizeof status, "%s", _("No rows"));
	cui_status(LINES - 2, status);
}

static enum ui_result act_move(struct ui_app *app)
{
	list_key(&rows, app->key);
	return UI_REDRAW;
}

/* The keys every reference screen has; the associations' adds F5. */
#define REF_KEYS_TAIL \
	UI_KEY_MENU, \
	UI_KEY_CLOSE(N_("Back to the register"), act_close), \
	UI_LIST_KEYS(act_move, N_("Move to the previous row"), N_("Move to the next row"), \
	             N_("Move a page up"), N_("Move a page down"), N_("Go to the first row"), \
	             N_("Go to the last row"))

static const struct ui_action ref_actions[] = {UI_KEY_HELP, UI_KEY_LANGUAGE, REF_KEYS_TAIL};

static const struct ui_screen ref_screen = {
	.actions = ref_actions,
	.nactions = (int)(sizeof ref_actions / sizeof *ref_actions),
	.draw = ref_draw,
	.input = NULL,
};

/* ---- F5: a new employer association -------------------------------------- */

static void assoc_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	/* A sectoral body's clerk adds to that body; anyone else chooses.
	 * Whether they may is the core's to say. */
	struct who w;
	int64_t body = 0;
	if (!auth_whoami(app->db, &w) && w.role == ROLE_SB_CLERK && w.body_id) {
		body = w.body_id;
	} else {
		struct picker p = {N_("Sectoral state body"), 1, 0, form_load_bodies, NULL, NULL, &app->db};
		char key[32];
		if (!picker_run(&p, NULL, key, sizeof key))
			return;
		body = strtoll(key, NULL, 10);
	}
	char err[512] = "";
	int64_t id = 0;
	if (proposals_association_add(app->db, body, f[0].value, f[1].value, &id, err, sizeof err)) {
		cui_say(1, "%s", err);
		return;
	}
	char said[256];
	snprintf(said, sizeof said, _("Employer association %lld added.\n"), (long long)id);
	said[strcspn(said, "\n")] = 0;
	cui_say(0, "%s", said);
	/* The cursor onto the new one, wherever the language's order put it. */
	int at = refview_association_at(app->db, id, NULL);
	rows.cur = at > 0 ? at : 0;
}

static enum ui_result act_new_assoc(struct ui_app *app)
{
	struct dlg_field f[] = {{.label = N_("Name (Kazakh)")}, {.label = N_("Name (Russian)")}};
	cui_clear();
	dlg_fields(app, N_("New employer association"), f, 2, assoc_done);
	return UI_REDRAW;
}

static const struct ui_action assoc_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{5, {0}, NULL, N_("New"),
	 N_("Add an employer association: its names in Kazakh and Russian, then its sectoral body"),
	 act_new_assoc, SET_ACT_NEW},
	REF_KEYS_TAIL,
};

static int assoc_may(struct ui_app *app, const struct ui_action *a, char *why, size_t len)
{
	if (a->run == act_new_assoc)
		return auth_edit_reference(app->db, why, len);
	return 0;
}

static const struct ui_screen assoc_screen = {
	.actions = assoc_actions,
	.nactions = (int)(sizeof assoc_actions / sizeof *assoc_actions),
	.draw = ref_draw,
	.input = NULL,
	.may = assoc_may,
};

static enum ui_result open_def(struct ui_app *app, const struct refdef *d)
{
	def = d;
	rows = (struct ui_list){0};
	cui_clear();
	ui_push(app, d == &associations ? &assoc_screen : &ref_screen);
	return UI_REDRAW;
}

enum ui_result refs_open_bodies(struct ui_app *app) { return open_def(app, &bodies); }
enum ui_result refs_open_associations(struct ui_app *app) { return open_def(app, &associations); }
enum ui_result refs_open_councils(struct ui_app *app) { return open_def(app, &councils); }
enum ui_result refs_open_levels(struct ui_app *app) { return open_def(app, &levels); }
