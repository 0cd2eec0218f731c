/* text — UTF-8 text: case folding for search, the Kazakh and Russian alphabets
 * (ICU collation), and terminal widths. */
#ifndef TZ_TEXT_H
#define TZ_TEXT_H

#include <stddef.h>

/* Case-folded copy for search (malloc'd; NULL on bad UTF-8 or no memory).
 * Folds every Cyrillic letter, Kazakh ones included, and reads a Latin I/i
 * standing next to Cyrillic letters as the Kazakh і, as typed in real files. */
char *text_fold(const char *s);

/* Compares by the alphabet of lang ("kk" or "ru"). */
int text_collate(const char *lang, const void *a, int alen, const void *b, int blen);

/* The ICU sort key of s in lang's alphabet, malloc'd, its size in *len. */
unsigned char *text_sortkey(const char *lang, const char *s, int *len);

/* 1 if s is well-formed UTF-8 (n bytes, or up to NUL when n < 0). */
int text_valid_utf8(const char *s, long n);

/* Terminal columns of s (wcwidth; a bad byte or unprintable counts as 1). */
int text_width(const char *s);

/* How many bytes of s fit in cols columns, never splitting a character. */
size_t text_fit(const char *s, int cols);

/* Decodes one UTF-8 character at s into *cp; returns its length (1 for a bad
 * byte, with *cp = U+FFFD), 0 at the end of the string. */
int text_next(const char *s, unsigned *cp);

/* s followed by spaces up to cols terminal columns (never cut), into buf;
 * returns buf.  For tables whose cells hold Cyrillic, where printf's %-Ns
 * counts bytes. */
char *text_pad(char *buf, size_t len, const char *s, int cols);

/* Trims leading and trailing white space in place; returns s. */
char *text_trim(char *s);

/* Frees the collators (at exit, for leak checkers). */
void text_cleanup(void);

#endif
