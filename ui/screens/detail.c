#include "screens/detail.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/draw.h"
#include "kit/help.h"
#include "base/i18n.h"
#include "domain/proposals.h"
#include "domain/register.h"
#include "base/text.h"
#include "kit/theme.h"
#include "view/rowdetail.h"

/* One detail at a time; the data is read again at every draw, so a language
 * switch or a change by another clerk shows at once. */
static int64_t row_id;
static int top;           /* the first screen line shown */
static int last_total;    /* lines the last draw had, for End and PgDn */

struct entry {
	const char *label;    /* translated, or "" for a heading line */
	char *value;
	int heading;
};

struct entries {
	struct entry *e;
	int n, cap;
};

static void add(struct entries *l, const char *label, const char *value, int heading)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 32;
		struct entry *e = realloc(l->e, (size_t)cap * sizeof *e);
		if (!e)
			return;
		l->e = e;
		l->cap = cap;
	}
	char *v = strdup(value ? value : "");
	if (!v)
		return;
	l->e[l->n++] = (struct entry){label, v, heading};
}

static void entries_free(struct entries *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->e[i].value);
	free(l->e);
}

static void add_proposal(const struct rowdetail *d, struct entries *l)
{
	add(l, _("Proposal"), NULL, 1);
	if (!d->has_proposal) {
		add(l, _("Proposal"), _("none: the row was not made from a proposal"), 0);
		return;
	}
	char buf[64];
	snprintf(buf, sizeof buf, "%lld", (long long)d->proposal_id);
	add(l, _("Number"), buf, 0);
	add(l, _("Action"), proposals_action_label(d->proposal_action), 0);
	add(l, _("Sectoral body"), d->proposal_body, 0);
	add(l, _("State"), proposals_state_label(d->proposal_state), 0);
	snprintf(buf, sizeof buf, "%s %s", d->cycle_year,
	         !strcmp(d->cycle_season, "spring") ? _("spring") : _("autumn"));
	add(l, _("Cycle"), buf, 0);
}

static void add_history(const struct rowdetail *d, struct entries *l)
{
	add(l, _("History"), NULL, 1);
	for (int i = 0; i < d->nchanges; i++) {
		const struct rowdetail_change *c = &d->changes[i];
		char line[600];
		/* The moment as the log keeps it, then who and what. */
		snprintf(line, sizeof line, "%s  %s, %s%s%s", c->at, c->login, c->action,
		         *c->reason ? ": " : "", c->reason);
		add(l, NULL, line, 0);
	}
	if (!d->nchanges)
		add(l, NULL, _("no recorded changes"), 0);
}

/* Reads the row; 0 when it is gone. */
static int collect(tz_db *db, struct entries *l)
{
	struct rowdetail d;
	if (rowdetail_read(db, row_id, NULL, &d) != 1)
		return 0;
	char buf[512];
	add(l, _("Register row"), NULL, 1);
	add(l, _("NKZ code"), d.code, 0);
	add(l, _("Name (Kazakh)"), d.name_kk, 0);
	add(l, _("Name (Russian)"), d.name_ru, 0);
	add(l, _("Section"), reg_section_title(d.section), 0);
	add(l, _("Basis (Kazakh)"), d.basis_kk, 0);
	add(l, _("Basis (Russian)"), d.basis_ru, 0);
	snprintf(buf, sizeof buf, "%s%s%s", d.level, *d.level_descr ? " - " : "", d.level_descr);
	add(l, _("Level"), buf, 0);
	reg_validity_label(d.validity, buf, sizeof buf);
	add(l, _("Validity"), buf, 0);
	add(l, _("Body (Kazakh)"), d.body_kk, 0);
	add(l, _("Body (Russian)"), d.body_ru, 0);
	add(l, _("Profile"), reg_profile_label(d.profile), 0);
	add_proposal(&d, l);
	add_history(&d, l);
	rowdetail_free(&d);
	return 1;
}

/* Lines an entry takes at value width w. */
static int entry_lines(const struct entry *e, int w)
{
	if (e->heading)
		return 2;
	int n = 0;
	for (const char *s = e->value; *s; n++) {
		s += draw_wrap_next(s, w);
		while (*s == ' ')
			s++;
	}
	return n ? n : 1;
}

static int body_height(void) { return LINES - 3; }

