/* The change log in the user's words (src/view/logwords.h). */
#include "view/logwords.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/cycle.h"
#include "domain/proposal_check.h"
#include "domain/proposals.h"
#include "domain/register.h"
#include "store/auth.h"
#include "store/refdata.h"
#include "view/auditpage.h"

struct lw_word { const char *id, *label; };

static const char *lw_find(const struct lw_word *w, size_t n, const char *id)
{
	for (size_t i = 0; id && i < n; i++)
		if (!strcmp(w[i].id, id))
			return _(w[i].label);
	return NULL;
}
#define LW_FIND(table, id) lw_find(table, sizeof table / sizeof *table, id)

static const struct lw_word lw_objects[] = {
	{"app_user", N_("user's role")}, {"body", N_("state body")},
	{"association", N_("employer association")}, {"council", N_("sectoral council")},
	{"nrk_level", N_("qualification level")}, {"holiday_rule", N_("public holiday")},
	{"calendar_day", N_("calendar day")}, {"cycle", N_("register cycle")},
	{"reg_version", N_("register version")}, {"reg_row", N_("register row")},
	{"proposal", N_("sectoral body's proposal")}, {"proposal_level", N_("level in a proposal")},
	{"remark", N_("remark on a proposal")}, {"council_agreement", N_("sectoral council's agreement")},
	{"proposal_event", N_("step of a proposal")}, {"change_decision", N_("decision on a change")},
	{"press_release", N_("press release")}, {"press_placement", N_("press release's placement")},
	{"nkz", N_("occupation classifier")},
	{"package", N_("package of proposals")}, {"database", N_("the whole database")},
};

const char *logwords_object_parse(const char *text)
{
	for (size_t i = 0; text && i < sizeof lw_objects / sizeof *lw_objects; i++)
		if (!strcmp(text, lw_objects[i].id) || !strcmp(text, _(lw_objects[i].label)))
			return lw_objects[i].id;
	return NULL;
}

const char *logwords_object(const char *object)
{
	const char *l = LW_FIND(lw_objects, object);
	return l ? l : _("other data");
}

static const struct lw_word lw_actions[] = {
	{"insert", N_("created")}, {"update", N_("edited")}, {"delete", N_("deleted")},
	{"seal", N_("sealed on publication")}, {"import", N_("imported from a file")},
	{"restore", N_("restored from a backup")},
};

const char *logwords_action(const char *action)
{
	const char *l = LW_FIND(lw_actions, action);
	return l ? l : _("edited");
}

const char *logwords_action_short(const char *action)
{
	if (action && !strcmp(action, "seal"))
		return C_("log action", "sealed");
	if (action && !strcmp(action, "import"))
		return C_("log action", "imported");
	if (action && !strcmp(action, "restore"))
		return C_("log action", "restored");
	return logwords_action(action);
}

