/* The review screen: the draft set against the published register, what a
 * clerk shows the Council (cl. 10) — totals by section, body and level on
 * top, then each added, removed and changed row with its changed cells
 * marked; F3 shows the old and new values, F4 approves a change, F8 returns
 * it with a comment.  The core decides who may approve (auth_approve): its
 * refusal is shown as it gives it. */
#include "screens/review_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/list.h"
#include "kit/textview.h"
#include "kit/widgets.h"
#include "base/i18n.h"
#include "domain/review.h"
#include "base/text.h"
#include "kit/theme.h"
#include "view/reviewview.h"

static struct {
	struct revview v;
	int loaded;
	struct ui_list list;
} rs;

/* After a language switch the bodies are named again; the changes are
 * read again only after a decision and on F5. */
static void named(tz_db *db)
{
	if (strcmp(rs.v.lang, i18n_lang()))
		revview_set_lang(db, &rs.v, NULL);
}

static void load(tz_db *db)
{
	if (rs.loaded) {
		named(db);
		return;
	}
	revview_load(db, NULL, &rs.v);
	rs.list.n = rs.v.n;
	rs.loaded = 1;
}

static void count_text(const struct review_count *n, char *buf, size_t len)
{
	snprintf(buf, len, "+%d -%d ~%d", n->added, n->removed, n->changed);
}

/* Totals, three lines from y: all and the sections; the bodies; the levels. */
static int draw_totals(int y)
{
	char line[1024], part[256], n[64];
	count_text(&rs.v.t.all, n, sizeof n);
	char s0[64], s1[64];
	count_text(&rs.v.t.section[0], s0, sizeof s0);
	count_text(&rs.v.t.section[1], s1, sizeof s1);
	snprintf(line, sizeof line, _("All %s (+ added, - removed, ~ changed); mandatory %s; voluntary %s; "
	                              "to review %d, returned %d"),
	         n, s0, s1, rs.v.t.pending - rs.v.t.returned, rs.v.t.returned);
	draw_fill(y, theme(TH_SECTION));
	draw_cell(y, 1, COLS - 2, line, theme(TH_SECTION), 0);
	snprintf(line, sizeof line, "%s", _("By body:"));
	for (int i = 0; i < rs.v.t.nbody; i++) {
		/* Whole names: the line is cut once, at the screen's edge, by
		 * draw_cell, never inside a letter. */
		count_text(&rs.v.t.body[i].n, n, sizeof n);
		size_t at = strlen(line);
		snprintf(line + at, sizeof line - at, " %s %s;", rs.v.body_name[i], n);
	}
	draw_cell(y + 1, 1, COLS - 2, line, theme(TH_NORMAL), 0);
	snprintf(line, sizeof line, "%s", _("By level:"));
	for (int i = 0; i < rs.v.t.nlevel; i++) {
		count_text(&rs.v.t.level[i].n, n, sizeof n);
		snprintf(part, sizeof part, " %s: %s;", rs.v.t.level[i].label, n);
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s", part);
	}
	draw_cell(y + 2, 1, COLS - 2, line, theme(TH_NORMAL), 0);
	return 3;
}

enum { C_MARK, C_CODE, C_LEVEL, C_NAME, C_BASIS, C_VALID, C_BODY, C_PROF, C_SECT, C_DEC, NCOL };
static const unsigned col_bit[NCOL] = {0, COL_CODE, COL_LEVEL, COL_NAME, COL_BASIS,
                                       COL_VALIDITY, COL_BODY, COL_PROFILE, COL_SECTION, 0};

static int list_top(void) { return 5; }

static const char *decision_word(const struct revview_change *c)
{
	return !strcmp(c->decision, "approved") ? _("approved")
	     : !strcmp(c->decision, "returned") ? _("returned") : _("to review");
}

