/* regcsv.h: the Appendix's words, validity in words, and the export of a
 * version as CSV; the import is in regcsv_in.c. */
#include "exchange/regcsv.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange/csvin.h"
#include "base/i18n.h"
#include "domain/register.h"
#include "domain/regorder.h"
#include "base/text.h"
#include "base/safefile.h"
#include "store/seal.h"

/* The Appendix's own words.  These are data of the form, written in the
 * file's language whatever the interface speaks, so they are not messages
 * for gettext.  Index 0 Kazakh, 1 Russian. */
static const char *const heading[2][8] = {
	{"Р/с", "ҰКС сәйкес кәсіптің атауы", "ҰКС сәйкес код",
	 "Нормативтік құқықтық актінің атауы (міндетті негізде) / кәсіптік стандарттың немесе "
	 "біліктілік талаптарының атауы (ерікті негізде)",
	 "ҰБШ және СБШ сәйкес біліктілік деңгейі (бірнеше деңгей болған жағдайда, кәсіп деңгейі "
	 "санына сәйкес келесі жолда (жолдарда) қайта көрсетіледі)",
	 "Кәсіптік біліктілікті танудан өту қорытындылары бойынша алынатын құжаттың қолданылу мерзімі",
	 "Салалық мемлекеттік органның атауы",
	 "Кәсіп бейіні (т – техникалық бейін, әг – әлеуметтік-гуманитарлық бейін)"},
	{"№ п/п", "Наименование профессии согласно НКЗ", "Код согласно НКЗ",
	 "Наименование нормативного правового акта (на обязательной основе) / профессионального "
	 "стандарта или квалификационных требований (на добровольной основе)",
	 "Уровень квалификации согласно НРК и ОРК (при наличии нескольких уровней профессия "
	 "повторно указывается в следующей строке (строках) в соответствии с количеством уровней)",
	 "Срок действия документа, выдаваемого по итогам прохождения признания профессиональной "
	 "квалификации",
	 "Наименование отраслевого государственного органа",
	 "Профиль профессии (т – технический профиль, сг – социально-гуманитарный профиль)"},
};
static const char *const sections[2] = {"mandatory", "voluntary"};
static const char *const section_title[2][2] = {
	{"Міндетті негізде жүзеге асырылатын кәсіптік біліктілікті тану",
	 "Ерікті негізде жүзеге асырылатын кәсіптік біліктілікті тану"},
	{"Признание профессиональной квалификации, осуществляемое на обязательной основе",
	 "Признание профессиональной квалификации, осуществляемое на добровольной основе"},
};
static const char *const profile_word[2][2] = {{"т", "әг"}, {"т", "сг"}};
static const char *const unlimited[2] = {"мерзімсіз", "бессрочно"};
/* The line above the form of a published version: its seal (seal.h).  The
 * import reads a line above the heading, in the first cell only, as the
 * form's title and passes over it, so the file still imports. */
/* The first line of a file of a version not published (data of the
 * document, in its language, as the seal line). */
static const char *const draft_line[2] = {
	"ЖОБА. Кәсіптер тізілімінің %lld-нұсқасы, жарияланбаған",
	"ПРОЕКТ. Реестр профессий, версия %lld, не опубликован",
};
static const char *const seal_line[2] = {
	"Кәсіптер тізілімі, жарияланған %lld-нұсқа. Жолдарының қазақ және орыс тілдеріндегі "
	"SHA-256 бақылау сомасы: %s",
	"Реестр профессий, опубликованная версия %lld. Контрольная сумма SHA-256 её строк на "
	"казахском и русском языках: %s",
};

static int lang_index(const char *lang)
{
	return lang && !strcmp(lang, "ru");
}

const char *regcsv_heading(const char *lang, int column)
{
	return column >= 1 && column <= 8 ? heading[lang_index(lang)][column - 1] : "";
}

const char *regcsv_section_title(const char *lang, const char *section)
{
	return section_title[lang_index(lang)][section && !strcmp(section, "voluntary")];
}

const char *regcsv_profile_word(const char *lang, const char *profile)
{
	return profile_word[lang_index(lang)][!profile || strcmp(profile, "t") != 0];
}

