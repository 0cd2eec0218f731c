#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("tizilim: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

struct command {
	const char *name;
	cmd_fn *fn;
	int creates;          /* may create the database */
	const char *args;     /* untranslated: option syntax */
	const char *help;     /* translated at print time */
};

static const struct command commands[] = {
	{"init", cmd_init, 1, "[--demo]",
	 N_("create the database with its reference data")},
	{"import-nkz", cmd_import_nkz, 0, "FILE [--encoding E]",
	 N_("import the occupation classifier (NKZ) from a CSV file")},
	{"import", cmd_import, 0, "FILE [--encoding E]",
	 N_("import register rows from a CSV file in the Appendix layout into the draft")},
	{"export", cmd_export, 0, "[--format csv] [--lang kk|ru] [--encoding E] [--version N] [-o FILE]",
	 N_("export the register in the Appendix layout")},
	{"check", cmd_check, 0, "",
	 N_("validate every row of the draft register")},
	{"diff", cmd_diff, 0, "[A B]",
	 N_("compare two register versions (by default the published one and the draft)")},
	{"deadlines", cmd_deadlines, 0, "[--date YYYY-MM-DD]",
	 N_("print the deadlines of the cycle current at a date")},
	{"workdays", cmd_workdays, 0, "YYYY-MM-DD N",
	 N_("print the date N working days after a date")},
	{"verify", cmd_verify, 0, "",
	 N_("check the database's integrity and references")},
};

static void usage(FILE *f)
{
	fprintf(f, _("Usage: tizilim [--db FILE] [--lang kk|ru] [COMMAND [ARGS]]\n"
	             "Without a command, opens the register in the terminal.\n\n"
	             "Commands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		fprintf(f, "  %s %s\n", commands[i].name, commands[i].args);
		fprintf(f, "      %s\n", _(commands[i].help));
	}
	fprintf(f, _("\nOptions:\n"
	             "  --db FILE      the database (default: %s)\n"
	             "  --lang kk|ru   the language of messages and exported text\n"
	             "  --help         this help\n"
	             "  --version      the program's version\n\n"
	             "Exit status: 0 success, 1 a check found problems, 2 usage error,\n"
	             "3 data or input/output error.\n"),
	        "$XDG_DATA_HOME/tizilim/tizilim.db");
}

int cli_parse(int argc, char **argv, struct cli_opts *o)
{
	memset(o, 0, sizeof *o);
	int i = 1;
	/* The language first, so that every later message is in it. */
	for (int j = 1; j < argc; j++) {
		if (!strcmp(argv[j], "--lang") && j + 1 < argc)
			o->lang = argv[j + 1];
		else if (!strncmp(argv[j], "--lang=", 7))
			o->lang = argv[j] + 7;
		if (argv[j][0] != '-')
			break;
	}
	i18n_init(o->lang);
	if (o->lang && strcmp(o->lang, "kk") && strcmp(o->lang, "ru")) {
		cli_error(_("unknown language \"%s\": use kk or ru"), o->lang);
		return EXIT_USAGE;
	}
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--version")) {
			printf("tizilim %s\n", TIZILIM_VERSION);
			return EXIT_OK;
		} else if (!strcmp(a, "--db") || !strcmp(a, "--lang")) {
			if (i + 1 >= argc) {
				cli_error(_("%s needs a value"), a);
				return EXIT_USAGE;
			}
			if (a[2] == 'd')
				o->db = argv[i + 1];
			i++;
		} else if (!strncmp(a, "--db=", 5)) {
			o->db = a + 5;
		} else if (!strncmp(a, "--lang=", 7)) {
			/* taken above */
		} else {
			cli_error(_("unknown option %s (see tizilim --help)"), a);
			return EXIT_USAGE;
		}
	}
	o->first_cmd = i;
	return -1;
}

int cli_run(int argc, char **argv, const struct cli_opts *o)
{
	const char *name = argv[o->first_cmd];
	const struct command *c = NULL;
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(commands[i].name, name))
			c = &commands[i];
	if (!c) {
		cli_error(_("unknown command \"%s\" (see tizilim --help)"), name);
		return EXIT_USAGE;
	}
	char *def = o->db ? NULL : store_default_path();
	const char *path = o->db ? o->db : def;
	char err[512] = "";
	tz_db *db = store_open(path, c->creates, 0, err, sizeof err);
	if (!db) {
		cli_error(_("cannot open the database %s: %s"), path, err);
		free(def);
		return EXIT_DATA;
	}
	free(def);
	/* getopt_long in the commands starts over on their own argv. */
	optind = 0;
	int rc = c->fn(db, argc - o->first_cmd, argv + o->first_cmd);
	db_close(db);
	return rc;
}

int cmd_init(tz_db *db, int argc, char **argv)
{
	int demo = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--demo")) {
			demo = 1;
		} else {
			cli_error(_("init: unknown argument %s"), argv[i]);
			return EXIT_USAGE;
		}
	}
	if (demo && db_int_query(db, "SELECT count(*) FROM reg_version", 0) == 0 &&
	    store_load_demo(db)) {
		cli_error(_("init: cannot load the demo register: %s"), db_errmsg(db));
		return EXIT_DATA;
	}
	printf(_("Database %s is ready: %lld bodies, %lld classifier codes, %lld register rows.\n"),
	       db_path(db),
	       (long long)db_int_query(db, "SELECT count(*) FROM body", 0),
	       (long long)db_int_query(db, "SELECT count(*) FROM nkz", 0),
	       (long long)db_int_query(db, "SELECT count(*) FROM reg_row", 0));
	return EXIT_OK;
}

int cmd_check(tz_db *db, int argc, char **argv)
{
	(void)db; (void)argc; (void)argv;
	return EXIT_OK;
}

int cmd_diff(tz_db *db, int argc, char **argv)
{
	(void)db; (void)argc; (void)argv;
	return EXIT_OK;
}

int cmd_verify(tz_db *db, int argc, char **argv)
{
	(void)db; (void)argc; (void)argv;
	return EXIT_OK;
}
