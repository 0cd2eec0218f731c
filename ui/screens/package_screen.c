/* Packages from the interface.  The form is a modal loop rather than a
 * screen on the stack because its text field needs the terminal's cursor,
 * and the main loop draws the key bar after the screen; the findings are a
 * screen, so that they scroll with the usual keys and F1 names them.
 *
 * Everything the core says (findings, refusals) is in the language of the
 * moment it was said: the findings are asked for again after a switch. */
#include "screens/package_screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit/actions.h"
#include "domain/cycle.h"
#include "kit/widgets.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "kit/field.h"
#include "base/i18n.h"
#include "kit/loop.h"
#include "kit/textview.h"
#include "exchange/package.h"
#include "exchange/package_in.h"
#include "base/privs.h"
#include "base/text.h"
#include "kit/theme.h"
#include "view/pkgchoice.h"

/* A catalog's line for the command line ends in a newline; a box has none. */
static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == '\n')
		s[--n] = 0;
}

/* ---- the form ---------------------------------------------------------- */

enum fkind { K_BODY, K_CYCLE, K_FILE };
enum { MAX_BODIES = 64, MAX_CYCLES = 32 };

static struct {
	int import;
	struct pkgchoice_body body[MAX_BODIES];
	int nbody, bat;
	char lang[4];              /* the language the bodies are named in */
	int own;                   /* a sectoral body's clerk: their body, not chosen */
	struct pkgchoice_cycle cyc[MAX_CYCLES];
	int ncyc, cat;
	struct textedit file;
	int touched;               /* the clerk typed a file name: it is kept */
	enum fkind field[3];
	int nfield, at;
	struct ui_app *app;
} pf;

static const char *title_of(void)
{
	return pf.import ? _("Import a package") : _("Export a package");
}

static void load_cycles(tz_db *db)
{
	pf.ncyc = pf.cat = 0;
	if (!pf.nbody)
		return;
	int n = pkgchoice_cycles(db, pf.body[pf.bat].id, pf.cyc, MAX_CYCLES);
	pf.ncyc = n > 0 ? n : 0;
}

/* <body>-<year>-<season>.tzp, unless the clerk has typed their own name. */
static void default_file(void)
{
	if (pf.touched || !pf.nbody)
		return;
	char name[256];
	if (pf.ncyc)
		snprintf(name, sizeof name, "%s-%d-%s.tzp", pf.body[pf.bat].code, pf.cyc[pf.cat].year,
		         pf.cyc[pf.cat].season);
	else
		snprintf(name, sizeof name, "%s.tzp", pf.body[pf.bat].code);
	te_set(&pf.file, name);
}

/* The bodies to choose from (pkgchoice.h says which), their cycles, and the
 * file named after the first. */
static int load_bodies(tz_db *db)
{
	int n = pkgchoice_bodies(db, NULL, pf.body, MAX_BODIES, &pf.own);
	pf.nbody = n > 0 ? n : 0;
	pf.bat = 0;
	snprintf(pf.lang, sizeof pf.lang, "%s", i18n_lang());
	load_cycles(db);
	default_file();
	return pf.nbody;
}

static void field_value(enum fkind k, char *buf, size_t len)
{
	if (k == K_BODY) {
		const struct pkgchoice_body *b = &pf.body[pf.bat];
		snprintf(buf, len, "%s (%s)", b->name, b->code);
	} else if (!pf.ncyc) {
		snprintf(buf, len, "-");
	} else {
		struct cycle c = {.year = pf.cyc[pf.cat].year};
		cycle_season_parse(pf.cyc[pf.cat].season, &c.season);
		cycle_title(&c, buf, len);
	}
}

static int choices_of(enum fkind k)
{
	return k == K_BODY ? (pf.own ? 1 : pf.nbody) : k == K_CYCLE ? pf.ncyc : 0;
}

/* Short labels, so that the Russian one stays whole at 80 columns and the
 * body's name has the room (the dialog's title says what the body is). */
static const char *label_of(enum fkind k)
{
	return k == K_BODY ? _("Body") : k == K_CYCLE ? _("Cycle") : _("File");
}

