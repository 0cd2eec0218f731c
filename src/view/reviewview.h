/* reviewview — what the review screen shows, without the screen: the
 * register version under review (the draft, else the one with the National
 * Council, as the command line's review show), the version it is set
 * against, its changes ordered by code and level with both sides of each
 * row and the decisions on it, and the totals by section, body and level.
 * Bodies are named in the view's language; revview_set_lang names them
 * again after a switch without reading the changes anew. */
#ifndef TZ_REVIEWVIEW_H
#define TZ_REVIEWVIEW_H

#include <stdint.h>

#include "domain/register.h"
#include "domain/review.h"
#include "store/db.h"

/* One change, copied out of the database: it stays as read until the view
 * is loaded again. */
struct revview_change {
	enum reg_diff_kind kind;
	unsigned cols;                 /* enum reg_col bits, changed rows */
	int has_old, has_neu;          /* which sides hold the row */
	struct reg_row old, neu;
	char old_body[512], neu_body[512];   /* the sides' bodies, short names ("?" gone) */
	char key[32];                  /* "CODE:LEVEL" */
	char decision[12];             /* "approved", "returned", "" (to review) */
	char comment[512], login[64];  /* the decision's comment and who made it */
	char council[12];              /* the Council's decision, or "" */
	char author[64];               /* who made the change, "" when unknown */
};

struct revview {
	int64_t version;               /* 0: there is no version to review */
	int forming;                   /* the version is being formed per the Council's
	                                * recommendations (council.h): decisions are the Council's */
	int64_t base;                  /* what it is set against (0: an empty register) */
	char lang[3];
	struct revview_change *c;
	int n, cap;
	struct review_totals t;
	char body_name[REVIEW_MAX_GROUPS][512];   /* t.body[i]'s short name */
};

/* The summary of a review session (what a meeting goes through): one
 * group per line — all changes, those undecided, each section, each
 * sectoral body, each action — with how many rows it adds, excludes and
 * amends and how many of them are decided (by the review, or in the
 * forming stage by the Council). */
enum revview_group_kind { RG_ALL, RG_UNDECIDED, RG_SECTION, RG_BODY, RG_ACTION };
struct revview_group {
	enum revview_group_kind kind;
	char section[12];              /* RG_SECTION */
	int64_t body_id;               /* RG_BODY */
	enum reg_diff_kind action;     /* RG_ACTION */
	int added, removed, changed, decided;
};
#define REVVIEW_MAX_GROUPS (REVIEW_MAX_GROUPS + 8)
/* Fills g (at most REVVIEW_MAX_GROUPS); returns how many. */
int revview_summary(const struct revview *v, struct revview_group *g);
/* The group's name in the current language (a body by its short name). */
const char *revview_group_label(const struct revview *v, const struct revview_group *g,
                                char *buf, size_t len);
/* Does change i belong to the group? */
int revview_in_group(const struct revview *v, int i, const struct revview_group *g);
/* Is change c decided (review, or the Council in the forming stage)? */
int revview_decided(const struct revview *v, const struct revview_change *c);

/* Reads the version under review and everything about it into v (whose
 * earlier contents it frees; a zeroed v to start with), bodies named in
 * lang (NULL: the interface's language now).  0, or -1 on a database or
 * memory error (v holds what was read). */
int revview_load(tz_db *db, const char *lang, struct revview *v);
/* Names the bodies in another language. */
void revview_set_lang(tz_db *db, struct revview *v, const char *lang);
void revview_free(struct revview *v);

#endif
