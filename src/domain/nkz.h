/* nkz — the occupation classifier (ҰКС / НКЗ, НК РК 01-2017): code forms,
 * look-ups (the import is exchange/nkzin.h). */
#ifndef TZ_NKZ_H
#define TZ_NKZ_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

/* The level (1..6) a code's form gives (SPEC §1), or 0 if malformed:
 * N | Х, NN, NNN, NNNN | ХNNNN, NNNN-N, NNNN-N-NNN. */
int nkz_code_level(const char *code);

/* The code's own group one level up (7212-1-008 -> 7212-1 -> 7212 -> 721 ->
 * 72 -> 7; Х1000 -> Х) into buf; 0, or -1 for a major group or a malformed
 * code. */
int nkz_parent(const char *code, char *buf, size_t len);

/* What a level's codes are called, plural, translated ("unit groups"). */
const char *nkz_level_name(int level);

/* One change an import of the classifier made (kind "added", "renamed" or
 * "retired"); names as the files spelled them, "" where there is none.
 * Valid for the call only. */
struct nkz_change {
	const char *code, *kind;
	const char *old_kk, *old_ru, *new_kk, *new_ru;
};
typedef void (*nkz_change_fn)(void *ctx, const struct nkz_change *c);

/* The changes of the import whose change log entry is log_id (0: the last
 * import of the classifier): added, then renamed, then retired, each in
 * code order.  How many, or -1. */
long nkz_changes(tz_db *db, int64_t log_id, nkz_change_fn fn, void *ctx);

/* Whether the classifier renamed code's occupation after the register row
 * row_id was last written, to names other than the row's own (compared
 * case-folded): then 1, with the names before and after in the current
 * language into was and now, and the import's date (YYYY-MM-DD) into when.
 * 0 when not, -1 on a database error. */
int nkz_renamed_since(tz_db *db, int64_t row_id, const char *code, const char *name_kk,
                      const char *name_ru, char *was, char *now, size_t len, char when[11]);

#endif
