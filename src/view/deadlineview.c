#include "view/deadlineview.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/cycle.h"

void dlview_cycle(tz_db *db, tz_day today, int64_t *id, int *year, enum dl_season *season)
{
	struct cycle c;
	*id = cycle_current(db);
	if (*id && !cycle_load(db, *id, &c)) {
		*year = c.year;
		*season = c.season;
		return;
	}
	*id = 0;
	deadline_cycle_at(today, year, season);
}

void dlview_date(const tz_calendar *cal, tz_day d, char *buf, size_t len)
{
	char ds[11];
	if (d < 0) {
		snprintf(buf, len, "-");
		return;
	}
	const char *name = cal_day_name(cal, d);
	snprintf(buf, len, "%s %s%s%s%s", cal_format(d, ds), cal_weekday_name(cal_weekday(d)),
	         *name ? " (" : "", name, *name ? ")" : "");
}

int dlview_status(const tz_calendar *cal, const struct dl_item *it, tz_day today,
                  char *buf, size_t len)
{
	int left = 0, alert = 0;
	switch (deadline_status(cal, it, today, &left)) {
	case DL_DONE: snprintf(buf, len, "%s", _("done")); break;
	case DL_DONE_LATE:
		snprintf(buf, len, ngettext("done, %d working day late", "done, %d working days late",
		                            (unsigned long)left), left);
		alert = 1;
		break;
	case DL_NOT_RECORDED: snprintf(buf, len, "%s", _("waits for the step it counts from")); break;
	case DL_PER_ITEM: snprintf(buf, len, "%s", _("per remark: see below")); break;
	case DL_TODAY: snprintf(buf, len, "%s", _("due today")); break;
	case DL_PASSED: snprintf(buf, len, "%s", _("deadline passed")); break;
	case DL_OVERDUE: {
		int n = cal_workdays_between(cal, it->due, today);
		snprintf(buf, len, ngettext("overdue by %d working day", "overdue by %d working days",
		                            (unsigned long)n), n);
		alert = 1;
		break;
	}
	case DL_DUE:
		snprintf(buf, len, ngettext("due in %d working day", "due in %d working days",
		                            (unsigned long)left), left);
		break;
	}
	return alert;
}

int dlview_moved(const tz_calendar *cal, const struct dl_item *it, char *buf, size_t len)
{
	char ds[11];
	*buf = 0;
	if (!it->on_day_off || it->nominal < 0)
		return 0;
	const char *name = cal_day_name(cal, it->nominal);
	/* TRANSLATORS: %1$s a date, %2$s its weekday or the holiday on it. */
	snprintf(buf, len, _("%1$s, %2$s, is a day off: the term ends on the next working day"),
	         cal_format(it->nominal, ds), *name ? name : cal_weekday_name(cal_weekday(it->nominal)));
	return 1;
}

int dlview_press_pending(tz_db *db, const tz_calendar *cal, struct dl_cycle *out)
{
	sqlite3_stmt *st = db_prep(db, "SELECT year, season FROM cycle WHERE placed_date IS NOT NULL "
	                               "ORDER BY year DESC, season = 'autumn' DESC LIMIT 1");
	if (!st)
		return 0;
	int found = db_step(db, st) == SQLITE_ROW, year = 0;
	enum dl_season season = DL_SPRING;
	if (found) {
		year = sqlite3_column_int(st, 0);
		season = strcmp(db_col_text(st, 1), "spring") ? DL_AUTUMN : DL_SPRING;
	}
	sqlite3_finalize(st);
	if (!found || deadline_cycle_load(db, cal, year, season, out))
		return 0;
	return !out->items[DL_PRESS].done;
}

void dlview_cycle_step(int *year, enum dl_season *season, int step)
{
	if (step < 0 && *season == DL_SPRING) {
		*season = DL_AUTUMN;
		(*year)--;
	} else if (step < 0) {
		*season = DL_SPRING;
	} else if (step > 0 && *season == DL_AUTUMN) {
		*season = DL_SPRING;
		(*year)++;
	} else if (step > 0) {
		*season = DL_AUTUMN;
	}
}

