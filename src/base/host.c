#include "base/host.h"

#include <pwd.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

const char *host_login(void)
{
	static char name[64];
	if (!name[0]) {
		struct passwd *pw = getpwuid(getuid());
		snprintf(name, sizeof name, "%s", pw ? pw->pw_name : "?");
	}
	return name;
}

char *host_now(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
	return buf;
}

const char *host_name(void)
{
	static char name[256];
	static int done;
	if (!done) {
		if (gethostname(name, sizeof name - 1))
			name[0] = 0;
		done = 1;
	}
	return name;
}
