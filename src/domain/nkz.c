#include "domain/nkz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

/* Х (U+0425), the major group of workers outside the other groups.  Real
 * files write it in Cyrillic; a Latin X is a typing mistake we name. */
#define CYR_HA "\xD0\xA5"

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int nkz_code_level(const char *c)
{
	if (!c)
		return 0;
	size_t n = strlen(c);
	if (!strncmp(c, CYR_HA, 2)) {
		if (n == 2)
			return 1;
		return n == 6 && digits(c + 2, 4) ? 4 : 0;
	}
	switch (n) {
	case 1: case 2: case 3: case 4:
		return digits(c, n) ? (int)n : 0;
	case 6:
		return digits(c, 4) && c[4] == '-' && digits(c + 5, 1) ? 5 : 0;
	case 10:
		return digits(c, 4) && c[4] == '-' && digits(c + 5, 1) && c[6] == '-' &&
		       digits(c + 7, 3) ? 6 : 0;
	}
	return 0;
}

int nkz_parent(const char *code, char *buf, size_t len)
{
	int lv = nkz_code_level(code);
	if (lv <= 1)
		return -1;
	size_t keep;
	if (!strncmp(code, CYR_HA, 2))
		keep = 2;   /* ХNNNN hangs right under Х: the group has no levels 2-3 */
	else
		keep = lv == 6 ? 6 : lv == 5 ? 4 : (size_t)lv - 1;
	if (keep >= len)
		return -1;
	memcpy(buf, code, keep);
	buf[keep] = 0;
	return 0;
}

const char *nkz_level_name(int level)
{
	static const char *const names[] = {
		N_("codes"), N_("major groups"), N_("sub-major groups"), N_("minor groups"),
		N_("unit groups"), N_("occupation groups"), N_("occupations"),
	};
	return _(names[level >= 1 && level <= 6 ? level : 0]);
}
