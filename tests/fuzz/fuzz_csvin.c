/* CSV reader from memory in each encoding: the first byte picks utf-8,
 * rk1048, cp1251 or auto, the rest is the file.  Every field handed out must
 * be a string inside its record's place: line and column positive and
 * increasing, the text readable to its NUL. */
#include "fuzz.h"

#include "exchange/csvin.h"

static const char *const encodings[] = {"utf-8", "rk1048", "cp1251", "auto"};

struct seen {
	long line;
	size_t bytes;
};

static int each(void *ctx, const struct csv_field *f, int nfields, long line)
{
	struct seen *s = ctx;
	if (nfields < 0 || line < s->line)
		abort();
	s->line = line;
	for (int i = 0; i < nfields; i++) {
		if (!f[i].text || f[i].line < 1 || f[i].column != i + 1)
			abort();
		s->bytes += strlen(f[i].text);
	}
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *enc = encodings[data[0] % 4];
	struct seen s = {0, 0};
	const char *chosen = NULL;
	char err[512] = "";
	int rc = csvin_read_mem((const char *)data + 1, size - 1, enc, each, &s, &chosen, err, sizeof err);
	if (rc == -1 && !err[0])
		abort();   /* a refusal must say why */
	return 0;
}
