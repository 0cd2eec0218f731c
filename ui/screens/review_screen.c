/* The review screen: the draft set against the published register, what a
 * clerk shows the Council (cl. 10) — totals by section, body and level on
 * top, then each added, removed and changed row with its changed cells
 * marked; F3 shows the old and new values with the change's ground and the
 * proposal's justification (cl. 8, 8-1), F4 approves a change, F8 returns
 * it with a comment, and the cursor goes on to the next undecided change.
 * F6 shows the session's summary (per section, body and action, with the
 * share decided); Enter there lists the changes a line counts.  While the
 * register is formed per the Council's recommendations (cl. 11), F4 and F8
 * carry out the Council's item on the change and F7 its other items (amend,
 * exclude, add).  The core decides who may do what (auth_approve,
 * council_may_apply): its refusal is shown as it gives it. */
#include "screens/review_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/columns.h"
#include "kit/draw.h"
#include "kit/list.h"
#include "kit/textview.h"
#include "kit/widgets.h"
#include "base/i18n.h"
#include "domain/council.h"
#include "domain/ground.h"
#include "domain/proposals.h"
#include "domain/review.h"
#include "base/text.h"
#include "store/refdata.h"
#include "kit/theme.h"
#include "view/reviewview.h"

static struct {
	struct revview v;
	int loaded;
	struct ui_list list;          /* over idx: the changes the filter lets through */
	int *idx;
	int summary;                  /* the summary page is shown */
	struct ui_list glist;         /* its lines */
	struct revview_group g[REVVIEW_MAX_GROUPS];
	int ng;
	struct revview_group filter;  /* RG_ALL: every change */
	char after[32];               /* after a decision: go to the next undecided from this key */
} rs;

/* The changes the filter lets through, and the cursor placed after a
 * decision on the next one still undecided. */
static void review_index(void)
{
	free(rs.idx);
	rs.idx = malloc(((size_t)rs.v.n + 1) * sizeof *rs.idx);
	rs.list.n = 0;
	for (int i = 0; rs.idx && i < rs.v.n; i++)
		if (revview_in_group(&rs.v, i, &rs.filter))
			rs.idx[rs.list.n++] = i;
	rs.ng = revview_summary(&rs.v, rs.g);
	rs.glist.n = rs.ng;
	if (!rs.after[0])
		return;
	int from = 0;
	for (int k = 0; k < rs.list.n; k++)
		if (strcmp(rs.v.c[rs.idx[k]].key, rs.after) <= 0)
			from = k + 1;
	for (int k = 0; k < rs.list.n; k++) {
		int j = (from + k) % rs.list.n;
		if (!revview_decided(&rs.v, &rs.v.c[rs.idx[j]])) {
			rs.list.cur = j;
			break;
		}
	}
	rs.after[0] = 0;
}

/* The change under the cursor, or NULL. */
static const struct revview_change *review_current(void)
{
	return rs.idx && rs.list.n && rs.list.cur < rs.list.n ? &rs.v.c[rs.idx[rs.list.cur]] : NULL;
}

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
	review_index();
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

/* The summary page: one line per group, Enter lists its changes. */
static void review_draw_summary(void)
{
	int y = 2;
	/* The counts under their headers, each header whole in the language on
	 * screen; the line's name takes the rest. */
	struct ui_column col[5] = {
		{N_("Changes"), 20, 0, 1, 0, 0, 0},
		{N_("Added"), 5, 0, 0, 0, 0, 0},
		{N_("Excluded"), 5, 0, 0, 0, 0, 0},
		{N_("Amended"), 5, 0, 0, 0, 0, 0},
		{N_("Decided"), 5, 0, 0, 0, 0, 0},
	};
	columns_fit(col, 5, 1, COLS - 2);
	columns_head(y, col, 5);
	rs.glist.h = LINES - 3 - (y + 1);
	list_fit(&rs.glist);
	for (int i = rs.glist.top; i < rs.ng && i < rs.glist.top + rs.glist.h; i++) {
		const struct revview_group *g = &rs.g[i];
		int ly = y + 1 + i - rs.glist.top;
		attr_t a = i == rs.glist.cur ? theme(TH_CURSOR) : theme(TH_NORMAL);
		if (i == rs.glist.cur)
			draw_fill(ly, a);
		char label[600], n[4][32];
		int all = g->added + g->removed + g->changed;
		snprintf(n[0], sizeof n[0], "%d", g->added);
		snprintf(n[1], sizeof n[1], "%d", g->removed);
		snprintf(n[2], sizeof n[2], "%d", g->changed);
		snprintf(n[3], sizeof n[3], "%d%%", all ? g->decided * 100 / all : 100);
		draw_cell(ly, col[0].x, col[0].w, revview_group_label(&rs.v, g, label, sizeof label), a, 0);
		for (int k = 0; k < 4; k++)
			draw_cell(ly, col[k + 1].x, col[k + 1].w, n[k], a, 0);
	}
	cui_status(LINES - 2, _("Enter lists the changes of the line; F6 goes back to the changes."));
}

