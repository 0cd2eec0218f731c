/* logwords — the change log in the user's words: what an entry is about
 * ("register row 7212-1-008, level 3"), what was done ("changed"), and each
 * field and value by its label in the interface's language, so that neither
 * the log screen nor the log command shows a table, column, state or event
 * name of the program.  The stored identifiers stay in the log itself (and
 * in `log --format tsv`, for scripts). */
#ifndef TZ_LOGWORDS_H
#define TZ_LOGWORDS_H

#include <stddef.h>

#include "store/audit.h"
#include "store/db.h"

/* What kind of thing a logged object (a table name) is, translated; an
 * object the program does not know reads "other data". */
const char *logwords_object(const char *object);

/* The object a user names, by its label in the current language (as
 * logwords_object gives it) or by its stored name; NULL when none. */
const char *logwords_object_parse(const char *text);

/* What was done (insert, update, delete, seal, import, restore), translated;
 * an unknown action reads "changed". */
const char *logwords_action(const char *action);

/* The same in a word or two, for the log's list, where every action must
 * show whole beside what the entry is about ("imported"; the entry in full
 * says "imported from a file"). */
const char *logwords_action_short(const char *action);

/* A field's label (key: a column name of the object's table), translated;
 * a key the program does not know is shown as it is. */
const char *logwords_field(const char *object, const char *key);

/* A field's value as the user reads it, into buf: states, sections,
 * actions, roles, seasons and decisions by their labels, a body or an
 * association by its name, a cycle by its title, yes/no for flags, "-" for
 * an empty value; anything else as it is.  Returns buf. */
char *logwords_value(tz_db *db, const char *object, const char *key, const char *value,
                     char *buf, size_t len);

/* The entry's subject into buf: the object's label and what identifies the
 * row to a clerk (a code and level, a name, a login, a proposal's number),
 * taken from the row after the change or, when it was deleted, before.
 * Returns buf. */
char *logwords_subject(tz_db *db, const struct audit_entry *e, char *buf, size_t len);

/* What changed, into buf: "Label: old → new; ..." for an update, the filled
 * fields "Label: value; ..." of a row added or removed, "" for an entry
 * without a row.  Returns buf. */
char *logwords_changes(tz_db *db, const struct audit_entry *e, char *buf, size_t len);

#endif
