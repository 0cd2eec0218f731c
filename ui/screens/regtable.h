/* regtable — the register table's state and columns: where the cursor is,
 * the search being typed, and the eight columns of the Appendix form as the
 * clerk narrowed, widened or hid them (kept in memory for the session). */
#ifndef TZ_UI_REGTABLE_H
#define TZ_UI_REGTABLE_H

#include "kit/list.h"
#include "view/regview.h"

/* The eight columns of the Appendix form, in its order. */
enum {
	TABLE_NUM, TABLE_NAME, TABLE_CODE, TABLE_BASIS, TABLE_LEVEL, TABLE_VALID, TABLE_BODY,
	TABLE_PROF, TABLE_NCOL
};

/* Saves and restores the column choices (a dialog's Esc). */
struct table_cols { int hidden[TABLE_NCOL], delta[TABLE_NCOL]; };

struct table {
	/* cur: the cursor's row (0-based over both sections), -1 if none;
	 * top: the first line shown (a section's title is a line, not a row). */
	struct ui_list rows;
	/* The row the cursor is on, by id, and the view's generation it was
	 * seen in (rv_generation): when the view's order or rows change (a
	 * language switch re-sorts by the other alphabet) the cursor goes back
	 * to that row, not to the row now at its old position.  0 when the
	 * cursor is to go to the first row. */
	int64_t cur_id;
	unsigned gen;
	int typing;   /* the search line has the keys */
	char query[256];
	struct table_cols cols;
	/* The widest short name of a body in the table's language (read from
	 * the reference data when the view or the language has changed since,
	 * body_w_gen and body_w_lang saying when it was read), so that the
	 * body column shows every body whole; 0 when not known. */
	int body_w;
	unsigned body_w_gen;
	char body_w_lang[4];
};

struct table *table_new(void);
void table_free(struct table *t);

/* Puts the cursor back on the first row (after the rows changed). */
void table_home(struct table *t);

/* A column's heading, translated; the order it sorts by. */
const char *table_col_name(int c);
/* Column c's heading for a column width wide: the whole heading when it
 * fits, else its short form (a word, not a cut one). */
const char *table_col_head(int c, int width);
enum rv_sort table_col_sort(int c);
int table_col_hidden(const struct table *t, int c);
/* Hides or shows a column; the profession name always stays. */
void table_col_toggle(struct table *t, int c);
/* Widens (by > 0) or narrows a column. */
void table_col_resize(struct table *t, int c, int by);
/* The columns' widths on this screen, 0 for a hidden one. */
void table_col_widths(const struct table *t, const struct regview *rv, int w[TABLE_NCOL]);
void table_cols_get(const struct table *t, struct table_cols *c);
void table_cols_set(struct table *t, const struct table_cols *c);

#endif
