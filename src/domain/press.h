/* press — the press release on a published register's changes (Order cl.
 * 12), in Kazakh and in Russian: drafted from the diff of the published
 * version against the one before it (what was added, removed, changed),
 * then edited by hand and kept.  Due 3 working days after placement. */
#ifndef TZ_PRESS_H
#define TZ_PRESS_H

#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "store/db.h"

/* The newest published version, whose release is written now; 0 if none. */
int64_t press_version(tz_db *db);

/* The release drafted from the diff, in lang ("kk" or "ru") whatever the
 * interface's language.  malloc'd; NULL on error. */
char *press_draft(tz_db *db, int64_t version, const char *lang);

/* The kept text, else the draft; *edited = 1 when kept.  malloc'd. */
char *press_text(tz_db *db, int64_t version, const char *lang, int *edited);

/* Keeps an edited text (the authorized body's).  0, or -1 with err. */
int press_save(tz_db *db, int64_t version, const char *lang, const char *text,
               char *err, size_t errlen);

/* Its deadline: 3 working days after the placement; -1 when not placed. */
tz_day press_due(tz_db *db, int64_t version);

/* Where and when the release was placed on the authorized body's internet
 * resource (cl. 12). */
struct press_placement {
	char date[11];          /* 'YYYY-MM-DD' */
	char place_kk[512];     /* an address or the page's name, in Kazakh */
	char place_ru[512];     /* and in Russian */
};

/* Records that the release of version was placed on date at the place given
 * in both languages (an address may be the same in both), replacing what
 * was recorded.  Refused, with the reason in err, for a version not
 * published, a date later than today or before the register's placement,
 * an empty place or one holding control characters, or a login that may
 * not edit the register.  0 or -1. */
int press_place(tz_db *db, int64_t version, tz_day date, const char *place_kk,
                const char *place_ru, char *err, size_t errlen);

/* The placement recorded for version: 1 and *out filled, 0 when none, -1
 * on a database error. */
int press_placement_of(tz_db *db, int64_t version, struct press_placement *out);

/* Russian plural form for n: one (1, 21), few (2-4, 22-24) or many. */
const char *press_ru_plural(long n, const char *one, const char *few, const char *many);

#endif
