/* The progress line on standard error: see cli_progress.h. */
#include "cli/cli_progress.h"

#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"

enum { PROGRESS_EVERY_MS = 100 };

static struct {
	int on;                  /* begun, and standard error is a terminal */
	int shown;               /* the line is on the terminal now */
	struct timespec drawn;   /* when it was last written */
	char what[256];          /* what it said was being done */
} progress;

void cli_progress_begin(void)
{
	progress.on = isatty(STDERR_FILENO);
	progress.shown = 0;
	progress.drawn = (struct timespec){0, 0};
	progress.what[0] = 0;
}

void cli_progress_clear(void)
{
	if (!progress.shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	progress.shown = 0;
}

void cli_progress_end(void)
{
	cli_progress_clear();
	progress.on = 0;
}

/* Whether a tenth of a second has gone since the line was last written;
 * the first report, a new stage's and a stage's last (done == total) are
 * always written. */
static int progress_due(const char *what, long done, long total)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - progress.drawn.tv_sec) * 1000 +
	          (now.tv_nsec - progress.drawn.tv_nsec) / 1000000;
	int same = !strncmp(what, progress.what, sizeof progress.what - 1);
	if (progress.shown && same && ms < PROGRESS_EVERY_MS && !(total && done == total))
		return 0;
	progress.drawn = now;
	snprintf(progress.what, sizeof progress.what, "%s", what);
	return 1;
}

/* 100000 as "100 000", as both languages group digits. */
static void progress_number(long n, char *buf, size_t len)
{
	char digits[32];
	int k = snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n), o = 0;
	for (int i = 0; i < k && o + 2 < (int)len; i++) {
		if (i && (k - i) % 3 == 0)
			buf[o++] = ' ';
		buf[o++] = digits[i];
	}
	buf[o] = 0;
}

/* Writes text over the line, cut to the terminal's width so that it never
 * wraps (a wrapped line could not be taken back with "\r"). */
static void progress_put(const char *text)
{
	struct winsize ws;
	int cols = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
	size_t fit = text_fit(text, cols - 1);
	fputs("\r", stderr);
	fwrite(text, 1, fit, stderr);
	fputs("\033[K", stderr);
	fflush(stderr);
	progress.shown = 1;
}

static int progress_percent(long done, long total)
{
	if (total <= 0 || done <= 0)
		return 0;
	return done >= total ? 100 : (int)(done * 100.0 / total);
}

int cli_progress_rows(const char *what, long done, long total)
{
	if (!progress.on || !progress_due(what, done, total))
		return 0;
	char line[512], d[40], t[40];
	progress_number(done, d, sizeof d);
	progress_number(total, t, sizeof t);
	if (total > 0)
		/* TRANSLATORS: the progress line on the terminal: what is being done,
		 * rows done of all, the percentage */
		snprintf(line, sizeof line, ngettext("%s: %s of %s row (%d%%)", "%s: %s of %s rows (%d%%)",
		                                     (unsigned long)total),
		         what, d, t, progress_percent(done, total));
	else
		snprintf(line, sizeof line, ngettext("%s: %s row", "%s: %s rows", (unsigned long)done),
		         what, d);
	progress_put(line);
	return 0;
}

int cli_progress_part(const char *what, long done, long total)
{
	if (!progress.on || !progress_due(what, done, total))
		return 0;
	char line[512];
	/* TRANSLATORS: the progress line on the terminal: what is being done, the percentage */
	snprintf(line, sizeof line, _("%s: %d%%"), what, progress_percent(done, total));
	progress_put(line);
	return 0;
}
