#include "kit/actions.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "view/regview.h"
#include "base/settings.h"

const struct ui_action *action_for_key(const struct ui_screen *s, int key)
{
	for (int i = 0; i < s->nactions; i++) {
		const struct ui_action *a = &s->actions[i];
		if (a->fkey && key == KEY_F(a->fkey))
			return a;
		for (int k = 0; k < 4 && a->keys[k]; k++)
			if (a->keys[k] == key)
				return a;
	}
	return NULL;
}

static const struct settings *bindings;

void action_bindings(const struct settings *conf) { bindings = conf; }

void action_keys_text(const struct ui_action *a, char *buf, size_t len)
{
	buf[0] = 0;
	if (a->fkey)
		/* TRANSLATORS: how the help names an F-key and its Esc-digit twin */
		snprintf(buf, len, _("F%d, Esc %d"), a->fkey, a->fkey % 10);
	for (int i = 0; a->fkey && bindings && i < bindings->nbinds; i++)
		if ((int)bindings->binds[i].action == a->fkey) {
			size_t n = strlen(buf);
			buf[n] = n + 2 < len ? ',' : 0;
			if (n + 2 < len) {
				buf[n + 1] = ' ';
				settings_key_name(&bindings->binds[i].key, buf + n + 2, len - n - 2);
			}
		}
	if (a->keys_name) {
		size_t n = strlen(buf);
		snprintf(buf + n, len - n, "%s%s", n ? ", " : "", _(a->keys_name));
	}
}

/* Every word on screen is looked up again at the next draw, and the view
 * re-reads its rows, so nothing of the old language survives the switch. */
enum ui_result act_language(struct ui_app *app)
{
	i18n_set_lang(i18n_is_kk() ? "ru" : "kk");
	rv_set_lang(app->rv, i18n_lang());
	return UI_REDRAW;
}

enum ui_result act_menu(struct ui_app *app)
{
	return app->open_menu ? app->open_menu(app) : UI_HANDLED;
}

enum ui_result act_quit(struct ui_app *app)
{
	(void)app;
	return UI_QUIT;
}

enum ui_result act_close(struct ui_app *app)
{
	(void)app;
	return UI_CLOSE;
}
