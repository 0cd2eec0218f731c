/* regview — what the register screen shows, without the screen: the version
 * on view, its two sections as one list of lines (a section title, then its
 * rows), read from the database a window at a time in the current
 * language's alphabet or another order the clerk picks; each row carries
 * its official number.  Memory does not grow with the row count. */
#ifndef TZ_REGVIEW_H
#define TZ_REGVIEW_H

#include <stdint.h>

#include "store/db.h"

enum rv_kind { RV_TITLE, RV_ROW };

/* One line of the screen's list.  Strings belong to the view and live until
 * the next rv_window() or rv_set_lang(). */
struct rv_line {
	enum rv_kind kind;
	int section;          /* 0 mandatory, 1 voluntary */
	int num;              /* the row's official number in its section (regorder.h),
	                       * whatever the order, search or filter; 0 for a title */
	int64_t id;           /* reg_row.id; 0 for a title */
	char code[16];
	char level[8];
	char profile[4];      /* "t" | "sg" */
	int validity;         /* years; 0 = without time limit */
	char *name, *basis, *body;   /* in the view's language */
	/* Where the search matched: bytes [mark, mark + mark_len) of name, mark
	 * -1 when the name does not contain it; code_mark bytes of the code
	 * when the search was for a code prefix. */
	int mark, mark_len, code_mark;
};

struct regview;

/* A filter narrows every count and window: an SQL boolean over the table
 * reg_row, unaliased (as search.h writes its conditions), with named
 * parameters that bind() fills in. */
typedef void rv_bind_fn(sqlite3_stmt *st, void *ctx);

/* Opens a view on the draft, or when there is none the newest published
 * version (0 = no version at all), in the current i18n language. */
struct regview *rv_open(tz_db *db);
void rv_close(struct regview *rv);

int64_t rv_version(const struct regview *rv);
/* The version's state ("draft", "published", ...) and title, untranslated. */
const char *rv_state(const struct regview *rv);
const char *rv_title(const struct regview *rv);
/* Shows another version (re-reads counts); -1 if it does not exist. */
int rv_set_version(struct regview *rv, int64_t version);
/* Follows the store: when another step (a publication, a new draft, a
 * submission to the Council) moved the register on since the view read it,
 * the view takes the version it would pick now, or that version's new
 * state and title.  1 when something changed, 0 when not, -1 on error. */
int rv_follow(struct regview *rv);

/* "kk" or "ru": names, basis and bodies, and the alphabet of the order. */
int rv_set_lang(struct regview *rv, const char *lang);
const char *rv_lang(const struct regview *rv);

/* Replaces the filter (NULL where = none); the SQL is copied.  Returns 0, or
 * -1 when the fragment does not prepare (the old filter stays). */
int rv_set_filter(struct regview *rv, const char *where, rv_bind_fn *bind, void *ctx);

/* The clerk's narrowing of the register, all at once: a section (-1 both,
 * 0 mandatory, 1 voluntary), a body (0 any), a level and a profile ("" any). */
struct rv_facets {
	int section;
	int64_t body_id;
	char level[8];
	char profile[4];
};
/* Replaces the facets; 0, or -1 on a database error (the old ones stay). */
int rv_set_facets(struct regview *rv, const struct rv_facets *f);
const struct rv_facets *rv_facets(const struct regview *rv);
/* How many facets are set. */
int rv_facet_count(const struct regview *rv);
/* What the facets can narrow to in the version on view, for the filter to
 * step through: the bodies that have rows in it, by short name in the
 * view's alphabet, and the levels that occur, in code order.  Fill up to
 * max; return how many, or -1 on a database error. */
int rv_facet_bodies(const struct regview *rv, int64_t *ids, int max);
int rv_facet_levels(const struct regview *rv, char (*levels)[8], int max);

/* The incremental search (search.h, SEARCH_REG): code, or name in either
 * language, case folded.  NULL or "" shows everything again.  0, or -1 when
 * the query cannot be used (the old one stays). */
int rv_set_search(struct regview *rv, const char *query);
const char *rv_search(const struct regview *rv);   /* "" when none */

/* Orders within each section.  Names by the alphabet of the view's language
 * (ICU sort keys); basis and body names through the connection's kk / ru
 * collations; ties go to the name, then the level.  Validity "without time
 * limit" sorts after every number of years. */
enum rv_sort { RV_BY_NAME, RV_BY_CODE, RV_BY_BASIS, RV_BY_LEVEL, RV_BY_VALIDITY,
               RV_BY_BODY, RV_BY_PROFILE, RV_BY_NUMBER /* the official order */, RV_NSORT };
int rv_set_sort(struct regview *rv, enum rv_sort by, int desc);
enum rv_sort rv_sort_by(const struct regview *rv);
int rv_sort_desc(const struct regview *rv);

/* Re-reads the counts after the data changed (numbering the draft's new
 * rows first, regorder.h). */
void rv_reload(struct regview *rv);

/* Counts every change of what the rows are or of their order (language,
 * sort, search, facets, filter, version, reload): a screen that remembers
 * its cursor by row finds the row again when this moved on. */
unsigned rv_generation(const struct regview *rv);
/* The index (0-based over both sections, as rv_line_of_row takes it) of
 * the row with this id in the view as it is now, or -1 when the view does
 * not show it.  Reads the row's section in its order: not for every key. */
int rv_row_index(struct regview *rv, int64_t id);

int rv_count(const struct regview *rv, int section);   /* rows in a section */
int rv_rows(const struct regview *rv);                 /* rows in both */
int rv_lines(const struct regview *rv);                /* rows plus two titles */

/* Line index of the n-th row overall (0-based), and back (-1 on a title). */
int rv_line_of_row(const struct regview *rv, int n);
int rv_row_of_line(const struct regview *rv, int line);
/* Section of a line (0 or 1). */
int rv_section_of_line(const struct regview *rv, int line);

/* Reads lines [first, first + n) from the database; returns how many there
 * are (fewer at the end), or -1 on a database error. */
int rv_window(struct regview *rv, int first, int n);
/* A line of the last window, or NULL when line is outside it. */
const struct rv_line *rv_line(const struct regview *rv, int line);

#endif