static void form_draw(void *ctx)
{
	(void)ctx;
	/* The bodies' names are in the language they were read in. */
	if (!pf.import && pf.nbody && strcmp(pf.lang, i18n_lang())) {
		pkgchoice_rename(pf.app->db, NULL, pf.body, pf.nbody);
		snprintf(pf.lang, sizeof pf.lang, "%s", i18n_lang());
	}
	int w = COLS - 8 < 72 ? COLS - 8 : 72, h = pf.nfield * 2 + 4;
	int y = (LINES - 1 - h) / 2, x = (COLS - w) / 2;
	dlg_box(y, x, h, w, title_of());
	int lw = 0;
	for (int i = 0; i < pf.nfield; i++)
		if (text_width(label_of(pf.field[i])) > lw)
			lw = text_width(label_of(pf.field[i]));
	if (lw > w * 2 / 5)
		lw = w * 2 / 5;
	int vx = x + 3 + lw, vw = w - lw - 5, fy = 0;
	for (int i = 0; i < pf.nfield; i++) {
		enum fkind k = pf.field[i];
		int ly = y + 2 + i * 2;
		attr_t a = i == pf.at ? theme(TH_CURSOR) : theme(TH_NORMAL);
		draw_cell(ly, x + 2, lw, label_of(k), theme(TH_DIALOG), 0);
		if (k == K_FILE) {
			field_draw(&pf.file, ly, vx, vw, a, 0);
			fy = ly;
			continue;
		}
		char v[400];
		field_value(k, v, sizeof v);
		/* Arrows beside a value that Left and Right can change. */
		int more = choices_of(k) > 1;
		draw_cell(ly, vx, vw, "", a, 0);
		if (more) {
			draw_cell(ly, vx, 2, "<", a, 0);
			draw_cell(ly, vx + vw - 2, 2, " >", a, 0);
		}
		draw_cell(ly, vx + 2, vw - 4, v, a, 0);
	}
	const char *hint = pf.import ? _("Enter: check the package; Esc: cancel; F2: language")
	                             : _("Left, Right: choose; Enter: export; Esc: cancel; F2: language");
	draw_cell(y + h - 2, x + 2, w - 4, hint, theme(TH_DIALOG), 0);
	if (pf.field[pf.at] == K_FILE) {
		curs_set(1);
		field_draw(&pf.file, fy, vx, vw, theme(TH_CURSOR), 1);
	} else {
		curs_set(0);
	}
}

static void choose(int by)
{
	enum fkind k = pf.field[pf.at];
	int n = choices_of(k);
	if (n < 2)
		return;
	if (k == K_BODY) {
		pf.bat = (pf.bat + n + by) % n;
		load_cycles(pf.app->db);
	} else {
		pf.cat = (pf.cat + n + by) % n;
	}
	default_file();
}

/* Runs the form until Enter (1) or Esc (0). */
static int form_run(struct ui_app *app)
{
	pf.app = app;
	int result = -1;
	while (result < 0) {
		dlg_repaint();
		int k = dlg_key();
		switch (k) {
		case KEY_UP: case KEY_BTAB: pf.at = (pf.at + pf.nfield - 1) % pf.nfield; continue;
		case KEY_DOWN: case '\t': pf.at = (pf.at + 1) % pf.nfield; continue;
		case 27: case KEY_F(10): result = 0; continue;
		case KEY_F(2): act_language(app); continue;
		case '\r': case '\n': case KEY_ENTER: result = 1; continue;
		default: break;
		}
		if (pf.field[pf.at] == K_FILE) {
			if (field_key(&pf.file, k) == FIELD_CHANGED)
				pf.touched = 1;
		} else if (k == KEY_LEFT || k == KEY_RIGHT) {
			choose(k == KEY_LEFT ? -1 : 1);
		}
	}
	curs_set(0);
	return result;
}

/* ---- export ------------------------------------------------------------ */

/* 1 when the package was written (what it holds in msg), 0 when the clerk
 * has been told why not, over the form, to put it right. */
static int export_run(struct ui_app *app, char *msg, size_t len)
{
	const char *file = te_text(&pf.file);
	if (!*file) {
		dlg_message(title_of(), _("Give the file to write."));
		return 0;
	}
	const struct pkgchoice_cycle *c = pf.ncyc ? &pf.cyc[pf.cat] : NULL;
	struct pkg_info in;
	char err[1024] = "", hex[65] = "";
	/* The file is the clerk's, made with their own rights, as the command does. */
	privs_user();
	int bad = package_export(app->db, file, pf.own ? NULL : pf.body[pf.bat].code, c ? c->year : 0,
	                         c ? c->season : NULL, &in, err, sizeof err);
	privs_program();
	if (bad) {
		char why[1200];
		snprintf(why, sizeof why, _("Nothing was written: %s"), err);
		dlg_message(title_of(), why);
		return 0;
	}
	enum dl_season s = DL_SPRING;
	cycle_season_parse(in.season, &s);
	snprintf(msg, len, _("Package %s: %s, cycle %lld %s, %d proposals, %d levels, %s.\n"),
	         file, in.body, (long long)in.year, cycle_season_label(s), in.proposals, in.levels,
	         in.agreement ? _("with the council's agreement") : _("without a council agreement"));
	chomp(msg);
	size_t n = strlen(msg);
	if (in.excluded && n + 1 < len) {
		msg[n++] = '\n';
		snprintf(msg + n, len - n,
		         _("%d proposals already decided by the authorized body are left out.\n"), in.excluded);
		chomp(msg);
		n = strlen(msg);
	}
	if (package_checksum(file, hex, err, sizeof err) == 0 && n + 1 < len) {
		msg[n++] = '\n';
		snprintf(msg + n, len - n, _("Checksum (SHA-256): %s"), hex);
	}
	return 1;
}

