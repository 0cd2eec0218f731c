/* pickers — what the entry forms share beside their key loop: the
 * pickers' lists and the box of a form's keys. */
#ifndef TZ_UI_PICKERS_H
#define TZ_UI_PICKERS_H

#include <stdint.h>

#include "store/db.h"

/* The pickers' lists, each in the language on screen (ctx points to a struct
 * whose first member is the tz_db *), and the help box that lists a form's
 * keys from its action table. */
struct picker_list;
struct ui_screen;
void form_load_nkz(void *ctx, const char *query, struct picker_list *l);
void form_load_bodies(void *ctx, const char *query, struct picker_list *l);
void form_load_levels(void *ctx, const char *query, struct picker_list *l);
/* The employer associations that may propose to body_id, "none" first while
 * nothing is typed: for a load callback whose context knows the body. */
void form_load_associations(tz_db *db, int64_t body_id, const char *query, struct picker_list *l);
void form_keys_help(const struct ui_screen *s);

#endif
