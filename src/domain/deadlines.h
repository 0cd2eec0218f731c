/* deadlines — the steps of a cycle and when each is due (SPEC §2; Order
 * cl. 7, 9, 10, 11, 12).
 *
 * Two cycles a year.  Spring: proposals due 1 February, the register to the
 * National Council by 1 April.  Autumn: 1 September and 1 November.  A date
 * deadline is inclusive; when its date is a day off it ends on the next
 * working day (the Civil Code's rule for a term whose last day is not a
 * working day).  "N working days after X" is the N-th working day after
 * the day of X.
 *
 * The cycle current at a date D of year Y: up to 1 April, the spring cycle of
 * Y; from 2 April to 1 November, the autumn cycle of Y; after 1 November, the
 * spring cycle of Y + 1.  So a cycle runs until its Council submission, and
 * the next one begins the day after: that is when the sectoral bodies start
 * preparing the next proposals.  The steps after the Council (placement,
 * press release) stay listed with their own cycle, whose dates are recorded
 * in the cycle table (the press release's in press_placement).
 *
 * A step done is "done" when done by its deadline, else done so many
 * working days late; the day it was done is known for the proposals (the
 * last sectoral body's first submission), the Council submission, the
 * placement and the press release's placement. */
#ifndef TZ_DEADLINES_H
#define TZ_DEADLINES_H

#include "domain/calendar.h"
#include "store/db.h"

enum dl_season { DL_SPRING, DL_AUTUMN };

enum dl_step {
	DL_PROPOSALS,   /* cl. 7: proposals agreed with the sectoral councils */
	DL_REMARKS,     /* cl. 9: rework after remarks, 2 working days */
	DL_COUNCIL,     /* cl. 10: register submitted to the National Council */
	DL_PLACED,      /* cl. 11: register placed, 10 working days after recs */
	DL_PRESS,       /* cl. 12: press release, 3 working days after placement */
	DL_NSTEPS
};

enum dl_status {
	DL_NOT_RECORDED,  /* counted from a date not recorded yet */
	DL_PER_ITEM,      /* counted per remark: no one date for the cycle */
	DL_DONE,          /* the database records the step as done, in time or
	                     on a day not known */
	DL_DONE_LATE,     /* done after its deadline: see left */
	DL_OVERDUE,       /* past its deadline and not recorded as done */
	DL_PASSED,        /* past its deadline; nothing here records whether done */
	DL_TODAY,         /* due today */
	DL_DUE            /* due later: see left */
};

struct dl_item {
	enum dl_step step;
	const char *clause;    /* "7", "9"... */
	const char *what;      /* untranslated msgid: pass through _() */
	int after;             /* N working days after the start; 0 = a date */
	tz_day start;          /* the start date, -1 when not recorded */
	tz_day due;            /* -1 when not computable; a working day */
	tz_day nominal;        /* the date the Order names (date deadlines), or due */
	int done;              /* recorded as done */
	tz_day done_on;        /* the day it was done, -1 when not known */
	int on_day_off;        /* nominal is a day off: due moved to the next
	                          working day (date deadlines only) */
};

struct dl_cycle {
	int year;
	enum dl_season season;
	tz_day council_rec;    /* -1 when not recorded */
	tz_day placed;         /* -1 when not recorded */
	tz_day press_placed;   /* the press release's placement, -1 when not recorded */
	int submitted;         /* a register version of the cycle went to the Council */
	struct dl_item items[DL_NSTEPS];
};

/* The cycle current at d (see above). */
void deadline_cycle_at(tz_day d, int *year, enum dl_season *season);

/* Fills out for the cycle from its recorded dates (-1 = not recorded). */
void deadline_cycle(const tz_calendar *c, int year, enum dl_season season,
                    tz_day council_rec, tz_day placed, struct dl_cycle *out);

/* As deadline_cycle, with the dates recorded in the cycle table (none when
 * the cycle has no row).  Returns 0, or -1 on a database error. */
int deadline_cycle_load(tz_db *db, const tz_calendar *c, int year,
                        enum dl_season season, struct dl_cycle *out);

/* Marks a step done on day on (-1: the day is not known). */
void deadline_done(struct dl_cycle *cy, enum dl_step step, tz_day on);

/* The deadline of a date step: date itself when a working day, else the
 * next working day after it. */
tz_day deadline_on_workday(const tz_calendar *c, tz_day date);

/* A recorded event (a submission, the Council's recommendations, a
 * placement) happened on day d: refused with the reason in err when d is
 * later than today.  0 or -1. */
int deadline_check_past(tz_day d, char *err, size_t errlen);

/* Marks a step done on day on (-1: the day is not known). */
void deadline_done(struct dl_cycle *cy, enum dl_step step, tz_day on);

/* The deadline of a date step: date itself when a working day, else the
 * next working day after it. */
tz_day deadline_on_workday(const tz_calendar *c, tz_day date);

/* A recorded event (a submission, the Council's recommendations, a
 * placement) happened on day d: refused with the reason in err when d is
 * later than today.  0 or -1. */
int deadline_check_past(tz_day d, char *err, size_t errlen);

/* cl. 9: rework after remarks received on day r is due 2 working days after. */
tz_day deadline_remarks(const tz_calendar *c, tz_day received);

/* Where an item stands at day today; *left = working days from today
 * (exclusive) to the deadline (inclusive) for DL_DUE, the working days
 * from the deadline (exclusive) to the day it was done (inclusive) for
 * DL_DONE_LATE, else 0. */
enum dl_status deadline_status(const tz_calendar *c, const struct dl_item *it,
                               tz_day today, int *left);

#endif
