/* The export dialog: the register written as `tizilim export` writes it, a
 * CSV or the Appendix's workbook, or the review pack of the draft against
 * the published register.  The format is chosen first; then a form offers
 * the version (published ones too), the language, for a CSV the encoding,
 * and the file, whose name follows the choices until the clerk types one.
 * A file that is there already is replaced only when the clerk says so. */
#include "screens/export_screen.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/privs.h"
#include "domain/register.h"
#include "exchange/regcsv.h"
#include "exchange/xlsxout.h"
#include "kit/choiceform.h"
#include "kit/dialog.h"
#include "kit/loop.h"
#include "screens/package_screen.h"
#include "view/exportview.h"

enum fmt { FMT_CSV, FMT_XLSX, FMT_REVIEW };
enum { MAX_VERSIONS = 64 };

static const char *const langs[] = {"kk", "ru"};
/* What the encodings are called, and the name each has in regcsv_export;
 * the second is UTF-8 with a byte-order mark, which Excel needs to read the
 * file as UTF-8. */
static const char *const enc_names[] = {N_("UTF-8"), N_("UTF-8 with a byte-order mark (for Excel)"),
                                        N_("Windows-1251 (for Russian)"), N_("RK1048 (Kazakh Windows)")};
static const char *const enc_ids[] = {"utf-8", "utf-8", "cp1251", "rk1048"};

static struct {
	struct ui_app *app;
	enum fmt fmt;
	struct exportview_version v[MAX_VERSIONS];
	int nv;
	struct cf_field f[4];
	int fver, flang, fenc, ffile;   /* the fields' places, -1 when absent */
	char done[1600];
} ex;

static void name_version(void *ctx, int i, char *buf, size_t len)
{
	(void)ctx;
	const struct exportview_version *v = &ex.v[i];
	if (*v->date && strcmp(v->state, "draft"))
		snprintf(buf, len, _("Version %lld: %s, %s"), (long long)v->id,
		         reg_state_label(v->state), v->date);
	else
		snprintf(buf, len, _("Version %lld: %s"), (long long)v->id, reg_state_label(v->state));
}

static void name_lang(void *ctx, int i, char *buf, size_t len)
{
	(void)ctx;
	snprintf(buf, len, "%s", i ? _("Russian") : _("Kazakh"));
}

static void name_enc(void *ctx, int i, char *buf, size_t len)
{
	(void)ctx;
	snprintf(buf, len, "%s", _(enc_names[i]));
}

static const char *chosen_lang(void) { return langs[ex.f[ex.flang].at]; }

/* register-kk.csv for the draft, register-3-kk.csv for version 3,
 * review-kk.xlsx for the review pack: one file per version and language,
 * so that the Kazakh and the Russian never overwrite each other. */
static void default_file(struct cf_form *form, int changed)
{
	(void)changed;
	struct cf_field *file = &form->f[ex.ffile];
	if (file->touched)
		return;
	char name[256];
	const char *ext = ex.fmt == FMT_CSV ? "csv" : "xlsx";
	if (ex.fmt == FMT_REVIEW)
		snprintf(name, sizeof name, "review-%s.xlsx", chosen_lang());
	else if (!ex.nv || !strcmp(ex.v[ex.f[ex.fver].at].state, "draft"))
		snprintf(name, sizeof name, "register-%s.%s", chosen_lang(), ext);
	else
		snprintf(name, sizeof name, "register-%lld-%s.%s", (long long)ex.v[ex.f[ex.fver].at].id,
		         chosen_lang(), ext);
	/* In the folder of the last export, when there was one. */
	const char *dir = ex.app->prefs ? ex.app->prefs->export_dir : "";
	char full[1400];
	snprintf(full, sizeof full, "%s%s%s", dir, *dir ? "/" : "", name);
	te_set(&file->text, full);
}

/* 1 when the file was written (what was written in ex.done), 0 when the
 * clerk has been told why not, over the form, to put it right. */
