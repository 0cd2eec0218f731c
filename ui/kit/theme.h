/* theme — the attributes of each part of the screen: colours where the
 * terminal has them and NO_COLOR is unset, else bold and reverse video. */
#ifndef TZ_UI_THEME_H
#define TZ_UI_THEME_H

#include <curses.h>

enum theme_role {
	TH_NORMAL, TH_TITLE, TH_HEAD, TH_SECTION, TH_CURSOR, TH_STATUS,
	TH_KEYNUM, TH_KEYLABEL, TH_ALERT, TH_MARK, TH_DIALOG, TH_COUNT
};

/* Whether colours may be used at all (the configuration's colors = off);
 * NO_COLOR and the terminal still decide when they may.  Before theme_init. */
void theme_allow_colour(int allow);
/* Call once after initscr. */
void theme_init(void);
attr_t theme(enum theme_role r);
int theme_colour(void);    /* 1 if colours are in use */

#endif
