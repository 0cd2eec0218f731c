/* The deadlines screen: a cycle as a timeline (SPEC §2) — each step with
 * its clause, what its deadline counts from, the deadline (moved to the next
 * working day from a day off, and why) and where it stands today, done late
 * included; then, per sectoral body, whether its proposals are submitted
 * (cl. 7), and the open remarks with their rework deadlines (cl. 9).  What
 * is overdue or was done late is drawn in the alert colour.  Left and Right
 * walk to earlier and later cycles; a published cycle's press release still
 * due stays in view under the steps of any other. */
#include "screens/deadlines_screen.h"

#include <stdio.h>
#include <string.h>

#include "kit/actions.h"
#include "domain/cycle.h"
#include "view/deadlineview.h"
#include "kit/columns.h"
#include "kit/draw.h"
#include "kit/list.h"
#include "kit/widgets.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kit/theme.h"

/* The window over the sectoral bodies' lines. */
static struct ui_list bodies;

/* The cycle on view: 0 steps from the current one (dlview_cycle). */
static int cycle_offset;

/* The sectoral bodies below the steps, scrolled: those from top, in h
 * lines at y. */
struct body_page { int n, y, h; const int *x, *w; };

static int body_line(void *ctx, const struct dlview_body *b)
{
	struct body_page *p = ctx;
	int n = p->n++;
	if (n < bodies.top || n >= bodies.top + p->h)
		return 0;
	int ly = p->y + n - bodies.top;
	char what[256];
	snprintf(what, sizeof what, ngettext("%d proposal", "%d proposals", (unsigned long)b->proposals),
	         b->proposals);
	draw_cell(ly, p->x[0], p->w[0], b->name, theme(TH_NORMAL), 0);
	draw_cell(ly, p->x[1], p->w[1], what, theme(TH_NORMAL), 0);
	draw_cell(ly, p->x[2], p->w[2], b->state, theme(b->alert ? TH_ALERT : TH_NORMAL), 0);
	return 0;
}

enum { MAX_REMARK_LINES = 4 };

/* The open remarks under the cl. 9 step, each with its own deadline, the
 * most pressing first; returns the lines used. */
static int remark_lines(tz_db *db, const tz_calendar *cal, int64_t cycle, tz_day today, int y,
                        const int *x, const int *w)
{
	struct dlview_remark r[MAX_REMARK_LINES];
	int total = dlview_remarks(db, cal, cycle, today, r, MAX_REMARK_LINES), n = 0;
	for (; n < total && n < MAX_REMARK_LINES; n++) {
		char what[256], due_s[128];
		snprintf(what, sizeof what, _("proposal %lld (%s)"), (long long)r[n].proposal, r[n].code);
		dlview_date(cal, r[n].due, due_s, sizeof due_s);
		attr_t a = theme(r[n].alert ? TH_ALERT : TH_NORMAL);
		int ly = y + n;
		if (r[n].alert)
			draw_fill(ly, a);
		draw_cell(ly, x[1], w[1], what, a, 0);
		if (w[2])
			draw_cell(ly, x[2], w[2], r[n].received, a, 0);
		draw_cell(ly, x[3], w[3], due_s, a, 0);
		draw_cell(ly, x[4], w[4], r[n].status, a, 0);
	}
	int more = total - n;
	if (more > 0) {
		char buf[128];
		snprintf(buf, sizeof buf, ngettext("and %d more remark", "and %d more remarks", (unsigned long)more),
		         more);
		draw_cell(y + n++, x[1], COLS - x[1] - 1, buf, theme(TH_NORMAL), 0);
	}
	return n;
}

/* How many lines s takes wrapped to w columns. */
static int deadlines_lines(const char *s, int w)
{
	int n = 0;
	while (*s) {
		s += draw_wrap_next(s, w);
		while (*s == ' ')
			s++;
		n++;
	}
	return n ? n : 1;
}

/* A step's line: clause, what (its words wrapped in its column, never
 * cut), counts from, deadline, where it stands; a standing too long for its
 * cell ("done, 167 working days late") takes the line below.  Returns the
 * lines used. */
