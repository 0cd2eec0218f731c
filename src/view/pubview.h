/* pubview — what a publication is about to do, in words, for the clerk to
 * confirm before anything is written: the version and its cycle, the day of
 * placement, the rows added, excluded and amended in each section, and the
 * changes still returned or not decided.  The words are in the interface's
 * language at the moment of the call. */
#ifndef TZ_PUBVIEW_H
#define TZ_PUBVIEW_H

#include <stddef.h>

#include "domain/calendar.h"
#include "domain/cycle.h"

/* The summary of p (placed on date), lines ended by '\n', into buf;
 * returns buf. */
char *pubview_text(const struct cycle_pub *p, tz_day date, char *buf, size_t len);

#endif
