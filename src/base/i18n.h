/* i18n — gettext set-up and the one switch between Kazakh and Russian. */
#ifndef TZ_I18N_H
#define TZ_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define C_(ctx, s) tz_pgettext(ctx "\004" s, s)

/* Sets the locale (a non-UTF-8 one falls back to C.UTF-8), binds the catalogs
 * and picks the language: lang if given, else $TIZILIM_LANG, else the
 * locale's, else Kazakh. */
void i18n_init(const char *lang);

/* "kk" or "ru".  Switching takes effect for every later gettext call. */
const char *i18n_lang(void);
int i18n_set_lang(const char *lang);   /* -1 if lang is neither */
int i18n_is_kk(void);

/* Picks the kk or ru variant of a bilingual datum by the current language. */
const char *i18n_pick(const char *kk, const char *ru);

const char *tz_pgettext(const char *ctx_msgid, const char *msgid);

#endif
