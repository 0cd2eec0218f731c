/* The configuration file's parser: what each line sets, and that every line
 * it cannot use is reported with file and line and changes nothing. */
#include "harness.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/settings.h"

static struct settings s;

static int parse(const char *text)
{
	settings_defaults(&s);
	return settings_parse(&s, "cfg", text);
}

static int has(const char *needle)
{
	for (int i = 0; i < s.nproblems; i++)
		if (strstr(s.problems[i], needle))
			return 1;
	return 0;
}

static void test_values(void)
{
	CHECK_INT(parse(""), 0);
	CHECK_STR(s.language, "");
	CHECK_INT(s.colors, SET_COLORS_AUTO);
	CHECK_INT(s.mouse, 0);
	CHECK_INT(s.nbinds, 0);

	CHECK_INT(parse("# comment\n\n  language = ru  \r\ncolors=off\nmouse = on # wheel\n"), 0);
	CHECK_STR(s.language, "ru");
	CHECK_INT(s.colors, SET_COLORS_OFF);
	CHECK_INT(s.mouse, 1);
	CHECK_INT(parse("colors = on\nlanguage = kk\nmouse = off"), 0);
	CHECK_INT(s.colors, SET_COLORS_ON);
	CHECK_STR(s.language, "kk");
	CHECK_INT(s.mouse, 0);
}

static void test_binds(void)
{
	CHECK_INT(parse("bind.search = ^F\nbind.quit = F12\nbind.menu = Ctrl-b\n"
	                "bind.help = ы\nbind.view = pgdn\n"), 0);
	CHECK_INT(s.nbinds, 5);
	CHECK_INT(s.binds[0].action, SET_ACT_SEARCH);
	CHECK_INT(s.binds[0].key.kind, SET_KEY_CTRL);
	CHECK_INT(s.binds[0].key.value, 'F');
	CHECK_INT(s.binds[1].action, SET_ACT_QUIT);
	CHECK_INT(s.binds[1].key.kind, SET_KEY_F);
	CHECK_INT(s.binds[1].key.value, 12);
	CHECK_INT(s.binds[2].key.value, 'B');
	CHECK_INT(s.binds[3].key.kind, SET_KEY_CHAR);
	CHECK_INT(s.binds[3].key.value, 0x44B);
	CHECK_INT(s.binds[4].key.kind, SET_KEY_NAMED);
	CHECK_INT(s.binds[4].key.value, SET_KEY_PGDN);

	char buf[32];
	settings_key_name(&s.binds[3].key, buf, sizeof buf);
	CHECK_STR(buf, "ы");
	settings_key_name(&s.binds[0].key, buf, sizeof buf);
	CHECK_STR(buf, "Ctrl-F");
	settings_key_name(&s.binds[4].key, buf, sizeof buf);
	CHECK_STR(buf, "PgDn");

	struct settings_key k;
	CHECK_INT(settings_key_parse("F13", &k), -1);
	CHECK_INT(settings_key_parse("F0", &k), -1);
	CHECK_INT(settings_key_parse("F10", &k), 0);
	CHECK_INT(k.value, 10);
	CHECK_INT(settings_key_parse("^1", &k), -1);
	CHECK_INT(settings_key_parse("ab", &k), -1);
	CHECK_INT(settings_key_parse("\xC3", &k), -1);
	CHECK_INT(settings_action_parse("search"), SET_ACT_SEARCH);
	CHECK_STR(settings_action_name(SET_ACT_MENU), "menu");
}

/* Each bad line: reported by file and line, ignored; the good lines around
 * it still apply. */