void regcsv_validity(const char *lang, int years, char *buf, size_t len)
{
	int ru = lang_index(lang);
	if (years <= 0) {
		snprintf(buf, len, "%s", unlimited[ru]);
		return;
	}
	const char *word = "жыл";
	if (ru) {
		int d = years % 10, h = years % 100;
		word = d == 1 && h != 11 ? "год" : d >= 2 && d <= 4 && (h < 12 || h > 14) ? "года" : "лет";
	}
	snprintf(buf, len, "%d %s", years, word);
}

int regcsv_parse_validity(const char *text)
{
	char *f = text_fold(text);
	if (!f)
		return -1;
	text_trim(f);
	int years = -1;
	if (!strcmp(f, unlimited[0]) || !strcmp(f, unlimited[1])) {
		years = 0;
	} else if (f[0] >= '0' && f[0] <= '9') {
		char *end;
		long n = strtol(f, &end, 10);
		while (*end == ' ')
			end++;
		static const char *const words[] = {"", "жыл", "год", "года", "лет"};
		for (size_t i = 0; i < sizeof words / sizeof *words; i++)
			if (!strcmp(end, words[i]) && n >= 1 && n <= 99)
				years = (int)n;
	}
	free(f);
	return years;
}

int64_t regcsv_default_version(tz_db *db)
{
	int64_t v = reg_draft(db);
	return v ? v : reg_published(db);
}

/* ---- export ------------------------------------------------------------- */

struct out {
	FILE *f;
	iconv_t cd;          /* (iconv_t)-1 for UTF-8 */
	const char *enc;
	long line;           /* the line the record being written starts on */
	long lines_in_rec;
	char *err;
	size_t errlen;
	int failed;
	const struct regcsv_export *x;   /* its progress */
	long done, total;                /* rows written, rows of the version */
};

enum { REGCSV_PROGRESS_EVERY = 256 };

/* Tells the export's progress of a row written (or, at the end, of all);
 * a non-zero answer stops the export. */
static void export_progress(struct out *o, int last)
{
	if (!o->x->progress || o->failed)
		return;
	if (!last && ++o->done % REGCSV_PROGRESS_EVERY)
		return;
	if (o->x->progress(o->x->pctx, last ? o->total : o->done, o->total)) {
		snprintf(o->err, o->errlen, "%s", _("The export was stopped; no file was written."));
		o->failed = 1;
	}
}

int regcsv_formula_like(const char *s)
{
	while (*s == '\'')
		s++;
	return *s && strchr("=+-@\t\r", *s);
}

/* Writes one field, quoted when RFC 4180 asks for it, in the file's
 * encoding; a character the encoding lacks stops the export.  A cell a
 * spreadsheet would run as a formula (=, +, -, @, tab or CR first; OWASP's
 * list) gets an apostrophe in front, which the import takes off again. */
sqlite3_stmt *regcsv_rows(tz_db *db, int64_t version, const char *section, int ru)
{
	static const char *const sql[2] = {
		"SELECT r.nkz_code, r.name_kk, r.basis_kk, r.level, r.validity, b.name_kk, r.profile "
		"FROM reg_row r JOIN body b ON b.id = r.body_id JOIN reg_place p ON p.row_id = r.id "
		"WHERE r.version_id = :v AND r.section = :s ORDER BY p.num IS NULL, p.num, r.nkz_code, r.level",
		"SELECT r.nkz_code, r.name_ru, r.basis_ru, r.level, r.validity, b.name_ru, r.profile "
		"FROM reg_row r JOIN body b ON b.id = r.body_id JOIN reg_place p ON p.row_id = r.id "
		"WHERE r.version_id = :v AND r.section = :s ORDER BY p.num IS NULL, p.num, r.nkz_code, r.level",
	};
	/* The official order, the same in both languages: rows added to a draft
	 * since it was last read take their places first (when the database can
	 * be written; otherwise they come last, by code). */
	regorder_settle(db, version);
	sqlite3_stmt *st = db_prep(db, sql[ru != 0]);
	if (st) {
		db_int(st, ":v", version);
		db_text(st, ":s", section);
	}
	return st;
}

