#include "domain/review.h"

#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/auth.h"
#include "base/host.h"
#include "base/i18n.h"

int64_t review_base(tz_db *db, int64_t version)
{
	sqlite3_stmt *st = db_prep(db, "SELECT coalesce(base_id, 0) FROM reg_version WHERE id = :v");
	db_int(st, ":v", version);
	int64_t base = 0;
	if (db_step(db, st) == SQLITE_ROW)
		base = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!base) {
		st = db_prep(db, "SELECT id FROM reg_version WHERE state = 'published' AND id <> :v "
		                 "ORDER BY published DESC, id DESC LIMIT 1");
		db_int(st, ":v", version);
		if (db_step(db, st) == SQLITE_ROW)
			base = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return base;
}

struct each {
	tz_db *db;
	int64_t version;
	review_fn fn;
	void *ctx;
	sqlite3_stmt *author, *removed_by, *decision;
};

static void copy_col(char *dst, size_t len, sqlite3_stmt *st, int col)
{
	snprintf(dst, len, "%s", db_col_text(st, col));
}

static int each_diff(void *ctx, enum reg_diff_kind kind, const struct reg_row *old,
                     const struct reg_row *neu, unsigned cols)
{
	struct each *e = ctx;
	struct review_change c;
	memset(&c, 0, sizeof c);
	c.kind = kind;
	c.old = old;
	c.neu = neu;
	c.cols = cols;
	const struct reg_row *r = neu ? neu : old;
	snprintf(c.key, sizeof c.key, "%s:%s", r->nkz_code, r->level);

	/* The author is whoever put the change into the draft, whatever made
	 * it (the form, an import, a package, a proposal applied, the
	 * Council's amendment, a correction): the login the change log holds
	 * for the row's last write, or for its deletion. */
	sqlite3_stmt *q = neu ? e->author : e->removed_by;
	sqlite3_reset(q);
	if (neu) {
		char id[32];
		snprintf(id, sizeof id, "%lld", (long long)neu->id);
		db_text(q, ":id", id);
	} else {
		db_int(q, ":v", e->version);
		db_text(q, ":c", r->nkz_code);
		db_text(q, ":l", r->level);
	}
	if (db_step(e->db, q) == SQLITE_ROW)
		copy_col(c.author, sizeof c.author, q, 0);
	sqlite3_reset(q);

	sqlite3_reset(e->decision);
	db_int(e->decision, ":v", e->version);
	db_text(e->decision, ":c", r->nkz_code);
	db_text(e->decision, ":l", r->level);
	int64_t rev = neu ? neu->rev : 0;
	while (db_step(e->db, e->decision) == SQLITE_ROW) {
		const char *stage = db_col_text(e->decision, 0);
		if (!strcmp(stage, "council")) {
			copy_col(c.council, sizeof c.council, e->decision, 1);
			continue;
		}
		/* A row edited after the decision is a different change. */
		if (sqlite3_column_int64(e->decision, 2) != rev)
			continue;
		copy_col(c.decision, sizeof c.decision, e->decision, 1);
		copy_col(c.comment, sizeof c.comment, e->decision, 3);
		copy_col(c.login, sizeof c.login, e->decision, 4);
	}
	return e->fn(e->ctx, &c);
}

int review_each(tz_db *db, int64_t version, review_fn fn, void *ctx)
{
	struct each e = {db, version, fn, ctx, NULL, NULL, NULL};
	e.author = db_prep(db,
		"SELECT login FROM change_log WHERE object = 'reg_row' AND object_id = :id "
		"AND action IN ('insert', 'update') ORDER BY id DESC LIMIT 1");
	e.removed_by = db_prep(db,
		"SELECT login FROM change_log WHERE object = 'reg_row' AND action = 'delete' "
		"AND json_extract(before, '$.version_id') = :v AND json_extract(before, '$.nkz_code') = :c "
		"AND json_extract(before, '$.level') = :l ORDER BY id DESC LIMIT 1");
	e.decision = db_prep(db, "SELECT stage, decision, rev, comment, login FROM change_decision "
	                         "WHERE version_id = :v AND nkz_code = :c AND level = :l");
	int rc = -1;
	if (e.author && e.removed_by && e.decision)
		rc = reg_diff(db, review_base(db, version), version, each_diff, &e);
	sqlite3_finalize(e.author);
	sqlite3_finalize(e.removed_by);
	sqlite3_finalize(e.decision);
	return rc;
}

