/* The proposals screen: a cycle's proposals (of one body or of all) with
 * their state, round, late mark and the rework deadline of open remarks;
 * F3 shows one in full, F4 takes it a step on (cl. 6-9) or edits it (the
 * last step, Up from the first), F5 enters a new one.  Each step and each
 * save is the core's: what it refuses is shown with its reason. */
#include "screens/proposals_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "domain/cycle.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/list.h"
#include "kit/textview.h"
#include "kit/widgets.h"
#include "base/i18n.h"
#include "domain/proposals.h"
#include "forms/propform_ui.h"
#include "base/text.h"
#include "kit/theme.h"
#include "store/auth.h"
#include "store/refdata.h"
#include "view/proposalview.h"
#include "view/sessionview.h"

static struct {
	int64_t cycle, body;   /* body 0: all bodies */
	int64_t sel;           /* the proposal under the cursor, kept across redraws */
	struct ui_list list;
} ps;

static void rows_load(tz_db *db, struct propview_list *l)
{
	propview_load(db, ps.cycle, ps.body, NULL, cal_today(), l);
	ps.list.n = l->n;
	/* The cursor stays on its proposal when others come and go. */
	for (int i = 0; i < l->n; i++)
		if (l->r[i].id == ps.sel)
			ps.list.cur = i;
}

static void body_short(tz_db *db, int64_t id, char *buf, size_t len)
{
	ref_body(db, id, REF_SHORT, NULL, buf, len, "?");
}

enum { C_NO, C_STATE, C_BODY, C_ACTION, C_CODE, C_LEVELS, C_ROUND, C_LATE, C_DUE, C_NAME, NCOL };

static const char *const proposals_head[NCOL] = {
	N_("No."), N_("State"), N_("Body"), N_("Action"), N_("NKZ code"), N_("Levels"),
	N_("Round"), N_("Late"), N_("Rework by"), N_("Profession")};

/* Widths from the words of the language on screen (the Russian ones are the
 * longer): the number, the state, the code, the levels, the date and the
 * profession always, each whole; then the body (its short name, whole: at
 * 80 columns the authorized body's clerk still sees whose proposal it is),
 * the action, the round and the late mark as the width allows (132 columns
 * show them all).  A width 0 leaves a column out. */
static void proposals_widths(const struct propview_list *l, int w[NCOL])
{
	int need[NCOL];
	for (int i = 0; i < NCOL; i++)
		need[i] = text_width(_(proposals_head[i]));
	for (int s = 0; s < PS_NSTATES; s++)
		if (text_width(proposals_state_short((enum proposal_state)s)) > need[C_STATE])
			need[C_STATE] = text_width(proposals_state_short((enum proposal_state)s));
	for (int a = 0; a < PA_NACTIONS; a++)
		if (text_width(proposal_action_label((enum proposal_action)a)) > need[C_ACTION])
			need[C_ACTION] = text_width(proposal_action_label((enum proposal_action)a));
	if (need[C_CODE] < 10)
		need[C_CODE] = 10;          /* NNNN-N-NNN */
	if (need[C_DUE] < 10)
		need[C_DUE] = 10;           /* YYYY-MM-DD */
	if (need[C_NO] < 4)
		need[C_NO] = 4;
	if (need[C_LATE] < text_width(_("late")))
		need[C_LATE] = text_width(_("late"));
	for (int i = 0; i < l->n; i++) {
		int lw = text_width(l->r[i].levels), bw = text_width(l->r[i].body);
		if (lw > need[C_LEVELS] && lw <= 12)
			need[C_LEVELS] = lw;
		if (bw > need[C_BODY])
			need[C_BODY] = bw > 16 ? 16 : bw;
	}
	static const int always[] = {C_NO, C_STATE, C_CODE, C_LEVELS, C_DUE};
	static const int optional[] = {C_BODY, C_ACTION, C_LATE, C_ROUND};
	enum { NAME_MIN = 20 };
	int used = 1;
	for (int i = 0; i < NCOL; i++)
		w[i] = 0;
	for (size_t i = 0; i < sizeof always / sizeof *always; i++) {
		w[always[i]] = need[always[i]];
		used += need[always[i]] + 1;
	}
	for (size_t i = 0; i < sizeof optional / sizeof *optional; i++) {
		int c = optional[i];
		if (c == C_BODY && ps.body)
			continue;       /* the title names the one body shown */
		if (used + need[c] + 1 + NAME_MIN <= COLS - 1) {
			w[c] = need[c];
			used += need[c] + 1;
		}
	}
	w[C_NAME] = COLS - 1 - used;
	if (w[C_NAME] < 1)
		w[C_NAME] = 1;
}

