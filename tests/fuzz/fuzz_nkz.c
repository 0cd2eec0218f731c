/* Classifier import (CSV, or a workbook when the bytes look like one): the
 * first byte picks the encoding, the rest is the file.  A refusal must say
 * why and write nothing. */
#include "fuzz.h"

#include "exchange/nkzin.h"

static const char *const encodings[] = {"utf-8", "rk1048", "cp1251", "auto"};
static tz_db *db;
static int64_t before;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	db = fz_db(0);
	before = fz_written(db);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *path = fz_write("nkz.csv", data + 1, size - 1);
	struct nkz_import_stats st;
	char err[4096] = "";
	int rc = nkz_import(db, path, encodings[data[0] % 4], NULL, &st, err, sizeof err);
	if (rc && !err[0])
		abort();   /* a refusal must say why */
	if (rc && fz_written(db) != before)
		abort();   /* all or nothing */
	if (!rc)
		fz_restore(db);
	return 0;
}
