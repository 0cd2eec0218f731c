#include "exchange/xlsxout.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "base/debuglog.h"
#include "base/i18n.h"
#include "exchange/regcsv.h"
#include "domain/register.h"
#include "domain/ground.h"
#include "base/privs.h"
#include "base/safefile.h"
#include "store/seal.h"
#include "store/refdata.h"

/* Words of the printed form and of the pack, in the workbook's language
 * whatever the interface speaks (as regcsv's Appendix words): data of the
 * document, not messages.  Index 0 Kazakh, 1 Russian. */
static const char *const form_title[2] = {"Кәсіптер тізілімі", "Реестр профессий"};
static const char *const version_word[2] = {"нұсқа", "версия"};
static const char *const state_word[2][4] = {
	{"ЖОБА", "Кәсіптік біліктілік жөніндегі ұлттық кеңеске енгізілді",
	 "Кәсіптік біліктілік жөніндегі ұлттық кеңестің ұсынымдары алынды", "жарияланды"},
	{"ПРОЕКТ", "внесён в Национальный совет по профессиональным квалификациям",
	 "получены рекомендации Национального совета по профессиональным квалификациям", "опубликован"},
};
static const char *const states[4] = {"draft", "submitted", "recommended", "published"};
static const char *const pack_sheet[2][3] = {
	{"Қосылғандар", "Алынып тасталғандар", "Өзгертілгендер"},
	{"Добавлены", "Исключены", "Изменены"},
};
static const char *const pack_against[2] = {"салыстырылған нұсқа", "в сравнении с версией"};
static const char *const section_word[2] = {"Бөлім", "Раздел"};
static const char *const section_short[2][2] = {{"міндетті", "ерікті"},
                                                {"обязательная", "добровольная"}};
static const char *const old_value[2] = {"Бұрынғы мәні", "Прежнее значение"};
static const char *const no_rows[2] = {"Жоқ", "Нет"};
/* The pack's first sheet: the summary a meeting goes through. */
static const char *const sum_sheet[2] = {"Жиынтық", "Сводка"};
static const char *const sum_head[2][5] = {
	{"Бөлім / салалық мемлекеттік орган", "Қосылды", "Алынып тасталды", "Өзгертілді", "Шешілді, %"},
	{"Раздел / отраслевой государственный орган", "Добавлено", "Исключено", "Изменено", "Решено, %"},
};
static const char *const sum_all[2] = {"Барлық өзгерістер", "Все изменения"};
/* The pack's ninth column: the ground of each change (Order cl. 10, 11). */
static const char *const ground_head[2] = {"Өзгерістің негіздемесі", "Основание изменения"};
static const char *const ground_words[2][4] = {
	{"№ %lld ұсыныс (%s)", "Ұлттық кеңестің ұсынымы, %s хаттама, %s-тармақ",
	 "техникалық түзету: %s", "негіздемесі жоқ"},
	{"предложение № %lld (%s)", "рекомендация Национального совета, протокол %s, пункт %s",
	 "техническое исправление: %s", "основание не указано"},
};
/* A published version's seal (seal.h): its rows in both languages.  Each
 * starts with a letter: a digit after the footer's font size would be read
 * as part of it. */
static const char *const seal_words[2] = {
	"SHA-256 бақылау сомасы (%lld-нұсқаның қазақ және орыс тілдеріндегі жолдары): %s",
	"Контрольная сумма SHA-256 строк версии %lld на казахском и русском языках: %s",
};

/* Column widths in characters, chosen so that an A4 landscape page holds
 * the eight columns when fitted to its width. */
static const double width[9] = {6, 34, 13, 44, 14, 16, 32, 10, 44};
#define LINE_PT 13.0

struct fmts {
	lxw_format *title, *head, *num, *section, *cell, *centre, *changed, *changed_centre;
};

