/* nkz: a classifier file with bad rows, the valid rows imported on request,
 * the rows left out written beside it, and what a newer file changed. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "exchange/nkzin.h"
#include "store/store.h"
#include "base/text.h"

static char dir[64];
static char err[8192];

static const char *file(const char *name, const char *content)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(content, f);
		fclose(f);
	}
	return path;
}

static int64_t count(tz_db *db, const char *sql)
{
	return db_int_query(db, sql, -1);
}

static char *slurp(const char *path)
{
	static char buf[8192];
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	buf[n] = 0;
	if (f)
		fclose(f);
	return buf;
}

struct seen {
	int n, rows;
	char text[4096];
};

static void on_problem(void *ctx, const struct nkz_problem *p)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%ld:%d:%s:%s|", p->line, p->col, p->column,
	         p->value);
	s->n++;
	s->rows += p->row;
}

struct changes {
	char text[1024];
};

static void on_change(void *ctx, const struct nkz_change *c)
{
	struct changes *ch = ctx;
	size_t len = strlen(ch->text);
	snprintf(ch->text + len, sizeof ch->text - len, "%s %s|", c->kind, c->code);
}

static int stop_at_writing(void *ctx, enum nkz_phase phase, long done, long total)
{
	(void)done, (void)total;
	int *calls = ctx;
	++*calls;
	return phase == NKZ_WRITING;
}

#define HEAD "code,name_ru,name_kz,is_actual\n"
#define TOP "2,Р,Ж,1\n23,Р,Ж,1\n233,Р,Ж,1\n2331,Р,Ж,1\n"

static void skip(tz_db *db)
{
	/* Line 6 a group without its digit, 7 Х with a suffix, 8 a Latin
	 * letter, 9 a placeholder, 10 a group with no Russian name, 11 a code
	 * under it, 13 a second 2331-2 (line 12 keeps it, and 15 its code
	 * under it), 14 a bad code on a retired row. */
	const char *path = file("mixed.csv", HEAD TOP
		"2331-001,А,Б,1\n"
		"Х1000-0,А,Б,1\n"
		"Y1000,А,Б,1\n"
		"1-99-999,А,Б,1\n"
		"2331-1,,Б,1\n"
		"2331-1-001,А,Б,1\n"
		"2331-2,А,Б,1\n"
		"2331-2,В,Г,1\n"
		"QQQ,А,Б,0\n"
		"2331-2-001,Д,Е,1\n");
	struct seen s = {0};
	struct nkz_import_opts o = {.on_problem = on_problem, .problem_ctx = &s};
	struct nkz_import_stats st;
	CHECK_INT(nkz_import_with(db, path, &o, &st, err, sizeof err), -1);
	CHECK_STR(s.text, "6:1:code:2331-001|7:1:code:Х1000-0|8:1:code:Y1000|9:1:code:1-99-999|"
	                  "10:2:name_ru:|11:1:code:2331-1-001|13:1:code:2331-2|");
	CHECK_INT(s.rows, 7);
	CHECK_INT(st.problems, 7);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz"), 0);
	CHECK(strstr(err, "mixed.csv:6:1: \"2331-001\" lacks the digit") != NULL, "err: %s", err);
	CHECK(access("mixed-rejected.csv", F_OK) != 0, "no rejects when refused");

	/* The valid rows only; the others beside the file. */
	memset(&s, 0, sizeof s);
	o.skip_invalid = 1;
	CHECK_INT(nkz_import_with(db, path, &o, &st, err, sizeof err), 0);
	CHECK_INT(st.imported, 6);
	CHECK_INT(st.rejected, 7);
	CHECK_INT(st.skipped_inactive, 1);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz"), 6);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE code IN ('2331-2', '2331-2-001')"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE name_ru = 'В'"), 0);
	char want[160];
	snprintf(want, sizeof want, "%s/mixed-rejected.csv", dir);
	CHECK_STR(st.rejects, want);
	const char *rej = slurp(want);
	static const char heading[] = "Row,Column,Value,Reason,Code,Name in Russian,Name in Kazakh\n";
	CHECK(!strncmp(rej, heading, sizeof heading - 1),
	      "rejects heading: %.80s", rej);
	CHECK(strstr(rej, "\n10,name_ru,,\"the Russian name (column \"\"name_ru\"\") is empty\",2331-1,,Б\n"),
	      "the empty name with its row: %s", rej);
	CHECK(strstr(rej, "\n11,code,2331-1-001,the parent group 2331-1 of code 2331-1-001 is left out"),
	      "the code under it: %s", rej);
	CHECK(strstr(rej, "QQQ") == NULL, "a retired row is none: %s", rej);

	/* Again: the rejects never replace the first file. */
	CHECK_INT(nkz_import_with(db, path, &o, &st, err, sizeof err), 0);
	snprintf(want, sizeof want, "%s/mixed-rejected-2.csv", dir);
	CHECK_STR(st.rejects, want);
	CHECK_INT(st.added, 0);

	/* A file problem refuses the file even so. */
	path = file("nohead.csv", "code,name_ru\n2,Р\n");
	CHECK_INT(nkz_import_with(db, path, &o, &st, err, sizeof err), -1);
	CHECK(strstr(err, "no column for the Kazakh name") != NULL, "%s", err);

	/* Cancelled while writing: nothing written, nothing logged. */
	int calls = 0;
	int64_t logged = count(db, "SELECT count(*) FROM change_log");
	path = file("new.csv", HEAD "2331-3,Н,Н,1\n");
	struct nkz_import_opts c = {.progress = stop_at_writing, .progress_ctx = &calls};
	CHECK_INT(nkz_import_with(db, path, &c, &st, err, sizeof err), NKZ_CANCELLED);
	CHECK(calls > 0, "progress asked");
	CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE code = '2331-3'"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM change_log"), logged);
	CHECK(strstr(err, "cancelled") != NULL, "%s", err);
}

