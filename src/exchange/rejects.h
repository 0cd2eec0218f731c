/* rejects — the file of rows an import left out, beside the file it read:
 * "<dir>/<name without extension>-rejected.csv", or -2, -3 ... when that
 * name is taken, for an existing file is never replaced.  The rows are
 * written as CSV fields (RFC 4180 quoting) into a safefile, then placed. */
#ifndef TZ_REJECTS_H
#define TZ_REJECTS_H

#include <stdio.h>

#include "base/safefile.h"

/* One field, quoted when it must be; last ends the line. */
void rejects_put(FILE *f, const char *s, int last);
/* The name of the n-th try (1: no number) for the file at path. */
void rejects_name(const char *path, int n, char *out, size_t len);
/* Closes sf and renames it to the first free name (into out), never over a
 * file.  0, or -1 with errno and nothing left behind (out ""). */
int rejects_place(struct safefile *sf, const char *path, char *out, size_t len);

#endif
