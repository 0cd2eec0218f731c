#include "kit/actions.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "view/regview.h"
#include "base/settings.h"

static const struct settings *bindings;

void action_bindings(const struct settings *conf) { bindings = conf; }

/* The curses key a binding's key arrives as. */
static int actions_curses_key(const struct settings_key *b)
{
	static const int named[SET_NNAMED] = {
		[SET_KEY_UP] = KEY_UP, [SET_KEY_DOWN] = KEY_DOWN, [SET_KEY_LEFT] = KEY_LEFT,
		[SET_KEY_RIGHT] = KEY_RIGHT, [SET_KEY_HOME] = KEY_HOME, [SET_KEY_END] = KEY_END,
		[SET_KEY_PGUP] = KEY_PPAGE, [SET_KEY_PGDN] = KEY_NPAGE, [SET_KEY_INSERT] = KEY_IC,
		[SET_KEY_DELETE] = KEY_DC, [SET_KEY_TAB] = '\t',
	};
	int v = (int)b->value;
	switch (b->kind) {
	case SET_KEY_F: return KEY_F(v);
	case SET_KEY_CTRL: return v - 'A' + 1;
	case SET_KEY_NAMED: return named[b->value];
	case SET_KEY_CHAR: break;
	}
	return v >= KEY_MIN && v <= KEY_MAX ? v | UI_WIDE : v;
}

/* The name the configuration binds key to, or SET_ACT_NONE. */
static enum settings_action actions_bound(int key)
{
	for (int i = 0; bindings && i < bindings->nbinds; i++)
		if (actions_curses_key(&bindings->binds[i].key) == key)
			return bindings->binds[i].action;
	return SET_ACT_NONE;
}

const struct ui_action *action_for_key(const struct ui_screen *s, int key)
{
	enum settings_action name = actions_bound(key);
	for (int i = 0; name != SET_ACT_NONE && i < s->nactions; i++)
		if (s->actions[i].name == name)
			return &s->actions[i];
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

void action_keys_text(const struct ui_action *a, char *buf, size_t len)
{
	buf[0] = 0;
	if (a->fkey)
		/* TRANSLATORS: how the help names an F-key and its Esc-digit twin */
		snprintf(buf, len, _("F%d, Esc %d"), a->fkey, a->fkey % 10);
	for (int i = 0; a->name != SET_ACT_NONE && bindings && i < bindings->nbinds; i++)
		if (bindings->binds[i].action == a->name) {
			size_t n = strlen(buf);
			if (n + 2 < len) {
				snprintf(buf + n, len - n, "%s", n ? ", " : "");
				n = strlen(buf);
				settings_key_name(&bindings->binds[i].key, buf + n, len - n);
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

enum ui_result act_help(struct ui_app *app)
{
	return app->open_help ? app->open_help(app) : UI_HANDLED;
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
