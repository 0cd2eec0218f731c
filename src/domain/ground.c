#include "domain/ground.h"

#include <stdio.h>
#include <string.h>

#include "base/host.h"
#include "base/i18n.h"
#include "store/audit.h"
#include "store/auth.h"
#include "domain/register.h"
#include "domain/review.h"

static const char *const ground_kinds[] = {"proposal", "council", "correction"};

int ground_of(tz_db *db, int64_t version, const char *code, const char *level,
              struct ground_set *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_cached(db,
		"SELECT g.kind, coalesce(g.proposal_id, 0), coalesce(b.code, ''), g.item, "
		"coalesce(c.council_protocol, ''), g.action, g.text, g.login "
		"FROM change_ground g JOIN reg_version v ON v.id = g.version_id "
		"LEFT JOIN cycle c ON c.id = v.cycle_id "
		"LEFT JOIN proposal p ON p.id = g.proposal_id LEFT JOIN body b ON b.id = p.body_id "
		"WHERE g.version_id = :v AND g.nkz_code = :c AND g.level = :l ORDER BY g.id");
	if (!st)
		return -1;
	db_int(st, ":v", version);
	db_text(st, ":c", code);
	db_text(st, ":l", level);
	int rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		const char *kind = db_col_text(st, 0);
		int64_t pid = sqlite3_column_int64(st, 1);
		const char *item = db_col_text(st, 3), *text = db_col_text(st, 6);
		/* The same ground recorded twice (a proposal applied again) is one. */
		int dup = 0;
		for (int i = 0; i < out->n; i++)
			dup |= !strcmp(ground_kinds[out->g[i].kind], kind) && out->g[i].proposal_id == pid &&
			       !strcmp(out->g[i].item, item) && !strcmp(out->g[i].text, text);
		if (dup || out->n == GROUND_MAX)
			continue;
		struct ground *g = &out->g[out->n++];
		g->kind = !strcmp(kind, "proposal") ? GROUND_PROPOSAL
		        : !strcmp(kind, "council") ? GROUND_COUNCIL : GROUND_CORRECTION;
		g->proposal_id = pid;
		snprintf(g->body, sizeof g->body, "%s", db_col_text(st, 2));
		snprintf(g->item, sizeof g->item, "%s", item);
		snprintf(g->protocol, sizeof g->protocol, "%s", db_col_text(st, 4));
		snprintf(g->action, sizeof g->action, "%s", db_col_text(st, 5));
		snprintf(g->text, sizeof g->text, "%s", text);
		snprintf(g->login, sizeof g->login, "%s", db_col_text(st, 7));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char *ground_action_label(const char *action)
{
	if (!strcmp(action, "approve")) return _("approved");
	if (!strcmp(action, "return")) return _("returned");
	if (!strcmp(action, "amend")) return _("amended");
	if (!strcmp(action, "add")) return _("added");
	if (!strcmp(action, "exclude")) return _("excluded");
	return "";
}

const char *ground_label(const struct ground *g, char *buf, size_t len)
{
	switch (g->kind) {
	case GROUND_PROPOSAL:
		/* TRANSLATORS: a change's ground: %1$lld the proposal's number,
		 * %2$s its sectoral body's code. */
		snprintf(buf, len, _("proposal %1$lld (%2$s)"), (long long)g->proposal_id, g->body);
		break;
	case GROUND_COUNCIL:
		/* TRANSLATORS: a change's ground: %1$s the protocol's number,
		 * %2$s the recommendation's item, %3$s what it did (amended,
		 * added...), %4$s the item's words (may be empty). */
		snprintf(buf, len, _("Council's recommendation, protocol %1$s, item %2$s (%3$s)%4$s%5$s"),
		         g->protocol, g->item, ground_action_label(g->action), g->text[0] ? ": " : "", g->text);
		break;
	case GROUND_CORRECTION:
		snprintf(buf, len, _("technical correction: %s"), g->text);
		break;
	}
	return buf;
}

const char *ground_summary(const struct ground_set *s, char *buf, size_t len)
{
	if (!s->n) {
		snprintf(buf, len, "%s", _("no ground"));
		return buf;
	}
	size_t at = 0;
	buf[0] = 0;
	for (int i = 0; i < s->n && at + 1 < len; i++) {
		char one[1024];
		int w = snprintf(buf + at, len - at, "%s%s", i ? "; " : "", ground_label(&s->g[i], one, sizeof one));
		if (w < 0)
			break;
		at += (size_t)w < len - at ? (size_t)w : len - at - 1;
	}
	return buf;
}

int ground_record(tz_db *db, int64_t version, const char *code, const char *level,
                  enum ground_kind kind, int64_t proposal_id, const char *item,
                  const char *text, const char *action)
{
	char now[24];
	sqlite3_stmt *st = db_prep(db,
		"INSERT INTO change_ground (version_id, nkz_code, level, kind, proposal_id, item, text, action, "
		"login, at) VALUES (:v, :c, :l, :k, :p, :i, :t, :a, :who, :at)");
	if (!st)
		return -1;
	db_int(st, ":v", version);
	db_text(st, ":c", code);
	db_text(st, ":l", level);
	db_text(st, ":k", ground_kinds[kind]);
	if (kind == GROUND_PROPOSAL)
		db_int(st, ":p", proposal_id);
	else
		db_null(st, ":p");
	db_text(st, ":i", item ? item : "");
	db_text(st, ":t", text ? text : "");
	db_text(st, ":a", action ? action : "");
	db_text(st, ":who", host_login());
	db_text(st, ":at", host_now(now));
	return db_run(db, st) ? -1 : 0;
}

int ground_carry(tz_db *db, int64_t version, const char *code, const char *from_level,
                 const char *to_level)
{
	sqlite3_stmt *st = db_prep(db,
		"INSERT INTO change_ground (version_id, nkz_code, level, kind, proposal_id, item, text, action, "
		"login, at) SELECT version_id, nkz_code, :to, kind, proposal_id, item, text, action, login, at "
		"FROM change_ground WHERE version_id = :v AND nkz_code = :c AND level = :from ORDER BY id");
	if (!st)
		return -1;
	db_int(st, ":v", version);
	db_text(st, ":c", code);
	db_text(st, ":from", from_level);
	db_text(st, ":to", to_level);
	return db_run(db, st) ? -1 : 0;
}

int ground_correct(tz_db *db, const char *key, const char *reason, char *err, size_t errlen)
{
	int64_t v = reg_draft(db);
	if (!v) {
		snprintf(err, errlen, "%s", _("There is no draft register to correct: while the register is "
		                              "with the Council it changes only by its recommendations."));
		return -1;
	}
	if (!reason || !*reason) {
		snprintf(err, errlen, "%s", _("A technical correction needs its reason in writing "
		                              "(a typo in a name, an act renamed)."));
		return -1;
	}
	if (auth_edit_register(db, err, errlen))
		return -1;
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
	audit_reason(db, reason);
	if (db_begin(db) || ground_record(db, v, f.code, f.level, GROUND_CORRECTION, 0, NULL, reason, NULL) ||
	    db_commit(db)) {
		snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}

struct ground_miss {
	tz_db *db;
	int64_t version;
	ground_missing_fn fn;
	void *ctx;
	int n, stop, failed;
};

static int ground_miss_one(void *ctx, enum reg_diff_kind kind, const struct reg_row *old,
                           const struct reg_row *neu, unsigned cols)
{
	(void)kind;
	(void)cols;
	struct ground_miss *m = ctx;
	const struct reg_row *r = neu ? neu : old;
	sqlite3_stmt *st = db_cached(m->db, "SELECT 1 FROM change_ground WHERE version_id = :v "
	                                    "AND nkz_code = :c AND level = :l");
	if (!st) {
		m->failed = 1;
		return 1;
	}
	db_int(st, ":v", m->version);
	db_text(st, ":c", r->nkz_code);
	db_text(st, ":l", r->level);
	int has = db_step(m->db, st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (has)
		return 0;
	m->n++;
	char key[32];
	snprintf(key, sizeof key, "%s:%s", r->nkz_code, r->level);
	if (!m->stop && m->fn && m->fn(m->ctx, key))
		m->stop = 1;
	return 0;
}

int ground_missing(tz_db *db, int64_t version, ground_missing_fn fn, void *ctx)
{
	int64_t base = review_base(db, version);
	if (!base)
		return 0;
	struct ground_miss m = {db, version, fn, ctx, 0, 0, 0};
	if (reg_diff(db, base, version, ground_miss_one, &m) < 0 || m.failed)
		return -1;
	return m.n;
}