/* Fields whose label depends on the table come first, as "table.key". */
static const struct lw_word lw_fields[] = {
	{"body.code", N_("Code of the body")}, {"nrk_level.code", N_("Qualification level")},
	{"reg_version.seal", N_("Checksum")}, {"package.body", N_("State body")},
	{"nkz.rejected", N_("Rows rejected")}, {"nkz.renamed", N_("Renamed")},
	{"place_kk", N_("Where placed (Kazakh)")}, {"place_ru", N_("Where placed (Russian)")},
	{"login", N_("Login")}, {"role", N_("Role")}, {"body_id", N_("State body")},
	{"created", N_("Created")}, {"id", N_("Number")}, {"code", N_("Code")},
	{"name_kk", N_("Name (Kazakh)")}, {"name_ru", N_("Name (Russian)")},
	{"short_kk", N_("Short name (Kazakh)")}, {"short_ru", N_("Short name (Russian)")},
	{"authorized", N_("Authorized body")}, {"base", N_("Base level")},
	{"descr_kk", N_("Description (Kazakh)")}, {"descr_ru", N_("Description (Russian)")},
	{"month", N_("Month")}, {"day", N_("Day of the month")},
	{"moves", N_("Moves to a working day")}, {"from_year", N_("From the year")},
	{"to_year", N_("Until the year")}, {"date", N_("Date")}, {"kind", N_("Kind of day")},
	{"note_kk", N_("Note (Kazakh)")}, {"note_ru", N_("Note (Russian)")},
	{"year", N_("Year")}, {"season", N_("Season")},
	{"council_sub_date", N_("Submitted to the Council on")},
	{"council_rec_date", N_("Council's recommendations of")},
	{"council_protocol", N_("Council's protocol number")},
	{"placed_date", N_("Placed on the digital platform on")},
	{"cycle_id", N_("Cycle")}, {"base_id", N_("Based on the version")}, {"state", N_("State")},
	{"title", N_("Heading")}, {"submitted", N_("Submitted on")}, {"published", N_("Published on")},
	{"version_id", N_("Register version")}, {"section", N_("Section")},
	{"nkz_code", N_("NKZ code")}, {"basis_kk", N_("Basis (Kazakh)")},
	{"basis_ru", N_("Basis (Russian)")}, {"level", N_("Qualification level")}, {"validity", N_("Validity")},
	{"profile", N_("Profile")}, {"proposal_id", N_("Proposal")}, {"rev", N_("Revision")},
	{"association_id", N_("Employer association")}, {"action", N_("Action")},
	{"safety_kk", N_("Justification: health, life, safety (Kazakh)")},
	{"safety_ru", N_("Justification: health, life, safety (Russian)")},
	{"demand_kk", N_("Justification: labour market demand (Kazakh)")},
	{"demand_ru", N_("Justification: labour market demand (Russian)")},
	{"standard_kk", N_("Justification: standard or requirements (Kazakh)")},
	{"standard_ru", N_("Justification: standard or requirements (Russian)")},
	{"legal_act_kk", N_("Legal act (Kazakh)")}, {"legal_act_ru", N_("Legal act (Russian)")},
	{"round", N_("Round")}, {"late", N_("Late")}, {"author", N_("Prepared by")},
	{"received", N_("Received on")}, {"due", N_("Due by")},
	{"text_kk", N_("Text (Kazakh)")}, {"text_ru", N_("Text (Russian)")},
	{"resolved", N_("Resolved")}, {"protocol", N_("Protocol number")}, {"event", N_("Step")},
	{"at", N_("Time (UTC)")}, {"comment", N_("Comment")}, {"stage", N_("Stage of review")},
	{"decision", N_("Decision")}, {"lang", N_("Language")}, {"text", N_("Text")},
	{"edited", N_("Edited by hand")}, {"updated", N_("Updated")},
	{"file", N_("File")}, {"sha256", N_("Checksum of the file (SHA-256)")},
	{"read", N_("Rows read")}, {"imported", N_("Rows imported")}, {"added", N_("Added")},
	{"deactivated", N_("Retired")}, {"cycle", N_("Cycle")}, {"checksum", N_("Checksum")},
	{"replaced", N_("Replaced")}, {"skipped", N_("Skipped")}, {"seal", N_("Checksum")},
	{"rows", N_("Rows")}, {"saved", N_("Saved on")},
};

const char *logwords_field(const char *object, const char *key)
{
	char both[96];
	snprintf(both, sizeof both, "%s.%s", object ? object : "", key ? key : "");
	const char *l = LW_FIND(lw_fields, both);
	if (!l)
		l = LW_FIND(lw_fields, key);
	return l ? l : key ? key : "";
}

static const struct lw_word lw_version_states[] = {
	{"draft", N_("draft")}, {"submitted", N_("submitted to the National Council")},
	{"recommended", N_("recommendations recorded")}, {"published", N_("published")},
};

static const struct lw_word lw_values[] = {
	{"section=mandatory", N_("mandatory")}, {"section=voluntary", N_("voluntary")},
	{"decision=approved", N_("approved")}, {"decision=returned", N_("returned")},
	{"stage=review", N_("the authorized body's review")}, {"stage=council", N_("National Council")},
	{"kind=off", N_("a day off")}, {"kind=work", N_("a working day")},
	{"kind=nothol", N_("the holiday does not fall on it")}, {"kind=holiday", N_("a public holiday")},
	{"lang=kk", N_("Kazakh")}, {"lang=ru", N_("Russian")},
};

/* Flags: 1 yes, 0 no. */
static const char *const lw_flags[] = {
	"authorized", "moves", "late", "resolved", "edited",
};

