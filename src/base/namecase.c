#include "base/namecase.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "base/text.h"

/* Words the language writes in capitals inside a name, spelt as written.
 * A short word in capitals is ambiguous inside a name in capitals ("ПО" is
 * both a preposition and "программное обеспечение", "АТ" a horse), so only
 * words that are never ordinary words are listed. */
static const char *const namecase_abbr_ru[] = {
	"АЗС", "АСУ", "АСУТП", "АТС", "АЭС", "ВИЧ", "ГРЭС", "ГСМ", "ГЭС", "ДВС", "ЕАЭС",
	"ЖКХ", "ИКТ", "ИТ", "КИП", "КИПиА", "ЛОР", "ЛЭП", "МРТ", "МЧС", "НИИ", "ООН",
	"ОТК", "ПК", "ПТО", "РК", "САПР", "СМИ", "СНГ", "СПИД", "ТиПО", "ТЭЦ", "УЗИ",
	"ЧПУ", "ЧС", "ЭВМ", "ЭКГ",
};
static const char *const namecase_abbr_kk[] = {
	"АИТВ", "АКТ", "АЭС", "БАҚ", "БҰҰ", "ДК", "ЕАЭО", "ЖЖМ", "ЖИТС", "ЖОО", "ЖЭО",
	"ЖЭС", "ІІО", "ЛОР", "МРТ", "СЭС", "ТЖ", "ТжКБ", "ТКШ", "ТМД", "УДЗ", "ҚР",
	"ЭЕМ", "ЭКГ",
};

/* Latin letters and the Cyrillic letters they are typed for, in files
 * keyed on the wrong layout.  No Y: it stands for У and for Kazakh Ү. */
static const struct { UChar latin, cyrillic; } namecase_twins[] = {
	{'A', 0x0410}, {'B', 0x0412}, {'C', 0x0421}, {'E', 0x0415}, {'H', 0x041D},
	{'I', 0x0406}, {'K', 0x041A}, {'M', 0x041C}, {'O', 0x041E}, {'P', 0x0420},
	{'T', 0x0422}, {'X', 0x0425},
	{'a', 0x0430}, {'b', 0x0432}, {'c', 0x0441}, {'e', 0x0435}, {'h', 0x043D},
	{'i', 0x0456}, {'k', 0x043A}, {'m', 0x043C}, {'o', 0x043E}, {'p', 0x0440},
	{'t', 0x0442}, {'x', 0x0445},
};

static int namecase_is_cyrillic(UChar32 c)
{
	return c >= 0x0400 && c <= 0x052F;
}

static int namecase_is_latin(UChar32 c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int namecase_in_word(UChar32 c)
{
	return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

static UChar *namecase_utf16(const char *s, int32_t *len)
{
	size_t n = strlen(s);
	if (!text_valid_utf8(s, (long)n) || n > 1u << 24)
		return NULL;
	UErrorCode e = U_ZERO_ERROR;
	int32_t ulen = 0;
	u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)n, &e);
	e = U_ZERO_ERROR;
	UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
	if (!u)
		return NULL;
	u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)n, &e);
	if (U_FAILURE(e)) {
		free(u);
		return NULL;
	}
	*len = ulen;
	return u;
}

static char *namecase_utf8(const UChar *u, int32_t len)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t olen = 0;
	u_strToUTF8(NULL, 0, &olen, u, len, &e);
	e = U_ZERO_ERROR;
	char *out = malloc((size_t)olen + 1);
	if (out)
		u_strToUTF8(out, olen + 1, NULL, u, len, &e);
	if (out && U_FAILURE(e)) {
		free(out);
		out = NULL;
	}
	return out;
}

/* Runs of white space made one space, the ends trimmed, in place. */
static int32_t namecase_squeeze(UChar *u, int32_t len)
{
	int32_t w = 0;
	int space = 1;
	for (int32_t i = 0; i < len; i++) {
		int sp = u_isUWhiteSpace(u[i]);
		if (sp && space)
			continue;
		u[w++] = sp ? ' ' : u[i];
		space = sp;
	}
	if (w > 0 && u[w - 1] == ' ')
		w--;
	u[w] = 0;
	return w;
}

struct namecase_word {
	int letters, upper, lower, cyrillic, latin, digits;
};

static struct namecase_word namecase_look(const UChar *w, int32_t n)
{
	struct namecase_word k = {0};
	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(w, i, n, c);
		if (u_isdigit(c))
			k.digits++;
		if (!u_isalpha(c))
			continue;
		k.letters++;
		k.upper += u_isupper(c) != 0;
		k.lower += u_islower(c) != 0;
		k.cyrillic += namecase_is_cyrillic(c);
		k.latin += namecase_is_latin(c);
	}
	return k;
}

/* A word mixing the alphabets has its Latin look-alikes made Cyrillic, in
 * place (both are one UTF-16 unit). */
static void namecase_untwin(UChar *w, int32_t n)
{
	struct namecase_word k = namecase_look(w, n);
	if (!k.cyrillic || !k.latin)
		return;
	for (int32_t i = 0; i < n; i++)
		for (size_t t = 0; t < sizeof namecase_twins / sizeof *namecase_twins; t++)
			if (w[i] == namecase_twins[t].latin)
				w[i] = namecase_twins[t].cyrillic;
}

