/* Drafts kept when the terminal goes away: a register row's and a
 * proposal's come back field by field (Kazakh letters, newlines and
 * backslashes intact), the kind tells them apart, one draft per database
 * (the newer replaces the older), a draft written before drafts had a kind
 * still reads as a row's, and one of a kind this program does not know is
 * not taken for either. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "base/i18n.h"
#include "store/store.h"
#include "view/unsaved.h"

static const char *const kk = "Қазақ мәтіні: ә ғ қ ң ө ұ ү һ і\nекінші жол \\ соңы";

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	CHECK(fp != NULL, "cannot write %s", path);
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

int main(void)
{
	char dir[] = "/tmp/tz-unsaved-XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	char state[300], path[300], other[300];
	snprintf(state, sizeof state, "%s/state", dir);
	snprintf(path, sizeof path, "%s/u.db", dir);
	snprintf(other, sizeof other, "%s/other.db", dir);
	setenv("XDG_STATE_HOME", state, 1);
	i18n_init("kk");
	char err[512] = "";
	tz_db *db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();
	struct unsaved u;
	CHECK_INT(unsaved_load(path, &u), 0);

	/* A register row's draft. */
	struct rowform r;
	CHECK_INT(rf_init_new(db, &r), 0);
	snprintf(r.section, sizeof r.section, "mandatory");
	snprintf(r.nkz_code, sizeof r.nkz_code, "2221-1-001");
	te_set(&r.basis_kk, kk);
	te_set(&r.basis_ru, "Основание");
	te_set(&r.years, "7");
	rf_toggle_level(&r, "4");
	rf_toggle_level(&r, "5");
	r.body_id = 3;
	snprintf(r.profile, sizeof r.profile, "sg");
	CHECK_INT(unsaved_save(path, &r), 0);
	char *file = unsaved_path(path);
	struct stat sb;
	CHECK(file && stat(file, &sb) == 0, "the draft's file exists");
	CHECK_INT(sb.st_mode & 0777, 0600);
	char *file2 = unsaved_path(other);
	CHECK(file2 && strcmp(file2, file), "another database, another file");
	free(file2);
	CHECK_INT(unsaved_load(path, &u), 1);
	CHECK_INT(u.kind, UNSAVED_ROW);
	CHECK(u.when > 0, "when kept");
	struct rowform r2;
	rf_init_new(db, &r2);
	unsaved_apply(&u, &r2);
	CHECK_STR(te_text(&r2.basis_kk), kk);
	CHECK_STR(te_text(&r2.basis_ru), "Основание");
	CHECK_STR(te_text(&r2.years), "7");
	CHECK_STR(r2.section, "mandatory");
	CHECK_STR(r2.nkz_code, "2221-1-001");
	CHECK_INT(r2.nlevels, 2);
	CHECK_STR(r2.levels[1], "5");
	CHECK_INT(r2.body_id, 3);
	CHECK_STR(r2.profile, "sg");
	unsaved_free(&u);
	rf_free(&r2);
	rf_free(&r);

	/* A proposal's draft replaces it: one draft per database. */
	int64_t cycle = db_int_query(db, "SELECT max(id) FROM cycle", 0);
	struct propform p;
	CHECK_INT(pf_init_new(db, &p, cycle), 0);
	p.id = 42;
	p.body_id = 2;
	p.assoc_id = 9;
	pf_next_action(&p);
	pf_flip_section(&p);
	snprintf(p.nkz_code, sizeof p.nkz_code, "2221-1-001");
	pf_toggle_level(&p, "3");
	p.unlimited = 1;
	pf_flip_profile(&p);
	for (int i = 0; i < PF_NTEXTS; i++) {
		char t[200];
		snprintf(t, sizeof t, "%s %d", i % 2 ? "Текст" : kk, i);
		te_set(&p.text[i], t);
	}
	CHECK_INT(unsaved_save_proposal(path, &p), 0);
	CHECK_INT(unsaved_load(path, &u), 1);
	CHECK_INT(u.kind, UNSAVED_PROPOSAL);
	CHECK_INT(u.id, 42);
	CHECK_INT(u.cycle_id, cycle);
	struct propform p2;
	pf_init_new(db, &p2, cycle);
	CHECK_INT(pf_changed(&p2), 0);
	unsaved_apply_proposal(&u, &p2);
	CHECK_INT(pf_changed(&p2), 1);
	CHECK_INT(p2.action, PA_EXCLUDE);
	CHECK_STR(p2.section, "mandatory");
	CHECK_INT(p2.body_id, 2);
	CHECK_INT(p2.assoc_id, 9);
	CHECK_INT(p2.nlevels, 1);
	CHECK_STR(p2.levels[0], "3");
	CHECK_INT(p2.unlimited, 1);
	CHECK_STR(p2.profile, "t");
	for (int i = 0; i < PF_NTEXTS; i++)
		CHECK_STR(te_text(&p2.text[i]), te_text(&p.text[i]));
	/* What was loaded beside the typed content stays the form's. */
	CHECK_INT(p2.id, 0);
	CHECK_INT(p2.state, PS_DRAFT);
	unsaved_free(&u);
	pf_free(&p2);
	pf_free(&p);

	/* A draft from before drafts had a kind is a row's. */
	write_file(file, "tizilim-unsaved 1\nwhen=1700000000\nrow_id=5\nsection=voluntary\n"
	                 "nkz_code=2221-1-001\nname_kk=Аты\nbasis_kk=бір\\nекі \\\\ үш\n"
	                 "basis_ru=Основание\nyears=4\nunlimited=0\nlevel=6\nbody_id=2\nprofile=t\n");
	CHECK_INT(unsaved_load(path, &u), 1);
	CHECK_INT(u.kind, UNSAVED_ROW);
	CHECK_INT(u.id, 5);
	CHECK_INT(u.when, 1700000000);
	CHECK_STR(u.text[0], "бір\nекі \\ үш");
	CHECK_STR(u.text[1], "Основание");
	CHECK_STR(u.years, "4");
	CHECK_STR(u.name_kk, "Аты");
	CHECK_INT(u.nlevels, 1);
	CHECK_STR(u.levels[0], "6");
	unsaved_free(&u);

	/* A kind this program does not know, or another file, is no draft. */
	write_file(file, "tizilim-unsaved 2\nkind=package\nwhen=1700000000\nid=1\n");
	CHECK_INT(unsaved_load(path, &u), 0);
	write_file(file, "something else\nkind=row\n");
	CHECK_INT(unsaved_load(path, &u), 0);
	unsaved_remove(path);
	CHECK(access(file, F_OK) != 0, "removed");
	CHECK_INT(unsaved_load(path, &u), 0);

	free(file);
	db_close(db);
	unlink(path);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	return tz_test_done();
}