static void proposals_draw(struct ui_app *app)
{
	struct propview_list l;
	rows_load(app->db, &l);
	char title[256], t[64], body[128];
	struct cycle c;
	if (ps.cycle && !cycle_load(app->db, ps.cycle, &c))
		cycle_title(&c, t, sizeof t);
	else
		snprintf(t, sizeof t, "%s", _("no cycle is open"));
	if (ps.body)
		body_short(app->db, ps.body, body, sizeof body);
	snprintf(title, sizeof title, _("Proposals: %s, %s"), t, ps.body ? body : _("all bodies"));
	cui_title(title);
	/* The stage of the cycle on view, on the right of the title when it fits. */
	char stage[200];
	sessionview_stage(app->db, stage, sizeof stage);
	if (text_width(title) + 3 + text_width(stage) <= COLS - 2 && ps.cycle == cycle_current(app->db) && ps.cycle)
		draw_cell(0, COLS - 1 - text_width(stage), text_width(stage), stage, theme(TH_TITLE), 0);

	int w[NCOL], x[NCOL];
	proposals_widths(&l, w);
	for (int i = 0, at = 1; i < NCOL; i++) {
		x[i] = at;
		if (w[i])
			at += w[i] + 1;
	}
	draw_fill(1, theme(TH_HEAD));
	for (int i = 0; i < NCOL; i++)
		if (w[i])
			draw_cell(1, x[i], w[i], _(proposals_head[i]), theme(TH_HEAD), i == C_NO);

	ps.list.h = LINES - 5;
	list_fit(&ps.list);
	for (int i = ps.list.top; i < l.n && i < ps.list.top + ps.list.h; i++) {
		const struct propview_row *p = &l.r[i];
		int y = 2 + i - ps.list.top, cur = i == ps.list.cur;
		attr_t a = cur ? theme(TH_CURSOR) : theme(TH_NORMAL);
		if (cur) {
			ps.sel = p->id;
			draw_fill(y, a);
		}
		char buf[64];
		snprintf(buf, sizeof buf, "%lld", (long long)p->id);
		draw_cell(y, x[C_NO], w[C_NO], buf, a, 1);
		/* Without the late column, a late proposal's state shows it. */
		draw_cell(y, x[C_STATE], w[C_STATE], proposals_state_short(p->state),
		          p->late && !w[C_LATE] ? theme(TH_ALERT) : a, 0);
		if (w[C_BODY])
			draw_cell(y, x[C_BODY], w[C_BODY], p->body, a, 0);
		if (w[C_ACTION])
			draw_cell(y, x[C_ACTION], w[C_ACTION], proposal_action_label(p->action), a, 0);
		draw_cell(y, x[C_CODE], w[C_CODE], p->code, a, 0);
		draw_cell(y, x[C_LEVELS], w[C_LEVELS], p->levels, a, 0);
		if (w[C_ROUND]) {
			snprintf(buf, sizeof buf, "%d", p->round);
			draw_cell(y, x[C_ROUND], w[C_ROUND], buf, a, 1);
		}
		if (w[C_LATE])
			draw_cell(y, x[C_LATE], w[C_LATE], p->late ? _("late") : "",
			          p->late ? theme(TH_ALERT) : a, 0);
		draw_cell(y, x[C_DUE], w[C_DUE], p->due, p->due_passed ? theme(TH_ALERT) : a, 0);
		draw_cell(y, x[C_NAME], w[C_NAME], p->name, a, 0);
	}
	if (!l.n)
		draw_wrap(3, 2, COLS - 4, 2, ps.cycle ? _("No proposals in this cycle.")
		                                      : _("No cycle is open: open one with F3 on the cycle screen."),
		          theme(TH_NORMAL));
	/* Where the list stands on the left; who works in which stage on the right. */
	char st[160], right[300];
	snprintf(st, sizeof st, _("Proposal %d of %d"), l.n ? ps.list.cur + 1 : 0, l.n);
	sessionview_who(app->db, right, sizeof right);
	const char *said = cui_said();
	int y = LINES - 2;
	if (said) {
		cui_status(y, "");
	} else {
		int rw = text_width(right), lw;
		if (rw > COLS - 2)
			rw = COLS - 2;
		lw = COLS - 2 - rw - 2;
		draw_fill(y, theme(TH_STATUS));
		if (lw > 0)
			draw_cell(y, 1, lw, st, theme(TH_STATUS), 0);
		draw_cell(y, COLS - 1 - rw, rw, right, theme(TH_STATUS), 0);
	}
	propview_free(&l);
}