static void put_field(struct out *o, const char *s, int col)
{
	if (o->failed)
		return;
	if (col > 1)
		fputc(',', o->f);
	int quote = s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' ') || strpbrk(s, ",\"\r\n");
	size_t len = strlen(s);
	char *esc = malloc(len * 2 + 4), *e = esc;
	if (!esc) {
		snprintf(o->err, o->errlen, "%s", _("out of memory"));
		o->failed = 1;
		return;
	}
	if (quote)
		*e++ = '"';
	if (regcsv_formula_like(s))
		*e++ = '\'';
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			*e++ = '"';
		if (*p == '\n')
			o->lines_in_rec++;
		*e++ = *p;
	}
	if (quote)
		*e++ = '"';
	*e = 0;
	if (o->cd == (iconv_t)-1) {
		fputs(esc, o->f);
		free(esc);
		return;
	}
	size_t elen = (size_t)(e - esc), cap = elen + 1;
	char *conv = malloc(cap), *in = esc, *op = conv;
	size_t inleft = elen, oleft = cap;
	iconv(o->cd, NULL, NULL, NULL, NULL);
	if (conv && iconv(o->cd, &in, &inleft, &op, &oleft) != (size_t)-1) {
		fwrite(conv, 1, (size_t)(op - conv), o->f);
	} else if (conv) {
		unsigned cp;
		int n = text_next(in, &cp);
		if (!strcmp(o->enc, "CP1251"))
			snprintf(o->err, o->errlen,
			         _("line %ld, column %d: the letter «%.*s» cannot be written in %s; use UTF-8 or RK1048"),
			         o->line, col, n, in, o->enc);
		else
			snprintf(o->err, o->errlen,
			         _("line %ld, column %d: the letter «%.*s» cannot be written in %s; use UTF-8"),
			         o->line, col, n, in, o->enc);
		o->failed = 1;
	} else {
		snprintf(o->err, o->errlen, "%s", _("out of memory"));
		o->failed = 1;
	}
	free(conv);
	free(esc);
}

static void end_record(struct out *o)
{
	if (o->failed)
		return;
	fputs("\r\n", o->f);
	o->line += 1 + o->lines_in_rec;
	o->lines_in_rec = 0;
}

static void write_rows(tz_db *db, struct out *o, int64_t version, int ru)
{
	const char *state = reg_version_state(db, version);
	char seal[SEAL_HEX_LEN], line[512];
	if (state && !strcmp(state, "published")) {
		if (seal_compute(db, version, seal, NULL)) {
			snprintf(o->err, o->errlen, _("The database refused the query: %s"), db_errmsg(db));
			o->failed = 1;
			return;
		}
		snprintf(line, sizeof line, seal_line[ru], (long long)version, seal);
		put_field(o, line, 1);
		end_record(o);
	} else {
		/* Any other version is a draft, however far it went: a file of
		 * it says so before anyone takes it for the register, as the
		 * XLSX does on every page.  A title in the first cell only, so
		 * that the file still imports. */
		snprintf(line, sizeof line, draft_line[ru], (long long)version);
		put_field(o, line, 1);
		end_record(o);
	}
	for (int c = 0; c < 8; c++)
		put_field(o, heading[ru][c], c + 1);
	end_record(o);
	for (int c = 0; c < 8; c++) {
		char num[4];
		snprintf(num, sizeof num, "%d", c + 1);
		put_field(o, num, c + 1);
	}
	end_record(o);
	for (int s = 0; s < 2 && !o->failed; s++) {
		put_field(o, section_title[ru][s], 1);
		for (int c = 2; c <= 8; c++)
			put_field(o, "", c);
		end_record(o);
		sqlite3_stmt *st = regcsv_rows(db, version, sections[s], ru);
		if (!st) {
			snprintf(o->err, o->errlen, _("The database refused the query: %s"), db_errmsg(db));
			o->failed = 1;
			return;
		}
		long n = 0;
		int rc;
		while (!o->failed && (rc = db_step(db, st)) == SQLITE_ROW) {
			char num[24], validity[32];
			snprintf(num, sizeof num, "%ld.", ++n);
			regcsv_validity(ru ? "ru" : "kk", sqlite3_column_int(st, 4), validity, sizeof validity);
			put_field(o, num, 1);
			put_field(o, db_col_text(st, 1), 2);
			put_field(o, db_col_text(st, 0), 3);
			put_field(o, db_col_text(st, 2), 4);
			put_field(o, db_col_text(st, 3), 5);
			put_field(o, validity, 6);
			put_field(o, db_col_text(st, 5), 7);
			put_field(o, profile_word[ru][strcmp(db_col_text(st, 6), "t") != 0], 8);
			end_record(o);
			export_progress(o, 0);
		}
		if (!o->failed && rc != SQLITE_DONE) {
			snprintf(o->err, o->errlen, _("The database refused the query: %s"), db_errmsg(db));
			o->failed = 1;
		}
		sqlite3_finalize(st);
	}
}

