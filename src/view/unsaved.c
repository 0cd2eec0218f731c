#include "view/unsaved.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/safefile.h"

volatile sig_atomic_t unsaved_signalled;

enum { MAX_LINE = 65536 };
/* Version 1 had no kind: a row's draft. */
static const char MAGIC[] = "tizilim-unsaved 2", MAGIC1[] = "tizilim-unsaved 1";

char *unsaved_path(const char *db_path)
{
	char *dir = userfile_dir(USERFILE_STATE);
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

/* Opens the draft's file aside (renamed over it by finish), with the
 * header every draft has.  The clerk's own file, made with the clerk's
 * rights in a directory from the sanitised environment, never through a
 * link (src/base/safefile.h). */
static FILE *begin(const char *db_path, const char *kind, struct safefile *out)
{
	memset(out, 0, sizeof *out);
	char *path = unsaved_path(db_path);
	char *slash = path ? strrchr(path, '/') : NULL;
	int bad = !slash;
	if (!bad) {
		*slash = 0;
		bad = userfile_mkdirs(path) != 0;
		*slash = '/';
	}
	if (!bad)
		bad = userfile_create(out, path, 0600) != 0;
	free(path);
	if (bad)
		return NULL;
	char num[32];
	fprintf(out->fp, "%s\n", MAGIC);
	put(out->fp, "kind", kind);
	snprintf(num, sizeof num, "%lld", (long long)time(NULL));
	put(out->fp, "when", num);
	return out->fp;
}

/* Only a file written whole replaces the draft. */
static int finish(struct safefile *out)
{
	return out->fp ? userfile_commit(out) : -1;
}

static void put_int(FILE *fp, const char *key, int64_t v)
{
	char num[32];
	snprintf(num, sizeof num, "%lld", (long long)v);
	put(fp, key, num);
}

/* What both kinds hold alike. */
static void put_common(FILE *fp, int64_t id, const char *section, const char *code,
                       const char *kk, const char *ru, const char *years, int unlimited,
                       const char (*levels)[8], int nlevels, int64_t body,
                       const char *profile)
{
	put_int(fp, "id", id);
	put(fp, "section", section);
	put(fp, "nkz_code", code);
	put(fp, "name_kk", kk);
	put(fp, "name_ru", ru);
	put(fp, "years", years);
	put(fp, "unlimited", unlimited ? "1" : "0");
	for (int i = 0; i < nlevels; i++)
		put(fp, "level", levels[i]);
	put_int(fp, "body_id", body);
	put(fp, "profile", profile);
}

int unsaved_save(const char *db_path, const struct rowform *f)
{
	struct safefile out;
	FILE *fp = begin(db_path, "row", &out);
	if (fp) {
		put_common(fp, f->row_id, f->section, f->nkz_code, f->name_kk, f->name_ru,
		           te_text(&f->years), f->unlimited, f->levels, f->nlevels,
		           f->body_id, f->profile);
		put(fp, "basis_kk", te_text(&f->basis_kk));
		put(fp, "basis_ru", te_text(&f->basis_ru));
	}
	return finish(&out);
}

int unsaved_save_proposal(const char *db_path, const struct propform *f)
{
	struct safefile out;
	FILE *fp = begin(db_path, "proposal", &out);
	if (fp) {
		put_common(fp, f->id, f->section, f->nkz_code, f->name_kk, f->name_ru,
		           te_text(&f->years), f->unlimited, f->levels, f->nlevels,
		           f->body_id, f->profile);
		put_int(fp, "cycle_id", f->cycle_id);
		put_int(fp, "assoc_id", f->assoc_id);
		put(fp, "action", proposal_action_name(f->action));
		for (int i = 0; i < PF_NTEXTS; i++)
			put(fp, pf_fields[PF_F_BASIS_KK + i].key, te_text(&f->text[i]));
	}
	return finish(&out);
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

static void set(char **dst, const char *v)
{
	free(*dst);
	*dst = strdup(v);
}

/* One line of a draft into *u; 0 when it makes the draft unreadable. */
static int take(struct unsaved *u, const char *key, const char *v)
{
	if (!strcmp(key, "kind")) {
		if (!strcmp(v, "proposal"))
			u->kind = UNSAVED_PROPOSAL;
		else if (strcmp(v, "row"))
			return 0;   /* a kind from a later program: not ours to guess */
	} else if (!strcmp(key, "when"))
		u->when = (time_t)strtoll(v, NULL, 10);
	else if (!strcmp(key, "id") || !strcmp(key, "row_id"))
		u->id = strtoll(v, NULL, 10);
	else if (!strcmp(key, "cycle_id"))
		u->cycle_id = strtoll(v, NULL, 10);
	else if (!strcmp(key, "assoc_id"))
		u->assoc_id = strtoll(v, NULL, 10);
	else if (!strcmp(key, "body_id"))
		u->body_id = strtoll(v, NULL, 10);
	else if (!strcmp(key, "action"))
		copy(u->action, sizeof u->action, v);
	else if (!strcmp(key, "section"))
		copy(u->section, sizeof u->section, v);
	else if (!strcmp(key, "nkz_code"))
		copy(u->nkz_code, sizeof u->nkz_code, v);
	else if (!strcmp(key, "profile"))
		copy(u->profile, sizeof u->profile, v);
	else if (!strcmp(key, "level") && u->nlevels < RF_MAX_LEVELS)
		copy(u->levels[u->nlevels++], sizeof u->levels[0], v);
	else if (!strcmp(key, "unlimited"))
		u->unlimited = *v == '1';
	else if (!strcmp(key, "name_kk"))
		set(&u->name_kk, v);
	else if (!strcmp(key, "name_ru"))
		set(&u->name_ru, v);
	else if (!strcmp(key, "years"))
		set(&u->years, v);
	else {
		int i = pf_field_of(key) - PF_F_BASIS_KK;
		if (i >= 0 && i < PF_NTEXTS)
			set(&u->text[i], v);
	}
	return 1;
}

int unsaved_load(const char *db_path, struct unsaved *u)
{
	memset(u, 0, sizeof *u);
	char *path = unsaved_path(db_path);
	FILE *fp = path ? userfile_read_own(path) : NULL;
	free(path);
	if (!fp)
		return 0;
	char *line = malloc(MAX_LINE);
	int ok = line && fgets(line, MAX_LINE, fp);
	if (ok) {
		line[strcspn(line, "\n")] = 0;
		ok = !strcmp(line, MAGIC) || !strcmp(line, MAGIC1);
	}
	while (ok && fgets(line, MAX_LINE, fp)) {
		line[strcspn(line, "\n")] = 0;
		char *v = strchr(line, '=');
		if (!v)
			continue;
		*v++ = 0;
		unescape(v);
		ok = take(u, line, v);
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
	te_set(&f->basis_kk, u->text[0]);
	te_set(&f->basis_ru, u->text[1]);
	te_set(&f->years, u->years);
	f->unlimited = u->unlimited;
	memcpy(f->levels, u->levels, sizeof f->levels);
	f->nlevels = u->nlevels;
	/* A row's form holds one level. */
	if (f->row_id && f->nlevels > 1)
		f->nlevels = 1;
	f->body_id = u->body_id;
}

void unsaved_apply_proposal(const struct unsaved *u, struct propform *f)
{
	/* A sectoral-body clerk's form keeps the clerk's own body. */
	if (!f->body_fixed)
		f->body_id = u->body_id;
	f->assoc_id = u->assoc_id;
	proposal_action_parse(u->action, &f->action);
	if (u->section[0])
		copy(f->section, sizeof f->section, u->section);
	copy(f->nkz_code, sizeof f->nkz_code, u->nkz_code);
	copy(f->profile, sizeof f->profile, u->profile);
	set(&f->name_kk, u->name_kk ? u->name_kk : "");
	set(&f->name_ru, u->name_ru ? u->name_ru : "");
	te_set(&f->years, u->years);
	f->unlimited = u->unlimited;
	f->nlevels = u->nlevels < TZ_MAX_LEVELS ? u->nlevels : TZ_MAX_LEVELS;
	memcpy(f->levels, u->levels, (size_t)f->nlevels * sizeof f->levels[0]);
	for (int i = 0; i < PF_NTEXTS; i++)
		te_set(&f->text[i], u->text[i]);
}

void unsaved_free(struct unsaved *u)
{
	free(u->name_kk);
	free(u->name_ru);
	free(u->years);
	for (int i = 0; i < PF_NTEXTS; i++)
		free(u->text[i]);
	memset(u, 0, sizeof *u);
}

void unsaved_remove(const char *db_path)
{
	char *path = unsaved_path(db_path);
	if (path)
		userfile_unlink(path);
	free(path);
}
