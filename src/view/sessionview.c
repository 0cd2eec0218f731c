#include "view/sessionview.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/register.h"
#include "domain/cycle.h"
#include "store/auth.h"
#include "store/refdata.h"

/* The status line has room for a word, not for the role's full title
 * (auth_role_label, which the refusals use). */
static const char *sessionview_role_word(enum role r)
{
	switch (r) {
	case ROLE_ADMIN: return _("administrator");
	case ROLE_AB_CLERK: return C_("role", "authorized body");
	case ROLE_AB_APPROVER: return C_("role", "authorized body, approver");
	case ROLE_SB_CLERK: return C_("role", "sectoral body");
	case ROLE_READER: return C_("role", "reading only");
	default: return C_("role", "not a user, reading only");
	}
}

char *sessionview_who(tz_db *db, char *buf, size_t len)
{
	struct who w;
	if (auth_whoami(db, &w)) {
		snprintf(buf, len, "%s", "?");
		return buf;
	}
	char body[200] = "";
	if (w.role == ROLE_SB_CLERK)
		ref_body(db, w.body_id, REF_SHORT, NULL, body, sizeof body, "?");
	if (*body)
		snprintf(buf, len, "%s (%s, %s)", w.login, sessionview_role_word(w.role), body);
	else
		snprintf(buf, len, "%s (%s)", w.login, sessionview_role_word(w.role));
	return buf;
}

static int sessionview_newest(void *ctx, const struct cycle *c)
{
	*(struct cycle *)ctx = *c;
	return 1;
}

char *sessionview_stage(tz_db *db, char *buf, size_t len)
{
	struct cycle c;
	memset(&c, 0, sizeof c);
	int64_t id = cycle_current(db);
	int have = id ? !cycle_load(db, id, &c) : cycle_each(db, sessionview_newest, &c) == 1;
	if (!have) {
		snprintf(buf, len, "%s", _("no cycle is open"));
		return buf;
	}
	char t[64];
	cycle_title(&c, t, sizeof t);
	snprintf(buf, len, "%s: %s", t, c.placed[0] ? _("published") : (c.state[0] ? reg_state_label(c.state) : _("no register version yet")));
	return buf;
}
