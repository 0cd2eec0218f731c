/* cycle — a spring or autumn cycle (SPEC §2) and its register version on the
 * way to publication: draft -> submitted to the National Council (cl. 10)
 * -> recommendations recorded (cl. 11) -> published (placed on the
 * platform, cl. 11-12).  A published version is read-only and the next draft
 * starts from it.
 *
 * Every step takes the date it happened on, so that a clerk can record a
 * step the day after and the deadlines still count from the real day.  Each
 * step returns 0, or -1 with a translated sentence in err saying what was
 * refused and why (out of order, not allowed, database error). */
#ifndef TZ_CYCLE_H
#define TZ_CYCLE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "store/db.h"
#include "domain/deadlines.h"

struct cycle {
	int64_t id;
	int year;
	enum dl_season season;
	char council_sub[11];   /* 'YYYY-MM-DD' or "" */
	char council_rec[11];
	char protocol[64];      /* of the Council's recommendations */
	char placed[11];
	int64_t version;        /* its register version, 0 when none yet */
	char state[12];         /* that version's state, "" when none */
};

/* "spring" / "autumn" (also the translated words); 0 or -1. */
int cycle_season_parse(const char *s, enum dl_season *out);
const char *cycle_season_name(enum dl_season s);   /* "spring" / "autumn" */
const char *cycle_season_label(enum dl_season s);  /* translated */
/* "spring 2027", translated, into buf. */
char *cycle_title(const struct cycle *c, char *buf, size_t len);

/* Opens a cycle.  The draft register becomes this cycle's (one is started
 * from the published register when there is none), unless the draft still
 * belongs to an earlier cycle that has not been published: then it passes to
 * this one at that publication.  Returns the cycle's id, 0 on refusal. */
int64_t cycle_open(tz_db *db, int year, enum dl_season season, char *err, size_t errlen);
int64_t cycle_find(tz_db *db, int year, enum dl_season season);
/* The newest cycle not yet placed on the platform; 0 when none. */
int64_t cycle_current(tz_db *db);
/* The cycle whose register is on its way (draft, submitted or recommended). */
int64_t cycle_forming(tz_db *db);
int cycle_load(tz_db *db, int64_t id, struct cycle *out);   /* 0 or -1 */
/* Calls fn for each cycle, newest first; stops on non-zero and returns it. */
typedef int (*cycle_fn)(void *ctx, const struct cycle *c);
int cycle_each(tz_db *db, cycle_fn fn, void *ctx);
/* Its deadlines, from the recorded dates. */
int cycle_deadlines(tz_db *db, const tz_calendar *cal, const struct cycle *c,
                    struct dl_cycle *out);

/* cl. 10: the draft goes to the Council.  Refused while a change of the draft
 * is not approved in review (review.h).  *late is set when after 1 April /
 * 1 November. */
int cycle_council_submit(tz_db *db, tz_day date, int *late, char *err, size_t errlen);

/* cl. 11: the Council's recommendations, with the changes (keys "CODE:LEVEL",
 * as review.h names them) it returned; the rest are approved.  The register is
 * formed accordingly: a returned change is undone (the published row comes
 * back).  *undone = how many were. */
int cycle_recommendations(tz_db *db, tz_day date, const char *protocol,
                          const char *const *returned, int nreturned, const char *comment,
                          int *undone, char *err, size_t errlen);

/* cl. 11: the formed register is placed on the platform and becomes the
 * published version, its seal recorded in the change log (seal.h); a new
 * draft starts from it.  *late when more than 10 working days after the
 * recommendations. */
int cycle_publish(tz_db *db, tz_day date, int *late, char *err, size_t errlen);
/* Every check cycle_publish makes (the version, the date, the role), with
 * nothing written: run before anything publication does first, such as its
 * backup.  0, or -1 with the reason in err. */
int cycle_publish_check(tz_db *db, tz_day date, char *err, size_t errlen);

/* What a publication on date would publish: the version and its cycle, the
 * rows added, excluded and amended per section (0 mandatory, 1 voluntary)
 * against the published register, and the changes still returned or not
 * decided in review. */
struct cycle_pub {
	int64_t version;
	struct cycle cycle;
	int added[2], removed[2], changed[2];
	int returned, pending;
};
/* Runs every check cycle_publish makes (cycle_publish_check) and fills out;
 * nothing is written.  0, or -1 with the reason in err. */
int cycle_publish_preview(tz_db *db, tz_day date, struct cycle_pub *out, char *err, size_t errlen);

/* The state of a cycle's register version (struct cycle's state: draft,
 * submitted, recommended, published) by its label, translated; "" reads
 * "no register version yet". */
const char *cycle_state_label(const char *state);

/* The steps of the cycle as the screens offer them. */
enum cycle_step { CSTEP_OPEN, CSTEP_COUNCIL, CSTEP_RECOMMEND, CSTEP_PUBLISH, CSTEP_PRESS,
                  CSTEP_PRESS_LOAD };
/* Whether the person at the terminal may take step now: their role, and
 * where the register stands (a draft to submit, a register with the
 * Council, one formed to publish).  The step checks more when it runs (the
 * review, the dates).  0, or -1 with a translated sentence in err. */
int cycle_may(tz_db *db, enum cycle_step step, char *err, size_t errlen);

/* Undoes a change of version v (a draft) to the row code at level: the
 * draft's row goes and base's, if it has one, comes back.  0, or an SQLite
 * error code.  Used by the Council's returns and the cycle's. */
int cycle_undo_change(tz_db *db, int64_t v, int64_t base, const char *code, const char *level);

#endif
