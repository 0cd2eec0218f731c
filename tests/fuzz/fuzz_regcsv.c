/* Register CSV import into the draft: the first byte picks the encoding and
 * whether the rest is one file or a Kazakh and a Russian file split at the
 * first form feed.  A refusal must say why and write nothing. */
#include "fuzz.h"

#include "exchange/regcsv.h"
#include "exchange/regcsv_in.h"
#include "domain/register.h"

static const char *const encodings[] = {"utf-8", "rk1048", "cp1251", "auto"};
static tz_db *db;
static int64_t before;

static void warned(void *ctx, const char *msg)
{
	(void)ctx;
	if (!msg || !*msg)
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	db = fz_db(1);
	char err[512] = "";
	if (!reg_draft(db) && reg_new_draft(db, err, sizeof err) <= 0) {
		fprintf(stderr, "fuzz: no draft: %s\n", err);
		abort();
	}
	fz_snapshot(db);   /* with the draft */
	before = fz_written(db);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *enc = encodings[data[0] % 4];
	int two = data[0] & 4;
	data++, size--;
	size_t cut = size;
	if (two) {
		const uint8_t *ff = memchr(data, '\f', size);
		cut = ff ? (size_t)(ff - data) : size / 2;
	}
	char p1[600], p2[600];
	snprintf(p1, sizeof p1, "%s", fz_write("kk.csv", data, cut));
	const char *paths[2] = {p1, p2};
	if (two) {
		size_t skip = cut < size && data[cut] == '\f' ? 1 : 0;
		snprintf(p2, sizeof p2, "%s", fz_write("ru.csv", data + cut + skip, size - cut - skip));
	}
	struct regcsv_stats st;
	char err[4096] = "";
	int rc = regcsv_import(db, paths, two ? 2 : 1, enc, warned, NULL, &st, err, sizeof err);
	if (rc && !err[0])
		abort();
	if (rc && fz_written(db) != before)
		abort();
	if (!rc)
		fz_restore(db);
	/* The validity words parser sees outside text too. */
	char *s = fz_string(data, size < 64 ? size : 64);
	int y = regcsv_parse_validity(s);
	if (y < -1)
		abort();
	free(s);
	return 0;
}
