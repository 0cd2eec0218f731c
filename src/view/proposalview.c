#include "view/proposalview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/cycle.h"
#include "domain/proposals.h"
#include "store/refdata.h"

struct propview_load {
	struct propview_list *l;
	tz_db *db;
	const char *lang;
	tz_day today;
	sqlite3_stmt *remark;
	int failed;
};

static int propview_collect(void *ctx, const struct proposal_rec *rec)
{
	struct propview_load *ld = ctx;
	struct propview_list *l = ld->l;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		struct propview_row *r = realloc(l->r, (size_t)cap * sizeof *r);
		if (!r) {
			ld->failed = 1;
			return 1;
		}
		l->r = r;
		l->cap = cap;
	}
	struct propview_row *p = &l->r[l->n];
	memset(p, 0, sizeof *p);
	const char *name = !strcmp(ld->lang, "ru") ? rec->pr.row.name_ru : rec->pr.row.name_kk;
	if (!(p->name = strdup(name ? name : ""))) {
		ld->failed = 1;
		return 1;
	}
	l->n++;
	p->id = rec->pr.id;
	p->body_id = rec->pr.body_id;
	p->state = rec->state;
	p->action = rec->pr.action;
	snprintf(p->code, sizeof p->code, "%s", rec->pr.row.nkz_code);
	for (int i = 0; i < rec->pr.nlevels; i++)
		snprintf(p->levels + strlen(p->levels), sizeof p->levels - strlen(p->levels), "%s%s",
		         i ? "," : "", rec->pr.levels[i]);
	p->round = rec->round;
	p->late = rec->late;
	ref_body(ld->db, p->body_id, REF_SHORT, ld->lang, p->body, sizeof p->body, "?");
	/* The rework deadline of the remarks not yet answered. */
	if (ld->remark) {
		sqlite3_reset(ld->remark);
		db_int(ld->remark, ":p", p->id);
		if (db_step(ld->db, ld->remark) == SQLITE_ROW) {
			snprintf(p->due, sizeof p->due, "%s", db_col_text(ld->remark, 0));
			tz_day d;
			p->due_passed = !cal_parse(p->due, &d) && ld->today > d;
		}
	}
	return 0;
}

int propview_load(tz_db *db, int64_t cycle, int64_t body, const char *lang, tz_day today,
                  struct propview_list *out)
{
	memset(out, 0, sizeof *out);
	if (!cycle)
		return 0;
	struct propview_load ld = {.l = out, .db = db, .lang = lang ? lang : i18n_lang(), .today = today};
	ld.remark = db_prep(db, "SELECT due FROM remark WHERE proposal_id = :p AND resolved IS NULL "
	                        "ORDER BY id DESC LIMIT 1");
	int rc = proposals_each(db, cycle, body, propview_collect, &ld);
	sqlite3_finalize(ld.remark);
	return rc < 0 || ld.failed || !ld.remark ? -1 : 0;
}

void propview_free(struct propview_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->r[i].name);
	free(l->r);
	memset(l, 0, sizeof *l);
}

int propview_remarks(tz_db *db, int64_t proposal, tz_day today, propview_remark_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, "SELECT received, due, text_kk, text_ru, coalesce(resolved, '') "
	                               "FROM remark WHERE proposal_id = :id ORDER BY id");
	if (!st)
		return -1;
	db_int(st, ":id", proposal);
	int n = 0;
	while (db_step(db, st) == SQLITE_ROW) {
		struct propview_remark r = {
			.received = db_col_text(st, 0), .due = db_col_text(st, 1),
			.text_kk = db_col_text(st, 2), .text_ru = db_col_text(st, 3),
			.reworked = *db_col_text(st, 4) != 0,
		};
		tz_day due;
		r.overdue = !r.reworked && !cal_parse(r.due, &due) && today > due;
		n++;
		if (fn(ctx, &r))
			break;
	}
	sqlite3_finalize(st);
	return n;
}

int64_t propview_first_cycle(tz_db *db)
{
	int64_t id = cycle_current(db);
	return id ? id : db_int_query(db, "SELECT max(id) FROM cycle", 0);
}

int64_t propview_next_cycle(tz_db *db, int64_t cycle, int older)
{
	int64_t id = 0;
	sqlite3_stmt *st = db_prep(db, older
		? "SELECT id FROM cycle WHERE (year, season = 'autumn') < (SELECT year, season = 'autumn' FROM cycle WHERE id = :c) "
		  "ORDER BY year DESC, season = 'autumn' DESC LIMIT 1"
		: "SELECT id FROM cycle WHERE (year, season = 'autumn') > (SELECT year, season = 'autumn' FROM cycle WHERE id = :c) "
		  "ORDER BY year, season = 'autumn' LIMIT 1");
	if (st) {
		db_int(st, ":c", cycle);
		if (db_step(db, st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return id;
}

int64_t propview_next_body(tz_db *db, int64_t cycle, int64_t body)
{
	sqlite3_stmt *st = db_prep(db, "SELECT min(body_id) FROM proposal WHERE cycle_id = :c AND body_id > :b");
	if (!st)
		return -1;
	db_int(st, ":c", cycle);
	db_int(st, ":b", body);
	int64_t next = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return next;
}
