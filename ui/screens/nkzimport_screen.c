/* The classifier from a file, in the terminal.  The form and the progress
 * are modal loops (the form's field needs the terminal's cursor; the import
 * runs inside the core, which calls back); the rows with problems and what
 * the import did are text views, so that they scroll and F1 names their keys.
 *
 * The import itself is exchange/nkzin.h's: first all or nothing, which
 * writes nothing when a row has a problem; then, if the clerk chooses, again
 * with the rows with problems left out and written to a file beside. */
#include "screens/nkzimport_screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "kit/loop.h"
#include "kit/progress.h"
#include "kit/textview.h"
#include "kit/theme.h"
#include "base/i18n.h"
#include "base/text.h"
#include "exchange/nkzin.h"

static int generation;

int nkzimport_generation(void) { return generation; }

static const char *title_of(void) { return _("Import the classifier"); }

/* A catalog's line for the command line ends in a newline; a box has none. */
static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == '\n')
		s[--n] = 0;
}

/* ---- the progress ------------------------------------------------------ */

static int np_tick(void *ctx, enum nkz_phase phase, long done, long total)
{
	const char *what = phase == NKZ_READING ? _("Reading the file")
	                 : phase == NKZ_CHECKING ? _("Checking the codes")
	                 : _("Writing to the database");
	return progress_tick(ctx, what, done, total);
}

/* ---- the run ----------------------------------------------------------- */

static struct {
	char file[1024];
	char lang[4];              /* the language the problems were said in */
	char **line;               /* the problems, as shown */
	int nline, cap;
	long bad_rows, last_line;  /* rows with problems */
	int file_problem;          /* one is the file's own: no choice to offer */
	struct nkz_import_stats st;
	int rc;
	char err[4096];
} ni;

static void ni_clear(void)
{
	for (int i = 0; i < ni.nline; i++)
		free(ni.line[i]);
	free(ni.line);
	ni.line = NULL;
	ni.nline = ni.cap = 0;
	ni.bad_rows = ni.last_line = 0;
	ni.file_problem = 0;
}

static void ni_add(const char *s)
{
	if (ni.nline == ni.cap) {
		int cap = ni.cap ? ni.cap * 2 : 32;
		char **n = realloc(ni.line, (size_t)cap * sizeof *n);
		if (!n)
			return;
		ni.line = n;
		ni.cap = cap;
	}
	char *c = strdup(s);
	if (c)
		ni.line[ni.nline++] = c;
}

static void ni_problem(void *ctx, const struct nkz_problem *p)
{
	(void)ctx;
	char buf[2048];
	if (*p->column)
		snprintf(buf, sizeof buf, _("Row %ld, column \"%s\": %s"), p->line, p->column, p->why);
	else
		snprintf(buf, sizeof buf, _("Row %ld: %s"), p->line, p->why);
	ni_add(buf);
	if (!p->row)
		ni.file_problem = 1;
	else if (p->line != ni.last_line) {
		ni.bad_rows++;
		ni.last_line = p->line;
	}
}

/* Runs the import under the progress bar; the problems into ni.line. */
static void ni_run(struct ui_app *app, int skip)
{
	(void)app;
	ni_clear();
	struct progress p;
	progress_start(&p, N_("Import the classifier"));
	struct nkz_import_opts o = {.skip_invalid = skip, .on_problem = ni_problem,
	                            .progress = np_tick, .progress_ctx = &p};
	ni.err[0] = 0;
	ni.rc = nkz_import_with(app->db, ni.file, &o, &ni.st, ni.err, sizeof ni.err);
	progress_end(&p);
	snprintf(ni.lang, sizeof ni.lang, "%s", i18n_lang());
	if (ni.rc == 0)
		generation++;
}

/* ---- what the import did ------------------------------------------------ */

