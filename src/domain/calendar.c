#include "domain/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/debuglog.h"
#include "base/privs.h"

/* --- dates --------------------------------------------------------------- */

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, no time zone or mktime involved. */
tz_day cal_make(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cal_split(tz_day day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : n[m - 1];
}

int cal_parse(const char *s, tz_day *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return -1;
	*out = cal_make(y, m, d);
	return 0;
}

int cal_parse_typed(const char *s, tz_day *out)
{
	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	char buf[16];
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	if (!strchr(buf, '.'))
		return cal_parse(buf, out);
	/* D.M.YYYY: each part digits only, the year four of them. */
	int part[3] = {0}, len[3] = {0}, k = 0;
	for (const char *c = buf; *c; c++) {
		if (*c == '.') {
			if (++k > 2)
				return -1;
		} else if (*c >= '0' && *c <= '9' && len[k] < 4) {
			part[k] = part[k] * 10 + (*c - '0');
			len[k]++;
		} else {
			return -1;
		}
	}
	if (k != 2 || len[0] < 1 || len[0] > 2 || len[1] < 1 || len[1] > 2 || len[2] != 4)
		return -1;
	char iso[16];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", part[2] % 10000, part[1] % 100, part[0] % 100);
	return cal_parse(iso, out);
}

int cal_parse_count(const char *s, int max, int *out)
{
	long v = 0;
	if (!s || !*s)
		return -1;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
		if (v > max)
			return -1;
	}
	*out = (int)v;
	return 0;
}

char *cal_format(tz_day d, char *buf)
{
	int y, m, dd;
	cal_split(d, &y, &m, &dd);
	/* The modulo keeps gcc's format-truncation check satisfied. */
	snprintf(buf, 11, "%04d-%02d-%02d", (int)((unsigned)y % 10000u), m, dd);
	return buf;
}

int cal_weekday(tz_day d)
{
	/* 1970-01-01 was a Thursday. */
	return ((d % 7) + 7 + 3) % 7;
}

const char *cal_weekday_name(int wd)
{
	static const char *const names[7] = {
		N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
		N_("Friday"), N_("Saturday"), N_("Sunday"),
	};
	return wd >= 0 && wd < 7 ? _(names[wd]) : "?";
}

tz_day cal_today(void)
{
	tz_day d;
	const char *env = privs_getenv("TIZILIM_TODAY");
	if (env && *env && cal_parse(env, &d) == 0)
		return d;
	return (tz_day)(time(NULL) / 86400);
}

/* --- the calendar -------------------------------------------------------- */

struct rule {
	int month, day, moves, from, to;
	char *kk, *ru;
};

enum { OV_OFF = 1, OV_WORK, OV_NOTHOL, OV_HOLIDAY };

struct override {
	tz_day date;
	int kind;
	char *kk, *ru;
};

/* A computed year: why each day is off and whose name it carries (0 none,
 * r + 1 for rule r, -(o + 1) for override o). */
struct year {
	unsigned char why[366];
	short src[366];
};

#define Y0 1900
#define NYEARS 1200

struct tz_calendar {
	struct rule *rules;
	int nrules;
	struct override *ov;     /* sorted by date */
	int nov;
	/* Filled on first use; the calendar is read-only to callers, the cache
	 * is not part of what it means. */
	struct year *years[NYEARS];
};

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

void cal_free(tz_calendar *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->nrules; i++) {
		free(c->rules[i].kk);
		free(c->rules[i].ru);
	}
	for (int i = 0; i < c->nov; i++) {
		free(c->ov[i].kk);
		free(c->ov[i].ru);
	}
	for (int i = 0; i < NYEARS; i++)
		free(c->years[i]);
	free(c->rules);
	free(c->ov);
	free(c);
}

static int load_rules(tz_db *db, tz_calendar *c)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT month, day, moves, coalesce(from_year, 0), coalesce(to_year, 9999),"
		" name_kk, name_ru FROM holiday_rule ORDER BY month, day, id");
	if (!st)
		return -1;
	int cap = 0, rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		if (c->nrules == cap) {
			cap = cap ? cap * 2 : 16;
			struct rule *r = realloc(c->rules, cap * sizeof *r);
			if (!r)
				break;
			c->rules = r;
		}
		struct rule *r = &c->rules[c->nrules++];
		r->month = sqlite3_column_int(st, 0);
		r->day = sqlite3_column_int(st, 1);
		r->moves = sqlite3_column_int(st, 2);
		r->from = sqlite3_column_int(st, 3);
		r->to = sqlite3_column_int(st, 4);
		r->kk = dup(db_col_text(st, 5));
		r->ru = dup(db_col_text(st, 6));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_overrides(tz_db *db, tz_calendar *c)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT date, kind, note_kk, note_ru FROM calendar_day ORDER BY date");
	if (!st)
		return -1;
	int cap = 0, rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		tz_day d;
		const char *date = db_col_text(st, 0), *kind = db_col_text(st, 1);
		if (cal_parse(date, &d)) {
			tz_log("calendar_day: bad date %s, ignored", date);
			continue;
		}
		if (c->nov == cap) {
			cap = cap ? cap * 2 : 16;
			struct override *o = realloc(c->ov, cap * sizeof *o);
			if (!o)
				break;
			c->ov = o;
		}
		struct override *o = &c->ov[c->nov++];
		o->date = d;
		o->kind = !strcmp(kind, "work") ? OV_WORK : !strcmp(kind, "nothol") ? OV_NOTHOL
		        : !strcmp(kind, "holiday") ? OV_HOLIDAY : OV_OFF;
		o->kk = dup(db_col_text(st, 2));
		o->ru = dup(db_col_text(st, 3));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

