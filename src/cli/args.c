#include "cli/args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/output.h"
#include "domain/cycle.h"
#include "domain/register.h"

int args_parse(int argc, char **argv, int from, struct args *a, const char *flags)
{
	memset(a, 0, sizeof *a);
	for (int i = from; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) || !argv[i][2]) {
			if (a->nwords == ARGS_WORDS)
				goto many;
			a->word[a->nwords++] = argv[i];
			continue;
		}
		if (a->n == ARGS_MAX)
			goto many;
		const char *k = argv[i] + 2;
		a->key[a->n] = k;
		/* A flag takes no value. */
		char pat[40];
		snprintf(pat, sizeof pat, " %s ", k);
		if (flags && strstr(flags, pat)) {
			a->val[a->n++] = "";
			continue;
		}
		if (i + 1 >= argc) {
			cli_error(_("%s: --%s needs a value"), argv[0], k);
			return -1;
		}
		a->val[a->n++] = argv[++i];
	}
	return 0;
many:
	cli_error(_("%s: too many arguments"), argv[0]);
	return -1;
}

const char *args_get(const struct args *a, const char *k)
{
	const char *v = NULL;
	for (int i = 0; i < a->n; i++)
		if (!strcmp(a->key[i], k))
			v = a->val[i];
	return v;
}

int args_only(const char *cmd, const struct args *a, const char *allowed)
{
	for (int i = 0; i < a->n; i++) {
		char pat[40];
		snprintf(pat, sizeof pat, " %s ", a->key[i]);
		if (!strstr(allowed, pat)) {
			cli_error(_("%s: unknown option --%s (see tizilim --help)"), cmd, a->key[i]);
			return -1;
		}
	}
	return 0;
}

int args_date(const char *cmd, const struct args *a, tz_day *d)
{
	const char *s = args_get(a, "date");
	if (!s) {
		*d = cal_today();
		return 0;
	}
	if (cal_parse_typed(s, d)) {
		cli_error(_("%s: \"%s\" is not a date (YYYY-MM-DD)"), cmd, s);
		return -1;
	}
	return 0;
}

int64_t args_version(tz_db *db, const char *word)
{
	if (!strcmp(word, "draft"))
		return reg_draft(db);
	if (!strcmp(word, "published"))
		return reg_published(db);
	char *end;
	long long v = strtoll(word, &end, 10);
	return *end || v <= 0 || !reg_version_state(db, v) ? 0 : v;
}

int64_t args_cycle(tz_db *db, const char *cmd, const struct args *a, int w)
{
	if (a->nwords < w + 2)
		return cycle_current(db) ? cycle_current(db) : (cli_error(_("%s: no cycle is open"), cmd), 0);
	enum dl_season s;
	int year = atoi(a->word[w]);
	if (cycle_season_parse(a->word[w + 1], &s)) {
		cli_error(_("%s: \"%s\" is not a season: spring or autumn"), cmd, a->word[w + 1]);
		return 0;
	}
	int64_t id = cycle_find(db, year, s);
	if (!id)
		cli_error(_("%s: there is no cycle %d %s"), cmd, year, a->word[w + 1]);
	return id;
}
