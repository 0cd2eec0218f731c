#include "base/settings.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/debuglog.h"
#include "base/safefile.h"
#include "base/text.h"

static const char *const action_names[SET_NACT] = {
	[SET_ACT_HELP] = "help", [SET_ACT_LANGUAGE] = "language", [SET_ACT_VIEW] = "view",
	[SET_ACT_EDIT] = "edit", [SET_ACT_NEW] = "new", [SET_ACT_FILTER] = "filter",
	[SET_ACT_SEARCH] = "search", [SET_ACT_DELETE] = "delete", [SET_ACT_MENU] = "menu",
	[SET_ACT_QUIT] = "quit",
};

/* The first of each row is how the help writes it. */
static const char *const named[SET_NNAMED][3] = {
	[SET_KEY_UP] = {"Up", NULL, NULL},
	[SET_KEY_DOWN] = {"Down", NULL, NULL},
	[SET_KEY_LEFT] = {"Left", NULL, NULL},
	[SET_KEY_RIGHT] = {"Right", NULL, NULL},
	[SET_KEY_HOME] = {"Home", NULL, NULL},
	[SET_KEY_END] = {"End", NULL, NULL},
	[SET_KEY_PGUP] = {"PgUp", "PageUp", "PPage"},
	[SET_KEY_PGDN] = {"PgDn", "PageDown", "NPage"},
	[SET_KEY_INSERT] = {"Insert", "Ins", NULL},
	[SET_KEY_DELETE] = {"Delete", "Del", NULL},
	[SET_KEY_TAB] = {"Tab", NULL, NULL},
};

void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->colors = SET_COLORS_AUTO;
}

char *settings_path(void)
{
	char *dir = userfile_dir(USERFILE_CONFIG);
	size_t n = dir ? strlen(dir) + sizeof "/config" : 0;
	char *p = n ? malloc(n) : NULL;
	if (p)
		snprintf(p, n, "%s/config", dir);
	free(dir);
	return p;
}

const char *settings_action_name(enum settings_action a)
{
	return a > SET_ACT_NONE && a < SET_NACT ? action_names[a] : "";
}

enum settings_action settings_action_parse(const char *name)
{
	for (int a = SET_ACT_NONE + 1; a < SET_NACT; a++)
		if (!strcmp(name, action_names[a]))
			return (enum settings_action)a;
	return SET_ACT_NONE;
}

int settings_key_parse(const char *t, struct settings_key *k)
{
	size_t n = strlen(t);
	unsigned cp;
	if (n == 0 || !text_valid_utf8(t, -1))
		return -1;
	if ((t[0] == 'F' || t[0] == 'f') && n >= 2 && n <= 3 && t[1] >= '1' && t[1] <= '9' &&
	    (n == 2 || (t[1] == '1' && t[2] >= '0' && t[2] <= '2'))) {
		k->kind = SET_KEY_F;
		k->value = (unsigned)atoi(t + 1);
		return 0;
	}
	const char *letter = NULL;
	if (t[0] == '^' && n == 2)
		letter = t + 1;
	else if (n == 6 && !strncasecmp(t, "ctrl-", 5))
		letter = t + 5;
	else if (n == 6 && !strncasecmp(t, "ctrl+", 5))
		letter = t + 5;
	if (letter) {
		char c = *letter >= 'a' && *letter <= 'z' ? (char)(*letter - 'a' + 'A') : *letter;
		if (c < 'A' || c > 'Z')
			return -1;
		k->kind = SET_KEY_CTRL;
		k->value = (unsigned)c;
		return 0;
	}
	for (int i = 0; i < SET_NNAMED; i++)
		for (int j = 0; j < 3 && named[i][j]; j++)
			if (!strcasecmp(t, named[i][j])) {
				k->kind = SET_KEY_NAMED;
				k->value = (unsigned)i;
				return 0;
			}
	if ((size_t)text_next(t, &cp) == n && cp > 0x20 && cp != 0x7f) {
		k->kind = SET_KEY_CHAR;
		k->value = cp;
		return 0;
	}
	return -1;
}

void settings_key_name(const struct settings_key *k, char *buf, size_t len)
{
	switch (k->kind) {
	case SET_KEY_F:
		snprintf(buf, len, "F%u", k->value);
		break;
	case SET_KEY_CTRL:
		snprintf(buf, len, "Ctrl-%c", (char)k->value);
		break;
	case SET_KEY_NAMED:
		snprintf(buf, len, "%s", k->value < SET_NNAMED ? named[k->value][0] : "?");
		break;
	default: {
		/* UTF-8 by hand: the core does not depend on the locale here. */
		unsigned c = k->value;
		char u[5] = "";
		if (c < 0x80) {
			u[0] = (char)c;
		} else if (c < 0x800) {
			u[0] = (char)(0xC0 | c >> 6);
			u[1] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			u[0] = (char)(0xE0 | c >> 12);
			u[1] = (char)(0x80 | (c >> 6 & 0x3F));
			u[2] = (char)(0x80 | (c & 0x3F));
		} else {
			u[0] = (char)(0xF0 | c >> 18);
			u[1] = (char)(0x80 | (c >> 12 & 0x3F));
			u[2] = (char)(0x80 | (c >> 6 & 0x3F));
			u[3] = (char)(0x80 | (c & 0x3F));
		}
		snprintf(buf, len, "%s", u);
	}
	}
}

static void problem(struct settings *s, const char *name, int line, const char *fmt, ...)
	TZ_PRINTF(4, 5);
