/* dialog — modal boxes over whatever is on screen: a message, a yes/no
 * question, a choice among buttons; and what every modal loop shares (the
 * entry form, the pickers, these boxes).
 *
 * A modal loop registers how to draw itself with dlg_layer_push before it
 * waits for keys, and pops it when it returns.  A resize erases the screen;
 * dlg_repaint then draws every layer from the bottom up, so a dialog over a
 * picker over the form comes back whole.  The caller of the first modal is
 * responsible for its own screen once the modal returns.
 *
 *   if (dlg_confirm(_("Delete"), _("Delete the row 7212-1-008 at level 3?")))
 *       ...
 *
 * Buttons are chosen with Left/Right or Tab and Enter; Esc (and F10) is the
 * last button of a choice, "No" of a question, and closes a message.  Every
 * text is shown as given: translate it before the call.
 *
 * Two boxes are screens on the stack rather than modal loops, so that F1
 * and F2 work in them as anywhere: a dialog of text fields (dlg_fields) and
 * a list of things to do (dlg_list).  Their titles and labels are N_():
 * they are translated at every draw. */
#ifndef TZ_UI_DIALOG_H
#define TZ_UI_DIALOG_H

#include "kit/screen.h"

typedef void (*dlg_draw_fn)(void *ctx);

void dlg_layer_push(dlg_draw_fn draw, void *ctx);
void dlg_layer_pop(void);
/* Draws every layer (or a "too small" notice) and refreshes.  The screen is
 * erased first only after a resize: a layer that covers the whole screen
 * clears it itself. */
void dlg_repaint(void);

/* The next key as the main loop reads it: get_wch, so a Cyrillic letter
 * arrives whole; Esc and a digit give that F-key; a lone Esc is 27;
 * characters that fall among KEY_* codes carry UI_WIDE (see screen.h). */
int dlg_key(void);

/* 1 when the terminal is big enough to draw on (80x24); else what is
 * drawn instead says how big it must be. */
int dlg_fits(void);
void dlg_too_small(void);

/* A filled box with a frame and a title in the middle of the top edge. */
void dlg_box(int y, int x, int h, int w, const char *title);

void dlg_message(const char *title, const char *text);
/* 1 for yes, 0 for no or Esc. */
int dlg_confirm(const char *title, const char *text);
/* The same with No chosen to begin with: for a question whose Yes destroys
 * something (replaces a file, deletes a row), so that Enter alone does not. */
int dlg_confirm_no(const char *title, const char *text);
/* The index of the button chosen, or n - 1 on Esc.  text may hold '\n'. */
int dlg_choice(const char *title, const char *text, const char *const labels[], int n);
/* The same with button sel chosen at first: a step that cannot be undone
 * starts on its "Cancel", so that Enter alone does not take it. */
int dlg_choice_at(const char *title, const char *text, const char *const labels[], int n, int sel);

/* A dialog of text fields over the screen under it.  Enter runs done with
 * the values and closes the dialog (done may open another screen); Esc
 * closes it and changes nothing.  Typing adds at the end of the field,
 * Backspace takes off its last character; Up, Down and Tab move. */
#define DLG_MAX_FIELDS 4
struct dlg_field {
	const char *label;     /* N_() */
	char value[512];
};
typedef void (*dlg_done_fn)(struct ui_app *app, struct dlg_field *f, int n);
void dlg_fields(struct ui_app *app, const char *title, const struct dlg_field *f, int n,
                dlg_done_fn done);
/* From a done function that refused the values: the same dialog again, with
 * what was typed, so that a clerk corrects it rather than types it anew. */
void dlg_fields_again(struct ui_app *app);

/* A list of things to do: Enter closes it and runs the chosen one. */
struct dlg_item {
	const char *label;     /* N_() */
	void (*run)(struct ui_app *app);
};
void dlg_list(struct ui_app *app, const char *title, const struct dlg_item *items, int n);

#endif
