/* nkz: code forms, and importing the classifier from CSV all or nothing. */
#include <stdint.h>
#include <stdio.h>
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

/* Rows of the classifier's trigram index holding every trigram of word (a
 * lower-case name), asked as search asks it: the index keeps no positions,
 * so single trigrams ANDed, never a phrase. */
static int64_t fts_hits(tz_db *db, const char *word)
{
	char expr[1024] = "";
	size_t at[256], n = 0, used = 0;
	unsigned cp;
	for (const char *p = word; *p && n < 255; n++) {
		at[n] = (size_t)(p - word);
		p += text_next(p, &cp);
	}
	at[n] = strlen(word);
	for (size_t i = 0; i + 3 <= n; i++)
		used += (size_t)snprintf(expr + used, sizeof expr - used, "%s\"%.*s\"", i ? " AND " : "",
		                         (int)(at[i + 3] - at[i]), word + at[i]);
	sqlite3_stmt *st = db_prep(db, "SELECT count(*) FROM nkz_fts WHERE nkz_fts MATCH :q");
	db_text(st, ":q", expr);
	int64_t k = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return k;
}

static char *text_of(tz_db *db, const char *sql, const char *code)
{
	static char buf[1024];
	sqlite3_stmt *st = db_prep(db, sql);
	db_text(st, ":code", code);
	buf[0] = 0;
	if (db_step(db, st) == SQLITE_ROW)
		snprintf(buf, sizeof buf, "%s", db_col_text(st, 0));
	else
		snprintf(buf, sizeof buf, "(none)");
	sqlite3_finalize(st);
	return buf;
}

static void code_forms(void)
{
	static const struct { const char *code; int level; } c[] = {
		{"7", 1}, {"Х", 1}, {"72", 2}, {"721", 3}, {"7212", 4}, {"Х1000", 4},
		{"7212-1", 5}, {"7212-9", 5}, {"7212-1-008", 6},
		{"", 0}, {"X", 0}, {"X1000", 0}, {"72121", 0}, {"7212-1-08", 0}, {"7212-1-0080", 0},
		{"7212-", 0}, {"7212-12", 0}, {"7212 1", 0}, {"Х12", 0}, {"Х1000-1", 0}, {"a", 0},
		{"7212-1-00a", 0}, {"７", 0},
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		CHECK(nkz_code_level(c[i].code) == c[i].level, "level of \"%s\": %d, want %d",
		      c[i].code, nkz_code_level(c[i].code), c[i].level);
	CHECK_INT(nkz_code_level(NULL), 0);

	static const struct { const char *code, *parent; } p[] = {
		{"7212-1-008", "7212-1"}, {"7212-1", "7212"}, {"7212", "721"}, {"721", "72"},
		{"72", "7"}, {"Х1000", "Х"},
	};
	char buf[16];
	for (size_t i = 0; i < sizeof p / sizeof *p; i++) {
		CHECK_INT(nkz_parent(p[i].code, buf, sizeof buf), 0);
		CHECK_STR(buf, p[i].parent);
	}
	CHECK_INT(nkz_parent("7", buf, sizeof buf), -1);
	CHECK_INT(nkz_parent("Х", buf, sizeof buf), -1);
	CHECK_INT(nkz_parent("72121", buf, sizeof buf), -1);
	CHECK_INT(nkz_parent("7212-1-008", buf, 4), -1);   /* never overruns */
}

static void sample(tz_db *db)
{
	const char *shared = getenv("TZ_SHARED");
	char path[512];
	snprintf(path, sizeof path, "%s/data/nkz-sample.csv", shared && *shared ? shared : "../shared");
	struct nkz_import_stats st;
	int rc = nkz_import_csv(db, path, NULL, &st, err, sizeof err);
	CHECK(rc == 0, "sample imports: %s", err);
	/* Counted from the file: awk -F, 'NR>1{print $2}' | sort | uniq -c */
	static const long want[7] = {0, 10, 41, 141, 444, 45, 319};
	for (int lv = 1; lv <= 6; lv++) {
		CHECK(st.per_level[lv] == want[lv], "level %d: %ld, want %ld", lv, st.per_level[lv],
		      want[lv]);
		char sql[80];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM nkz WHERE level = %d", lv);
		CHECK_INT(count(db, sql), want[lv]);
	}
	CHECK_INT(st.read, 1000);
	CHECK_INT(st.imported, 1000);
	CHECK_INT(st.added, 1000);
	CHECK_INT(st.skipped_inactive, 0);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz"), 1000);

	/* The hierarchy: every code hangs under its own prefix, which exists. */
	CHECK_STR(text_of(db, "SELECT parent FROM nkz WHERE code = :code", "7212-1-008"), "7212-1");
	CHECK_STR(text_of(db, "SELECT parent FROM nkz WHERE code = :code", "7212-1"), "7212");
	CHECK_STR(text_of(db, "SELECT parent FROM nkz WHERE code = :code", "7212"), "721");
	CHECK_STR(text_of(db, "SELECT parent FROM nkz WHERE code = :code", "Х1000"), "Х");
	CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE substr(code, 1, 7) = '7212-1-' "
	                    "AND parent <> '7212-1'"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE substr(code, 1, 7) = '7212-1-'"), 22);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz c LEFT JOIN nkz p ON p.code = c.parent "
	                    "WHERE c.level > 1 AND p.code IS NULL"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE level = 1 AND parent IS NOT NULL"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM pragma_foreign_key_check('nkz')"), 0);

	/* Names verbatim, Latin I and all; the folded copy reads it as І. */
	CHECK_STR(text_of(db, "SELECT name_ru FROM nkz WHERE code = :code", "7212"),
	          "СВАРЩИКИ И ГАЗОРЕЗЧИКИ");
	CHECK_STR(text_of(db, "SELECT name_kk FROM nkz WHERE code = :code", "7212"),
	          "ПІСІРУШІЛЕР ЖӘНЕ ГАЗБЕН КЕСУШІЛЕР");
	CHECK_STR(text_of(db, "SELECT fold_kk FROM nkz WHERE code = :code", "7212"),
	          "пісірушілер және газбен кесушілер");
	CHECK_STR(text_of(db, "SELECT substr(name_kk, -8) FROM nkz WHERE code = :code",
	                  "7212-1-002"), "МАШИНИСI");
	CHECK_STR(text_of(db, "SELECT substr(fold_kk, -8) FROM nkz WHERE code = :code",
	                  "7212-1-002"), "машинисі");
	/* The trigram index follows the table. */
	CHECK_INT(fts_hits(db, "газорезчик"), 3);

	/* Again: nothing new, nothing lost, nothing doubled. */
	rc = nkz_import_csv(db, path, "utf-8", &st, err, sizeof err);
	CHECK(rc == 0, "sample imports again: %s", err);
	CHECK_INT(st.imported, 1000);
	CHECK_INT(st.added, 0);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz"), 1000);
	CHECK_INT(fts_hits(db, "газорезчик"), 3);
}

