#include "view/propform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/auth.h"
#include "base/i18n.h"
#include "store/refdata.h"
#include "view/rowform.h"

/* The hints are worded as on a register row's form (src/view/rowform.c). */
#define H_CODE N_("Space: find the occupation in the classifier by code or name; Enter: next field")
#define H_SECTION N_("Space or Left/Right: switch between mandatory and voluntary; Enter: next field")
#define H_TEXT N_("Type the text; it wraps by itself; Enter: next field")
#define H_LEVELS N_("Space: choose one or more levels, each saved as its own row; Enter: next field")
#define H_VALIDITY N_("Type the years, 1 to 10; Space: years or without time limit; Enter: next field")
#define H_PROFILE N_("Space or Left/Right: technical or social-humanitarian; Enter: next field")
#define H_ACTION N_("Space or Left/Right: include, exclude or amend; Enter: next field")
#define H_ASSOC N_("Space: choose the employer association that proposed it, or none; Enter: next field")
const struct pf_desc pf_fields[PF_NFIELDS] = {
	/* A sectoral-body clerk's form says the body is the clerk's own. */
	[PF_F_BODY] = {"body", N_("Sectoral body"), 0, PF_BODY, 0,
	               N_("Space: choose the sectoral state body; Enter: next field")},
	[PF_F_ASSOC] = {"association", N_("Employer association"), 0, PF_ASSOC, 0, H_ASSOC},
	[PF_F_ACTION] = {"action", N_("Action"), 0, PF_ACTION, 16, H_ACTION},
	[PF_F_SECTION] = {"section", N_("Section"), 0, PF_SECTION, 24, H_SECTION},
	[PF_F_CODE] = {"nkz_code", N_("NKZ code"), 0, PF_CODE, 12, H_CODE},
	[PF_F_NAME_KK] = {"name_kk", N_("Name (Kazakh)"), 0, PF_NAME, 0, NULL},
	[PF_F_NAME_RU] = {"name_ru", N_("Name (Russian)"), 0, PF_NAME, 0, NULL},
	[PF_F_LEVELS] = {"level", N_("Levels"), 0, PF_LEVELS, 0, H_LEVELS},
	[PF_F_VALIDITY] = {"validity", N_("Validity, years"), 0, PF_VALIDITY, 20, H_VALIDITY},
	[PF_F_PROFILE] = {"profile", N_("Profile"), 0, PF_PROFILE, 28, H_PROFILE},
	[PF_F_BASIS_KK] = {"basis_kk", N_("Basis (Kazakh)"), 0, PF_TEXT, 0, H_TEXT},
	[PF_F_BASIS_RU] = {"basis_ru", N_("Basis (Russian)"), 0, PF_TEXT, 0, H_TEXT},
	/* Short words for cl. 8's items: the label column is a third of 80. */
	[PF_F_SAFETY_KK] = {"safety_kk", N_("1) Safety"), 1, PF_TEXT, 0, H_TEXT},
	[PF_F_SAFETY_RU] = {"safety_ru", N_("1) Safety"), 2, PF_TEXT, 0, H_TEXT},
	[PF_F_DEMAND_KK] = {"demand_kk", N_("2) Demand"), 1, PF_TEXT, 0, H_TEXT},
	[PF_F_DEMAND_RU] = {"demand_ru", N_("2) Demand"), 2, PF_TEXT, 0, H_TEXT},
	[PF_F_STANDARD_KK] = {"standard_kk", N_("3) Standard"), 1, PF_TEXT, 0, H_TEXT},
	[PF_F_STANDARD_RU] = {"standard_ru", N_("3) Standard"), 2, PF_TEXT, 0, H_TEXT},
	[PF_F_LEGAL_KK] = {"legal_act_kk", N_("4) Legal act"), 1, PF_TEXT, 0, H_TEXT},
	[PF_F_LEGAL_RU] = {"legal_act_ru", N_("4) Legal act"), 2, PF_TEXT, 0, H_TEXT},
};