static void make_formats(lxw_workbook *wb, struct fmts *f)
{
	lxw_format **all[] = {&f->title, &f->head, &f->num, &f->section, &f->cell, &f->centre,
	                      &f->changed, &f->changed_centre};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		lxw_format *x = *all[i] = workbook_add_format(wb);
		format_set_font_size(x, 10);
		format_set_text_wrap(x);
		format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
		if (x != f->title)
			format_set_border(x, LXW_BORDER_THIN);
	}
	format_set_bold(f->title);
	format_set_font_size(f->title, 12);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	format_set_bold(f->head);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_bg_color(f->head, 0xD9D9D9);
	format_set_align(f->num, LXW_ALIGN_CENTER);
	format_set_bg_color(f->num, 0xD9D9D9);
	format_set_bold(f->section);
	format_set_align(f->section, LXW_ALIGN_CENTER);
	format_set_bg_color(f->section, 0xF2F2F2);
	format_set_align(f->centre, LXW_ALIGN_CENTER);
	format_set_bg_color(f->changed, 0xFFEB9C);
	format_set_align(f->changed_centre, LXW_ALIGN_CENTER);
	format_set_bg_color(f->changed_centre, 0xFFEB9C);
}

/* Spreadsheets do not grow a row for wrapped text on their own when the
 * file is written by a program, so the height is estimated from the text. */
static int lines_in(const char *s, double w)
{
	int lines = 0;
	long chars = 0;
	int cpl = (int)w > 1 ? (int)w - 1 : 1;
	for (const unsigned char *p = (const unsigned char *)s;; p++) {
		if (!*p || *p == '\n') {
			lines += chars ? (int)((chars + cpl - 1) / cpl) : 1;
			chars = 0;
			if (!*p)
				break;
		} else if ((*p & 0xC0) != 0x80) {
			chars++;
		}
	}
	return lines;
}

static void fit_row(lxw_worksheet *ws, lxw_row_t row, const char *const *text, int n)
{
	int lines = 1;
	for (int c = 0; c < n; c++) {
		int l = lines_in(text[c] ? text[c] : "", width[c]);
		if (l > lines)
			lines = l;
	}
	worksheet_set_row(ws, row, lines * LINE_PT + 3, NULL);
}

/* footer: what goes at the left of every page's foot (a published
 * version's seal), or NULL. */
static void page_setup(lxw_worksheet *ws, const char *header, const char *footer)
{
	for (int c = 0; c < 8; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);   /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_freeze_panes(ws, 3, 0);
	worksheet_repeat_rows(ws, 1, 2);
	if (header)
		worksheet_set_header(ws, header);
	char foot[400];
	snprintf(foot, sizeof foot, "%s%s&C&P / &N", footer ? "&L&7" : "", footer ? footer : "");
	worksheet_set_footer(ws, foot);
}

/* The heading row and the row of column numbers, rows 1 and 2, one row
 * after the other: a constant-memory sheet drops what is written to a row
 * above the one being written. */
static void headings_n(lxw_worksheet *ws, const struct fmts *f, const char *const *head, int n)
{
	for (int c = 0; c < n; c++)
		worksheet_write_string(ws, 1, (lxw_col_t)c, head[c], f->head);
	fit_row(ws, 1, head, n);
	for (int c = 0; c < n; c++)
		worksheet_write_number(ws, 2, (lxw_col_t)c, c + 1, f->num);
}

static void headings(lxw_worksheet *ws, const struct fmts *f, const char *const *head)
{
	headings_n(ws, f, head, 8);
}

/* Rows go to a temporary file as they are written instead of staying in
 * memory until the end, so a register of any size is written in the same
 * memory.  The sheets are therefore written strictly top to bottom; merged
 * cells here span one row each, which that allows.  Cells are written as
 * inline strings (no shared-string table), which xlsxin reads as well. */
static lxw_workbook *new_workbook(const char *tmp)
{
	lxw_workbook_options o = {.constant_memory = LXW_TRUE};
	return workbook_new_opt(tmp, &o);
}

/* A temporary name beside path: the workbook appears whole or not at all. */
/* A workbook that could not be started (wb may be NULL) goes, with its
 * temporary file; -1 with err. */
static int not_started(lxw_workbook *wb, char *tmp, const char *path, char *err, size_t errlen)
{
	snprintf(err, errlen, _("cannot write %s: %s"), path, _("the workbook cannot be started"));
	if (wb)
		workbook_close(wb);
	userfile_discard(tmp);
	free(tmp);
	return -1;
}

