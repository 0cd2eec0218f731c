/* ground — why each change of a draft was made (Order cl. 10, 11).
 *
 * A change of a draft against the published register is named, as the
 * review names it, by the row's code and level ("CODE:LEVEL").  It holds one
 * or more grounds: an accepted proposal of a sectoral body, an item of the
 * National Council's recommendations, or a technical correction by the
 * authorized body with its written reason (a typo in a name, an act
 * renamed).  A change that holds none is a defect that check reports; a
 * register with no published version before it (the first one loaded) has
 * no changes to trace.
 *
 * Grounds are recorded by what makes the change (proposals_apply, the
 * Council's amendments in council.c, ground_correct), inside its
 * transaction, and read by every place a change is shown: the review, the
 * row detail, the review pack, the command line. */
#ifndef TZ_GROUND_H
#define TZ_GROUND_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

enum ground_kind { GROUND_PROPOSAL, GROUND_COUNCIL, GROUND_CORRECTION };

struct ground {
	enum ground_kind kind;
	int64_t proposal_id;      /* GROUND_PROPOSAL */
	char body[16];            /* the proposal's body's code ("" otherwise) */
	char item[64];            /* GROUND_COUNCIL: the recommendation's item */
	char protocol[64];        /* GROUND_COUNCIL: the protocol it is in */
	char action[12];          /* GROUND_COUNCIL: approve, return, amend, add, exclude */
	char text[512];           /* the item's words, or the correction's reason */
	char login[64];           /* who recorded it */
};

#define GROUND_MAX 8
struct ground_set {
	struct ground g[GROUND_MAX];
	int n;
};

/* The grounds of the change (code, level) of version, oldest first.  0 or -1. */
int ground_of(tz_db *db, int64_t version, const char *code, const char *level,
              struct ground_set *out);

/* One line, translated, naming the ground: "proposal 12 (industry)",
 * "Council's recommendation, protocol 3, item 2: ...", "technical correction:
 * ...".  Returns buf. */
const char *ground_label(const struct ground *g, char *buf, size_t len);
/* All of a change's grounds joined by "; ", or the translated "no ground"
 * when it has none.  Returns buf. */
const char *ground_summary(const struct ground_set *s, char *buf, size_t len);

/* Records a ground inside the caller's transaction.  item and text may be
 * NULL.  0 or -1. */
int ground_record(tz_db *db, int64_t version, const char *code, const char *level,
                  enum ground_kind kind, int64_t proposal_id, const char *item,
                  const char *text, const char *action);
/* The grounds of (code, from_level) hold for (code, to_level) too: a level
 * the Council amended is the same change under another key.  0 or -1. */
int ground_carry(tz_db *db, int64_t version, const char *code, const char *from_level,
                 const char *to_level);

/* A technical correction of the draft: the change key ("CODE:LEVEL") gets
 * the written reason as its ground.  Refused for a key that is not a change
 * of the draft, without a reason, or to a user who may not edit the
 * register.  0, or -1 with a translated sentence in err. */
int ground_correct(tz_db *db, const char *key, const char *reason, char *err, size_t errlen);

/* Calls fn for each change of version (against its base) that has no
 * ground, with its key; stops on non-zero.  Returns how many were found, or
 * -1 on a database error.  A version with no published base has none. */
typedef int (*ground_missing_fn)(void *ctx, const char *key);
int ground_missing(tz_db *db, int64_t version, ground_missing_fn fn, void *ctx);

#endif
