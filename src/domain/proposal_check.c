#include "domain/proposal_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

/* The one table of the actions: the database's word and the label. */
static const struct { const char *name, *label; } proposal_actions[PA_NACTIONS] = {
	[PA_INCLUDE] = {"include", N_("include")},
	[PA_EXCLUDE] = {"exclude", N_("exclude")},
	[PA_AMEND] = {"amend", N_("amend")},
};

const char *proposal_action_name(enum proposal_action a)
{
	return a >= 0 && a < PA_NACTIONS ? proposal_actions[a].name : "";
}

const char *proposal_action_label(enum proposal_action a)
{
	return a >= 0 && a < PA_NACTIONS ? _(proposal_actions[a].label) : "";
}

int proposal_action_parse(const char *s, enum proposal_action *a)
{
	for (int i = 0; s && i < PA_NACTIONS; i++)
		if (!strcmp(proposal_actions[i].name, s)) {
			*a = (enum proposal_action)i;
			return 0;
		}
	return -1;
}

void proposal_free(struct proposal *pr)
{
	reg_row_free(&pr->row);
	char **texts[] = {&pr->safety_kk, &pr->safety_ru, &pr->demand_kk, &pr->demand_ru,
	                  &pr->standard_kk, &pr->standard_ru, &pr->legal_act_kk, &pr->legal_act_ru};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		free(*texts[i]);
		*texts[i] = NULL;
	}
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* One item of the justification, required in both languages. */
static void need(struct problems *p, const char *kk, const char *ru, const char *fkk,
                 const char *fru, const char *what)
{
	if (blank(kk))
		problems_add(p, fkk, _("%s (Kazakh) is missing."), what);
	if (blank(ru))
		problems_add(p, fru, _("%s (Russian) is missing."), what);
}

int proposal_validate(tz_db *db, const struct proposal *pr, struct problems *p)
{
	int before = p->n;
	int exclude = pr->action == PA_EXCLUDE;
	if (!*proposal_action_name(pr->action))
		problems_add(p, "action", _("Action: choose include, exclude or amend."));
	if (pr->body_id <= 0)
		problems_add(p, "body", _("Sectoral state body: the proposing body is missing."));

	if (exclude) {
		/* Only the code and the reason are needed to take a row out. */
		if (!pr->row.nkz_code[0])
			problems_add(p, "nkz_code", _("NKZ code: the code is missing."));
		need(p, pr->demand_kk, pr->demand_ru, "demand_kk", "demand_ru",
		     _("Justification 2, demand on the labour market (cl. 8)"));
		return p->n - before;
	}

	/* The row's content: every column but the level, checked as a row. */
	for (int i = 0; i < pr->nlevels || i == 0; i++) {
		struct reg_row r = pr->row;
		snprintf(r.level, sizeof r.level, "%s", pr->nlevels ? pr->levels[i] : "");
		struct problems rowp = {0};
		reg_validate(db, &r, &rowp);
		for (int j = 0; j < rowp.n; j++) {
			/* The body, the levels: report once, not per level. */
			if (i > 0 && strcmp(rowp.item[j].field, "level"))
				continue;
			if (!problems_for(p, rowp.item[j].field) || !strcmp(rowp.item[j].field, "level"))
				problems_add(p, rowp.item[j].field, "%s", rowp.item[j].msg);
		}
	}
	if (pr->nlevels == 0 && !problems_for(p, "level"))
		problems_add(p, "level", _("Level: give at least one qualification level."));

	need(p, pr->safety_kk, pr->safety_ru, "safety_kk", "safety_ru",
	     _("Justification 1, bearing on public health, life support or safety (cl. 8)"));
	need(p, pr->demand_kk, pr->demand_ru, "demand_kk", "demand_ru",
	     _("Justification 2, demand on the labour market now and in future (cl. 8)"));
	need(p, pr->standard_kk, pr->standard_ru, "standard_kk", "standard_ru",
	     _("Justification 3, the professional standard or qualification requirements (cl. 8)"));
	if (!strcmp(pr->row.section, "mandatory"))
		need(p, pr->legal_act_kk, pr->legal_act_ru, "legal_act_kk", "legal_act_ru",
		     _("Justification 4, the legal act making the qualification a condition of practice (cl. 8-1)"));
	return p->n - before;
}