static void ni_change(void *ctx, const struct nkz_change *c)
{
	struct tv_lines *l = ctx;
	char buf[2200];
	if (!strcmp(c->kind, "added"))
		snprintf(buf, sizeof buf, _("  added %s %s\n"), c->code, i18n_pick(c->new_kk, c->new_ru));
	else if (!strcmp(c->kind, "renamed"))
		snprintf(buf, sizeof buf, _("  renamed %s: «%s» is now «%s»\n"), c->code,
		         i18n_pick(c->old_kk, c->old_ru), i18n_pick(c->new_kk, c->new_ru));
	else
		snprintf(buf, sizeof buf, _("  retired %s %s\n"), c->code, i18n_pick(c->old_kk, c->old_ru));
	chomp(buf);
	tv_line(l, theme(TH_NORMAL), buf);
}

static void done_fill(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	const struct nkz_import_stats *st = &ni.st;
	char buf[1600];
	snprintf(title, len, "%s: %s", title_of(), ni.file);
	snprintf(buf, sizeof buf, _("Imported: %ld, rejected: %ld, retired: %ld.\n"), st->imported,
	         st->rejected, st->deactivated);
	chomp(buf);
	tv_line(l, theme(TH_HEAD), buf);
	snprintf(buf, sizeof buf, ngettext("Imported %ld classifier code from %s (%ld new):\n",
	                                   "Imported %ld classifier codes from %s (%ld new):\n",
	                                   (unsigned long)st->imported),
	         st->imported, ni.file, st->added);
	chomp(buf);
	tv_line(l, theme(TH_NORMAL), buf);
	for (int lv = 1; lv <= 6; lv++) {
		snprintf(buf, sizeof buf, _("  level %d, %s: %ld\n"), lv, nkz_level_name(lv),
		         st->per_level[lv]);
		chomp(buf);
		tv_line(l, theme(TH_NORMAL), buf);
	}
	if (st->rejected && *st->rejects) {
		snprintf(buf, sizeof buf,
		         ngettext("Left out %ld row with problems; it is listed with its reasons in %s\n",
		                  "Left out %ld rows with problems; they are listed with their reasons "
		                  "in %s\n", (unsigned long)st->rejected),
		         st->rejected, st->rejects);
		chomp(buf);
		tv_line(l, theme(TH_NORMAL), buf);
	} else if (*ni.err) {
		tv_line(l, theme(TH_ALERT), ni.err);
	}
	snprintf(buf, sizeof buf, _("Changes: %ld added, %ld renamed, %ld retired.\n"), st->added,
	         st->renamed, st->deactivated);
	chomp(buf);
	tv_heading(l, buf);
	nkz_changes(app->db, st->change_id, ni_change, l);
}

/* ---- the rows with problems -------------------------------------------- */

static long ni_valid_rows(void)
{
	long n = ni.st.read - ni.st.skipped_inactive - ni.bad_rows;
	return n > 0 ? n : 0;
}

static void problems_fill(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	/* The problems are said again in the language switched to; nothing is
	 * written by this run either. */
	if (strcmp(ni.lang, i18n_lang()))
		ni_run(app, 0);
	snprintf(title, len, "%s: %s", title_of(), ni.file);
	char buf[600];
	snprintf(buf, sizeof buf,
	         ngettext("%ld row has problems; nothing was imported.",
	                  "%ld rows have problems; nothing was imported.", (unsigned long)ni.bad_rows),
	         ni.bad_rows);
	tv_line(l, theme(TH_ALERT), buf);
	tv_line(l, theme(TH_NORMAL), "");
	for (int i = 0; i < ni.nline; i++)
		tv_line(l, theme(TH_NORMAL), ni.line[i]);
	if (!ni.file_problem)
		tv_status(l, _("Enter: import the valid rows; Esc: close"));
}

static enum ui_result problems_close(struct ui_app *app)
{
	(void)app;
	ni_clear();
	return UI_CLOSE;
}

static const struct ui_screen done_screen;

