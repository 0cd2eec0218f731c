/* The change-log screen: entries newest first (time, login, what the entry
 * is about, what was done, reason) in the user's words (logwords.h),
 * filtered by user, kind of record and dates (F6); Enter or F3 shows an
 * entry's before and after in full, field by field by their labels.  Only the page on screen is
 * read (logpage.h), so a long log costs no more than a short one. */
#include "screens/log_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "domain/calendar.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/list.h"
#include "kit/columns.h"
#include "kit/textview.h"
#include "kit/widgets.h"
#include "base/i18n.h"
#include "view/auditpage.h"
#include "view/logwords.h"
#include "base/text.h"
#include "kit/theme.h"

enum { PAGE_MAX = 256 };

static struct {
	char login[64], object[64], from[11], to[11];
	int64_t top_id;            /* the first entry shown; 0 = the newest */
	int cur;                   /* the cursor's line on the page */
	int64_t ids[PAGE_MAX + 1]; /* the page's entries, and the one after it */
	int count, more;
	int64_t sel;
} lg;

static void filter_of(struct audit_filter *f)
{
	memset(f, 0, sizeof *f);
	f->login = lg.login;
	f->object = lg.object;
	f->from = lg.from;
	f->to = lg.to;
}

static int page_height(void)
{
	int h = LINES - 5;
	return h > PAGE_MAX ? PAGE_MAX : h < 1 ? 1 : h;
}

enum { C_AT, C_LOGIN, C_WHAT, C_ACTION, C_REASON, NCOL };

struct page { tz_db *db; int y, n, h; int x[NCOL], w[NCOL]; char reason[512]; };

/* The widest login, subject and action on the page, and whether any entry
 * gives a reason: the page is read once to measure it, then to draw it. */
struct log_need { tz_db *db; int n, h, login, what, action, reason; };

static int log_measure(void *ctx, const struct audit_entry *e)
{
	struct log_need *m = ctx;
	if (m->n++ == m->h)
		return 1;
	char what[512];
	m->login = columns_widest(m->login, e->login);
	m->what = columns_widest(m->what, logwords_subject(m->db, e, what, sizeof what));
	m->action = columns_widest(m->action, logwords_action_short(e->action));
	if (e->reason && *e->reason)
		m->reason = columns_widest(m->reason, e->reason);
	return 0;
}

static int draw_entry(void *ctx, const struct audit_entry *e)
{
	struct page *p = ctx;
	lg.ids[p->n] = e->id;
	if (p->n == p->h) {   /* the one after the page: there is more */
		lg.more = 1;
		return 1;
	}
	int y = p->y + p->n, cur = p->n == lg.cur;
	attr_t a = theme(cur ? TH_CURSOR : TH_NORMAL);
	if (cur) {
		draw_fill(y, a);
		lg.sel = e->id;
		if (!p->w[C_REASON] && e->reason && *e->reason)
			snprintf(p->reason, sizeof p->reason, "%s: %s", _("Reason"), e->reason);
	}
	char at[32], what[512];
	/* The moment as stored, without its 'T' and 'Z', to the minute (the
	 * entry in full has the seconds). */
	snprintf(at, sizeof at, "%.10s %.5s", e->at, strlen(e->at) > 11 ? e->at + 11 : "");
	const char *cell[NCOL] = {at, e->login, logwords_subject(p->db, e, what, sizeof what),
	                          logwords_action_short(e->action), e->reason};
	for (int i = 0; i < NCOL; i++)
		if (p->w[i])
			draw_cell(y, p->x[i], p->w[i], cell[i], a, 0);
	p->n++;
	return 0;
}

/* Adds one part of the filter to the title's list, after a comma. */
static void log_title_part(char *buf, size_t len, size_t *n, const char *fmt, const char *value)
{
	if (*n && *n < len)
		*n += (size_t)snprintf(buf + *n, len - *n, ", ");
	if (*n < len)
		*n += (size_t)snprintf(buf + *n, len - *n, fmt, value);
}

