/* A small test harness: each CHECK prints "ok" or "FAIL" with its place;
 * main() ends with tz_test_done(), whose summary line tests/run.sh counts. */
#ifndef TZ_HARNESS_H
#define TZ_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tz_pass, tz_fail;

#define CHECK(cond, ...) do { \
	if (cond) { tz_pass++; } \
	else { tz_fail++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	CHECK(g_ && w_ && strcmp(g_, w_) == 0, "got \"%s\", want \"%s\"", g_ ? g_ : "(null)", w_); \
} while (0)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	CHECK(g_ == w_, "%s: got %lld, want %lld", #got, g_, w_); \
} while (0)

static inline int tz_test_done(void)
{
	printf("%d passed, %d failed\n", tz_pass, tz_fail);
	return tz_fail ? 1 : 0;
}

#endif
