#include "domain/press.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/auth.h"
#include "base/datewords.h"
#include "base/host.h"
#include "base/i18n.h"
#include "domain/deadlines.h"
#include "domain/review.h"
#include "base/text.h"

/* The release is a document in its own language, like the Appendix's words
 * in regcsv: its sentences are written here in Kazakh and in Russian, not
 * taken from the interface's catalog, so that both exist whatever language
 * the clerk works in. */

int64_t press_version(tz_db *db)
{
	return db_int_query(db, "SELECT id FROM reg_version WHERE state = 'published' "
	                        "ORDER BY published DESC, id DESC LIMIT 1", 0);
}

const char *press_ru_plural(long n, const char *one, const char *few, const char *many)
{
	long t = n % 100, u = n % 10;
	if (t >= 11 && t <= 14)
		return many;
	return u == 1 ? one : (u >= 2 && u <= 4) ? few : many;
}

struct prof {
	char code[16];
	char *name_kk, *name_ru;
	int kind;     /* 0 added, 1 removed, 2 changed */
};

struct gather {
	tz_db *db;
	int64_t base, version;
	struct prof *p;
	int n, cap, failed;
};

static int count_rows(tz_db *db, int64_t v, const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT count(*) FROM reg_row WHERE version_id = :v AND nkz_code = :c");
	db_int(st, ":v", v);
	db_text(st, ":c", code);
	int n = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return n;
}

static int gather(void *ctx, const struct review_change *c)
{
	struct gather *g = ctx;
	const struct reg_row *r = c->neu ? c->neu : c->old;
	/* Rows come ordered by code: a profession's rows are together. */
	if (g->n && !strcmp(g->p[g->n - 1].code, r->nkz_code))
		return 0;
	if (g->n == g->cap) {
		int cap = g->cap ? 2 * g->cap : 16;
		struct prof *np = realloc(g->p, (size_t)cap * sizeof *np);
		if (!np) {
			g->failed = 1;
			return 1;
		}
		g->p = np;
		g->cap = cap;
	}
	struct prof *p = &g->p[g->n++];
	snprintf(p->code, sizeof p->code, "%s", r->nkz_code);
	p->name_kk = strdup(r->name_kk);
	p->name_ru = strdup(r->name_ru);
	p->kind = !count_rows(g->db, g->base, r->nkz_code) ? 0 : !count_rows(g->db, g->version, r->nkz_code) ? 1 : 2;
	return 0;
}

static void list(FILE *f, const struct gather *g, int kind, const char *lang)
{
	int first = 1;
	for (int i = 0; i < g->n; i++) {
		if (g->p[i].kind != kind)
			continue;
		fprintf(f, "%s%s (%s)", first ? "" : ", ",
		        !strcmp(lang, "kk") ? g->p[i].name_kk : g->p[i].name_ru, g->p[i].code);
		first = 0;
	}
	fputs(".\n\n", f);
}

