/* calendar_edit — the clerk's changes to the working-day calendar: a day
 * made a day off or a working day by decree, an override removed, and the
 * date of Kurban ait for a year (calendar_day rows; holiday rules are data).
 * Each is one transaction, checked with auth_edit_reference first and logged
 * by the schema's triggers.  0, or -1 with a translated sentence in why. */
#ifndef TZ_CALENDAR_EDIT_H
#define TZ_CALENDAR_EDIT_H

#include <stddef.h>

#include "store/db.h"

enum cal_edit { CAL_EDIT_OFF, CAL_EDIT_WORK, CAL_EDIT_CLEAR };

/* date is 'YYYY-MM-DD' as typed; a malformed one is refused and named. */
int cal_edit_day(tz_db *db, const char *date, enum cal_edit what, char *why, size_t len);

/* Makes date the first day of Kurban ait in its year, replacing the year's
 * earlier date if there was one. */
int cal_edit_kurban(tz_db *db, const char *date, char *why, size_t len);

/* The year's Kurban ait date into buf (11 bytes), or "" when not set. */
void cal_kurban_of(tz_db *db, int year, char *buf);

#endif