static void changes(tz_db *db)
{
	const char *path = file("v2.csv", HEAD TOP
		"2331-2,А,Б,1\n"
		"2331-2-001,ДРУГОЕ,ЕЖЕ,1\n"
		"2331-3,Н,Н,1\n"
		"2331-4,Р,Р,0\n");
	CHECK_INT(db_exec(db, "INSERT INTO nkz(code, level, parent, name_kk, name_ru, fold_kk,"
	                      " fold_ru) VALUES ('2331-4', 5, '2331', 'Р', 'Р', 'р', 'р')"), 0);
	struct nkz_import_stats st;
	CHECK_INT(nkz_import_with(db, path, NULL, &st, err, sizeof err), 0);
	CHECK_INT(st.added, 1);
	CHECK_INT(st.renamed, 1);
	CHECK_INT(st.deactivated, 1);
	struct changes ch = {""};
	CHECK_INT(nkz_changes(db, st.change_id, on_change, &ch), 3);
	CHECK_STR(ch.text, "added 2331-3|renamed 2331-2-001|retired 2331-4|");
	memset(&ch, 0, sizeof ch);
	CHECK_INT(nkz_changes(db, 0, on_change, &ch), 3);
	/* Case alone is no rename. */
	path = file("v3.csv", HEAD "2331-2-001,другое,еже,1\n");
	CHECK_INT(nkz_import_with(db, path, NULL, &st, err, sizeof err), 0);
	CHECK_INT(st.renamed, 0);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/tz_nkzskip_XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	if (chdir(dir))
		return 1;
	char db_path[128];
	snprintf(db_path, sizeof db_path, "%s/t.db", dir);
	tz_db *db = store_open(db_path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "store_open: %s", err);
	if (!db)
		return tz_test_done();
	skip(db);
	changes(db);
	db_close(db);
	text_cleanup();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return tz_test_done();
}