/* Imports content as name into db; expects a refusal naming want, with the
 * classifier left as it was. */
static void refused(tz_db *db, const char *name, const char *content, const char *want)
{
	int64_t before = count(db, "SELECT count(*) FROM nkz");
	int64_t sum = count(db, "SELECT total(length(name_kk) + length(name_ru)) FROM nkz");
	const char *path = file(name, content);
	struct nkz_import_stats st;
	int rc = nkz_import_csv(db, path, "utf-8", &st, err, sizeof err);
	CHECK(rc == -1, "%s is refused", name);
	char full[256];
	snprintf(full, sizeof full, "%s/%s", dir, want);
	CHECK(strstr(err, full) != NULL, "%s: message \"%s\" lacks \"%s\"", name, err, full);
	CHECK_INT(count(db, "SELECT count(*) FROM nkz"), before);
	CHECK_INT(count(db, "SELECT total(length(name_kk) + length(name_ru)) FROM nkz"), sum);
	CHECK_INT(st.imported, 0);
}

#define HEAD "code,level,parent_code,name_ru,name_kz\n"
#define TOP "0,1,,РАБОЧИЕ,ЖҰМЫСШЫЛАР\n01,2,0,Р2,Ж2\n011,3,01,Р3,Ж3\n0111,4,011,Р4,Ж4\n"

