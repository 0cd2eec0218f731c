/* progress — a bar over the screen for long work (an import, a backup): it
 * shows only once the work has taken half a second, is redrawn a few times a
 * second, and looks at the keyboard between rows, so that Esc or F10 stops
 * the work.  The work itself decides what stopping means (an import writes
 * nothing).
 *
 *   struct progress p;
 *   progress_start(&p, N_("Import the classifier"));
 *   ... for each row: if (progress_tick(&p, _("Reading the file"), done, total)) stop;
 *   progress_end(&p);
 */
#ifndef TZ_UI_PROGRESS_H
#define TZ_UI_PROGRESS_H

#include <time.h>

struct progress {
	const char *title;          /* N_(): translated at every draw */
	struct timespec start, drawn;
	int shown;
	char what[160];             /* what is being done, translated */
	long done, total;           /* total 0: not known yet */
};

void progress_start(struct progress *p, const char *title);
/* Reports done of total (total 0: not known, a block moves along the bar
 * instead); 1 when the clerk asked to stop. */
int progress_tick(struct progress *p, const char *what, long done, long total);
/* Takes the bar off the screen, if it was shown. */
void progress_end(struct progress *p);

#endif