static const char *council_word(const struct revview_change *c)
{
	return !strcmp(c->council, "approved") ? _("approved")
	     : !strcmp(c->council, "returned") ? _("returned") : _("to decide");
}

/* The columns' needs from their words in the language on screen: every
 * decision and section word, every validity a row has, the bodies' short
 * names of the changes (whole up to a short name's ~10 letters and a
 * little at 80 columns, up to the widest where there is room). */
static void review_measure(struct ui_column *col)
{
	static const char *const dec[] = {"approved", "returned", ""};
	for (size_t i = 0; i < sizeof dec / sizeof *dec; i++) {
		struct revview_change c = {0};
		snprintf(c.decision, sizeof c.decision, "%s", dec[i]);
		snprintf(c.council, sizeof c.council, "%s", dec[i]);
		col[C_DEC].need = columns_widest(col[C_DEC].need, rs.v.forming ? council_word(&c) : decision_word(&c));
	}
	col[C_SECT].need = columns_widest(columns_widest(0, _("mand.")), _("vol."));
	col[C_PROF].need = columns_widest(columns_widest(0, reg_profile_label("t")), reg_profile_label("sg"));
	for (int i = 0; i < rs.v.n; i++) {
		const struct revview_change *c = &rs.v.c[i];
		const struct reg_row *r = c->has_neu ? &c->neu : &c->old;
		char v[128];
		reg_validity_label(r->validity, v, sizeof v);
		col[C_VALID].need = columns_widest(col[C_VALID].need, v);
		int bw = columns_widest(0, c->has_neu ? c->neu_body : c->old_body);
		if (bw > col[C_BODY].most)
			col[C_BODY].most = bw;
		if (bw > col[C_BODY].need)
			col[C_BODY].need = bw < 14 ? bw : 14;
		col[C_LEVEL].need = columns_widest(col[C_LEVEL].need, r->level);
	}
}

static void review_draw(struct ui_app *app)
{
	load(app->db);
	char title[256], group[600];
	snprintf(title, sizeof title, rs.v.forming ? _("Forming per the Council's recommendations: register %lld against the published %lld")
	                                           : _("Review: draft register %lld against the published %lld"),
	         (long long)rs.v.version, (long long)rs.v.base);
	if (rs.summary) {
		snprintf(title + strlen(title), sizeof title - strlen(title), " — %s", _("summary"));
		cui_title(title);
		review_draw_summary();
		return;
	}
	if (rs.filter.kind != RG_ALL)
		snprintf(title + strlen(title), sizeof title - strlen(title), " — %s",
		         revview_group_label(&rs.v, &rs.filter, group, sizeof group));
	cui_title(title);
	int y = 1 + draw_totals(1);

	/* What tells a change from the others whole at 80 columns: its mark,
	 * code, level, section, body and the decision, in the words of the
	 * language on screen; the profession takes the rest.  The validity,
	 * the profile and the basis join as the width allows (132 shows them
	 * all); F3 shows every value in full. */
	struct ui_column col[NCOL] = {
		[C_MARK] = {"", 1, 0, 0, 0, 0, 0},
		[C_CODE] = {N_("NKZ code"), 10, 0, 0, 0, 0, 0},
		[C_LEVEL] = {N_("Lvl"), 3, 0, 0, 0, 0, 0},
		[C_NAME] = {N_("Profession"), 18, 0, 3, 0, 0, 0},
		[C_BASIS] = {N_("Basis"), 16, 3, 2, 0, 0, 0},
		[C_VALID] = {N_("Validity"), 0, 1, 0, 0, 0, 0},
		[C_BODY] = {N_("Body"), 0, 0, 1, 0, 0, 0},
		[C_PROF] = {N_("Prof."), 0, 2, 0, 0, 0, 0},
		[C_SECT] = {N_("Sect."), 0, 0, 0, 0, 0, 0},
		[C_DEC] = {N_("Decision"), 0, 0, 0, 0, 0, 0},
	};
	review_measure(col);
	columns_fit(col, NCOL, 1, COLS - 1);
	int w[NCOL], x[NCOL];
	for (int i = 0; i < NCOL; i++) {
		w[i] = col[i].w;
		x[i] = col[i].x;
	}
	columns_head(y, col, NCOL);

	rs.list.h = LINES - 2 - list_top();
	list_fit(&rs.list);
	for (int i = rs.list.top; i < rs.list.n && i < rs.list.top + rs.list.h; i++) {
		const struct revview_change *c = &rs.v.c[rs.idx[i]];
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
		cell[C_DEC] = rs.v.forming ? council_word(c) : decision_word(c);
		for (int k = 0; k < NCOL; k++) {
			attr_t ca = a;
			/* A changed cell stands out, on the cursor row as elsewhere. */
			if (c->kind == DIFF_CHANGED && (c->cols & col_bit[k]))
				ca = theme(TH_MARK);
			if (k == C_DEC && !strcmp(c->decision, "returned"))
				ca = theme(TH_ALERT);
			if (w[k])
				draw_cell(ly, x[k], w[k], cell[k], ca, 0);
		}
	}
	if (!rs.list.n)
		draw_cell(list_top() + 1, 2, COLS - 4,
		          !rs.v.version ? _("There is no draft register.")
		          : rs.v.n ? _("No change of the draft is in this line of the summary.")
		                   : _("The draft does not differ from the published register."), theme(TH_NORMAL), 0);
	char st[256];
	snprintf(st, sizeof st, _("Change %d of %d.  Changed cells are marked; F3 shows the old values."),
	         rs.list.n ? rs.list.cur + 1 : 0, rs.list.n);
	cui_status(LINES - 2, st);
}