void pf_label(int field, char *buf, size_t len)
{
	const struct pf_desc *d = &pf_fields[field];
	if (d->lang)
		snprintf(buf, len, d->lang == 1 ? _("%s (Kazakh)") : _("%s (Russian)"), _(d->label));
	else
		snprintf(buf, len, "%s", _(d->label));
}

int pf_field_of(const char *key)
{
	for (int i = 0; key && i < PF_NFIELDS; i++)
		if (!strcmp(pf_fields[i].key, key))
			return i;
	return -1;
}

int pf_shown(const struct propform *f, int field)
{
	if (field == PF_F_LEGAL_KK || field == PF_F_LEGAL_RU)
		return !strcmp(f->section, "mandatory");
	return field >= 0 && field < PF_NFIELDS;
}

struct textedit *pf_text(struct propform *f, int field)
{
	if (field >= PF_F_BASIS_KK && field < PF_NFIELDS)
		return &f->text[field - PF_F_BASIS_KK];
	return NULL;
}

static void set(char **dst, const char *s)
{
	free(*dst);
	*dst = strdup(s ? s : "");
}

/* Everything the clerk can change, as one string: comparing two of them
 * answers "changed?" without a field-by-field copy of the original. */
static char *serialise(const struct propform *f)
{
	size_t cap = 256 + strlen(te_text(&f->years));
	for (int i = 0; i < PF_NTEXTS; i++)
		cap += strlen(te_text(&f->text[i])) + 1;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	int n = snprintf(s, cap, "%lld|%lld|%d|%s|%s|%s|%d|%s|", (long long)f->body_id,
	                 (long long)f->assoc_id, (int)f->action, f->section, f->nkz_code,
	                 te_text(&f->years), f->unlimited, f->profile);
	for (int i = 0; i < f->nlevels && n > 0 && (size_t)n < cap; i++)
		n += snprintf(s + n, cap - (size_t)n, "%s,", f->levels[i]);
	for (int i = 0; i < PF_NTEXTS && n > 0 && (size_t)n < cap; i++)
		n += snprintf(s + n, cap - (size_t)n, "\x1f%s", te_text(&f->text[i]));
	return s;
}

static void mark_unchanged(struct propform *f)
{
	free(f->snapshot);
	f->snapshot = serialise(f);
}

int pf_changed(const struct propform *f)
{
	char *now = serialise(f);
	int changed = !now || !f->snapshot || strcmp(now, f->snapshot);
	free(now);
	return changed;
}

static void blank(struct propform *f)
{
	memset(f, 0, sizeof *f);
	te_init(&f->years, NULL);
	for (int i = 0; i < PF_NTEXTS; i++)
		te_init(&f->text[i], NULL);
	set(&f->name_kk, "");
	set(&f->name_ru, "");
}

/* A sectoral-body clerk proposes for that body only: preset and fixed. */
static void own_body(tz_db *db, struct propform *f)
{
	struct who w;
	if (!auth_whoami(db, &w) && w.role == ROLE_SB_CLERK && w.body_id) {
		f->body_fixed = 1;
		if (!f->id)
			f->body_id = w.body_id;
	}
}

int pf_init_new(tz_db *db, struct propform *f, int64_t cycle)
{
	blank(f);
	f->cycle_id = cycle;
	f->state = PS_DRAFT;
	f->action = PA_INCLUDE;
	snprintf(f->section, sizeof f->section, "voluntary");
	own_body(db, f);
	mark_unchanged(f);
	return f->snapshot ? 0 : -1;
}

