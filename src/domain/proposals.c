#include "domain/proposals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/auth.h"
#include "domain/cycle.h"
#include "domain/deadlines.h"
#include "domain/ground.h"
#include "base/host.h"
#include "base/i18n.h"
#include "base/namecase.h"

void proposal_rec_free(struct proposal_rec *r)
{
	proposal_free(&r->pr);
}

/* The one table of the states: the database's word, the label, and
 * whether a proposal in it may be changed. */
static const struct { const char *name, *label; int editable; } proposal_states[PS_NSTATES] = {
	[PS_DRAFT] = {"draft", N_("draft"), 1},
	[PS_SENT] = {"sent", N_("sent to the sectoral body"), 1},
	[PS_RETURNED] = {"returned", N_("returned for rework"), 1},
	[PS_AGREED] = {"agreed", N_("agreed with the sectoral council"), 1},
	[PS_SUBMITTED] = {"submitted", N_("submitted to the authorized body"), 0},
	[PS_REMARKS] = {"remarks", N_("remarks to rework"), 1},
	[PS_ACCEPTED] = {"accepted", N_("accepted"), 0},
	[PS_REJECTED] = {"rejected", N_("rejected"), 0},
	[PS_APPLIED] = {"applied", N_("applied to the draft register"), 0},
};

static int known_state(enum proposal_state s) { return s >= 0 && s < PS_NSTATES; }

const char *proposals_state_name(enum proposal_state s)
{
	return known_state(s) ? proposal_states[s].name : "";
}

const char *proposals_state_label(enum proposal_state s)
{
	return known_state(s) ? _(proposal_states[s].label) : "";
}

const char *proposals_state_short(enum proposal_state s)
{
	switch (s) {
	case PS_DRAFT: return C_("proposal state", "draft");
	case PS_SENT: return C_("proposal state", "sent");
	case PS_RETURNED: return C_("proposal state", "returned");
	case PS_AGREED: return C_("proposal state", "agreed");
	case PS_SUBMITTED: return C_("proposal state", "submitted");
	case PS_REMARKS: return C_("proposal state", "remarks");
	case PS_ACCEPTED: return C_("proposal state", "accepted");
	case PS_REJECTED: return C_("proposal state", "rejected");
	case PS_APPLIED: return C_("proposal state", "applied");
	default: return "";
	}
}

int proposals_state_parse(const char *s, enum proposal_state *out)
{
	for (int i = 0; s && i < PS_NSTATES; i++)
		if (!strcmp(proposal_states[i].name, s)) {
			*out = (enum proposal_state)i;
			return 0;
		}
	return -1;
}

int proposals_state_editable(enum proposal_state s)
{
	return known_state(s) && proposal_states[s].editable;
}

const char *proposals_event_label(const char *event)
{
	enum proposal_state s;
	if (!strcmp(event, "resubmitted"))
		return proposals_state_label(PS_SUBMITTED);
	/* The steps that are no state of their own. */
	if (!strcmp(event, "created"))
		return _("created");
	if (!strcmp(event, "edited"))
		return _("edited");
	/* An event this program does not know is not shown by its stored word. */
	return proposals_state_parse(event, &s) ? _("another step") : proposals_state_label(s);
}