/* ---- F3: one change, old against new ----------------------------------- */

/* The change's grounds (cl. 10, 11) and, for a proposal, its justification
 * (cl. 8; cl. 8-1 in the mandatory section) in the current language. */
static void review_fill_ground(struct ui_app *app, struct tv_lines *l, const struct revview_change *c)
{
	const struct reg_row *r = c->has_neu ? &c->neu : &c->old;
	struct ground_set gs;
	tv_heading(l, _("Ground of the change"));
	if (ground_of(app->db, rs.v.version, r->nkz_code, r->level, &gs)) {
		tv_line(l, theme(TH_ALERT), _("The grounds could not be read."));
		return;
	}
	if (!gs.n)
		tv_line(l, theme(TH_ALERT), _("no ground: no proposal, no item of the Council's recommendations, "
		                              "no technical correction"));
	for (int i = 0; i < gs.n; i++) {
		char one[1200];
		tv_line(l, theme(TH_NORMAL), ground_label(&gs.g[i], one, sizeof one));
		struct proposal_rec pr;
		if (gs.g[i].kind != GROUND_PROPOSAL || proposals_load(app->db, gs.g[i].proposal_id, &pr))
			continue;
		const struct proposal *p = &pr.pr;
		tv_pair(l, _("Health, life, safety (cl. 8 1)"), i18n_pick(p->safety_kk, p->safety_ru));
		tv_pair(l, _("Labour-market demand (cl. 8 2)"), i18n_pick(p->demand_kk, p->demand_ru));
		tv_pair(l, _("Standard or requirements (cl. 8 3)"), i18n_pick(p->standard_kk, p->standard_ru));
		if (!strcmp(p->row.section, "mandatory"))
			tv_pair(l, _("Legal act (cl. 8-1)"), i18n_pick(p->legal_act_kk, p->legal_act_ru));
		proposal_rec_free(&pr);
	}
}

static void fill_change(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	named(app->db);
	const struct revview_change *c = review_current();
	if (!c) {
		snprintf(title, len, "%s", _("Review"));
		return;
	}
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
			case 8:   /* in full, as a detail view names a body */
				ref_body(app->db, r->body_id, REF_FULL, rs.v.lang, v, sizeof v, "-");
				val = v;
				break;
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
	tv_pair(l, _("National Council"), *c->council ? council_word(c) : "-");
	review_fill_ground(app, l, c);
}

/* ---- decisions ---------------------------------------------------------- */

/* After a decision: read again, the cursor on the next undecided change. */
static void review_decided_on(const char *key)
{
	snprintf(rs.after, sizeof rs.after, "%s", key);
	rs.loaded = 0;
}