static char *temp_beside(tz_db *db, const char *path, char *err, size_t errlen)
{
	if (db_own_file(db, path)) {
		snprintf(err, errlen, _("%s is the database itself or a file SQLite keeps beside it; "
		                        "choose another file"), path);
		return NULL;
	}
	char *tmp = userfile_temp(path, 0666);
	if (!tmp)
		snprintf(err, errlen, _("cannot write %s: %s"), path, strerror(errno));
	return tmp;
}

static int finish(lxw_workbook *wb, char *tmp, const char *path, int failed, char *err,
                  size_t errlen)
{
	/* The workbook is written here, into the user's file.  The library
	 * says its own failures on standard error, which would land on the
	 * clerk's screen: they go to nowhere, and the cause is said below. */
	fflush(stderr);
	int saved = dup(2), null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, 2);
	privs_user();
	errno = 0;
	lxw_error e = workbook_close(wb);
	int sys = errno;
	privs_program();
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	}
	if (null >= 0)
		close(null);
	if (!failed && e != LXW_NO_ERROR) {
		tz_log("workbook %s: %s (%s)", path, lxw_strerror(e), strerror(sys));
		snprintf(err, errlen, _("cannot write %s: %s"), path,
		         sys == ENOSPC || sys == EDQUOT ? _("the disk is full: free some space, then try again")
		         : sys ? strerror(sys) : lxw_strerror(e));
		failed = 1;
	}
	if (!failed && userfile_place(tmp, path)) {
		snprintf(err, errlen, _("cannot write %s: %s"), path, strerror(errno));
		failed = 1;
	}
	if (failed)
		userfile_discard(tmp);
	free(tmp);
	return failed ? -1 : 0;
}

static int state_index(const char *state)
{
	for (int i = 0; i < 4; i++)
		if (state && !strcmp(state, states[i]))
			return i;
	return 0;
}

/* ---- the register --------------------------------------------------------- */

/* Who hears of the rows written, and how many there are. */
struct xlsx_progress {
	regcsv_export_progress_fn *fn;
	void *ctx;
	long done, total;
};
enum { XLSX_PROGRESS_EVERY = 256 };

/* Tells of a row written (every so many), or of all at the end; -1 with
 * err when the answer is to stop. */
static int xlsx_tell(struct xlsx_progress *p, int last, char *err, size_t errlen)
{
	if (!p->fn)
		return 0;
	if (!last && ++p->done % XLSX_PROGRESS_EVERY)
		return 0;
	if (p->fn(p->ctx, last ? p->total : p->done, p->total)) {
		snprintf(err, errlen, "%s", _("The export was stopped; no file was written."));
		return -1;
	}
	return 0;
}

