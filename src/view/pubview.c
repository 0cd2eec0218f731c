#include "view/pubview.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"

char *pubview_text(const struct cycle_pub *p, tz_day date, char *buf, size_t len)
{
	char t[64], ds[11];
	size_t n = 0;
	*buf = 0;
#define PUBVIEW_ADD(...) \
	do { \
		if (n < len) { \
			int w = snprintf(buf + n, len - n, __VA_ARGS__); \
			n += w > 0 ? (size_t)w : 0; \
		} \
	} while (0)
	PUBVIEW_ADD(_("Register version %lld of the %s cycle, placed on %s."), (long long)p->version,
	            cycle_title(&p->cycle, t, sizeof t), cal_format(date, ds));
	PUBVIEW_ADD("\n");
	PUBVIEW_ADD(_("Mandatory section: added %d, excluded %d, amended %d."), p->added[0], p->removed[0],
	            p->changed[0]);
	PUBVIEW_ADD("\n");
	PUBVIEW_ADD(_("Voluntary section: added %d, excluded %d, amended %d."), p->added[1], p->removed[1],
	            p->changed[1]);
	PUBVIEW_ADD("\n");
	if (p->returned || p->pending)
		PUBVIEW_ADD(_("Changes still returned: %d; not decided: %d."), p->returned, p->pending);
	else
		PUBVIEW_ADD("%s", _("No change is still returned or undecided."));
	PUBVIEW_ADD("\n");
#undef PUBVIEW_ADD
	if (n >= len && len > 0)
		buf[len - 1] = 0;
	return buf;
}
