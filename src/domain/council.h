/* council — the forming stage of Order cl. 11: the register formed on the
 * basis of the National Council's recommendations.
 *
 * States.  Recording the recommendations (cycle_recommendations: protocol
 * number and date) moves the register version from "submitted" to
 * "recommended"; that opens the forming stage, which publication
 * (cycle_publish) closes.  Within it the version is held by the database's
 * triggers like a published one; the one way to change it is
 * council_apply, which carries out one item of the recommendations:
 *   approve   the Council approves a change as it stands;
 *   return    the change is undone: the published row comes back;
 *   amend     any column of a change's row is set as the item says (a level,
 *             a validity, the other section, a basis...);
 *   add       a profession the draft did not hold is added;
 *   exclude   a row is excluded from the register.
 * Each cites the item it carries out, which becomes the change's ground
 * (ground.h) and is logged.  For the one statement it runs, council_apply
 * lets the version be a draft again, inside its transaction: no other
 * writer can see it so.
 *
 * The 10 working days of cl. 11 run from the recommendations' date over the
 * whole stage (council_due). */
#ifndef TZ_COUNCIL_H
#define TZ_COUNCIL_H

#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "domain/cycle.h"
#include "domain/register.h"
#include "store/db.h"

enum council_action { COUNCIL_APPROVE, COUNCIL_RETURN, COUNCIL_AMEND, COUNCIL_ADD, COUNCIL_EXCLUDE };

/* "approve" ... "exclude" (also the translated words); 0 or -1. */
int council_action_parse(const char *s, enum council_action *out);
const char *council_action_name(enum council_action a);   /* "approve" ... */

/* One item of the recommendations to carry out. */
struct council_item {
	enum council_action action;
	const char *item;         /* its number or words as the protocol gives it; required */
	const char *text;         /* what it says; may be NULL */
	const char *key;          /* "CODE:LEVEL": the change or row (all but add) */
	/* amend: the columns to set (enum reg_col bits; COL_NAME sets both
	 * names, COL_BASIS both bases) and their new values in row;
	 * add: the whole row (its version is filled in). */
	unsigned set;
	struct reg_row row;
};

/* The version in the forming stage and its cycle (c may be NULL); 0 when
 * there is none. */
int64_t council_forming(tz_db *db, struct cycle *c);

/* May the person at the terminal record the Council's recommendations now
 * (a register is with the Council and the role allows)?  May they carry out
 * an item now (the forming stage is open and the role allows)?  0, or -1
 * with a translated sentence in why. */
int council_may_record(tz_db *db, char *why, size_t len);
int council_may_apply(tz_db *db, char *why, size_t len);

/* The day the register is due on the platform: 10 working days after the
 * recommendations (cl. 11); -1 when there is no forming stage. */
tz_day council_due(tz_db *db);

/* Carries out one item.  The key the change has afterwards (a level
 * amended moves it) goes to newkey when not NULL.  0, or -1 with a
 * translated sentence in err; nothing is written on a refusal. */
int council_apply(tz_db *db, const struct council_item *it, char *newkey, size_t keylen,
                  char *err, size_t errlen);

/* The items carried out in the forming stage, in order. */
struct council_done {
	char key[32], item[64], action[12], text[512], login[64], at[24];
};
typedef int (*council_done_fn)(void *ctx, const struct council_done *d);
int council_each_done(tz_db *db, int64_t version, council_done_fn fn, void *ctx);

#endif
