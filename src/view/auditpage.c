#include "view/auditpage.h"

#include <stdio.h>

#define WHERE \
	" WHERE (:l IS NULL OR login = :l) AND (:o IS NULL OR object = :o)" \
	" AND (:f IS NULL OR substr(at, 1, 10) >= :f) AND (:t IS NULL OR substr(at, 1, 10) <= :t)"

static void bind_filter(sqlite3_stmt *st, const struct audit_filter *f)
{
	if (f->login && *f->login)
		db_text(st, ":l", f->login);
	if (f->object && *f->object)
		db_text(st, ":o", f->object);
	if (f->from && *f->from)
		db_text(st, ":f", f->from);
	if (f->to && *f->to)
		db_text(st, ":t", f->to);
}

int logpage_read(tz_db *db, const struct audit_filter *f, int64_t from_id, int dir, int n,
                 audit_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, dir < 0
		? "SELECT id, at, login, object, object_id, action, reason, before, after FROM change_log"
		  WHERE " AND (:id = 0 OR id <= :id) ORDER BY id DESC LIMIT :n"
		: "SELECT id, at, login, object, object_id, action, reason, before, after FROM change_log"
		  WHERE " AND id > :id ORDER BY id LIMIT :n");
	if (!st)
		return SQLITE_ERROR;
	bind_filter(st, f);
	db_int(st, ":id", from_id);
	db_int(st, ":n", n);
	int rc, stop = 0;
	while (!stop && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct audit_entry e = {
			.id = sqlite3_column_int64(st, 0), .at = db_col_text(st, 1), .login = db_col_text(st, 2),
			.object = db_col_text(st, 3), .object_id = db_col_text(st, 4), .action = db_col_text(st, 5),
			.reason = db_col_text(st, 6),
			.before = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : db_col_text(st, 7),
			.after = sqlite3_column_type(st, 8) == SQLITE_NULL ? NULL : db_col_text(st, 8),
			.delta = "",
		};
		stop = fn(ctx, &e);
	}
	sqlite3_finalize(st);
	return stop || rc == SQLITE_DONE ? 0 : rc;
}

long logpage_count(tz_db *db, const struct audit_filter *f)
{
	sqlite3_stmt *st = db_prep(db, "SELECT count(*) FROM change_log" WHERE);
	if (!st)
		return -1;
	bind_filter(st, f);
	long n = db_step(db, st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

int logpage_entry(tz_db *db, int64_t id, audit_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, "SELECT at, login, object, object_id, action, reason, before, after "
	                               "FROM change_log WHERE id = :id");
	if (!st)
		return -1;
	db_int(st, ":id", id);
	int rc = db_step(db, st), found = rc == SQLITE_ROW;
	if (found) {
		struct audit_entry e = {
			.id = id, .at = db_col_text(st, 0), .login = db_col_text(st, 1),
			.object = db_col_text(st, 2), .object_id = db_col_text(st, 3), .action = db_col_text(st, 4),
			.reason = db_col_text(st, 5),
			.before = sqlite3_column_type(st, 6) == SQLITE_NULL ? NULL : db_col_text(st, 6),
			.after = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : db_col_text(st, 7),
			.delta = "",
		};
		fn(ctx, &e);
	}
	sqlite3_finalize(st);
	return found ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int logpage_fields(tz_db *db, const char *json, const char *other, logpage_field_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT key, coalesce(value, ''), coalesce(value IS NOT (SELECT value FROM json_each(:o) o "
		"WHERE o.key = j.key), 1) FROM json_each(:j) j");
	if (!st)
		return -1;
	db_text(st, ":j", json);
	db_text(st, ":o", other);
	while (db_step(db, st) == SQLITE_ROW) {
		struct logpage_field f = {
			.key = db_col_text(st, 0), .value = db_col_text(st, 1),
			.changed = other && sqlite3_column_int(st, 2),
		};
		if (fn(ctx, &f))
			break;
	}
	sqlite3_finalize(st);
	return 0;
}
