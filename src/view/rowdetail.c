#include "view/rowdetail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/ground.h"
#include "domain/review.h"

static int rowdetail_ru(const char *lang)
{
	return (lang ? lang : i18n_lang())[0] == 'r';
}

/* A copy of column col; *oom set when memory ran out (the copy is then
 * NULL, and rowdetail_free copes). */
static char *rowdetail_col(sqlite3_stmt *st, int col, int *oom)
{
	char *s = strdup(db_col_text(st, col));
	if (!s)
		*oom = 1;
	return s;
}

static int rowdetail_proposal(tz_db *db, const char *lang, struct rowdetail *d, int *oom)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT p.action, p.state, b.name_kk, b.name_ru, c.year, c.season "
		"FROM proposal p JOIN body b ON b.id = p.body_id "
		"LEFT JOIN cycle c ON c.id = p.cycle_id WHERE p.id = :id");
	if (!st)
		return -1;
	db_int(st, ":id", d->proposal_id);
	int rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		d->has_proposal = 1;
		proposal_action_parse(db_col_text(st, 0), &d->proposal_action);
		proposals_state_parse(db_col_text(st, 1), &d->proposal_state);
		d->proposal_body = rowdetail_col(st, rowdetail_ru(lang) ? 3 : 2, oom);
		d->cycle_year = rowdetail_col(st, 4, oom);
		d->cycle_season = rowdetail_col(st, 5, oom);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int rowdetail_history(tz_db *db, int64_t id, struct rowdetail *d, int *oom)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT at, login, action, reason FROM change_log "
		"WHERE object = 'reg_row' AND object_id = :id ORDER BY id");
	if (!st)
		return -1;
	/* The log names objects by text, whatever their key. */
	char key[32];
	snprintf(key, sizeof key, "%lld", (long long)id);
	db_text(st, ":id", key);
	int rc, cap = 0;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		if (d->nchanges == cap) {
			int ncap = cap ? cap * 2 : 16;
			struct rowdetail_change *c = realloc(d->changes, (size_t)ncap * sizeof *c);
			if (!c) {
				*oom = 1;
				break;
			}
			d->changes = c;
			cap = ncap;
		}
		struct rowdetail_change *c = &d->changes[d->nchanges++];
		c->at = rowdetail_col(st, 0, oom);
		c->login = rowdetail_col(st, 1, oom);
		c->action = rowdetail_col(st, 2, oom);
		c->reason = rowdetail_col(st, 3, oom);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || *oom ? 0 : -1;
}

/* Is the row a change against the register its version is set against,
 * and on what ground? */
static int rowdetail_ground(tz_db *db, int64_t id, struct rowdetail *d, int *oom)
{
	sqlite3_stmt *st = db_prep(db, "SELECT version_id, nkz_code, level FROM reg_row WHERE id = :id");
	if (!st)
		return -1;
	db_int(st, ":id", id);
	int64_t v = 0;
	char code[16] = "", level[8] = "";
	if (db_step(db, st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		snprintf(code, sizeof code, "%s", db_col_text(st, 1));
		snprintf(level, sizeof level, "%s", db_col_text(st, 2));
	}
	sqlite3_finalize(st);
	int64_t base = v ? review_base(db, v) : 0;
	if (!base)
		return 0;
	st = db_prep(db, "SELECT NOT EXISTS (SELECT 1 FROM reg_row b WHERE b.version_id = :b "
	                 "AND b.nkz_code = r.nkz_code AND b.level = r.level AND b.section = r.section "
	                 "AND b.name_kk = r.name_kk AND b.name_ru = r.name_ru AND b.basis_kk = r.basis_kk "
	                 "AND b.basis_ru = r.basis_ru AND b.validity = r.validity AND b.body_id = r.body_id "
	                 "AND b.profile = r.profile) FROM reg_row r WHERE r.id = :id");
	if (!st)
		return -1;
	db_int(st, ":b", base);
	db_int(st, ":id", id);
	d->is_change = db_step(db, st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!d->is_change)
		return 0;
	struct ground_set gs;
	char buf[4096];
	if (ground_of(db, v, code, level, &gs))
		return -1;
	d->ground = strdup(ground_summary(&gs, buf, sizeof buf));
	if (!d->ground)
		*oom = 1;
	return 0;
}

int rowdetail_read(tz_db *db, int64_t id, const char *lang, struct rowdetail *d)
{
	memset(d, 0, sizeof *d);
	sqlite3_stmt *st = db_prep(db,
		"SELECT r.nkz_code, r.name_kk, r.name_ru, r.basis_kk, r.basis_ru, r.section, r.level, "
		"n.descr_kk, n.descr_ru, r.validity, b.name_kk, b.name_ru, r.profile, r.proposal_id "
		"FROM reg_row r JOIN body b ON b.id = r.body_id "
		"LEFT JOIN nrk_level n ON n.code = r.level WHERE r.id = :id");
	if (!st)
		return -1;
	db_int(st, ":id", id);
	int rc = db_step(db, st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	int oom = 0;
	d->code = rowdetail_col(st, 0, &oom);
	d->name_kk = rowdetail_col(st, 1, &oom);
	d->name_ru = rowdetail_col(st, 2, &oom);
	d->basis_kk = rowdetail_col(st, 3, &oom);
	d->basis_ru = rowdetail_col(st, 4, &oom);
	d->section = rowdetail_col(st, 5, &oom);
	d->level = rowdetail_col(st, 6, &oom);
	d->level_descr = rowdetail_col(st, rowdetail_ru(lang) ? 8 : 7, &oom);
	d->validity = sqlite3_column_int(st, 9);
	d->body_kk = rowdetail_col(st, 10, &oom);
	d->body_ru = rowdetail_col(st, 11, &oom);
	d->profile = rowdetail_col(st, 12, &oom);
	d->proposal_id = sqlite3_column_int64(st, 13);
	sqlite3_finalize(st);
	int bad = 0;
	if (d->proposal_id)
		bad |= rowdetail_proposal(db, lang, d, &oom);
	bad |= rowdetail_history(db, id, d, &oom);
	bad |= rowdetail_ground(db, id, d, &oom);
	if (bad || oom) {
		rowdetail_free(d);
		return -1;
	}
	return 1;
}

void rowdetail_free(struct rowdetail *d)
{
	char **text[] = {&d->code, &d->name_kk, &d->name_ru, &d->basis_kk, &d->basis_ru,
	                 &d->section, &d->level, &d->level_descr, &d->body_kk, &d->body_ru,
	                 &d->profile, &d->proposal_body, &d->ground,
	                 &d->cycle_year, &d->cycle_season};
	for (size_t i = 0; i < sizeof text / sizeof *text; i++)
		free(*text[i]);
	for (int i = 0; i < d->nchanges; i++) {
		free(d->changes[i].at);
		free(d->changes[i].login);
		free(d->changes[i].action);
		free(d->changes[i].reason);
	}
	free(d->changes);
	memset(d, 0, sizeof *d);
}
