#include "domain/register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/auth.h"
#include "base/host.h"
#include "base/i18n.h"
#include "base/debuglog.h"
#include "domain/nkz.h"
#include "base/text.h"

void reg_row_set(char **field, const char *value)
{
	free(*field);
	*field = value ? strdup(value) : NULL;
}

void reg_row_free(struct reg_row *r)
{
	free(r->name_kk);
	free(r->name_ru);
	free(r->basis_kk);
	free(r->basis_ru);
	r->name_kk = r->name_ru = r->basis_kk = r->basis_ru = NULL;
}

void reg_row_copy(struct reg_row *dst, const struct reg_row *src)
{
	*dst = *src;
	dst->name_kk = src->name_kk ? strdup(src->name_kk) : NULL;
	dst->name_ru = src->name_ru ? strdup(src->name_ru) : NULL;
	dst->basis_kk = src->basis_kk ? strdup(src->basis_kk) : NULL;
	dst->basis_ru = src->basis_ru ? strdup(src->basis_ru) : NULL;
}

#define ROW_COLS "id, version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru, " \
                 "level, validity, body_id, profile, proposal_id, rev"

static void row_from(sqlite3_stmt *st, struct reg_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->version_id = sqlite3_column_int64(st, 1);
	snprintf(r->section, sizeof r->section, "%s", db_col_text(st, 2));
	snprintf(r->nkz_code, sizeof r->nkz_code, "%s", db_col_text(st, 3));
	r->name_kk = strdup(db_col_text(st, 4));
	r->name_ru = strdup(db_col_text(st, 5));
	r->basis_kk = strdup(db_col_text(st, 6));
	r->basis_ru = strdup(db_col_text(st, 7));
	snprintf(r->level, sizeof r->level, "%s", db_col_text(st, 8));
	r->validity = sqlite3_column_int(st, 9);
	r->body_id = sqlite3_column_int64(st, 10);
	snprintf(r->profile, sizeof r->profile, "%s", db_col_text(st, 11));
	r->proposal_id = sqlite3_column_int64(st, 12);
	r->rev = sqlite3_column_int64(st, 13);
}