tz_calendar *cal_load(tz_db *db)
{
	tz_calendar *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	if (load_rules(db, c) || load_overrides(db, c)) {
		tz_log("cal_load: %s", db_errmsg(db));
		cal_free(c);
		return NULL;
	}
	return c;
}

/* Computes the year y into out.  The window starts a year early so that a
 * late-December holiday of y - 1 that moves into January is seen. */
#define WIN 800
static void compute_year(const tz_calendar *c, int y, struct year *out)
{
	unsigned char why[WIN], ovk[WIN];
	short src[WIN];
	tz_day start = cal_make(y - 1, 1, 1), first = cal_make(y, 1, 1);
	int len = cal_make(y + 1, 1, 1) - start;
	for (int i = 0; i < len; i++) {
		why[i] = cal_weekday(start + i) >= 5 ? CAL_WEEKEND : CAL_WORK;
		src[i] = 0;
		ovk[i] = 0;
	}
	for (int i = 0; i < c->nov; i++) {
		int k = c->ov[i].date - start;
		if (k < 0 || k >= len)
			continue;
		ovk[k] = (unsigned char)c->ov[i].kind;
		if (c->ov[i].kind == OV_OFF || c->ov[i].kind == OV_HOLIDAY) {
			/* A dated holiday (Kurban ait) is off where it falls. */
			why[k] = c->ov[i].kind == OV_HOLIDAY ? CAL_HOLIDAY : CAL_DECREE;
			src[k] = (short)-(i + 1);
		} else if (c->ov[i].kind == OV_WORK) {
			why[k] = CAL_WORK;
		}
	}
	/* Holidays that fall on a weekend, in date order, for the moves. */
	int moving[64], nmoving = 0;
	for (int yy = y - 1; yy <= y; yy++) {
		for (int r = 0; r < c->nrules; r++) {
			const struct rule *ru = &c->rules[r];
			if (yy < ru->from || yy > ru->to || ru->month < 1 || ru->month > 12 ||
			    ru->day < 1 || ru->day > month_days(yy, ru->month))
				continue;
			int k = cal_make(yy, ru->month, ru->day) - start;
			if (ovk[k] == OV_WORK || ovk[k] == OV_NOTHOL)
				continue;
			int weekend = why[k] == CAL_WEEKEND;
			why[k] = CAL_HOLIDAY;
			src[k] = (short)(r + 1);
			if (ru->moves && weekend && nmoving < 64)
				moving[nmoving++] = k;
		}
	}
	/* Rules are sorted by month and day, and y - 1 comes first, so the
	 * list is in date order: 1 and 2 January on a weekend take Monday and
	 * Tuesday in that order. */
	for (int i = 0; i < nmoving; i++) {
		int t = moving[i] + 1;
		while (t < len && (why[t] != CAL_WORK || ovk[t] == OV_WORK))
			t++;
		if (t < len) {
			why[t] = CAL_MOVED;
			src[t] = src[moving[i]];
		}
	}
	int off = first - start, n = len - off;
	memcpy(out->why, why + off, n);
	memcpy(out->src, src + off, n * sizeof *src);
}

/* The year of d, computed once and kept; outside the cached range it is
 * recomputed into *tmp on each call. */
static const struct year *year_of(const tz_calendar *c, tz_day d, struct year *tmp, int *doy)
{
	int y, m, dd;
	cal_split(d, &y, &m, &dd);
	*doy = d - cal_make(y, 1, 1);
	if (y < Y0 || y >= Y0 + NYEARS) {
		compute_year(c, y, tmp);
		return tmp;
	}
	struct year **slot = &((tz_calendar *)c)->years[y - Y0];
	if (!*slot) {
		struct year *yr = malloc(sizeof *yr);
		if (!yr) {
			compute_year(c, y, tmp);
			return tmp;
		}
		compute_year(c, y, yr);
		*slot = yr;
	}
	return *slot;
}

enum cal_why cal_why_off(const tz_calendar *c, tz_day d)
{
	struct year tmp;
	int doy;
	const struct year *yr = year_of(c, d, &tmp, &doy);
	return (enum cal_why)yr->why[doy];
}

int cal_is_workday(const tz_calendar *c, tz_day d)
{
	return cal_why_off(c, d) == CAL_WORK;
}

const char *cal_day_name(const tz_calendar *c, tz_day d)
{
	struct year tmp;
	int doy;
	const struct year *yr = year_of(c, d, &tmp, &doy);
	int s = yr->src[doy];
	if (s > 0)
		return i18n_pick(c->rules[s - 1].kk, c->rules[s - 1].ru);
	if (s < 0)
		return i18n_pick(c->ov[-s - 1].kk, c->ov[-s - 1].ru);
	/* A decreed working day has no holiday but still its note. */
	for (int i = 0; i < c->nov; i++)
		if (c->ov[i].date == d)
			return i18n_pick(c->ov[i].kk, c->ov[i].ru);
	return "";
}

tz_day cal_add_workdays(const tz_calendar *c, tz_day d, int n)
{
	while (n > 0) {
		d++;
		if (cal_is_workday(c, d))
			n--;
	}
	return d;
}

int cal_workdays_between(const tz_calendar *c, tz_day a, tz_day b)
{
	int sign = 1, n = 0;
	if (b < a) {
		tz_day t = a;
		a = b;
		b = t;
		sign = -1;
	}
	for (tz_day d = a + 1; d <= b; d++)
		n += cal_is_workday(c, d);
	return sign * n;
}