static void log_draw(struct ui_app *app)
{
	struct audit_filter f;
	filter_of(&f);
	/* Only what the filter sets, so that the title stays short enough for
	 * 80 columns beside the demo's mark. */
	char title[512], parts[400] = "";
	size_t n = 0;
	if (lg.login[0])
		log_title_part(parts, sizeof parts, &n, _("user %s"), lg.login);
	if (lg.object[0])
		log_title_part(parts, sizeof parts, &n, _("object %s"), logwords_object(lg.object));
	if (lg.from[0])
		log_title_part(parts, sizeof parts, &n, _("from %s"), lg.from);
	if (lg.to[0])
		log_title_part(parts, sizeof parts, &n, _("to %s"), lg.to);
	if (parts[0])
		snprintf(title, sizeof title, _("Change log: %s"), parts);
	else
		snprintf(title, sizeof title, "%s", _("Change log: all entries, newest first"));
	cui_title(title);
	/* The moment, the login, what the entry is about (a code with its
	 * level: two rows never look alike) and what was done whole, in the
	 * words of the language on screen, as wide as this page needs; the
	 * reason where the page has one and the width allows, else the
	 * cursor's below the list; Enter shows the entry in full. */
	struct log_need m = {app->db, 0, page_height(), 0, 0, 0, 0};
	if (lg.cur >= m.h)
		lg.cur = m.h - 1;
	logpage_read(app->db, &f, lg.top_id, -1, m.h, log_measure, &m);
	struct ui_column col[NCOL] = {
		[C_AT] = {N_("Time (UTC)"), 16, 0, 0, 0, 0, 0},
		[C_LOGIN] = {N_("Login"), m.login < 16 ? m.login : 16, 0, 0, 0, 0, 0},
		[C_WHAT] = {N_("Object"), m.what < 48 ? m.what : 48, 0, 3, 0, 0, 0},
		[C_ACTION] = {N_("Action"), m.action, 0, 0, 0, 0, 0},
		[C_REASON] = {N_("Reason"), m.reason < 12 ? m.reason : 12, 1, 1, 0, 0, 0},
	};
	columns_fit(col, NCOL, 1, COLS - 1);
	struct page p = {.db = app->db, .y = 2, .h = page_height()};
	for (int i = 0; i < NCOL; i++) {
		p.x[i] = col[i].x;
		p.w[i] = col[i].w;
	}
	columns_head(1, col, NCOL);
	lg.more = 0;
	if (lg.cur >= p.h)
		lg.cur = p.h - 1;
	/* The cursor line is known only once the page is read: read it, fix
	 * the cursor, and draw again if it fell past the end. */
	for (int pass = 0; pass < 2; pass++) {
		p.n = 0;
		p.reason[0] = 0;
		lg.more = 0;
		lg.sel = 0;
		if (logpage_read(app->db, &f, lg.top_id, -1, p.h + 1, draw_entry, &p))
			cui_say(1, "%s", db_errmsg(app->db));
		lg.count = p.n;
		if (lg.cur < p.n || !p.n)
			break;
		lg.cur = p.n - 1;
	}
	if (!p.n)
		draw_cell(3, 2, COLS - 4, parts[0] ? _("No entry passes the filter.") : _("The log is empty."),
		          theme(TH_NORMAL), 0);
	if (p.reason[0])
		draw_cell(LINES - 3, 1, COLS - 2, p.reason, theme(TH_NORMAL), 0);
	char st[256];
	snprintf(st, sizeof st, _("%ld entries.  Enter shows one in full; F6 filters by user, object and date."),
	         logpage_count(app->db, &f));
	cui_status(LINES - 2, st);
}

/* ---- moving: a page at a time from the database ------------------------- */

struct newer { int64_t last; int n; };

static int take_newer(void *ctx, const struct audit_entry *e)
{
	struct newer *w = ctx;
	w->last = e->id;
	w->n++;
	return 0;
}

/* The entry n places newer than the top (fewer when there are not so many). */
static int newer_top(struct ui_app *app, int n)
{
	struct audit_filter f;
	filter_of(&f);
	struct newer w = {0, 0};
	if (lg.top_id)
		logpage_read(app->db, &f, lg.top_id, 1, n, take_newer, &w);
	if (w.n)
		lg.top_id = w.last;
	return w.n;
}

/* The page is read from the database, not held: moving past its ends moves
 * the page's first entry instead of the cursor. */
static enum ui_result act_move(struct ui_app *app)
{
	struct audit_filter f;
	struct newer w = {0, 0};
	switch (app->key) {
	case KEY_UP:
		if (lg.cur > 0)
			lg.cur--;
		else
			newer_top(app, 1);
		break;
	case KEY_DOWN:
		if (lg.cur < lg.count - 1)
			lg.cur++;
		else if (lg.more && lg.count > 1)
			lg.top_id = lg.ids[1];
		break;
	case KEY_PPAGE:
		if (!newer_top(app, page_height() - 1))
			lg.cur = 0;
		break;
	case KEY_NPAGE:
		if (lg.more)
			lg.top_id = lg.ids[lg.count - 1];
		else
			lg.cur = lg.count - 1;
		break;
	case KEY_HOME:
		lg.top_id = 0;
		lg.cur = 0;
		break;
	case KEY_END:
		filter_of(&f);
		logpage_read(app->db, &f, 0, 1, page_height(), take_newer, &w);
		lg.top_id = w.last;
		lg.cur = page_height();
		break;
	}
	return UI_REDRAW;
}

/* ---- F3: one entry ------------------------------------------------------ */

struct field_page { tz_db *db; struct tv_lines *l; const char *object; };

static int add_field(void *ctx, const struct logpage_field *f)
{
	struct field_page *p = ctx;
	char label[256], value[1024];
	snprintf(label, sizeof label, "%s%s", f->changed ? "* " : "", logwords_field(p->object, f->key));
	tv_pair(p->l, label, logwords_value(p->db, p->object, f->key, f->value, value, sizeof value));
	return 0;
}

