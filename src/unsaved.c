#include "unsaved.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

volatile sig_atomic_t unsaved_signalled;

enum { MAX_LINE = 65536 };
static const char MAGIC[] = "tizilim-unsaved 1";

static char *state_dir(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char buf[PATH_MAX];
	if (x && *x == '/')
		snprintf(buf, sizeof buf, "%s/tizilim", x);
	else if (home && *home)
		snprintf(buf, sizeof buf, "%s/.local/state/tizilim", home);
	else
		return NULL;
	return strdup(buf);
}

char *unsaved_path(const char *db_path)
{
	char *dir = state_dir();
	if (!dir || !db_path)
		return free(dir), NULL;
	/* The same database reached by another name is still the same one. */
	char real[PATH_MAX];
	const char *p = realpath(db_path, real) ? real : db_path;
	uint64_t h = 1469598103934665603ull;  /* FNV-1a */
	for (const unsigned char *c = (const unsigned char *)p; *c; c++)
		h = (h ^ *c) * 1099511628211ull;
	size_t n = strlen(dir) + 40;
	char *path = malloc(n);
	if (path)
		snprintf(path, n, "%s/unsaved-%016llx.txt", dir, (unsigned long long)h);
	free(dir);
	return path;
}

/* mkdir -p of the draft's directory, private: a draft is a clerk's work. */
static int make_dirs(const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	char *slash = strrchr(buf, '/');
	if (!slash)
		return 0;
	*slash = 0;
	for (char *c = buf + 1; *c; c++) {
		if (*c != '/')
			continue;
		*c = 0;
		if (mkdir(buf, 0700) && errno != EEXIST)
			return -1;
		*c = '/';
	}
	return mkdir(buf, 0700) && errno != EEXIST ? -1 : 0;
}

/* One value a line: backslash and newline escaped. */
static void put(FILE *fp, const char *key, const char *v)
{
	fprintf(fp, "%s=", key);
	for (const char *c = v ? v : ""; *c; c++) {
		if (*c == '\\')
			fputs("\\\\", fp);
		else if (*c == '\n')
			fputs("\\n", fp);
		else
			fputc(*c, fp);
	}
	fputc('\n', fp);
}

int unsaved_save(const char *db_path, const struct rowform *f)
{
	char *path = unsaved_path(db_path);
	if (!path || make_dirs(path))
		return free(path), -1;
	size_t n = strlen(path) + 8;
	char *tmp = malloc(n);
	if (!tmp)
		return free(path), -1;
	snprintf(tmp, n, "%s.new", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!fp) {
		if (fd >= 0)
			close(fd);
		free(tmp);
		free(path);
		return -1;
	}
	char num[32];
	fprintf(fp, "%s\n", MAGIC);
	snprintf(num, sizeof num, "%lld", (long long)time(NULL));
	put(fp, "when", num);
	snprintf(num, sizeof num, "%lld", (long long)f->row_id);
	put(fp, "row_id", num);
	put(fp, "section", f->section);
	put(fp, "nkz_code", f->nkz_code);
	put(fp, "name_kk", f->name_kk);
	put(fp, "name_ru", f->name_ru);
	put(fp, "basis_kk", te_text(&f->basis_kk));
	put(fp, "basis_ru", te_text(&f->basis_ru));
	put(fp, "years", te_text(&f->years));
	put(fp, "unlimited", f->unlimited ? "1" : "0");
	for (int i = 0; i < f->nlevels; i++)
		put(fp, "level", f->levels[i]);
	snprintf(num, sizeof num, "%lld", (long long)f->body_id);
	put(fp, "body_id", num);
	put(fp, "profile", f->profile);
	int bad = fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0;
	bad |= fclose(fp) != 0;
	if (!bad)
		bad = rename(tmp, path) != 0;
	if (bad)
		unlink(tmp);
	free(tmp);
	free(path);
	return bad ? -1 : 0;
}

