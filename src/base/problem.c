#include "base/problem.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void problems_add(struct problems *p, const char *field, const char *fmt, ...)
{
	if (p->n >= TZ_MAX_PROBLEMS)
		return;
	struct problem *it = &p->item[p->n++];
	it->field = field;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(it->msg, sizeof it->msg, fmt, ap);
	va_end(ap);
}

const char *problems_for(const struct problems *p, const char *field)
{
	for (int i = 0; i < p->n; i++)
		if (!strcmp(p->item[i].field, field))
			return p->item[i].msg;
	return NULL;
}
