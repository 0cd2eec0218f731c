/* The register table's state: the cursor, the search being typed and the
 * columns as the clerk set them; the columns' headings, sort orders and
 * widths (screens/regtable.h). */
#include "screens/regtable.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "domain/register.h"

enum { NCOL = TABLE_NCOL };


struct table *table_new(void)
{
	struct table *t = calloc(1, sizeof *t);
	return t;
}

void table_free(struct table *t) { free(t); }

void table_home(struct table *t)
{
	t->rows.cur = 0;
	t->rows.top = 0;
	t->cur_id = 0;
}


/* TRANSLATORS: the eight column headings of the Appendix form */
static const char *const heads[NCOL] = {
	N_("No."), N_("Profession name per NKZ"), N_("NKZ code"), N_("Basis"),
	N_("Level"), N_("Validity"), N_("Body"), N_("Profile"),
};

/* The number is the row's official one (regorder.h): sorting by it shows
 * the register in its official order. */
static const enum rv_sort col_sort[NCOL] = {
	RV_BY_NUMBER, RV_BY_NAME, RV_BY_CODE, RV_BY_BASIS, RV_BY_LEVEL, RV_BY_VALIDITY,
	RV_BY_BODY, RV_BY_PROFILE,
};

/* The headings a narrow column shows rather than a cut word: the name's,
 * the validity's and the profile's are long in Russian and at 80 columns
 * would all end in "~". */
static const char *regtable_short_head(int c)
{
	switch (c) {
	case TABLE_NAME: return _("Profession");
	case TABLE_VALID: return C_("column", "Validity");
	case TABLE_PROF: return _("Prof.");
	default: return _(heads[c]);
	}
}

const char *table_col_name(int c) { return c >= 0 && c < NCOL ? _(heads[c]) : ""; }

const char *table_col_head(int c, int width)
{
	const char *full = table_col_name(c);
	return text_width(full) <= width ? full : regtable_short_head(c);
}
enum rv_sort table_col_sort(int c) { return c >= 0 && c < NCOL ? col_sort[c] : RV_BY_NAME; }
int table_col_hidden(const struct table *t, int c) { return t->cols.hidden[c]; }

void table_col_toggle(struct table *t, int c)
{
	if (c >= 0 && c < NCOL && c != TABLE_NAME)
		t->cols.hidden[c] = !t->cols.hidden[c];
}

void table_col_resize(struct table *t, int c, int by)
{
	if (c >= 0 && c < NCOL && t->cols.delta[c] + by > -60 && t->cols.delta[c] + by < 200)
		t->cols.delta[c] += by;
}

void table_cols_get(const struct table *t, struct table_cols *c) { *c = t->cols; }
void table_cols_set(struct table *t, const struct table_cols *c) { t->cols = *c; }

/* A short column's width: its content's, widened for its heading up to max. */
static int fit_head(int c, int content, int max)
{
	int h = text_width(_(heads[c]));
	int w = h > content ? h : content;
	return w > max ? max : w;
}

enum { MIN_NAME = 8, MIN_COL = 2 };

/* Widths for this screen width: the short columns first, the body as wide
 * as its widest short name (an abbreviation: cut, they would read alike),
 * then what is left shared by name and basis 5:3.  The clerk's changes come on top;
 * the columns that were not changed give or take the difference, the name
 * first, so the row always fills the screen. */
void table_col_widths(const struct table *t, const struct regview *rv, int w[NCOL])
{
	const int *hid = t->cols.hidden, *delta = t->cols.delta;
	int rows = rv_rows(rv), digits = 1;
	for (int n = rows; n >= 10; n /= 10)
		digits++;
	w[TABLE_NUM] = digits < 3 ? 3 : digits;
	w[TABLE_CODE] = 10;
	w[TABLE_LEVEL] = fit_head(TABLE_LEVEL, 5, 6);
	/* Wide enough for "without time limit" in this language when the
	 * screen has room; at 80 columns it is cut. */
	char v[64];
	reg_validity_label(0, v, sizeof v);
	int vw = text_width(v);
	reg_validity_label(10, v, sizeof v);
	vw = text_width(v) > vw ? text_width(v) : vw;
	w[TABLE_VALID] = fit_head(TABLE_VALID, vw, COLS >= 100 ? 18 : 10);
	w[TABLE_PROF] = fit_head(TABLE_PROF, 4, COLS >= 100 ? 8 : 4);
	w[TABLE_BODY] = fit_head(TABLE_BODY, t->body_w > 0 ? t->body_w : 8, COLS / 6);
	int seps = -1, fixed = 0;
	for (int c = 0; c < NCOL; c++) {
		if (hid[c])
			continue;
		seps++;
		if (c != TABLE_NAME && c != TABLE_BASIS)
			fixed += w[c];
	}
	int left = COLS - seps - fixed;
	if (left < 12)
		left = 12;
	int wn = 5, wb = hid[TABLE_BASIS] ? 0 : 3;
	w[TABLE_BASIS] = left * wb / (wn + wb);
	w[TABLE_NAME] = left - w[TABLE_BASIS];
	int total = 0;
	for (int c = 0; c < NCOL; c++) {
		if (hid[c]) {
			w[c] = 0;
			continue;
		}
		w[c] += delta[c];
		if (w[c] < (c == TABLE_NAME ? MIN_NAME : MIN_COL))
			w[c] = c == TABLE_NAME ? MIN_NAME : MIN_COL;
		total += w[c];
	}
	/* Give or take the difference. */
	int diff = COLS - seps - total;
	static const int takers[] = {TABLE_NAME, TABLE_BASIS, TABLE_BODY, TABLE_CODE, TABLE_VALID, TABLE_LEVEL, TABLE_PROF, TABLE_NUM};
	for (int pass = 0; pass < 2 && diff; pass++)
		for (int i = 0; i < NCOL && diff; i++) {
			int c = takers[i];
			if (hid[c] || (pass == 0 && delta[c]))
				continue;
			int min = c == TABLE_NAME ? MIN_NAME : MIN_COL;
			int nw = w[c] + diff < min ? min : w[c] + diff;
			diff -= nw - w[c];
			w[c] = nw;
			if (diff > 0)
				break;        /* one column takes all the spare room */
		}
}
