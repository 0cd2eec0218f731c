#include "exchange/rejects.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void rejects_put(FILE *f, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
	fputc(last ? '\n' : ',', f);
}

void rejects_name(const char *path, int n, char *out, size_t len)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t keep = dot && dot > base ? (size_t)(dot - path) : strlen(path);
	if (n <= 1)
		snprintf(out, len, "%.*s-rejected.csv", (int)keep, path);
	else
		snprintf(out, len, "%.*s-rejected-%d.csv", (int)keep, path, n);
}

int rejects_place(struct safefile *sf, const char *path, char *out, size_t len)
{
	int e = 0, rc = -1;
	if (fclose(sf->fp))
		e = errno;
	sf->fp = NULL;
	for (int n = 1; !e && n < 1000; n++) {
		rejects_name(path, n, out, len);
		if (!userfile_place_new(sf->tmp, out)) {
			rc = 0;
			break;
		}
		if (errno != EEXIST)
			e = errno;
	}
	if (rc) {
		*out = 0;
		userfile_discard(sf->tmp);
	}
	free(sf->tmp);
	free(sf->path);
	memset(sf, 0, sizeof *sf);
	errno = e ? e : EEXIST;
	return rc;
}
