/* The import of register rows in the terminal.  The files are read first
 * without writing (regcsv_in's dry run): a file that cannot be imported is
 * said over the form, to be put right; names the files would change in rows
 * already in the draft are listed and the clerk chooses whether to keep the
 * register's or take the files' (the register owns its names).  Then the
 * import runs under the progress bar, Esc stopping it with nothing written. */
#include "screens/regimport_screen.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "exchange/regcsv_in.h"
#include "kit/choiceform.h"
#include "kit/dialog.h"
#include "kit/loop.h"
#include "kit/progress.h"
#include "view/regview.h"

enum { SHOWN_NAMES = 5 };

static struct {
	struct cf_field f[2];
	long names;                         /* names the files would change */
	char shown[SHOWN_NAMES][320];
	char done[1600];
} ri;

static void ri_name(void *ctx, const char *code, const char *level, const char *lang,
                    const char *draft_name, const char *file_name)
{
	(void)ctx;
	if (ri.names < SHOWN_NAMES)
		snprintf(ri.shown[ri.names], sizeof ri.shown[0], _("%s, level %s, %s: «%s» → «%s»"), code,
		         level, strcmp(lang, "kk") ? _("Russian") : _("Kazakh"), draft_name, file_name);
	ri.names++;
}

static int ri_tick(void *ctx, enum regcsv_stage stage, long done, long total)
{
	const char *what = stage == REGCSV_READING ? _("Reading the file")
	                 : stage == REGCSV_CHECKING ? _("Checking the rows")
	                 : _("Writing to the database");
	return progress_tick(ctx, what, done, total);
}

/* The files given: one or two. */
static int ri_paths(const char *paths[2])
{
	int n = 0;
	for (int i = 0; i < 2; i++)
		if (*te_text(&ri.f[i].text))
			paths[n++] = te_text(&ri.f[i].text);
	return n;
}

/* 1 when the rows were imported or the clerk stopped the import (ri.done
 * says which), 0 to stay on the form after saying why. */
static int ri_accept(struct cf_form *form)
{
	struct ui_app *app = form->app;
	const char *paths[2];
	int n = ri_paths(paths);
	if (!n) {
		dlg_message(_("Import register rows"), _("Give the file to read."));
		return 0;
	}
	struct regcsv_stats st;
	char err[1024] = "";
	ri.names = 0;
	struct regcsv_opts o = {.flags = REGCSV_DRY_RUN, .on_name = ri_name};
	/* The readers open the clerk's files with the clerk's own rights. */
	int rc = regcsv_import_opts(app->db, paths, n, &o, &st, err, sizeof err);
	if (rc) {
		char why[1200];
		snprintf(why, sizeof why, _("Nothing was imported: %s"), err);
		dlg_message(_("Import register rows"), why);
		return 0;
	}
	o.flags = 0;
	if (ri.names) {
		char q[2400];
		size_t k = (size_t)snprintf(q, sizeof q,
		                            ngettext("The files would change %ld name of a row already in "
		                                     "the draft:",
		                                     "The files would change %ld names of rows already in "
		                                     "the draft:", (unsigned long)ri.names),
		                            ri.names);
		for (long i = 0; i < ri.names && i < SHOWN_NAMES && k < sizeof q; i++)
			k += (size_t)snprintf(q + k, sizeof q - k, "\n%s", ri.shown[i]);
		if (ri.names > SHOWN_NAMES && k < sizeof q)
			snprintf(q + k, sizeof q - k, "\n...");
		const char *choice[] = {_("Keep the register's names"), _("Take the files' names"),
		                        _("Cancel")};
		int c = dlg_choice(_("Import register rows"), q, choice, 3);
		if (c == 2)
			return 0;
		if (c == 1)
			o.flags = REGCSV_REPLACE_NAMES;
	}
	struct progress p;
	progress_start(&p, N_("Import register rows"));
	o.progress = ri_tick;
	o.pctx = &p;
	ri.names = 0;
	rc = regcsv_import_opts(app->db, paths, n, &o, &st, err, sizeof err);
	progress_end(&p);
	if (rc == REGCSV_CANCELLED) {
		snprintf(ri.done, sizeof ri.done, "%s", err);
		return 1;
	}
	if (rc) {
		char why[1200];
		snprintf(why, sizeof why, _("Nothing was imported: %s"), err);
		dlg_message(_("Import register rows"), why);
		return 0;
	}
	rv_reload(app->rv);
	size_t k = (size_t)snprintf(ri.done, sizeof ri.done, _("%ld added, %ld changed, %ld unchanged."),
	                            st.added, st.changed, st.unchanged);
	if (st.names_kept && k < sizeof ri.done)
		k += (size_t)snprintf(ri.done + k, sizeof ri.done - k, "\n%s",
		                      _("The register's names were kept where the files differ."));
	if (st.names_replaced && k < sizeof ri.done)
		snprintf(ri.done + k, sizeof ri.done - k, "\n%s",
		         _("The files' names were taken where they differ."));
	return 1;
}

enum ui_result ui_open_register_import(struct ui_app *app)
{
	memset(&ri, 0, sizeof ri);
	ri.f[0] = (struct cf_field){.label = N_("File")};
	ri.f[1] = (struct cf_field){.label = N_("Second file (the other language)")};
	te_init(&ri.f[0].text, NULL);
	te_init(&ri.f[1].text, NULL);
	struct cf_form form = {.title = N_("Import register rows"),
	                       .hint = N_("Enter: import (CSV or XLSX); Esc: cancel; F2: language"),
	                       .f = ri.f, .nf = 2};
	int done = cf_run(app, &form, ri_accept);
	te_free(&ri.f[0].text);
	te_free(&ri.f[1].text);
	if (done)
		ui_tell(app, _("Import register rows"), ri.done);
	return UI_REDRAW;
}