static void test_problems(void)
{
	int n = parse("language = ru\n"
	              "langauge = kk\n"          /* 2: unknown setting */
	              "colors = blue\n"          /* 3 */
	              "mouse = yes\n"            /* 4 */
	              "language = en\n"          /* 5 */
	              "just words\n"             /* 6 */
	              "bind.fly = F3\n"          /* 7 */
	              "bind.search = Hyper-X\n"  /* 8 */
	              "bind.quit = 9\n"          /* 9: a digit alone */
	              "bind.help = ^M\n"         /* 10: Enter */
	              "= on\n"                   /* 11 */
	              "mouse =\n"                /* 12 */
	              "bind.search = ^F\n"
	              "bind.quit = ^F\n"         /* 14: bound twice */
	              "colors = \xff\n"          /* 15: not UTF-8 */
	              "colors = off\n");
	CHECK_INT(n, 13);
	CHECK_STR(s.language, "ru");
	CHECK_INT(s.colors, SET_COLORS_OFF);
	CHECK_INT(s.mouse, 0);
	CHECK_INT(s.nbinds, 1);
	CHECK(has("cfg:2: ") && has("\"langauge\""), "line 2 not named: %s", s.problems[0]);
	CHECK(has("cfg:3: ") && has("\"blue\""), "line 3");
	CHECK(has("cfg:4: ") && has("\"yes\""), "line 4");
	CHECK(has("cfg:5: ") && has("\"en\""), "line 5");
	CHECK(has("cfg:6: ") && has("just words"), "line 6");
	CHECK(has("cfg:7: ") && has("\"fly\""), "line 7");
	CHECK(has("cfg:8: ") && has("Hyper-X"), "line 8");
	CHECK(has("cfg:9: ") && has(_("a digit alone cannot be a key: the Kazakh layout types letters there")), "line 9");
	CHECK(has("cfg:10: ") && has("^M"), "line 10");
	CHECK(has("cfg:11: "), "line 11");
	CHECK(has("cfg:12: ") && has("\"mouse\""), "line 12");
	CHECK(has("cfg:14: ") && has("search"), "line 14");
	CHECK(has("cfg:15: ") && has("UTF-8"), "line 15");
	CHECK(!has("cfg:1: ") && !has("cfg:13: ") && !has("cfg:16: "), "a good line reported");

	/* The count is capped, never overflowing. */
	char big[4096] = "";
	for (int i = 0; i < 40; i++)
		strcat(big, "nonsense = 1\n");
	parse(big);
	CHECK_INT(s.nproblems, SETTINGS_MAX_PROBLEMS);
}

/* In Russian the message is the catalog's (or the msgid while untranslated),
 * with the place in front all the same. */
static void test_language(void)
{
	i18n_set_lang("ru");
	parse("colors = blue\n");
	CHECK(!strncmp(s.problems[0], "cfg:1: ", 7), "place first: %s", s.problems[0]);
	i18n_set_lang("kk");
}

static void test_files(void)
{
	char dir[] = "/tmp/tz_cfg_XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	char path[256];
	snprintf(path, sizeof path, "%s/config", dir);

	settings_defaults(&s);
	CHECK_INT(settings_load(&s, path), 0);       /* optional */
	FILE *f = fopen(path, "w");
	fputs("language = ru\nmouse = maybe\n", f);
	fclose(f);
	settings_defaults(&s);
	CHECK_INT(settings_load(&s, path), 1);
	CHECK_STR(s.language, "ru");
	char want[300];
	snprintf(want, sizeof want, "%s:2: ", path);
	CHECK(has(want), "path and line: %s", s.problems[0]);

	f = fopen(path, "w");
	fwrite("a\0b", 1, 3, f);
	fclose(f);
	settings_defaults(&s);
	CHECK_INT(settings_load(&s, path), 1);
	CHECK(has(path), "binary file named: %s", s.problems[0]);
	unlink(path);

	/* A directory where the file should be cannot be read, and says so. */
	mkdir(path, 0700);
	settings_defaults(&s);
	CHECK_INT(settings_load(&s, path), 1);
	rmdir(path);
	rmdir(dir);

	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	char *p = settings_path();
	CHECK_STR(p, "/x/cfg/tizilim/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/u", 1);
	p = settings_path();
	CHECK_STR(p, "/home/u/.config/tizilim/config");
	free(p);
}

int main(void)
{
	i18n_init("kk");
	test_values();
	test_binds();
	test_problems();
	test_language();
	test_files();
	return tz_test_done();
}