static int write_register(tz_db *db, lxw_worksheet *ws, const struct fmts *f, int64_t version,
                          int ru, struct xlsx_progress *p, char *err, size_t errlen)
{
	static const char *const sections[2] = {"mandatory", "voluntary"};
	const char *lang = ru ? "ru" : "kk";
	lxw_row_t row = 3;
	for (int s = 0; s < 2; s++) {
		const char *title = regcsv_section_title(lang, sections[s]);
		worksheet_merge_range(ws, row, 0, row, 7, title, f->section);
		worksheet_set_row(ws, row, LINE_PT + 5, NULL);
		row++;
		sqlite3_stmt *st = regcsv_rows(db, version, sections[s], ru);
		if (!st) {
			snprintf(err, errlen, _("The database refused the query: %s"), db_errmsg(db));
			return -1;
		}
		long n = 0;
		int rc;
		while ((rc = db_step(db, st)) == SQLITE_ROW) {
			char num[24], validity[32];
			snprintf(num, sizeof num, "%ld.", ++n);
			regcsv_validity(lang, sqlite3_column_int(st, 4), validity, sizeof validity);
			const char *cell[8] = {
				num, db_col_text(st, 1), db_col_text(st, 0), db_col_text(st, 2),
				db_col_text(st, 3), validity, db_col_text(st, 5),
				regcsv_profile_word(lang, db_col_text(st, 6)),
			};
			for (int c = 0; c < 8; c++) {
				lxw_format *x = c == 1 || c == 3 || c == 6 ? f->cell : f->centre;
				if (worksheet_write_string(ws, row, (lxw_col_t)c, cell[c], x) != LXW_NO_ERROR) {
					snprintf(err, errlen, _("register row %s at level %s: column %d is too long "
					                        "for a spreadsheet cell"), cell[2], cell[4], c + 1);
					sqlite3_finalize(st);
					return -1;
				}
			}
			fit_row(ws, row, cell, 8);
			row++;
			if (xlsx_tell(p, 0, err, errlen)) {
				sqlite3_finalize(st);
				return -1;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			snprintf(err, errlen, _("The database refused the query: %s"), db_errmsg(db));
			return -1;
		}
	}
	return 0;
}

int xlsxout_register(tz_db *db, const char *lang, int64_t version, const char *path, char *err,
                     size_t errlen)
{
	return xlsxout_register_with(db, lang, version, path, NULL, NULL, err, errlen);
}

int xlsxout_register_with(tz_db *db, const char *lang, int64_t version, const char *path,
                          regcsv_export_progress_fn *progress, void *pctx, char *err, size_t errlen)
{
	int ru = lang && !strcmp(lang, "ru");
	int64_t v = version ? version : regcsv_default_version(db);
	const char *state = v ? reg_version_state(db, v) : NULL;
	if (!state) {
		if (version)
			snprintf(err, errlen, _("there is no register version %lld"), (long long)version);
		else
			snprintf(err, errlen, "%s", _("there is no register to export: no draft and none published"));
		return -1;
	}
	char *tmp = temp_beside(db, path, err, errlen);
	if (!tmp)
		return -1;
	lxw_workbook *wb = new_workbook(tmp);
	lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, form_title[ru]) : NULL;
	if (!ws) {
		return not_started(wb, tmp, path, err, errlen);
	}
	struct fmts f;
	make_formats(wb, &f);
	int si = state_index(state);
	char title[256], header[300];
	snprintf(title, sizeof title, "%s — %s %lld (%s)", form_title[ru], version_word[ru],
	         (long long)v, state_word[ru][si]);
	/* A draft says so on every printed page, not only in its title. */
	snprintf(header, sizeof header, "&L%s&R&\"-,Bold\"%s", form_title[ru],
	         si == 0 ? state_word[ru][0] : "");
	/* A published version carries its seal on every printed page and in the
	 * workbook's properties, so that a copy can be set against the seal
	 * publish printed (seal.h). */
	char seal[SEAL_HEX_LEN], footer[256], note[600];
	int sealed = si == 3 && !seal_compute(db, v, seal, NULL);
	if (sealed) {
		snprintf(footer, sizeof footer, seal_words[ru], (long long)v, seal);
		snprintf(note, sizeof note, "%s. %s", title, footer);
		lxw_doc_properties props = {.title = title, .comments = note};
		workbook_set_properties(wb, &props);
		workbook_set_custom_property_string(wb, "SHA-256", seal);
	}
	page_setup(ws, header, sealed ? footer : NULL);
	worksheet_merge_range(ws, 0, 0, 0, 7, title, f.title);
	worksheet_set_row(ws, 0, 2 * LINE_PT, NULL);
	const char *head[8];
	for (int c = 0; c < 8; c++)
		head[c] = regcsv_heading(ru ? "ru" : "kk", c + 1);
	headings(ws, &f, head);
	struct xlsx_progress p = {progress, pctx, 0, progress ? regcsv_count_rows(db, v) : 0};
	int failed = (progress && progress(pctx, 0, p.total)) ? -1 : 0;
	if (failed)
		snprintf(err, errlen, "%s", _("The export was stopped; no file was written."));
	failed = failed || write_register(db, ws, &f, v, ru, &p, err, errlen) != 0 ||
	         xlsx_tell(&p, 1, err, errlen) != 0;
	return finish(wb, tmp, path, failed, err, errlen);
}

/* ---- the review pack ------------------------------------------------------ */

/* Counts of one line of the summary. */
struct pack_sum { int64_t body; int n[3], decided; };
#define PACK_SUMS 64

struct pack {
	tz_db *db;
	int64_t version;     /* b, whose changes' grounds are shown */
	struct pack_sum sum[PACK_SUMS];   /* 0 all, 1 mandatory, 2 voluntary, then bodies */
	int nsum;
	int ru;
	const struct fmts *f;
	lxw_worksheet *ws[3];
	lxw_row_t row[3];
	long count[3];
	char *err;
	size_t errlen;
};

