#include "kit/theme.h"

#include <stdlib.h>

#include "base/privs.h"

static attr_t attrs[TH_COUNT];
static int colour;
static int allowed = 1;

void theme_allow_colour(int allow) { allowed = allow; }

/* Plain 8-colour pairs only, so that TERM=linux looks as intended. */
static const struct { short fg, bg; attr_t extra; attr_t mono; } roles[TH_COUNT] = {
	[TH_NORMAL]   = {COLOR_WHITE, COLOR_BLUE, 0, 0},
	[TH_TITLE]    = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[TH_HEAD]     = {COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_BOLD | A_UNDERLINE},
	[TH_SECTION]  = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD},
	[TH_CURSOR]   = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[TH_STATUS]   = {COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE},
	[TH_KEYNUM]   = {COLOR_WHITE, COLOR_BLACK, 0, 0},
	[TH_KEYLABEL] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[TH_ALERT]    = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
	/* A search match: seen on a plain row and on the cursor row alike. */
	[TH_MARK]     = {COLOR_BLACK, COLOR_YELLOW, 0, A_BOLD | A_UNDERLINE},
	[TH_DIALOG]   = {COLOR_BLACK, COLOR_WHITE, 0, 0},
};

void theme_init(void)
{
	const char *nc = privs_getenv("NO_COLOR");
	colour = allowed && !(nc && *nc) && has_colors() && start_color() == OK && COLOR_PAIRS > TH_COUNT;
	for (int r = 0; r < TH_COUNT; r++) {
		if (colour) {
			init_pair((short)(r + 1), roles[r].fg, roles[r].bg);
			attrs[r] = COLOR_PAIR(r + 1) | roles[r].extra;
		} else {
			attrs[r] = roles[r].mono;
		}
	}
	bkgdset(' ' | attrs[TH_NORMAL]);
}

attr_t theme(enum theme_role r) { return attrs[r]; }
int theme_colour(void) { return colour; }