/* ---- F3: a proposal in full --------------------------------------------- */

static void pair2(struct tv_lines *l, const char *what, const char *kk, const char *ru)
{
	char label[128];
	snprintf(label, sizeof label, _("%s (Kazakh)"), what);
	tv_pair(l, label, kk && *kk ? kk : "-");
	snprintf(label, sizeof label, _("%s (Russian)"), what);
	tv_pair(l, label, ru && *ru ? ru : "-");
}

static int add_event(void *ctx, const struct proposal_event *e)
{
	struct tv_lines *l = ctx;
	char line[1024];
	snprintf(line, sizeof line, _("round %d, %s: %s by %s%s%s%s"), e->round, e->date,
	         proposals_event_label(e->event),
	         e->login, *e->comment ? ": " : "", e->comment, e->late ? _(" (late)") : "");
	tv_line(l, theme(e->late ? TH_ALERT : TH_NORMAL), line);
	return 0;
}

static int add_remark(void *ctx, const struct propview_remark *r)
{
	struct tv_lines *l = ctx;
	char buf[512];
	snprintf(buf, sizeof buf, _("received %s, rework due %s%s"), r->received, r->due,
	         r->reworked ? _(" (reworked)") : "");
	tv_line(l, theme(r->overdue ? TH_ALERT : TH_SECTION), buf);
	pair2(l, _("Remarks"), r->text_kk, r->text_ru);
	return 0;
}

static void fill_proposal(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	struct proposal_rec r;
	snprintf(title, len, _("Proposal %lld"), (long long)ps.sel);
	if (!ps.sel || proposals_load(app->db, ps.sel, &r)) {
		tv_line(l, theme(TH_ALERT), _("This proposal no longer exists."));
		return;
	}
	char buf[512], body[512];
	snprintf(title, len, _("Proposal %lld: %s %s"), (long long)ps.sel, r.pr.row.nkz_code,
	         i18n_pick(r.pr.row.name_kk, r.pr.row.name_ru));
	tv_pair(l, _("State"), proposals_state_label(r.state));
	snprintf(buf, sizeof buf, "%d%s", r.round, r.late ? _(", late") : "");
	tv_pair(l, _("Round"), buf);
	tv_pair(l, _("Action"), proposal_action_label(r.pr.action));
	/* A detail view names the body in full; the list has its short name. */
	ref_body(app->db, r.pr.body_id, REF_FULL, NULL, body, sizeof body, "?");
	tv_pair(l, _("Sectoral body"), body);
	tv_pair(l, _("NKZ code"), r.pr.row.nkz_code);
	pair2(l, _("Name"), r.pr.row.name_kk, r.pr.row.name_ru);
	tv_pair(l, _("Section"), *r.pr.row.section ? reg_section_title(r.pr.row.section) : "-");
	buf[0] = 0;
	for (int i = 0; i < r.pr.nlevels; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? ", " : "", r.pr.levels[i]);
	tv_pair(l, _("Levels"), *buf ? buf : "-");
	if (r.pr.row.validity >= 0)
		reg_validity_label(r.pr.row.validity, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "-");
	tv_pair(l, _("Validity"), buf);
	tv_pair(l, _("Profile"), *r.pr.row.profile ? reg_profile_label(r.pr.row.profile) : "-");
	pair2(l, _("Basis"), r.pr.row.basis_kk, r.pr.row.basis_ru);
	tv_heading(l, _("Justification (cl. 8, 8-1)"));
	pair2(l, _("1) Health, life support, safety"), r.pr.safety_kk, r.pr.safety_ru);
	pair2(l, _("2) Demand on the labour market"), r.pr.demand_kk, r.pr.demand_ru);
	pair2(l, _("3) Professional standard"), r.pr.standard_kk, r.pr.standard_ru);
	pair2(l, _("4) Legal act (mandatory section)"), r.pr.legal_act_kk, r.pr.legal_act_ru);
	struct problems p = {0};
	int n = proposal_validate(app->db, &r.pr, &p);
	tv_heading(l, _("Completeness check (cl. 9)"));
	if (!n)
		tv_line(l, theme(TH_NORMAL), _("Complete: nothing is missing."));
	for (int i = 0; i < p.n; i++)
		tv_line(l, theme(TH_ALERT), p.item[i].msg);
	tv_heading(l, _("Rounds"));
	proposals_history(app->db, ps.sel, add_event, l);
	tv_heading(l, _("Remarks"));
	int nr = propview_remarks(app->db, ps.sel, cal_today(), add_remark, l);
	if (nr <= 0)
		tv_line(l, theme(TH_NORMAL), _("none"));
	proposal_rec_free(&r);
}