static char *body_name(tz_db *db, int64_t id, int ru)
{
	char buf[512];
	ref_body(db, id, REF_FULL, ru ? "ru" : "kk", buf, sizeof buf, NULL);
	return strdup(buf);
}

/* The eight cells of a row as the pack shows it: section, then columns 2-8
 * of the form.  Strings malloc'd. */
static void pack_cells(struct pack *p, const struct reg_row *r, char *cell[8])
{
	const char *lang = p->ru ? "ru" : "kk";
	char validity[32];
	regcsv_validity(lang, r->validity, validity, sizeof validity);
	cell[0] = strdup(section_short[p->ru][strcmp(r->section, "voluntary") == 0]);
	cell[1] = strdup(p->ru ? r->name_ru : r->name_kk);
	cell[2] = strdup(r->nkz_code);
	cell[3] = strdup(p->ru ? r->basis_ru : r->basis_kk);
	cell[4] = strdup(r->level);
	cell[5] = strdup(validity);
	cell[6] = body_name(p->db, r->body_id, p->ru);
	cell[7] = strdup(regcsv_profile_word(lang, r->profile));
}

/* The change's grounds in the workbook's language, one per line; malloc'd. */
static char *pack_ground(struct pack *p, const struct reg_row *r)
{
	struct ground_set gs;
	char out[4096] = "";
	size_t at = 0;
	if (ground_of(p->db, p->version, r->nkz_code, r->level, &gs))
		gs.n = 0;
	if (!gs.n)
		snprintf(out, sizeof out, "%s", ground_words[p->ru][3]);
	for (int i = 0; i < gs.n && at + 1 < sizeof out; i++) {
		const struct ground *g = &gs.g[i];
		char one[1024];
		if (g->kind == GROUND_PROPOSAL)
			snprintf(one, sizeof one, ground_words[p->ru][0], (long long)g->proposal_id, g->body);
		else if (g->kind == GROUND_COUNCIL)
			snprintf(one, sizeof one, ground_words[p->ru][1], g->protocol, g->item);
		else
			snprintf(one, sizeof one, ground_words[p->ru][2], g->text);
		int w = snprintf(out + at, sizeof out - at, "%s%s%s%s", i ? "\n" : "", one,
		                 g->kind == GROUND_COUNCIL && g->text[0] ? ": " : "",
		                 g->kind == GROUND_COUNCIL ? g->text : "");
		if (w < 0)
			break;
		at += (size_t)w < sizeof out - at ? (size_t)w : sizeof out - at - 1;
	}
	return strdup(out);
}

/* Is the change decided: approved or returned in review as it stands, or
 * by the Council? */