static void count(struct review_count *n, enum reg_diff_kind k)
{
	if (k == DIFF_ADDED)
		n->added++;
	else if (k == DIFF_REMOVED)
		n->removed++;
	else
		n->changed++;
}

static struct review_group *group(struct review_group *g, int *n, const char *label, int64_t body)
{
	for (int i = 0; i < *n; i++)
		if (g[i].body_id == body && !strcmp(g[i].label, label))
			return &g[i];
	if (*n == REVIEW_MAX_GROUPS)
		return NULL;
	struct review_group *x = &g[(*n)++];
	memset(x, 0, sizeof *x);
	snprintf(x->label, sizeof x->label, "%s", label);
	x->body_id = body;
	return x;
}

static int tally(void *ctx, const struct review_change *c)
{
	struct review_totals *t = ctx;
	const struct reg_row *r = c->neu ? c->neu : c->old;
	count(&t->all, c->kind);
	count(&t->section[strcmp(r->section, "mandatory") != 0], c->kind);
	struct review_group *g = group(t->body, &t->nbody, "", r->body_id);
	if (g)
		count(&g->n, c->kind);
	/* A change of body counts for the body it leaves, too. */
	if (c->old && c->neu && c->old->body_id != c->neu->body_id &&
	    (g = group(t->body, &t->nbody, "", c->old->body_id)))
		count(&g->n, c->kind);
	if ((g = group(t->level, &t->nlevel, r->level, 0)))
		count(&g->n, c->kind);
	if (strcmp(c->decision, "approved"))
		t->pending++;
	if (!strcmp(c->decision, "returned"))
		t->returned++;
	return 0;
}

int review_totals(tz_db *db, int64_t version, struct review_totals *t)
{
	memset(t, 0, sizeof *t);
	return review_each(db, version, tally, t);
}

struct review_find_ctx {
	const char *key;
	struct review_found *out;
};

static int review_find_change(void *ctx, const struct review_change *c)
{
	struct review_find_ctx *f = ctx;
	if (strcmp(c->key, f->key))
		return 0;
	struct review_found *o = f->out;
	const struct reg_row *r = c->neu ? c->neu : c->old;
	o->kind = c->kind;
	o->rev = c->neu ? c->neu->rev : 0;
	snprintf(o->code, sizeof o->code, "%s", r->nkz_code);
	snprintf(o->level, sizeof o->level, "%s", r->level);
	snprintf(o->author, sizeof o->author, "%s", c->author);
	snprintf(o->decision, sizeof o->decision, "%s", c->decision);
	snprintf(o->comment, sizeof o->comment, "%s", c->comment);
	return 1;
}

int review_find(tz_db *db, int64_t version, const char *key, struct review_found *out)
{
	memset(out, 0, sizeof *out);
	struct review_find_ctx f = {key, out};
	int rc = review_each(db, version, review_find_change, &f);
	return rc < 0 ? -1 : rc;
}

