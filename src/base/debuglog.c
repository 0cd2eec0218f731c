#include "base/debuglog.h"
#include "base/privs.h"
#include "base/safefile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void tz_log(const char *fmt, ...)
{
	const char *path = privs_getenv("TIZILIM_LOG");
	if (!path || !*path)
		return;
	FILE *f = userfile_log(path, 0);
	if (!f)
		return;
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32];
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
	fprintf(f, "%s ", stamp);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fclose(f);
}
