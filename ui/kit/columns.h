/* columns — a list's columns laid out for the terminal's width, the way the
 * proposals screen chose them: every column a clerk needs to recognise a
 * row (a code, a date, a state word) at the width of its widest word in the
 * language on screen, never cut; the others added one by one, in the order
 * of their rank, while the text columns still keep their least width; the
 * text columns then share what is left, so that 132 columns show more and
 * wider text than 80.  A header is never cut where its column shows: its
 * width counts in the need.
 *
 *   struct ui_column c[] = {{N_("Code"), 10, 0, 0, 0, 0, 0}, {N_("Name"), 20, 0, 1, 0, 0, 0}, ...};
 *   columns_fit(c, n, 1, COLS - 1);
 *   columns_head(1, c, n);
 *   ... draw_cell(y, c[i].x, c[i].w, cell, a, 0) for each c[i].w > 0 */
#ifndef TZ_UI_COLUMNS_H
#define TZ_UI_COLUMNS_H

struct ui_column {
	const char *head;   /* N_(), translated when measured and drawn; NULL or "" for none */
	int need;           /* the cells' width to show whole (a text column: the least it gets) */
	int rank;           /* 0: always shown; 1, 2, ...: shown in that order while they fit */
	int flex;           /* > 0: a text column, sharing what is left in this proportion */
	int most;           /* a text column's widest (its widest cell), 0 for no limit */
	int w, x;           /* set by columns_fit: 0 when left out, and where it starts */
};

/* The wider of w and the width of s on screen: for measuring a column's
 * words ("approved", "returned", ...) into its need. */
int columns_widest(int w, const char *s);

/* Chooses which of the n columns show and how wide, one space apart, from
 * x0 in avail screen columns.  A text column cut short ends with '~' when
 * drawn, so the whole text must be one key away on the screen (a detail or
 * the status line). */
void columns_fit(struct ui_column *c, int n, int x0, int avail);

/* The header line at y: the fill and each shown column's header. */
void columns_head(int y, const struct ui_column *c, int n);

#endif
