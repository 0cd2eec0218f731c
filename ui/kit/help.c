#include "kit/help.h"

#include <curses.h>
#include <stdio.h>

#include "kit/actions.h"
#include "kit/draw.h"
#include "base/i18n.h"
#include "base/text.h"
#include "kit/theme.h"

static const struct ui_action help_actions[] = {
	{2, {0}, NULL, N_("Language"), N_("Switch between Kazakh and Russian"), act_language},
	{10, {27, 0}, N_("Esc"), N_("Close"), N_("Close the help"), act_close},
};

static void help_draw(struct ui_app *app)
{
	const struct ui_screen *of = ui_below(app);
	draw_fill(0, theme(TH_TITLE));
	draw_cell(0, 1, COLS - 2, _("Help"), theme(TH_TITLE), 0);
	int y = 2, bottom = LINES - 2;
	y += draw_wrap(y, 2, COLS - 4, bottom - y, _("Keys of this screen:"), theme(TH_HEAD));
	y++;
	int kw = 0;
	char keys[128];
	for (int i = 0; of && i < of->nactions; i++) {
		action_keys_text(&of->actions[i], keys, sizeof keys);
		int w = text_width(keys);
		kw = w > kw ? w : kw;
	}
	if (kw > COLS / 3)
		kw = COLS / 3;
	for (int i = 0; of && i < of->nactions && y < bottom; i++) {
		action_keys_text(&of->actions[i], keys, sizeof keys);
		draw_cell(y, 2, kw, keys, theme(TH_HEAD), 0);
		y += draw_wrap(y, kw + 4, COLS - kw - 6, bottom - y, _(of->actions[i].help),
		               theme(TH_NORMAL));
	}
	y++;
	if (y < bottom)
		draw_wrap(y, 2, COLS - 4, bottom - y,
		          _("Esc followed by a digit does what that F-key does, for terminals that "
		            "do not pass F-keys on (Esc 0 is F10)."), theme(TH_NORMAL));
}

const struct ui_screen help_screen = {
	.actions = help_actions,
	.nactions = (int)(sizeof help_actions / sizeof *help_actions),
	.draw = help_draw,
};

enum ui_result act_help(struct ui_app *app)
{
	ui_push(app, &help_screen);
	return UI_REDRAW;
}