static void review_draw(struct ui_app *app)
{
	load(app->db);
	char title[256];
	snprintf(title, sizeof title, _("Review: draft register %lld against the published %lld"),
	         (long long)rs.v.version, (long long)rs.v.base);
	cui_title(title);
	int y = 1 + draw_totals(1);

	static const char *const head[NCOL] = {
		"", N_("NKZ code"), N_("Lvl"), N_("Profession"), N_("Basis"), N_("Validity"),
		N_("Body"), N_("Prof."), N_("Sect."), N_("Decision")};
	int w[NCOL] = {1, 10, 4, 0, 0, 8, 8, 4, 5, 10}, fixed = 0;
	for (int i = 0; i < NCOL; i++)
		fixed += w[i] + 1;
	int rest = COLS - fixed - 1;
	w[C_NAME] = rest * 3 / 5;
	w[C_BASIS] = rest - w[C_NAME];
	int x[NCOL];
	x[0] = 1;
	for (int i = 1; i < NCOL; i++)
		x[i] = x[i - 1] + w[i - 1] + 1;
	draw_fill(y, theme(TH_HEAD));
	for (int i = 0; i < NCOL; i++)
		draw_cell(y, x[i], w[i], _(head[i]), theme(TH_HEAD), 0);

	rs.list.h = LINES - 2 - list_top();
	list_fit(&rs.list);
	for (int i = rs.list.top; i < rs.v.n && i < rs.list.top + rs.list.h; i++) {
		const struct revview_change *c = &rs.v.c[i];
		const struct reg_row *r = c->has_neu ? &c->neu : &c->old;
		int ly = list_top() + i - rs.list.top;
		attr_t a = i == rs.list.cur ? theme(TH_CURSOR) : theme(TH_NORMAL);
		if (i == rs.list.cur)
			draw_fill(ly, a);
		char v[8][128];
		const char *cell[NCOL];
		cell[C_MARK] = c->kind == DIFF_ADDED ? "+" : c->kind == DIFF_REMOVED ? "-" : "~";
		cell[C_CODE] = r->nkz_code;
		cell[C_LEVEL] = r->level;
		cell[C_NAME] = i18n_pick(r->name_kk, r->name_ru);
		cell[C_BASIS] = i18n_pick(r->basis_kk, r->basis_ru);
		reg_validity_label(r->validity, v[0], sizeof v[0]);
		cell[C_VALID] = v[0];
		cell[C_BODY] = c->has_neu ? c->neu_body : c->old_body;
		cell[C_PROF] = reg_profile_label(r->profile);
		cell[C_SECT] = !strcmp(r->section, "mandatory") ? _("mand.") : _("vol.");
		cell[C_DEC] = decision_word(c);
		for (int k = 0; k < NCOL; k++) {
			attr_t ca = a;
			/* A changed cell stands out, on the cursor row as elsewhere. */
			if (c->kind == DIFF_CHANGED && (c->cols & col_bit[k]))
				ca = theme(TH_MARK);
			if (k == C_DEC && !strcmp(c->decision, "returned"))
				ca = theme(TH_ALERT);
			draw_cell(ly, x[k], w[k], cell[k], ca, 0);
		}
	}
	if (!rs.v.n)
		draw_cell(list_top() + 1, 2, COLS - 4,
		          rs.v.version ? _("The draft does not differ from the published register.")
		                     : _("There is no draft register."), theme(TH_NORMAL), 0);
	char st[256];
	snprintf(st, sizeof st, _("Change %d of %d.  Changed cells are marked; F3 shows the old values."),
	         rs.v.n ? rs.list.cur + 1 : 0, rs.v.n);
	cui_status(LINES - 2, st);
}

/* ---- F3: one change, old against new ----------------------------------- */