int dlview_remarks(tz_db *db, const tz_calendar *cal, int64_t cycle, tz_day today,
                   struct dlview_remark *out, int max)
{
	sqlite3_stmt *st = db_prep(db, "SELECT r.proposal_id, r.received, r.due, p.nkz_code FROM remark r "
	                               "JOIN proposal p ON p.id = r.proposal_id "
	                               "WHERE p.cycle_id = :c AND r.resolved IS NULL ORDER BY r.due, r.id");
	if (!st)
		return -1;
	db_int(st, ":c", cycle);
	int n = 0;
	for (; db_step(db, st) == SQLITE_ROW; n++) {
		if (n >= max)
			continue;
		struct dlview_remark *r = &out[n];
		memset(r, 0, sizeof *r);
		r->proposal = sqlite3_column_int64(st, 0);
		snprintf(r->received, sizeof r->received, "%s", db_col_text(st, 1));
		snprintf(r->code, sizeof r->code, "%s", db_col_text(st, 3));
		/* Its own deadline, standing as a date step does, never "done":
		 * an answered remark is not listed. */
		tz_day due;
		struct dl_item it = {.step = DL_PLACED, .due = -1};
		if (!cal_parse(db_col_text(st, 2), &due))
			it.due = due;
		r->due = it.due;
		r->alert = dlview_status(cal, &it, today, r->status, sizeof r->status);
	}
	sqlite3_finalize(st);
	return n;
}

int dlview_bodies(tz_db *db, int64_t cycle, tz_day today, tz_day prop_due, const char *lang,
                  dlview_body_fn fn, void *ctx)
{
#define DLVIEW_BODIES(L) \
		"SELECT b.id, b.short_" L "," \
		" (SELECT count(*) FROM proposal p WHERE p.cycle_id = :c AND p.body_id = b.id)," \
		" (SELECT min(e.date) FROM proposal_event e JOIN proposal p ON p.id = e.proposal_id" \
		"  WHERE p.cycle_id = :c AND p.body_id = b.id AND e.event = 'submitted')," \
		" (SELECT max(e.late) FROM proposal_event e JOIN proposal p ON p.id = e.proposal_id" \
		"  WHERE p.cycle_id = :c AND p.body_id = b.id AND e.event = 'submitted')," \
		" (SELECT date || ', ' || protocol FROM council_agreement a WHERE a.cycle_id = :c AND a.body_id = b.id)" \
		" FROM body b WHERE b.authorized = 0 ORDER BY b.short_" L " COLLATE " L
	if (!lang)
		lang = i18n_lang();
	sqlite3_stmt *st = db_prep(db, !strcmp(lang, "ru") ? DLVIEW_BODIES("ru") : DLVIEW_BODIES("kk"));
#undef DLVIEW_BODIES
	if (!st)
		return -1;
	db_int(st, ":c", cycle);
	int n = 0;
	while (db_step(db, st) == SQLITE_ROW) {
		char state[256];
		struct dlview_body b = {
			.id = sqlite3_column_int64(st, 0), .name = db_col_text(st, 1),
			.proposals = sqlite3_column_int(st, 2), .submitted = db_col_text(st, 3),
			.late = sqlite3_column_int(st, 4), .agreed = db_col_text(st, 5), .state = state,
		};
		if (*b.submitted) {
			snprintf(state, sizeof state, b.late ? _("submitted %s, late") : _("submitted %s"),
			         b.submitted);
			b.alert = b.late;
		} else if (b.proposals && today > prop_due) {
			snprintf(state, sizeof state, "%s", _("not submitted, deadline passed"));
			b.alert = 1;
		} else if (b.proposals) {
			snprintf(state, sizeof state, *b.agreed ? _("agreed %s, not submitted") : _("not submitted"),
			         b.agreed);
		} else {
			snprintf(state, sizeof state, "%s", _("no proposals"));
		}
		n++;
		if (fn(ctx, &b))
			break;
	}
	sqlite3_finalize(st);
	return n;
}
