/* The export dialog: the register written as `tizilim export` writes it, a
 * CSV or the Appendix's workbook, or the review pack of the draft against
 * the published register.  The format is chosen first, so that the dialog
 * asks for an encoding only where there is one to choose. */
#include "screens/export_screen.h"

#include <stdio.h>
#include <string.h>

#include "kit/dialog.h"
#include "base/i18n.h"
#include "kit/loop.h"
#include "screens/package_screen.h"
#include "exchange/regcsv.h"
#include "exchange/xlsxout.h"

enum fmt { FMT_CSV, FMT_XLSX, FMT_REVIEW };
static enum fmt fmt;

static void default_path(char *buf, size_t len, const char *lang)
{
	snprintf(buf, len, fmt == FMT_CSV ? "register-%s.csv" : fmt == FMT_XLSX ? "register-%s.xlsx"
	                                                                         : "review-%s.xlsx",
	         lang);
}

static void export_done(struct ui_app *app, struct dlg_field *f, int n)
{
	const char *lang = f[0].value;
	const char *path = f[n - 1].value;
	char err[1024] = "", msg[1600];
	if (strcmp(lang, "kk") && strcmp(lang, "ru")) {
		snprintf(msg, sizeof msg, _("\"%s\" is not a language: write kk or ru"), lang);
		ui_tell(app, _("Export"), msg);
		return;
	}
	/* The default file follows the language when the clerk changed only that. */
	char other[64];
	default_path(other, sizeof other, strcmp(lang, "kk") ? "kk" : "ru");
	if (!strcmp(path, other))
		default_path(f[n - 1].value, sizeof f[n - 1].value, lang);
	if (!*path) {
		ui_tell(app, _("Export"), _("Give the file to write."));
		return;
	}
	int rc;
	long added = 0, removed = 0, changed = 0;
	if (fmt == FMT_CSV) {
		struct regcsv_export x = {.lang = lang, .encoding = f[1].value, .path = path};
		rc = regcsv_export(app->db, &x, err, sizeof err);
	} else if (fmt == FMT_XLSX) {
		rc = xlsxout_register(app->db, lang, 0, path, err, sizeof err);
	} else {
		rc = xlsxout_review(app->db, lang, 0, 0, path, &added, &removed, &changed, err, sizeof err);
	}
	if (rc)
		snprintf(msg, sizeof msg, _("Nothing was written: %s"), err);
	else if (fmt == FMT_REVIEW)
		snprintf(msg, sizeof msg, _("Written to %s: %ld added, %ld removed, %ld changed."), path,
		         added, removed, changed);
	else
		snprintf(msg, sizeof msg, _("Written to %s"), path);
	ui_tell(app, _("Export"), msg);
}

static void ask(struct ui_app *app, enum fmt f)
{
	fmt = f;
	const char *lang = i18n_lang();
	struct dlg_field fl[3] = {{N_("Language (kk or ru)"), ""}};
	snprintf(fl[0].value, sizeof fl[0].value, "%s", lang);
	int n = 1;
	if (f == FMT_CSV) {
		fl[n].label = N_("Encoding (utf-8, rk1048, cp1251)");
		snprintf(fl[n++].value, sizeof fl[0].value, "utf-8");
	}
	fl[n].label = N_("File");
	default_path(fl[n++].value, sizeof fl[0].value, lang);
	dlg_fields(app, N_("Export"), fl, n, export_done);
}

static void pick_csv(struct ui_app *app) { ask(app, FMT_CSV); }
static void pick_xlsx(struct ui_app *app) { ask(app, FMT_XLSX); }
static void pick_review(struct ui_app *app) { ask(app, FMT_REVIEW); }
static void pick_package(struct ui_app *app) { ui_open_package_export(app); }

static const struct dlg_item formats[] = {
	{N_("CSV"), pick_csv},
	{N_("XLSX: the Appendix's form"), pick_xlsx},
	{N_("XLSX: review pack, the draft against the published"), pick_review},
	{N_("Package: a sectoral body's proposals, for another workstation"), pick_package},
};

enum ui_result ui_open_export(struct ui_app *app)
{
	dlg_list(app, N_("Export: the format"), formats, (int)(sizeof formats / sizeof *formats));
	return UI_REDRAW;
}
