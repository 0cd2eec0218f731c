#include "view/rowform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/namecase.h"
#include "domain/nkz.h"
#include "store/refdata.h"

/* Typed years: the core would only say "not given" for anything outside
 * 1..REG_VALIDITY_MAX; this says what was typed and why it is refused. */
static void check_years(const struct rowform *f, struct problems *p)
{
	char why[300];
	int n;
	if (!f->unlimited && reg_validity_parse(te_text(&f->years), &n, why, sizeof why) == -2)
		problems_add(p, "validity", "%s", why);
}

/* The hints are worded alike on the proposal's form (src/view/propform.c). */
#define H_CODE N_("Space: find the occupation in the classifier by code or name; Enter: next field")
#define H_SECTION N_("Space or Left/Right: switch between mandatory and voluntary; Enter: next field")
#define H_TEXT N_("Type the text; it wraps by itself; Enter: next field")
const struct rf_desc rf_fields[RF_NFIELDS] = {
	[RF_F_CODE] = {"nkz_code", N_("NKZ code"), RF_CODE, 12, NULL, H_CODE},
	[RF_F_NAME_KK] = {"name_kk", N_("Name (Kazakh)"), RF_NAME, 0, NULL, NULL},
	[RF_F_NAME_RU] = {"name_ru", N_("Name (Russian)"), RF_NAME, 0, NULL, NULL},
	[RF_F_SECTION] = {"section", N_("Section"), RF_SECTION, 24, NULL, H_SECTION},
	[RF_F_BASIS_KK] = {"basis_kk", N_("Basis (Kazakh)"), RF_TEXT, 0, NULL, H_TEXT},
	[RF_F_BASIS_RU] = {"basis_ru", N_("Basis (Russian)"), RF_TEXT, 0, NULL, H_TEXT},
	/* An existing row's form says "the level of this row" instead. */
	[RF_F_LEVEL] = {"level", N_("Levels"), RF_LEVELS, 0, NULL,
	                N_("Space: choose one or more levels, each saved as its own row; Enter: next field")},
	[RF_F_VALIDITY] = {"validity", N_("Validity, years"), RF_VALIDITY, 20, check_years,
	                   N_("Type the years, 1 to 10; Space: years or without time limit; Enter: next field")},
	[RF_F_BODY] = {"body", N_("Sectoral body"), RF_BODY, 0, NULL,
	               N_("Space: choose the sectoral state body; Enter: next field")},
	[RF_F_PROFILE] = {"profile", N_("Profile"), RF_PROFILE, 28, NULL,
	                  N_("Space or Left/Right: technical or social-humanitarian; Enter: next field")},
};

int rf_field_of(const char *key)
{
	for (int i = 0; key && i < RF_NFIELDS; i++)
		if (!strcmp(rf_fields[i].key, key))
			return i;
	return -1;
}

static void blank_form(struct rowform *f)
{
	memset(f, 0, sizeof *f);
	te_init(&f->basis_kk, NULL);
	te_init(&f->basis_ru, NULL);
	te_init(&f->years, NULL);
	f->orig.validity = -1;
}

int rf_init_new(tz_db *db, struct rowform *f)
{
	blank_form(f);
	f->version_id = reg_draft(db);
	f->readonly = f->version_id == 0;
	f->orig.version_id = f->version_id;
	reg_row_set(&f->orig.name_kk, "");
	reg_row_set(&f->orig.name_ru, "");
	reg_row_set(&f->orig.basis_kk, "");
	reg_row_set(&f->orig.basis_ru, "");
	return 0;
}

