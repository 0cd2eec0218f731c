/* The interface put together: the settings and their key bindings, the
 * terminal, the register screen at the bottom of the stack, the draft left
 * when the terminal last went away, then the key loop (kit/screen.c). */
#include "app.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kit/actions.h"
#include "cli/cli.h"
#include "kit/draw.h"
#include "kit/help.h"
#include "base/i18n.h"
#include "kit/keybar.h"
#include "kit/loop.h"
#include "kit/dialog.h"
#include "base/settings.h"
#include "view/regview.h"
#include "screens/menu.h"
#include "screens/register_screen.h"
#include "screens/regtable.h"
#include "kit/theme.h"
#include "kit/timing.h"
#include "view/unsaved.h"
#include "forms/rowform_ui.h"
#include "forms/propform_ui.h"

static struct settings conf;
/* What the clerk chose last time, and the same as this session began, so
 * that a session that changed nothing writes nothing. */
static struct prefs prefs, prefs_start;

/* The configuration file, read before anything is drawn.  Its language
 * yields to --lang and $TIZILIM_LANG; its messages come in the language it
 * chose, so it is read again when that changed. */
static void load_settings(const char *lang_opt)
{
	char *path = settings_path();
	settings_defaults(&conf);
	prefs_defaults(&prefs);
	char *ppath = prefs_path();
	if (ppath)
		prefs_load(&prefs, ppath);
	free(ppath);
	if (!path)
		return;
	settings_load(&conf, path);
	const char *env = getenv("TIZILIM_LANG");
	int env_ok = env && (!strcmp(env, "kk") || !strcmp(env, "ru"));
	/* The language the clerk last switched to, else the file's. */
	const char *lang = prefs.language[0] ? prefs.language : conf.language;
	if (!(lang_opt && *lang_opt) && !env_ok && lang[0] && strcmp(lang, i18n_lang())) {
		i18n_set_lang(lang);
		if (conf.nproblems) {
			settings_defaults(&conf);
			settings_load(&conf, path);
		}
	}
	free(path);
	action_bindings(&conf);
	for (int i = 0; i < conf.nproblems; i++)
		fprintf(stderr, "tizilim: %s\n", conf.problems[i]);
}

/* The register's sort and columns as the clerk left them. */
static void prefs_apply(struct ui_app *app)
{
	struct table_cols c;
	table_cols_get(app->table, &c);
	for (int i = 0; i < TABLE_NCOL && i < PREFS_NCOL; i++) {
		c.hidden[i] = prefs.hidden[i] && i != TABLE_NAME;
		c.delta[i] = prefs.delta[i];
	}
	table_cols_set(app->table, &c);
	if (prefs.sort >= 0)
		rv_set_sort(app->rv, table_col_sort(prefs.sort), prefs.sort_desc);
}

/* What the clerk has chosen now, into p. */
static void prefs_collect(const struct ui_app *app, struct prefs *p)
{
	snprintf(p->language, sizeof p->language, "%s", i18n_lang());
	struct table_cols c;
	table_cols_get(app->table, &c);
	for (int i = 0; i < TABLE_NCOL && i < PREFS_NCOL; i++) {
		p->hidden[i] = c.hidden[i];
		p->delta[i] = c.delta[i];
	}
	p->sort = -1;
	for (int i = 0; i < TABLE_NCOL && p->sort < 0; i++)
		if (table_col_sort(i) == rv_sort_by(app->rv))
			p->sort = i;
	p->sort_desc = rv_sort_desc(app->rv);
}

/* Kept for the next start when anything changed; a file that cannot be
 * written costs the clerk their choices, not their work: said on stderr. */
static void prefs_keep(const struct ui_app *app)
{
	prefs_collect(app, &prefs);
	if (!memcmp(&prefs, &prefs_start, sizeof prefs))
		return;
	char *path = prefs_path();
	if (path && prefs_save(&prefs, path))
		fprintf(stderr, _("tizilim: the choices of this session could not be kept in %s\n"), path);
	free(path);
}

/* When the terminal went away last time with an entry form open: asks
 * whether to restore what was typed; yes reopens that form filled with it,
 * no forgets it.  Returns 1 when something was saved. */
static int offer_unsaved(tz_db *db)
{
	struct unsaved kept;
	if (unsaved_load(db_path(db), &kept) != 1)
		return 0;
	char when[64] = "", q[300];
	struct tm tm;
	if (localtime_r(&kept.when, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	snprintf(q, sizeof q, kept.kind == UNSAVED_PROPOSAL
	         ? _("An unsaved proposal from %s was found: restore it?")
	         : _("An unsaved entry from %s was found: restore it?"), when);
	int yes = dlg_confirm(_("Unsaved entry"), q);
	unsaved_remove(db_path(db));
	int changed = 0;
	if (yes)
		changed = kept.kind == UNSAVED_PROPOSAL ? propform_restore(db, &kept) != 0
		                                        : form_restore(db, &kept);
	unsaved_free(&kept);
	return changed;
}

/* What the configuration file got wrong, once, over the register. */
static void show_settings_problems(struct ui_app *app)
{
	char text[SETTINGS_MAX_PROBLEMS * 330] = "";
	size_t n = 0;
	for (int i = 0; i < conf.nproblems && n < sizeof text; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", i ? "\n" : "", conf.problems[i]);
	ui_tell(app, _("Configuration file"), text);
}

int ui_run(tz_db *db, const char *lang_opt)
{
	struct ui_app app = {.db = db, .prefs = &prefs};
	load_settings(lang_opt);
	app.rv = rv_open(db);
	app.table = table_new();
	if (!app.rv || !app.table) {
		fprintf(stderr, _("tizilim: cannot read the register: %s\n"), db_errmsg(db));
		rv_close(app.rv);
		table_free(app.table);
		return EXIT_DATA;
	}
	prefs_apply(&app);
	prefs_collect(&app, &prefs_start);
	memcpy(prefs_start.export_dir, prefs.export_dir, sizeof prefs.export_dir);
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, _("tizilim: cannot use this terminal (TERM=%s)\n"),
		        getenv("TERM") ? getenv("TERM") : "");
		rv_close(app.rv);
		table_free(app.table);
		return EXIT_DATA;
	}
	/* Long enough that an F-key's sequence arriving in pieces (ssh, a loaded
	 * host) is still read as one key, not as Esc then "[21~" — which the
	 * Esc+digit rule would take for F2.  Esc then a digit works whatever the
	 * delay: the digit is not part of any sequence. */
	set_escdelay(200);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	mousemask(conf.mouse ? BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	                      | BUTTON5_PRESSED
#endif
	                      : 0, NULL);
	theme_allow_colour(conf.colors != SET_COLORS_OFF);
	theme_init();
	ui_catch_signals();
	ui_push(&app, &register_screen);
	app.open_menu = menu_open;
	app.open_help = help_open;
	if (conf.nproblems) {
		ui_draw_all(&app);
		show_settings_problems(&app);
	}

	int rc = EXIT_OK;
	/* What the form held when the terminal went away last time. */
	ui_draw_all(&app);
	dlg_layer_push(ui_draw_top, &app);
	if (offer_unsaved(db))
		rv_reload(app.rv);
	dlg_layer_pop();
	ui_loop(&app);
	endwin();
	delscreen(scr);
	prefs_keep(&app);
	rv_close(app.rv);
	table_free(app.table);
	return rc;
}
