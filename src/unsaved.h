/* unsaved — an entry form's content kept when the terminal goes away (a
 * hangup, a kill) before the clerk saved it, so that the next start can offer
 * it back.  One draft per database, in $XDG_STATE_HOME/tizilim (or
 * ~/.local/state/tizilim), named by a hash of the database's real path: two
 * databases never share one, and the database itself is never written on the
 * way out.
 *
 * The signal flag lives here so that every loop of the interface (the main
 * one and the form's own) can see it: a handler only sets it. */
#ifndef TZ_UNSAVED_H
#define TZ_UNSAVED_H

#include <signal.h>
#include <stdint.h>
#include <time.h>

#include "rowform.h"

/* Set (only) by the interface's handler of SIGHUP, SIGTERM and SIGINT. */
extern volatile sig_atomic_t unsaved_signalled;

struct unsaved {
	time_t when;             /* when it was kept */
	int64_t row_id;          /* 0 for a new entry */
	char section[12], nkz_code[16], profile[4];
	char levels[RF_MAX_LEVELS][8];
	int nlevels, unlimited;
	int64_t body_id;
	char *name_kk, *name_ru, *basis_kk, *basis_ru, *years;
};

/* The draft's file for a database, malloc'd; NULL without a home. */
char *unsaved_path(const char *db_path);
/* Keeps the form's content (written aside, then renamed over).  0 or -1. */
int unsaved_save(const char *db_path, const struct rowform *f);
/* 1 and *u filled when a draft exists and reads; 0 when there is none (or it
 * is unreadable); free with unsaved_free. */
int unsaved_load(const char *db_path, struct unsaved *u);
/* Puts a kept draft's content over a form loaded for the same row (or a new
 * entry): the row's revision stays the one just loaded. */
void unsaved_apply(const struct unsaved *u, struct rowform *f);
void unsaved_free(struct unsaved *u);
void unsaved_remove(const char *db_path);

#endif
