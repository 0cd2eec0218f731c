#include "view/reviewview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/refdata.h"

static void revview_body(tz_db *db, int64_t id, const char *lang, char *buf, size_t len)
{
	ref_body(db, id, REF_SHORT, lang, buf, len, "?");
}

struct revview_load { struct revview *v; int failed; };

static int revview_collect(void *ctx, const struct review_change *rc)
{
	struct revview_load *ld = ctx;
	struct revview *v = ld->v;
	if (v->n == v->cap) {
		int cap = v->cap ? v->cap * 2 : 64;
		struct revview_change *c = realloc(v->c, (size_t)cap * sizeof *c);
		if (!c) {
			ld->failed = 1;
			return 1;
		}
		v->c = c;
		v->cap = cap;
	}
	struct revview_change *c = &v->c[v->n++];
	memset(c, 0, sizeof *c);
	c->kind = rc->kind;
	c->cols = rc->cols;
	if ((c->has_old = rc->old != NULL))
		reg_row_copy(&c->old, rc->old);
	if ((c->has_neu = rc->neu != NULL))
		reg_row_copy(&c->neu, rc->neu);
	snprintf(c->key, sizeof c->key, "%s", rc->key);
	snprintf(c->decision, sizeof c->decision, "%s", rc->decision);
	snprintf(c->comment, sizeof c->comment, "%s", rc->comment);
	snprintf(c->login, sizeof c->login, "%s", rc->login);
	snprintf(c->council, sizeof c->council, "%s", rc->council);
	snprintf(c->author, sizeof c->author, "%s", rc->author);
	return 0;
}

void revview_free(struct revview *v)
{
	for (int i = 0; i < v->n; i++) {
		reg_row_free(&v->c[i].old);
		reg_row_free(&v->c[i].neu);
	}
	free(v->c);
	memset(v, 0, sizeof *v);
}

int revview_load(tz_db *db, const char *lang, struct revview *v)
{
	revview_free(v);
	int rc = 0;
	v->version = reg_draft(db);
	if (!v->version)
		v->version = db_int_query(db, "SELECT id FROM reg_version WHERE state IN ('submitted', 'recommended')", 0);
	v->base = review_base(db, v->version);
	const char *state = v->version ? reg_version_state(db, v->version) : NULL;
	v->forming = state && !strcmp(state, "recommended");
	if (v->version) {
		struct revview_load ld = {v, 0};
		if (review_each(db, v->version, revview_collect, &ld) || ld.failed)
			rc = -1;
		if (review_totals(db, v->version, &v->t))
			rc = -1;
	}
	revview_set_lang(db, v, lang);
	return rc;
}

void revview_set_lang(tz_db *db, struct revview *v, const char *lang)
{
	snprintf(v->lang, sizeof v->lang, "%s", lang ? lang : i18n_lang());
	for (int i = 0; i < v->n; i++) {
		struct revview_change *c = &v->c[i];
		if (c->has_old)
			revview_body(db, c->old.body_id, v->lang, c->old_body, sizeof c->old_body);
		if (c->has_neu)
			revview_body(db, c->neu.body_id, v->lang, c->neu_body, sizeof c->neu_body);
	}
	for (int i = 0; i < v->t.nbody; i++)
		revview_body(db, v->t.body[i].body_id, v->lang, v->body_name[i], sizeof v->body_name[i]);
}

int revview_decided(const struct revview *v, const struct revview_change *c)
{
	return v->forming ? c->council[0] != 0 : c->decision[0] != 0;
}

static const char *revview_section(const struct revview_change *c)
{
	return c->has_neu ? c->neu.section : c->old.section;
}

static int64_t revview_body_of(const struct revview_change *c)
{
	return c->has_neu ? c->neu.body_id : c->old.body_id;
}

int revview_in_group(const struct revview *v, int i, const struct revview_group *g)
{
	const struct revview_change *c = &v->c[i];
	switch (g->kind) {
	case RG_ALL: return 1;
	case RG_UNDECIDED: return !revview_decided(v, c);
	case RG_SECTION: return !strcmp(revview_section(c), g->section);
	/* A change of body counts for the body it leaves too, as the totals. */
	case RG_BODY: return revview_body_of(c) == g->body_id || (c->has_old && c->old.body_id == g->body_id);
	case RG_ACTION: return c->kind == g->action;
	}
	return 0;
}

int revview_summary(const struct revview *v, struct revview_group *g)
{
	int n = 0;
	g[n++] = (struct revview_group){.kind = RG_ALL};
	g[n++] = (struct revview_group){.kind = RG_UNDECIDED};
	g[n] = (struct revview_group){.kind = RG_SECTION};
	snprintf(g[n++].section, sizeof g->section, "mandatory");
	g[n] = (struct revview_group){.kind = RG_SECTION};
	snprintf(g[n++].section, sizeof g->section, "voluntary");
	for (int i = 0; i < v->t.nbody && n < REVVIEW_MAX_GROUPS - 3; i++)
		g[n++] = (struct revview_group){.kind = RG_BODY, .body_id = v->t.body[i].body_id};
	g[n++] = (struct revview_group){.kind = RG_ACTION, .action = DIFF_ADDED};
	g[n++] = (struct revview_group){.kind = RG_ACTION, .action = DIFF_REMOVED};
	g[n++] = (struct revview_group){.kind = RG_ACTION, .action = DIFF_CHANGED};
	for (int k = 0; k < n; k++)
		for (int i = 0; i < v->n; i++) {
			if (!revview_in_group(v, i, &g[k]))
				continue;
			const struct revview_change *c = &v->c[i];
			if (c->kind == DIFF_ADDED)
				g[k].added++;
			else if (c->kind == DIFF_REMOVED)
				g[k].removed++;
			else
				g[k].changed++;
			g[k].decided += revview_decided(v, c);
		}
	return n;
}

const char *revview_group_label(const struct revview *v, const struct revview_group *g,
                                char *buf, size_t len)
{
	switch (g->kind) {
	case RG_ALL: snprintf(buf, len, "%s", _("All changes")); break;
	case RG_UNDECIDED: snprintf(buf, len, "%s", _("Not decided yet")); break;
	case RG_SECTION: snprintf(buf, len, "%s", !strcmp(g->section, "mandatory") ? _("Mandatory section")
	                                                                         : _("Voluntary section")); break;
	case RG_BODY:
		snprintf(buf, len, "?");
		for (int i = 0; i < v->t.nbody; i++)
			if (v->t.body[i].body_id == g->body_id)
				snprintf(buf, len, "%s", v->body_name[i]);
		break;
	case RG_ACTION:
		snprintf(buf, len, "%s", g->action == DIFF_ADDED ? _("Rows added")
		                         : g->action == DIFF_REMOVED ? _("Rows excluded") : _("Rows amended"));
		break;
	}
	return buf;
}
