/* output — how a command ends: its messages on standard error, its exit
 * status, and what it prints for the user to keep. */
#include "cli/output.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli_progress.h"
#include "store/audit.h"

void cli_error(const char *fmt, ...)
{
	/* Messages quote files' and the database's text: escaped on the way. */
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (msg)
		vsnprintf(msg, (size_t)n + 1, fmt, again);
	va_end(again);
	va_end(ap);
	cli_progress_clear();
	fputs("tizilim: ", stderr);
	text_put(stderr, msg ? msg : fmt, TEXT_LINES);
	fputc('\n', stderr);
	free(msg);
}

int cli_flushed(int rc)
{
	/* What was printed but never arrived (a full disk, a closed pipe,
	 * /dev/full) makes the run fail, whatever the command concluded. */
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (rc == EXIT_DATA)   /* the command has said what failed */
		return rc;
	cli_error(_("cannot write the output: %s"), strerror(errno ? errno : EIO));
	return EXIT_DATA;
}

int cli_refused(const char *cmd, const char *why)
{
	cli_error("%s: %s", cmd, why);
	return EXIT_DATA;
}

void cli_print_head(tz_db *db)
{
	char head[96];
	if (!audit_head(db, head, sizeof head) && *head)
		printf(_("Chain head of the change log, to keep outside the database (verify --head): %s\n"),
		       head);
}
