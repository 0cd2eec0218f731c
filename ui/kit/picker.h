/* picker — a modal list to choose from, searchable as you type: the
 * classifier, the sectoral bodies, the levels.  The list comes from a load
 * callback, called again whenever the query changes and after F2 switches
 * the language, so that it is always in the language on screen.
 *
 * Keys: typing narrows the list (when searchable); Up/Down, PgUp/PgDn,
 * Home/End move over the items that can be chosen (others, such as
 * classifier groups, show as context); Enter chooses; in a multi-choice list
 * Space or Insert ticks and Enter accepts the ticks; F2 switches the
 * language; Esc or F10 cancels. */
#ifndef TZ_UI_PICKER_H
#define TZ_UI_PICKER_H

#include <stddef.h>

#define PICKER_MAX 200

struct picker_item {
	char key[32];      /* what a choice returns */
	char *label;       /* as shown */
	int selectable;
};

struct picker_list {
	struct picker_item items[PICKER_MAX];
	int n;
	int more;          /* set by load when it had more than PICKER_MAX */
};

/* Appends an item (the label is copied); sets more when the list is full. */
void picker_add(struct picker_list *l, const char *key, const char *label, int selectable);

struct picker {
	const char *title;        /* translated by the caller when it is drawn: N_() */
	int searchable;
	int multi;
	void (*load)(void *ctx, const char *query, struct picker_list *l);
	/* multi only: whether a key is ticked, and ticking it */
	int (*checked)(void *ctx, const char *key);
	void (*toggle)(void *ctx, const char *key);
	void *ctx;
};

/* Runs the picker; the cursor starts on current (NULL: the first item).
 * Returns 1 when the clerk chose (single: the key in out), 0 on cancel. */
int picker_run(const struct picker *p, const char *current, char *out, size_t outlen);

#endif