static int32_t namecase_word_end(const UChar *u, int32_t i, int32_t len)
{
	while (i < len) {
		int32_t j = i;
		UChar32 c;
		U16_NEXT(u, j, len, c);
		if (!namecase_in_word(c))
			break;
		i = j;
	}
	return i;
}

/* Most words of two letters or more in capitals: the classifier's way. */
static int namecase_in_capitals(const UChar *u, int32_t len)
{
	int words = 0, caps = 0;
	for (int32_t i = 0; i < len;) {
		int32_t end = namecase_word_end(u, i, len);
		if (end == i) {
			U16_FWD_1(u, i, len);
			continue;
		}
		struct namecase_word k = namecase_look(u + i, end - i);
		if (k.letters >= 2) {
			words++;
			caps += k.lower == 0;
		}
		i = end;
	}
	return words > 0 && caps * 2 > words;
}

/* The list's spelling of the word w when it is a known abbreviation. */
static int namecase_abbr(const char *lang, const UChar *w, int32_t n, UChar *out, int32_t cap)
{
	int kk = lang && lang[0] == 'k';
	const char *const *list = kk ? namecase_abbr_kk : namecase_abbr_ru;
	size_t count = kk ? sizeof namecase_abbr_kk / sizeof *namecase_abbr_kk
	                  : sizeof namecase_abbr_ru / sizeof *namecase_abbr_ru;
	for (size_t i = 0; i < count; i++) {
		UChar a[16];
		int32_t alen = 0;
		UErrorCode e = U_ZERO_ERROR;
		u_strFromUTF8(a, 16, &alen, list[i], -1, &e);
		if (U_FAILURE(e) || alen != n || alen > cap)
			continue;
		if (u_strCaseCompare(a, alen, w, n, U_FOLD_CASE_DEFAULT, &e) == 0 && U_SUCCESS(e)) {
			memcpy(out, a, (size_t)alen * sizeof *a);
			return alen;
		}
	}
	return -1;
}

char *namecase_offer(const char *lang, const char *s)
{
	int32_t len = 0;
	UChar *u = namecase_utf16(s, &len);
	if (!u)
		return NULL;
	len = namecase_squeeze(u, len);
	if (!namecase_in_capitals(u, len)) {
		char *same = namecase_utf8(u, len);
		free(u);
		return same;
	}
	const char *locale = lang && lang[0] == 'k' ? "kk" : "ru";
	/* Case mapping may lengthen a word up to three times. */
	int32_t cap = len * 3 + 4, n = 0;
	UChar *out = malloc((size_t)cap * sizeof *out);
	if (!out) {
		free(u);
		return NULL;
	}
	int first = 1;
	for (int32_t i = 0; i < len;) {
		int32_t end = namecase_word_end(u, i, len);
		if (end == i) {
			out[n++] = u[i++];
			continue;
		}
		UChar *w = u + i;
		int32_t wn = end - i, got;
		namecase_untwin(w, wn);
		struct namecase_word k = namecase_look(w, wn);
		if (k.latin || k.digits) {
			memcpy(out + n, w, (size_t)wn * sizeof *w);
			n += wn;
		} else if ((got = namecase_abbr(locale, w, wn, out + n, cap - n)) >= 0) {
			n += got;
		} else {
			UErrorCode e = U_ZERO_ERROR;
			got = u_strToLower(out + n, cap - n, w, wn, locale, &e);
			if (U_FAILURE(e) || got > cap - n) {
				free(u);
				free(out);
				return NULL;
			}
			if (first) {
				int32_t j = 0;
				UChar32 c;
				U16_NEXT(out + n, j, got, c);
				UChar32 t = u_totitle(c);
				if (U16_LENGTH(t) == j) {
					int32_t at = 0;
					UBool bad = 0;
					U16_APPEND(out + n, at, got, t, bad);
					(void)bad;
				}
			}
			n += got;
		}
		first = 0;
		i = end;
	}
	char *res = namecase_utf8(out, n);
	free(u);
	free(out);
	return res;
}

/* Folded, squeezed, look-alikes made Cyrillic: the form two names are
 * compared in. */
static char *namecase_norm(const char *s)
{
	int32_t len = 0;
	UChar *u = namecase_utf16(s, &len);
	if (!u)
		return NULL;
	UErrorCode e = U_ZERO_ERROR;
	UChar *f = malloc(((size_t)len * 3 + 1) * sizeof *f);
	int32_t flen = f ? u_strFoldCase(f, len * 3 + 1, u, len, U_FOLD_CASE_DEFAULT, &e) : 0;
	free(u);
	if (!f || U_FAILURE(e)) {
		free(f);
		return NULL;
	}
	flen = namecase_squeeze(f, flen);
	for (int32_t i = 0; i < flen;) {
		int32_t end = namecase_word_end(f, i, flen);
		if (end == i) {
			U16_FWD_1(f, i, flen);
			continue;
		}
		namecase_untwin(f + i, end - i);
		i = end;
	}
	char *out = namecase_utf8(f, flen);
	free(f);
	return out;
}

int namecase_same(const char *a, const char *b)
{
	if (!strcmp(a, b))
		return 1;
	char *na = namecase_norm(a), *nb = namecase_norm(b);
	int eq = na && nb && !strcmp(na, nb);
	free(na);
	free(nb);
	return eq;
}