/* ---- F4: the steps ------------------------------------------------------ */

static void said_state(struct ui_app *app, int late, const char *late_msg)
{
	struct proposal_rec r;
	if (proposals_load(app->db, ps.sel, &r))
		return;
	if (late)
		cui_say(1, _("Proposal %lld: %s.  %s"), (long long)ps.sel, proposals_state_label(r.state), late_msg);
	else
		cui_say(0, _("Proposal %lld: %s."), (long long)ps.sel, proposals_state_label(r.state));
	proposal_rec_free(&r);
}

static void done_or_refused(struct ui_app *app, int rc, const char *err)
{
	if (rc)
		cui_say(1, "%s", err);
	else
		said_state(app, 0, NULL);
}

static int64_t sel_body(struct ui_app *app)
{
	struct proposal_rec r;
	if (proposals_load(app->db, ps.sel, &r))
		return 0;
	int64_t b = r.pr.body_id;
	proposal_rec_free(&r);
	return b;
}

static void step_send(struct ui_app *app)
{
	char err[512] = "";
	done_or_refused(app, proposals_send(app->db, ps.sel, cal_today(), err, sizeof err), err);
}

static void return_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	char err[512] = "";
	done_or_refused(app, proposals_return(app->db, ps.sel, cal_today(), f[0].value, err, sizeof err), err);
}

/* A step that asks for one text: the recommendations, a reason. */
static void ask_text(struct ui_app *app, const char *title, const char *label, dlg_done_fn done)
{
	struct dlg_field f[] = {{.label = label}};
	dlg_fields(app, title, f, 1, done);
}

static void step_return(struct ui_app *app)
{
	ask_text(app, N_("Return for rework"), N_("Recommendations"), return_done);
}

static void agree_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	char err[512] = "";
	int k = 0;
	if (proposals_agree(app->db, ps.cycle, sel_body(app), cal_today(), f[0].value, &k, err, sizeof err))
		cui_say(1, "%s", err);
	else
		cui_say(0, _("The sectoral council's agreement (protocol %s) is recorded; %d proposals agreed."),
		        f[0].value, k);
}

static void step_agree(struct ui_app *app)
{
	ask_text(app, N_("The sectoral council's agreement"), N_("Protocol number"), agree_done);
}

static void step_submit(struct ui_app *app)
{
	char err[512] = "";
	int k = 0, late = 0;
	if (proposals_submit(app->db, ps.cycle, sel_body(app), cal_today(), &k, &late, err, sizeof err))
		cui_say(1, "%s", err);
	else
		cui_say(late, late ? _("%d proposals submitted, late: after the deadline of cl. 7.")
		                   : _("%d proposals submitted to the authorized body."), k);
}

static void step_check(struct ui_app *app) { tv_open(app, fill_proposal); }

static void step_accept(struct ui_app *app)
{
	char err[512] = "";
	struct problems p = {0};
	int rc = proposals_accept(app->db, ps.sel, cal_today(), &p, err, sizeof err);
	if (rc == PR_INCOMPLETE) {
		cui_say(1, "%s", err);
		/* The missing items, each named, in the proposal's full view. */
		tv_open(app, fill_proposal);
		return;
	}
	done_or_refused(app, rc, err);
}

static void remarks_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	char err[512] = "", d[11];
	tz_day due;
	if (proposals_remarks(app->db, ps.sel, cal_today(), f[0].value, f[1].value, &due, err, sizeof err))
		cui_say(1, "%s", err);
	else
		cui_say(0, _("Remarks on proposal %lld issued; the rework is due by %s (cl. 9)."),
		        (long long)ps.sel, cal_format(due, d));
}