int pf_load(tz_db *db, struct propform *f, int64_t id)
{
	struct proposal_rec r;
	blank(f);
	if (proposals_load(db, id, &r))
		return -1;
	const struct proposal *p = &r.pr;
	f->id = p->id;
	f->cycle_id = p->cycle_id;
	f->state = r.state;
	f->readonly = !proposals_state_editable(r.state);
	f->body_id = p->body_id;
	f->assoc_id = p->association_id;
	f->action = p->action;
	snprintf(f->section, sizeof f->section, "%s", p->row.section);
	snprintf(f->nkz_code, sizeof f->nkz_code, "%s", p->row.nkz_code);
	set(&f->name_kk, p->row.name_kk);
	set(&f->name_ru, p->row.name_ru);
	for (int i = 0; i < p->nlevels; i++)
		snprintf(f->levels[i], sizeof f->levels[i], "%s", p->levels[i]);
	f->nlevels = p->nlevels;
	char y[16] = "";
	if (p->row.validity > 0)
		snprintf(y, sizeof y, "%d", p->row.validity);
	te_set(&f->years, y);
	f->unlimited = p->row.validity == 0;
	snprintf(f->profile, sizeof f->profile, "%s", p->row.profile);
	const char *t[PF_NTEXTS] = {p->row.basis_kk, p->row.basis_ru, p->safety_kk, p->safety_ru,
	                            p->demand_kk, p->demand_ru, p->standard_kk, p->standard_ru,
	                            p->legal_act_kk, p->legal_act_ru};
	for (int i = 0; i < PF_NTEXTS; i++)
		te_set(&f->text[i], t[i]);
	proposal_rec_free(&r);
	own_body(db, f);
	mark_unchanged(f);
	return 0;
}

void pf_free(struct propform *f)
{
	te_free(&f->years);
	for (int i = 0; i < PF_NTEXTS; i++)
		te_free(&f->text[i]);
	free(f->name_kk);
	free(f->name_ru);
	free(f->snapshot);
	f->name_kk = f->name_ru = f->snapshot = NULL;
}

int pf_set_code(tz_db *db, struct propform *f, const char *code)
{
	if (rf_occupation(db, code, &f->name_kk, &f->name_ru))
		return -1;
	snprintf(f->nkz_code, sizeof f->nkz_code, "%s", code);
	return 0;
}

int pf_has_level(const struct propform *f, const char *level)
{
	return rf_level_in(f->levels, f->nlevels, level);
}

void pf_toggle_level(struct propform *f, const char *level)
{
	rf_level_toggle(f->levels, &f->nlevels, TZ_MAX_LEVELS, level);
}

void pf_next_action(struct propform *f)
{
	f->action = (enum proposal_action)((f->action + 1) % PA_NACTIONS);
}

void pf_flip_section(struct propform *f)
{
	snprintf(f->section, sizeof f->section, "%s",
	         !strcmp(f->section, "mandatory") ? "voluntary" : "mandatory");
}

void pf_flip_profile(struct propform *f)
{
	snprintf(f->profile, sizeof f->profile, "%s", !strcmp(f->profile, "t") ? "sg" : "t");
}

/* Typed years: 1 to REG_VALIDITY_MAX; -1 for not given, -2 for something
 * else typed (why says what, when given). */
static int validity_of(const struct propform *f, char *why, size_t len)
{
	if (f->unlimited)
		return 0;
	char own[300];
	int n;
	int rc = reg_validity_parse(te_text(&f->years), &n, why ? why : own, why ? len : sizeof own);
	return rc ? rc : n;
}

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

void pf_to_rec(const struct propform *f, struct proposal_rec *r)
{
	memset(r, 0, sizeof *r);
	struct proposal *p = &r->pr;
	p->id = f->id;
	p->cycle_id = f->cycle_id;
	p->body_id = p->row.body_id = f->body_id;
	p->association_id = f->assoc_id;
	r->state = f->state;
	p->action = f->action;
	snprintf(p->row.section, sizeof p->row.section, "%s", f->section);
	snprintf(p->row.nkz_code, sizeof p->row.nkz_code, "%s", f->nkz_code);
	p->row.name_kk = dup(f->name_kk);
	p->row.name_ru = dup(f->name_ru);
	int v = validity_of(f, NULL, 0);
	p->row.validity = v < 0 ? -1 : v;
	snprintf(p->row.profile, sizeof p->row.profile, "%s", f->profile);
	for (int i = 0; i < f->nlevels; i++)
		snprintf(p->levels[i], sizeof p->levels[i], "%s", f->levels[i]);
	p->nlevels = f->nlevels;
	char **t[PF_NTEXTS] = {&p->row.basis_kk, &p->row.basis_ru, &p->safety_kk, &p->safety_ru,
	                       &p->demand_kk, &p->demand_ru, &p->standard_kk, &p->standard_ru,
	                       &p->legal_act_kk, &p->legal_act_ru};
	/* The legal act is for the mandatory section only: one typed before
	 * the section became voluntary is not kept. */
	for (int i = 0; i < PF_NTEXTS; i++)
		*t[i] = dup(pf_shown(f, PF_F_BASIS_KK + i) ? te_text(&f->text[i]) : "");
}