/* The folder path is in, as an absolute name, kept for the next export. */
static void remember_dir(struct ui_app *app, const char *path)
{
	if (!app->prefs)
		return;
	char dir[2048];
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 0, at = 0;
	if (*path == '/' && !n)
		n = 1;                   /* a file in / */
	if (*path != '/') {
		if (!getcwd(dir, 1024))
			return;
		at = strlen(dir);
		if (n)
			dir[at++] = '/';
	}
	if (at + n >= sizeof app->prefs->export_dir)
		return;
	memcpy(dir + at, path, n);
	dir[at + n] = 0;
	memcpy(app->prefs->export_dir, dir, at + n + 1);
}

static int export_accept(struct cf_form *form)
{
	struct ui_app *app = form->app;
	const char *path = te_text(&form->f[ex.ffile].text), *lang = chosen_lang();
	if (!*path) {
		dlg_message(_("Export"), _("Give the file to write."));
		return 0;
	}
	struct stat sb;
	privs_user();
	int there = stat(path, &sb) == 0;
	privs_program();
	if (there) {
		char q[1200];
		snprintf(q, sizeof q, _("%s is there already. Replace it?"), path);
		if (!dlg_confirm_no(_("Export"), q))
			return 0;
	}
	int64_t version = ex.fver >= 0 && ex.nv ? ex.v[ex.f[ex.fver].at].id : 0;
	char err[1024] = "";
	long added = 0, removed = 0, changed = 0;
	int rc;
	/* The file is the clerk's, made with their own rights, as the command does. */
	privs_user();
	if (ex.fmt == FMT_CSV) {
		int e = ex.f[ex.fenc].at;
		struct regcsv_export x = {.lang = lang, .encoding = enc_ids[e], .bom = e == 1,
		                          .version = version, .path = path};
		rc = regcsv_export(app->db, &x, err, sizeof err);
	} else if (ex.fmt == FMT_XLSX) {
		rc = xlsxout_register(app->db, lang, version, path, err, sizeof err);
	} else {
		rc = xlsxout_review(app->db, lang, 0, 0, path, &added, &removed, &changed, err, sizeof err);
	}
	privs_program();
	if (rc) {
		char why[1200];
		snprintf(why, sizeof why, _("Nothing was written: %s"), err);
		dlg_message(_("Export"), why);
		return 0;
	}
	remember_dir(app, path);
	if (ex.fmt == FMT_REVIEW)
		snprintf(ex.done, sizeof ex.done, _("Written to %s: %ld added, %ld removed, %ld changed."),
		         path, added, removed, changed);
	else
		snprintf(ex.done, sizeof ex.done, _("Written to %s"), path);
	return 1;
}

static void ask(struct ui_app *app, enum fmt f)
{
	memset(&ex, 0, sizeof ex);
	ex.app = app;
	ex.fmt = f;
	ex.fver = ex.fenc = -1;
	int n = 0;
	if (f != FMT_REVIEW) {
		int nv = exportview_versions(app->db, ex.v, MAX_VERSIONS);
		if (nv <= 0) {
			ui_tell(app, _("Export"), _("The register has no version to export yet."));
			return;
		}
		ex.nv = nv;
		ex.fver = n;
		ex.f[n++] = (struct cf_field){.label = N_("Version"), .n = nv, .name = name_version,
		                              .at = exportview_default(app->db, ex.v, nv)};
	}
	ex.flang = n;
	ex.f[n++] = (struct cf_field){.label = N_("Language"), .n = 2, .name = name_lang,
	                              .at = !strcmp(i18n_lang(), "ru")};
	if (f == FMT_CSV) {
		ex.fenc = n;
		ex.f[n++] = (struct cf_field){.label = N_("Encoding"), .n = 4, .name = name_enc};
	}
	ex.ffile = n;
	ex.f[n++] = (struct cf_field){.label = N_("File")};
	te_init(&ex.f[ex.ffile].text, NULL);
	struct cf_form form = {.title = N_("Export"),
	                       .hint = N_("Left, Right: choose; Enter: export; Esc: cancel; F2: language"),
	                       .f = ex.f, .nf = n, .changed = default_file};
	default_file(&form, 0);
	int written = cf_run(app, &form, export_accept);
	te_free(&ex.f[ex.ffile].text);
	if (written)
		ui_tell(app, _("Export"), ex.done);
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
