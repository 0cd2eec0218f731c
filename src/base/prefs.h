/* prefs — what the clerk chose in the terminal and finds again at the next
 * start: the language, the register's sort and its columns (hidden, wider or
 * narrower), and the folder of the last export.  Kept per user in "prefs"
 * beside the configuration file ($XDG_CONFIG_HOME/tizilim/prefs, or the
 * login's own ~/.config/tizilim on a shared host), which the program writes
 * and the clerk need not: the configuration stays the clerk's own text.
 *
 *   language = kk
 *   sort = 2 desc            (the column sorted by, 0..7, in the Appendix's order)
 *   column.3 = hidden
 *   column.1 = +4
 *   export_dir = /home/clerk/exports
 *
 * Read leniently (a line it does not know is skipped: the file is the
 * program's, and an older or newer program may have written it); written
 * whole with the user's rights, never through a link. */
#ifndef TZ_PREFS_H
#define TZ_PREFS_H

enum { PREFS_NCOL = 8 };

struct prefs {
	char language[3];          /* "kk", "ru", or "" */
	int sort;                  /* the column sorted by (0..7), -1 when not chosen */
	int sort_desc;
	int hidden[PREFS_NCOL];
	int delta[PREFS_NCOL];     /* columns widened (> 0) or narrowed (< 0) */
	char export_dir[1024];     /* "" when none */
};

void prefs_defaults(struct prefs *p);
/* The file's path (malloc'd), NULL without a home. */
char *prefs_path(void);
/* Reads the text of a prefs file over p. */
void prefs_parse(struct prefs *p, const char *text);
/* Reads path over p; a missing or unreadable file leaves p as it was.
 * 0, or -1 when the file was there but could not be read. */
int prefs_load(struct prefs *p, const char *path);
/* Writes p to path, making its folder (0700) when needed.  0, or -1 with
 * errno; the old file stays whole on failure. */
int prefs_save(const struct prefs *p, const char *path);

#endif