static void detail_draw(struct ui_app *app)
{
	struct entries l = {0};
	draw_fill(0, theme(TH_TITLE));
	draw_cell(0, 1, COLS - 2, _("Register row"), theme(TH_TITLE), 0);
	int found = collect(app->db, &l);
	if (found && l.n > 3) {
		/* The title names the row: code and name in the current language. */
		char title[600];
		snprintf(title, sizeof title, "%s: %s %s", _("Register row"), l.e[1].value,
		         i18n_pick(l.e[2].value, l.e[3].value));
		draw_cell(0, 1, COLS - 2, title, theme(TH_TITLE), 0);
	}
	if (!found) {
		draw_cell(2, 2, COLS - 4, _("This row no longer exists."), theme(TH_ALERT), 0);
		entries_free(&l);
		return;
	}
	int lw = 0;
	for (int i = 0; i < l.n; i++)
		if (l.e[i].label && !l.e[i].heading && text_width(l.e[i].label) > lw)
			lw = text_width(l.e[i].label);
	if (lw > COLS / 3)
		lw = COLS / 3;
	int vx = 2 + lw + 2, vw = COLS - vx - 1, h = body_height();
	int total = 0;
	for (int i = 0; i < l.n; i++)
		total += entry_lines(&l.e[i], l.e[i].label ? vw : COLS - 3);
	last_total = total;
	if (top > total - h)
		top = total - h;
	if (top < 0)
		top = 0;
	/* Lay every entry out from line 0 and draw those inside the window. */
	int y = 0;
	for (int i = 0; i < l.n && y < top + h; i++) {
		const struct entry *e = &l.e[i];
		int x = e->label ? vx : 2, w = e->label ? vw : COLS - 3;
		if (e->heading) {
			if (y + 1 >= top && y + 1 < top + h)
				draw_cell(1 + y + 1 - top, 1, COLS - 2, e->label, theme(TH_HEAD), 0);
			y += 2;
			continue;
		}
		const char *s = e->value;
		int first = 1;
		do {
			size_t fit = *s ? draw_wrap_next(s, w) : 0;
			if (y >= top && y < top + h) {
				char *part = strndup(s, fit);
				if (first && e->label)
					draw_cell(1 + y - top, 2, lw, e->label, theme(TH_SECTION), 0);
				draw_cell(1 + y - top, x, w, part ? part : "", theme(TH_NORMAL), 0);
				free(part);
			}
			first = 0;
			s += fit;
			while (*s == ' ')
				s++;
			y++;
		} while (*s);
	}
	char pos[64];
	snprintf(pos, sizeof pos, _("Lines %d-%d of %d"), total ? top + 1 : 0,
	         top + h < total ? top + h : total, total);
	draw_fill(LINES - 2, theme(TH_STATUS));
	draw_cell(LINES - 2, 1, COLS - 2, pos, theme(TH_STATUS), 0);
	entries_free(&l);
}

static enum ui_result scroll_by(int by)
{
	top += by;
	if (top > last_total - body_height())
		top = last_total - body_height();
	if (top < 0)
		top = 0;
	return UI_REDRAW;
}

static enum ui_result act_up(struct ui_app *app) { (void)app; return scroll_by(-1); }
static enum ui_result act_down(struct ui_app *app) { (void)app; return scroll_by(1); }
static enum ui_result act_pgup(struct ui_app *app) { (void)app; return scroll_by(-(body_height() - 1)); }
static enum ui_result act_pgdn(struct ui_app *app) { (void)app; return scroll_by(body_height() - 1); }
static enum ui_result act_home(struct ui_app *app) { (void)app; top = 0; return UI_REDRAW; }
static enum ui_result act_end(struct ui_app *app) { (void)app; return scroll_by(last_total); }

static const struct ui_action detail_actions[] = {
	{1, {0}, NULL, N_("Help"), N_("Show the keys of this screen"), act_help},
	{2, {0}, NULL, N_("Language"),
	 N_("Switch everything on screen between Kazakh and Russian"), act_language},
	{10, {27, 0}, N_("Esc"), N_("Close"), N_("Back to the register"), act_close},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("Scroll up a line"), act_up},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("Scroll down a line"), act_down},
	{0, {KEY_PPAGE, 0}, N_("PgUp"), NULL, N_("Scroll a page up"), act_pgup},
	{0, {KEY_NPAGE, 0}, N_("PgDn"), NULL, N_("Scroll a page down"), act_pgdn},
	{0, {KEY_HOME, 0}, N_("Home"), NULL, N_("Go to the top"), act_home},
	{0, {KEY_END, 0}, N_("End"), NULL, N_("Go to the end"), act_end},
};

static const struct ui_screen detail_screen = {
	.actions = detail_actions,
	.nactions = (int)(sizeof detail_actions / sizeof *detail_actions),
	.draw = detail_draw,
};

void detail_open(struct ui_app *app, int64_t id)
{
	row_id = id;
	top = 0;
	last_total = 0;
	ui_push(app, &detail_screen);
}