static char item_key[32];
static enum council_action item_action;
/* What the item's dialogs took so far: a dialog holds four fields, so
 * amending takes two and adding three, one after the other.  Kept here:
 * the next dialog reuses the fields the last one handed over. */
enum { IT_ITEM, IT_TEXT, IT_SECTION, IT_LEVEL, IT_VALIDITY, IT_CODE, IT_BODY, IT_PROFILE,
       IT_BASIS_KK, IT_BASIS_RU, IT_N };
static char item_val[IT_N][512];

static void item_apply(struct ui_app *app)
{
	struct council_item it;
	memset(&it, 0, sizeof it);
	it.action = item_action;
	it.item = item_val[IT_ITEM];
	it.text = item_val[IT_TEXT];
	it.key = item_key;
	it.row.validity = -1;
	char err[1024] = "", key[32] = "";
	int bad = 0;
	const char *sec = item_val[IT_SECTION];
	if (*sec) {
		/* The word as the clerk types it: the first word of the section's
		 * name is enough ("міндетті", "обязательный"). */
		if (!strcmp(sec, "mandatory") || !strncmp(_("mandatory"), sec, strlen(sec)))
			snprintf(it.row.section, sizeof it.row.section, "mandatory");
		else if (!strcmp(sec, "voluntary") || !strncmp(_("voluntary"), sec, strlen(sec)))
			snprintf(it.row.section, sizeof it.row.section, "voluntary");
		else {
			snprintf(err, sizeof err, _("Section \"%s\": type %s or %s."), sec, _("mandatory"), _("voluntary"));
			bad = 1;
		}
		it.set |= COL_SECTION;
	}
	if (item_val[IT_LEVEL][0]) {
		snprintf(it.row.level, sizeof it.row.level, "%.*s", (int)sizeof it.row.level - 1, item_val[IT_LEVEL]);
		it.set |= COL_LEVEL;
	}
	if (item_val[IT_VALIDITY][0]) {
		char *end;
		long y = strtol(item_val[IT_VALIDITY], &end, 10);
		if (!*end && y >= 0 && y <= 99)
			it.row.validity = (int)y;
		else {
			snprintf(err, sizeof err, _("Validity \"%s\": give years from 1 to 99, or 0 for without time limit."),
			         item_val[IT_VALIDITY]);
			bad = 1;
		}
		it.set |= COL_VALIDITY;
	}
	if (item_action == COUNCIL_ADD) {
		const char *pf = item_val[IT_PROFILE];
		snprintf(it.row.nkz_code, sizeof it.row.nkz_code, "%.*s", (int)sizeof it.row.nkz_code - 1,
		         item_val[IT_CODE]);
		it.row.body_id = proposals_body(app->db, item_val[IT_BODY]);
		snprintf(it.row.profile, sizeof it.row.profile, "%.*s", (int)sizeof it.row.profile - 1,
		         !strcmp(pf, "т") ? "t" : (!strcmp(pf, "әг") || !strcmp(pf, "сг")) ? "sg" : pf);
		it.row.basis_kk = item_val[IT_BASIS_KK];
		it.row.basis_ru = item_val[IT_BASIS_RU];
	}
	if (!bad && council_apply(app->db, &it, key, sizeof key, err, sizeof err))
		bad = 1;
	if (bad) {
		cui_say(1, "%s", err);
		return;
	}
	cui_say(0, _("%s: item %s of the Council's recommendations carried out."), key, it.item);
	review_decided_on(key);
}

static void item_take(const struct dlg_field *f, int n, const int *slot)
{
	for (int i = 0; i < n; i++)
		snprintf(item_val[slot[i]], sizeof item_val[0], "%s", f[i].value);
}

static void item_done3(struct ui_app *app, struct dlg_field *f, int n)
{
	static const int slot[] = {IT_BASIS_KK, IT_BASIS_RU};
	item_take(f, n, slot);
	item_apply(app);
}

static void item_done2(struct ui_app *app, struct dlg_field *f, int n)
{
	if (item_action == COUNCIL_AMEND) {
		static const int slot[] = {IT_SECTION, IT_LEVEL, IT_VALIDITY};
		item_take(f, n, slot);
		item_apply(app);
		return;
	}
	static const int slot[] = {IT_SECTION, IT_VALIDITY, IT_BODY, IT_PROFILE};
	item_take(f, n, slot);
	struct dlg_field g[] = {{.label = N_("Basis (Kazakh)")}, {.label = N_("Basis (Russian)")}};
	dlg_fields(app, N_("The Council adds a profession"), g, 2, item_done3);
}

