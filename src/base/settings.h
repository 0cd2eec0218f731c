/* settings — the configuration file, $XDG_CONFIG_HOME/tizilim/config
 * (~/.config/tizilim/config): `key = value` lines, `#` comments.
 *
 *   language = kk | ru          the default language (--lang and
 *                               $TIZILIM_LANG still win)
 *   colors   = auto | on | off  (NO_COLOR always wins over on)
 *   mouse    = off | on
 *   bind.<action> = <key>       another key for an action: bind.search = ^F
 *
 * Read strictly: a line the program does not understand is reported with its
 * file, line and what is wrong, and ignored; the rest still applies.  The
 * file is optional.  Kept apart from curses: keys are described here in the
 * program's own terms and the interface maps them to the terminal's. */
#ifndef TZ_SETTINGS_H
#define TZ_SETTINGS_H

#include <stddef.h>

enum settings_colors { SET_COLORS_AUTO, SET_COLORS_ON, SET_COLORS_OFF };

/* The named actions a key can be bound to.  A name is not an F-key: each
 * screen says which of its actions, if any, bears it, so a key bound to
 * filter opens the register's filter and does nothing where there is none. */
enum settings_action {
	SET_ACT_NONE, SET_ACT_HELP, SET_ACT_LANGUAGE, SET_ACT_VIEW, SET_ACT_EDIT, SET_ACT_NEW,
	SET_ACT_FILTER, SET_ACT_SEARCH, SET_ACT_DELETE, SET_ACT_MENU, SET_ACT_QUIT, SET_NACT
};

/* A key as the file names it: a character (its code point), Ctrl and a
 * letter, an F-key, or one of the named keys. */
enum settings_key_kind { SET_KEY_CHAR, SET_KEY_CTRL, SET_KEY_F, SET_KEY_NAMED };
enum settings_named {
	SET_KEY_UP, SET_KEY_DOWN, SET_KEY_LEFT, SET_KEY_RIGHT, SET_KEY_HOME, SET_KEY_END,
	SET_KEY_PGUP, SET_KEY_PGDN, SET_KEY_INSERT, SET_KEY_DELETE, SET_KEY_TAB, SET_NNAMED
};
struct settings_key {
	enum settings_key_kind kind;
	unsigned value;      /* code point, letter 'A'..'Z', 1..12, or settings_named */
};

enum { SETTINGS_MAX_BINDS = 32, SETTINGS_MAX_PROBLEMS = 16 };

struct settings {
	char language[3];               /* "kk", "ru", or "" when not set */
	enum settings_colors colors;
	int mouse;
	int nbinds;
	struct { enum settings_action action; struct settings_key key; } binds[SETTINGS_MAX_BINDS];
	/* What was wrong, translated, each naming file and line. */
	int nproblems;
	char problems[SETTINGS_MAX_PROBLEMS][320];
};

/* The defaults: no language, colours auto, mouse off, no bindings. */
void settings_defaults(struct settings *s);

/* The file's path (malloc'd): config in the user's configuration directory
 * (userfile_dir: $XDG_CONFIG_HOME/tizilim or ~/.config/tizilim; setgid, the
 * login's own home); NULL without a home. */
char *settings_path(void);

/* Reads text (the file's content; name is used in messages) over s.
 * Returns the number of problems added. */
int settings_parse(struct settings *s, const char *name, const char *text);

/* Reads the file at path over s; a missing file is no problem, an
 * unreadable one is.  Returns the number of problems added. */
int settings_load(struct settings *s, const char *path);

/* The action's name in the file ("search"), and back (SET_ACT_NONE if none). */
const char *settings_action_name(enum settings_action a);
enum settings_action settings_action_parse(const char *name);

/* Parses a key's description ("F7", "^F", "Ctrl-F", "PgDn", "x", "ы");
 * 0, or -1 if it names no key. */
int settings_key_parse(const char *text, struct settings_key *k);

/* Writes a key's description back, as the help shows it. */
void settings_key_name(const struct settings_key *k, char *buf, size_t len);

#endif