int pf_validate(tz_db *db, const struct propform *f, struct problems *p)
{
	int before = p->n;
	char why[300];
	if (validity_of(f, why, sizeof why) == -2)
		problems_add(p, "validity", "%s", why);
	struct proposal_rec r;
	pf_to_rec(f, &r);
	struct problems core = {0};
	proposal_validate(db, &r.pr, &core);
	proposal_rec_free(&r);
	for (int i = 0; i < core.n; i++)
		if (strcmp(core.item[i].field, "validity") || !problems_for(p, "validity"))
			problems_add(p, core.item[i].field, "%s", core.item[i].msg);
	return p->n - before;
}

int pf_save(tz_db *db, struct propform *f, char *err, size_t errlen)
{
	if (f->readonly) {
		snprintf(err, errlen, _("Proposal %lld is %s: it can no longer be changed."),
		         (long long)f->id, proposals_state_label(f->state));
		return PR_REFUSED;
	}
	if (validity_of(f, err, errlen) == -2)
		return PR_REFUSED;
	struct proposal_rec r;
	pf_to_rec(f, &r);
	int rc = proposals_save(db, &r, err, errlen);
	if (rc == PR_OK) {
		f->id = r.pr.id;
		mark_unchanged(f);
	}
	proposal_rec_free(&r);
	return rc;
}

static void assoc_name(tz_db *db, int64_t id, char *buf, size_t len)
{
	buf[0] = 0;
	if (id)
		ref_association(db, id, NULL, buf, len, NULL);
}

void pf_value_text(tz_db *db, const struct propform *f, int field, char *buf, size_t len)
{
	buf[0] = 0;
	switch (field) {
	case PF_F_BODY:
		if (f->body_id)
			rf_body_name(db, f->body_id, 1, buf, len);
		break;
	case PF_F_ASSOC: assoc_name(db, f->assoc_id, buf, len); break;
	case PF_F_ACTION: snprintf(buf, len, "%s", proposal_action_label(f->action)); break;
	case PF_F_SECTION:
		snprintf(buf, len, "%s", !strcmp(f->section, "mandatory") ? _("mandatory") : _("voluntary"));
		break;
	case PF_F_CODE: snprintf(buf, len, "%s", f->nkz_code); break;
	case PF_F_NAME_KK: snprintf(buf, len, "%s", f->name_kk ? f->name_kk : ""); break;
	case PF_F_NAME_RU: snprintf(buf, len, "%s", f->name_ru ? f->name_ru : ""); break;
	case PF_F_LEVELS:
		for (int i = 0; i < f->nlevels; i++) {
			size_t n = strlen(buf);
			snprintf(buf + n, len - n, "%s%s", i ? ", " : "", f->levels[i]);
		}
		break;
	case PF_F_VALIDITY:
		if (f->unlimited)
			reg_validity_label(0, buf, len);
		else
			snprintf(buf, len, "%s", te_text(&f->years));
		break;
	case PF_F_PROFILE:
		if (!strcmp(f->profile, "t") || !strcmp(f->profile, "sg"))
			snprintf(buf, len, "%s  %s", reg_profile_label(f->profile),
			         !strcmp(f->profile, "t") ? _("technical") : _("social-humanitarian"));
		break;
	default:
		if (field >= PF_F_BASIS_KK && field < PF_NFIELDS)
			snprintf(buf, len, "%s", te_text(&f->text[field - PF_F_BASIS_KK]));
	}
}
