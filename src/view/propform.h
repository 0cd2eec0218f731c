/* propform — the entry form of a proposal (Order cl. 6-9), without a
 * screen: the fields as data (as src/view/rowform.h does for a register row), a
 * stored proposal loaded into the form, the form turned back into one for
 * proposals_save, and the completeness check of cl. 9 mapped onto the
 * fields.  ui/forms/propform_ui.c draws it and reads keys.
 *
 * Who may save what is decided by proposals_save, not here: the form only
 * presets a sectoral-body clerk's own body, as a convenience. */
#ifndef TZ_PROPFORM_H
#define TZ_PROPFORM_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "base/problem.h"
#include "domain/proposals.h"
#include "base/textedit.h"

enum pf_kind {
	PF_BODY,      /* sectoral body, through a picker */
	PF_ASSOC,     /* employer association (optional), through a picker */
	PF_ACTION,    /* include / exclude / amend */
	PF_SECTION,   /* mandatory / voluntary */
	PF_CODE,      /* classifier code, through the classifier picker */
	PF_NAME,      /* filled from the classifier, not typed */
	PF_LEVELS,    /* several NRK levels */
	PF_VALIDITY,  /* years typed, or without time limit */
	PF_PROFILE,   /* т / әг, or not given */
	PF_TEXT       /* typed text */
};

enum pf_field {
	PF_F_BODY, PF_F_ASSOC, PF_F_ACTION, PF_F_SECTION, PF_F_CODE, PF_F_NAME_KK, PF_F_NAME_RU,
	PF_F_LEVELS, PF_F_VALIDITY, PF_F_PROFILE, PF_F_BASIS_KK, PF_F_BASIS_RU,
	PF_F_SAFETY_KK, PF_F_SAFETY_RU, PF_F_DEMAND_KK, PF_F_DEMAND_RU,
	PF_F_STANDARD_KK, PF_F_STANDARD_RU, PF_F_LEGAL_KK, PF_F_LEGAL_RU, PF_NFIELDS
};

/* The typed texts, in the order of their fields from PF_F_BASIS_KK. */
#define PF_NTEXTS (PF_NFIELDS - PF_F_BASIS_KK)

struct pf_desc {
	const char *key;     /* the field key of proposal_validate's problems */
	const char *label;   /* N_() */
	int lang;            /* 0, or 1/2: the label gets "(Kazakh)"/"(Russian)" */
	enum pf_kind kind;
	int width;           /* columns of the value; 0 = to the right edge */
	const char *hint;    /* N_(): what the keys do there; NULL for none */
};

extern const struct pf_desc pf_fields[PF_NFIELDS];

struct propform {
	int64_t id;              /* 0 for a new proposal */
	int64_t cycle_id;
	enum proposal_state state;  /* PS_DRAFT for a new one */
	int readonly;            /* the state no longer allows changes */
	int body_fixed;          /* a sectoral-body clerk's own body */
	int64_t body_id, assoc_id;
	enum proposal_action action;
	char section[12];
	char nkz_code[16];
	char *name_kk, *name_ru;
	char levels[TZ_MAX_LEVELS][8];
	int nlevels;
	struct textedit years;   /* validity as typed */
	int unlimited;           /* validity: without time limit */
	char profile[4];         /* "t", "sg" or "" */
	struct textedit text[PF_NTEXTS];
	char *snapshot;          /* the form as loaded or last saved: for "changed?" */
};

/* A new proposal in cycle (include, voluntary; the clerk's own body when the
 * user is a sectoral-body clerk).  0 or -1 (no memory). */
int pf_init_new(tz_db *db, struct propform *f, int64_t cycle);
/* A stored proposal; readonly when its state may no longer be edited.
 * 0, or -1 when there is no such proposal. */
int pf_load(tz_db *db, struct propform *f, int64_t id);
void pf_free(struct propform *f);

/* Whether a field is on the form now: the legal act of cl. 8-1 belongs to
 * the mandatory section only. */
int pf_shown(const struct propform *f, int field);
/* A field's label in the current language. */
void pf_label(int field, char *buf, size_t len);
/* The field a problem key belongs to, or -1. */
int pf_field_of(const char *key);

/* Sets the classifier code and both names.  0, or -1 when the code is not
 * an active occupation (the form is unchanged). */
int pf_set_code(tz_db *db, struct propform *f, const char *code);
void pf_toggle_level(struct propform *f, const char *level);
int pf_has_level(const struct propform *f, const char *level);
/* Include -> exclude -> amend -> include; mandatory <-> voluntary;
 * т -> әг -> т. */
void pf_next_action(struct propform *f);
void pf_flip_section(struct propform *f);
void pf_flip_profile(struct propform *f);

/* The form as a proposal (strings copied: free with proposal_rec_free). */
void pf_to_rec(const struct propform *f, struct proposal_rec *r);

/* Every problem, each naming one of pf_fields' keys, in the current
 * language: what the form itself finds in typed text (years), then the
 * completeness check of cl. 8, 8-1 and 9.  Returns the count. */
int pf_validate(tz_db *db, const struct propform *f, struct problems *p);

/* 1 if the form differs from what was loaded or last saved. */
int pf_changed(const struct propform *f);

/* Stores the form through proposals_save (a draft may be half done).
 * PR_OK (f->id set, the form counts as unchanged from now), or PR_REFUSED
 * with the core's sentence in err. */
int pf_save(tz_db *db, struct propform *f, char *err, size_t errlen);

/* A field's value as shown, in the current language. */
void pf_value_text(tz_db *db, const struct propform *f, int field, char *buf, size_t len);
/* The typed text of a PF_TEXT field, or NULL for another kind. */
struct textedit *pf_text(struct propform *f, int field);

#endif