static void refusals(tz_db *db)
{
	refused(db, "five.csv", HEAD TOP "01111,4,011,А,Б\n", "five.csv:6:1: \"01111\"");
	refused(db, "short.csv", HEAD TOP "0111-1,5,0111,А,Б\n0111-1-08,6,0111-1,А,Б\n",
	        "short.csv:7:1: \"0111-1-08\"");
	refused(db, "latin.csv", HEAD "X,1,,ПРОЧИЕ,БАСҚА\n", "latin.csv:2:1: code \"X\" has a Latin X");
	refused(db, "latin4.csv", HEAD "Х,1,,ПРОЧИЕ,БАСҚА\nX1000,4,Х,А,Б\n",
	        "latin4.csv:3:1: code \"X1000\" has a Latin X");
	refused(db, "noname.csv", HEAD TOP "0112,4,011,ТОКАРИ,\n", "noname.csv:6:5: the Kazakh name");
	refused(db, "noru.csv", HEAD TOP "0112,4,011,  ,ТОКАРЬЛАР\n", "noru.csv:6:4: the Russian name");
	refused(db, "dup.csv", HEAD TOP "0112,4,011,А,Б\n0112,4,011,В,Г\n",
	        "dup.csv:7:1: code 0112 appears again; it is already on line 6");
	refused(db, "parent.csv", HEAD TOP "0111-1,5,0112,А,Б\n",
	        "parent.csv:6:3: parent \"0112\" does not match code 0111-1");
	refused(db, "orphan.csv", HEAD "0,1,,А,Б\n0111,4,011,В,Г\n",
	        "orphan.csv:3:3: the parent group 011 of code 0111");
	refused(db, "level.csv", HEAD TOP "0111-1,4,0111,А,Б\n", "level.csv:6:2: level 4");
	refused(db, "nocode.csv", "level,name_ru,name_kz\n1,А,Б\n", "nocode.csv:1: no column");
	refused(db, "empty.csv", "", "empty.csv");
	refused(db, "flag.csv", "code,name_ru,name_kz,active\n0,А,Б,maybe\n", "flag.csv:2:4:");
	/* Every problem is named at once, each on its own line. */
	refused(db, "many.csv", HEAD TOP "01111,4,011,А,Б\n0112,4,011,,Б\n",
	        "many.csv:6:1: \"01111\"");
	CHECK(strstr(err, "many.csv:7:4:") != NULL, "second problem named too: %s", err);
	CHECK(strchr(err, '\n') != NULL, "one problem a line: %s", err);
	/* A good file beside a bad line writes nothing: the codes above stay out. */
	CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE substr(code, 1, 1) = '0'"), 0);
}

static void headers_and_updates(tz_db *db)
{
	/* Russian headers, any case and spacing, columns in another order, no
	 * parent column (derived), an inactive row left out. */
	const char *path = file("ru.csv",
		"  Наименование на казахском , КОД ,Наименование,Актуальность\n"
		"ЖҰМЫСШЫЛАР,0,РАБОЧИЕ,да\n"
		"Ж2,01,Р2,1\n"
		"Ж3,011,Р3,\n"
		"ТОКАРЬЛАР,0111,ТОКАРИ,да\n"
		"ЕСКІ,0112,СТАРЫЕ,нет\n"
		"ЕСКІ2,0113,СТАРЫЕ2,жоқ\n"
		"ТОКАРЬ,0111-1,ТОКАРЬ,Y\n");
	struct nkz_import_stats st;
	int rc = nkz_import_csv(db, path, NULL, &st, err, sizeof err);
	CHECK(rc == 0, "Russian headers import: %s", err);
	CHECK_INT(st.imported, 5);
	CHECK_INT(st.skipped_inactive, 2);
	CHECK_INT(st.per_level[4], 1);
	CHECK_INT(st.per_level[5], 1);
	CHECK_STR(text_of(db, "SELECT parent FROM nkz WHERE code = :code", "0111-1"), "0111");
	CHECK_STR(text_of(db, "SELECT name_kk FROM nkz WHERE code = :code", "0111"), "ТОКАРЬЛАР");
	CHECK_STR(text_of(db, "SELECT code FROM nkz WHERE code = :code", "0112"), "(none)");

	/* Kazakh headers; a changed name is updated, with its folded copy. */
	path = file("kk.csv", "коды,атауы (орысша),атауы,деңгей\n0111,ТОКАРИ-УНИВЕРСАЛЫ,ӘМБЕБАП ТОКАРЬЛАР,4\n");
	rc = nkz_import_csv(db, path, NULL, &st, err, sizeof err);
	CHECK(rc == 0, "Kazakh headers import: %s", err);
	CHECK_INT(st.imported, 1);
	CHECK_INT(st.added, 0);
	CHECK_STR(text_of(db, "SELECT name_kk FROM nkz WHERE code = :code", "0111"), "ӘМБЕБАП ТОКАРЬЛАР");
	CHECK_STR(text_of(db, "SELECT fold_ru FROM nkz WHERE code = :code", "0111"), "токари-универсалы");
	CHECK_INT(fts_hits(db, "универсал"), 1);
	CHECK_INT(fts_hits(db, "токарьлар"), 1);

	/* A code a register row refers to survives a file that leaves it out or
	 * retires it; retired, it is marked inactive. */
	CHECK_INT(db_exec(db, "INSERT INTO reg_version(id, state, created) VALUES "
	                      "(77, 'draft', '2025-01-01T00:00:00Z')"), SQLITE_OK);
	CHECK_INT(db_exec(db, "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru,"
	                      " basis_kk, basis_ru, level, validity, body_id, profile, fold_kk,"
	                      " fold_ru, sort_kk, sort_ru) SELECT 77, 'voluntary', code, name_kk,"
	                      " name_ru, 'Б', 'О', '3', 5, (SELECT min(id) FROM body), 't',"
	                      " fold_kk, fold_ru, x'01', x'01' FROM nkz WHERE code = '0111-1'"),
	          SQLITE_OK);
	path = file("retire.csv", "code,name_ru,name_kz,is_active\n0111-1,ТОКАРЬ,ТОКАРЬ,0\n");
	rc = nkz_import_csv(db, path, NULL, &st, err, sizeof err);
	CHECK(rc == 0, "retiring import: %s", err);
	CHECK_INT(st.imported, 0);
	CHECK_INT(st.skipped_inactive, 1);
	CHECK_INT(st.deactivated, 1);
	CHECK_STR(text_of(db, "SELECT active FROM nkz WHERE code = :code", "0111-1"), "0");
	CHECK_INT(count(db, "SELECT count(*) FROM reg_row WHERE nkz_code = '0111-1'"), 1);
	/* Parents may come from the database: 0111 is stored. */
	path = file("child.csv", HEAD "0111-2,5,0111,ФРЕЗЕРОВЩИКИ,ФРЕЗЕРШІЛЕР\n");
	rc = nkz_import_csv(db, path, NULL, &st, err, sizeof err);
	CHECK(rc == 0, "parent from the database: %s", err);
	/* Re-activated by a file that lists it again. */
	path = file("back.csv", HEAD "0111-1,5,0111,ТОКАРЬ,ТОКАРЬ\n");
	rc = nkz_import_csv(db, path, NULL, &st, err, sizeof err);
	CHECK(rc == 0, "re-activating import: %s", err);
	CHECK_STR(text_of(db, "SELECT active FROM nkz WHERE code = :code", "0111-1"), "1");
}

