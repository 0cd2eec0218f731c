/* unsaved — an entry form's content kept when the terminal goes away (a
 * hangup, a kill) before the clerk saved it, so that the next start can offer
 * it back.  One draft per database, in the user's state directory
 * ($XDG_STATE_HOME/tizilim or ~/.local/state/tizilim; setgid, the login's
 * own home whatever the environment says), named by a hash of the
 * database's real path: two databases never share one, and the database
 * itself is never written on the way out.  The file is the clerk's, written
 * with the clerk's rights and never through a link (src/base/safefile.h).  A draft is of a register row or of a proposal; a file written
 * before proposals were kept has no kind and is a row's.
 *
 * The signal flag lives here so that every loop of the interface (the main
 * one and the forms' own) can see it: a handler only sets it. */
#ifndef TZ_UNSAVED_H
#define TZ_UNSAVED_H

#include <signal.h>
#include <stdint.h>
#include <time.h>

#include "view/propform.h"
#include "view/rowform.h"

/* Set (only) by the interface's handler of SIGHUP, SIGTERM and SIGINT. */
extern volatile sig_atomic_t unsaved_signalled;

enum unsaved_kind { UNSAVED_ROW, UNSAVED_PROPOSAL };

struct unsaved {
	enum unsaved_kind kind;
	time_t when;             /* when it was kept */
	int64_t id;              /* the row's or the proposal's; 0 for a new one */
	int64_t cycle_id;        /* a proposal's */
	int64_t body_id, assoc_id;
	char action[8];          /* a proposal's */
	char section[12], nkz_code[16], profile[4];
	char levels[RF_MAX_LEVELS][8];
	int nlevels, unlimited;
	char *name_kk, *name_ru, *years;
	/* Typed texts in propform's order (from PF_F_BASIS_KK): a row's are
	 * the first two, its bases. */
	char *text[PF_NTEXTS];
};

/* The draft's file for a database, malloc'd; NULL without a home. */
char *unsaved_path(const char *db_path);
/* Keep a form's content (written aside, then renamed over, replacing any
 * draft of the database).  0 or -1. */
int unsaved_save(const char *db_path, const struct rowform *f);
int unsaved_save_proposal(const char *db_path, const struct propform *f);
/* 1 and *u filled when a draft exists and reads; 0 when there is none (or it
 * is unreadable); free with unsaved_free. */
int unsaved_load(const char *db_path, struct unsaved *u);
/* Put a kept draft's content over a form loaded for the same row or
 * proposal (or a new one): what the form was loaded with beside the typed
 * content (a row's revision, a proposal's state) stays. */
void unsaved_apply(const struct unsaved *u, struct rowform *f);
void unsaved_apply_proposal(const struct unsaved *u, struct propform *f);
void unsaved_free(struct unsaved *u);
void unsaved_remove(const char *db_path);

#endif