static void item_done(struct ui_app *app, struct dlg_field *f, int n)
{
	static const int slot[] = {IT_ITEM, IT_TEXT, IT_CODE, IT_LEVEL};
	item_take(f, n, slot);
	if (item_action == COUNCIL_AMEND) {
		struct dlg_field g[] = {{.label = N_("Section (mandatory/voluntary)")}, {.label = N_("Level")},
		                        {.label = N_("Validity, years (0: without limit)")}};
		dlg_fields(app, N_("The Council amends the row"), g, 3, item_done2);
	} else if (item_action == COUNCIL_ADD) {
		struct dlg_field g[] = {{.label = N_("Section (mandatory/voluntary)")},
		                        {.label = N_("Validity, years (0: without limit)")},
		                        {.label = N_("Sectoral body (code)")}, {.label = N_("Profile (т/әг)")}};
		dlg_fields(app, N_("The Council adds a profession"), g, 4, item_done2);
	} else {
		item_apply(app);
	}
}

static void item_dialog(struct ui_app *app, enum council_action a)
{
	static const char *const title[] = {
		N_("The Council approves the change"), N_("The Council returns the change"),
		N_("The Council amends the row"), N_("The Council adds a profession"),
		N_("The Council excludes the row")};
	struct dlg_field f[4] = {{.label = N_("Item of the recommendations")}, {.label = N_("What it says")},
	                         {.label = N_("NKZ code")}, {.label = N_("Level")}};
	item_action = a;
	memset(item_val, 0, sizeof item_val);
	dlg_fields(app, title[a], f, a == COUNCIL_ADD ? 4 : 2, item_done);
}

static int review_forming_item(struct ui_app *app, enum council_action a)
{
	char why[512];
	if (council_may_apply(app->db, why, sizeof why)) {
		cui_say(1, "%s", why);
		return 0;
	}
	const struct revview_change *c = review_current();
	if (a != COUNCIL_ADD && !c)
		return 0;
	snprintf(item_key, sizeof item_key, "%s", c && a != COUNCIL_ADD ? c->key : "");
	item_dialog(app, a);
	return 1;
}

static enum ui_result act_approve(struct ui_app *app)
{
	const struct revview_change *c = review_current();
	if (rs.summary || !c)
		return UI_REDRAW;
	if (rs.v.forming) {
		review_forming_item(app, COUNCIL_APPROVE);
		return UI_REDRAW;
	}
	char err[512] = "", key[32];
	snprintf(key, sizeof key, "%s", c->key);
	if (review_decide(app->db, key, 1, NULL, err, sizeof err)) {
		cui_say(1, "%s", err);
		rs.loaded = 0;
	} else {
		cui_say(0, _("%s approved."), key);
		review_decided_on(key);
	}
	return UI_REDRAW;
}

static char return_key[32];

static void return_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	char err[512] = "";
	if (review_decide(app->db, return_key, 0, f[0].value, err, sizeof err)) {
		cui_say(1, "%s", err);
		rs.loaded = 0;
	} else {
		cui_say(0, _("%s returned."), return_key);
		review_decided_on(return_key);
	}
}

static enum ui_result act_return(struct ui_app *app)
{
	const struct revview_change *c = review_current();
	if (rs.summary || !c)
		return UI_REDRAW;
	if (rs.v.forming) {
		review_forming_item(app, COUNCIL_RETURN);
		return UI_REDRAW;
	}
	snprintf(return_key, sizeof return_key, "%s", c->key);
	struct dlg_field f[] = {{.label = N_("Comment")}};
	dlg_fields(app, N_("Return the change"), f, 1, return_done);
	return UI_REDRAW;
}

static void item_amend(struct ui_app *app) { review_forming_item(app, COUNCIL_AMEND); }
static void item_exclude(struct ui_app *app) { review_forming_item(app, COUNCIL_EXCLUDE); }
static void item_add(struct ui_app *app) { review_forming_item(app, COUNCIL_ADD); }

static char correct_key[32];

static void correct_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	char err[1024] = "";
	if (ground_correct(app->db, correct_key, f[0].value, err, sizeof err)) {
		cui_say(1, "%s", err);
		return;
	}
	cui_say(0, _("%s: recorded as a technical correction."), correct_key);
	rs.loaded = 0;
}