static long professions(tz_db *db, int64_t v, const char *section)
{
	sqlite3_stmt *st = db_prep(db, "SELECT count(DISTINCT nkz_code) FROM reg_row WHERE version_id = :v "
	                               "AND (:s IS NULL OR section = :s)");
	db_int(st, ":v", v);
	db_text(st, ":s", section);
	long n = db_step(db, st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return n;
}

static void write_kk(FILE *f, tz_db *db, const struct gather *g, const long *k,
                     const char *placed, const char *rec, const char *protocol)
{
	char d1[64], d2[64];
	date_words_iso("kk", placed, DW_WHEN, d1, sizeof d1);
	date_words_iso("kk", rec, DW_OF, d2, sizeof d2);
	fprintf(f, "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі %s "
	           "цифрлық платформада Кәсіптер тізілімінің жаңартылған редакциясын орналастырды. Тізілім Кәсіптік "
	           "біліктілік жөніндегі ұлттық кеңестің %s ұсынымдарын (№ %s хаттама) ескере "
	           "отырып қалыптастырылды.\n\n", d1, d2, protocol);
	if (k[0]) {
		fprintf(f, "Кәсіптер тізіліміне %ld кәсіп енгізілді: ", k[0]);
		list(f, g, 0, "kk");
	}
	if (k[1]) {
		fprintf(f, "Кәсіптер тізілімінен %ld кәсіп алып тасталды: ", k[1]);
		list(f, g, 1, "kk");
	}
	if (k[2]) {
		fprintf(f, "%ld кәсіп бойынша мәліметтер өзгертілді: ", k[2]);
		list(f, g, 2, "kk");
	}
	if (!k[0] && !k[1] && !k[2])
		fputs("Кәсіптер тізілімінде өзгерістер жоқ.\n\n", f);
	fprintf(f, "Жаңартылған тізілімде барлығы %ld кәсіп бар, оның ішінде біліктілікті міндетті "
	           "негізде тану — %ld кәсіп, ерікті негізде тану — %ld кәсіп бойынша.\n",
	        professions(db, g->version, NULL), professions(db, g->version, "mandatory"),
	        professions(db, g->version, "voluntary"));
}

static void write_ru(FILE *f, tz_db *db, const struct gather *g, const long *k,
                     const char *placed, const char *rec, const char *protocol)
{
	char d1[64], d2[64];
	date_words_iso("ru", placed, DW_DATE, d1, sizeof d1);
	date_words_iso("ru", rec, DW_DATE, d2, sizeof d2);
	fprintf(f, "Министерство труда и социальной защиты населения Республики Казахстан %s "
	           "разместило на цифровой платформе обновлённый Реестр профессий, сформированный с учётом рекомендаций "
	           "Национального совета по профессиональным квалификациям от %s (протокол № %s).\n\n",
	        d1, d2, protocol);
	const char *prof[3] = {"профессия", "профессии", "профессий"};
	if (k[0]) {
		fprintf(f, "В Реестр профессий %s %ld %s: ", press_ru_plural(k[0], "включена", "включены", "включено"),
		        k[0], press_ru_plural(k[0], prof[0], prof[1], prof[2]));
		list(f, g, 0, "ru");
	}
	if (k[1]) {
		fprintf(f, "Из Реестра профессий %s %ld %s: ",
		        press_ru_plural(k[1], "исключена", "исключены", "исключено"), k[1],
		        press_ru_plural(k[1], prof[0], prof[1], prof[2]));
		list(f, g, 1, "ru");
	}
	if (k[2]) {
		fprintf(f, "Изменены сведения о %ld %s: ", k[2], press_ru_plural(k[2], "профессии", "профессиях", "профессиях"));
		list(f, g, 2, "ru");
	}
	if (!k[0] && !k[1] && !k[2])
		fputs("Изменений в Реестре профессий нет.\n\n", f);
	long all = professions(db, g->version, NULL), m = professions(db, g->version, "mandatory"),
	     v = professions(db, g->version, "voluntary");
	fprintf(f, "Всего в обновлённом Реестре %ld %s, из них признание квалификации на обязательной "
	           "основе — по %ld %s, на добровольной основе — по %ld %s.\n",
	        all, press_ru_plural(all, prof[0], prof[1], prof[2]),
	        m, press_ru_plural(m, "профессии", "профессиям", "профессиям"),
	        v, press_ru_plural(v, "профессии", "профессиям", "профессиям"));
}

char *press_draft(tz_db *db, int64_t version, const char *lang)
{
	struct gather g = {db, review_base(db, version), version, NULL, 0, 0, 0};
	sqlite3_stmt *st = db_prep(db, "SELECT coalesce(c.placed_date, ''), coalesce(c.council_rec_date, ''), "
	                               "coalesce(c.council_protocol, '') FROM reg_version v "
	                               "LEFT JOIN cycle c ON c.id = v.cycle_id WHERE v.id = :v");
	db_int(st, ":v", version);
	char placed[16] = "", rec[16] = "", protocol[64] = "";
	if (db_step(db, st) == SQLITE_ROW) {
		snprintf(placed, sizeof placed, "%s", db_col_text(st, 0));
		snprintf(rec, sizeof rec, "%s", db_col_text(st, 1));
		snprintf(protocol, sizeof protocol, "%s", db_col_text(st, 2));
	}
	sqlite3_finalize(st);
	char *text = NULL;
	size_t len = 0;
	if (review_each(db, version, gather, &g) >= 0 && !g.failed) {
		long k[3] = {0, 0, 0};
		for (int i = 0; i < g.n; i++)
			k[g.p[i].kind]++;
		FILE *f = open_memstream(&text, &len);
		if (f) {
			if (!strcmp(lang, "kk"))
				write_kk(f, db, &g, k, placed, rec, protocol);
			else
				write_ru(f, db, &g, k, placed, rec, protocol);
			fclose(f);
		}
	}
	for (int i = 0; i < g.n; i++) {
		free(g.p[i].name_kk);
		free(g.p[i].name_ru);
	}
	free(g.p);
	return text;
}

char *press_text(tz_db *db, int64_t version, const char *lang, int *edited)
{
	sqlite3_stmt *st = db_prep(db, "SELECT text FROM press_release WHERE version_id = :v AND lang = :l");
	db_int(st, ":v", version);
	db_text(st, ":l", lang);
	char *text = NULL;
	*edited = 0;
	if (db_step(db, st) == SQLITE_ROW) {
		text = strdup(db_col_text(st, 0));
		*edited = 1;
	}
	sqlite3_finalize(st);
	return text ? text : press_draft(db, version, lang);
}

/* Runs st (NULL when it could not be prepared) as a transaction of its
 * own.  0, or -1 with the database's reason in err. */
static int press_write(tz_db *db, sqlite3_stmt *st, char *err, size_t errlen)
{
	if (db_begin(db)) {
		sqlite3_finalize(st);
		st = NULL;
	}
	if (!st || db_run(db, st) || db_commit(db)) {
		snprintf(err, errlen, "%s", db_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}

int press_save(tz_db *db, int64_t version, const char *lang, const char *text, char *err, size_t errlen)
{
	if (auth_edit_register(db, err, errlen))
		return -1;
	/* The release is printed and shown as it is kept: what a file brings in
	 * must be letters, not bytes of another encoding or terminal commands. */
	long bad = text_find_control(text, TEXT_LINES);
	if (bad >= 0) {
		char shown[16], what[256];
		long line, col;
		unsigned cp;
		text_place(text, bad, &line, &col);
		/* What is found is a control character, or else a bad byte. */
		if (!(text_next(text + bad, &cp) == 1 && cp == 0xFFFD)) {
			text_escape_char(text + bad, shown);
			snprintf(what, sizeof what, _("the text holds the control character %s, which could "
			                              "change what a screen shows; remove it"), shown);
		} else {
			snprintf(what, sizeof what, "%s", _("the text is not valid UTF-8; save it as UTF-8"));
		}
		snprintf(err, errlen, _("line %ld, column %ld: %s"), line, col, what);
		return -1;
	}
	char now[24];
	sqlite3_stmt *st = db_prep(db, "INSERT INTO press_release (version_id, lang, text, edited, updated, login) "
	                               "VALUES (:v, :l, :t, 1, :now, :who) ON CONFLICT (version_id, lang) DO UPDATE "
	                               "SET text = excluded.text, edited = 1, updated = excluded.updated, "
	                               "login = excluded.login");
	db_int(st, ":v", version);
	db_text(st, ":l", lang);
	db_text(st, ":t", text);
	db_text(st, ":now", host_now(now));
	db_text(st, ":who", host_login());
	return press_write(db, st, err, errlen);
}

tz_day press_due(tz_db *db, int64_t version)
{
	sqlite3_stmt *st = db_prep(db, "SELECT c.placed_date FROM reg_version v JOIN cycle c ON c.id = v.cycle_id "
	                               "WHERE v.id = :v AND c.placed_date IS NOT NULL");
	db_int(st, ":v", version);
	tz_day placed = -1, due = -1;
	if (db_step(db, st) == SQLITE_ROW && cal_parse(db_col_text(st, 0), &placed))
		placed = -1;
	sqlite3_finalize(st);
	if (placed >= 0) {
		tz_calendar *cal = cal_load(db);
		if (cal) {
			due = cal_add_workdays(cal, placed, 3);
			cal_free(cal);
		}
	}
	return due;
}

/* A place must be one line of letters: it is shown in a cell of the
 * screen.  Copied into out (trimmed); 0, or -1 with err. */
static int press_place_ok(const char *place, const char *lang, char *out, size_t len,
                          char *err, size_t errlen)
{
	if (place && strlen(place) >= len) {
		snprintf(err, errlen, "%s", _("The place is too long: give the address or the page's name."));
		return -1;
	}
	snprintf(out, len, "%s", place ? place : "");
	text_trim(out);
	if (!*out) {
		snprintf(err, errlen, "%s", !strcmp(lang, "kk")
		         ? _("Say where the press release was placed, in Kazakh: an address or the page's name.")
		         : _("Say where the press release was placed, in Russian: an address or the page's name."));
		return -1;
	}
	if (text_find_control(out, 0) >= 0) {
		snprintf(err, errlen, "%s", _("The place holds a control character or a line break: give it on one line."));
		return -1;
	}
	return 0;
}

int press_place(tz_db *db, int64_t version, tz_day date, const char *place_kk,
                const char *place_ru, char *err, size_t errlen)
{
	sqlite3_stmt *st = db_prep(db, "SELECT c.placed_date FROM reg_version v JOIN cycle c ON c.id = v.cycle_id "
	                               "WHERE v.id = :v AND v.state = 'published'");
	if (!st) {
		snprintf(err, errlen, "%s", db_errmsg(db));
		return -1;
	}
	db_int(st, ":v", version);
	char placed[11] = "";
	int found = db_step(db, st) == SQLITE_ROW;
	if (found)
		snprintf(placed, sizeof placed, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	if (!found) {
		snprintf(err, errlen, "%s", _("No register is published yet."));
		return -1;
	}
	if (deadline_check_past(date, err, errlen))
		return -1;
	tz_day p;
	if (!cal_parse(placed, &p) && date < p) {
		snprintf(err, errlen, _("The press release cannot be placed before the register was placed (%s)."),
		         placed);
		return -1;
	}
	char kk[sizeof ((struct press_placement *)0)->place_kk], ru[sizeof kk];
	if (press_place_ok(place_kk, "kk", kk, sizeof kk, err, errlen) ||
	    press_place_ok(place_ru, "ru", ru, sizeof ru, err, errlen) || auth_edit_register(db, err, errlen))
		return -1;
	char now[24], day[11];
	st = db_prep(db, "INSERT INTO press_placement (version_id, date, place_kk, place_ru, updated, login) "
	                 "VALUES (:v, :d, :kk, :ru, :now, :who) ON CONFLICT (version_id) DO UPDATE "
	                 "SET date = excluded.date, place_kk = excluded.place_kk, place_ru = excluded.place_ru, "
	                 "updated = excluded.updated, login = excluded.login");
	db_int(st, ":v", version);
	db_text(st, ":d", cal_format(date, day));
	db_text(st, ":kk", kk);
	db_text(st, ":ru", ru);
	db_text(st, ":now", host_now(now));
	db_text(st, ":who", host_login());
	return press_write(db, st, err, errlen);
}

int press_placement_of(tz_db *db, int64_t version, struct press_placement *out)
{
	sqlite3_stmt *st = db_prep(db, "SELECT date, place_kk, place_ru FROM press_placement WHERE version_id = :v");
	if (!st)
		return -1;
	db_int(st, ":v", version);
	memset(out, 0, sizeof *out);
	int rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		snprintf(out->date, sizeof out->date, "%s", db_col_text(st, 0));
		snprintf(out->place_kk, sizeof out->place_kk, "%s", db_col_text(st, 1));
		snprintf(out->place_ru, sizeof out->place_ru, "%s", db_col_text(st, 2));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
