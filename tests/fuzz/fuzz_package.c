/* Package import from a file of the input's bytes (an SQLite database made
 * elsewhere, trusted in nothing), into a database with the demo register.
 * A refusal must say why and write nothing; an accepted package is undone
 * before the next input. */
#include "fuzz.h"

#include "exchange/package_in.h"

static tz_db *db;
static int64_t before;

static void noted(void *ctx, const char *msg)
{
	(void)ctx;
	if (!msg || !*msg)
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	db = fz_db(1);
	before = fz_written(db);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	/* The first byte picks the mode and a dry run; the rest is the file. */
	enum pkg_mode mode = (enum pkg_mode)(data[0] % 3);
	int dry = (data[0] >> 2) & 1;
	const char *path = fz_write("in.tzp", data + 1, size - 1);
	struct pkg_info info;
	char err[1024] = "";
	enum pkg_result r = package_import(db, path, mode, dry, noted, NULL, &info, err, sizeof err);
	if (r == PKG_REFUSED && !err[0])
		abort();
	if ((r != PKG_DONE || dry) && fz_written(db) != before)
		abort();
	if (r == PKG_DONE && !dry)
		fz_restore(db);
	char hex[65];
	package_checksum(path, hex, err, sizeof err);
	return 0;
}