static int step_line(const tz_calendar *cal, const struct dl_item *it, const char *what, tz_day today,
                     int y, const int *x, const int *w)
{
	char from[16], due[128], st[128];
	int alert = dlview_status(cal, it, today, st, sizeof st);
	if (it->after && it->start >= 0)
		cal_format(it->start, from);
	else
		snprintf(from, sizeof from, "%s", it->after ? "-" : "");
	dlview_date(cal, it->due, due, sizeof due);
	if (it->step == DL_REMARKS)
		snprintf(due, sizeof due, "%s", _("2 working days each"));
	attr_t a = theme(alert ? TH_ALERT : TH_NORMAL);
	/* What does not fit its cell goes below, from the deadline's column on;
	 * when even that is too narrow, on a line of its own under the step's
	 * words. */
	char below[300] = "";
	int due_fits = text_width(due) <= w[3];
	if (!due_fits)
		snprintf(below, sizeof below, "%s; %s", due, st);
	else if (text_width(st) > w[4])
		snprintf(below, sizeof below, "%s", st);
	int lines = deadlines_lines(what, w[1]), by = y + 1, bx = x[3];
	if (*below && text_width(below) > COLS - x[3] - 1) {
		by = y + lines++;
		bx = x[1];
	} else if (*below && lines < 2) {
		lines = 2;
	}
	if (alert)
		for (int i = 0; i < lines; i++)
			draw_fill(y + i, a);
	draw_cell(y, x[0], w[0], it->clause, a, 0);
	draw_wrap(y, x[1], w[1], lines, what, a);
	if (w[2])
		draw_cell(y, x[2], w[2], from, a, 0);
	if (due_fits)
		draw_cell(y, x[3], w[3], due, a, 0);
	if (!*below)
		draw_cell(y, x[4], w[4], st, a, 0);
	else
		draw_cell(by, bx, COLS - bx - 1, below, a, 0);
	return lines;
}

/* The widest short name of the bodies, and of their counts of proposals. */
struct body_need { int name, count; };

static int body_measure(void *ctx, const struct dlview_body *b)
{
	struct body_need *n = ctx;
	char what[256];
	snprintf(what, sizeof what, ngettext("%d proposal", "%d proposals", (unsigned long)b->proposals),
	         b->proposals);
	n->name = columns_widest(n->name, b->name);
	n->count = columns_widest(n->count, what);
	return 0;
}

