/* pkgchoice — what the package export form offers to choose: the sectoral
 * bodies whose proposals go into a package, and for a body the cycles it
 * has proposals in.  A clerk of a sectoral body is offered their own body
 * only; anyone else every sectoral body that has proposals, in the Order's
 * order (the ids), which does not move when the language does.  Whether
 * they may export it at all is package_export's to say. */
#ifndef TZ_PKGCHOICE_H
#define TZ_PKGCHOICE_H

#include <stdint.h>

#include "store/db.h"

struct pkgchoice_body {
	int64_t id;
	char code[64];        /* as the package and its default file name use it */
	char name[160];       /* the short name, in the language asked for */
};

struct pkgchoice_cycle {
	int year;
	char season[8];       /* "spring" | "autumn" */
};

/* Up to max bodies into out, names in lang (NULL: the interface's language
 * now); *own is set when the user is a sectoral body's clerk (out then holds
 * their body).  Returns how many, or -1 on a database error. */
int pkgchoice_bodies(tz_db *db, const char *lang, struct pkgchoice_body *out, int max, int *own);

/* Names the n bodies of b again in lang, after a switch. */
void pkgchoice_rename(tz_db *db, const char *lang, struct pkgchoice_body *b, int n);

/* Up to max cycles in which body has proposals into out, newest first (in a
 * year, autumn before spring).  Returns how many, or -1 on a database
 * error. */
int pkgchoice_cycles(tz_db *db, int64_t body, struct pkgchoice_cycle *out, int max);

#endif
