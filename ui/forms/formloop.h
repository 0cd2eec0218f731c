/* formloop — what the entry forms (ui/forms/rowform_ui.c for a register row,
 * ui/forms/propform_ui.c for a proposal) have in common: the lines of fields, each
 * with its problem beneath once touched or once the clerk asked, scrolled
 * to keep the focus in view; the key loop with typing, moving between
 * fields, help, language, leaving and the terminal going away; the level
 * picker.
 * A form describes its fields through fl_ops and keeps its own actions
 * (save, check, opening a field). */
#ifndef TZ_UI_FORMLOOP_H
#define TZ_UI_FORMLOOP_H

#include <stddef.h>

#include "store/db.h"
#include "base/problem.h"
#include "kit/screen.h"
#include "base/textedit.h"

/* Enter only ever moves to the next field (a form's table gives it
 * FL_NEXT); a value changes by a key that says so: typing, Space (FL_OPEN)
 * or Left/Right on a choice.
 * The actions every entry form has.  fl_form.roles gives each entry of
 * the form's table its role: FL_OWN for one the form does itself.  An entry
 * left empty (no help) is filled with the one every form has: Help,
 * Language, Cancel, Next, Previous. */
enum fl_role { FL_HELP, FL_LANG, FL_SAVE, FL_CANCEL, FL_NEXT, FL_PREV, FL_OPEN, FL_OWN };

enum fl_kind {
	FL_K_TEXT,     /* typed */
	FL_K_CHOICE,   /* Space or Left/Right switch it */
	FL_K_SHOWN,    /* not changed by the clerk (a name from the classifier) */
	FL_K_OTHER     /* opened with Space (a picker, the validity) */
};

struct fl_field {
	char label[256];     /* in the current language */
	const char *key;     /* the key of its problems */
	enum fl_kind kind;
	int width;           /* columns of the value; 0 = to the right edge */
	int shown;           /* on the form now */
	const char *hint;    /* in the current language: shown while it has the focus */
};

struct fl_ops {
	void (*field)(void *form, int field, struct fl_field *out);
	/* The typed text a field shows now, or NULL when it shows a value. */
	struct textedit *(*text)(void *form, int field);
	void (*value)(void *form, int field, char *buf, size_t len);
	/* Every problem of the form now. */
	void (*validate)(void *form, struct problems *p);
	/* Draws the title and the line beneath it. */
	void (*head)(void *form);
	int (*changed)(void *form);
	/* FL_SAVE, FL_OPEN (also for Left/Right on a choice and on a read-only
	 * form) and the form's own actions (index into its table): 1 when
	 * the form closes. */
	int (*act)(void *form, enum fl_role role, int action, int key);
	/* The terminal is going and the form has changes: keep them aside. */
	void (*keep)(void *form);
};

struct fl_form {
	/* Set by the form before fl_run. */
	const struct fl_ops *ops;
	void *form;                    /* handed back to ops */
	const struct ui_action *actions;
	int nactions;
	const int *roles;              /* one per action */
	int nfields;
	int validity;                  /* the field of years or without time limit */
	int *unlimited;
	struct textedit *years;
	const int *readonly;
	int label_max;                 /* the widest label column; 0: a third of the width */
	int wrap;                      /* moving past the last field goes to the first */
	/* State the form's actions read and change. */
	int focus, top;
	int tried;                     /* every problem is shown */
	unsigned touched;              /* fields changed or left: their problems are shown */
	char note[600];                /* the last action's outcome, instead of the hint */
	int note_alert;
	unsigned edits;                /* counts what was typed into the fields */
	/* The form's keys, its own and the common ones: what fl_run reads. */
	struct ui_action keys[12];
	struct ui_screen screen;
};

/* Runs the form modally until an action closes it or the terminal goes
 * away. */
void fl_run(struct fl_form *s);
void fl_note(struct fl_form *s, int alert, const char *msg);
/* Puts the focus on the first field that has a problem in p. */
void fl_focus_first(struct fl_form *s, const struct problems *p);

/* The level picker: ticks a copy of levels, which replaces them when the
 * clerk takes it (Esc leaves them be). */
void fl_pick_levels(tz_db *db, char (*levels)[8], int *n, int max);

#endif