/* A file longer than one write slice of the stage: every code written,
 * and a duplicate far from its first line still found. */
static void many(tz_db *db)
{
	char path[128];
	snprintf(path, sizeof path, "%s/many.csv", dir);
	for (int dup = 1; dup >= 0; dup--) {
		FILE *f = fopen(path, "w");
		if (!f)
			return;
		fputs("code,name_ru,name_kz\n9,Г,Т\n99,Г,Т\n999,Г,Т\n9999,Г,Т\n", f);
		for (int g = 1; g <= 3; g++) {
			fprintf(f, "9999-%d,Г%d,Т%d\n", g, g, g);
			for (int n = 0; n < 1000; n++)
				fprintf(f, "9999-%d-%03d,Слесарь %d,Слесарь %d\n", g, n, n, n);
		}
		if (dup)
			fputs("9999-1-007,Слесарь,Слесарь\n", f);
		fclose(f);
		struct nkz_import_stats st;
		int rc = nkz_import_csv(db, path, NULL, &st, err, sizeof err);
		if (dup) {
			CHECK(rc == -1, "a duplicate on line 3009 is refused");
			CHECK(strstr(err, "many.csv:3009:1: code 9999-1-007 appears again; it is already "
			                  "on line 14") != NULL, "duplicate message: %s", err);
			CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE code >= '9999-' AND code < '9999.'"), 0);
		} else {
			CHECK(rc == 0, "3,007 codes: %s", err);
			CHECK_INT(st.imported, 3007);
			CHECK_INT(st.per_level[6], 3000);
			CHECK_INT(count(db, "SELECT count(*) FROM nkz WHERE code >= '9999-' AND code < '9999.'"), 3003);
			CHECK_STR(text_of(db, "SELECT parent FROM nkz WHERE code = :code", "9999-3-999"),
			          "9999-3");
		}
	}
}

int main(void)
{
	/* No i18n_init: in the C locale gettext gives the English msgids, which
	 * the messages are checked against. */
	snprintf(dir, sizeof dir, "/tmp/tz_nkz_XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	char db_path[128];
	snprintf(db_path, sizeof db_path, "%s/t.db", dir);
	tz_db *db = store_open(db_path, 1, 0, err, sizeof err);
	CHECK(db != NULL, "store_open: %s", err);
	if (!db)
		return tz_test_done();

	code_forms();
	sample(db);
	refusals(db);
	headers_and_updates(db);
	many(db);

	db_close(db);
	text_cleanup();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	return tz_test_done();
}
