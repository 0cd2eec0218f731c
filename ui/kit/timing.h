/* timing — the interface's own stopwatch, for `--timing FILE` (make bench).
 * One line per key: its name, the microseconds from reading it to the end
 * of the screen update that follows, and the page faults taken meanwhile;
 * and once, "first-screen", the microseconds from process start to the
 * first drawn screen and the page faults taken until then.  Off (and free)
 * unless timing_open() succeeded. */
#ifndef TZ_TIMING_H
#define TZ_TIMING_H

/* Starts writing to path (truncated).  0, or -1 with errno set. */
int timing_open(const char *path);
void timing_close(void);

/* A key was read; the clock runs until timing_drawn(). */
void timing_key(int key);
/* The screen is up to date: ends the pending key's line, and the first time
 * writes the start-up line. */
void timing_drawn(void);

/* ui_read_key, timed: every loop draws before it reads, so the key before
 * this one has been handled and its screen updated, in the main loop, a
 * form or a picker alike; the clock then runs for the key read. */
int timing_read_key(void);

#endif
