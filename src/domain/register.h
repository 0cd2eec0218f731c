/* register — register versions and their rows (the Appendix form): add,
 * change and delete rows in the draft, validate a row (each problem naming its
 * field), start a draft from the published version, compare two versions. */
#ifndef TZ_REGISTER_H
#define TZ_REGISTER_H

#include <stdint.h>

#include "store/db.h"
#include "base/problem.h"

struct reg_row {
	int64_t id;            /* 0 for a new row */
	int64_t version_id;
	char section[12];      /* "mandatory" | "voluntary" */
	char nkz_code[16];     /* NNNN-N-NNN */
	char *name_kk, *name_ru;    /* as in the classifier */
	char *basis_kk, *basis_ru;  /* column 4 */
	char level[8];         /* "1".."8" or a sublevel "4.2" */
	int validity;          /* years; 0 = without time limit; -1 = not given */
	int64_t body_id;
	char profile[4];       /* "t" | "sg" */
	int64_t proposal_id;   /* 0 = none */
	int64_t rev;           /* as read; a change is refused if it moved on */
};

/* Columns of the Appendix form, for diffs (bit i = column i). */
enum reg_col {
	COL_NAME = 1 << 2, COL_CODE = 1 << 3, COL_BASIS = 1 << 4, COL_LEVEL = 1 << 5,
	COL_VALIDITY = 1 << 6, COL_BODY = 1 << 7, COL_PROFILE = 1 << 8, COL_SECTION = 1 << 9
};

void reg_row_free(struct reg_row *r);     /* frees the strings, not r */
void reg_row_copy(struct reg_row *dst, const struct reg_row *src);
void reg_row_set(char **field, const char *value);

/* Reads a row; 0, or -1 if there is none. */
int reg_row_load(tz_db *db, int64_t id, struct reg_row *out);

/* Validates a row's content (not its version).  Returns the problem count. */
int reg_validate(tz_db *db, const struct reg_row *r, struct problems *p);

/* Versions: the draft (0 if none), the newest published (0 if none). */
int64_t reg_draft(tz_db *db);
int64_t reg_published(tz_db *db);
const char *reg_version_state(tz_db *db, int64_t version);  /* static string or NULL */
/* A version's state as the clerk reads it, in the interface's language now:
 * "draft" is "жоба" / "проект".  An unknown word is returned as given. */
const char *reg_state_label(const char *state);
/* Starts a draft as a copy of the newest published version (empty if none).
 * Fails when a draft exists.  Returns its id, or 0 with err set. */
int64_t reg_new_draft(tz_db *db, char *err, size_t errlen);

/* Whether the person at the terminal may add, change and delete rows of the
 * draft now: their role, and a draft to change (not while the register is
 * with the Council or being formed).  0, or -1 with a translated sentence
 * in err saying why not. */
int reg_may_edit(tz_db *db, char *err, size_t errlen);

/* Row edits, each one transaction (nesting inside a caller's).  They validate
 * first and write nothing on a problem.  reg_change refuses with
 * REG_CONFLICT when the stored row's rev differs from r->rev.
 * Returns 0 or a reg_status. */
enum reg_status { REG_OK = 0, REG_INVALID = 1, REG_CONFLICT = 2, REG_NOT_DRAFT = 3,
                  REG_DUPLICATE = 4, REG_GONE = 5, REG_DBERR = 6,
                  REG_DENIED = 7 /* the user's role forbids it; the reason is in p */ };
int reg_add(tz_db *db, struct reg_row *r, struct problems *p);     /* sets r->id */
int reg_change(tz_db *db, struct reg_row *r, struct problems *p);  /* bumps r->rev */
int reg_delete(tz_db *db, int64_t id, int64_t rev);
/* A translated sentence for a status. */
const char *reg_status_text(int status);
/* The same into buf, and for REG_DBERR with the cause the database gave
 * (a full disk, a read-only file, another writer): what the clerk can act
 * on.  Returns buf. */
const char *reg_status_why(tz_db *db, int status, char *buf, size_t len);

/* Diff of version a (old) against b (new), rows matched by (code, level). */
enum reg_diff_kind { DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED };
typedef int (*reg_diff_fn)(void *ctx, enum reg_diff_kind kind, const struct reg_row *old,
                           const struct reg_row *neu, unsigned changed_cols);
int reg_diff(tz_db *db, int64_t a, int64_t b, reg_diff_fn fn, void *ctx);

/* Sections and profiles as shown: translated words. */
const char *reg_section_title(const char *section);   /* the Appendix's section heading */
const char *reg_profile_label(const char *profile);   /* т / әг or т / сг */
/* "5 жыл" / "мерзімсіз" ... */
void reg_validity_label(int validity, char *buf, size_t len);

/* The longest validity in years a document issued on recognition is given
 * in the register; longer is a typing slip (37 for 3), refused with why. */
#define REG_VALIDITY_MAX 10
/* Years as a clerk typed them (spaces around allowed): 0 and *years set, -1
 * for nothing typed, -2 with the reason in why (current language) for
 * anything else. */
int reg_validity_parse(const char *typed, int *years, char *why, size_t len);

/* Adding many rows in one transaction (an import).  reg_stage checks r as
 * reg_add does and keeps it; the kept rows are written a thousand at a time
 * and by reg_stage_flush, each batch in one statement and in the order they
 * were kept, so their ids, change log entries and numbers come out as
 * reg_add's would.  One statement per row kept an undo copy of every page
 * the row touched (some twenty) for that statement alone: most of an
 * import's writing.  Only inside the caller's transaction, between
 * reg_stage_begin and reg_stage_end (which drops what is still kept).
 * reg_stage returns a reg_status and leaves r->id 0; reg_stage_flush 0 or
 * an SQLite code. */
int reg_stage_begin(tz_db *db);
int reg_stage(tz_db *db, struct reg_row *r, struct problems *p);
int reg_stage_flush(tz_db *db);
void reg_stage_end(tz_db *db);

#endif