/* F7: the Council's other items, while the register is formed per them;
 * before the Council, a change's ground as a technical correction. */
static enum ui_result act_council(struct ui_app *app)
{
	char why[512];
	const struct revview_change *c = review_current();
	if (!rs.v.forming && c && !rs.summary) {
		snprintf(correct_key, sizeof correct_key, "%s", c->key);
		struct dlg_field f[] = {{.label = N_("Reason (a typo in a name, an act renamed)")}};
		dlg_fields(app, N_("Technical correction: the change's ground"), f, 1, correct_done);
		return UI_REDRAW;
	}
	if (council_may_apply(app->db, why, sizeof why)) {
		cui_say(1, "%s", why);
		return UI_REDRAW;
	}
	static const struct dlg_item items[] = {
		{N_("Amend the row under the cursor"), item_amend},
		{N_("Exclude the row under the cursor"), item_exclude},
		{N_("Add a profession"), item_add},
	};
	dlg_list(app, N_("Carry out an item of the Council's recommendations"), items, 3);
	return UI_REDRAW;
}

static enum ui_result act_view(struct ui_app *app)
{
	if (rs.summary) {
		/* One key from a line of the summary to the changes it counts. */
		if (rs.ng) {
			rs.filter = rs.g[rs.glist.cur];
			rs.summary = 0;
			rs.list = (struct ui_list){0};
			review_index();
			cui_clear();
		}
		return UI_REDRAW;
	}
	if (review_current())
		tv_open(app, fill_change);
	return UI_REDRAW;
}

static enum ui_result act_summary(struct ui_app *app)
{
	(void)app;
	rs.summary = !rs.summary;
	cui_clear();
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
	list_key(rs.summary ? &rs.glist : &rs.list, app->key);
	return UI_REDRAW;
}

static enum ui_result act_leave(struct ui_app *app)
{
	revview_free(&rs.v);
	free(rs.idx);
	rs.idx = NULL;
	rs.loaded = 0;
	return cui_leave(app);
}

static const struct ui_action review_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{3, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), N_("View"),
	 N_("Show the change in full: the published and the draft values, the decision, its ground and "
	    "justification; on the summary, list the changes of the line"), act_view,
	 SET_ACT_VIEW},
	{4, {0}, NULL, N_("Approve"),
	 N_("Approve the change (an approver who did not prepare it); while the register is formed per the "
	    "Council's recommendations, the Council's approval by its item"), act_approve, 0},
	{5, {0}, NULL, N_("Reread"), N_("Read the changes again"), act_reload, 0},
	{6, {0}, NULL, N_("Summary"), N_("The summary of the session: per section, body and action, "
	                                 "with the share decided"), act_summary, 0},
	{7, {0}, NULL, N_("Ground"), N_("Record a technical correction as the change's ground; while the "
	                                "register is formed per the Council's recommendations, carry out an item "
	                                "of them: amend, exclude or add a row"), act_council, 0},
	{8, {0}, NULL, N_("Return"), N_("Return the change with a comment (or by the Council's item)"),
	 act_return, 0},
	UI_KEY_CLOSE(N_("Back to the screen before"), act_leave),
	UI_LIST_KEYS(act_move, N_("The change above"), N_("The change below"), N_("A page up"),
	             N_("A page down"), N_("The first change"), N_("The last change")),
};

/* While the register is formed per the Council's recommendations every
 * decision carries out an item of them; before, F4 is the approver's and F7
 * and F8 the authorized body's clerks'.  Whether the change under the
 * cursor is the approver's own is said when F4 is pressed. */
static int review_may_key(struct ui_app *app, const struct ui_action *a, char *why, size_t len)
{
	if (a->run != act_approve && a->run != act_return && a->run != act_council)
		return 0;
	if (rs.v.forming)
		return council_may_apply(app->db, why, len);
	return review_may(app->db, a->run == act_approve, why, len);
}

static const struct ui_screen review_screen = {
	.actions = review_actions,
	.nactions = (int)(sizeof review_actions / sizeof *review_actions),
	.draw = review_draw,
	.may = review_may_key,
};

enum ui_result ui_open_review(struct ui_app *app)
{
	rs.loaded = 0;
	rs.list = (struct ui_list){0};
	rs.glist = (struct ui_list){0};
	rs.summary = 0;
	rs.after[0] = 0;
	rs.filter = (struct revview_group){.kind = RG_ALL};
	cui_clear();
	ui_push(app, &review_screen);
	return UI_REDRAW;
}