static void step_remarks(struct ui_app *app)
{
	struct dlg_field f[] = {{.label = N_("Remarks (Kazakh)")}, {.label = N_("Remarks (Russian)")}};
	dlg_fields(app, N_("Remarks on the proposal"), f, 2, remarks_done);
}

static void step_resubmit(struct ui_app *app)
{
	char err[512] = "";
	int late = 0;
	int rc = proposals_resubmit(app->db, ps.sel, cal_today(), &late, err, sizeof err);
	if (rc)
		cui_say(1, "%s", err);
	else
		said_state(app, late, _("Late: after the rework deadline of the remarks."));
}

static void reject_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)n;
	char err[512] = "";
	done_or_refused(app, proposals_reject(app->db, ps.sel, cal_today(), f[0].value, err, sizeof err), err);
}

static void step_reject(struct ui_app *app)
{
	ask_text(app, N_("Reject the proposal"), N_("Reason"), reject_done);
}

static void step_apply(struct ui_app *app)
{
	char err[512] = "";
	struct problems p = {0};
	int rc = proposals_apply(app->db, ps.sel, &p, err, sizeof err);
	if (rc)
		cui_say(1, "%s%s%s", err, p.n ? ": " : "", p.n ? p.item[0].msg : "");
	else
		said_state(app, 0, NULL);
}

/* The form saves through proposals_save, which refuses what the state or
 * the user's role does not allow; the list is read afresh at every draw. */
static void step_edit(struct ui_app *app)
{
	int64_t id = propform_edit(app->db, ps.sel);
	if (id)
		said_state(app, 0, NULL);
}

/* In the order of the Order's steps; each is offered only when the core
 * says this user may take it on this proposal now (proposals_may). */
static const struct { enum proposal_step step; struct dlg_item item; } steps[] = {
	{PSTEP_SEND, {N_("Send to the sectoral body"), step_send}},
	{PSTEP_RETURN, {N_("Return with recommendations"), step_return}},
	{PSTEP_AGREE, {N_("Record the sectoral council's agreement"), step_agree}},
	{PSTEP_SUBMIT, {N_("Submit the body's agreed proposals"), step_submit}},
	{PSTEP_CHECK, {N_("Check completeness"), step_check}},
	{PSTEP_ACCEPT, {N_("Accept"), step_accept}},
	{PSTEP_REMARKS, {N_("Issue remarks"), step_remarks}},
	{PSTEP_RESUBMIT, {N_("Resubmit after rework"), step_resubmit}},
	{PSTEP_REJECT, {N_("Reject"), step_reject}},
	{PSTEP_APPLY, {N_("Apply to the draft register"), step_apply}},
	/* Last, so that Up from the first step reaches it. */
	{PSTEP_EDIT, {N_("Edit the proposal"), step_edit}},
};
enum { NSTEPS = (int)(sizeof steps / sizeof *steps) };

/* The steps this user may take on the proposal under the cursor now; when
 * none but the check is left, 0 and why: their role's reason when it is
 * the role that keeps them out, else the proposal's state. */
static int steps_offered(struct ui_app *app, struct dlg_item *out, char *why, size_t len)
{
	int n = 0, acting = 0;
	struct proposal_rec r;
	if (proposals_load(app->db, ps.sel, &r)) {
		snprintf(why, len, "%s", _("There is no proposal to take a step on."));
		return 0;
	}
	if (!auth_edit_proposal(app->db, r.pr.body_id, why, len))
		snprintf(why, len, _("Proposal %lld is %s: none of its steps is yours to take now."),
		         (long long)ps.sel, proposals_state_label(r.state));
	proposal_rec_free(&r);
	for (int i = 0; i < NSTEPS; i++) {
		char w[512];
		if (proposals_may(app->db, ps.sel, steps[i].step, w, sizeof w))
			continue;
		if (out)
			out[n] = steps[i].item;
		n++;
		acting += steps[i].step != PSTEP_CHECK;
	}
	return acting ? n : 0;
}

/* ---- keys --------------------------------------------------------------- */

static enum ui_result act_view(struct ui_app *app)
{
	if (ps.sel && ps.list.n)
		tv_open(app, fill_proposal);
	return UI_REDRAW;
}

static enum ui_result act_step(struct ui_app *app)
{
	if (!ps.sel || !ps.list.n) {
		cui_say(1, "%s", _("There is no proposal to take a step on."));
		return UI_REDRAW;
	}
	static struct dlg_item offered[NSTEPS];
	char why[512];
	int n = steps_offered(app, offered, why, sizeof why);
	if (!n) {
		cui_say(1, "%s", why);
		return UI_REDRAW;
	}
	cui_clear();
	dlg_list(app, N_("Step"), offered, n);
	return UI_REDRAW;
}