static enum ui_result problems_enter(struct ui_app *app)
{
	if (ni.file_problem)
		return problems_close(app);
	char text[1200];
	snprintf(text, sizeof text,
	         _("Import the %ld valid rows and leave out the %ld with problems? The rows left out "
	           "are written with their reasons to a file beside %s."),
	         ni_valid_rows(), ni.bad_rows, ni.file);
	const char *labels[] = {_("Import the valid rows"), _("Cancel")};
	dlg_layer_push(ui_draw_top, app);
	int c = dlg_choice(title_of(), text, labels, 2);
	dlg_layer_pop();
	if (c != 0)
		return UI_REDRAW;
	ni_run(app, 1);
	if (ni.rc == NKZ_CANCELLED) {
		app->depth--;
		ui_tell(app, title_of(), _("The import was cancelled; nothing was written."));
		ni_clear();
		return UI_REDRAW;
	}
	if (ni.rc) {
		/* Changed since (the file, another clerk): the new findings. */
		if (!ni.nline)
			ni_add(ni.err);
		return UI_REDRAW;
	}
	app->depth--;
	tv_push(app, &done_screen, done_fill);
	return UI_REDRAW;
}

static const struct ui_action problems_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	UI_KEY_CLOSE(N_("Close the list and import nothing"), problems_close),
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL,
	 N_("Choose to import the valid rows, the others written to a file beside"), problems_enter,
	 0},
	TV_SCROLL_KEYS,
};

static const struct ui_screen problems_screen = {
	.actions = problems_actions,
	.nactions = (int)(sizeof problems_actions / sizeof *problems_actions),
	.draw = tv_draw,
};

static const struct ui_action done_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	UI_KEY_CLOSE(N_("Close the summary"), act_close),
	TV_SCROLL_KEYS,
};

static const struct ui_screen done_screen = {
	.actions = done_actions,
	.nactions = (int)(sizeof done_actions / sizeof *done_actions),
	.draw = tv_draw,
};

/* ---- the form ---------------------------------------------------------- */

static struct textedit nf_file;

static void nf_draw(void *ctx)
{
	(void)ctx;
	int w = COLS - 8 < 72 ? COLS - 8 : 72, h = 6;
	int y = (LINES - 1 - h) / 2, x = (COLS - w) / 2;
	dlg_box(y, x, h, w, title_of());
	const char *label = _("File");
	int lw = text_width(label);
	draw_cell(y + 2, x + 2, lw, label, theme(TH_DIALOG), 0);
	draw_cell(y + h - 2, x + 2, w - 4, _("Enter: import (CSV or XLSX); Esc: cancel; F2: language"),
	          theme(TH_DIALOG), 0);
	curs_set(1);
	field_draw(&nf_file, y + 2, x + 3 + lw, w - lw - 5, theme(TH_CURSOR), 1);
}

/* 1 when the import ran to a screen of its own, 0 to let the clerk put the
 * name right (a file that cannot be read at all has one reason). */
static int nf_submit(struct ui_app *app)
{
	const char *file = te_text(&nf_file);
	if (!*file) {
		dlg_message(title_of(), _("Give the file to read."));
		return 0;
	}
	snprintf(ni.file, sizeof ni.file, "%s", file);
	curs_set(0);
	ni_run(app, 0);
	if (ni.rc == NKZ_CANCELLED) {
		dlg_message(title_of(), _("The import was cancelled; nothing was written."));
		ni_clear();
		return 0;
	}
	if (ni.rc && !ni.bad_rows) {
		dlg_message(title_of(), ni.err);
		ni_clear();
		return 0;
	}
	return 1;
}

enum ui_result ui_open_nkz_import(struct ui_app *app)
{
	te_init(&nf_file, NULL);
	dlg_layer_push(ui_draw_top, app);
	dlg_layer_push(nf_draw, NULL);
	int ran = 0;
	for (;;) {
		dlg_repaint();
		int k = dlg_key();
		if (k == 27 || k == KEY_F(10))
			break;
		if (k == KEY_F(2)) {
			act_language(app);
			continue;
		}
		if (k == '\r' || k == '\n' || k == KEY_ENTER) {
			if ((ran = nf_submit(app)))
				break;
			continue;
		}
		field_key(&nf_file, k);
	}
	curs_set(0);
	dlg_layer_pop();
	dlg_layer_pop();
	te_free(&nf_file);
	if (ran)
		tv_push(app, ni.rc == 0 ? &done_screen : &problems_screen,
		        ni.rc == 0 ? done_fill : problems_fill);
	return UI_REDRAW;
}
