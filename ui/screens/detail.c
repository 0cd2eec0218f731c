#include "screens/detail.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "domain/proposals.h"
#include "domain/register.h"
#include "kit/textview.h"
#include "kit/theme.h"
#include "view/rowdetail.h"

/* One detail at a time; the data is read again at every draw, so a language
 * switch or a change by another clerk shows at once. */
static int64_t row_id;

static void detail_proposal(const struct rowdetail *d, struct tv_lines *l)
{
	tv_heading(l, _("Proposal"));
	if (!d->has_proposal) {
		tv_pair(l, _("Proposal"), _("none: the row was not made from a proposal"));
		return;
	}
	char buf[64];
	snprintf(buf, sizeof buf, "%lld", (long long)d->proposal_id);
	tv_pair(l, _("Number"), buf);
	tv_pair(l, _("Action"), proposal_action_label(d->proposal_action));
	tv_pair(l, _("Sectoral body"), d->proposal_body);
	tv_pair(l, _("State"), proposals_state_label(d->proposal_state));
	snprintf(buf, sizeof buf, "%s %s", d->cycle_year,
	         !strcmp(d->cycle_season, "spring") ? _("spring") : _("autumn"));
	tv_pair(l, _("Cycle"), buf);
}

static void detail_history(const struct rowdetail *d, struct tv_lines *l)
{
	tv_heading(l, _("History"));
	for (int i = 0; i < d->nchanges; i++) {
		const struct rowdetail_change *c = &d->changes[i];
		char line[600];
		/* The moment as the log keeps it, then who and what. */
		snprintf(line, sizeof line, "%s  %s, %s%s%s", c->at, c->login, c->action,
		         *c->reason ? ": " : "", c->reason);
		tv_line(l, theme(TH_NORMAL), line);
	}
	if (!d->nchanges)
		tv_line(l, theme(TH_NORMAL), _("no recorded changes"));
}

/* The row's fields, its proposal and its history; the title names the row:
 * code and name in the current language. */
static void detail_fill(struct ui_app *app, struct tv_lines *l, char *title, size_t len)
{
	struct rowdetail d;
	snprintf(title, len, "%s", _("Register row"));
	if (rowdetail_read(app->db, row_id, NULL, &d) != 1) {
		tv_line(l, theme(TH_ALERT), _("This row no longer exists."));
		return;
	}
	snprintf(title, len, "%s: %s %s", _("Register row"), d.code, i18n_pick(d.name_kk, d.name_ru));
	char buf[512];
	tv_heading(l, _("Register row"));
	tv_pair(l, _("NKZ code"), d.code);
	tv_pair(l, _("Name (Kazakh)"), d.name_kk);
	tv_pair(l, _("Name (Russian)"), d.name_ru);
	tv_pair(l, _("Section"), reg_section_title(d.section));
	tv_pair(l, _("Basis (Kazakh)"), d.basis_kk);
	tv_pair(l, _("Basis (Russian)"), d.basis_ru);
	snprintf(buf, sizeof buf, "%s%s%s", d.level, *d.level_descr ? " - " : "", d.level_descr);
	tv_pair(l, _("Level"), buf);
	reg_validity_label(d.validity, buf, sizeof buf);
	tv_pair(l, _("Validity"), buf);
	tv_pair(l, _("Body (Kazakh)"), d.body_kk);
	tv_pair(l, _("Body (Russian)"), d.body_ru);
	tv_pair(l, _("Profile"), reg_profile_label(d.profile));
	detail_proposal(&d, l);
	/* Order cl. 10, 11: why the row differs from the published register. */
	tv_heading(l, _("Ground of the change"));
	tv_line(l, theme(d.is_change && !strcmp(d.ground ? d.ground : "", _("no ground")) ? TH_ALERT : TH_NORMAL),
	        d.is_change ? (d.ground ? d.ground : "") : _("none: the row is as in the published register"));
	detail_history(&d, l);
	rowdetail_free(&d);
}

void detail_open(struct ui_app *app, int64_t id)
{
	row_id = id;
	tv_open(app, detail_fill);
}
