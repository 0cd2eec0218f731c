/* refdata — the reference data's names in a language: the sectoral and
 * authorized bodies, employer associations and NRK levels as screens, the
 * command line and documents print them.  One place, so that a body is
 * called the same everywhere.  lang is "kk" or "ru"; NULL means the
 * interface's language now (i18n_lang). */
#ifndef TZ_REFDATA_H
#define TZ_REFDATA_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

enum ref_form {
	REF_SHORT,   /* the short name ("МТСЗН"), for lists and status lines */
	REF_FULL,    /* the full official name, for documents and details */
	REF_CODE,    /* the stable code ("labour"), the same in both languages */
};

/* The body's name into buf: 1 when the body exists, else 0 with buf set to
 * missing (NULL: empty). */
int ref_body(tz_db *db, int64_t id, enum ref_form form, const char *lang, char *buf, size_t len,
             const char *missing);
/* The widest short name of a body in lang, in terminal columns: what a
 * body column needs to show every body whole. */
int ref_body_widest(tz_db *db, const char *lang);
/* The same for an employer association's name (no short form: full). */
int ref_association(tz_db *db, int64_t id, const char *lang, char *buf, size_t len,
                    const char *missing);

#endif
