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
