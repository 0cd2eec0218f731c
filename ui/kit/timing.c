#include "kit/timing.h"

#include <curses.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "base/safefile.h"
#include "kit/screen.h"

static FILE *out;
static struct timespec t_start, t_key;
static long faults_key;
static int pending_key, key_pending, first_done;

/* The page faults the process has taken so far: a fresh page of memory
 * costs one, which on a busy host is worth counting with the time. */
static long faults(void)
{
	struct rusage u;
	return getrusage(RUSAGE_SELF, &u) ? 0 : u.ru_minflt + u.ru_majflt;
}

/* Before main, so that start-up counts everything the program does itself
 * (the loader's work before it is not ours to shorten). */
__attribute__((constructor)) static void timing_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &t_start);
}

static long long usec_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)(now.tv_sec - t->tv_sec) * 1000000 + (now.tv_nsec - t->tv_nsec) / 1000;
}

int timing_open(const char *path)
{
	/* The user's file: never with the program's group, never through a link. */
	out = userfile_log(path, 1);
	return out ? 0 : -1;
}

void timing_close(void)
{
	if (out)
		fclose(out);
	out = NULL;
}

void timing_key(int key)
{
	if (!out)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t_key);
	faults_key = faults();
	pending_key = key;
	key_pending = 1;
}

/* A name with no blanks, so a line splits on its one space: curses' name
 * for a function key, U+XXXX for a character. */
static void log_name(int key, char *buf, size_t len)
{
	if (key & UI_WIDE || key < KEY_MIN || key > KEY_MAX) {
		snprintf(buf, len, "U+%04X", (unsigned)(key & ~UI_WIDE));
		return;
	}
	const char *n = keyname(key);
	snprintf(buf, len, "%s", n ? n : "?");
}

void timing_drawn(void)
{
	if (!out)
		return;
	if (key_pending) {
		char name[64];
		log_name(pending_key, name, sizeof name);
		fprintf(out, "%s %lld %ld\n", name, usec_since(&t_key), faults() - faults_key);
		key_pending = 0;
	}
	if (!first_done) {
		fprintf(out, "first-screen %lld %ld\n", usec_since(&t_start), faults());
		first_done = 1;
	}
	fflush(out);
}

int timing_read_key(void)
{
	timing_drawn();
	int k = ui_read_key();
	if (k != ERR)
		timing_key(k);
	return k;
}