static void fill_change(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	named(app->db);
	if (!rs.v.n) {
		snprintf(title, len, "%s", _("Review"));
		return;
	}
	const struct revview_change *c = &rs.v.c[rs.list.cur];
	const char *kind = c->kind == DIFF_ADDED ? _("added") : c->kind == DIFF_REMOVED ? _("removed")
	                                                                                 : _("changed");
	snprintf(title, len, _("Change %s: %s"), c->key, kind);
	static const struct { unsigned bit; const char *label; } cols[] = {
		{COL_CODE, N_("NKZ code")}, {COL_NAME, N_("Name (Kazakh)")}, {COL_NAME, N_("Name (Russian)")},
		{COL_SECTION, N_("Section")}, {COL_BASIS, N_("Basis (Kazakh)")}, {COL_BASIS, N_("Basis (Russian)")},
		{COL_LEVEL, N_("Level")}, {COL_VALIDITY, N_("Validity")}, {COL_BODY, N_("Sectoral body")},
		{COL_PROFILE, N_("Profile")},
	};
	for (int side = 0; side < 2; side++) {
		const struct reg_row *r = side ? (c->has_neu ? &c->neu : NULL) : (c->has_old ? &c->old : NULL);
		tv_heading(l, side ? _("In the draft") : _("In the published register"));
		if (!r) {
			tv_line(l, theme(TH_NORMAL), side ? _("removed: not in the draft") : _("not there: a new row"));
			continue;
		}
		for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
			char v[512], label[160];
			const char *val = "";
			switch (i) {
			case 0: val = r->nkz_code; break;
			case 1: val = r->name_kk; break;
			case 2: val = r->name_ru; break;
			case 3: val = reg_section_title(r->section); break;
			case 4: val = r->basis_kk; break;
			case 5: val = r->basis_ru; break;
			case 6: val = r->level; break;
			case 7: reg_validity_label(r->validity, v, sizeof v); val = v; break;
			case 8: val = side ? c->neu_body : c->old_body; break;
			case 9: val = reg_profile_label(r->profile); break;
			}
			int changed = c->kind == DIFF_CHANGED && (c->cols & cols[i].bit);
			snprintf(label, sizeof label, "%s%s", changed ? "* " : "", _(cols[i].label));
			tv_pair(l, label, val && *val ? val : "-");
		}
	}
	if (c->kind == DIFF_CHANGED)
		tv_line(l, theme(TH_SECTION), _("* the column changed"));
	tv_heading(l, _("Decision"));
	tv_pair(l, _("Prepared by"), *c->author ? c->author : "-");
	char d[700];
	if (*c->decision)
		snprintf(d, sizeof d, "%s (%s)%s%s", decision_word(c), c->login, *c->comment ? ": " : "", c->comment);
	else
		snprintf(d, sizeof d, "%s", decision_word(c));
	tv_pair(l, _("Review"), d);
	tv_pair(l, _("National Council"), *c->council ? c->council : "-");
}

/* ---- decisions ---------------------------------------------------------- */

static enum ui_result act_approve(struct ui_app *app)
{
	if (!rs.v.n)
		return UI_REDRAW;
	char err[512] = "", key[32];
	snprintf(key, sizeof key, "%s", rs.v.c[rs.list.cur].key);
	if (review_decide(app->db, key, 1, NULL, err, sizeof err))
		cui_say(1, "%s", err);
	else
		cui_say(0, _("%s approved."), key);
	rs.loaded = 0;
	return UI_REDRAW;
}

static char return_key[32];

static void return_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	char err[512] = "";
	if (review_decide(app->db, return_key, 0, f[0].value, err, sizeof err))
		cui_say(1, "%s", err);
	else
		cui_say(0, _("%s returned."), return_key);
	rs.loaded = 0;
}

static enum ui_result act_return(struct ui_app *app)
{
	if (!rs.v.n)
		return UI_REDRAW;
	snprintf(return_key, sizeof return_key, "%s", rs.v.c[rs.list.cur].key);
	struct dlg_field f[] = {{.label = N_("Comment")}};
	dlg_fields(app, N_("Return the change"), f, 1, return_done);
	return UI_REDRAW;
}

static enum ui_result act_view(struct ui_app *app)
{
	if (rs.v.n)
		tv_open(app, fill_change);
	return UI_REDRAW;
}

static enum ui_result act_reload(struct ui_app *app)
{
	(void)app;
	rs.loaded = 0;
	cui_clear();
	return UI_REDRAW;
}

static enum ui_result act_move(struct ui_app *app)
{
	list_key(&rs.list, app->key);
	return UI_REDRAW;
}

static enum ui_result act_leave(struct ui_app *app)
{
	revview_free(&rs.v);
	rs.loaded = 0;
	return cui_leave(app);
}

static const struct ui_action review_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{3, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), N_("View"),
	 N_("Show the change in full: the published and the draft values, the decision"), act_view,
	 SET_ACT_VIEW},
	{4, {0}, NULL, N_("Approve"),
	 N_("Approve the change (an approver who did not prepare it)"), act_approve, 0},
	{5, {0}, NULL, N_("Reread"), N_("Read the changes again"), act_reload, 0},
	{8, {0}, NULL, N_("Return"), N_("Return the change with a comment"), act_return, 0},
	UI_KEY_CLOSE(N_("Back to the screen before"), act_leave),
	UI_LIST_KEYS(act_move, N_("The change above"), N_("The change below"), N_("A page up"),
	             N_("A page down"), N_("The first change"), N_("The last change")),
};

static const struct ui_screen review_screen = {
	.actions = review_actions,
	.nactions = (int)(sizeof review_actions / sizeof *review_actions),
	.draw = review_draw,
};

enum ui_result ui_open_review(struct ui_app *app)
{
	rs.loaded = 0;
	rs.list = (struct ui_list){0};
	cui_clear();
	ui_push(app, &review_screen);
	return UI_REDRAW;
}
