/* A plain vertical menu drawn like the other dialogs rather than ncurses'
 * menu library: its items are entries of the screen's action table, so the
 * help screen, the hotkeys and the drawing read one list, and a resize or a
 * language switch is just the next draw. */
#include "screens/menu.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "kit/actions.h"
#include "store/auth.h"
#include "store/backup.h"
#include "domain/register.h"
#include "exchange/package_in.h"
#include "screens/calendar_screen.h"
#include "screens/classifier_screen.h"
#include "screens/deadlines_screen.h"
#include "screens/log_screen.h"
#include "screens/nkzimport_screen.h"
#include "screens/regimport_screen.h"
#include "screens/proposals_screen.h"
#include "screens/review_screen.h"
#include "screens/cycle_steps.h"
#include "screens/export_screen.h"
#include "kit/dialog.h"
#include "kit/draw.h"
#include "base/i18n.h"
#include "kit/loop.h"
#include "screens/package_screen.h"
#include "screens/reference_screens.h"
#include "base/text.h"
#include "kit/theme.h"

static int sel;

void menu_to_register(struct ui_app *app)
{
	app->depth = 1;
}

static enum ui_result go_register(struct ui_app *app)
{
	menu_to_register(app);
	return UI_REDRAW;
}

#define GO(name, fn) \
	static enum ui_result name(struct ui_app *app) { menu_to_register(app); return fn(app); }
GO(go_classifier, classifier_open)
GO(go_bodies, refs_open_bodies)
GO(go_associations, refs_open_associations)
GO(go_councils, refs_open_councils)
GO(go_levels, refs_open_levels)
GO(go_calendar, calscreen_open)
GO(go_proposals, ui_open_proposals)
GO(go_review, ui_open_review)
GO(go_deadlines, ui_open_deadlines)
GO(go_log, ui_open_log)
GO(go_cycle, ui_open_cycle_steps)
GO(go_export, ui_open_export)
GO(go_package_export, ui_open_package_export)
GO(go_package_import, ui_open_package_import)
GO(go_nkz_import, ui_open_nkz_import)
GO(go_reg_import, ui_open_register_import)
#undef GO

static enum ui_result go_backup(struct ui_app *app)
{
	app->depth--;           /* the menu closes first; the message shows over the screen */
	char path[1024], err[512], msg[1600];
	if (backup_before_publish(app->db, path, sizeof path, err, sizeof err) == 0)
		snprintf(msg, sizeof msg, _("The database was copied to %s"), path);
	else
		snprintf(msg, sizeof msg, _("No backup was made: %s"), err);
	ui_tell(app, _("Backup"), msg);
	return UI_REDRAW;
}

static enum ui_result act_move(struct ui_app *app);
static enum ui_result act_enter(struct ui_app *app);

/* The items first, in the menu's order: each letter with its twin on the
 * Russian and Kazakh layouts (the same key), upper case for Caps Lock.  The
 * items' names are the menu's lines; their help lines the help screen's. */
enum { NITEMS = 19 };
static const char *const item_label[NITEMS] = {
	N_("Register"), N_("Classifier"), N_("Sectoral bodies"), N_("Employer associations"),
	N_("Sectoral councils"), N_("NRK levels"), N_("Calendar"), N_("Proposals"),
	N_("Review"), N_("Deadlines"), N_("Change log"), N_("Cycle"), N_("Export..."),
	N_("Export a package..."), N_("Import a package..."), N_("Import the classifier..."), N_("Import register rows..."),
	N_("Backup..."), N_("Quit"),
};
/* The letters shown beside the items: the Cyrillic one first, as the clerks
 * type it, then the Latin one on the same key. */
static const char *const item_keys[NITEMS] = {
	"к r", "с c", "и b", "ф a", "г u", "д l", "н y", "з p", "м v", "в d", "п g", "ц w", "у e", "ч x", "ш i", "т n", "о j", "л k", "й q",
};

