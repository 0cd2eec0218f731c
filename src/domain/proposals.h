/* proposals — proposals stored and moved through their states (Order cl.
 * 6-9), every step kept as an event of its round:
 *
 *   association: draft -> sent -> returned (recommendations) -> sent ...
 *   sectoral body: draft | sent -> agreed (its sectoral council, cl. 7)
 *                  -> submitted (by 1 Feb / 1 Sep; later ones marked late)
 *   authorized body: submitted -> remarks (rework due 2 working days after
 *                  receipt, cl. 9) -> submitted ... -> accepted | rejected
 *                  -> applied to the cycle's draft register.
 *
 * A proposal that fails the completeness check (proposal_validate) cannot be
 * accepted.  Each step returns PR_OK; PR_REFUSED with a translated sentence
 * in err (wrong state, not allowed, database error); or, for accept,
 * PR_INCOMPLETE with the missing items in p. */
#ifndef TZ_PROPOSALS_H
#define TZ_PROPOSALS_H

#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "store/db.h"
#include "domain/proposal_check.h"

enum { PR_OK = 0, PR_REFUSED = -1, PR_INCOMPLETE = 1 };

/* Where a proposal stands (the steps above).  The database keeps the words
 * ("draft", "sent", ...); the code compares these, read once with the row. */
enum proposal_state {
	PS_DRAFT, PS_SENT, PS_RETURNED, PS_AGREED, PS_SUBMITTED, PS_REMARKS, PS_ACCEPTED,
	PS_REJECTED, PS_APPLIED, PS_NSTATES
};

/* The state's word in the database ("" for none), and as shown (translated). */
const char *proposals_state_name(enum proposal_state s);
const char *proposals_state_label(enum proposal_state s);
/* The state in a word, for a list's narrow column (translated). */
const char *proposals_state_short(enum proposal_state s);
/* The state a stored word names: 0, or -1 when it names none. */
int proposals_state_parse(const char *s, enum proposal_state *out);
/* Whether a proposal in state s may still be changed: draft, sent, returned,
 * agreed, remarks. */
int proposals_state_editable(enum proposal_state s);
/* An event of a proposal's history as shown: the state it led to
 * ("resubmitted" is submitted again); created and edited as they are. */
const char *proposals_event_label(const char *event);

struct proposal_rec {
	struct proposal pr;
	enum proposal_state state;
	int round;
	int late;
	char submitted[11];   /* 'YYYY-MM-DD' or "" */
	char author[64];
};

void proposal_rec_free(struct proposal_rec *r);

/* A body or an association by its code or number; 0 when none. */
int64_t proposals_body(tz_db *db, const char *code_or_id);

/* Stores a new proposal (pr.id == 0; state draft, round 1) or the rework of
 * one in a state that may be edited (draft, sent, returned, agreed, remarks).
 * Sets pr.id.  Content is not validated here: the completeness check comes
 * at review, and a draft may be saved half done. */
int proposals_save(tz_db *db, struct proposal_rec *r, char *err, size_t errlen);
int proposals_load(tz_db *db, int64_t id, struct proposal_rec *out);   /* 0 or -1 */

/* Calls fn for each proposal of the cycle (of body_id, when not 0), by id. */
typedef int (*proposals_fn)(void *ctx, const struct proposal_rec *r);
int proposals_each(tz_db *db, int64_t cycle, int64_t body_id, proposals_fn fn, void *ctx);

/* The history: each event with its round, date, who and comment. */
struct proposal_event {
	int round;
	const char *event, *date, *login, *comment;
	int late;
};
typedef int (*proposal_event_fn)(void *ctx, const struct proposal_event *e);
int proposals_history(tz_db *db, int64_t id, proposal_event_fn fn, void *ctx);

/* cl. 6: an employer association that proposes to a body (body 0: to
 * every body), added by that body's clerk or the authorized body.  Both
 * names are required.  Sets *id.  PR_OK or PR_REFUSED. */
int proposals_association_add(tz_db *db, int64_t body, const char *name_kk, const char *name_ru,
                              int64_t *id, char *err, size_t errlen);

/* Association <-> sectoral body (cl. 6). */
int proposals_send(tz_db *db, int64_t id, tz_day date, char *err, size_t errlen);
int proposals_return(tz_db *db, int64_t id, tz_day date, const char *comment, char *err, size_t errlen);

/* cl. 7: the sectoral council's agreement of the body's proposals for the
 * cycle (recorded again, it replaces the earlier record); the body's
 * proposals in hand become agreed.  *n = how many. */
int proposals_agree(tz_db *db, int64_t cycle, int64_t body, tz_day date, const char *protocol,
                    int *n, char *err, size_t errlen);
/* cl. 7: the agreed ones go to the authorized body; *late when after the
 * deadline (then still submitted, marked late). */
int proposals_submit(tz_db *db, int64_t cycle, int64_t body, tz_day date, int *n, int *late,
                     char *err, size_t errlen);

/* cl. 9: remarks received on a date; *due = the rework deadline. */
int proposals_remarks(tz_db *db, int64_t id, tz_day received, const char *text_kk,
                      const char *text_ru, tz_day *due, char *err, size_t errlen);
/* The reworked proposal back to the authorized body; *late when after the
 * remarks' deadline. */
int proposals_resubmit(tz_db *db, int64_t id, tz_day date, int *late, char *err, size_t errlen);
int proposals_accept(tz_db *db, int64_t id, tz_day date, struct problems *p, char *err, size_t errlen);
int proposals_reject(tz_db *db, int64_t id, tz_day date, const char *comment, char *err, size_t errlen);

/* The steps of a proposal as the screens offer them (Order cl. 6-9). */
enum proposal_step {
	PSTEP_SEND, PSTEP_RETURN, PSTEP_AGREE, PSTEP_SUBMIT, PSTEP_CHECK, PSTEP_ACCEPT,
	PSTEP_REMARKS, PSTEP_RESUBMIT, PSTEP_REJECT, PSTEP_APPLY, PSTEP_EDIT, PSTEP_N
};
/* Whether the person at the terminal may take proposal id through step now
 * (its state, its body, their role): the rule the step itself enforces.
 * 0, or -1 with a translated sentence in err saying why not.  The check of
 * completeness is only read, so it is anyone's. */
int proposals_may(tz_db *db, int64_t id, enum proposal_step step, char *err, size_t errlen);
/* Whether they may enter a new proposal in cycle: it is open (not yet
 * published) and their role enters proposals.  0, or -1 with why. */
int proposals_may_create(tz_db *db, int64_t cycle, char *err, size_t errlen);

/* Applies an accepted proposal to its cycle's draft register: include adds
 * one row per level, exclude removes the code's rows, amend makes the code's
 * rows those of the proposal; each row keeps proposal_id.  With p, the rows'
 * problems are listed there. */
int proposals_apply(tz_db *db, int64_t id, struct problems *p, char *err, size_t errlen);

#endif
