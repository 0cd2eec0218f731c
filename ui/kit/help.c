#include "kit/help.h"

#include <curses.h>
#include <stdio.h>

#include "base/i18n.h"
#include "kit/actions.h"
#include "kit/textview.h"
#include "kit/theme.h"

/* The keys of the screen under the help, each with its line. */
static void help_fill(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	const struct ui_screen *of = ui_below(app);
	snprintf(title, len, "%s", _("Help"));
	tv_heading(l, _("Keys of this screen:"));
	tv_line(l, theme(TH_NORMAL), "");
	char keys[128];
	for (int i = 0; of && i < of->nactions; i++) {
		action_keys_text(&of->actions[i], keys, sizeof keys);
		tv_pair_in(l, theme(TH_HEAD), keys, _(of->actions[i].help));
	}
	tv_line(l, theme(TH_NORMAL), "");
	tv_line(l, theme(TH_NORMAL),
	        _("Esc followed by a digit does what that F-key does, for terminals that "
	          "do not pass F-keys on (Esc 0 is F10)."));
}

static const struct ui_action help_actions[] = {
	{2, {0}, NULL, N_("Language"), N_("Switch between Kazakh and Russian"), act_language,
	 SET_ACT_LANGUAGE},
	UI_KEY_CLOSE(N_("Close the help"), act_close),
	TV_SCROLL_KEYS,
};

static const struct ui_screen help_screen = {
	.actions = help_actions,
	.nactions = (int)(sizeof help_actions / sizeof *help_actions),
	.draw = tv_draw,
};

enum ui_result help_open(struct ui_app *app)
{
	tv_push(app, &help_screen, help_fill);
	return UI_REDRAW;
}