void rf_from_row(struct rowform *f, const struct reg_row *r)
{
	snprintf(f->section, sizeof f->section, "%s", r->section);
	snprintf(f->nkz_code, sizeof f->nkz_code, "%s", r->nkz_code);
	reg_row_set(&f->name_kk, r->name_kk ? r->name_kk : "");
	reg_row_set(&f->name_ru, r->name_ru ? r->name_ru : "");
	te_set(&f->basis_kk, r->basis_kk);
	te_set(&f->basis_ru, r->basis_ru);
	char y[16] = "";
	if (r->validity > 0)
		snprintf(y, sizeof y, "%d", r->validity);
	te_set(&f->years, y);
	f->unlimited = r->validity == 0;
	f->nlevels = 0;
	if (r->level[0]) {
		snprintf(f->levels[0], sizeof f->levels[0], "%s", r->level);
		f->nlevels = 1;
	}
	f->body_id = r->body_id;
	snprintf(f->profile, sizeof f->profile, "%s", r->profile);
}

int rf_load(tz_db *db, struct rowform *f, int64_t row_id)
{
	blank_form(f);
	if (reg_row_load(db, row_id, &f->orig))
		return -1;
	f->row_id = row_id;
	f->version_id = f->orig.version_id;
	const char *state = reg_version_state(db, f->version_id);
	f->readonly = !state || strcmp(state, "draft") || f->version_id != reg_draft(db);
	rf_from_row(f, &f->orig);
	return 0;
}

void rf_free(struct rowform *f)
{
	free(f->name_kk);
	free(f->name_ru);
	te_free(&f->basis_kk);
	te_free(&f->basis_ru);
	te_free(&f->years);
	reg_row_free(&f->orig);
	f->name_kk = f->name_ru = NULL;
}

int rf_occupation(tz_db *db, const char *code, char **name_kk, char **name_ru)
{
	sqlite3_stmt *st = db_prep(db, "SELECT name_kk, name_ru FROM nkz WHERE code = :c "
	                               "AND level = 6 AND active = 1");
	if (!st)
		return -1;
	db_text(st, ":c", code);
	int rc = -1;
	if (db_step(db, st) == SQLITE_ROW) {
		/* The classifier is typed in capitals; the register is not. */
		for (int l = 0; l < 2; l++) {
			const char *name = db_col_text(st, l);
			char *o = namecase_offer(l ? "ru" : "kk", name);
			reg_row_set(l ? name_ru : name_kk, o ? o : name);
			free(o);
		}
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int rf_set_code(tz_db *db, struct rowform *f, const char *code)
{
	if (rf_occupation(db, code, &f->name_kk, &f->name_ru))
		return -1;
	snprintf(f->nkz_code, sizeof f->nkz_code, "%s", code);
	return 0;
}

int rf_level_in(const char (*levels)[8], int n, const char *level)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(levels[i], level))
			return 1;
	return 0;
}

int rf_level_toggle(char (*levels)[8], int *n, int max, const char *level)
{
	for (int i = 0; i < *n; i++)
		if (!strcmp(levels[i], level)) {
			memmove(levels[i], levels[i + 1], (size_t)(*n - i - 1) * sizeof levels[0]);
			(*n)--;
			return 0;
		}
	if (*n >= max)
		return 0;
	snprintf(levels[(*n)++], sizeof levels[0], "%s", level);
	return 1;
}

int rf_has_level(const struct rowform *f, const char *level)
{
	return rf_level_in(f->levels, f->nlevels, level);
}

void rf_toggle_level(struct rowform *f, const char *level)
{
	/* An existing row is one row at one level: choosing another replaces it. */
	if (f->row_id && !rf_has_level(f, level))
		f->nlevels = 0;
	rf_level_toggle(f->levels, &f->nlevels, RF_MAX_LEVELS, level);
}

static int validity_of(const struct rowform *f)
{
	if (f->unlimited)
		return 0;
	char why[300];
	int n;
	return reg_validity_parse(te_text(&f->years), &n, why, sizeof why) ? -1 : n;
}

