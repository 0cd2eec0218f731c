/* proposal_check — a sectoral body's proposal to include, exclude or amend a
 * profession (Order cl. 6-9), and the completeness check of cl. 9: what the
 * authorized body's program checks before a reviewer reads it. */
#ifndef TZ_PROPOSAL_CHECK_H
#define TZ_PROPOSAL_CHECK_H

#include <stdint.h>

#include "store/db.h"
#include "base/problem.h"
#include "domain/register.h"

#define TZ_MAX_LEVELS 8

/* What a proposal asks for.  The database keeps the words "include",
 * "exclude" and "amend"; the code compares these, read once with the row.
 * PA_NACTIONS stands for none chosen yet. */
enum proposal_action { PA_INCLUDE, PA_EXCLUDE, PA_AMEND, PA_NACTIONS };

/* The action's word in the database ("" for none), and as shown (translated). */
const char *proposal_action_name(enum proposal_action a);
const char *proposal_action_label(enum proposal_action a);
/* The action a word names (the database's, or the command line's): 0, or
 * -1 when it names none. */
int proposal_action_parse(const char *s, enum proposal_action *a);

struct proposal {
	int64_t id;
	int64_t cycle_id, body_id, association_id;
	enum proposal_action action;
	struct reg_row row;          /* columns 2-8; row.level unused */
	char levels[TZ_MAX_LEVELS][8];
	int nlevels;
	/* The justification, each in kk and ru. */
	char *safety_kk, *safety_ru;       /* cl. 8 1): public health, life support, safety */
	char *demand_kk, *demand_ru;       /* cl. 8 2): demand on the labour market */
	char *standard_kk, *standard_ru;   /* cl. 8 3): professional standard or requirements */
	char *legal_act_kk, *legal_act_ru; /* cl. 8-1: mandatory section only */
};

void proposal_free(struct proposal *pr);

/* The completeness check of cl. 8, 8-1 and 9: lists every missing or wrong
 * item, each naming its field.  An exclusion needs only the code, the section
 * and the reason (cl. 8 2) as its justification.  Returns the count. */
int proposal_validate(tz_db *db, const struct proposal *pr, struct problems *p);

#endif
