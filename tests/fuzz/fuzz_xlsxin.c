/* The workbook reader on a file of the input's bytes: the zip, its parts and
 * their XML are all outside data.  Each row handed out must have its fields
 * numbered from 1 and a positive row number; a refusal must say why. */
#include "fuzz.h"

#include "exchange/xlsxin.h"

static int each(void *ctx, const struct csv_field *f, int nfields, long line)
{
	size_t *bytes = ctx;
	if (nfields < 0 || line < 1)
		abort();
	for (int i = 0; i < nfields; i++) {
		if (!f[i].text || f[i].column != i + 1)
			abort();
		*bytes += strlen(f[i].text);
	}
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	/* Smaller than a real workbook may be, so that a run stays fast; the
	 * refusals past them are the same code. */
	xlsxin_limits.part_bytes = 8u << 20;
	xlsxin_limits.total_bytes = 16u << 20;
	/* Most shared strings through the temporary file, as a big workbook reads. */
	xlsxin_limits.sst_memory = 64;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fz_write("book.xlsx", data, size);
	size_t bytes = 0;
	char err[1024] = "";
	int rc = xlsxin_read(path, NULL, each, &bytes, err, sizeof err);
	if (rc == -1 && !err[0])
		abort();
	/* By name too: the workbook's sheet list is parsed again to find it. */
	err[0] = '\0';
	rc = xlsxin_read(path, "ҰКС", each, &bytes, err, sizeof err);
	if (rc == -1 && !err[0])
		abort();
	return 0;
}