int reg_row_load(tz_db *db, int64_t id, struct reg_row *out)
{
	sqlite3_stmt *st = db_prep(db, "SELECT " ROW_COLS " FROM reg_row WHERE id = :id");
	db_int(st, ":id", id);
	int rc = -1;
	if (db_step(db, st) == SQLITE_ROW) {
		row_from(st, out);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

/* 1 if a row with this key exists in table `what` (a fixed query). */
static int exists(tz_db *db, const char *sql, const char *key)
{
	sqlite3_stmt *st = db_cached(db, sql);
	db_text(st, ":k", key);
	int found = db_step(db, st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

int reg_validate(tz_db *db, const struct reg_row *r, struct problems *p)
{
	int before = p->n;
	if (strcmp(r->section, "mandatory") && strcmp(r->section, "voluntary"))
		problems_add(p, "section", _("Section: choose mandatory or voluntary recognition."));

	int lvl = nkz_code_level(r->nkz_code);
	if (!r->nkz_code[0]) {
		problems_add(p, "nkz_code", _("NKZ code: the code is missing."));
	} else if (lvl == 0) {
		problems_add(p, "nkz_code",
		             _("NKZ code: \"%s\" is not a classifier code (an occupation is written NNNN-N-NNN)."),
		             r->nkz_code);
	} else if (lvl != 6) {
		problems_add(p, "nkz_code",
		             _("NKZ code: \"%s\" is a group, not an occupation; only 10-character occupation codes go into the register."),
		             r->nkz_code);
	} else {
		sqlite3_stmt *st = db_cached(db, "SELECT active FROM nkz WHERE code = :k");
		db_text(st, ":k", r->nkz_code);
		int rc = db_step(db, st);
		if (rc != SQLITE_ROW)
			problems_add(p, "nkz_code", _("NKZ code: %s is not in the classifier."), r->nkz_code);
		else if (!sqlite3_column_int(st, 0))
			problems_add(p, "nkz_code", _("NKZ code: %s is retired in the classifier."), r->nkz_code);
		sqlite3_reset(st);
	}
	if (blank(r->name_kk))
		problems_add(p, "name_kk", _("Profession name (Kazakh): the name is missing."));
	if (blank(r->name_ru))
		problems_add(p, "name_ru", _("Profession name (Russian): the name is missing."));
	if (blank(r->basis_kk))
		problems_add(p, "basis_kk", _("Basis (Kazakh): name the legal act, professional standard or qualification requirements."));
	if (blank(r->basis_ru))
		problems_add(p, "basis_ru", _("Basis (Russian): name the legal act, professional standard or qualification requirements."));
	if (!r->level[0])
		problems_add(p, "level", _("Level: the qualification level is missing."));
	else if (!exists(db, "SELECT 1 FROM nrk_level WHERE code = :k", r->level))
		problems_add(p, "level", _("Level: \"%s\" is not a level of the NRK or a sectoral framework."), r->level);
	if (r->validity < 0 || r->validity > REG_VALIDITY_MAX)
		problems_add(p, "validity", _("Validity: give a number of years from 1 to %d, or without time limit."),
		             REG_VALIDITY_MAX);
	if (r->body_id <= 0) {
		problems_add(p, "body", _("Sectoral state body: choose the body responsible."));
	} else {
		char key[32];
		snprintf(key, sizeof key, "%lld", (long long)r->body_id);
		if (!exists(db, "SELECT 1 FROM body WHERE id = CAST(:k AS INTEGER)", key))
			problems_add(p, "body", _("Sectoral state body: no body with number %s."), key);
	}
	if (strcmp(r->profile, "t") && strcmp(r->profile, "sg"))
		problems_add(p, "profile", _("Profile: choose technical or social-humanitarian."));
	return p->n - before;
}

int64_t reg_draft(tz_db *db)
{
	return db_int_query(db, "SELECT id FROM reg_version WHERE state = 'draft'", 0);
}

int64_t reg_published(tz_db *db)
{
	return db_int_query(db, "SELECT id FROM reg_version WHERE state = 'published' "
	                        "ORDER BY published DESC, id DESC LIMIT 1", 0);
}

const char *reg_version_state(tz_db *db, int64_t version)
{
	static const char *const states[] = {"draft", "submitted", "recommended", "published"};
	sqlite3_stmt *st = db_cached(db, "SELECT state FROM reg_version WHERE id = :id");
	db_int(st, ":id", version);
	const char *found = NULL;
	if (db_step(db, st) == SQLITE_ROW)
		for (size_t i = 0; i < sizeof states / sizeof *states; i++)
			if (!strcmp(db_col_text(st, 0), states[i]))
				found = states[i];
	sqlite3_reset(st);
	return found;
}

const char *reg_state_label(const char *state)
{
	if (!strcmp(state, "draft"))
		return _("draft");
	if (!strcmp(state, "submitted"))
		return _("submitted to the Council");
	if (!strcmp(state, "recommended"))
		return _("recommendations recorded");
	if (!strcmp(state, "published"))
		return _("published");
	return state;
}

int64_t reg_new_draft(tz_db *db, char *err, size_t errlen)
{
	if (auth_edit_register(db, err, errlen))
		return 0;
	if (reg_draft(db)) {
		snprintf(err, errlen, "%s", _("A draft register already exists; finish or publish it first."));
		return 0;
	}
	if (db_begin(db))
		goto dberr;
	int64_t base = reg_published(db);
	char now[24];
	sqlite3_stmt *st = db_prep(db, "INSERT INTO reg_version(base_id, cycle_id, state, created) "
	                               "VALUES (:base, (SELECT cycle_id FROM reg_version WHERE id = :base), "
	                               "'draft', :now)");
	if (base)
		db_int(st, ":base", base);
	else
		db_null(st, ":base");
	db_text(st, ":now", host_now(now));
	if (db_run(db, st))
		goto fail;
	int64_t id = sqlite3_last_insert_rowid(db_sqlite(db));
	st = db_prep(db, "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, "
	                 "basis_ru, level, validity, body_id, profile, proposal_id, fold_kk, fold_ru, "
	                 "sort_kk, sort_ru) "
	                 "SELECT :id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru, level, "
	                 "validity, body_id, profile, proposal_id, fold_kk, fold_ru, sort_kk, sort_ru "
	                 "FROM reg_row WHERE version_id = :base");
	db_int(st, ":id", id);
	db_int(st, ":base", base);
	if (db_run(db, st))
		goto fail;
	/* The draft starts in the published order, under the published numbers
	 * (regorder.h). */
	st = db_prep(db, "UPDATE reg_place SET num = o.num FROM reg_row n, "
	                 "(SELECT r.section, r.nkz_code, r.level, p.num FROM reg_row r "
	                 " JOIN reg_place p ON p.row_id = r.id WHERE r.version_id = :base) o "
	                 "WHERE reg_place.version_id = :id AND n.id = reg_place.row_id "
	                 "AND n.version_id = :id AND n.nkz_code = o.nkz_code AND n.level = o.level "
	                 "AND n.section = o.section");
	db_int(st, ":id", id);
	db_int(st, ":base", base);
	if (db_run(db, st) || db_commit(db))
		goto fail;
	return id;
fail:
	db_rollback(db);
dberr:
	snprintf(err, errlen, _("The database refused the change: %s"), db_errmsg(db));
	return 0;
}

/* Binds the row's content, computing the folded names and sort keys. */
static int bind_row(sqlite3_stmt *st, const struct reg_row *r)
{
	char *fk = text_fold(r->name_kk), *fr = text_fold(r->name_ru);
	int lk = 0, lr = 0;
	unsigned char *sk = text_sortkey("kk", r->name_kk, &lk);
	unsigned char *sr = text_sortkey("ru", r->name_ru, &lr);
	int ok = fk && fr && sk && sr;
	if (ok) {
		db_text(st, ":section", r->section);
		db_text(st, ":code", r->nkz_code);
		db_text(st, ":name_kk", r->name_kk);
		db_text(st, ":name_ru", r->name_ru);
		db_text(st, ":basis_kk", r->basis_kk);
		db_text(st, ":basis_ru", r->basis_ru);
		db_text(st, ":level", r->level);
		db_int(st, ":validity", r->validity);
		db_int(st, ":body", r->body_id);
		db_text(st, ":profile", r->profile);
		if (r->proposal_id)
			db_int(st, ":proposal", r->proposal_id);
		else
			db_null(st, ":proposal");
		db_text(st, ":fold_kk", fk);
		db_text(st, ":fold_ru", fr);
		db_blob(st, ":sort_kk", sk, lk);
		db_blob(st, ":sort_ru", sr, lr);
	}
	free(fk);
	free(fr);
	free(sk);
	free(sr);
	return ok ? 0 : -1;
}

static int is_draft(tz_db *db, int64_t version)
{
	const char *s = reg_version_state(db, version);
	return s && !strcmp(s, "draft");
}

/* Another row of the version with the same (code, level), other than id. */
static int duplicate(tz_db *db, const struct reg_row *r)
{
	sqlite3_stmt *st = db_cached(db, "SELECT 1 FROM reg_row WHERE version_id = :v AND nkz_code = :c "
	                                 "AND level = :l AND id <> :id");
	db_int(st, ":v", r->version_id);
	db_text(st, ":c", r->nkz_code);
	db_text(st, ":l", r->level);
	db_int(st, ":id", r->id);
	int dup = db_step(db, st) == SQLITE_ROW;
	sqlite3_reset(st);
	return dup;
}

/* Role check first, so that a refusal says who may do it, not what is wrong.
 * An import adds its rows in one transaction, and reading the role for each
 * of them was a tenth of its time: a permission is reused for the rest of the
 * transaction, unless the users table is written meanwhile. */
static int denied(tz_db *db, struct problems *p)
{
	static const tz_db *allowed_db;
	static uint64_t allowed_epoch;
	uint64_t epoch = db_roles_epoch(db);
	if (epoch && db == allowed_db && epoch == allowed_epoch)
		return 0;
	char why[sizeof p->item[0].msg];
	if (!auth_edit_register(db, why, sizeof why)) {
		allowed_db = db;
		allowed_epoch = epoch;
		return 0;
	}
	allowed_db = NULL;
	if (p)
		problems_add(p, "", "%s", why);
	return 1;
}

/* What a new row must pass before it is written, whether at once or staged:
 * who may write, into a draft, with valid values.  0 or the REG_ result. */
static int reg_admit(tz_db *db, struct reg_row *r, struct problems *p)
{
	if (denied(db, p))
		return REG_DENIED;
	if (!is_draft(db, r->version_id))
		return REG_NOT_DRAFT;
	if (reg_validate(db, r, p))
		return REG_INVALID;
	return 0;
}

int reg_add(tz_db *db, struct reg_row *r, struct problems *p)
{
	int admit = reg_admit(db, r, p);
	if (admit)
		return admit;
	if (db_begin(db))
		return REG_DBERR;
	if (duplicate(db, r)) {
		db_rollback(db);
		problems_add(p, "level", _("Level: %s at level %s is already in the register."),
		             r->nkz_code, r->level);
		return REG_DUPLICATE;
	}
	/* Kept prepared: compiling the row's triggers costs more than the insert. */
	sqlite3_stmt *st = db_cached(db,
		"INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru, "
		"level, validity, body_id, profile, proposal_id, fold_kk, fold_ru, sort_kk, sort_ru) "
		"VALUES (:version, :section, :code, :name_kk, :name_ru, :basis_kk, :basis_ru, :level, "
		":validity, :body, :profile, :proposal, :fold_kk, :fold_ru, :sort_kk, :sort_ru)");
	if (st)
		db_int(st, ":version", r->version_id);
	int done = st && !bind_row(st, r) && db_step(db, st) == SQLITE_DONE;
	if (st)
		sqlite3_reset(st);
	if (!done || db_commit(db)) {
		if (st && db_depth(db))
			db_rollback(db);
		return REG_DBERR;
	}
	r->id = sqlite3_last_insert_rowid(db_sqlite(db));
	r->rev = 1;
	return REG_OK;
}

/* The stored row's rev and version, or -1 when it is gone. */
static int64_t stored_rev(tz_db *db, int64_t id, int64_t *version)
{
	sqlite3_stmt *st = db_prep(db, "SELECT rev, version_id FROM reg_row WHERE id = :id");
	db_int(st, ":id", id);
	int64_t rev = -1;
	if (db_step(db, st) == SQLITE_ROW) {
		rev = sqlite3_column_int64(st, 0);
		if (version)
			*version = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rev;
}

int reg_change(tz_db *db, struct reg_row *r, struct problems *p)
{
	if (denied(db, p))
		return REG_DENIED;
	if (reg_validate(db, r, p))
		return REG_INVALID;
	if (db_begin(db))
		return REG_DBERR;
	int64_t version = 0;
	int64_t rev = stored_rev(db, r->id, &version);
	int status = REG_OK;
	if (rev < 0)
		status = REG_GONE;
	else if (!is_draft(db, version))
		status = REG_NOT_DRAFT;
	else if (rev != r->rev)
		status = REG_CONFLICT;
	else if (r->version_id = version, duplicate(db, r)) {
		problems_add(p, "level", _("Level: %s at level %s is already in the register."),
		             r->nkz_code, r->level);
		status = REG_DUPLICATE;
	}
	if (status) {
		db_rollback(db);
		return status;
	}
	sqlite3_stmt *st = db_prep(db,
		"UPDATE reg_row SET section = :section, nkz_code = :code, name_kk = :name_kk, "
		"name_ru = :name_ru, basis_kk = :basis_kk, basis_ru = :basis_ru, level = :level, "
		"validity = :validity, body_id = :body, profile = :profile, proposal_id = :proposal, "
		"fold_kk = :fold_kk, fold_ru = :fold_ru, sort_kk = :sort_kk, sort_ru = :sort_ru, "
		"rev = rev + 1 WHERE id = :id AND rev = :rev");
	db_int(st, ":id", r->id);
	db_int(st, ":rev", r->rev);
	if (!st || bind_row(st, r) || db_run(db, st) || db_commit(db)) {
		if (db_depth(db))
			db_rollback(db);
		return REG_DBERR;
	}
	r->rev++;
	return REG_OK;
}

int reg_delete(tz_db *db, int64_t id, int64_t rev)
{
	if (denied(db, NULL))
		return REG_DENIED;
	if (db_begin(db))
		return REG_DBERR;
	int64_t version = 0;
	int64_t cur = stored_rev(db, id, &version);
	int status = cur < 0 ? REG_GONE : !is_draft(db, version) ? REG_NOT_DRAFT
	           : cur != rev ? REG_CONFLICT : REG_OK;
	if (status) {
		db_rollback(db);
		return status;
	}
	sqlite3_stmt *st = db_prep(db, "DELETE FROM reg_row WHERE id = :id");
	db_int(st, ":id", id);
	if (db_run(db, st) || db_commit(db)) {
		if (db_depth(db))
			db_rollback(db);
		return REG_DBERR;
	}
	return REG_OK;
}

const char *reg_status_text(int status)
{
	switch (status) {
	case REG_OK: return _("Saved.");
	case REG_INVALID: return _("The row has problems; nothing was saved.");
	case REG_CONFLICT: return _("Someone else changed this row since you opened it; nothing was saved.");
	case REG_NOT_DRAFT: return _("This register version is not a draft and cannot be edited.");
	case REG_DUPLICATE: return _("This profession is already in the register at that level.");
	case REG_GONE: return _("The row no longer exists; someone else deleted it.");
	case REG_DENIED: return _("Your role does not allow changing the draft register; nothing was saved.");
	default: return _("The database refused the change; nothing was saved.");
	}
}

const char *reg_status_why(tz_db *db, int status, char *buf, size_t len)
{
	if (status == REG_DBERR)
		snprintf(buf, len, _("The database refused the change: %s; nothing was saved."),
		         db_errmsg(db));
	else
		snprintf(buf, len, "%s", reg_status_text(status));
	return buf;
}

static unsigned row_changes(const struct reg_row *a, const struct reg_row *b)
{
	unsigned c = 0;
	if (strcmp(a->name_kk, b->name_kk) || strcmp(a->name_ru, b->name_ru))
		c |= COL_NAME;
	if (strcmp(a->basis_kk, b->basis_kk) || strcmp(a->basis_ru, b->basis_ru))
		c |= COL_BASIS;
	if (a->validity != b->validity)
		c |= COL_VALIDITY;
	if (a->body_id != b->body_id)
		c |= COL_BODY;
	if (strcmp(a->profile, b->profile))
		c |= COL_PROFILE;
	if (strcmp(a->section, b->section))
		c |= COL_SECTION;
	return c;
}

/* Walks both versions ordered by (code, level), a merge join. */
int reg_diff(tz_db *db, int64_t a, int64_t b, reg_diff_fn fn, void *ctx)
{
	static const char sql[] = "SELECT " ROW_COLS " FROM reg_row WHERE version_id = :v "
	                          "ORDER BY nkz_code, level";
	sqlite3_stmt *sa = db_prep(db, sql), *sb = db_prep(db, sql);
	if (!sa || !sb) {
		sqlite3_finalize(sa);
		sqlite3_finalize(sb);
		return -1;
	}
	db_int(sa, ":v", a);
	db_int(sb, ":v", b);
	struct reg_row ra = {0}, rb = {0};
	int ha = db_step(db, sa) == SQLITE_ROW, hb = db_step(db, sb) == SQLITE_ROW;
	if (ha)
		row_from(sa, &ra);
	if (hb)
		row_from(sb, &rb);
	int rc = 0;
	while ((ha || hb) && !rc) {
		int cmp = !ha ? 1 : !hb ? -1 : strcmp(ra.nkz_code, rb.nkz_code);
		if (ha && hb && !cmp)
			cmp = strcmp(ra.level, rb.level);
		if (cmp < 0) {
			rc = fn(ctx, DIFF_REMOVED, &ra, NULL, 0);
		} else if (cmp > 0) {
			rc = fn(ctx, DIFF_ADDED, NULL, &rb, 0);
		} else {
			unsigned c = row_changes(&ra, &rb);
			if (c)
				rc = fn(ctx, DIFF_CHANGED, &ra, &rb, c);
		}
		if (cmp <= 0) {
			reg_row_free(&ra);
			if ((ha = db_step(db, sa) == SQLITE_ROW))
				row_from(sa, &ra);
		}
		if (cmp >= 0) {
			reg_row_free(&rb);
			if ((hb = db_step(db, sb) == SQLITE_ROW))
				row_from(sb, &rb);
		}
	}
	reg_row_free(&ra);
	reg_row_free(&rb);
	sqlite3_finalize(sa);
	sqlite3_finalize(sb);
	return rc;
}

const char *reg_section_title(const char *section)
{
	if (!strcmp(section, "mandatory"))
		return _("Recognition of professional qualifications on a mandatory basis");
	return _("Recognition of professional qualifications on a voluntary basis");
}

const char *reg_profile_label(const char *profile)
{
	/* TRANSLATORS: profile column: т (technical) in both languages */
	if (!strcmp(profile, "t"))
		return C_("profile", "t");
	/* TRANSLATORS: profile column: әг in Kazakh, сг in Russian */
	return C_("profile", "sh");
}

void reg_validity_label(int validity, char *buf, size_t len)
{
	if (validity <= 0)
		snprintf(buf, len, "%s", _("without time limit"));
	else
		snprintf(buf, len, ngettext("%d year", "%d years", (unsigned long)validity), validity);
}

int reg_validity_parse(const char *typed, int *years, char *why, size_t len)
{
	const char *s = typed ? typed : "";
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!n)
		return -1;
	long v = 0;
	size_t i = 0;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		if (v < 100000)
			v = v * 10 + (s[i] - '0');
	if (i < n || v < 1) {
		snprintf(why, len, _("Validity: \"%.*s\" is not a number of years; give 1 to %d years, "
		                     "or without time limit."), (int)n, s, REG_VALIDITY_MAX);
		return -2;
	}
	if (v > REG_VALIDITY_MAX) {
		snprintf(why, len, _("Validity: %ld is more than %d years, the longest a document on "
		                     "recognition is given for; give 1 to %d years, or without time "
		                     "limit."), v, REG_VALIDITY_MAX, REG_VALIDITY_MAX);
		return -2;
	}
	*years = (int)v;
	return 0;
}

int reg_may_edit(tz_db *db, char *err, size_t errlen)
{
	if (auth_edit_register(db, err, errlen))
		return -1;
	if (reg_draft(db))
		return 0;
	if (db_int_query(db, "SELECT count(*) FROM reg_version WHERE state = 'submitted'", 0))
		snprintf(err, errlen, "%s", _("The register is with the National Council: the draft cannot be "
		                              "changed until its recommendations are recorded."));
	else if (db_int_query(db, "SELECT count(*) FROM reg_version WHERE state = 'recommended'", 0))
		snprintf(err, errlen, "%s", _("The register is being formed per the Council's recommendations: "
		                              "it changes only by applying them."));
	else
		snprintf(err, errlen, "%s", _("There is no draft register: open a cycle first."));
	return -1;
}

#define REG_STAGE_COLS "version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru, " \
	"level, validity, body_id, profile, proposal_id, fold_kk, fold_ru, sort_kk, sort_ru"
#define REG_STAGE_BATCH 1000

int reg_stage_begin(tz_db *db)
{
	return db_exec(db, "DROP TABLE IF EXISTS temp.reg_stage;"
	                   "CREATE TEMP TABLE reg_stage (id INTEGER PRIMARY KEY, " REG_STAGE_COLS ")");
}

int reg_stage_flush(tz_db *db)
{
	/* The batch's change log is written in one pass after it (audit.h). */
	int64_t last = db_int_query(db, "SELECT coalesce(max(id), 0) FROM reg_row", -1);
	int rc = last < 0 ? SQLITE_ERROR : audit_defer(db);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_cached(db, "INSERT INTO main.reg_row(" REG_STAGE_COLS ") SELECT "
	                                 REG_STAGE_COLS " FROM temp.reg_stage ORDER BY id");
	rc = st ? db_step(db, st) : db_errcode(db);
	if (st)
		sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rc ? rc : SQLITE_ERROR;
	if ((rc = audit_log_inserted(db, "reg_row", last)))
		return rc;
	return db_exec(db, "DELETE FROM temp.reg_stage");
}

int reg_stage(tz_db *db, struct reg_row *r, struct problems *p)
{
	int admit = reg_admit(db, r, p);
	if (admit)
		return admit;
	if (duplicate(db, r)) {
		problems_add(p, "level", _("Level: %s at level %s is already in the register."),
		             r->nkz_code, r->level);
		return REG_DUPLICATE;
	}
	sqlite3_stmt *st = db_cached(db,
		"INSERT INTO temp.reg_stage(" REG_STAGE_COLS ") "
		"VALUES (:version, :section, :code, :name_kk, :name_ru, :basis_kk, :basis_ru, :level, "
		":validity, :body, :profile, :proposal, :fold_kk, :fold_ru, :sort_kk, :sort_ru)");
	if (st)
		db_int(st, ":version", r->version_id);
	int done = st && !bind_row(st, r) && db_step(db, st) == SQLITE_DONE;
	if (st)
		sqlite3_reset(st);
	if (!done)
		return REG_DBERR;
	r->id = 0;
	if (sqlite3_last_insert_rowid(db_sqlite(db)) % REG_STAGE_BATCH == 0 && reg_stage_flush(db))
		return REG_DBERR;
	return REG_OK;
}

void reg_stage_end(tz_db *db)
{
	db_exec(db, "DROP TABLE IF EXISTS temp.reg_stage");
}
