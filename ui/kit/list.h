/* list — a cursor over rows and the window that shows them, or a window
 * alone over lines of text: what Up, Down, PgUp, PgDn, Home and End do to
 * them, and keeping the cursor in the window.  Drawing the rows stays the
 * screen's: its draw sets n and h, calls list_fit and draws the rows from
 * top, h of them at most.
 *
 *   static struct ui_list rows;
 *   static enum ui_result act_move(struct ui_app *app)
 *   {
 *       list_key(&rows, app->key);
 *       return UI_REDRAW;
 *   }
 *   ... UI_LIST_KEYS(act_move, N_("Move to the previous row"), ...) in the action table */
#ifndef TZ_UI_LIST_H
#define TZ_UI_LIST_H

#include <curses.h>

struct ui_list {
	int cur;   /* the cursor's row */
	int top;   /* the first row in the window */
	int n;     /* the rows (or lines) */
	int h;     /* how many the window shows, as the last draw found it */
};

/* Keeps the cursor among the rows (0 when there are none), and the window
 * on the cursor without running past the last row. */
void list_fit(struct ui_list *l);
/* The cursor moved by one of the six keys, the window along with it by a
 * page for PgUp and PgDn, nothing fitted yet: for a screen that fits in a
 * way of its own (the register keeps a section's title with its first row).
 * 1 when key was one of them. */
int list_move(struct ui_list *l, int key);
/* list_move, then list_fit. */
int list_key(struct ui_list *l, int key);
/* The window alone, over text with no cursor, kept inside the lines (key 0
 * only does that); 1 when key was one of the six. */
int list_scroll(struct ui_list *l, int key);

/* The six keys in an action table, each with its line in the help (N_()),
 * all run by run, which reads the key from app->key. */
#define UI_LIST_KEYS(run, up, down, pgup, pgdn, home, end) \
	{0, {KEY_UP, 0}, N_("Up"), NULL, up, run, 0}, \
	{0, {KEY_DOWN, 0}, N_("Down"), NULL, down, run, 0}, \
	{0, {KEY_PPAGE, 0}, N_("PgUp"), NULL, pgup, run, 0}, \
	{0, {KEY_NPAGE, 0}, N_("PgDn"), NULL, pgdn, run, 0}, \
	{0, {KEY_HOME, 0}, N_("Home"), NULL, home, run, 0}, \
	{0, {KEY_END, 0}, N_("End"), NULL, end, run, 0}

#endif
