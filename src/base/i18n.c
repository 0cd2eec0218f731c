#include "base/i18n.h"

#include "config.h"
#include "base/privs.h"

#include <langinfo.h>
#include <limits.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char cur[3] = "kk";

/* glibc re-reads the catalogs when this counter changes. */
extern int _nl_msg_cat_cntr;

/* The installed catalogs; else, for a program run from its build tree
 * (build/tizilim beside build/locale), the catalogs built with it.  Never
 * beside a setgid program: its directory is not the user's to choose, but
 * an installed one has its catalogs installed. */
static const char *localedir(void)
{
	const char *d = privs_getenv("TIZILIM_LOCALEDIR");
	if (d && *d)
		return d;
	static char near[PATH_MAX];
	char probe[PATH_MAX + 64], self[PATH_MAX];
	snprintf(probe, sizeof probe, "%s/kk/LC_MESSAGES/tizilim.mo", LOCALEDIR);
	if (access(probe, R_OK) == 0 || privs_shared() || getuid() != geteuid() ||
	    getgid() != getegid())
		return LOCALEDIR;
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return LOCALEDIR;
	self[n] = 0;
	char *slash = strrchr(self, '/');
	if (!slash)
		return LOCALEDIR;
	*slash = 0;
	snprintf(near, sizeof near, "%.*s/locale", (int)(sizeof near - 8), self);
	snprintf(probe, sizeof probe, "%s/kk/LC_MESSAGES/tizilim.mo", near);
	return access(probe, R_OK) == 0 ? near : LOCALEDIR;
}

int i18n_set_lang(const char *lang)
{
	if (!lang || (strcmp(lang, "kk") && strcmp(lang, "ru")))
		return -1;
	memcpy(cur, lang, 3);
	/* LANGUAGE decides the catalog as long as LC_MESSAGES is not plain "C". */
	setenv("LANGUAGE", lang, 1);
	++_nl_msg_cat_cntr;
	return 0;
}

const char *i18n_lang(void) { return cur; }
int i18n_is_kk(void) { return cur[0] == 'k'; }
const char *i18n_pick(const char *kk, const char *ru) { return i18n_is_kk() ? kk : ru; }

void i18n_init(const char *lang)
{
	if (!setlocale(LC_ALL, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain("tizilim", localedir());
	bind_textdomain_codeset("tizilim", "UTF-8");
	textdomain("tizilim");

	const char *pick = lang;
	if (!pick || !*pick)
		pick = privs_getenv("TIZILIM_LANG");
	if (!pick || (strcmp(pick, "kk") && strcmp(pick, "ru"))) {
		const char *m = setlocale(LC_MESSAGES, NULL);
		pick = m && !strncmp(m, "ru", 2) ? "ru" : "kk";
	}
	i18n_set_lang(pick);
}

const char *tz_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = gettext(ctx_msgid);
	return t == ctx_msgid ? msgid : t;
}