static const struct ui_action menu_actions[] = {
	{0, {'r', 'R', 0x43A, 0x41A}, N_("R or К"), NULL, N_("Back to the register"), go_register, 0},
	{0, {'c', 'C', 0x441, 0x421}, N_("C or С"), NULL,
	 N_("The occupation classifier (NKZ): browse its groups, search by code or name"),
	 go_classifier, 0},
	{0, {'b', 'B', 0x438, 0x418}, N_("B or И"), NULL,
	 N_("The sectoral state bodies and the authorized body"), go_bodies, 0},
	{0, {'a', 'A', 0x444, 0x424}, N_("A or Ф"), NULL, N_("The employer associations"),
	 go_associations, 0},
	{0, {'u', 'U', 0x433, 0x413}, N_("U or Г"), NULL,
	 N_("The sectoral councils on professional qualifications"), go_councils, 0},
	{0, {'l', 'L', 0x434, 0x414}, N_("L or Д"), NULL,
	 N_("The levels of the national qualifications framework"), go_levels, 0},
	{0, {'y', 'Y', 0x43D, 0x41D}, N_("Y or Н"), NULL,
	 N_("The working-day calendar of a year: days off, transfers, Kurban ait"), go_calendar, 0},
	{0, {'p', 'P', 0x437, 0x417}, N_("P or З"), NULL,
	 N_("Proposals by cycle and sectoral body"), go_proposals, 0},
	{0, {'v', 'V', 0x43C, 0x41C}, N_("V or М"), NULL,
	 N_("Review of the draft against the published register"), go_review, 0},
	{0, {'d', 'D', 0x432, 0x412}, N_("D or В"), NULL, N_("The deadlines of the cycle"),
	 go_deadlines, 0},
	{0, {'g', 'G', 0x43F, 0x41F}, N_("G or П"), NULL, N_("The change log"), go_log, 0},
	{0, {'w', 'W', 0x446, 0x426}, N_("W or Ц"), NULL,
	 N_("The cycle's steps: open, Council, recommendations, publication, press release"),
	 go_cycle, 0},
	{0, {'e', 'E', 0x443, 0x423}, N_("E or У"), NULL,
	 N_("Write the register to a CSV or XLSX file"), go_export, 0},
	{0, {'x', 'X', 0x447, 0x427}, N_("X or Ч"), NULL,
	 N_("Write a sectoral body's proposals of a cycle to a package for another workstation"),
	 go_package_export, 0},
	{0, {'i', 'I', 0x448, 0x428}, N_("I or Ш"), NULL,
	 N_("Read a sectoral body's package of proposals, after checking it"), go_package_import, 0},
	{0, {'n', 'N', 0x442, 0x422}, N_("N or Т"), NULL,
	 N_("Read the occupation classifier from a ministry's CSV or XLSX file"), go_nkz_import, 0},
	{0, {'j', 'J', 0x43E, 0x41E}, N_("J or О"), NULL,
	 N_("Read register rows into the draft from files of the Appendix's form, CSV or XLSX"),
	 go_reg_import, 0},
	{0, {'k', 'K', 0x43B, 0x41B}, N_("K or Л"), NULL,
	 N_("Copy the database into the backups folder beside it"), go_backup, 0},
	{0, {'q', 'Q', 0x439, 0x419}, N_("Q or Й"), NULL, N_("Leave the program"), act_quit,
	 SET_ACT_QUIT},
	UI_KEY_HELP,
	UI_KEY_LANGUAGE,
	UI_KEY_CLOSE(N_("Close the menu"), act_close),
	{9, {0}, NULL, NULL, N_("Close the menu"), act_close, SET_ACT_MENU},
	{0, {'\r', '\n', KEY_ENTER, 0}, N_("Enter"), NULL, N_("Open the item under the cursor"),
	 act_enter, 0},
	{0, {KEY_UP, 0}, N_("Up"), NULL, N_("Previous item"), act_move, 0},
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, N_("Next item"), act_move, 0},
	{0, {KEY_HOME, KEY_PPAGE, 0}, N_("Home or PgUp"), NULL, N_("First item"), act_move, 0},
	{0, {KEY_END, KEY_NPAGE, 0}, N_("End or PgDn"), NULL, N_("Last item"), act_move, 0},
};

/* Up and Down go round; Home and PgUp to the first item, End and PgDn to the last. */
static enum ui_result act_move(struct ui_app *app)
{
	switch (app->key) {
	case KEY_UP: sel = (sel + NITEMS - 1) % NITEMS; break;
	case KEY_DOWN: sel = (sel + 1) % NITEMS; break;
	case KEY_HOME: case KEY_PPAGE: sel = 0; break;
	default: sel = NITEMS - 1; break;
	}
	return UI_REDRAW;
}
/* The items this user may not use now stay in the menu, dimmed, so the
 * menu keeps its shape; choosing one says why instead.  The rules are the
 * core's, the same the work itself asks. */
static int menu_may(struct ui_app *app, const struct ui_action *a, char *why, size_t len)
{
	if (a->run == go_nkz_import)
		return auth_edit_reference(app->db, why, len);
	if (a->run == go_reg_import)
		return reg_may_edit(app->db, why, len);
	if (a->run == go_package_import)
		return package_may_import(app->db, why, len);
	if (a->run == go_backup)
		return auth_edit_register(app->db, why, len);
	return 0;
}

static enum ui_result act_enter(struct ui_app *app)
{
	const struct ui_action *a = &menu_actions[sel];
	char why[512];
	if (menu_may(app, a, why, sizeof why)) {
		ui_tell(app, _(item_label[sel]), why);
		return UI_REDRAW;
	}
	return a->run(app);
}

static void menu_draw(struct ui_app *app)
{
	ui_draw_below(app);
	int w = 0;
	for (int i = 0; i < NITEMS; i++)
		if (text_width(_(item_label[i])) > w)
			w = text_width(_(item_label[i]));
	w += 4 + 3 + 4;               /* frame and margins, the letters, a gap */
	const char *title = _("Menu");
	if (text_width(title) + 6 > w)
		w = text_width(title) + 6;
	if (w > COLS - 4)
		w = COLS - 4;
	int h = NITEMS + 2;
	int y0 = (LINES - 1 - h) / 2, x0 = (COLS - w) / 2;
	if (y0 < 0)
		y0 = 0;
	dlg_box(y0, x0, h, w, title);
	for (int i = 0; i < NITEMS; i++) {
		char why[512];
		attr_t a = i == sel ? theme(TH_CURSOR) : theme(TH_DIALOG);
		if (menu_may(app, &menu_actions[i], why, sizeof why))
			a |= A_DIM;
		draw_cell(y0 + 1 + i, x0 + 1, 1, "", a, 0);
		draw_cell(y0 + 1 + i, x0 + 2, 3, item_keys[i], a | A_BOLD, 0);
		draw_cell(y0 + 1 + i, x0 + 5, 2, "", a, 0);
		draw_cell(y0 + 1 + i, x0 + 7, w - 8, _(item_label[i]), a, 0);
	}
}

static const struct ui_screen menu_screen = {
	.actions = menu_actions,
	.nactions = (int)(sizeof menu_actions / sizeof *menu_actions),
	.draw = menu_draw,
	.input = NULL,
	.may = menu_may,
};

enum ui_result menu_open(struct ui_app *app)
{
	/* F9 on the menu itself closes it rather than stacking another. */
	if (app->stack[app->depth - 1] == &menu_screen)
		return UI_CLOSE;
	sel = 0;
	ui_push(app, &menu_screen);
	return UI_REDRAW;
}
