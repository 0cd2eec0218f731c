/* rowform — the entry form of a register row, without a screen: the fields
 * as data (label, kind, width, validator; Midnight Commander's model), a row
 * loaded into the form, the form turned into register rows (a new entry
 * gives one row per level, as the Appendix requires), validation from the
 * core mapped onto the fields, saving and the two-clerk conflict.
 * ui/forms/rowform_ui.c draws it and reads keys; everything it decides lives here. */
#ifndef TZ_ROWFORM_H
#define TZ_ROWFORM_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "base/problem.h"
#include "domain/register.h"
#include "base/textedit.h"

enum rf_kind {
	RF_CODE,      /* classifier code, through the classifier picker */
	RF_NAME,      /* filled from the classifier, not typed */
	RF_SECTION,   /* mandatory / voluntary */
	RF_TEXT,      /* typed text */
	RF_LEVELS,    /* NRK levels: several for a new entry, one for an edit */
	RF_VALIDITY,  /* years typed, or without time limit */
	RF_BODY,      /* sectoral body, through a picker */
	RF_PROFILE    /* т / әг */
};

enum rf_field {
	RF_F_CODE, RF_F_NAME_KK, RF_F_NAME_RU, RF_F_SECTION, RF_F_BASIS_KK, RF_F_BASIS_RU,
	RF_F_LEVEL, RF_F_VALIDITY, RF_F_BODY, RF_F_PROFILE, RF_NFIELDS
};

struct rowform;

struct rf_desc {
	const char *key;     /* the field key of reg_validate's problems */
	const char *label;   /* N_() */
	enum rf_kind kind;
	int width;           /* columns of the value; 0 = to the right edge */
	/* What the form itself checks before the core sees the row (the typed
	 * text of a field); adds to p.  NULL for none. */
	void (*validate)(const struct rowform *f, struct problems *p);
	const char *hint;    /* N_(): what the keys do there; NULL for none */
};

extern const struct rf_desc rf_fields[RF_NFIELDS];

#define RF_MAX_LEVELS 24

struct rowform {
	int64_t row_id;          /* 0 for a new entry */
	int64_t version_id;      /* the draft, or the row's version */
	int readonly;            /* no draft, or the row's version is not a draft */
	char section[12];
	char nkz_code[16];
	char *name_kk, *name_ru;
	struct textedit basis_kk, basis_ru;
	struct textedit years;   /* validity as typed */
	int unlimited;           /* validity: without time limit */
	char levels[RF_MAX_LEVELS][8];
	int nlevels;
	int64_t body_id;
	char profile[4];
	struct reg_row orig;     /* as loaded (rev included): for "changed?" and conflicts */
};

/* A new entry in the current draft (readonly when there is none).  0 or -1. */
int rf_init_new(tz_db *db, struct rowform *f);
/* An existing row; readonly unless its version is the draft.  0, or -1 when
 * the row does not exist. */
int rf_load(tz_db *db, struct rowform *f, int64_t row_id);
/* Puts a stored row's content into the form (take theirs). */
void rf_from_row(struct rowform *f, const struct reg_row *r);
void rf_free(struct rowform *f);

/* Sets the classifier code and both names from the classifier's, offered in
 * ordinary case (namecase_offer) for the clerk to accept or edit.  0, or -1
 * when the code is not an active occupation (the form is unchanged). */
int rf_set_code(tz_db *db, struct rowform *f, const char *code);
/* Adds or removes a level; a form for an existing row holds just one. */
void rf_toggle_level(struct rowform *f, const char *level);
int rf_has_level(const struct rowform *f, const char *level);

/* What the proposal's form (src/view/propform.h) shares with this one: an active
 * occupation's two names in ordinary case (0, or -1 and the names untouched
 * when the code is not one), and a list of levels (toggle returns 1 when the level was
 * added, 0 when removed or there is no room). */
int rf_occupation(tz_db *db, const char *code, char **name_kk, char **name_ru);
int rf_level_in(const char (*levels)[8], int n, const char *level);
int rf_level_toggle(char (*levels)[8], int *n, int max, const char *level);

/* The rows the form stands for: one per level (at least one, with an empty
 * level when none is chosen).  *out is malloc'd; free each with
 * reg_row_free, then free(*out).  Returns the count, or -1. */
int rf_rows(const struct rowform *f, struct reg_row **out);

/* Every problem of the form, each naming one of rf_fields' keys (or "" for
 * one about the whole row), in the current language.  Returns the count. */
int rf_validate(tz_db *db, const struct rowform *f, struct problems *p);
/* The field a problem key belongs to, or -1. */
int rf_field_of(const char *key);

/* 1 if the form differs from what was loaded. */
int rf_changed(const struct rowform *f);

/* Saves: a new entry adds one row per level in one transaction (all or
 * none); an edit changes the row if nobody changed it since it was loaded.
 * Returns a reg_status.  On REG_CONFLICT, *theirs (when given) gets the
 * row as stored now (free with reg_row_free). */
int rf_save(tz_db *db, struct rowform *f, struct problems *p, struct reg_row *theirs);
/* After a conflict, "keep mine": the next save goes over their revision. */
void rf_keep_mine(struct rowform *f, const struct reg_row *theirs);

/* A field's value as shown, in the current language, into buf: names,
 * section, levels joined by ", ", validity, the body's short name, profile. */
void rf_value_text(tz_db *db, const struct rowform *f, int field, char *buf, size_t len);
/* The same for a stored row (for showing theirs against mine). */
void rf_row_value_text(tz_db *db, const struct reg_row *r, int field, char *buf, size_t len);
/* Fields whose value differs between the form and a stored row: a bit per
 * field (1u << RF_F_...). */
unsigned rf_differs(const struct rowform *f, const struct reg_row *r);

/* The body's name in the current language (short when shortname), into buf. */
void rf_body_name(tz_db *db, int64_t body_id, int shortname, char *buf, size_t len);

#endif
