#include "base/prefs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/safefile.h"

enum { PREFS_MAX_DELTA = 200 };

void prefs_defaults(struct prefs *p)
{
	memset(p, 0, sizeof *p);
	p->sort = -1;
}

char *prefs_path(void)
{
	char *dir = userfile_dir(USERFILE_CONFIG);
	size_t n = dir ? strlen(dir) + sizeof "/prefs" : 0;
	char *path = n ? malloc(n) : NULL;
	if (path)
		snprintf(path, n, "%s/prefs", dir);
	free(dir);
	return path;
}

static char *prefs_trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = 0;
	return s;
}

/* An integer that is the whole of text, within [lo, hi]; 0 or -1. */
static int prefs_int(const char *text, long lo, long hi, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (end == text || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

static void prefs_line(struct prefs *p, char *line)
{
	char *eq = strchr(line, '=');
	if (!eq || *prefs_trim(line) == '#')
		return;
	*eq = 0;
	char *key = prefs_trim(line), *val = prefs_trim(eq + 1);
	int c;
	if (!strcmp(key, "language")) {
		if (!strcmp(val, "kk") || !strcmp(val, "ru"))
			snprintf(p->language, sizeof p->language, "%s", val);
	} else if (!strcmp(key, "sort")) {
		char *sp = strchr(val, ' ');
		int desc = sp && !strcmp(prefs_trim(sp + 1), "desc");
		if (sp)
			*sp = 0;
		if (prefs_int(val, 0, PREFS_NCOL - 1, &p->sort) == 0)
			p->sort_desc = desc;
	} else if (!strcmp(key, "export_dir")) {
		if (*val == '/' && strlen(val) < sizeof p->export_dir)
			snprintf(p->export_dir, sizeof p->export_dir, "%s", val);
	} else if (!strncmp(key, "column.", 7) && prefs_int(key + 7, 0, PREFS_NCOL - 1, &c) == 0) {
		int d;
		if (!strcmp(val, "hidden"))
			p->hidden[c] = 1;
		else if (prefs_int(*val == '+' ? val + 1 : val, -PREFS_MAX_DELTA, PREFS_MAX_DELTA, &d) == 0)
			p->delta[c] = d;
	}
}

void prefs_parse(struct prefs *p, const char *text)
{
	char line[1200];
	while (*text) {
		size_t n = strcspn(text, "\n");
		if (n < sizeof line) {
			memcpy(line, text, n);
			line[n] = 0;
			prefs_line(p, line);
		}
		text += n + (text[n] == '\n');
	}
}

int prefs_load(struct prefs *p, const char *path)
{
	FILE *f = userfile_read_own(path);
	if (!f)
		return 0;
	char buf[16384];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return -1;
	buf[n] = 0;
	prefs_parse(p, buf);
	return 0;
}

int prefs_save(const struct prefs *p, const char *path)
{
	char *dir = strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
	if (slash && slash != dir) {
		*slash = 0;
		if (userfile_mkdirs(dir)) {
			free(dir);
			return -1;
		}
	}
	free(dir);
	struct safefile f;
	if (userfile_create(&f, path, 0600))
		return -1;
	fprintf(f.fp, "# What was chosen in tizilim, kept for the next start; written by the program.\n");
	if (*p->language)
		fprintf(f.fp, "language = %s\n", p->language);
	if (p->sort >= 0)
		fprintf(f.fp, "sort = %d%s\n", p->sort, p->sort_desc ? " desc" : "");
	for (int c = 0; c < PREFS_NCOL; c++) {
		if (p->hidden[c])
			fprintf(f.fp, "column.%d = hidden\n", c);
		if (p->delta[c])
			fprintf(f.fp, "column.%d = %+d\n", c, p->delta[c]);
	}
	if (*p->export_dir)
		fprintf(f.fp, "export_dir = %s\n", p->export_dir);
	return userfile_commit(&f);
}
