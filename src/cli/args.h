/* args — a command's own arguments, for the commands that take them in
 * any order: "--key value" pairs (a flag takes no value) and the words
 * between them; and what some of them name: a date, a register version, a
 * cycle.  Every refusal is said on standard error, naming the command.
 *
 *   struct args a;
 *   if (args_parse(argc, argv, 2, &a, " all ") || args_only("review", &a, " all comment "))
 *       return EXIT_USAGE;
 *   const char *comment = args_get(&a, "comment");
 *
 * Keys, values and words point into argv. */
#ifndef TZ_CLI_ARGS_H
#define TZ_CLI_ARGS_H

#include <stdint.h>

#include "domain/calendar.h"
#include "store/db.h"

enum { ARGS_MAX = 48, ARGS_WORDS = 8 };

struct args {
	const char *key[ARGS_MAX];   /* without the "--" */
	const char *val[ARGS_MAX];   /* "" for a flag */
	int n;
	const char *word[ARGS_WORDS];
	int nwords;
};

/* Reads argv[from...] into a; flags names the keys that take no value, as
 * " a b ".  0, or -1 when a value is missing or there are too many. */
int args_parse(int argc, char **argv, int from, struct args *a, const char *flags);

/* The value of the last --k given, or NULL. */
const char *args_get(const struct args *a, const char *k);

/* Refuses an option the command does not know (allowed: " a b c ").  0,
 * or -1. */
int args_only(const char *cmd, const struct args *a, const char *allowed);

/* --date as a day, today when it is not given.  0, or -1 when it is not
 * a date. */
int args_date(const char *cmd, const struct args *a, tz_day *d);

/* A register version named by a word: its number, "draft" or "published";
 * 0 when there is no such version (nothing said). */
int64_t args_version(tz_db *db, const char *word);

/* The cycle words w and w + 1 name (YEAR SEASON), or without them the
 * one open now; 0 when there is none. */
int64_t args_cycle(tz_db *db, const char *cmd, const struct args *a, int w);

#endif