/* ---- import: the findings ---------------------------------------------- */

static struct {
	char file[1024];
	char lang[4];              /* the language the findings were said in */
	char **note;
	int nnote, cap;
	struct pkg_info info, skip;
	enum pkg_result res;
	int can_skip;              /* refused, but Skip would import the rest */
	char err[1024];
} pv;

static void notes_clear(void)
{
	for (int i = 0; i < pv.nnote; i++)
		free(pv.note[i]);
	free(pv.note);
	pv.note = NULL;
	pv.nnote = pv.cap = 0;
}

static void collect(void *ctx, const char *msg)
{
	(void)ctx;
	if (pv.nnote == pv.cap) {
		int cap = pv.cap ? pv.cap * 2 : 16;
		char **n = realloc(pv.note, (size_t)cap * sizeof *n);
		if (!n)
			return;
		pv.note = n;
		pv.cap = cap;
	}
	char *s = strdup(msg);
	if (s)
		pv.note[pv.nnote++] = s;
}

static void ignore(void *ctx, const char *msg) { (void)ctx; (void)msg; }

/* The dry run: what importing would do, every finding, nothing written.  A
 * refusal that only proposals decided here cause (they cannot be replaced)
 * leaves Skip open, which keeps them. */
static void analyse(tz_db *db)
{
	notes_clear();
	pv.err[0] = 0;
	pv.res = package_import(db, pv.file, PKG_STOP, 1, collect, NULL, &pv.info, pv.err, sizeof pv.err);
	char e[1024];
	pv.can_skip = pv.res == PKG_REFUSED &&
	              package_import(db, pv.file, PKG_SKIP, 1, ignore, NULL, &pv.skip, e, sizeof e) == PKG_DONE;
	snprintf(pv.lang, sizeof pv.lang, "%s", i18n_lang());
}

/* The verdict: refused, conflicts to decide, or what the import will do. */
static void verdict(char *buf, size_t len)
{
	const struct pkg_info *in = pv.can_skip ? &pv.skip : &pv.info;
	if (pv.res == PKG_CONFLICT)
		snprintf(buf, len, ngettext("%d conflict with what is already here. Nothing is written until "
		                            "you choose: Replace takes the package's version, Skip keeps ours.",
		                            "%d conflicts with what is already here. Nothing is written until "
		                            "you choose: Replace takes the package's version, Skip keeps ours.",
		                            (unsigned long)in->conflicts), in->conflicts);
	else if (pv.res == PKG_DONE || pv.can_skip)
		snprintf(buf, len, _("Dry run, nothing written: %d would be added, %d replaced, %d skipped.\n"),
		         in->added, in->replaced, in->skipped);
	else
		snprintf(buf, len, "%s", pv.err);
	chomp(buf);
}

/* The findings, analysed again after a language switch. */
static void view_fill(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	if (strcmp(pv.lang, i18n_lang()))
		analyse(app->db);
	char head[1400] = "", verd[1200];
	snprintf(title, len, "%s: %s", _("Import a package"), pv.file);
	const struct pkg_info *in = &pv.info;
	if (in->body[0]) {
		enum dl_season s = DL_SPRING;
		cycle_season_parse(in->season, &s);
		snprintf(head, sizeof head, _("Package from %s, made by %s on %s with %s, cycle %lld %s: %d proposals.\n"),
		         in->body, in->login, in->created, in->program, (long long)in->year,
		         cycle_season_label(s), in->proposals);
		chomp(head);
		tv_line(l, theme(TH_NORMAL), head);
	}
	verdict(verd, sizeof verd);
	int refused = pv.res == PKG_REFUSED && !pv.can_skip;
	tv_line(l, theme(refused ? TH_ALERT : TH_HEAD), verd);
	tv_line(l, theme(TH_NORMAL), "");
	for (int i = 0; i < pv.nnote; i++)
		tv_line(l, theme(TH_NORMAL), pv.note[i]);
	if (!refused)
		tv_status(l, _("Enter: choose what to do"));
}

