#include "domain/council.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/problem.h"
#include "store/audit.h"
#include "store/auth.h"
#include "domain/ground.h"
#include "domain/review.h"

static const char *const council_actions[] = {"approve", "return", "amend", "add", "exclude"};

int council_action_parse(const char *s, enum council_action *out)
{
	static const char *const shown[] = {N_("approve"), N_("return"), N_("amend"), N_("add"),
	                                    N_("exclude")};
	for (int i = 0; i < 5; i++)
		if (!strcmp(s, council_actions[i]) || !strcmp(s, _(shown[i]))) {
			*out = (enum council_action)i;
			return 0;
		}
	return -1;
}

const char *council_action_name(enum council_action a)
{
	return council_actions[a];
}

int64_t council_forming(tz_db *db, struct cycle *c)
{
	int64_t v = db_int_query(db, "SELECT id FROM reg_version WHERE state = 'recommended' "
	                             "ORDER BY id DESC LIMIT 1", 0);
	if (c) {
		memset(c, 0, sizeof *c);
		int64_t cid = v ? db_int_query(db, "SELECT coalesce(cycle_id, 0) FROM reg_version "
		                                   "WHERE state = 'recommended' ORDER BY id DESC LIMIT 1", 0) : 0;
		if (cid)
			cycle_load(db, cid, c);
	}
	return v;
}

int council_may_record(tz_db *db, char *why, size_t len)
{
	if (!db_int_query(db, "SELECT count(*) FROM reg_version WHERE state = 'submitted'", 0)) {
		snprintf(why, len, "%s", _("No register is with the National Council: submit the draft first."));
		return -1;
	}
	return auth_edit_register(db, why, len);
}

int council_may_apply(tz_db *db, char *why, size_t len)
{
	if (!council_forming(db, NULL)) {
		snprintf(why, len, "%s", _("The register is not being formed per the Council's recommendations: "
		                           "record the recommendations first."));
		return -1;
	}
	return auth_edit_register(db, why, len);
}

tz_day council_due(tz_db *db)
{
	struct cycle c;
	tz_day rec;
	if (!council_forming(db, &c) || !c.council_rec[0] || cal_parse(c.council_rec, &rec))
		return -1;
	tz_calendar *cal = cal_load(db);
	if (!cal)
		return -1;
	tz_day due = cal_add_workdays(cal, rec, 10);
	cal_free(cal);
	return due;
}

static int council_split(const char *key, char *code, size_t clen, char *level, size_t llen)
{
	const char *colon = key ? strchr(key, ':') : NULL;
	if (!colon || colon == key || !colon[1] || (size_t)(colon - key) >= clen || strlen(colon + 1) >= llen)
		return -1;
	snprintf(code, clen, "%.*s", (int)(colon - key), key);
	snprintf(level, llen, "%s", colon + 1);
	return 0;
}

/* The row of (code, level) in version: its id, 0 when none. */
static int64_t council_row(tz_db *db, int64_t v, const char *code, const char *level)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM reg_row WHERE version_id = :v AND nkz_code = :c "
	                               "AND level = :l");
	db_int(st, ":v", v);
	db_text(st, ":c", code);
	db_text(st, ":l", level);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

static int council_set_state(tz_db *db, int64_t v, const char *state)
{
	sqlite3_stmt *st = db_prep(db, "UPDATE reg_version SET state = :s WHERE id = :v");
	db_text(st, ":s", state);
	db_int(st, ":v", v);
	return db_run(db, st);
}

static void council_amend_row(struct reg_row *r, const struct council_item *it)
{
	const struct reg_row *n = &it->row;
	if (it->set & COL_SECTION)
		snprintf(r->section, sizeof r->section, "%s", n->section);
	if (it->set & COL_LEVEL)
		snprintf(r->level, sizeof r->level, "%s", n->level);
	if (it->set & COL_VALIDITY)
		r->validity = n->validity;
	if (it->set & COL_BODY)
		r->body_id = n->body_id;
	if (it->set & COL_PROFILE)
		snprintf(r->profile, sizeof r->profile, "%s", n->profile);
	if ((it->set & COL_NAME) && n->name_kk)
		reg_row_set(&r->name_kk, n->name_kk);
	if ((it->set & COL_NAME) && n->name_ru)
		reg_row_set(&r->name_ru, n->name_ru);
	if ((it->set & COL_BASIS) && n->basis_kk)
		reg_row_set(&r->basis_kk, n->basis_kk);
	if ((it->set & COL_BASIS) && n->basis_ru)
		reg_row_set(&r->basis_ru, n->basis_ru);
}

