#include "domain/cycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/auth.h"
#include "store/seal.h"
#include "base/host.h"
#include "base/i18n.h"
#include "domain/press.h"
#include "domain/register.h"
#include "domain/review.h"

int cycle_season_parse(const char *s, enum dl_season *out)
{
	if (!strcmp(s, "spring") || !strcmp(s, _("spring")))
		*out = DL_SPRING;
	else if (!strcmp(s, "autumn") || !strcmp(s, _("autumn")))
		*out = DL_AUTUMN;
	else
		return -1;
	return 0;
}

const char *cycle_season_name(enum dl_season s)
{
	return s == DL_SPRING ? "spring" : "autumn";
}

const char *cycle_season_label(enum dl_season s)
{
	return s == DL_SPRING ? _("spring") : _("autumn");
}

char *cycle_title(const struct cycle *c, char *buf, size_t len)
{
	/* TRANSLATORS: a cycle: "spring 2027"; %1$s the season, %2$d the year. */
	snprintf(buf, len, _("%1$s %2$d"), cycle_season_label(c->season), c->year);
	return buf;
}

static int dberr(tz_db *db, char *err, size_t errlen)
{
	snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
	db_rollback(db);
	return -1;
}

int64_t cycle_find(tz_db *db, int year, enum dl_season season)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM cycle WHERE year = :y AND season = :s");
	db_int(st, ":y", year);
	db_text(st, ":s", cycle_season_name(season));
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

int64_t cycle_current(tz_db *db)
{
	return db_int_query(db, "SELECT id FROM cycle WHERE placed_date IS NULL "
	                        "ORDER BY year DESC, season = 'autumn' DESC LIMIT 1", 0);
}

int64_t cycle_forming(tz_db *db)
{
	return db_int_query(db, "SELECT coalesce(cycle_id, 0) FROM reg_version "
	                        "WHERE state IN ('draft', 'submitted', 'recommended') "
	                        "ORDER BY state = 'draft' LIMIT 1", 0);
}

#define CYCLE_COLS "c.id, c.year, c.season, coalesce(c.council_sub_date, ''), " \
	"coalesce(c.council_rec_date, ''), coalesce(c.council_protocol, ''), " \
	"coalesce(c.placed_date, ''), coalesce(v.id, 0), coalesce(v.state, '') " \
	"FROM cycle c LEFT JOIN reg_version v ON v.id = (SELECT id FROM reg_version " \
	"WHERE cycle_id = c.id ORDER BY state = 'published', id DESC LIMIT 1) "

static void cycle_from(sqlite3_stmt *st, struct cycle *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->year = sqlite3_column_int(st, 1);
	c->season = strcmp(db_col_text(st, 2), "spring") ? DL_AUTUMN : DL_SPRING;
	snprintf(c->council_sub, sizeof c->council_sub, "%s", db_col_text(st, 3));
	snprintf(c->council_rec, sizeof c->council_rec, "%s", db_col_text(st, 4));
	snprintf(c->protocol, sizeof c->protocol, "%s", db_col_text(st, 5));
	snprintf(c->placed, sizeof c->placed, "%s", db_col_text(st, 6));
	c->version = sqlite3_column_int64(st, 7);
	snprintf(c->state, sizeof c->state, "%s", db_col_text(st, 8));
}