static enum ui_result view_close(struct ui_app *app)
{
	(void)app;
	notes_clear();
	return UI_CLOSE;
}

/* The clerk's choice, then the import itself; the view closes on success
 * and on Cancel, and shows the new findings when the import was refused. */
static enum ui_result view_enter(struct ui_app *app)
{
	if (pv.res == PKG_REFUSED && !pv.can_skip)
		return view_close(app);
	const char *labels[3];
	enum pkg_mode modes[3];
	int n = 0;
	if (pv.res == PKG_CONFLICT) {
		modes[n] = PKG_REPLACE, labels[n++] = _("Replace");
		modes[n] = PKG_SKIP, labels[n++] = _("Skip");
	} else if (pv.res == PKG_DONE) {
		modes[n] = PKG_STOP, labels[n++] = _("Import");
	} else {
		modes[n] = PKG_SKIP, labels[n++] = _("Skip");
	}
	labels[n] = _("Cancel");
	char text[1200];
	verdict(text, sizeof text);
	dlg_layer_push(ui_draw_top, app);
	int c = dlg_choice(_("Import a package"), text, labels, n + 1);
	dlg_layer_pop();
	if (c >= n)
		return view_close(app);
	notes_clear();
	struct pkg_info in;
	pv.err[0] = 0;
	enum pkg_result r = package_import(app->db, pv.file, modes[c], 0, collect, NULL, &in, pv.err,
	                                   sizeof pv.err);
	if (r != PKG_DONE) {
		/* Something changed since the dry run (another clerk, the file): the
		 * new findings replace the old, and nothing was written. */
		pv.res = r;
		pv.info = in;
		pv.can_skip = 0;
		snprintf(pv.lang, sizeof pv.lang, "%s", i18n_lang());
		return UI_REDRAW;
	}
	char msg[400];
	snprintf(msg, sizeof msg, _("Imported: %d added, %d replaced, %d skipped.\n"), in.added, in.replaced,
	         in.skipped);
	chomp(msg);
	notes_clear();
	app->depth--;
	ui_tell(app, _("Import a package"), msg);
	return UI_REDRAW;
}

static const struct ui_action view_actions[] = {
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	UI_KEY_CLOSE(N_("Close the dialog and change nothing"), view_close),
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL,
	 N_("Import, or choose what to do with the conflicts"), view_enter, 0},
	TV_SCROLL_KEYS,
};

static const struct ui_screen view_screen = {
	.actions = view_actions,
	.nactions = (int)(sizeof view_actions / sizeof *view_actions),
	.draw = tv_draw,
};

/* 1 when the findings screen is open, 0 to let the clerk fix the name: a
 * file that cannot be a package at all (missing, unreadable, not SQLite)
 * has one reason and no findings, said over the form. */
static int import_check(struct ui_app *app)
{
	const char *file = te_text(&pf.file);
	if (!*file) {
		dlg_message(title_of(), _("Give the file to read."));
		return 0;
	}
	snprintf(pv.file, sizeof pv.file, "%s", file);
	analyse(app->db);
	if (pv.res == PKG_REFUSED && !pv.nnote && !pv.can_skip) {
		dlg_message(title_of(), pv.err);
		return 0;
	}
	tv_push(app, &view_screen, view_fill);
	return 1;
}

/* ---- opening ----------------------------------------------------------- */

static enum ui_result open_form(struct ui_app *app, int import)
{
	pf.import = import;
	pf.app = app;
	pf.nfield = pf.at = pf.touched = 0;
	te_init(&pf.file, NULL);
	if (import) {
		pf.field[pf.nfield++] = K_FILE;
	} else {
		if (!load_bodies(app->db)) {
			te_free(&pf.file);
			ui_tell(app, title_of(), _("No sectoral body has proposals to export."));
			return UI_REDRAW;
		}
		pf.field[pf.nfield++] = K_BODY;
		pf.field[pf.nfield++] = K_CYCLE;
		pf.field[pf.nfield++] = K_FILE;
		pf.at = pf.own ? 1 : 0;
	}
	/* The form stays under what is said about it, so the name can be put right. */
	char done[2048] = "";
	dlg_layer_push(ui_draw_top, app);
	dlg_layer_push(form_draw, NULL);
	while (form_run(app) && !(import ? import_check(app) : export_run(app, done, sizeof done)))
		;
	dlg_layer_pop();
	dlg_layer_pop();
	te_free(&pf.file);
	if (done[0])
		ui_tell(app, title_of(), done);
	return UI_REDRAW;
}

enum ui_result ui_open_package_export(struct ui_app *app) { return open_form(app, 0); }
enum ui_result ui_open_package_import(struct ui_app *app) { return open_form(app, 1); }
