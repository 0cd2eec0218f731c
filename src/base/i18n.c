#include "base/i18n.h"

#include "config.h"
#include "base/privs.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static char cur[3] = "kk";

/* glibc re-reads the catalogs when this counter changes. */
extern int _nl_msg_cat_cntr;

static const char *localedir(void)
{
	const char *d = privs_getenv("TIZILIM_LOCALEDIR");
	return d && *d ? d : LOCALEDIR;
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
