/* problem — what validation found, each item naming its field, already in the
 * user's language. */
#ifndef TZ_PROBLEM_H
#define TZ_PROBLEM_H

#include "base/debuglog.h"

#define TZ_MAX_PROBLEMS 24
/* Room for any one message whole: the longest one-line message of the
 * catalogs is under 400 bytes (Russian and Kazakh take two bytes a letter),
 * and a field's value or name quoted in it adds less than the rest;
 * test_problem checks the bound against the catalogs. */
#define TZ_PROBLEM_MSG 1024

struct problem {
	const char *field;   /* a field key: "nkz_code", "basis_kk", ... (untranslated) */
	char msg[TZ_PROBLEM_MSG];   /* translated, names the field */
};

struct problems {
	int n;
	struct problem item[TZ_MAX_PROBLEMS];
};

void problems_add(struct problems *p, const char *field, const char *fmt, ...) TZ_PRINTF(3, 4);
/* The message for a field, or NULL. */
const char *problems_for(const struct problems *p, const char *field);

#endif