int cycle_load(tz_db *db, int64_t id, struct cycle *out)
{
	sqlite3_stmt *st = db_prep(db, "SELECT " CYCLE_COLS "WHERE c.id = :id");
	db_int(st, ":id", id);
	int rc = -1;
	if (db_step(db, st) == SQLITE_ROW) {
		cycle_from(st, out);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int cycle_each(tz_db *db, cycle_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, "SELECT " CYCLE_COLS
	                               "ORDER BY c.year DESC, c.season = 'autumn' DESC");
	if (!st)
		return -1;
	int rc = 0;
	while (!rc && db_step(db, st) == SQLITE_ROW) {
		struct cycle c;
		cycle_from(st, &c);
		rc = fn(ctx, &c);
	}
	sqlite3_finalize(st);
	return rc;
}

static tz_day day_or_none(const char *s)
{
	tz_day d;
	return *s && !cal_parse(s, &d) ? d : -1;
}

int cycle_deadlines(tz_db *db, const tz_calendar *cal, const struct cycle *c, struct dl_cycle *out)
{
	return deadline_cycle_load(db, cal, c->year, c->season, out);
}

int64_t cycle_open(tz_db *db, int year, enum dl_season season, char *err, size_t errlen)
{
	if (year < 2000 || year > 2999) {
		snprintf(err, errlen, _("%d is not a year a cycle can be opened for."), year);
		return 0;
	}
	if (auth_edit_register(db, err, errlen))
		return 0;
	if (cycle_find(db, year, season)) {
		snprintf(err, errlen, _("The %s %d cycle is already open."), cycle_season_label(season), year);
		return 0;
	}
	if (db_begin(db))
		return dberr(db, err, errlen), 0;
	sqlite3_stmt *st = db_prep(db, "INSERT INTO cycle (year, season) VALUES (:y, :s)");
	db_int(st, ":y", year);
	db_text(st, ":s", cycle_season_name(season));
	if (db_run(db, st))
		return dberr(db, err, errlen), 0;
	int64_t id = sqlite3_last_insert_rowid(db_sqlite(db));
	/* A version at the Council holds the register until it is published;
	 * the draft for this cycle starts from it then (cycle_publish). */
	int64_t busy = db_int_query(db, "SELECT count(*) FROM reg_version "
	                                "WHERE state IN ('submitted', 'recommended')", 0);
	int64_t draft = reg_draft(db);
	if (!draft && !busy) {
		char e2[256];
		if (!(draft = reg_new_draft(db, e2, sizeof e2))) {
			snprintf(err, errlen, "%s", e2);
			db_rollback(db);
			return 0;
		}
	}
	if (draft) {
		/* The draft passes on only from a cycle that is done with it. */
		st = db_prep(db, "UPDATE reg_version SET cycle_id = :c WHERE id = :v AND (cycle_id IS NULL "
		                 "OR cycle_id IN (SELECT id FROM cycle WHERE placed_date IS NOT NULL))");
		db_int(st, ":c", id);
		db_int(st, ":v", draft);
		if (db_run(db, st))
			return dberr(db, err, errlen), 0;
	}
	if (db_commit(db))
		return dberr(db, err, errlen), 0;
	return id;
}

/* The version in state, and its cycle. */
static int64_t version_in(tz_db *db, const char *state, struct cycle *c)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id, coalesce(cycle_id, 0) FROM reg_version WHERE state = :s "
	                               "ORDER BY id DESC LIMIT 1");
	db_text(st, ":s", state);
	int64_t v = 0, cid = 0;
	if (db_step(db, st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		cid = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (v && (!cid || cycle_load(db, cid, c)))
		memset(c, 0, sizeof *c);
	return v;
}

static int set_state(tz_db *db, int64_t v, const char *state, const char *stamp_col)
{
	char now[24], sql[160];
	snprintf(sql, sizeof sql, "UPDATE reg_version SET state = :s%s%s WHERE id = :v",
	         stamp_col ? ", " : "", stamp_col ? stamp_col : "");
	sqlite3_stmt *st = db_prep(db, sql);
	db_text(st, ":s", state);
	db_int(st, ":v", v);
	if (stamp_col)
		db_text(st, ":now", host_now(now));
	return db_run(db, st);
}

static int set_cycle_dates(tz_db *db, int64_t id, const char *col, tz_day d, const char *protocol)
{
	char day[11], sql[160];
	snprintf(sql, sizeof sql, "UPDATE cycle SET %s = :d%s WHERE id = :id", col,
	         protocol ? ", council_protocol = :p" : "");
	sqlite3_stmt *st = db_prep(db, sql);
	db_text(st, ":d", cal_format(d, day));
	db_int(st, ":id", id);
	if (protocol)
		db_text(st, ":p", protocol);
	return db_run(db, st);
}

static int is_late(tz_db *db, const struct cycle *c, enum dl_step step, tz_day date, tz_day *due)
{
	tz_calendar *cal = cal_load(db);
	if (!cal)
		return 0;
	struct dl_cycle dl;
	cycle_deadlines(db, cal, c, &dl);
	cal_free(cal);
	*due = dl.items[step].due;
	return *due >= 0 && date > *due;
}

int cycle_council_submit(tz_db *db, tz_day date, int *late, char *err, size_t errlen)
{
	struct cycle c;
	int64_t v = version_in(db, "draft", &c);
	*late = 0;
	if (!v) {
		snprintf(err, errlen, "%s", _("There is no draft register to submit to the Council."));
		return -1;
	}
	if (!c.id) {
		snprintf(err, errlen, "%s", _("The draft register belongs to no cycle: open the cycle first."));
		return -1;
	}
	if (deadline_check_past(date, err, errlen) || auth_edit_register(db, err, errlen))
		return -1;
	struct review_totals t;
	if (review_totals(db, v, &t) < 0)
		return dberr(db, err, errlen);
	if (t.all.added + t.all.removed + t.all.changed == 0) {
		snprintf(err, errlen, "%s", _("The draft does not differ from the published register: there is nothing to submit."));
		return -1;
	}
	if (t.pending) {
		snprintf(err, errlen, ngettext("%d change of the draft is not approved in review yet: "
		                               "the Council gets an approved register.",
		                               "%d changes of the draft are not approved in review yet: "
		                               "the Council gets an approved register.",
		                               (unsigned long)t.pending), t.pending);
		return -1;
	}
	tz_day due;
	*late = is_late(db, &c, DL_COUNCIL, date, &due);
	if (db_begin(db) || set_state(db, v, "submitted", "submitted = :now") ||
	    set_cycle_dates(db, c.id, "council_sub_date", date, NULL) || db_commit(db))
		return dberr(db, err, errlen);
	return 0;
}

int cycle_undo_change(tz_db *db, int64_t v, int64_t base, const char *code, const char *level)
{
	sqlite3_stmt *st = db_prep(db, "DELETE FROM reg_row WHERE version_id = :v AND nkz_code = :c AND level = :l");
	db_int(st, ":v", v);
	db_text(st, ":c", code);
	db_text(st, ":l", level);
	if (db_run(db, st))
		return -1;
	st = db_prep(db, "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
	                 "basis_ru, level, validity, body_id, profile, proposal_id, fold_kk, fold_ru, sort_kk, sort_ru) "
	                 "SELECT :v, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru, level, validity, "
	                 "body_id, profile, proposal_id, fold_kk, fold_ru, sort_kk, sort_ru FROM reg_row "
	                 "WHERE version_id = :b AND nkz_code = :c AND level = :l");
	db_int(st, ":v", v);
	db_int(st, ":b", base);
	db_text(st, ":c", code);
	db_text(st, ":l", level);
	return db_run(db, st);
}

struct recs {
	tz_db *db;
	int64_t v;
	const char *const *returned;
	int nreturned;
	char *used;       /* which of returned matched a change */
	const char *comment;
	int failed;
};

static int record_rec(void *ctx, const struct review_change *c)
{
	struct recs *r = ctx;
	int approved = 1;
	for (int i = 0; i < r->nreturned; i++)
		if (!strcmp(r->returned[i], c->key)) {
			approved = 0;
			r->used[i] = 1;
		}
	if (review_record_council(r->db, r->v, c->key, approved, approved ? "" : r->comment)) {
		r->failed = 1;
		return 1;
	}
	return 0;
}

int cycle_recommendations(tz_db *db, tz_day date, const char *protocol,
                          const char *const *returned, int nreturned, const char *comment,
                          int *undone, char *err, size_t errlen)
{
	struct cycle c;
	*undone = 0;
	int64_t v = version_in(db, "submitted", &c);
	if (!v) {
		snprintf(err, errlen, "%s", _("No register is with the National Council: submit the draft first (cycle council-submit)."));
		return -1;
	}
	if (!protocol || !*protocol) {
		snprintf(err, errlen, "%s", _("Give the number of the Council's protocol."));
		return -1;
	}
	if (deadline_check_past(date, err, errlen))
		return -1;
	tz_day sub = day_or_none(c.council_sub);
	if (sub >= 0 && date < sub) {
		snprintf(err, errlen, _("The recommendations cannot come before the register went to the Council (%s)."),
		         c.council_sub);
		return -1;
	}
	if (auth_edit_register(db, err, errlen))
		return -1;
	if (comment && *comment)
		audit_reason(db, comment);
	struct recs r = {db, v, returned, nreturned, calloc((size_t)nreturned + 1, 1), comment, 0};
	if (!r.used)
		return dberr(db, err, errlen);
	int64_t base = review_base(db, v);
	/* The register is formed while the version is a draft again for a moment:
	 * the triggers let only a draft's rows change. */
	if (db_begin(db) || set_state(db, v, "draft", NULL) || review_each(db, v, record_rec, &r) < 0 ||
	    r.failed)
		goto fail;
	for (int i = 0; i < nreturned; i++) {
		if (!r.used[i]) {
			snprintf(err, errlen, _("%s is not a change of the register submitted to the Council "
			                        "(give CODE:LEVEL as review show lists them)."), returned[i]);
			db_rollback(db);
			free(r.used);
			return -1;
		}
		char code[16];
		const char *colon = strchr(returned[i], ':');
		snprintf(code, sizeof code, "%.*s", (int)(colon - returned[i]), returned[i]);
		if (cycle_undo_change(db, v, base, code, colon + 1))
			goto fail;
		(*undone)++;
	}
	if (set_state(db, v, "recommended", NULL) ||
	    set_cycle_dates(db, c.id, "council_rec_date", date, protocol) || db_commit(db))
		goto fail;
	free(r.used);
	return 0;
fail:
	free(r.used);
	return dberr(db, err, errlen);
}

/* What publication checks, in one place, so that callers run it before any
 * side effect (the backup): the version formed per the recommendations, the
 * date, the role.  The version's id, or 0 with err. */
static int64_t publish_check(tz_db *db, tz_day date, struct cycle *out, char *err, size_t errlen)
{
	struct cycle c;
	int64_t v = version_in(db, "recommended", &c);
	if (!v) {
		snprintf(err, errlen, "%s", reg_draft(db) || version_in(db, "submitted", &c)
		         ? _("The register cannot be published before the Council's recommendations are recorded.")
		         : _("There is no register formed per the Council's recommendations to publish."));
		return 0;
	}
	if (deadline_check_past(date, err, errlen))
		return 0;
	tz_day rec = day_or_none(c.council_rec);
	if (rec >= 0 && date < rec) {
		snprintf(err, errlen, _("The register cannot be placed before the Council's recommendations (%s)."),
		         c.council_rec);
		return 0;
	}
	if (auth_edit_register(db, err, errlen))
		return 0;
	if (out)
		*out = c;
	return v;
}

int cycle_publish_check(tz_db *db, tz_day date, char *err, size_t errlen)
{
	return publish_check(db, date, NULL, err, errlen) ? 0 : -1;
}

int cycle_publish_preview(tz_db *db, tz_day date, struct cycle_pub *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->version = publish_check(db, date, &out->cycle, err, errlen);
	if (!out->version)
		return -1;
	struct review_totals t;
	if (review_totals(db, out->version, &t) < 0) {
		snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		out->added[i] = t.section[i].added;
		out->removed[i] = t.section[i].removed;
		out->changed[i] = t.section[i].changed;
	}
	out->returned = t.returned;
	out->pending = t.pending;
	return 0;
}

int cycle_publish(tz_db *db, tz_day date, int *late, char *err, size_t errlen)
{
	struct cycle c;
	*late = 0;
	int64_t v = publish_check(db, date, &c, err, errlen);
	if (!v)
		return -1;
	tz_day due;
	*late = is_late(db, &c, DL_PLACED, date, &due);
	char e2[256], seal[SEAL_HEX_LEN];
	/* Sealed in the same transaction: no moment exists in which the version
	 * is published and its rows are not held by the chain. */
	if (db_begin(db) || set_state(db, v, "published", "published = :now") ||
	    set_cycle_dates(db, c.id, "placed_date", date, NULL) || seal_record(db, v, seal))
		return dberr(db, err, errlen);
	int64_t draft = reg_new_draft(db, e2, sizeof e2);
	if (!draft) {
		snprintf(err, errlen, "%s", e2);
		db_rollback(db);
		return -1;
	}
	/* The next draft is the cycle's that opened meanwhile, if any. */
	sqlite3_stmt *st = db_prep(db, "UPDATE reg_version SET cycle_id = (SELECT id FROM cycle "
	                               "WHERE placed_date IS NULL ORDER BY year DESC, season = 'autumn' DESC "
	                               "LIMIT 1) WHERE id = :d");
	db_int(st, ":d", draft);
	if (db_run(db, st) || db_commit(db))
		return dberr(db, err, errlen);
	return 0;
}

const char *cycle_state_label(const char *state)
{
	if (!state || !*state)
		return _("no register version yet");
	if (!strcmp(state, "draft"))
		return _("draft");
	if (!strcmp(state, "submitted"))
		return _("submitted to the National Council");
	if (!strcmp(state, "recommended"))
		return _("recommendations recorded");
	if (!strcmp(state, "published"))
		return _("published");
	/* A state this program does not know (a newer one's): not its word. */
	return _("in another state");
}

int cycle_may(tz_db *db, enum cycle_step step, char *err, size_t errlen)
{
	struct cycle c;
	switch (step) {
	case CSTEP_PRESS:
		return 0;
	case CSTEP_OPEN:
		return auth_edit_register(db, err, errlen);
	case CSTEP_COUNCIL:
		if (!version_in(db, "draft", &c)) {
			snprintf(err, errlen, "%s", _("There is no draft register to submit to the Council."));
			return -1;
		}
		if (!c.id) {
			snprintf(err, errlen, "%s", _("The draft register belongs to no cycle: open one first (cycle open YEAR SEASON)."));
			return -1;
		}
		break;
	case CSTEP_RECOMMEND:
		if (!version_in(db, "submitted", &c)) {
			snprintf(err, errlen, "%s", _("No register is with the National Council: submit the draft first (cycle council-submit)."));
			return -1;
		}
		break;
	case CSTEP_PUBLISH:
		if (!version_in(db, "recommended", &c)) {
			snprintf(err, errlen, "%s", reg_draft(db) || version_in(db, "submitted", &c)
			         ? _("The register cannot be published before the Council's recommendations are recorded "
			             "(cycle recommendations).")
			         : _("There is no register formed per the Council's recommendations to publish."));
			return -1;
		}
		break;
	case CSTEP_PRESS_LOAD:
		if (!press_version(db)) {
			snprintf(err, errlen, "%s", _("No register is published yet."));
			return -1;
		}
		break;
	default:
		return -1;
	}
	return auth_edit_register(db, err, errlen);
}