static int64_t lw_body_by_code(tz_db *db, const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM body WHERE code = :c");
	if (!st)
		return 0;
	db_text(st, ":c", code);
	int64_t id = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

char *logwords_value(tz_db *db, const char *object, const char *key, const char *value,
                     char *buf, size_t len)
{
	if (!value || !*value) {
		snprintf(buf, len, "-");
		return buf;
	}
	char both[160];
	snprintf(both, sizeof both, "%s=%.100s", key, value);
	const char *l = LW_FIND(lw_values, both);
	for (size_t i = 0; !l && i < sizeof lw_flags / sizeof *lw_flags; i++)
		if (!strcmp(key, lw_flags[i]))
			l = !strcmp(value, "0") ? _("no") : _("yes");
	if (!l && !strcmp(key, "state")) {
		enum proposal_state s;
		l = !strcmp(object, "proposal") && !proposals_state_parse(value, &s)
		    ? proposals_state_label(s) : LW_FIND(lw_version_states, value);
	}
	if (!l && !strcmp(key, "event"))
		l = proposals_event_label(value);
	if (!l && !strcmp(key, "action")) {
		enum proposal_action a;
		if (!proposal_action_parse(value, &a))
			l = proposal_action_label(a);
	}
	if (!l && !strcmp(key, "role")) {
		enum role r = auth_role_parse(value);
		if (r != ROLE_NONE)
			l = auth_role_label(r);
	}
	if (!l && !strcmp(key, "season")) {
		enum dl_season s;
		if (!cycle_season_parse(value, &s))
			l = cycle_season_label(s);
	}
	if (!l && !strcmp(key, "profile"))
		l = reg_profile_label(value);
	if (l) {
		snprintf(buf, len, "%s", l);
		return buf;
	}
	if (!strcmp(key, "validity")) {
		reg_validity_label(atoi(value), buf, len);
	} else if (!strcmp(key, "body_id") || (!strcmp(object, "package") && !strcmp(key, "body"))) {
		int64_t id = !strcmp(key, "body") ? lw_body_by_code(db, value) : atoll(value);
		ref_body(db, id, REF_SHORT, NULL, buf, len, value);
	} else if (!strcmp(key, "association_id")) {
		ref_association(db, atoll(value), NULL, buf, len, value);
	} else if (!strcmp(key, "cycle_id")) {
		struct cycle c;
		if (cycle_load(db, atoll(value), &c))
			snprintf(buf, len, "%s", value);
		else
			cycle_title(&c, buf, len);
	} else if (!strcmp(key, "version_id") || !strcmp(key, "base_id")) {
		snprintf(buf, len, _("version %lld"), atoll(value));
	} else {
		snprintf(buf, len, "%s", value);
	}
	return buf;
}

/* ---- the entry's subject ------------------------------------------------ */

struct lw_row {
	char code[32], level[16], name[256], login[64], proposal[24], id[24], date[16];
	char version[24], lang[8], body[24], year[8], season[16];
};

static int lw_take(void *ctx, const struct logpage_field *f)
{
	struct lw_row *r = ctx;
	const char *k = f->key, *v = f->value;
	const char *name_key = i18n_pick("name_kk", "name_ru");
	const char *short_key = i18n_pick("short_kk", "short_ru");
#define LW_SET(field) snprintf(r->field, sizeof r->field, "%s", v)
	if (!strcmp(k, "nkz_code")) LW_SET(code);
	else if (!strcmp(k, "level")) LW_SET(level);
	else if (!strcmp(k, short_key)) LW_SET(name);
	else if (!strcmp(k, name_key) && !*r->name) LW_SET(name);
	else if (!strcmp(k, "login")) LW_SET(login);
	else if (!strcmp(k, "proposal_id")) LW_SET(proposal);
	else if (!strcmp(k, "id")) LW_SET(id);
	else if (!strcmp(k, "date")) LW_SET(date);
	else if (!strcmp(k, "version_id")) LW_SET(version);
	else if (!strcmp(k, "lang")) LW_SET(lang);
	else if (!strcmp(k, "body_id")) LW_SET(body);
	else if (!strcmp(k, "year")) LW_SET(year);
	else if (!strcmp(k, "season")) LW_SET(season);
	else if (!strcmp(k, "code") && !*r->level) LW_SET(level);
#undef LW_SET
	return 0;
}

char *logwords_subject(tz_db *db, const struct audit_entry *e, char *buf, size_t len)
{
	const char *what = logwords_object(e->object), *o = e->object;
	struct lw_row r;
	memset(&r, 0, sizeof r);
	const char *json = e->after ? e->after : e->before;
	if (json)
		logpage_fields(db, json, NULL, lw_take, &r);
	char v[256] = "";
	if (!strcmp(o, "reg_row") || !strcmp(o, "change_decision")) {
		if (*r.code)
			snprintf(v, sizeof v, _("%s, level %s"), r.code, r.level);
	} else if (!strcmp(o, "proposal") || !strcmp(o, "proposal_level") || !strcmp(o, "remark") ||
	           !strcmp(o, "proposal_event")) {
		const char *n = *r.proposal ? r.proposal : !strcmp(o, "proposal") ? r.id : "";
		if (*n)
			snprintf(v, sizeof v, _("No. %s"), n);
	} else if (!strcmp(o, "app_user")) {
		snprintf(v, sizeof v, "%s", *r.login ? r.login : e->object_id);
	} else if (!strcmp(o, "body") || !strcmp(o, "association") || !strcmp(o, "council") ||
	           !strcmp(o, "holiday_rule")) {
		snprintf(v, sizeof v, "%s", r.name);
	} else if (!strcmp(o, "council_agreement")) {
		logwords_value(db, o, "body_id", r.body, v, sizeof v);
	} else if (!strcmp(o, "cycle")) {
		if (*r.year)
			snprintf(v, sizeof v, _("%1$s %2$d"),
			         logwords_value(db, o, "season", r.season, (char[64]){0}, 64), atoi(r.year));
	} else if (!strcmp(o, "reg_version")) {
		snprintf(v, sizeof v, _("No. %s"), *r.id ? r.id : e->object_id);
	} else if (!strcmp(o, "press_release") || !strcmp(o, "press_placement")) {
		char l[64];
		logwords_value(db, o, "version_id", r.version, v, sizeof v);
		if (*r.lang)
			snprintf(v + strlen(v), sizeof v - strlen(v), ", %s",
			         logwords_value(db, o, "lang", r.lang, l, sizeof l));
	} else if (!strcmp(o, "calendar_day") || !strcmp(o, "nrk_level")) {
		snprintf(v, sizeof v, "%s", !strcmp(o, "calendar_day") ? r.date : r.level);
	} else if (!strcmp(o, "package")) {
		logwords_value(db, o, "body", e->object_id, v, sizeof v);
	}
	if (*v)
		snprintf(buf, len, "%s %s", what, v);
	else
		snprintf(buf, len, "%s", what);
	return buf;
}

/* ---- what changed ------------------------------------------------------- */

struct lw_changes {
	tz_db *db;
	const char *object;
	const char *other;      /* the row on the other side, for an update */
	char *buf;
	size_t len, used;
};

static void lw_append(struct lw_changes *c, const char *s)
{
	if (c->used + 1 >= c->len)
		return;
	int n = snprintf(c->buf + c->used, c->len - c->used, "%s", s);
	c->used += n < 0 ? 0 : (size_t)n;
	if (c->used >= c->len)
		c->used = c->len - 1;
}

/* The other side's value of key. */
static int lw_find_other(void *ctx, const struct logpage_field *f)
{
	char **want = ctx;
	if (!strcmp(f->key, want[0])) {
		want[1] = strdup(f->value);
		return 1;
	}
	return 0;
}

static int lw_change(void *ctx, const struct logpage_field *f)
{
	struct lw_changes *c = ctx;
	char v[1024];
	if (c->other && !f->changed)
		return 0;
	/* The row's number, its revision count and a body's code (which the
	 * command line takes) are the program's own. */
	if (!strcmp(f->key, "id") || !strcmp(f->key, "rev") ||
	    (!strcmp(c->object, "body") && !strcmp(f->key, "code")))
		return 0;
	if (!c->other && !*f->value)
		return 0;
	if (c->used)
		lw_append(c, "; ");
	lw_append(c, logwords_field(c->object, f->key));
	lw_append(c, ": ");
	if (c->other) {
		char *want[2] = {(char *)f->key, NULL};
		logpage_fields(c->db, c->other, NULL, lw_find_other, want);
		lw_append(c, logwords_value(c->db, c->object, f->key, want[1], v, sizeof v));
		lw_append(c, " → ");
		free(want[1]);
	}
	lw_append(c, logwords_value(c->db, c->object, f->key, f->value, v, sizeof v));
	return 0;
}

char *logwords_changes(tz_db *db, const struct audit_entry *e, char *buf, size_t len)
{
	struct lw_changes c = {db, e->object, NULL, buf, len, 0};
	if (len)
		buf[0] = 0;
	if (e->before && e->after) {
		c.other = e->before;
		logpage_fields(db, e->after, e->before, lw_change, &c);
	} else if (e->after || e->before) {
		logpage_fields(db, e->after ? e->after : e->before, NULL, lw_change, &c);
	}
	return buf;
}
