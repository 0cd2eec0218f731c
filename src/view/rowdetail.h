/* rowdetail — everything the detail screen tells about one register row:
 * its fields in both languages, the proposal it was made from, and its
 * history in the change log.  Read afresh on every call, so that a language
 * switch or another clerk's change shows at once.
 *
 * lang is "kk" or "ru"; NULL means the interface's language now
 * (i18n_lang).  What rowdetail_read() fills belongs to the struct until
 * rowdetail_free(). */
#ifndef TZ_ROWDETAIL_H
#define TZ_ROWDETAIL_H

#include <stdint.h>

#include "domain/proposals.h"
#include "store/db.h"

/* One change of the row, as the log keeps it. */
struct rowdetail_change {
	char *at, *login, *action, *reason;   /* reason "" when none was given */
};

struct rowdetail {
	char *code;
	char *name_kk, *name_ru;
	char *basis_kk, *basis_ru;
	char *section;            /* "mandatory" | "voluntary" */
	char *level;
	char *level_descr;        /* in lang; "" for a level not in the NRK list */
	int validity;             /* years; 0 = without time limit */
	char *body_kk, *body_ru;  /* the body's full name */
	char *profile;            /* "t" | "sg" */
	/* The proposal the row was made from; has_proposal 0 when none (or it
	 * is gone). */
	int has_proposal;
	int64_t proposal_id;
	enum proposal_action proposal_action;
	enum proposal_state proposal_state;
	char *proposal_body;      /* the body's full name in lang */
	char *cycle_year;         /* "" when the proposal has no cycle */
	char *cycle_season;       /* "spring" | "autumn"; "" with no cycle */
	/* Whether the row differs from the published register (added or
	 * amended in this version), and then the ground of that change in the
	 * interface's language ("no ground" when it has none; domain/ground.h). */
	int is_change;
	char *ground;
	/* The row's changes, oldest first. */
	struct rowdetail_change *changes;
	int nchanges;
};

/* Reads row id.  Returns 1, 0 when there is no such row (d then needs no
 * free), or -1 on a database error or when memory runs out. */
int rowdetail_read(tz_db *db, int64_t id, const char *lang, struct rowdetail *d);
void rowdetail_free(struct rowdetail *d);

#endif