static void json_pairs(tz_db *db, struct tv_lines *l, const char *object, const char *json,
                       const char *other)
{
	if (!json) {
		tv_line(l, theme(TH_NORMAL), _("nothing: the row did not exist"));
		return;
	}
	struct field_page p = {db, l, object};
	if (logpage_fields(db, json, other, add_field, &p))
		tv_line(l, theme(TH_NORMAL), json);
}

struct entry_page { tz_db *db; struct tv_lines *l; char *before, *after, object[64]; };

static int add_entry(void *ctx, const struct audit_entry *e)
{
	struct entry_page *p = ctx;
	char what[512];
	tv_pair(p->l, _("Time (UTC)"), e->at);
	tv_pair(p->l, _("User"), e->login);
	tv_pair(p->l, _("Object"), logwords_subject(p->db, e, what, sizeof what));
	tv_pair(p->l, _("Action"), logwords_action(e->action));
	tv_pair(p->l, _("Reason"), *e->reason ? e->reason : "-");
	snprintf(p->object, sizeof p->object, "%s", e->object);
	p->before = e->before ? strdup(e->before) : NULL;
	p->after = e->after ? strdup(e->after) : NULL;
	return 0;
}

static void fill_entry(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	snprintf(title, len, _("Change log entry %lld"), (long long)lg.sel);
	struct entry_page p = {app->db, l, NULL, NULL, ""};
	int found = logpage_entry(app->db, lg.sel, add_entry, &p);
	if (found < 0)
		return;
	if (!found) {
		tv_line(l, theme(TH_ALERT), _("This entry no longer exists."));
		return;
	}
	tv_heading(l, _("Before"));
	json_pairs(app->db, l, p.object, p.before, p.after);
	tv_heading(l, _("After"));
	json_pairs(app->db, l, p.object, p.after, p.before);
	if (p.before && p.after)
		tv_line(l, theme(TH_SECTION), _("* the field changed"));
	free(p.before);
	free(p.after);
}

static enum ui_result act_view(struct ui_app *app)
{
	if (lg.sel)
		tv_open(app, fill_entry);
	return UI_REDRAW;
}

/* ---- F6: the filter ----------------------------------------------------- */

static void filter_done(struct ui_app *app, struct dlg_field *f, int n)
{
	(void)app;
	(void)n;
	tz_day d;
	for (int i = 2; i < 4; i++)
		if (f[i].value[0] && cal_parse_typed(f[i].value, &d)) {
			cui_say(1, _("%s: \"%s\" is not a date (YYYY-MM-DD); the filter is unchanged."),
			        _(f[i].label), f[i].value);
			return;
		}
	/* Typed as 06.12.2026 or 2026-12-06: kept as the log's dates are. */
	for (int i = 2; i < 4; i++)
		if (f[i].value[0] && !cal_parse_typed(f[i].value, &d))
			cal_format(d, f[i].value);
	const char *object = f[1].value[0] ? logwords_object_parse(f[1].value) : "";
	if (!object) {
		cui_say(1, _("%s: \"%s\" is not a kind of record the log keeps; the filter is unchanged."),
		        _(f[1].label), f[1].value);
		return;
	}
	snprintf(lg.login, sizeof lg.login, "%.63s", f[0].value);
	snprintf(lg.object, sizeof lg.object, "%.63s", object);
	snprintf(lg.from, sizeof lg.from, "%.10s", f[2].value);
	snprintf(lg.to, sizeof lg.to, "%.10s", f[3].value);
	lg.top_id = 0;
	lg.cur = 0;
	cui_clear();
}

static enum ui_result act_filter(struct ui_app *app)
{
	struct dlg_field f[4] = {
		{.label = N_("User (login)")}, {.label = N_("Kind of record")},
		{.label = N_("From date")}, {.label = N_("To date")},
	};
	snprintf(f[0].value, sizeof f[0].value, "%s", lg.login);
	snprintf(f[1].value, sizeof f[1].value, "%s", lg.object[0] ? logwords_object(lg.object) : "");
	snprintf(f[2].value, sizeof f[2].value, "%s", lg.from);
	snprintf(f[3].value, sizeof f[3].value, "%s", lg.to);
	dlg_fields(app, N_("Filter the change log (empty: any)"), f, 4, filter_done);
	return UI_REDRAW;
}

static const struct ui_action log_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	{3, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), N_("View"),
	 N_("Show the entry in full: every field before and after"), act_view, SET_ACT_VIEW},
	{6, {0}, NULL, N_("Filter"), N_("Show only the entries of a user, an object, or dates"),
	 act_filter, SET_ACT_FILTER},
	UI_KEY_CLOSE(N_("Back to the screen before"), cui_leave),
	UI_LIST_KEYS(act_move, N_("The newer entry"), N_("The older entry"),
	             N_("A page of newer entries"), N_("A page of older entries"),
	             N_("The newest entry"), N_("The oldest entry")),
};

static const struct ui_screen log_screen = {
	.actions = log_actions,
	.nactions = (int)(sizeof log_actions / sizeof *log_actions),
	.draw = log_draw,
};

enum ui_result ui_open_log(struct ui_app *app)
{
	memset(&lg, 0, sizeof lg);
	cui_clear();
	ui_push(app, &log_screen);
	return UI_REDRAW;
}
