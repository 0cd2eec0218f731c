/* proposalview — what the proposals screen shows, without the screen: a
 * cycle's proposals (of one body or of all) in the order they came (by id),
 * each with its state, round, late mark, the rework deadline of its open
 * remark, the profession and the body named in the language asked for; the
 * remarks of one proposal; and which cycle and which body come next as the
 * clerk pages through them.  lang is "kk" or "ru", NULL for the
 * interface's language now. */
#ifndef TZ_PROPOSALVIEW_H
#define TZ_PROPOSALVIEW_H

#include <stdint.h>

#include "domain/calendar.h"
#include "domain/proposals.h"
#include "store/db.h"

struct propview_row {
	int64_t id, body_id;
	enum proposal_state state;
	enum proposal_action action;
	char code[16];        /* NKZ code */
	char levels[40];      /* "4,5" */
	int round;
	int late;             /* submitted or resubmitted after its deadline */
	char due[11];         /* the rework deadline of the newest open remark, or "" */
	int due_passed;       /* today is past that deadline */
	char *name;           /* the profession */
	char body[128];       /* the body's short name, "?" when it is gone */
};

/* The rows belong to the list; propview_free releases them. */
struct propview_list { struct propview_row *r; int n, cap; };

/* Reads the proposals of cycle (0: none; the list is empty), of body when
 * not 0, as they stand at today.  0, or -1 when not all could be read (the
 * list holds those that were). */
int propview_load(tz_db *db, int64_t cycle, int64_t body, const char *lang, tz_day today,
                  struct propview_list *out);
void propview_free(struct propview_list *l);

/* A remark on a proposal; the detail shows both languages' texts. */
struct propview_remark {
	const char *received, *due;   /* 'YYYY-MM-DD' */
	const char *text_kk, *text_ru;
	int reworked;                 /* answered by a resubmission */
	int overdue;                  /* open, and today is past due */
};
typedef int (*propview_remark_fn)(void *ctx, const struct propview_remark *r);

/* Calls fn for each remark on the proposal, oldest first (fn returns
 * non-zero to stop).  Returns how many were passed, or -1 on a database
 * error. */
int propview_remarks(tz_db *db, int64_t proposal, tz_day today, propview_remark_fn fn, void *ctx);

/* The cycle the screen opens on: the one on its way, else the newest; 0
 * when there is none. */
int64_t propview_first_cycle(tz_db *db);
/* The cycle just before (older) or after cycle in time; 0 when none. */
int64_t propview_next_cycle(tz_db *db, int64_t cycle, int older);
/* The next body after body (by id) with proposals in cycle; 0 after the
 * last (all bodies again); -1 on a database error. */
int64_t propview_next_body(tz_db *db, int64_t cycle, int64_t body);

#endif