/* A row refused: the first problem the check found, with its key. */
static void council_refused(tz_db *db, int rc, const struct problems *p, const char *key,
                            char *err, size_t errlen)
{
	char why[sizeof p->item[0].msg + 8];
	if (p->n)
		snprintf(why, sizeof why, "%s", p->item[0].msg);
	else
		reg_status_why(db, rc, why, sizeof why);
	snprintf(err, errlen, _("%s: %s"), key, why);
}

/* The item carried out inside the open transaction, the version a draft. */
static int council_carry(tz_db *db, int64_t v, const struct council_item *it, const char *code,
                         const char *level, char *newkey, size_t keylen, char *err, size_t errlen)
{
	const char *act = council_actions[it->action];
	const char *text = it->text ? it->text : "";
	struct problems p = {0};
	char key[32];
	snprintf(key, sizeof key, "%s:%s", code, level);
	if (newkey)
		snprintf(newkey, keylen, "%s", key);
	if (it->action == COUNCIL_APPROVE || it->action == COUNCIL_RETURN) {
		struct review_found f;
		int found = review_find(db, v, key, &f);
		if (found < 0)
			return -2;
		if (!found) {
			snprintf(err, errlen, _("%s is not a change of the register submitted to the Council "
			                        "(give CODE:LEVEL as review show lists them)."), key);
			return -1;
		}
		if (it->action == COUNCIL_RETURN && cycle_undo_change(db, v, review_base(db, v), code, level))
			return -2;
		if (review_record_council(db, v, key, it->action == COUNCIL_APPROVE, text))
			return -2;
		return ground_record(db, v, code, level, GROUND_COUNCIL, 0, it->item, text, act) ? -2 : 0;
	}
	if (it->action == COUNCIL_ADD) {
		struct reg_row r = it->row;
		r.version_id = v;
		r.id = 0;
		r.proposal_id = 0;
		/* Named as the classifier names it unless the item says otherwise. */
		char *nk = NULL, *nr = NULL;
		if (!r.name_kk || !*r.name_kk || !r.name_ru || !*r.name_ru) {
			sqlite3_stmt *st = db_prep(db, "SELECT name_kk, name_ru FROM nkz WHERE code = :c");
			db_text(st, ":c", r.nkz_code);
			if (db_step(db, st) == SQLITE_ROW) {
				if (!r.name_kk || !*r.name_kk)
					reg_row_set(&nk, db_col_text(st, 0)), r.name_kk = nk;
				if (!r.name_ru || !*r.name_ru)
					reg_row_set(&nr, db_col_text(st, 1)), r.name_ru = nr;
			}
			sqlite3_finalize(st);
		}
		if (!r.name_kk)
			r.name_kk = "";
		if (!r.name_ru)
			r.name_ru = "";
		if (!r.basis_kk)
			r.basis_kk = "";
		if (!r.basis_ru)
			r.basis_ru = "";
		int rc = reg_add(db, &r, &p);
		free(nk);
		free(nr);
		if (rc) {
			council_refused(db, rc, &p, key, err, errlen);
			return -1;
		}
	} else {
		int64_t id = council_row(db, v, code, level);
		if (!id) {
			snprintf(err, errlen, _("%s is not a row of the register being formed."), key);
			return -1;
		}
		struct reg_row r;
		if (reg_row_load(db, id, &r))
			return -2;
		int rc;
		if (it->action == COUNCIL_EXCLUDE) {
			rc = reg_delete(db, id, r.rev);
		} else {
			council_amend_row(&r, it);
			rc = reg_change(db, &r, &p);
		}
		if (rc) {
			council_refused(db, rc, &p, key, err, errlen);
			reg_row_free(&r);
			return -1;
		}
		if (strcmp(r.level, level)) {
			if (newkey)
				snprintf(newkey, keylen, "%s:%s", r.nkz_code, r.level);
			/* The same change under its new key: what it was made on
			 * holds there too. */
			char moved[32];
			snprintf(moved, sizeof moved, "%s:%s", r.nkz_code, r.level);
			int rc2 = ground_carry(db, v, code, level, r.level) ||
			          ground_record(db, v, code, r.level, GROUND_COUNCIL, 0, it->item, text, act) ||
			          review_record_council(db, v, moved, 1, text);
			reg_row_free(&r);
			if (rc2)
				return -2;
			/* The old key is a change of its own only when the
			 * published register held it (a row now gone). */
			sqlite3_stmt *st = db_prep(db, "SELECT count(*) FROM reg_row WHERE version_id = :b "
			                               "AND nkz_code = :c AND level = :l");
			db_int(st, ":b", review_base(db, v));
			db_text(st, ":c", code);
			db_text(st, ":l", level);
			int was = db_step(db, st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
			sqlite3_finalize(st);
			if (!was)
				return 0;
		} else {
			reg_row_free(&r);
		}
	}
	if (review_record_council(db, v, key, 1, text))
		return -2;
	return ground_record(db, v, code, level, GROUND_COUNCIL, 0, it->item, text, act) ? -2 : 0;
}

int council_apply(tz_db *db, const struct council_item *it, char *newkey, size_t keylen,
                  char *err, size_t errlen)
{
	if (council_may_apply(db, err, errlen))
		return -1;
	if (!it->item || !*it->item) {
		snprintf(err, errlen, "%s", _("Name the item of the Council's recommendations that this carries out."));
		return -1;
	}
	char code[16], level[8];
	if (it->action == COUNCIL_ADD) {
		snprintf(code, sizeof code, "%s", it->row.nkz_code);
		snprintf(level, sizeof level, "%s", it->row.level);
	} else if (council_split(it->key, code, sizeof code, level, sizeof level)) {
		snprintf(err, errlen, _("Give the row as CODE:LEVEL (as review show lists them), not \"%s\"."),
		         it->key ? it->key : "");
		return -1;
	}
	if (it->action == COUNCIL_AMEND && !it->set) {
		snprintf(err, errlen, "%s", _("Say which column the recommendation amends, and its new value."));
		return -1;
	}
	if (reg_draft(db)) {
		snprintf(err, errlen, "%s", _("A draft register exists beside the one being formed: the "
		                              "recommendations can be carried out only while it does not."));
		return -1;
	}
	int64_t v = council_forming(db, NULL);
	if (it->text && *it->text)
		audit_reason(db, it->text);
	if (db_begin(db))
		goto dberr;
	int rc = council_set_state(db, v, "draft") ? -2
	       : council_carry(db, v, it, code, level, newkey, keylen, err, errlen);
	if (rc == 0 && (council_set_state(db, v, "recommended") || db_commit(db)))
		rc = -2;
	if (rc == 0)
		return 0;
	if (rc == -2)
		snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
	db_rollback(db);
	return -1;
dberr:
	snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
	return -1;
}

int council_each_done(tz_db *db, int64_t version, council_done_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, "SELECT nkz_code || ':' || level, item, action, text, login, at "
	                               "FROM change_ground WHERE version_id = :v AND kind = 'council' "
	                               "ORDER BY id");
	if (!st)
		return -1;
	db_int(st, ":v", version);
	int rc = 0;
	while (!rc && db_step(db, st) == SQLITE_ROW) {
		struct council_done d;
		snprintf(d.key, sizeof d.key, "%s", db_col_text(st, 0));
		snprintf(d.item, sizeof d.item, "%s", db_col_text(st, 1));
		snprintf(d.action, sizeof d.action, "%s", db_col_text(st, 2));
		snprintf(d.text, sizeof d.text, "%s", db_col_text(st, 3));
		snprintf(d.login, sizeof d.login, "%s", db_col_text(st, 4));
		snprintf(d.at, sizeof d.at, "%s", db_col_text(st, 5));
		rc = fn(ctx, &d);
	}
	sqlite3_finalize(st);
	return rc;
}