static void problem(struct settings *s, const char *name, int line, const char *fmt, ...)
{
	if (s->nproblems >= SETTINGS_MAX_PROBLEMS)
		return;
	char *buf = s->problems[s->nproblems++];
	size_t size = sizeof s->problems[0];
	int n = line ? snprintf(buf, size, "%s:%d: ", name, line) : snprintf(buf, size, "%s: ", name);
	if (n < 0 || (size_t)n >= size)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + n, size - (size_t)n, fmt, ap);
	va_end(ap);
}

static int keys_equal(const struct settings_key *a, const struct settings_key *b)
{
	return a->kind == b->kind && a->value == b->value;
}

static void set_bind(struct settings *s, const char *name, int line, const char *act,
                     const char *val)
{
	enum settings_action a = settings_action_parse(act);
	struct settings_key k;
	if (a == SET_ACT_NONE) {
		problem(s, name, line,
		        _("unknown action \"%s\" after bind. (known: help, language, view, edit, new, "
		          "filter, search, delete, menu, quit)"), act);
		return;
	}
	if (settings_key_parse(val, &k)) {
		problem(s, name, line, _("\"%s\" is not a key (write it as F7, ^F, PgDn or a letter)"),
		        val);
		return;
	}
	if (k.kind == SET_KEY_CHAR && k.value >= '0' && k.value <= '9') {
		problem(s, name, line,
		        _("a digit alone cannot be a key: the Kazakh layout types letters there"));
		return;
	}
	if (k.kind == SET_KEY_CTRL && strchr("HIJM", (int)k.value)) {
		problem(s, name, line,
		        _("%s cannot be bound: terminals send it as Backspace, Tab or Enter"), val);
		return;
	}
	for (int i = 0; i < s->nbinds; i++)
		if (keys_equal(&s->binds[i].key, &k)) {
			if (s->binds[i].action != a)
				problem(s, name, line, _("the key %s is bound twice; it stays bound to %s"),
				        val, action_names[s->binds[i].action]);
			return;
		}
	if (s->nbinds >= SETTINGS_MAX_BINDS) {
		problem(s, name, line, _("too many bindings (at most %d)"), SETTINGS_MAX_BINDS);
		return;
	}
	s->binds[s->nbinds].action = a;
	s->binds[s->nbinds].key = k;
	s->nbinds++;
}

static void set_one(struct settings *s, const char *name, int line, const char *key,
                    const char *val)
{
	if (!strcmp(key, "language")) {
		if (!strcmp(val, "kk") || !strcmp(val, "ru"))
			memcpy(s->language, val, 3);
		else
			problem(s, name, line, _("language must be kk or ru, not \"%s\""), val);
	} else if (!strcmp(key, "colors")) {
		if (!strcmp(val, "auto"))
			s->colors = SET_COLORS_AUTO;
		else if (!strcmp(val, "on"))
			s->colors = SET_COLORS_ON;
		else if (!strcmp(val, "off"))
			s->colors = SET_COLORS_OFF;
		else
			problem(s, name, line, _("colors must be auto, on or off, not \"%s\""), val);
	} else if (!strcmp(key, "mouse")) {
		if (!strcmp(val, "on") || !strcmp(val, "off"))
			s->mouse = !strcmp(val, "on");
		else
			problem(s, name, line, _("mouse must be on or off, not \"%s\""), val);
	} else if (!strncmp(key, "bind.", 5)) {
		set_bind(s, name, line, key + 5, val);
	} else {
		problem(s, name, line,
		        _("unknown setting \"%s\" (known: language, colors, mouse, bind.ACTION)"), key);
	}
}

int settings_parse(struct settings *s, const char *name, const char *text)
{
	int before = s->nproblems, lineno = 0;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		lineno++;
		char *l = strndup(p, n);
		p += n + (end ? 1 : 0);
		if (!l)
			break;
		if (n && l[n - 1] == '\r')
			l[n - 1] = 0;
		char *t = text_trim(l);
		if (!text_valid_utf8(t, -1)) {
			problem(s, name, lineno, _("not UTF-8 text"));
		} else if (*t && *t != '#') {
			char *eq = strchr(t, '=');
			if (!eq) {
				problem(s, name, lineno, _("expected \"setting = value\", found \"%s\""), t);
			} else {
				*eq = 0;
				char *key = text_trim(t), *val = eq + 1;
				/* A comment after the value starts at a blank and '#'. */
				for (char *h = val; *h; h++)
					if (*h == '#' && h > val && (h[-1] == ' ' || h[-1] == '\t')) {
						*h = 0;
						break;
					}
				val = text_trim(val);
				if (!*key)
					problem(s, name, lineno, _("a setting's name is missing before \"=\""));
				else if (!*val)
					problem(s, name, lineno, _("the value of \"%s\" is missing"), key);
				else
					set_one(s, name, lineno, key, val);
			}
		}
		free(l);
	}
	return s->nproblems - before;
}

int settings_load(struct settings *s, const char *path)
{
	FILE *f = userfile_read(path, "rb");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		problem(s, path, 0, _("cannot read the file: %s"), strerror(errno));
		return 1;
	}
	/* A configuration file is a few lines; more than this is not one. */
	enum { MAX = 256 * 1024 };
	char *buf = malloc(MAX + 1);
	size_t n = buf ? fread(buf, 1, MAX + 1, f) : 0;
	int err = ferror(f);
	fclose(f);
	if (!buf || err || n > MAX) {
		problem(s, path, 0, _("cannot read the file: %s"),
		        n > MAX ? _("longer than 256 KiB") : strerror(err ? EIO : ENOMEM));
		free(buf);
		return 1;
	}
	buf[n] = 0;
	if (memchr(buf, 0, n)) {
		problem(s, path, 0, _("not a text file"));
		free(buf);
		return 1;
	}
	int r = settings_parse(s, path, buf);
	free(buf);
	return r;
}
