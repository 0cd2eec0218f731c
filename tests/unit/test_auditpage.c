/* The change-log screen's data on the demo database: a page of entries
 * newest first, how many pass a filter, and one entry in full, its row
 * before and after field by field with the changed fields marked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "harness.h"
#include "store/store.h"
#include "view/auditpage.h"

static tz_db *db;

struct entry { int n; int64_t id; char at[32], object[32], object_id[16], action[16], reason[64]; char *before, *after; };

static int take_entry(void *ctx, const struct audit_entry *e)
{
	struct entry *x = ctx;
	x->n++;
	x->id = e->id;
	snprintf(x->at, sizeof x->at, "%s", e->at);
	snprintf(x->object, sizeof x->object, "%s", e->object);
	snprintf(x->object_id, sizeof x->object_id, "%s", e->object_id);
	snprintf(x->action, sizeof x->action, "%s", e->action);
	snprintf(x->reason, sizeof x->reason, "%s", e->reason);
	x->before = e->before ? strdup(e->before) : NULL;
	x->after = e->after ? strdup(e->after) : NULL;
	return 0;
}

/* "key=value" per field, a star before a changed one, ";" between. */
struct fields { char text[4096]; int n; };

static int take_field(void *ctx, const struct logpage_field *f)
{
	struct fields *s = ctx;
	size_t k = strlen(s->text);
	snprintf(s->text + k, sizeof s->text - k, "%s%s%s=%s", s->n ? ";" : "", f->changed ? "*" : "", f->key,
	         f->value);
	s->n++;
	return 0;
}

static int stop_at_two(void *ctx, const struct logpage_field *f)
{
	(void)f;
	return ++*(int *)ctx == 2;
}

static const char *fields(const char *json, const char *other)
{
	static struct fields s;
	memset(&s, 0, sizeof s);
	CHECK_INT(logpage_fields(db, json, other, take_field, &s), 0);
	return s.text;
}

static int64_t newest(const char *action)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT max(id) FROM change_log WHERE object = 'reg_row' AND action = '%s'", action);
	return db_int_query(db, sql, 0);
}

static int ids(void *ctx, const struct audit_entry *e)
{
	int64_t *last = ctx;
	CHECK(*last == 0 || e->id < *last, "newest first: %lld after %lld", (long long)e->id, (long long)*last);
	*last = e->id;
	return 0;
}

int main(void)
{
	char path[] = "/tmp/tz-auditpage-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	i18n_init("kk");
	char err[512] = "";
	db = store_open(path, 1, 1, err, sizeof err);
	CHECK(db != NULL, "open: %s", err);
	if (!db)
		return tz_test_done();

	/* The demo's draft logged the accountant's validity changed, the
	 * slingers removed and the waiters added. */
	int64_t upd = newest("update"), del = newest("delete"), ins = newest("insert");
	CHECK(upd > 0 && del > 0 && ins > 0, "the demo's changes are logged");

	struct entry e;
	memset(&e, 0, sizeof e);
	CHECK_INT(logpage_entry(db, upd, take_entry, &e), 1);
	CHECK_INT(e.n, 1);
	CHECK_INT(e.id, upd);
	CHECK_STR(e.object, "reg_row");
	CHECK_STR(e.action, "update");
	CHECK_INT(strlen(e.at), 20);   /* YYYY-MM-DDTHH:MM:SSZ */
	CHECK(e.before && e.after, "an update has both sides");
	if (e.before && e.after) {
		/* The row in its own order; what changed is marked on both sides. */
		const char *b = fields(e.before, e.after);
		CHECK(!strncmp(b, "id=", 3), "the fields in the row's order: %s", b);
		CHECK(strstr(b, ";nkz_code=2411-1-001;name_kk=Бухгалтер;name_ru=Бухгалтер;") != NULL, "%s", b);
		CHECK(strstr(b, ";level=6;*validity=3;body_id=8;") != NULL, "the old validity marked: %s", b);
		CHECK(strstr(b, ";proposal_id=;*rev=1") != NULL, "a null shown empty, rev marked: %s", b);
		const char *a = fields(e.after, e.before);
		CHECK(strstr(a, ";*validity=5;") != NULL, "the new validity marked: %s", a);
		CHECK(strstr(a, "*name_kk") == NULL && strstr(a, "*section") == NULL, "only what changed: %s", a);
		int k = 0;
		CHECK_INT(logpage_fields(db, e.before, e.after, stop_at_two, &k), 0);
		CHECK_INT(k, 2);
	}
	free(e.before);
	free(e.after);

	/* A removed row has no after; an added one no before; nothing is
	 * marked against a side that did not exist. */
	memset(&e, 0, sizeof e);
	CHECK_INT(logpage_entry(db, del, take_entry, &e), 1);
	CHECK(e.before && !e.after, "a deletion has only before");
	if (e.before) {
		const char *b = fields(e.before, NULL);
		CHECK(strstr(b, ";name_kk=Матаушы;name_ru=Стропальщик;") != NULL, "%s", b);
		CHECK(strchr(b, '*') == NULL, "nothing marked: %s", b);
	}
	free(e.before);
	free(e.after);
	memset(&e, 0, sizeof e);
	CHECK_INT(logpage_entry(db, ins, take_entry, &e), 1);
	CHECK(!e.before && e.after, "an insertion has only after");
	free(e.before);
	free(e.after);

	/* A key the other side lacks is changed; a value that is no object
	 * lists nothing. */
	CHECK_STR(fields("{\"a\":1,\"b\":\"x\"}", "{\"a\":1}"), "a=1;*b=x");
	CHECK_STR(fields("{\"a\":1}", "{\"a\":2}"), "*a=1");

	/* No such entry. */
	memset(&e, 0, sizeof e);
	int64_t last = db_int_query(db, "SELECT max(id) FROM change_log", 0);
	CHECK_INT(logpage_entry(db, last + 1, take_entry, &e), 0);
	CHECK_INT(e.n, 0);

	/* The page and the count the list shows, with a filter. */
	struct audit_filter f;
	memset(&f, 0, sizeof f);
	long all = logpage_count(db, &f);
	CHECK_INT(all, db_int_query(db, "SELECT count(*) FROM change_log", -1));
	f.object = "reg_row";
	CHECK_INT(logpage_count(db, &f), db_int_query(db, "SELECT count(*) FROM change_log WHERE object = 'reg_row'", -1));
	int64_t prev = 0;
	CHECK_INT(logpage_read(db, &f, 0, -1, 10, ids, &prev), 0);
	CHECK(prev > 0, "a page read");
	f.object = "nothing";
	CHECK_INT(logpage_count(db, &f), 0);

	db_close(db);
	unlink(path);
	char p[64];
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return tz_test_done();
}