long regcsv_count_rows(tz_db *db, int64_t version)
{
	sqlite3_stmt *st = db_prep(db, "SELECT coalesce(sum(n), 0) FROM reg_count WHERE version_id = :v");
	db_int(st, ":v", version);
	long n = st && db_step(db, st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return n;
}

int regcsv_export(tz_db *db, const struct regcsv_export *x, char *err, size_t errlen)
{
	const char *enc = csvin_encoding(x->encoding ? x->encoding : "utf-8");
	if (!enc || !strcmp(enc, "auto")) {
		snprintf(err, errlen, _("unknown encoding \"%s\": use utf-8, rk1048 or cp1251"), x->encoding);
		return -1;
	}
	int64_t version = x->version ? x->version : regcsv_default_version(db);
	if (!version || !reg_version_state(db, version)) {
		if (x->version)
			snprintf(err, errlen, _("there is no register version %lld"), (long long)x->version);
		else
			snprintf(err, errlen, "%s", _("there is no register to export: no draft and none published"));
		return -1;
	}
	struct out o = {.cd = (iconv_t)-1, .enc = enc, .line = 1, .err = err, .errlen = errlen, .x = x};
	if (x->progress)
		o.total = regcsv_count_rows(db, version);
	if (strcmp(enc, "UTF-8") && (o.cd = iconv_open(enc, "UTF-8")) == (iconv_t)-1) {
		snprintf(err, errlen, _("the encoding %s is not available on this system"), enc);
		return -1;
	}
	/* Written aside first: a refused letter or a full disk leaves no
	 * half-written file where the old one was, and nothing on stdout. */
	if (x->path && db_own_file(db, x->path)) {
		snprintf(err, errlen, _("%s is the database itself or a file SQLite keeps beside it; "
		                        "choose another file"), x->path);
		if (o.cd != (iconv_t)-1)
			iconv_close(o.cd);
		return -1;
	}
	struct safefile out = {0};
	char *mem = NULL;
	size_t memlen = 0;
	if (x->path) {
		if (userfile_create(&out, x->path, 0666) == 0)
			o.f = out.fp;
	} else {
		o.f = open_memstream(&mem, &memlen);
	}
	if (!o.f) {
		snprintf(err, errlen, _("cannot write %s: %s"), x->path ? x->path : "-", strerror(errno));
		if (o.cd != (iconv_t)-1)
			iconv_close(o.cd);
		return -1;
	}
	if (x->bom && !strcmp(enc, "UTF-8"))
		fputs("\xEF\xBB\xBF", o.f);
	if (x->progress && x->progress(x->pctx, 0, o.total)) {
		snprintf(err, errlen, "%s", _("The export was stopped; no file was written."));
		o.failed = 1;
	}
	if (!o.failed)
		write_rows(db, &o, version, lang_index(x->lang));
	export_progress(&o, 1);
	if (o.cd != (iconv_t)-1)
		iconv_close(o.cd);
	int bad = o.failed;
	if (x->path) {
		if (bad) {
			userfile_abandon(&out);
		} else if (userfile_commit(&out)) {
			snprintf(err, errlen, _("cannot write %s: %s"), x->path, strerror(errno));
			bad = 1;
		}
	} else {
		if (!bad && (fflush(o.f) || ferror(o.f))) {
			snprintf(err, errlen, _("cannot write %s: %s"), "-", strerror(errno));
			bad = 1;
		}
		if (fclose(o.f) && !bad) {
			snprintf(err, errlen, _("cannot write %s: %s"), "-", strerror(errno));
			bad = 1;
		}
		if (!bad && (fwrite(mem, 1, memlen, stdout) != memlen || fflush(stdout))) {
			snprintf(err, errlen, _("cannot write %s: %s"), "-", strerror(errno));
			bad = 1;
		}
		free(mem);
	}
	return bad ? -1 : 0;
}
