/* The seal of a published register version (src/store/seal.h). */
#include "store/seal.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "base/debuglog.h"

/* The change log's field encoding (audit.c's feed), so that one reader of
 * the format can check both. */
static void seal_feed(EVP_MD_CTX *md, const char *s, int n)
{
	char len[24];
	int l = snprintf(len, sizeof len, "%d:", n);
	EVP_DigestUpdate(md, len, (size_t)l);
	EVP_DigestUpdate(md, s, (size_t)n);
	EVP_DigestUpdate(md, ";", 1);
}

static void seal_feed_col(EVP_MD_CTX *md, sqlite3_stmt *st, int col)
{
	const char *s = db_col_text(st, col);
	seal_feed(md, s, sqlite3_column_bytes(st, col));
}

int seal_compute(tz_db *db, int64_t version, char hex[SEAL_HEX_LEN], long *rows)
{
	static const char sql[] =
		"SELECT section, nkz_code, level, name_kk, name_ru, basis_kk, basis_ru, validity, "
		"body_id, profile FROM reg_row WHERE version_id = :v "
		"ORDER BY section COLLATE BINARY, nkz_code COLLATE BINARY, level COLLATE BINARY";
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	if (!md || !EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(md);
		return SQLITE_NOMEM;
	}
	char v[24];
	int vn = snprintf(v, sizeof v, "%lld", (long long)version);
	seal_feed(md, "tizilim-seal-1", 14);
	seal_feed(md, v, vn);
	sqlite3_stmt *st = db_prep(db, sql);
	db_int(st, ":v", version);
	long n = 0;
	int rc = st ? SQLITE_ROW : db_errcode(db);
	while (st && (rc = db_step(db, st)) == SQLITE_ROW) {
		for (int c = 0; c < 10; c++)
			seal_feed_col(md, st, c);
		n++;
	}
	sqlite3_finalize(st);
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned dn = 0;
	int ok = EVP_DigestFinal_ex(md, d, &dn) && dn == 32;
	EVP_MD_CTX_free(md);
	if (rc != SQLITE_DONE)
		return rc ? rc : SQLITE_ERROR;
	if (!ok)
		return SQLITE_ERROR;
	static const char x[] = "0123456789abcdef";
	for (unsigned i = 0; i < dn; i++) {
		hex[2 * i] = x[d[i] >> 4];
		hex[2 * i + 1] = x[d[i] & 15];
	}
	hex[2 * dn] = 0;
	if (rows)
		*rows = n;
	return 0;
}

int seal_recorded(tz_db *db, int64_t version, char hex[SEAL_HEX_LEN])
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT json_extract(after, '$.seal') FROM change_log "
		"WHERE object = 'reg_version' AND object_id = :v AND action = 'seal' "
		"ORDER BY id DESC LIMIT 1");
	char v[24];
	snprintf(v, sizeof v, "%lld", (long long)version);
	db_text(st, ":v", v);
	int rc = st ? db_step(db, st) : SQLITE_ERROR;
	int found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	if (found == 1)
		snprintf(hex, SEAL_HEX_LEN, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	return found;
}

int seal_record(tz_db *db, int64_t version, char hex[SEAL_HEX_LEN])
{
	long rows = 0;
	int rc = seal_compute(db, version, hex, &rows);
	if (rc)
		return rc;
	char id[24], after[128];
	snprintf(id, sizeof id, "%lld", (long long)version);
	snprintf(after, sizeof after, "{\"seal\":\"%s\",\"rows\":%ld}", hex, rows);
	return audit_log(db, "reg_version", id, "seal", NULL, after);
}

int seal_unsealed(tz_db *db)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT id FROM reg_version v WHERE state = 'published' AND NOT EXISTS ("
		"  SELECT 1 FROM change_log WHERE object = 'reg_version' AND object_id = CAST(v.id AS TEXT) "
		"  AND action = 'seal') ORDER BY id");
	if (!st)
		return -1;
	/* Read first: the seals are written into the table the query reads. */
	int64_t ids[64];
	int n = 0, rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW && n < (int)(sizeof ids / sizeof *ids))
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	for (int i = 0; i < n; i++) {
		char hex[SEAL_HEX_LEN];
		if (seal_record(db, ids[i], hex))
			return -1;
	}
	/* More than fit at once: the rest on the next round. */
	if (rc == SQLITE_ROW) {
		int more = seal_unsealed(db);
		return more < 0 ? -1 : n + more;
	}
	return n;
}

int seal_upgrade(tz_db *db)
{
	if (db_int_query(db,
	        "SELECT EXISTS (SELECT 1 FROM reg_version WHERE state = 'published') AND NOT EXISTS ("
	        "  SELECT 1 FROM change_log WHERE object = 'reg_version' AND action = 'seal')", 0) != 1)
		return 0;
	if (db_begin(db))
		goto fail;
	int n = seal_unsealed(db);
	if (n < 0) {
		db_rollback(db);
		goto fail;
	}
	if (db_commit(db))
		goto fail;
	tz_log("sealed %d register version(s) published before seals", n);
	return 0;
fail:
	tz_log("cannot seal the versions published before seals: %s", db_errmsg(db));
	return -1;
}
