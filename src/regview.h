/* regview — what the register screen shows, without the screen: the version
 * on view, its two sections as one list of lines (a section title, then its
 * rows numbered from 1), read from the database a window at a time in the
 * current language's alphabet.  Memory does not grow with the row count. */
#ifndef TZ_REGVIEW_H
#define TZ_REGVIEW_H

#include <stdint.h>

#include "db.h"

enum rv_kind { RV_TITLE, RV_ROW };

/* One line of the screen's list.  Strings belong to the view and live until
 * the next rv_window() or rv_set_lang(). */
struct rv_line {
	enum rv_kind kind;
	int section;          /* 0 mandatory, 1 voluntary */
	int num;              /* row number within its section, from 1; 0 for a title */
	int64_t id;           /* reg_row.id; 0 for a title */
	char code[16];
	char level[8];
	char profile[4];      /* "t" | "sg" */
	int validity;         /* years; 0 = without time limit */
	char *name, *basis, *body;   /* in the view's language */
};

struct regview;

/* A filter narrows every count and window: an SQL boolean over reg_row aliased
 * `r` (and body `b`), with named parameters that bind() fills in. */
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

/* "kk" or "ru": names, basis and bodies, and the alphabet of the order. */
int rv_set_lang(struct regview *rv, const char *lang);
const char *rv_lang(const struct regview *rv);

/* Replaces the filter (NULL where = none); the SQL is copied.  Returns 0, or
 * -1 when the fragment does not prepare (the old filter stays). */
int rv_set_filter(struct regview *rv, const char *where, rv_bind_fn *bind, void *ctx);

/* Re-reads the counts after the data changed. */
void rv_reload(struct regview *rv);

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
