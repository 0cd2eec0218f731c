/* problem — what validation found, each item naming its field, already in the
 * user's language. */
#ifndef TZ_PROBLEM_H
#define TZ_PROBLEM_H

#include "base/debuglog.h"

#define TZ_MAX_PROBLEMS 24

struct problem {
	const char *field;   /* a field key: "nkz_code", "basis_kk", ... (untranslated) */
	char msg[320];       /* translated, names the field */
};

struct problems {
	int n;
	struct problem item[TZ_MAX_PROBLEMS];
};

void problems_add(struct problems *p, const char *field, const char *fmt, ...) TZ_PRINTF(3, 4);
/* The message for a field, or NULL. */
const char *problems_for(const struct problems *p, const char *field);

#endif