static int pack_decided(struct pack *p, const struct reg_row *r, int64_t rev)
{
	sqlite3_stmt *st = db_cached(p->db, "SELECT count(*) FROM change_decision WHERE version_id = :v "
	                                    "AND nkz_code = :c AND level = :l AND (stage = 'council' OR rev = :r)");
	if (!st)
		return 0;
	db_int(st, ":v", p->version);
	db_text(st, ":c", r->nkz_code);
	db_text(st, ":l", r->level);
	db_int(st, ":r", rev);
	int n = db_step(p->db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return n > 0;
}

static void pack_count(struct pack_sum *x, int k, int decided)
{
	x->n[k]++;
	x->decided += decided;
}

/* The change counted for all, its section and its body (and the body a
 * changed row leaves), as the review screen's summary counts it. */
static void pack_tally(struct pack *p, enum reg_diff_kind kind, const struct reg_row *old,
                       const struct reg_row *neu)
{
	const struct reg_row *r = neu ? neu : old;
	int k = kind == DIFF_ADDED ? 0 : kind == DIFF_REMOVED ? 1 : 2;
	int d = pack_decided(p, r, neu ? neu->rev : 0);
	if (p->nsum < 3)
		p->nsum = 3;
	pack_count(&p->sum[0], k, d);
	pack_count(&p->sum[strcmp(r->section, "voluntary") ? 1 : 2], k, d);
	int64_t bodies[2] = {r->body_id, old && neu && old->body_id != neu->body_id ? old->body_id : 0};
	for (int b = 0; b < 2 && bodies[b]; b++) {
		int i = 3;
		while (i < p->nsum && p->sum[i].body != bodies[b])
			i++;
		if (i == PACK_SUMS)
			continue;
		if (i == p->nsum)
			p->sum[p->nsum++] = (struct pack_sum){.body = bodies[b]};
		pack_count(&p->sum[i], k, d);
	}
}

/* The summary sheet, written once the changes are counted. */
static void pack_summary(struct pack *p, lxw_worksheet *ws, const char *title)
{
	const struct fmts *f = p->f;
	static const double w[5] = {60, 14, 16, 14, 14};
	for (int c = 0; c < 5; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c], NULL);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_merge_range(ws, 0, 0, 0, 4, title, f->title);
	worksheet_set_row(ws, 0, 2 * LINE_PT, NULL);
	for (int c = 0; c < 5; c++)
		worksheet_write_string(ws, 1, (lxw_col_t)c, sum_head[p->ru][c], f->head);
	for (int i = 0; i < p->nsum || i < 3; i++) {
		const struct pack_sum *x = &p->sum[i];
		char label[512];
		if (i == 0)
			snprintf(label, sizeof label, "%s", sum_all[p->ru]);
		else if (i < 3)
			snprintf(label, sizeof label, "%s", section_short[p->ru][i - 1]);
		else
			ref_body(p->db, x->body, REF_FULL, p->ru ? "ru" : "kk", label, sizeof label, "?");
		int all = x->n[0] + x->n[1] + x->n[2];
		lxw_row_t row = (lxw_row_t)(2 + i);
		worksheet_write_string(ws, row, 0, label, i < 3 ? f->section : f->cell);
		for (int k = 0; k < 3; k++)
			worksheet_write_number(ws, row, (lxw_col_t)(1 + k), x->n[k], f->centre);
		worksheet_write_number(ws, row, 4, all ? x->decided * 100 / all : 100, f->centre);
	}
}

/* Bit of enum reg_col for a pack column. */
static unsigned col_bit(int c)
{
	return c == 0 ? COL_SECTION : 1u << (c + 1);
}

static int on_diff(void *ctx, enum reg_diff_kind kind, const struct reg_row *old,
                   const struct reg_row *neu, unsigned changed)
{
	struct pack *p = ctx;
	int k = kind == DIFF_ADDED ? 0 : kind == DIFF_REMOVED ? 1 : 2;
	char *cell[8], *was[8] = {0};
	pack_cells(p, kind == DIFF_REMOVED ? old : neu, cell);
	if (kind == DIFF_CHANGED)
		pack_cells(p, old, was);
	lxw_worksheet *ws = p->ws[k];
	lxw_row_t row = p->row[k]++;
	int rc = 0;
	for (int c = 0; c < 8 && !rc; c++) {
		if (!cell[c] || (kind == DIFF_CHANGED && !was[c])) {
			snprintf(p->err, p->errlen, "%s", _("out of memory"));
			rc = -1;
			break;
		}
		int mark = kind == DIFF_CHANGED && (changed & col_bit(c));
		int centred = !(c == 1 || c == 3 || c == 6);
		lxw_format *x = mark ? (centred ? p->f->changed_centre : p->f->changed)
		                     : (centred ? p->f->centre : p->f->cell);
		if (worksheet_write_string(ws, row, (lxw_col_t)c, cell[c], x) != LXW_NO_ERROR) {
			snprintf(p->err, p->errlen, _("register row %s at level %s: column %d is too long "
			                              "for a spreadsheet cell"), cell[2], cell[4], c + 1);
			rc = -1;
		}
		if (!mark || rc)
			continue;
		/* The shown language may be unchanged when only the other one was
		 * edited: then the note gives the other language's old text. */
		const char *o = was[c];
		if ((c == 1 || c == 3) && !strcmp(was[c], cell[c]))
			o = c == 1 ? (p->ru ? old->name_kk : old->name_ru)
			           : (p->ru ? old->basis_kk : old->basis_ru);
		size_t n = strlen(o) + 64;
		char *note = malloc(n);
		if (note) {
			snprintf(note, n, "%s: %s", old_value[p->ru], o);
			worksheet_write_comment(ws, row, (lxw_col_t)c, note);
			free(note);
		}
	}
	char *ground = rc ? NULL : pack_ground(p, neu ? neu : old);
	if (!rc && (!ground || worksheet_write_string(ws, row, 8, ground, p->f->cell) != LXW_NO_ERROR)) {
		snprintf(p->err, p->errlen, "%s", _("out of memory"));
		rc = -1;
	}
	if (!rc) {
		const char *all[9];
		for (int c = 0; c < 8; c++)
			all[c] = cell[c];
		all[8] = ground;
		fit_row(ws, row, all, 9);
	}
	free(ground);
	for (int c = 0; c < 8; c++) {
		free(cell[c]);
		free(was[c]);
	}
	p->count[k]++;
	pack_tally(p, kind, old, neu);
	return rc;
}