int rf_rows(const struct rowform *f, struct reg_row **out)
{
	int n = f->nlevels ? f->nlevels : 1;
	struct reg_row *rows = calloc((size_t)n, sizeof *rows);
	if (!rows)
		return -1;
	for (int i = 0; i < n; i++) {
		struct reg_row *r = &rows[i];
		r->id = f->row_id;
		r->version_id = f->version_id;
		snprintf(r->section, sizeof r->section, "%s", f->section);
		snprintf(r->nkz_code, sizeof r->nkz_code, "%s", f->nkz_code);
		reg_row_set(&r->name_kk, f->name_kk ? f->name_kk : "");
		reg_row_set(&r->name_ru, f->name_ru ? f->name_ru : "");
		reg_row_set(&r->basis_kk, te_text(&f->basis_kk));
		reg_row_set(&r->basis_ru, te_text(&f->basis_ru));
		snprintf(r->level, sizeof r->level, "%s", f->nlevels ? f->levels[i] : "");
		r->validity = validity_of(f);
		r->body_id = f->body_id;
		snprintf(r->profile, sizeof r->profile, "%s", f->profile);
		r->proposal_id = f->orig.proposal_id;
		r->rev = f->orig.rev;
	}
	*out = rows;
	return n;
}

static void free_rows(struct reg_row *rows, int n)
{
	for (int i = 0; i < n; i++)
		reg_row_free(&rows[i]);
	free(rows);
}

/* A field shows its first problem only: the form's own check says more
 * about what was typed than the core's, so it goes first. */
static void add_new(struct problems *p, const struct problems *from)
{
	for (int i = 0; i < from->n; i++)
		if (!problems_for(p, from->item[i].field))
			problems_add(p, from->item[i].field, "%s", from->item[i].msg);
}

int rf_validate(tz_db *db, const struct rowform *f, struct problems *p)
{
	int before = p->n;
	struct problems own = {0};
	for (int i = 0; i < RF_NFIELDS; i++)
		if (rf_fields[i].validate)
			rf_fields[i].validate(f, &own);
	add_new(p, &own);
	struct reg_row *rows = NULL;
	int n = rf_rows(f, &rows);
	for (int i = 0; i < n; i++) {
		struct problems core = {0};
		reg_validate(db, &rows[i], &core);
		add_new(p, &core);
	}
	if (n > 0)
		free_rows(rows, n);
	return p->n - before;
}

static int same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

unsigned rf_differs(const struct rowform *f, const struct reg_row *r)
{
	struct reg_row *rows = NULL;
	int n = rf_rows(f, &rows);
	if (n < 0)
		return ~0u;
	const struct reg_row *m = &rows[0];
	unsigned d = 0;
	if (!same(m->nkz_code, r->nkz_code))
		d |= 1u << RF_F_CODE;
	if (!same(m->name_kk, r->name_kk))
		d |= 1u << RF_F_NAME_KK;
	if (!same(m->name_ru, r->name_ru))
		d |= 1u << RF_F_NAME_RU;
	if (!same(m->section, r->section))
		d |= 1u << RF_F_SECTION;
	if (!same(m->basis_kk, r->basis_kk))
		d |= 1u << RF_F_BASIS_KK;
	if (!same(m->basis_ru, r->basis_ru))
		d |= 1u << RF_F_BASIS_RU;
	if (n != 1 || !same(m->level, r->level))
		d |= 1u << RF_F_LEVEL;
	if (m->validity != r->validity || (m->validity < 0 && te_text(&f->years)[0]))
		d |= 1u << RF_F_VALIDITY;
	if (m->body_id != r->body_id)
		d |= 1u << RF_F_BODY;
	if (!same(m->profile, r->profile))
		d |= 1u << RF_F_PROFILE;
	free_rows(rows, n);
	return d;
}

int rf_changed(const struct rowform *f)
{
	return rf_differs(f, &f->orig) != 0;
}

