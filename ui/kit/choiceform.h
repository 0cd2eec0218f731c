/* choiceform — a small form over the screen: fields that are a choice among
 * a few values (Left and Right move through them, with arrows beside the
 * value when there is more than one) and text fields (typed into).  Up, Down
 * and Tab move between fields, Enter accepts the form, Esc cancels it, F2
 * switches the language and the form is drawn again in it.
 *
 * The caller owns the fields and their texts; labels and the hint are N_()
 * and translated at every draw, and a choice's words are asked for at every
 * draw too (cf_field.name), so that they follow the language. */
#ifndef TZ_UI_CHOICEFORM_H
#define TZ_UI_CHOICEFORM_H

#include <stddef.h>

#include "base/textedit.h"
#include "kit/screen.h"

struct cf_field {
	const char *label;              /* N_() */
	/* A choice among n values (n >= 1), value `at`; n == 0: a text field. */
	int n, at;
	/* The words of value i, in the interface's language now. */
	void (*name)(void *ctx, int i, char *buf, size_t len);
	struct textedit text;           /* a text field's value */
	int touched;                    /* the clerk typed into the text */
};

struct cf_form {
	const char *title;              /* N_() */
	const char *hint;               /* N_(): the line at the bottom of the box */
	struct cf_field *f;
	int nf, at;
	void *ctx;
	/* Optional: after the choice of field i moved (to name a file after it). */
	void (*changed)(struct cf_form *form, int i);
	struct ui_app *app;
};

/* Runs the form over the screen under it.  Enter calls accept, which returns
 * 1 to close the form or 0 to keep it open (having told the clerk, over the
 * form, what to put right); Esc closes it.  Returns 1 when accept closed it,
 * 0 on Esc. */
int cf_run(struct ui_app *app, struct cf_form *form, int (*accept)(struct cf_form *form));

#endif
