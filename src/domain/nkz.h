/* nkz — the occupation classifier (ҰКС / НКЗ, НК РК 01-2017): code forms,
 * look-ups (the import is exchange/nkzin.h). */
#ifndef TZ_NKZ_H
#define TZ_NKZ_H

#include <stddef.h>

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

#endif