static void unescape(char *s)
{
	char *o = s;
	for (char *c = s; *c; c++) {
		if (*c == '\\' && c[1]) {
			c++;
			*o++ = *c == 'n' ? '\n' : *c;
		} else {
			*o++ = *c;
		}
	}
	*o = 0;
}

static void copy(char *dst, size_t len, const char *v)
{
	snprintf(dst, len, "%s", v);
}

int unsaved_load(const char *db_path, struct unsaved *u)
{
	memset(u, 0, sizeof *u);
	char *path = unsaved_path(db_path);
	FILE *fp = path ? fopen(path, "r") : NULL;
	free(path);
	if (!fp)
		return 0;
	char *line = malloc(MAX_LINE);
	int ok = line && fgets(line, MAX_LINE, fp) && !strncmp(line, MAGIC, sizeof MAGIC - 1);
	while (ok && fgets(line, MAX_LINE, fp)) {
		line[strcspn(line, "\n")] = 0;
		char *v = strchr(line, '=');
		if (!v)
			continue;
		*v++ = 0;
		unescape(v);
		if (!strcmp(line, "when"))
			u->when = (time_t)strtoll(v, NULL, 10);
		else if (!strcmp(line, "row_id"))
			u->row_id = strtoll(v, NULL, 10);
		else if (!strcmp(line, "section"))
			copy(u->section, sizeof u->section, v);
		else if (!strcmp(line, "nkz_code"))
			copy(u->nkz_code, sizeof u->nkz_code, v);
		else if (!strcmp(line, "profile"))
			copy(u->profile, sizeof u->profile, v);
		else if (!strcmp(line, "level") && u->nlevels < RF_MAX_LEVELS)
			copy(u->levels[u->nlevels++], sizeof u->levels[0], v);
		else if (!strcmp(line, "unlimited"))
			u->unlimited = *v == '1';
		else if (!strcmp(line, "body_id"))
			u->body_id = strtoll(v, NULL, 10);
		else if (!strcmp(line, "name_kk"))
			free(u->name_kk), u->name_kk = strdup(v);
		else if (!strcmp(line, "name_ru"))
			free(u->name_ru), u->name_ru = strdup(v);
		else if (!strcmp(line, "basis_kk"))
			free(u->basis_kk), u->basis_kk = strdup(v);
		else if (!strcmp(line, "basis_ru"))
			free(u->basis_ru), u->basis_ru = strdup(v);
		else if (!strcmp(line, "years"))
			free(u->years), u->years = strdup(v);
	}
	free(line);
	fclose(fp);
	if (!ok)
		unsaved_free(u);
	return ok;
}

void unsaved_apply(const struct unsaved *u, struct rowform *f)
{
	copy(f->section, sizeof f->section, u->section);
	copy(f->nkz_code, sizeof f->nkz_code, u->nkz_code);
	copy(f->profile, sizeof f->profile, u->profile);
	reg_row_set(&f->name_kk, u->name_kk ? u->name_kk : "");
	reg_row_set(&f->name_ru, u->name_ru ? u->name_ru : "");
	te_set(&f->basis_kk, u->basis_kk);
	te_set(&f->basis_ru, u->basis_ru);
	te_set(&f->years, u->years);
	f->unlimited = u->unlimited;
	memcpy(f->levels, u->levels, sizeof f->levels);
	f->nlevels = u->nlevels;
	/* A row's form holds one level. */
	if (f->row_id && f->nlevels > 1)
		f->nlevels = 1;
	f->body_id = u->body_id;
}

void unsaved_free(struct unsaved *u)
{
	free(u->name_kk);
	free(u->name_ru);
	free(u->basis_kk);
	free(u->basis_ru);
	free(u->years);
	memset(u, 0, sizeof *u);
}

void unsaved_remove(const char *db_path)
{
	char *path = unsaved_path(db_path);
	if (path)
		unlink(path);
	free(path);
}