int64_t proposals_body(tz_db *db, const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM body WHERE code = :c OR CAST(id AS TEXT) = :c");
	db_text(st, ":c", code);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

static int dberr(tz_db *db, char *err, size_t errlen)
{
	snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
	db_rollback(db);
	return PR_REFUSED;
}

static char *dup_col(sqlite3_stmt *st, int col)
{
	const char *s = db_col_text(st, col);
	char *d = malloc(strlen(s) + 1);
	if (d)
		strcpy(d, s);
	return d;
}

#define P_COLS "p.id, p.cycle_id, p.body_id, coalesce(p.association_id, 0), p.action, p.section, " \
	"p.nkz_code, coalesce(n.name_kk, ''), coalesce(n.name_ru, ''), p.basis_kk, p.basis_ru, " \
	"coalesce(p.validity, -1), coalesce(p.profile, ''), p.safety_kk, p.safety_ru, p.demand_kk, " \
	"p.demand_ru, p.standard_kk, p.standard_ru, p.legal_act_kk, p.legal_act_ru, p.state, p.round, " \
	"p.late, coalesce(substr(p.submitted, 1, 10), ''), p.author " \
	"FROM proposal p LEFT JOIN nkz n ON n.code = p.nkz_code "

static void rec_from(tz_db *db, sqlite3_stmt *st, struct proposal_rec *r)
{
	memset(r, 0, sizeof *r);
	struct proposal *p = &r->pr;
	p->id = sqlite3_column_int64(st, 0);
	p->cycle_id = sqlite3_column_int64(st, 1);
	p->body_id = p->row.body_id = sqlite3_column_int64(st, 2);
	p->association_id = sqlite3_column_int64(st, 3);
	proposal_action_parse(db_col_text(st, 4), &p->action);
	snprintf(p->row.section, sizeof p->row.section, "%s", db_col_text(st, 5));
	snprintf(p->row.nkz_code, sizeof p->row.nkz_code, "%s", db_col_text(st, 6));
	/* A proposal names an occupation: its name is the classifier's, as the
	 * register would write it. */
	p->row.name_kk = namecase_offer("kk", db_col_text(st, 7));
	p->row.name_ru = namecase_offer("ru", db_col_text(st, 8));
	p->row.basis_kk = dup_col(st, 9);
	p->row.basis_ru = dup_col(st, 10);
	p->row.validity = sqlite3_column_int(st, 11);
	snprintf(p->row.profile, sizeof p->row.profile, "%s", db_col_text(st, 12));
	char **texts[] = {&p->safety_kk, &p->safety_ru, &p->demand_kk, &p->demand_ru,
	                  &p->standard_kk, &p->standard_ru, &p->legal_act_kk, &p->legal_act_ru};
	for (int i = 0; i < 8; i++)
		*texts[i] = dup_col(st, 13 + i);
	proposals_state_parse(db_col_text(st, 21), &r->state);
	r->round = sqlite3_column_int(st, 22);
	r->late = sqlite3_column_int(st, 23);
	snprintf(r->submitted, sizeof r->submitted, "%s", db_col_text(st, 24));
	snprintf(r->author, sizeof r->author, "%s", db_col_text(st, 25));
	sqlite3_stmt *lv = db_prep(db, "SELECT level FROM proposal_level WHERE proposal_id = :id ORDER BY level");
	db_int(lv, ":id", p->id);
	while (p->nlevels < TZ_MAX_LEVELS && db_step(db, lv) == SQLITE_ROW)
		snprintf(p->levels[p->nlevels++], sizeof p->levels[0], "%s", db_col_text(lv, 0));
	sqlite3_finalize(lv);
}

int proposals_load(tz_db *db, int64_t id, struct proposal_rec *out)
{
	sqlite3_stmt *st = db_prep(db, "SELECT " P_COLS "WHERE p.id = :id");
	db_int(st, ":id", id);
	int rc = -1;
	if (db_step(db, st) == SQLITE_ROW) {
		rec_from(db, st, out);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int proposals_each(tz_db *db, int64_t cycle, int64_t body, proposals_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, "SELECT " P_COLS "WHERE p.cycle_id = :c AND (:b = 0 OR p.body_id = :b) "
	                               "ORDER BY p.id");
	if (!st)
		return -1;
	db_int(st, ":c", cycle);
	db_int(st, ":b", body);
	int rc = 0;
	while (!rc && db_step(db, st) == SQLITE_ROW) {
		struct proposal_rec r;
		rec_from(db, st, &r);
		rc = fn(ctx, &r);
		proposal_rec_free(&r);
	}
	sqlite3_finalize(st);
	return rc;
}

int proposals_history(tz_db *db, int64_t id, proposal_event_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, "SELECT round, event, date, login, comment, late FROM proposal_event "
	                               "WHERE proposal_id = :id ORDER BY id");
	if (!st)
		return -1;
	db_int(st, ":id", id);
	int rc = 0;
	while (!rc && db_step(db, st) == SQLITE_ROW) {
		struct proposal_event e = {sqlite3_column_int(st, 0), db_col_text(st, 1), db_col_text(st, 2),
		                           db_col_text(st, 3), db_col_text(st, 4), sqlite3_column_int(st, 5)};
		rc = fn(ctx, &e);
	}
	sqlite3_finalize(st);
	return rc;
}

static int event(tz_db *db, int64_t id, const char *what, tz_day date, const char *comment, int late)
{
	char day[11], now[24];
	sqlite3_stmt *st = db_prep(db, "INSERT INTO proposal_event (proposal_id, round, event, date, at, login, "
	                               "comment, late) VALUES (:id, (SELECT round FROM proposal WHERE id = :id), "
	                               ":e, :d, :at, :who, :c, :late)");
	db_int(st, ":id", id);
	db_text(st, ":e", what);
	db_text(st, ":d", cal_format(date, day));
	db_text(st, ":at", host_now(now));
	db_text(st, ":who", host_login());
	db_text(st, ":c", comment ? comment : "");
	db_int(st, ":late", late);
	return db_run(db, st);
}

static int known(tz_db *db, const char *sql, const char *key)
{
	sqlite3_stmt *st = db_prep(db, sql);
	db_text(st, ":k", key);
	int yes = db_step(db, st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

int proposals_save(tz_db *db, struct proposal_rec *r, char *err, size_t errlen)
{
	struct proposal *p = &r->pr;
	/* What the database itself cannot hold is refused here, by name; the
	 * rest is for the completeness check. */
	if (!*proposal_action_name(p->action)) {
		snprintf(err, errlen, "%s", _("Action: choose include, exclude or amend."));
		return PR_REFUSED;
	}
	if (strcmp(p->row.section, "mandatory") && strcmp(p->row.section, "voluntary")) {
		snprintf(err, errlen, _("Section \"%s\": choose mandatory or voluntary."), p->row.section);
		return PR_REFUSED;
	}
	if (!known(db, "SELECT 1 FROM nkz WHERE code = :k", p->row.nkz_code)) {
		snprintf(err, errlen, _("NKZ code: %s is not in the classifier."), p->row.nkz_code);
		return PR_REFUSED;
	}
	for (int i = 0; i < p->nlevels; i++)
		if (!known(db, "SELECT 1 FROM nrk_level WHERE code = :k", p->levels[i])) {
			snprintf(err, errlen, _("Level: \"%s\" is not a level of the NRK or a sectoral framework."),
			         p->levels[i]);
			return PR_REFUSED;
		}
	if (p->row.profile[0] && strcmp(p->row.profile, "t") && strcmp(p->row.profile, "sg")) {
		snprintf(err, errlen, _("Profile \"%s\": choose t (technical) or sg (social-humanitarian)."), p->row.profile);
		return PR_REFUSED;
	}
	if (p->row.validity > REG_VALIDITY_MAX) {
		snprintf(err, errlen, _("Validity: give a number of years from 1 to %d, or without time limit."),
		         REG_VALIDITY_MAX);
		return PR_REFUSED;
	}
	if (!p->cycle_id || !p->body_id) {
		snprintf(err, errlen, "%s", _("A proposal needs its cycle and its sectoral body."));
		return PR_REFUSED;
	}
	if (!p->id && proposals_may_create(db, p->cycle_id, err, errlen))
		return PR_REFUSED;
	if (p->id) {
		struct proposal_rec old;
		if (proposals_load(db, p->id, &old)) {
			snprintf(err, errlen, _("There is no proposal %lld."), (long long)p->id);
			return PR_REFUSED;
		}
		int ok = proposals_state_editable(old.state);
		int64_t oldbody = old.pr.body_id;
		snprintf(err, errlen, _("Proposal %lld is %s: it can no longer be changed."), (long long)p->id,
		         proposals_state_label(old.state));
		proposal_rec_free(&old);
		if (!ok)
			return PR_REFUSED;
		if (auth_edit_proposal(db, oldbody, err, errlen))
			return PR_REFUSED;
	}
	if (auth_edit_proposal(db, p->body_id, err, errlen))
		return PR_REFUSED;
	char now[24];
	if (db_begin(db))
		return dberr(db, err, errlen);
	sqlite3_stmt *st = db_prep(db, p->id
		? "UPDATE proposal SET body_id = :body, association_id = :assoc, action = :action, "
		  "section = :section, nkz_code = :code, basis_kk = :bkk, basis_ru = :bru, validity = :val, "
		  "profile = :prof, safety_kk = :skk, safety_ru = :sru, demand_kk = :dkk, demand_ru = :dru, "
		  "standard_kk = :stk, standard_ru = :str, legal_act_kk = :lkk, legal_act_ru = :lru "
		  "WHERE id = :id"
		: "INSERT INTO proposal (cycle_id, body_id, association_id, action, section, nkz_code, basis_kk, "
		  "basis_ru, validity, profile, safety_kk, safety_ru, demand_kk, demand_ru, standard_kk, "
		  "standard_ru, legal_act_kk, legal_act_ru, created, author) VALUES (:cycle, :body, :assoc, "
		  ":action, :section, :code, :bkk, :bru, :val, :prof, :skk, :sru, :dkk, :dru, :stk, :str, "
		  ":lkk, :lru, :now, :who)");
	if (p->id)
		db_int(st, ":id", p->id);
	else {
		db_int(st, ":cycle", p->cycle_id);
		db_text(st, ":now", host_now(now));
		db_text(st, ":who", host_login());
	}
	db_int(st, ":body", p->body_id);
	if (p->association_id)
		db_int(st, ":assoc", p->association_id);
	else
		db_null(st, ":assoc");
	db_text(st, ":action", proposal_action_name(p->action));
	db_text(st, ":section", p->row.section);
	db_text(st, ":code", p->row.nkz_code);
	db_text(st, ":bkk", p->row.basis_kk ? p->row.basis_kk : "");
	db_text(st, ":bru", p->row.basis_ru ? p->row.basis_ru : "");
	if (p->row.validity >= 0)
		db_int(st, ":val", p->row.validity);
	else
		db_null(st, ":val");
	db_text(st, ":prof", p->row.profile[0] ? p->row.profile : NULL);
	const char *t[] = {p->safety_kk, p->safety_ru, p->demand_kk, p->demand_ru,
	                   p->standard_kk, p->standard_ru, p->legal_act_kk, p->legal_act_ru};
	const char *names[] = {":skk", ":sru", ":dkk", ":dru", ":stk", ":str", ":lkk", ":lru"};
	for (int i = 0; i < 8; i++)
		db_text(st, names[i], t[i] ? t[i] : "");
	int editing = p->id != 0;
	if (db_run(db, st))
		return dberr(db, err, errlen);
	if (!p->id)
		p->id = sqlite3_last_insert_rowid(db_sqlite(db));
	st = db_prep(db, "DELETE FROM proposal_level WHERE proposal_id = :id");
	db_int(st, ":id", p->id);
	if (db_run(db, st))
		return dberr(db, err, errlen);
	for (int i = 0; i < p->nlevels; i++) {
		st = db_prep(db, "INSERT OR IGNORE INTO proposal_level (proposal_id, level) VALUES (:id, :l)");
		db_int(st, ":id", p->id);
		db_text(st, ":l", p->levels[i]);
		if (db_run(db, st))
			return dberr(db, err, errlen);
	}
	if (event(db, p->id, editing ? "edited" : "created", cal_today(), NULL, 0) || db_commit(db))
		return dberr(db, err, errlen);
	return PR_OK;
}

int proposals_association_add(tz_db *db, int64_t body, const char *name_kk, const char *name_ru,
                              int64_t *id, char *err, size_t errlen)
{
	const char *names[] = {name_kk, name_ru};
	const char *labels[] = {N_("Name (Kazakh)"), N_("Name (Russian)")};
	for (int i = 0; i < 2; i++) {
		const char *s = names[i] ? names[i] : "";
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s) {
			snprintf(err, errlen, _("%s: the name is missing."), _(labels[i]));
			return PR_REFUSED;
		}
	}
	/* An association for every body is the authorized body's to add. */
	if (body ? auth_edit_proposal(db, body, err, errlen) : auth_edit_register(db, err, errlen))
		return PR_REFUSED;
	sqlite3_stmt *st = db_prep(db, "INSERT INTO association (name_kk, name_ru, body_id) VALUES (:k, :r, :b)");
	db_text(st, ":k", name_kk);
	db_text(st, ":r", name_ru);
	if (body)
		db_int(st, ":b", body);
	else
		db_null(st, ":b");
	if (db_run(db, st)) {
		snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
		return PR_REFUSED;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return PR_OK;
}

/* Moves proposal id from one of the states in from (PS_BIT()s) to state
 * to, recording the event.  refusal: a format with %lld (the id) and %s (its
 * state as shown).  authorized: the step is the authorized body's. */
#define PS_BIT(s) (1u << (s))

/* Who may take a proposal through which step, and from which states: the
 * one rule that the steps below enforce and that proposals_may answers for
 * the screens, so that what a screen offers is what the step accepts.
 * refusal: a format with %lld (the id) and %s (its state as shown). */
static const struct step_rule {
	unsigned from;
	int authorized;    /* the authorized body's step, else the proposal's body's */
	const char *refusal;
} step_rules[PSTEP_N] = {
	[PSTEP_SEND] = {PS_BIT(PS_DRAFT) | PS_BIT(PS_RETURNED), 0,
		N_("Only a draft or a returned proposal can be sent to the sectoral body; proposal %lld is %s.")},
	[PSTEP_RETURN] = {PS_BIT(PS_SENT), 0,
		N_("Only a proposal sent by an association can be returned to it; proposal %lld is %s.")},
	[PSTEP_AGREE] = {PS_BIT(PS_SENT) | PS_BIT(PS_DRAFT), 0,
		N_("The sectoral council agrees the proposals in the body's hands (sent by an association, or the body's own drafts); proposal %lld is %s.")},
	[PSTEP_SUBMIT] = {PS_BIT(PS_AGREED), 0,
		N_("Only proposals agreed by the sectoral council are submitted; proposal %lld is %s.")},
	[PSTEP_CHECK] = {~0u, 0, ""},
	[PSTEP_ACCEPT] = {PS_BIT(PS_SUBMITTED), 1,
		N_("Only a proposal submitted to the authorized body can be accepted; proposal %lld is %s.")},
	[PSTEP_REMARKS] = {PS_BIT(PS_SUBMITTED), 1,
		N_("Remarks go to a proposal submitted to the authorized body; proposal %lld is %s.")},
	[PSTEP_RESUBMIT] = {PS_BIT(PS_REMARKS), 0,
		N_("Only a proposal with remarks can be resubmitted; proposal %lld is %s.")},
	[PSTEP_REJECT] = {PS_BIT(PS_SUBMITTED) | PS_BIT(PS_REMARKS), 1,
		N_("Only a proposal under review can be rejected; proposal %lld is %s.")},
	[PSTEP_APPLY] = {PS_BIT(PS_ACCEPTED), 1,
		N_("Only an accepted proposal can be applied to the draft register; proposal %lld is %s.")},
	/* The states are proposal_states' editable ones. */
	[PSTEP_EDIT] = {0, 0, N_("Proposal %lld is %s: it can no longer be changed.")},
};

struct step {
	unsigned from;
	enum proposal_state to;
	const char *event, *refusal;
	int authorized, next_round, late;
	const char *comment, *submitted;
};

static struct step rule_step(enum proposal_step k, enum proposal_state to, const char *event,
                             int next_round, int late, const char *comment, const char *submitted)
{
	struct step s = {step_rules[k].from, to, event, step_rules[k].refusal, step_rules[k].authorized,
	                 next_round, late, comment, submitted};
	return s;
}

static int check_step(tz_db *db, int64_t id, const struct step *s, struct proposal_rec *r,
                      char *err, size_t errlen)
{
	if (proposals_load(db, id, r)) {
		snprintf(err, errlen, _("There is no proposal %lld."), (long long)id);
		return PR_REFUSED;
	}
	if (!(s->from & PS_BIT(r->state))) {
		snprintf(err, errlen, _(s->refusal), (long long)id, proposals_state_label(r->state));
		proposal_rec_free(r);
		return PR_REFUSED;
	}
	if (s->authorized ? auth_edit_register(db, err, errlen) : auth_edit_proposal(db, r->pr.body_id, err, errlen)) {
		proposal_rec_free(r);
		return PR_REFUSED;
	}
	return PR_OK;
}

static int set_state(tz_db *db, int64_t id, const struct step *s, tz_day date)
{
	char day[11];
	sqlite3_stmt *st = db_prep(db, "UPDATE proposal SET state = :s, round = round + :r, "
	                               "submitted = coalesce(:sub, submitted), late = max(late, :late) WHERE id = :id");
	db_text(st, ":s", proposals_state_name(s->to));
	db_int(st, ":r", s->next_round);
	db_text(st, ":sub", s->submitted ? cal_format(date, day) : NULL);
	db_int(st, ":late", s->late);
	db_int(st, ":id", id);
	return db_run(db, st) || event(db, id, s->event, date, s->comment, s->late);
}

/* One proposal through one step, as one transaction. */
static int do_step(tz_db *db, int64_t id, const struct step *s, tz_day date, char *err, size_t errlen)
{
	struct proposal_rec r;
	if (check_step(db, id, s, &r, err, errlen))
		return PR_REFUSED;
	proposal_rec_free(&r);
	if (s->comment && *s->comment)
		audit_reason(db, s->comment);
	if (db_begin(db) || set_state(db, id, s, date) || db_commit(db))
		return dberr(db, err, errlen);
	return PR_OK;
}

int proposals_send(tz_db *db, int64_t id, tz_day date, char *err, size_t errlen)
{
	struct proposal_rec r;
	if (proposals_load(db, id, &r) == 0) {
		int64_t assoc = r.pr.association_id;
		int resend = r.state == PS_RETURNED;
		proposal_rec_free(&r);
		if (!assoc) {
			snprintf(err, errlen, _("Proposal %lld is the sectoral body's own: there is no association to send it from."),
			         (long long)id);
			return PR_REFUSED;
		}
		struct step s = rule_step(PSTEP_SEND, PS_SENT, "sent", resend, 0, NULL, NULL);
		return do_step(db, id, &s, date, err, errlen);
	}
	snprintf(err, errlen, _("There is no proposal %lld."), (long long)id);
	return PR_REFUSED;
}

int proposals_return(tz_db *db, int64_t id, tz_day date, const char *comment, char *err, size_t errlen)
{
	if (!comment || !*comment) {
		snprintf(err, errlen, "%s", _("Returning a proposal needs the recommendations for its rework (--comment)."));
		return PR_REFUSED;
	}
	struct step s = rule_step(PSTEP_RETURN, PS_RETURNED, "returned", 0, 0, comment, NULL);
	return do_step(db, id, &s, date, err, errlen);
}

int proposals_agree(tz_db *db, int64_t cycle, int64_t body, tz_day date, const char *protocol,
                    int *n, char *err, size_t errlen)
{
	*n = 0;
	if (!protocol || !*protocol) {
		snprintf(err, errlen, "%s", _("Give the number of the sectoral council's protocol."));
		return PR_REFUSED;
	}
	if (auth_edit_proposal(db, body, err, errlen))
		return PR_REFUSED;
	char day[11];
	if (db_begin(db))
		return dberr(db, err, errlen);
	sqlite3_stmt *st = db_prep(db, "INSERT INTO council_agreement (cycle_id, body_id, date, protocol) "
	                               "VALUES (:c, :b, :d, :p) ON CONFLICT (cycle_id, body_id) DO UPDATE "
	                               "SET date = excluded.date, protocol = excluded.protocol");
	db_int(st, ":c", cycle);
	db_int(st, ":b", body);
	db_text(st, ":d", cal_format(date, day));
	db_text(st, ":p", protocol);
	if (db_run(db, st))
		return dberr(db, err, errlen);
	/* In hand: the body's own drafts and what associations sent it. */
	st = db_prep(db, "SELECT id FROM proposal WHERE cycle_id = :c AND body_id = :b AND "
	                 "(state = 'sent' OR (state = 'draft' AND association_id IS NULL)) ORDER BY id");
	db_int(st, ":c", cycle);
	db_int(st, ":b", body);
	char comment[96];
	snprintf(comment, sizeof comment, "%s", protocol);
	struct step s = {0, PS_AGREED, "agreed", "", 0, 0, 0, comment, NULL};
	while (db_step(db, st) == SQLITE_ROW) {
		if (set_state(db, sqlite3_column_int64(st, 0), &s, date)) {
			sqlite3_finalize(st);
			return dberr(db, err, errlen);
		}
		(*n)++;
	}
	sqlite3_finalize(st);
	if (db_commit(db))
		return dberr(db, err, errlen);
	return PR_OK;
}

static tz_day proposals_due(tz_db *db, int64_t cycle)
{
	sqlite3_stmt *st = db_prep(db, "SELECT year, season FROM cycle WHERE id = :c");
	db_int(st, ":c", cycle);
	tz_day due = -1;
	if (db_step(db, st) == SQLITE_ROW)
		due = cal_make(sqlite3_column_int(st, 0), strcmp(db_col_text(st, 1), "spring") ? 9 : 2, 1);
	sqlite3_finalize(st);
	/* A deadline on a day off ends on the next working day. */
	tz_calendar *cal = due >= 0 ? cal_load(db) : NULL;
	if (cal) {
		due = deadline_on_workday(cal, due);
		cal_free(cal);
	}
	return due;
}

int proposals_submit(tz_db *db, int64_t cycle, int64_t body, tz_day date, int *n, int *late,
                     char *err, size_t errlen)
{
	*n = *late = 0;
	if (auth_edit_proposal(db, body, err, errlen))
		return PR_REFUSED;
	sqlite3_stmt *st = db_prep(db, "SELECT date FROM council_agreement WHERE cycle_id = :c AND body_id = :b");
	db_int(st, ":c", cycle);
	db_int(st, ":b", body);
	char agreed[11] = "";
	if (db_step(db, st) == SQLITE_ROW)
		snprintf(agreed, sizeof agreed, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	if (!agreed[0]) {
		snprintf(err, errlen, "%s", _("The sectoral council's agreement is not recorded: record it first."));
		return PR_REFUSED;
	}
	if (deadline_check_past(date, err, errlen))
		return PR_REFUSED;
	tz_day a;
	if (!cal_parse(agreed, &a) && date < a) {
		snprintf(err, errlen, _("The proposals cannot be submitted before the sectoral council agreed them (%s)."), agreed);
		return PR_REFUSED;
	}
	tz_day due = proposals_due(db, cycle);
	*late = due >= 0 && date > due;
	if (db_begin(db))
		return dberr(db, err, errlen);
	st = db_prep(db, "SELECT id FROM proposal WHERE cycle_id = :c AND body_id = :b AND state = 'agreed' ORDER BY id");
	db_int(st, ":c", cycle);
	db_int(st, ":b", body);
	struct step s = {0, PS_SUBMITTED, "submitted", "", 0, 0, *late, NULL, "yes"};
	while (db_step(db, st) == SQLITE_ROW) {
		if (set_state(db, sqlite3_column_int64(st, 0), &s, date)) {
			sqlite3_finalize(st);
			return dberr(db, err, errlen);
		}
		(*n)++;
	}
	sqlite3_finalize(st);
	if (!*n) {
		db_rollback(db);
		snprintf(err, errlen, "%s", _("The body has no agreed proposals in this cycle to submit."));
		return PR_REFUSED;
	}
	if (db_commit(db))
		return dberr(db, err, errlen);
	return PR_OK;
}

int proposals_remarks(tz_db *db, int64_t id, tz_day received, const char *kk, const char *ru,
                      tz_day *due, char *err, size_t errlen)
{
	if (!kk || !*kk || !ru || !*ru) {
		snprintf(err, errlen, "%s", _("Remarks are given in Kazakh and in Russian (--text-kk and --text-ru)."));
		return PR_REFUSED;
	}
	struct proposal_rec r;
	struct step s = rule_step(PSTEP_REMARKS, PS_REMARKS, "remarks", 0, 0, i18n_pick(kk, ru), NULL);
	if (check_step(db, id, &s, &r, err, errlen))
		return PR_REFUSED;
	proposal_rec_free(&r);
	tz_calendar *cal = cal_load(db);
	if (!cal)
		return dberr(db, err, errlen);
	*due = deadline_remarks(cal, received);
	cal_free(cal);
	char d1[11], d2[11];
	if (db_begin(db))
		return dberr(db, err, errlen);
	sqlite3_stmt *st = db_prep(db, "INSERT INTO remark (proposal_id, received, due, text_kk, text_ru) "
	                               "VALUES (:id, :r, :d, :kk, :ru)");
	db_int(st, ":id", id);
	db_text(st, ":r", cal_format(received, d1));
	db_text(st, ":d", cal_format(*due, d2));
	db_text(st, ":kk", kk);
	db_text(st, ":ru", ru);
	if (db_run(db, st) || set_state(db, id, &s, received) || db_commit(db))
		return dberr(db, err, errlen);
	return PR_OK;
}

int proposals_resubmit(tz_db *db, int64_t id, tz_day date, int *late, char *err, size_t errlen)
{
	*late = 0;
	sqlite3_stmt *st = db_prep(db, "SELECT due FROM remark WHERE proposal_id = :id AND resolved IS NULL "
	                               "ORDER BY id DESC LIMIT 1");
	db_int(st, ":id", id);
	tz_day due;
	if (db_step(db, st) == SQLITE_ROW && !cal_parse(db_col_text(st, 0), &due))
		*late = date > due;
	sqlite3_finalize(st);
	struct proposal_rec r;
	struct step s = rule_step(PSTEP_RESUBMIT, PS_SUBMITTED, "resubmitted", 1, *late, NULL, "yes");
	if (check_step(db, id, &s, &r, err, errlen))
		return PR_REFUSED;
	proposal_rec_free(&r);
	char day[11];
	if (db_begin(db))
		return dberr(db, err, errlen);
	st = db_prep(db, "UPDATE remark SET resolved = :d WHERE proposal_id = :id AND resolved IS NULL");
	db_text(st, ":d", cal_format(date, day));
	db_int(st, ":id", id);
	if (db_run(db, st) || set_state(db, id, &s, date) || db_commit(db))
		return dberr(db, err, errlen);
	return PR_OK;
}

int proposals_accept(tz_db *db, int64_t id, tz_day date, struct problems *p, char *err, size_t errlen)
{
	struct proposal_rec r;
	struct step s = rule_step(PSTEP_ACCEPT, PS_ACCEPTED, "accepted", 0, 0, NULL, NULL);
	if (check_step(db, id, &s, &r, err, errlen))
		return PR_REFUSED;
	int missing = proposal_validate(db, &r.pr, p);
	proposal_rec_free(&r);
	if (missing) {
		snprintf(err, errlen, ngettext("Proposal %lld is incomplete (%d item): it cannot be accepted.",
		                               "Proposal %lld is incomplete (%d items): it cannot be accepted.",
		                               (unsigned long)missing), (long long)id, missing);
		return PR_INCOMPLETE;
	}
	if (db_begin(db) || set_state(db, id, &s, date) || db_commit(db))
		return dberr(db, err, errlen);
	return PR_OK;
}

int proposals_reject(tz_db *db, int64_t id, tz_day date, const char *comment, char *err, size_t errlen)
{
	if (!comment || !*comment) {
		snprintf(err, errlen, "%s", _("Rejecting a proposal needs the reason (--comment)."));
		return PR_REFUSED;
	}
	struct step s = rule_step(PSTEP_REJECT, PS_REJECTED, "rejected", 0, 0, comment, NULL);
	return do_step(db, id, &s, date, err, errlen);
}

/* The rows of code in the version, by level: ids and revs. */
static int rows_of(tz_db *db, int64_t v, const char *code, int64_t *ids, int64_t *revs, char (*lv)[8], int max)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id, rev, level FROM reg_row WHERE version_id = :v AND nkz_code = :c");
	db_int(st, ":v", v);
	db_text(st, ":c", code);
	int n = 0;
	while (n < max && db_step(db, st) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(st, 0);
		revs[n] = sqlite3_column_int64(st, 1);
		snprintf(lv[n], sizeof lv[n], "%s", db_col_text(st, 2));
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

static int apply_rows(tz_db *db, int64_t v, const struct proposal *pr, struct problems *p,
                      char *err, size_t errlen)
{
	int64_t ids[32], revs[32];
	char lv[32][8];
	int n = rows_of(db, v, pr->row.nkz_code, ids, revs, lv, 32);
	int include = pr->action == PA_INCLUDE;
	if (!include && n == 0) {
		snprintf(err, errlen, _("%s is not in the draft register: there is nothing to exclude or amend."),
		         pr->row.nkz_code);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		int keep = 0;
		for (int j = 0; j < pr->nlevels && pr->action != PA_EXCLUDE; j++)
			keep |= !strcmp(lv[i], pr->levels[j]);
		if (!keep && !include) {
			int rc = reg_delete(db, ids[i], revs[i]);
			if (rc) {
				reg_status_why(db, rc, err, errlen);
				return -1;
			}
			if (ground_record(db, v, pr->row.nkz_code, lv[i], GROUND_PROPOSAL, pr->id, NULL, NULL, NULL)) {
				snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
				return -1;
			}
		}
	}
	if (pr->action == PA_EXCLUDE)
		return 0;
	for (int j = 0; j < pr->nlevels; j++) {
		struct reg_row r = pr->row, old = {0};
		r.version_id = v;
		r.body_id = pr->body_id;
		r.proposal_id = pr->id;
		snprintf(r.level, sizeof r.level, "%s", pr->levels[j]);
		r.id = 0;
		for (int i = 0; i < n && !include; i++)
			if (!strcmp(lv[i], pr->levels[j])) {
				r.id = ids[i];
				r.rev = revs[i];
			}
		/* An amendment leaves the row's names, which the register owns. */
		if (r.id && reg_row_load(db, r.id, &old) == 0) {
			r.name_kk = old.name_kk;
			r.name_ru = old.name_ru;
		}
		int rc = r.id ? reg_change(db, &r, p) : reg_add(db, &r, p);
		reg_row_free(&old);
		if (rc) {
			char why[700];
			snprintf(err, errlen, _("%s at level %s: %s"), pr->row.nkz_code, r.level,
			         reg_status_why(db, rc, why, sizeof why));
			return -1;
		}
		/* The change it makes is the proposal's (Order cl. 10). */
		if (ground_record(db, v, r.nkz_code, r.level, GROUND_PROPOSAL, pr->id, NULL, NULL, NULL)) {
			snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
			return -1;
		}
	}
	return 0;
}

int proposals_apply(tz_db *db, int64_t id, struct problems *p, char *err, size_t errlen)
{
	struct proposal_rec r;
	struct step s = rule_step(PSTEP_APPLY, PS_APPLIED, "applied", 0, 0, NULL, NULL);
	if (check_step(db, id, &s, &r, err, errlen))
		return PR_REFUSED;
	int64_t v = db_int_query(db, "SELECT id FROM reg_version WHERE state = 'draft'", 0);
	int64_t vc = db_int_query(db, "SELECT coalesce(cycle_id, 0) FROM reg_version WHERE state = 'draft'", 0);
	int rc = PR_REFUSED;
	if (!v || vc != r.pr.cycle_id) {
		snprintf(err, errlen, "%s", _("The draft register is not this proposal's cycle's: its register is "
		                              "already with the Council, or the cycle is not the one being formed."));
	} else if (db_begin(db)) {
		rc = dberr(db, err, errlen);
	} else if (apply_rows(db, v, &r.pr, p, err, errlen)) {
		db_rollback(db);
	} else if (set_state(db, id, &s, cal_today()) || db_commit(db)) {
		rc = dberr(db, err, errlen);
	} else {
		rc = PR_OK;
	}
	proposal_rec_free(&r);
	return rc;
}

int proposals_may_create(tz_db *db, int64_t cycle, char *err, size_t errlen)
{
	struct cycle c;
	char t[64];
	if (!cycle || cycle_load(db, cycle, &c)) {
		snprintf(err, errlen, "%s", _("No cycle is open: a proposal is entered in the open cycle "
		                              "(cycle open YEAR SEASON)."));
		return -1;
	}
	if (c.placed[0]) {
		snprintf(err, errlen, _("The %s cycle is over: its register is published.  Proposals go to "
		                        "the cycle open now."), cycle_title(&c, t, sizeof t));
		return -1;
	}
	struct who w;
	if (auth_whoami(db, &w))
		return auth_edit_register(db, err, errlen);
	/* A sectoral body's clerk enters their own body's; the authorized body any. */
	return w.role == ROLE_SB_CLERK ? auth_edit_proposal(db, w.body_id, err, errlen)
	                               : auth_edit_proposal(db, 0, err, errlen);
}

int proposals_may(tz_db *db, int64_t id, enum proposal_step step, char *err, size_t errlen)
{
	struct proposal_rec r;
	if (step < 0 || step >= PSTEP_N || proposals_load(db, id, &r)) {
		snprintf(err, errlen, _("There is no proposal %lld."), (long long)id);
		return -1;
	}
	const struct step_rule *k = &step_rules[step];
	int rc = 0;
	int in = step == PSTEP_EDIT ? proposals_state_editable(r.state) : (k->from & PS_BIT(r.state)) != 0;
	if (step == PSTEP_CHECK) {
		rc = 0;
	} else if (!in) {
		snprintf(err, errlen, _(k->refusal), (long long)id, proposals_state_label(r.state));
		rc = -1;
	} else if (step == PSTEP_SEND && !r.pr.association_id) {
		snprintf(err, errlen, _("Proposal %lld is the sectoral body's own: there is no association to send it from."),
		         (long long)id);
		rc = -1;
	} else if (step == PSTEP_AGREE && r.state == PS_DRAFT && r.pr.association_id) {
		snprintf(err, errlen, _(k->refusal), (long long)id, proposals_state_label(r.state));
		rc = -1;
	} else {
		rc = k->authorized ? auth_edit_register(db, err, errlen)
		                   : auth_edit_proposal(db, r.pr.body_id, err, errlen);
	}
	proposal_rec_free(&r);
	return rc;
}
