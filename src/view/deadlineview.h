/* deadlineview — what the deadlines screen shows, without the screen: the
 * cycle on view, where each deadline stands in words, the open remarks of
 * the cycle with their rework deadlines (cl. 9), and per sectoral body its
 * proposals and whether they are submitted (cl. 7).
 *
 * Names of bodies come in the language asked for (NULL: the interface's
 * now); the words (statuses, dates' weekdays) in the interface's language at
 * the moment of the call, so a screen asks again after a switch. */
#ifndef TZ_DEADLINEVIEW_H
#define TZ_DEADLINEVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "domain/deadlines.h"
#include "store/db.h"

/* The cycle on its way (*id its row), else the one the calendar is in at
 * today (*id 0: no cycle is open). */
void dlview_cycle(tz_db *db, tz_day today, int64_t *id, int *year, enum dl_season *season);

/* A day as shown: "2026-09-14 Monday", with the holiday's name in
 * parentheses when it has one; "-" when d < 0. */
void dlview_date(const tz_calendar *cal, tz_day d, char *buf, size_t len);

/* Where a deadline stands at today, in words ("due in 3 working days",
 * "overdue by 2 working days", "done, 5 working days late", ...); returns 1
 * when it is overdue or was done late (what the screen draws in the alert
 * colour), else 0. */
int dlview_status(const tz_calendar *cal, const struct dl_item *it, tz_day today,
                  char *buf, size_t len);

/* Why a date deadline is not on the date the Order names, in words
 * ("2026-02-01, Sunday, is a day off: the term ends on the next working
 * day"); "" and 0 when it is on that date, else 1. */
int dlview_moved(const tz_calendar *cal, const struct dl_item *it, char *buf, size_t len);

/* The newest cycle placed on the platform whose press release's placement
 * is not recorded yet: 1 with its deadlines in out, 0 when there is none
 * (or on a database error). */
int dlview_press_pending(tz_db *db, const tz_calendar *cal, struct dl_cycle *out);

/* The cycle before (step -1) or after (+1) year/season, in place. */
void dlview_cycle_step(int *year, enum dl_season *season, int step);

/* An open remark: its proposal, when it came and when the rework is due. */
struct dlview_remark {
	int64_t proposal;
	char code[32];        /* the proposal's NKZ code */
	char received[32];    /* 'YYYY-MM-DD' as stored */
	tz_day due;           /* -1 when the stored date does not read */
	char status[128];     /* as dlview_status says it */
	int alert;            /* overdue */
};

/* The cycle's open remarks, the most pressing (earliest due) first: the
 * first max of them into out.  Returns how many there are in all (those
 * past max are only counted), or -1 on a database error. */
int dlview_remarks(tz_db *db, const tz_calendar *cal, int64_t cycle, tz_day today,
                   struct dlview_remark *out, int max);

/* A sectoral body's line under the steps.  The strings live until the
 * callback returns. */
struct dlview_body {
	int64_t id;
	const char *name;        /* short name, in the language asked for */
	int proposals;           /* its proposals in the cycle */
	const char *submitted;   /* the first submission, 'YYYY-MM-DD', or "" */
	int late;                /* a submission came after the cl. 7 deadline */
	const char *agreed;      /* its council's agreement "date, protocol", or "" */
	const char *state;       /* where it stands, in words */
	int alert;               /* submitted late, or not by a passed deadline */
};
typedef int (*dlview_body_fn)(void *ctx, const struct dlview_body *b);

/* Calls fn for each sectoral body (not the authorized one) in the alphabet
 * of lang, with its standing in cycle at today against prop_due, the cl. 7
 * deadline.  fn returns non-zero to stop.  Returns how many bodies were
 * passed to fn, or -1 on a database error. */
int dlview_bodies(tz_db *db, int64_t cycle, tz_day today, tz_day prop_due, const char *lang,
                  dlview_body_fn fn, void *ctx);

#endif
