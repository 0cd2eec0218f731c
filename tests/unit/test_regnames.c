/* The register's names on import and in check, on the demo database: a
 * file that would rename a row is heard of (and, on a dry run, nothing is
 * written), so that the terminal can ask before importing; check's
 * comparison with the classifier ignores case and spacing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "domain/register.h"
#include "domain/regnames.h"
#include "exchange/regcsv.h"
#include "exchange/regcsv_in.h"
#include "harness.h"
#include "store/auth.h"
#include "store/store.h"

static void drop(const char *path)
{
	char p[80];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

struct heard {
	int n;
	char code[16], level[8], lang[4], draft[64], file[64];
};

static void heard_name(void *ctx, const char *code, const char *level, const char *lang,
                       const char *draft_name, const char *file_name)
{
	struct heard *h = ctx;
	h->n++;
	snprintf(h->code, sizeof h->code, "%s", code);
	snprintf(h->level, sizeof h->level, "%s", level);
	snprintf(h->lang, sizeof h->lang, "%s", lang);
	snprintf(h->draft, sizeof h->draft, "%s", draft_name);
	snprintf(h->file, sizeof h->file, "%s", file_name);
}

/* A progress that stops the import at one stage, after seeing it. */
struct stopper {
	int at;
	int seen[3];
};

static int stop_at(void *ctx, enum regcsv_stage stage, long done, long total)
{
	struct stopper *s = ctx;
	(void)done;
	(void)total;
	s->seen[stage] = 1;
	return (int)stage == s->at;
}

static char *name_ru(tz_db *db, const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT name_ru FROM reg_row WHERE nkz_code = :c AND version_id = "
	                               "(SELECT id FROM reg_version WHERE state = 'draft')");
	db_text(st, ":c", code);
	char *s = strdup(db_step(db, st) == SQLITE_ROW ? db_col_text(st, 0) : "");
	sqlite3_finalize(st);
	return s;
}

/* The exported file with one name replaced, into out. */
static int rename_in(const char *in, const char *out, const char *from, const char *to)
{
	FILE *f = fopen(in, "rb"), *g = fopen(out, "wb");
	int done = 0;
	char line[8192];
	while (f && g && fgets(line, sizeof line, f)) {
		char *at = strstr(line, from);
		if (at && !done) {
			fwrite(line, 1, (size_t)(at - line), g);
			fputs(to, g);
			fputs(at + strlen(from), g);
			done = 1;
		} else {
			fputs(line, g);
		}
	}
	if (f)
		fclose(f);
	if (g)
		fclose(g);
	return done ? 0 : -1;
}

static void import_names(tz_db *db, const char *dir)
{
	char ru[256], renamed[256], err[1024] = "";
	snprintf(ru, sizeof ru, "%s-ru.csv", dir);
	snprintf(renamed, sizeof renamed, "%s-ru2.csv", dir);
	struct regcsv_export x = {.lang = "ru", .path = ru};
	CHECK_INT(regcsv_export(db, &x, err, sizeof err), 0);
	CHECK_INT(rename_in(ru, renamed, ",Газорезчик,", ",Газосварщик,"), 0);
	const char *paths[1] = {renamed};
	struct heard h = {0};
	struct regcsv_stats st;

	/* A dry run hears of the name and writes nothing. */
	struct regcsv_opts o = {.flags = REGCSV_DRY_RUN, .on_name = heard_name, .nctx = &h};
	CHECK_INT(regcsv_import_opts(db, paths, 1, &o, &st, err, sizeof err), 0);
	CHECK_INT(h.n, 1);
	CHECK_STR(h.code, "7212-2-001");
	CHECK_STR(h.level, "3");
	CHECK_STR(h.lang, "ru");
	CHECK_STR(h.draft, "Газорезчик");
	CHECK_STR(h.file, "Газосварщик");
	CHECK_INT(st.names_kept, 1);
	CHECK_INT(st.names_replaced, 0);
	CHECK_INT(st.changed, 0);
	char *s = name_ru(db, "7212-2-001");
	CHECK_STR(s, "Газорезчик");
	free(s);

	/* Asked to replace, on a dry run: counted as a change, still unwritten. */
	memset(&h, 0, sizeof h);
	o.flags = REGCSV_DRY_RUN | REGCSV_REPLACE_NAMES;
	CHECK_INT(regcsv_import_opts(db, paths, 1, &o, &st, err, sizeof err), 0);
	CHECK_INT(h.n, 1);
	CHECK_INT(st.names_replaced, 1);
	CHECK_INT(st.changed, 1);
	s = name_ru(db, "7212-2-001");
	CHECK_STR(s, "Газорезчик");
	free(s);

	/* Without it the name is kept and the rest imported. */
	o.flags = 0;
	CHECK_INT(regcsv_import_opts(db, paths, 1, &o, &st, err, sizeof err), 0);
	CHECK_INT(st.names_kept, 1);
	CHECK_INT(st.changed, 0);
	s = name_ru(db, "7212-2-001");
	CHECK_STR(s, "Газорезчик");
	free(s);

	/* Stopped at any stage by its progress: nothing written, and it says so. */
	for (int stage = REGCSV_READING; stage <= REGCSV_WRITING; stage++) {
		struct stopper stop = {.at = stage};
		struct regcsv_opts c = {.flags = REGCSV_REPLACE_NAMES, .progress = stop_at, .pctx = &stop};
		CHECK_INT(regcsv_import_opts(db, paths, 1, &c, &st, err, sizeof err), REGCSV_CANCELLED);
		CHECK(stop.seen[stage], "stage %d was reported", stage);
		CHECK_STR(err, _("The import was cancelled; nothing was written."));
		s = name_ru(db, "7212-2-001");
		CHECK_STR(s, "Газорезчик");
		free(s);
	}

	/* Then for real. */
	o.flags = REGCSV_REPLACE_NAMES;
	CHECK_INT(regcsv_import_opts(db, paths, 1, &o, &st, err, sizeof err), 0);
	CHECK_INT(st.changed, 1);
	s = name_ru(db, "7212-2-001");
	CHECK_STR(s, "Газосварщик");
	free(s);
	unlink(ru);
	unlink(renamed);
}

static void heard_check(void *ctx, const char *lang, const char *row_name, const char *nkz_name)
{
	struct heard *h = ctx;
	h->n++;
	snprintf(h->lang, sizeof h->lang, "%s", lang);
	snprintf(h->draft, sizeof h->draft, "%s", row_name);
	snprintf(h->file, sizeof h->file, "%s", nkz_name);
}

static void check_names(tz_db *db)
{
	struct reg_row r = {0};
	snprintf(r.nkz_code, sizeof r.nkz_code, "7212-1-008");
	r.name_kk = "  ПІСІРУШІ ";
	r.name_ru = "сварщик";
	struct heard h = {0};
	CHECK_INT(regnames_check(db, &r, heard_check, &h), 0);
	r.name_ru = "Электрогазосварщик";
	CHECK_INT(regnames_check(db, &r, heard_check, &h), 1);
	CHECK_STR(h.lang, "ru");
	CHECK_STR(h.draft, "Электрогазосварщик");
	CHECK_STR(h.file, "Сварщик");
	/* A code the classifier lacks is reg_validate's to report. */
	snprintf(r.nkz_code, sizeof r.nkz_code, "9999-9-999");
	CHECK_INT(regnames_check(db, &r, NULL, NULL), 0);
}

int main(void)
{
	char path[] = "/tmp/tz-regnames-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	tz_db *db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	auth_bootstrap(db);
	check_names(db);
	import_names(db, path);
	db_close(db);
	drop(path);
	return tz_test_done();
}
