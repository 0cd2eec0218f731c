/* text — UTF-8 text: case folding for search, the Kazakh and Russian alphabets
 * (ICU collation), and terminal widths. */
#ifndef TZ_TEXT_H
#define TZ_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Case-folded copy for search (malloc'd; NULL on bad UTF-8 or no memory).
 * Folds every Cyrillic letter, Kazakh ones included, and reads a Latin I/i
 * standing next to Cyrillic letters as the Kazakh і, as typed in real files. */
char *text_fold(const char *s);
/* The same fold by text.c's own tables, or NULL when s holds a character
 * they leave to ICU (or a bad byte): text_fold's fast path. */
char *text_fold_quick(const char *s);
/* The same fold by ICU alone: the reference the fast path is held to. */
char *text_fold_icu(const char *s);
/* The Kazakh letters of folded text s turned, in place, into the Russian
 * letters a clerk types for them on a Russian layout (ә а, қ к, ө о, ұ ү у,
 * ғ г, ң н, і и, һ х): the look-alike fold, under which "данекерлеуши"
 * finds "дәнекерлеуші".  Each pair is two bytes in UTF-8, so the length
 * stays.  Returns s. */
char *text_loose(char *s);

/* Compares by the alphabet of lang ("kk" or "ru"). */
int text_collate(const char *lang, const void *a, int alen, const void *b, int blen);

/* The ICU sort key of s in lang's alphabet, malloc'd, its size in *len. */
unsigned char *text_sortkey(const char *lang, const char *s, int *len);
/* Lowers *key (malloc'd, *len bytes; NULL for none yet) to where every
 * text whose fold (text_fold) starts with f sorts at or after in lang's
 * alphabet: the lowest primary weights (the sort key up to its first level
 * separator) of f and, since a Latin I folds to і but sorts as Latin, of f
 * spelt with Latin i.  0, or -1 on no memory (*key as far as it got). */
int text_fold_floor(const char *lang, const char *f, unsigned char **key, int *len);

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

/* Control characters: what could make a terminal do something rather than
 * show a letter — C0 (U+0000-U+001F: ESC starts a title change, a clipboard
 * write or a screen clear, backspace and CR rewrite what is shown), DEL, C1
 * (U+0080-U+009F: U+009B is a one-character CSI to some terminals, U+009D an
 * OSC), and the bidirectional embeddings, overrides and isolates (U+202A-
 * U+202E, U+2066-U+2069), which reorder the text around them.  Text from
 * outside (imports, packages, the press release) is refused when it holds
 * one; text on its way out is escaped.  With TEXT_LINES, tab and newline
 * (and a CR right before a newline) are text, for fields that may hold
 * several lines. */
enum { TEXT_LINES = 1 };

/* 1 if the code point is a control character (tab and newline too). */
int text_is_control(unsigned cp);

/* Byte offset of the first control character in s (as flags allow) or byte
 * that is not UTF-8; -1 when there is none. */
long text_find_control(const char *s, int flags);

/* Line and column (characters), both from 1, of byte offset off in s. */
void text_place(const char *s, long off, long *line, long *col);

/* The visible form of the character at s, as text_escape writes it, into
 * buf; returns how many bytes of s it stands for (0 at the end). */
int text_escape_char(const char *s, char buf[16]);

/* s with each control character and bad byte in its visible form (\x1b,
 * \u202e; see text.c for why this form), into buf; cut at a character or
 * escape that does not fit whole.  Returns buf. */
char *text_escape(char *buf, size_t len, const char *s, int flags);

/* The same written to f, however long s is; EOF on a write error. */
int text_put(FILE *f, const char *s, int flags);

/* Trims leading and trailing white space in place; returns s. */
char *text_trim(char *s);

/* Frees the collators (at exit, for leak checkers). */
void text_cleanup(void);

#endif
