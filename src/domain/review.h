/* review — a register version set against the one it started from (the
 * published register): each added, removed and changed row with its changed
 * columns, totals by section, body and level (what a clerk shows the
 * Council), and the decisions on each change: the authorized body's approval
 * before the Council, and the Council's own.  A change is named by its key
 * "CODE:LEVEL", which stays the same whichever side holds the row. */
#ifndef TZ_REVIEW_H
#define TZ_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "domain/register.h"

struct review_change {
	enum reg_diff_kind kind;
	const struct reg_row *old, *neu;   /* NULL for an added / a removed row */
	unsigned cols;                     /* enum reg_col bits, changed rows */
	char key[32];                      /* "CODE:LEVEL" */
	char author[64];                   /* who made it, "" when unknown */
	/* The review decision: "approved", "returned", or "" when none (or the
	 * row was edited since). */
	char decision[12];
	char comment[512];
	char login[64];                    /* who decided */
	char council[12];                  /* the Council's decision, or "" */
};

/* The version a version is reviewed against: its base, else the newest
 * published one; 0 (an empty register) when there is none. */
int64_t review_base(tz_db *db, int64_t version);

/* Calls fn for each change of version against its base, ordered by code and
 * level; stops on non-zero and returns it.  -1 on a database error. */
typedef int (*review_fn)(void *ctx, const struct review_change *c);
int review_each(tz_db *db, int64_t version, review_fn fn, void *ctx);

/* One change of a version, found by its "CODE:LEVEL" key. */
struct review_found {
	enum reg_diff_kind kind;
	int64_t rev;                       /* the draft row's, 0 for a removed row */
	char code[16], level[8];
	char author[64], decision[12], comment[512];
};

/* Finds the change key of version against its base: 1 and out filled, 0
 * when it is no change, -1 on a database error. */
int review_find(tz_db *db, int64_t version, const char *key, struct review_found *out);

/* Totals of the changes by section, body and level. */
#define REVIEW_MAX_GROUPS 48
struct review_count { int added, removed, changed; };
struct review_group { char label[16]; int64_t body_id; struct review_count n; };
struct review_totals {
	struct review_count all;
	struct review_count section[2];          /* mandatory, voluntary */
	struct review_group body[REVIEW_MAX_GROUPS];
	int nbody;
	struct review_group level[REVIEW_MAX_GROUPS];
	int nlevel;
	int pending;    /* changes without a current approval */
	int returned;   /* changes returned in review */
};
int review_totals(tz_db *db, int64_t version, struct review_totals *t);

/* Approves a change of the draft, or returns it with a comment (required).
 * Whoever made a change cannot approve it (auth_approve).  0, or -1 with a
 * translated sentence in err. */
/* Whether the user may approve (approve != 0) or return changes of the
 * draft at all, before any change is named: 0, or -1 with the reason in
 * why.  review_decide asks the same, and also whether the change is the
 * approver's own. */
int review_may(tz_db *db, int approve, char *why, size_t len);
int review_decide(tz_db *db, const char *key, int approve, const char *comment,
                  char *err, size_t errlen);
/* Approves every change not yet decided; *n = how many.  Changes the
 * caller may not approve are left, and counted in *refused. */
int review_approve_all(tz_db *db, int *n, int *refused, char *err, size_t errlen);

/* Records the Council's decision on a change, inside the caller's
 * transaction (cycle_recommendations).  0 or -1. */
int review_record_council(tz_db *db, int64_t version, const char *key, int approved,
                          const char *comment);

#endif
