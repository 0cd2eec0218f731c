/* sessionview — who is working and where the cycle stands, in words for a
 * screen's status line: "aigul (sectoral body, Минздрав)" and
 * "spring 2026: draft".  Read from the store at each call, so a line drawn
 * from them follows every step taken meanwhile (a publication, a new
 * user's role) without a restart. */
#ifndef TZ_SESSIONVIEW_H
#define TZ_SESSIONVIEW_H

#include <stddef.h>

#include "store/db.h"

/* The login, a short word for the role and, for a sectoral body's clerk,
 * the body's short name, translated, into buf.  Returns buf. */
char *sessionview_who(tz_db *db, char *buf, size_t len);
/* The cycle on its way (or the last one) and the stage of its register,
 * translated, into buf; "no cycle is open" when there is none.  Returns buf. */
char *sessionview_stage(tz_db *db, char *buf, size_t len);

#endif
