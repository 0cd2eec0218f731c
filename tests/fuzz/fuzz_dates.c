/* The command line's dates and numbers, as `workdays DATE N` reads them: the
 * input up to the first space is the date, the rest the count.  A date that
 * parses must print back as typed (the parser is strict), and the working day
 * N after it must be a working day at or after it. */
#include "fuzz.h"

#include "domain/calendar.h"

static tz_calendar *cal;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	tz_db *db = fz_db(0);
	cal = cal_load(db);
	if (!cal)
		abort();
	db_close(db);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fz_string(data, size);
	char *count = strchr(s, ' ');
	if (count)
		*count++ = '\0';
	tz_day d;
	int n;
	if (cal_parse(s, &d) == 0) {
		char buf[11];
		if (strcmp(cal_format(d, buf), s))
			abort();
		if (count && cal_parse_count(count, 3650, &n) == 0) {
			if (n < 0 || n > 3650)
				abort();
			tz_day w = cal_add_workdays(cal, d, n);
			if (w < d || (n > 0 && (w <= d || !cal_is_workday(cal, w))))
				abort();
		}
	} else if (count) {
		cal_parse_count(count, 3650, &n);
	}
	free(s);
	return 0;
}