static enum ui_result act_new(struct ui_app *app)
{
	int64_t id = propform_new(app->db, ps.cycle);
	if (id) {
		ps.sel = id;
		said_state(app, 0, NULL);
	}
	return UI_REDRAW;
}

/* The next body that has proposals in the cycle, then all bodies again. */
static enum ui_result act_body(struct ui_app *app)
{
	int64_t next = propview_next_body(app->db, ps.cycle, ps.body);
	if (next >= 0)
		ps.body = next;
	ps.list.cur = ps.list.top = 0;
	ps.sel = 0;
	return UI_REDRAW;
}

static enum ui_result to_cycle(struct ui_app *app, int older)
{
	int64_t id = propview_next_cycle(app->db, ps.cycle, older);
	if (id) {
		ps.cycle = id;
		ps.list.cur = ps.list.top = 0;
		ps.sel = 0;
	}
	return UI_REDRAW;
}

static enum ui_result act_older(struct ui_app *app) { return to_cycle(app, 1); }
static enum ui_result act_newer(struct ui_app *app) { return to_cycle(app, 0); }

/* What the last key said gives way to the next key. */
static enum ui_result proposals_input(struct ui_app *app, int key)
{
	(void)app;
	(void)key;
	cui_clear();
	return UI_PASS;
}

/* The cursor moves; the draw then takes the proposal under it. */
static enum ui_result act_move(struct ui_app *app)
{
	list_key(&ps.list, app->key);
	ps.sel = 0;
	return UI_REDRAW;
}

static const struct ui_action proposals_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{3, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), N_("View"),
	 N_("Show the proposal in full: both languages, justification, rounds, remarks"), act_view,
	 SET_ACT_VIEW},
	{4, {0}, NULL, N_("Step"),
	 N_("Take the proposal a step on (send, return, agree, submit, check, accept, remarks, "
	    "resubmit, reject, apply), or edit it: the last in the list"), act_step, 0},
	{5, {0}, NULL, N_("New"), N_("Enter a new proposal in the cycle shown"), act_new, SET_ACT_NEW},
	{6, {0}, NULL, N_("Body"), N_("Show the next body's proposals, then all again"), act_body, 0},
	UI_KEY_CLOSE(N_("Back to the screen before"), cui_leave),
	{0, {KEY_LEFT, 0}, N_("Left"), NULL, N_("The cycle before"), act_older, 0},
	{0, {KEY_RIGHT, 0}, N_("Right"), NULL, N_("The cycle after"), act_newer, 0},
	UI_LIST_KEYS(act_move, N_("The proposal above"), N_("The proposal below"), N_("A page up"),
	             N_("A page down"), N_("The first proposal"), N_("The last proposal")),
};

/* F4 while some step is this user's to take on the proposal under the
 * cursor; F5 while the cycle shown is open and they enter proposals. */
static int proposals_may_key(struct ui_app *app, const struct ui_action *a, char *why, size_t len)
{
	if (a->run == act_new)
		return proposals_may_create(app->db, ps.cycle, why, len);
	if (a->run == act_step) {
		if (!ps.sel) {
			snprintf(why, len, "%s", _("There is no proposal to take a step on."));
			return -1;
		}
		return steps_offered(app, NULL, why, len) ? 0 : -1;
	}
	return 0;
}

static const struct ui_screen proposals_screen = {
	.actions = proposals_actions,
	.nactions = (int)(sizeof proposals_actions / sizeof *proposals_actions),
	.draw = proposals_draw,
	.about = N_("The proposals of a cycle, by sectoral body, with their state and remarks. A sectoral "
	          "body's clerk enters proposals with F5 and submits them once checked; the authorized body "
	          "reviews them from F9 Menu, Review."),
	.may = proposals_may_key,
	.input = proposals_input,
};

enum ui_result ui_open_proposals(struct ui_app *app)
{
	if (!ps.cycle || cycle_load(app->db, ps.cycle, &(struct cycle){0}))
		ps.cycle = propview_first_cycle(app->db);
	ps.body = 0;
	ps.sel = 0;
	ps.list = (struct ui_list){0};
	cui_clear();
	ui_push(app, &proposals_screen);
	return UI_REDRAW;
}
