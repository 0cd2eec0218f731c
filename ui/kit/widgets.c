#include "kit/widgets.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "kit/draw.h"
#include "kit/theme.h"

/* ---- the status line ---------------------------------------------------- */

static struct { char text[640]; char lang[4]; int alert; } said;

void cui_say(int alert, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(said.text, sizeof said.text, fmt, ap);
	va_end(ap);
	snprintf(said.lang, sizeof said.lang, "%s", i18n_lang());
	said.alert = alert;
}

void cui_clear(void) { said.text[0] = 0; }

const char *cui_said(void)
{
	return said.text[0] && !strcmp(said.lang, i18n_lang()) ? said.text : NULL;
}

enum ui_result cui_leave(struct ui_app *app)
{
	(void)app;
	cui_clear();
	return UI_CLOSE;
}

void cui_status(int y, const char *text)
{
	int mine = said.text[0] && !strcmp(said.lang, i18n_lang());
	attr_t a = theme(mine && said.alert ? TH_ALERT : TH_STATUS);
	draw_fill(y, a);
	draw_cell(y, 1, COLS - 2, mine ? said.text : text, a, 0);
}

void cui_title(const char *text)
{
	draw_fill(0, theme(TH_TITLE));
	draw_cell(0, 1, COLS - 2, text, theme(TH_TITLE), 0);
}

void cui_search(int y, const char *query, int cursor, const char *empty, const char *count)
{
	const char *label = _("Search:");
	int lw = text_width(label), cw = text_width(count);
	draw_fill(y, theme(TH_NORMAL));
	draw_cell(y, 1, lw, label, theme(TH_HEAD), 0);
	int qx = lw + 2, qw = COLS - qx - cw - 3;
	/* The end of a long query stays in view: the typing happens there. */
	const char *q = draw_tail(query, qw);
	if (!*query && empty)
		draw_cell(y, qx, qw, empty, theme(TH_NORMAL), 0);
	else
		draw_cell(y, qx, qw, q, theme(TH_STATUS), 0);
	if (cursor && qx + text_width(q) < qx + qw)
		mvaddch(y, qx + text_width(q), ' ' | theme(TH_CURSOR));
	draw_cell(y, COLS - cw - 1, cw, count, theme(TH_NORMAL), 1);
}