static int record(tz_db *db, int64_t version, const char *key, int64_t rev, const char *stage,
                  const char *decision, const char *comment)
{
	char code[16] = "", level[8] = "", now[24];
	const char *colon = strchr(key, ':');
	if (!colon || colon - key >= (long)sizeof code)
		return -1;
	snprintf(code, sizeof code, "%.*s", (int)(colon - key), key);
	snprintf(level, sizeof level, "%s", colon + 1);
	sqlite3_stmt *st = db_prep(db,
		"INSERT INTO change_decision (version_id, nkz_code, level, stage, decision, rev, comment, login, at) "
		"VALUES (:v, :c, :l, :s, :d, :r, :m, :who, :at) "
		"ON CONFLICT (version_id, nkz_code, level, stage) DO UPDATE SET decision = excluded.decision, "
		"rev = excluded.rev, comment = excluded.comment, login = excluded.login, at = excluded.at");
	db_int(st, ":v", version);
	db_text(st, ":c", code);
	db_text(st, ":l", level);
	db_text(st, ":s", stage);
	db_text(st, ":d", decision);
	db_int(st, ":r", rev);
	db_text(st, ":m", comment ? comment : "");
	db_text(st, ":who", host_login());
	db_text(st, ":at", host_now(now));
	return db_run(db, st) ? -1 : 0;
}

int review_may(tz_db *db, int approve, char *why, size_t len)
{
	if (!reg_draft(db)) {
		snprintf(why, len, "%s", _("There is no draft register to review."));
		return -1;
	}
	return approve ? auth_approve(db, NULL, why, len) : auth_edit_register(db, why, len);
}

int review_decide(tz_db *db, const char *key, int approve, const char *comment,
                  char *err, size_t errlen)
{
	int64_t v = reg_draft(db);
	if (!v) {
		snprintf(err, errlen, "%s", _("There is no draft register to review."));
		return -1;
	}
	if (!approve && (!comment || !*comment)) {
		snprintf(err, errlen, "%s", _("Returning a change needs a comment saying what to correct."));
		return -1;
	}
	struct review_found f;
	int found = review_find(db, v, key, &f);
	if (found < 0) {
		snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
		return -1;
	}
	if (!found) {
		snprintf(err, errlen, _("%s is not a change of the draft against the published register "
		                        "(give CODE:LEVEL as review show lists them)."), key);
		return -1;
	}
	if (approve ? auth_approve(db, f.author, err, errlen) : auth_edit_register(db, err, errlen))
		return -1;
	/* Deciding a change again as it stands is no new decision: the log
	 * keeps the first. */
	if (!strcmp(f.decision, approve ? "approved" : "returned") && (approve || !strcmp(f.comment, comment)))
		return 0;
	if (comment && *comment)
		audit_reason(db, comment);
	if (db_begin(db) || record(db, v, key, f.rev, "review", approve ? "approved" : "returned", comment) ||
	    db_commit(db)) {
		snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}

struct all {
	tz_db *db;
	int64_t version;
	int n, refused, failed;
};

static int approve_one(void *ctx, const struct review_change *c)
{
	struct all *a = ctx;
	if (c->decision[0])
		return 0;
	char why[256];
	if (auth_approve(a->db, c->author, why, sizeof why)) {
		a->refused++;
		return 0;
	}
	if (record(a->db, a->version, c->key, c->neu ? c->neu->rev : 0, "review", "approved", "")) {
		a->failed = 1;
		return 1;
	}
	a->n++;
	return 0;
}

int review_approve_all(tz_db *db, int *n, int *refused, char *err, size_t errlen)
{
	struct all a = {db, reg_draft(db), 0, 0, 0};
	*n = *refused = 0;
	if (!a.version) {
		snprintf(err, errlen, "%s", _("There is no draft register to review."));
		return -1;
	}
	/* Who may approve at all is asked once, first: a reader is refused,
	 * not told that every change was left. */
	if (auth_approve(db, NULL, err, errlen))
		return -1;
	if (db_begin(db) || review_each(db, a.version, approve_one, &a) < 0 || a.failed ||
	    db_commit(db)) {
		snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
		db_rollback(db);
		return -1;
	}
	*n = a.n;
	*refused = a.refused;
	return 0;
}

int review_record_council(tz_db *db, int64_t version, const char *key, int approved,
                          const char *comment)
{
	return record(db, version, key, 0, "council", approved ? "approved" : "returned", comment);
}