static void deadlines_draw(struct ui_app *app)
{
	tz_calendar *cal = cal_load(app->db);
	tz_day today = cal_today();
	int64_t id;
	int year;
	enum dl_season season;
	dlview_cycle(app->db, today, &id, &year, &season);
	for (int i = 0; i < cycle_offset; i++)
		dlview_cycle_step(&year, &season, 1);
	for (int i = 0; i > cycle_offset; i--)
		dlview_cycle_step(&year, &season, -1);
	if (cycle_offset)
		id = cycle_find(app->db, year, season);
	struct cycle c = {.year = year, .season = season};
	char t[64], title[256], ds[128];
	cycle_title(&c, t, sizeof t);
	if (!cal) {
		cui_title(t);
		cui_status(LINES - 2, db_errmsg(app->db));
		return;
	}
	dlview_date(cal, today, ds, sizeof ds);
	snprintf(title, sizeof title, _("Deadlines: %s; today %s"), t, ds);
	cui_title(title);

	struct dl_cycle dl;
	if (deadline_cycle_load(app->db, cal, year, season, &dl))
		cui_say(1, "%s", db_errmsg(app->db));
	/* The clause, the deadline with its weekday and the standing whole;
	 * the step's words wrap in what is left; where it counts from joins
	 * when the width allows (132 columns). */
	struct ui_column col[5] = {
		{N_("Cl."), 2, 0, 0, 0, 0, 0},
		{N_("Step"), 30, 0, 2, 0, 0, 0},
		{N_("Counts from"), 10, 1, 0, 0, 0, 0},
		{N_("Deadline"), 0, 0, 0, 0, 0, 0},
		{N_("Where it stands"), 14, 0, 1, 0, 0, 0},
	};
	/* A deadline is a working day: a date with the longest weekday of the
	 * language that one can fall on, so that the column stays put from
	 * cycle to cycle and holds any deadline shown. */
	for (int i = 0; i < 14; i++) {
		char due[128];
		if (!cal_is_workday(cal, today + i))
			continue;
		dlview_date(cal, today + i, due, sizeof due);
		col[3].need = columns_widest(col[3].need, due);
	}
	col[3].need = columns_widest(col[3].need, _("2 working days each"));
	/* The step's words take no more than the longest step needs: at 132
	 * columns the rest goes to where each stands, on one line. */
	for (int i = 0; i < DL_NSTEPS; i++)
		col[1].most = columns_widest(col[1].most, _(dl.items[i].what));
	columns_fit(col, 5, 1, COLS - 1);
	int w[5], x[5];
	for (int i = 0; i < 5; i++) {
		w[i] = col[i].w;
		x[i] = col[i].x;
	}
	columns_head(1, col, 5);
	int y = 2;
	for (int i = 0; i < DL_NSTEPS; i++, y++) {
		const struct dl_item *it = &dl.items[i];
		char moved[256];
		y += step_line(cal, it, _(it->what), today, y, x, w) - 1;
		/* The date the Order names is a day off: say where the deadline
		 * went and why, under the step. */
		if (dlview_moved(cal, it, moved, sizeof moved))
			y += draw_wrap(y + 1, x[1], COLS - x[1] - 1, 2, moved, theme(TH_NORMAL));
		if (it->step == DL_REMARKS && id)
			y += remark_lines(app->db, cal, id, today, y + 1, x, w);
	}
	/* A published cycle's press release still due, while another is on view. */
	struct dl_cycle pend;
	if (dlview_press_pending(app->db, cal, &pend) && (pend.year != year || pend.season != season)) {
		struct cycle pc = {.year = pend.year, .season = pend.season};
		char pt[64], what[256];
		/* TRANSLATORS: %s a cycle, "spring 2026". */
		snprintf(what, sizeof what, _("Press release of %s"), cycle_title(&pc, pt, sizeof pt));
		draw_cell(y++, x[1], COLS - x[1] - 1, what, theme(TH_SECTION), 0);
		y += step_line(cal, &pend.items[DL_PRESS], _(pend.items[DL_PRESS].what), today, y, x, w);
	}
	y++;
	/* The bodies by their short names, whole up to a short name's length
	 * and a little more at 80 columns, wider where there is room; the
	 * count; where each stands in the rest. */
	struct body_need bn = {0, 0};
	if (id)
		dlview_bodies(app->db, id, today, dl.items[DL_PROPOSALS].due, NULL, body_measure, &bn);
	struct ui_column bcol[3] = {
		{N_("Body"), bn.name < 16 ? bn.name : 16, 0, 1, bn.name, 0, 0},
		{N_("Proposals"), bn.count, 0, 0, 0, 0, 0},
		{N_("Submitted (cl. 7)"), 20, 0, 2, 0, 0, 0},
	};
	columns_fit(bcol, 3, 1, COLS - 1);
	int bw[3], bx[3];
	for (int i = 0; i < 3; i++) {
		bw[i] = bcol[i].w;
		bx[i] = bcol[i].x;
	}
	columns_head(y, bcol, 3);
	y++;
	bodies.h = LINES - 2 - y > 0 ? LINES - 2 - y : 0;
	bodies.n = 0;
	if (id) {
		struct body_page p = {0, y, bodies.h, bx, bw};
		dlview_bodies(app->db, id, today, dl.items[DL_PROPOSALS].due, NULL, body_line, &p);
		bodies.n = p.n;
	}
	if (!id && !cycle_offset)
		draw_cell(y, 2, COLS - 4, _("No cycle is open: open one with F3 on the cycle screen."),
		          theme(TH_NORMAL), 0);
	else if (!id)
		draw_cell(y, 2, COLS - 4, _("This cycle was not opened in the database."), theme(TH_NORMAL), 0);
	char s[200];
	snprintf(s, sizeof s, _("Sectoral bodies %d-%d of %d; Up and Down scroll them, Left and Right "
	                        "show the cycle before and after."),
	         bodies.n ? bodies.top + 1 : 0,
	         bodies.top + bodies.h < bodies.n ? bodies.top + bodies.h : bodies.n, bodies.n);
	cui_status(LINES - 2, s);
	cal_free(cal);
}

static enum ui_result act_scroll(struct ui_app *app)
{
	list_scroll(&bodies, app->key);
	return UI_REDRAW;
}

static enum ui_result act_cycle(struct ui_app *app)
{
	/* Twenty years either way is more than the database holds. */
	int step = app->key == KEY_LEFT ? -1 : 1;
	if (cycle_offset + step >= -40 && cycle_offset + step <= 40)
		cycle_offset += step;
	bodies = (struct ui_list){0};
	cui_clear();
	return UI_REDRAW;
}

static const struct ui_action deadlines_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	UI_KEY_CLOSE(N_("Back to the screen before"), cui_leave),
	{0, {KEY_LEFT, 0}, N_("Left"), NULL, N_("The cycle before"), act_cycle, 0},
	{0, {KEY_RIGHT, 0}, N_("Right"), NULL, N_("The cycle after"), act_cycle, 0},
	UI_LIST_KEYS(act_scroll, N_("Scroll the bodies up a line"), N_("Scroll the bodies down a line"),
	             N_("A page up"), N_("A page down"), N_("Go to the top"), N_("Go to the end")),
};

static const struct ui_screen deadlines_screen = {
	.actions = deadlines_actions,
	.nactions = (int)(sizeof deadlines_actions / sizeof *deadlines_actions),
	.draw = deadlines_draw,
};

enum ui_result ui_open_deadlines(struct ui_app *app)
{
	bodies = (struct ui_list){0};
	cycle_offset = 0;
	cui_clear();
	ui_push(app, &deadlines_screen);
	return UI_REDRAW;
}