int xlsxout_review(tz_db *db, const char *lang, int64_t a, int64_t b, const char *path,
                   long *added, long *removed, long *changed, char *err, size_t errlen)
{
	int ru = lang && !strcmp(lang, "ru");
	if (errlen)
		err[0] = 0;
	if (!a)
		a = reg_published(db);
	if (!b)
		b = reg_draft(db);
	if (!a || !b || !reg_version_state(db, a) || !reg_version_state(db, b)) {
		snprintf(err, errlen, "%s", _("the review pack needs a published register and a draft, "
		                              "or two versions named"));
		return -1;
	}
	char *tmp = temp_beside(db, path, err, errlen);
	if (!tmp)
		return -1;
	lxw_workbook *wb = new_workbook(tmp);
	struct fmts f;
	struct pack p = {.db = db, .version = b, .ru = ru, .f = &f, .err = err, .errlen = errlen};
	/* The summary first, as the meeting goes through it. */
	lxw_worksheet *sum = wb ? workbook_add_worksheet(wb, sum_sheet[ru]) : NULL;
	for (int k = 0; wb && k < 3; k++)
		p.ws[k] = workbook_add_worksheet(wb, pack_sheet[ru][k]);
	if (!wb || !sum || !p.ws[0] || !p.ws[1] || !p.ws[2]) {
		return not_started(wb, tmp, path, err, errlen);
	}
	make_formats(wb, &f);
	const char *head[9];
	head[0] = section_word[ru];
	for (int c = 1; c < 8; c++)
		head[c] = regcsv_heading(ru ? "ru" : "kk", c + 1);
	head[8] = ground_head[ru];
	int bi = state_index(reg_version_state(db, b));
	for (int k = 0; k < 3; k++) {
		char title[400], header[300];
		snprintf(title, sizeof title, "%s — %s %lld (%s), %s %lld: %s", form_title[ru],
		         version_word[ru], (long long)b, state_word[ru][bi], pack_against[ru],
		         (long long)a, pack_sheet[ru][k]);
		snprintf(header, sizeof header, "&L%s&R&\"-,Bold\"%s", pack_sheet[ru][k],
		         bi == 0 ? state_word[ru][0] : "");
		page_setup(p.ws[k], header, NULL);
		worksheet_set_column(p.ws[k], 8, 8, width[8], NULL);
		worksheet_merge_range(p.ws[k], 0, 0, 0, 8, title, f.title);
		worksheet_set_row(p.ws[k], 0, 2 * LINE_PT, NULL);
		headings_n(p.ws[k], &f, head, 9);
		p.row[k] = 3;
	}
	int failed = 0;
	if (reg_diff(db, a, b, on_diff, &p)) {
		if (!p.err[0])
			snprintf(err, errlen, _("The database refused the query: %s"), db_errmsg(db));
		failed = 1;
	}
	for (int k = 0; k < 3 && !failed; k++)
		if (!p.count[k])
			worksheet_merge_range(p.ws[k], 3, 0, 3, 8, no_rows[ru], f.centre);
	if (!failed) {
		char title[400];
		snprintf(title, sizeof title, "%s — %s %lld (%s), %s %lld: %s", form_title[ru], version_word[ru],
		         (long long)b, state_word[ru][bi], pack_against[ru], (long long)a, sum_sheet[ru]);
		pack_summary(&p, sum, title);
	}
	if (added)
		*added = p.count[0];
	if (removed)
		*removed = p.count[1];
	if (changed)
		*changed = p.count[2];
	return finish(wb, tmp, path, failed, err, errlen);
}