int rf_save(tz_db *db, struct rowform *f, struct problems *p, struct reg_row *theirs)
{
	if (f->readonly)
		return REG_NOT_DRAFT;
	if (rf_validate(db, f, p))
		return REG_INVALID;
	struct reg_row *rows = NULL;
	int n = rf_rows(f, &rows);
	if (n < 0)
		return REG_DBERR;
	int status = REG_OK;
	if (f->row_id) {
		status = reg_change(db, &rows[0], p);
		if (status == REG_OK) {
			reg_row_free(&f->orig);
			reg_row_copy(&f->orig, &rows[0]);
		} else if (status == REG_CONFLICT && theirs && reg_row_load(db, f->row_id, theirs)) {
			status = REG_GONE;
		}
	} else {
		/* All levels or none: a clerk who sees an error saves again, and
		 * must not find half the levels already there. */
		if (db_begin(db)) {
			free_rows(rows, n);
			return REG_DBERR;
		}
		for (int i = 0; i < n && status == REG_OK; i++)
			status = reg_add(db, &rows[i], p);
		if (status == REG_OK) {
			if (db_commit(db))
				status = REG_DBERR;
		} else {
			db_rollback(db);
		}
	}
	free_rows(rows, n);
	return status;
}

void rf_keep_mine(struct rowform *f, const struct reg_row *theirs)
{
	f->orig.rev = theirs->rev;
}

void rf_body_name(tz_db *db, int64_t body_id, int shortname, char *buf, size_t len)
{
	buf[0] = 0;
	if (body_id <= 0)
		return;
	ref_body(db, body_id, shortname ? REF_SHORT : REF_FULL, NULL, buf, len, NULL);
}

static void section_text(const char *section, char *buf, size_t len)
{
	snprintf(buf, len, "%s", !strcmp(section, "mandatory") ? _("mandatory")
	                         : !strcmp(section, "voluntary") ? _("voluntary") : "");
}

static void profile_text(const char *profile, char *buf, size_t len)
{
	if (!strcmp(profile, "t") || !strcmp(profile, "sg"))
		snprintf(buf, len, "%s  %s", reg_profile_label(profile),
		         !strcmp(profile, "t") ? _("technical") : _("social-humanitarian"));
	else
		buf[0] = 0;
}

void rf_row_value_text(tz_db *db, const struct reg_row *r, int field, char *buf, size_t len)
{
	buf[0] = 0;
	switch (field) {
	case RF_F_CODE: snprintf(buf, len, "%s", r->nkz_code); break;
	case RF_F_NAME_KK: snprintf(buf, len, "%s", r->name_kk ? r->name_kk : ""); break;
	case RF_F_NAME_RU: snprintf(buf, len, "%s", r->name_ru ? r->name_ru : ""); break;
	case RF_F_SECTION: section_text(r->section, buf, len); break;
	case RF_F_BASIS_KK: snprintf(buf, len, "%s", r->basis_kk ? r->basis_kk : ""); break;
	case RF_F_BASIS_RU: snprintf(buf, len, "%s", r->basis_ru ? r->basis_ru : ""); break;
	case RF_F_LEVEL: snprintf(buf, len, "%s", r->level); break;
	case RF_F_VALIDITY:
		if (r->validity >= 0)
			reg_validity_label(r->validity, buf, len);
		break;
	case RF_F_BODY: rf_body_name(db, r->body_id, 1, buf, len); break;
	case RF_F_PROFILE: profile_text(r->profile, buf, len); break;
	default: break;
	}
}

void rf_value_text(tz_db *db, const struct rowform *f, int field, char *buf, size_t len)
{
	buf[0] = 0;
	switch (field) {
	case RF_F_LEVEL:
		for (int i = 0; i < f->nlevels; i++) {
			size_t n = strlen(buf);
			snprintf(buf + n, len - n, "%s%s", i ? ", " : "", f->levels[i]);
		}
		break;
	case RF_F_VALIDITY:
		if (f->unlimited)
			reg_validity_label(0, buf, len);
		else
			snprintf(buf, len, "%s", te_text(&f->years));
		break;
	default: {
		struct reg_row *rows = NULL;
		int n = rf_rows(f, &rows);
		if (n > 0) {
			rf_row_value_text(db, &rows[0], field, buf, len);
			free_rows(rows, n);
		}
	}
	}
}
