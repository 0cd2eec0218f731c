/* exportview — what the export form offers: the register's versions, the
 * draft first, then the others newest first, each with its state and the
 * date that matters for it (published, submitted, or created). */
#ifndef TZ_EXPORTVIEW_H
#define TZ_EXPORTVIEW_H

#include <stdint.h>

#include "store/db.h"

struct exportview_version {
	int64_t id;
	char state[16];        /* as the database keeps it: "draft", "published", ... */
	char date[11];         /* YYYY-MM-DD, or "" */
};

/* Up to max versions into out; returns how many, or -1 on a database error. */
int exportview_versions(tz_db *db, struct exportview_version *out, int max);

/* The index in v[0..n) of the version `tizilim export` writes by default
 * (the draft, else the newest published); 0 when there is none of them. */
int exportview_default(tz_db *db, const struct exportview_version *v, int n);

#endif
