#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli_auth.h"
#include "cli/cli_backup.h"
#include "cli/cli_calendar.h"
#include "cli/cli_cycle.h"
#include "cli/cli_exchange.h"
#include "cli/cli_nkz.h"
#include "cli/cli_order.h"
#include "cli/cli_press.h"
#include "cli/cli_progress.h"
#include "cli/cli_proposal.h"
#include "cli/cli_review.h"
#include "store/audit.h"
#include "config.h"
#include "store/auth.h"
#include "store/integrity.h"
#include "base/i18n.h"
#include "domain/nkz.h"
#include "domain/ground.h"
#include "domain/register.h"
#include "domain/regnames.h"
#include "store/refdata.h"
#include "store/store.h"
#include "base/text.h"

/* Each command gets the open database and its own arguments, argv[0] being
 * the command's name; it parses its options itself and returns an exit
 * status. */
typedef int cmd_fn(tz_db *db, int argc, char **argv);
static cmd_fn cmd_init, cmd_check, cmd_diff, cmd_verify;

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
	{"import-nkz", cmd_import_nkz, 0, "FILE [--encoding ENCODING] [--sheet NAME] [--skip-invalid] [--changes]",
	 N_("import the occupation classifier (NKZ) from a CSV or XLSX file")},
	{"import", cmd_import, 0, "FILE [FILE2] [--encoding ENCODING] [--sheet NAME] [--replace-names]",
	 N_("import register rows from CSV or XLSX files in the Appendix layout (Kazakh, Russian or both) into the draft")},
	{"export", cmd_export, 0, "[--format csv|xlsx] [--lang kk|ru] [--encoding ENCODING] [--bom] [--version N] [-o FILE] | --format xlsx --diff [A B] -o FILE",
	 N_("export the register in the Appendix layout (CSV, or an XLSX sheet to print); with --diff, the review pack of the draft against the published register")},
	{"check", cmd_check, 0, "",
	 N_("validate every row of the draft register")},
	{"diff", cmd_diff, 0, "[A B]",
	 N_("compare two register versions (by default the published one and the draft)")},
	{"deadlines", cmd_deadlines, 0, "[--date YYYY-MM-DD]",
	 N_("print the deadlines of the cycle current at a date")},
	{"workdays", cmd_workdays, 0, "YYYY-MM-DD N",
	 N_("print the date N working days after a date")},
	{"verify", cmd_verify, 0, "[--head ENTRY:HASH]",
	 N_("check the database's integrity, references, schema, row counts, the seals of the published "
	    "versions and the change log, against a chain head kept outside the database if given")},
	{"user", cmd_user, 0, "list | add LOGIN ROLE [BODY] | remove LOGIN",
	 N_("show or change who may do what (roles: admin, ab_clerk, ab_approver, sb_clerk, reader)")},
	{"log", cmd_log, 0, "[--user LOGIN] [--object OBJECT] [--from DATE] [--to DATE] [--format text|tsv]",
	 N_("show the change log")},
	{"cycle", cmd_cycle, 0, "list | show [YEAR SEASON] | open YEAR spring|autumn | council-submit [--date DATE] | "
	 "recommendations --protocol N [--date DATE] [--return CODE:LEVEL ... --comment TEXT] | "
	 "recommendations show | recommendations approve|return|exclude CODE:LEVEL --item N [--text TEXT] | "
	 "recommendations amend CODE:LEVEL --item N [--text TEXT] [--section SECTION] [--level LEVEL] "
	 "[--validity N|none] [--body BODY] [--profile t|sg] [--name-kk/-ru TEXT] [--basis-kk/-ru TEXT] | "
	 "recommendations add CODE --item N --section SECTION --level LEVEL --validity N|none --body BODY "
	 "--profile t|sg --basis-kk TEXT --basis-ru TEXT",
	 N_("open a cycle and record its Council steps (dates default to today)")},
	{"proposal", cmd_proposal, 0, "list [YEAR SEASON] [--body BODY] | show ID | add|edit [ID] --body BODY --action include|exclude|amend "
	 "--section mandatory|voluntary --code CODE --levels 4,5 --validity N|none --profile t|sg --basis-kk/-ru "
	 "--safety-kk/-ru --demand-kk/-ru --standard-kk/-ru --legal-act-kk/-ru [--association ID] [--from FILE] | "
	 "association --body BODY --name-kk --name-ru | send ID | return ID --comment TEXT | agree --body BODY --protocol N | "
	 "submit --body BODY | check ID | remarks ID --text-kk --text-ru | resubmit ID | accept ID | reject ID --comment TEXT | "
	 "apply ID|--all  (each with [--date DATE])",
	 N_("proposals of the sectoral bodies and their review; --from FILE reads key=value lines with the same keys")},
	{"review", cmd_review, 0, "[show | approve CODE:LEVEL | approve --all | return CODE:LEVEL --comment TEXT | ground CODE:LEVEL --correction REASON]",
	 N_("review the draft against the published register, change by change")},
	{"publish", cmd_publish, 0, "[--date YYYY-MM-DD] [--no-backup]",
	 N_("publish the register formed per the Council's recommendations")},
	{"press", cmd_press, 0, "show [--lang kk|ru] | edit [FILE|-] --lang kk|ru | "
	 "placed [--date D] --place-kk TEXT --place-ru TEXT",
	 N_("the press release on the register's changes, in Kazakh and Russian")},
	{"backup", cmd_backup, 0, "FILE",
	 N_("copy the database consistently while others keep working")},
	{"restore", cmd_restore, 0, "FILE",
	 N_("replace the database with a checked backup")},
	{"package", cmd_package, 0, "export FILE [--body CODE] [--cycle YEAR SEASON] | import FILE [--dry-run] [--replace | --skip]",
	 N_("move a sectoral body's proposals between workstations as one file")},
	{"move", cmd_move, 0, "CODE:LEVEL up [N] | CODE:LEVEL down [N] | CODE:LEVEL NUMBER",
	 N_("move a row of the draft register in its official order and numbering")},
};

/* The words that stand for what the user types (FILE, YEAR ...), in the
 * interface's language; the options and the values typed as they are
 * (--body, spring) stay as they must be typed. */
static const char *const cli_metavars[][2] = {
	/* TRANSLATORS: placeholders in the command syntax of --help: upper case,
	 * one word each (a file name, a year ...) */
	{"FILE", N_("FILE")}, {"FILE2", N_("FILE2")}, {"NAME", N_("NAME")},
	{"ENCODING", N_("ENCODING")}, {"COMMAND", N_("COMMAND")}, {"ARGS", N_("ARGS")},
	{"ENTRY", N_("ENTRY")}, {"HASH", N_("HASH")}, {"LOGIN", N_("LOGIN")},
	{"ROLE", N_("ROLE")}, {"BODY", N_("BODY")}, {"OBJECT", N_("OBJECT")},
	{"DATE", N_("DATE")}, {"YEAR", N_("YEAR")}, {"SEASON", N_("SEASON")},
	{"CODE", N_("CODE")}, {"LEVEL", N_("LEVEL")}, {"TEXT", N_("TEXT")},
	{"ID", N_("ID")}, {"NUMBER", N_("NUMBER")}, {"REASON", N_("REASON")},
};

/* args with each placeholder word in the current language. */
static void cli_print_args(FILE *f, const char *args)
{
	const char *p = args;
	while (*p) {
		size_t n = 0;
		while ((p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9') ||
		       (n && p[n] == '-' && p[n + 1] >= 'A' && p[n + 1] <= 'Z'))
			n++;
		const char *word = NULL;
		if (n && (p == args || (p[-1] != '-' && p[-1] != '=')))
			for (size_t i = 0; i < sizeof cli_metavars / sizeof *cli_metavars; i++)
				if (strlen(cli_metavars[i][0]) == n && !strncmp(p, cli_metavars[i][0], n))
					word = _(cli_metavars[i][1]);
		if (word) {
			fputs(word, f);
			p += n;
		} else {
			size_t k = n ? n : 1;
			fwrite(p, 1, k, f);
			p += k;
		}
	}
}

static void usage(FILE *f)
{
	fprintf(f, _("Usage: tizilim [--db FILE] [--lang kk|ru] [COMMAND [ARGS]]\n"
	             "Without a command, opens the register in the terminal.\n\n"
	             "Commands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		fprintf(f, "  %s ", commands[i].name);
		cli_print_args(f, commands[i].args);
		fputc('\n', f);
		fprintf(f, "      %s\n", _(commands[i].help));
	}
	fprintf(f, _("\nOptions:\n"
	             "  --db FILE      the database (default: %s)\n"
	             "  --lang kk|ru   the language of messages and exported text\n"
	             "  --timing FILE  the terminal interface writes each key's handling time there\n"
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
	for (int j = 1; j < argc && argv[j][0] == '-'; j++) {
		if (!strcmp(argv[j], "--lang") && j + 1 < argc)
			o->lang = argv[++j];
		else if (!strncmp(argv[j], "--lang=", 7))
			o->lang = argv[j] + 7;
		else if (!strcmp(argv[j], "--db") || !strcmp(argv[j], "--timing"))
			j++;
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
			return cli_flushed(EXIT_OK);
		} else if (!strcmp(a, "--version")) {
			printf("tizilim %s\n", TIZILIM_VERSION);
			return cli_flushed(EXIT_OK);
		} else if (!strcmp(a, "--db") || !strcmp(a, "--lang") || !strcmp(a, "--timing")) {
			if (i + 1 >= argc) {
				cli_error(_("%s needs a value"), a);
				return EXIT_USAGE;
			}
			if (a[2] == 'd')
				o->db = argv[i + 1];
			else if (a[2] == 't')
				o->timing = argv[i + 1];
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
	return cli_flushed(rc);
}

static int cmd_init(tz_db *db, int argc, char **argv)
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
	if (demo && db_int_query(db, "SELECT count(*) FROM reg_version", 0) == 0) {
		/* Demo rows in a real register are a change like any other. */
		char why[512];
		if (auth_admin(db, why, sizeof why)) {
			cli_error("init: %s", why);
			return EXIT_DATA;
		}
		if (store_load_demo(db)) {
			cli_error(_("init: cannot load the demo register: %s"), db_errmsg(db));
			return EXIT_DATA;
		}
	}
	printf(_("Database %s is ready: %lld bodies, %lld classifier codes, %lld register rows.\n"),
	       db_path(db),
	       (long long)db_int_query(db, "SELECT count(*) FROM body", 0),
	       (long long)db_int_query(db, "SELECT count(*) FROM nkz", 0),
	       (long long)db_int_query(db, "SELECT count(*) FROM reg_row", 0));
	return EXIT_OK;
}

static const char *body_name(tz_db *db, int64_t id, char *buf, size_t len)
{
	ref_body(db, id, REF_SHORT, NULL, buf, len, "?");
	return buf;
}

/* A row whose name is not its occupation's in the classifier, on one line. */
static void check_name(void *ctx, const char *lang, const char *row_name, const char *nkz_name)
{
	const struct reg_row *r = ctx;
	char code[64], level[32], a[4096], b[4096];
	text_escape(code, sizeof code, r->nkz_code, 0);
	text_escape(level, sizeof level, r->level, 0);
	text_escape(a, sizeof a, row_name, 0);
	text_escape(b, sizeof b, nkz_name, 0);
	printf("%s %s: ", code, level);
	printf(!strcmp(lang, "kk")
	       ? _("Profession name (Kazakh): \"%s\" is not the classifier's name of this code, \"%s\", "
	           "by more than case and spacing.\n")
	       : _("Profession name (Russian): \"%s\" is not the classifier's name of this code, \"%s\", "
	           "by more than case and spacing.\n"), a, b);
}

static int check_ungrounded(void *ctx, const char *key)
{
	(void)ctx;
	char shown[128];
	printf(_("%s: the change has no ground (no proposal, no item of the Council's recommendations, "
	         "no technical correction).\n"), text_escape(shown, sizeof shown, key, 0));
	return 0;
}

static int cmd_check(tz_db *db, int argc, char **argv)
{
	/* By default the register on its way: the draft, else the one with
	 * the Council or being formed per its recommendations. */
	int64_t v = argc > 1 ? args_version(db, argv[1]) : reg_draft(db);
	if (argc <= 1 && !v)
		v = db_int_query(db, "SELECT id FROM reg_version WHERE state IN ('submitted', 'recommended') "
		                     "ORDER BY id DESC LIMIT 1", 0);
	if (argc > 2 || (argc > 1 && !v)) {
		cli_error(_("check: no register version \"%s\""), argc > 1 ? argv[1] : "");
		return EXIT_USAGE;
	}
	if (!v) {
		cli_error(_("check: there is no draft register"));
		return EXIT_DATA;
	}
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM reg_row WHERE version_id = :v "
	                               "ORDER BY section, nkz_code, level");
	db_int(st, ":v", v);
	long rows = 0, bad = 0;
	while (db_step(db, st) == SQLITE_ROW) {
		struct reg_row r;
		if (reg_row_load(db, sqlite3_column_int64(st, 0), &r))
			continue;
		rows++;
		struct problems p = {0};
		int problems = reg_validate(db, &r, &p) ? p.n : 0;
		for (int i = 0; i < problems; i++) {
			char code[64], level[32], msg[2 * TZ_PROBLEM_MSG];
			printf("%s %s: %s\n", text_escape(code, sizeof code, r.nkz_code, 0),
			       text_escape(level, sizeof level, r.level, 0),
			       text_escape(msg, sizeof msg, p.item[i].msg, 0));
		}
		/* A newer classifier renamed the occupation since the row was written. */
		char was[512], now[512], when[11];
		if (nkz_renamed_since(db, r.id, r.nkz_code, r.name_kk, r.name_ru, was, now, sizeof was,
		                      when) == 1) {
			char code[64], level[32], msg[1400];
			snprintf(msg, sizeof msg, _("the classifier imported on %s renamed this occupation "
			                            "from «%s» to «%s»: check the row's name"),
			         when, was, now);
			char shown[1600];
			printf("%s %s: %s\n", text_escape(code, sizeof code, r.nkz_code, 0),
			       text_escape(level, sizeof level, r.level, 0),
			       text_escape(shown, sizeof shown, msg, 0));
			problems++;
		} else {
			/* Otherwise a name typed for another occupation, or left in
			 * another wording. */
			problems += regnames_check(db, &r, check_name, &r);
		}
		if (problems)
			bad++;
		reg_row_free(&r);
	}
	sqlite3_finalize(st);
	printf(ngettext("%ld row checked, ", "%ld rows checked, ", (unsigned long)rows), rows);
	printf(ngettext("%ld with problems.\n", "%ld with problems.\n", (unsigned long)bad), bad);
	/* Order cl. 10: each change against the published register on a ground. */
	int ungrounded = ground_missing(db, v, check_ungrounded, NULL);
	if (ungrounded < 0)
		return cli_refused("check", db_errmsg(db));
	if (ungrounded)
		printf(ngettext("%d change without a ground: record the proposal, the Council's item or the "
		                "correction's reason (review ground).\n",
		                "%d changes without a ground: record the proposal, the Council's item or the "
		                "correction's reason (review ground).\n", (unsigned long)ungrounded), ungrounded);
	return bad || ungrounded ? EXIT_PROBLEMS : EXIT_OK;
}

struct diff_count { tz_db *db; long added, removed, changed; };

static int print_diff(void *ctx, enum reg_diff_kind kind, const struct reg_row *old,
                      const struct reg_row *neu, unsigned cols)
{
	struct diff_count *c = ctx;
	const struct reg_row *r = neu ? neu : old;
	char body[256], body_e[512], code[64], level[32], name[1024];
	text_escape(code, sizeof code, r->nkz_code, 0);
	text_escape(level, sizeof level, r->level, 0);
	text_escape(name, sizeof name, i18n_pick(r->name_kk, r->name_ru), 0);
	if (kind == DIFF_ADDED) {
		c->added++;
		printf("+ %s  %-4s %s (%s)\n", code, level, name,
		       text_escape(body_e, sizeof body_e, body_name(c->db, r->body_id, body, sizeof body), 0));
		return 0;
	}
	if (kind == DIFF_REMOVED) {
		c->removed++;
		printf("- %s  %-4s %s\n", code, level, name);
		return 0;
	}
	c->changed++;
	printf("~ %s  %-4s %s\n", code, level, name);
	static const struct { unsigned bit; const char *label; } col[] = {
		{COL_SECTION, N_("section")}, {COL_NAME, N_("name (column 2)")},
		{COL_BASIS, N_("basis (column 4)")}, {COL_VALIDITY, N_("validity (column 6)")},
		{COL_BODY, N_("sectoral body (column 7)")}, {COL_PROFILE, N_("profile (column 8)")},
	};
	for (size_t i = 0; i < sizeof col / sizeof *col; i++) {
		if (!(cols & col[i].bit))
			continue;
		char a[512], b[512];
		switch (col[i].bit) {
		case COL_SECTION:
			snprintf(a, sizeof a, "%s", reg_section_title(old->section));
			snprintf(b, sizeof b, "%s", reg_section_title(neu->section));
			break;
		case COL_NAME:
			snprintf(a, sizeof a, "%s", i18n_pick(old->name_kk, old->name_ru));
			snprintf(b, sizeof b, "%s", i18n_pick(neu->name_kk, neu->name_ru));
			break;
		case COL_BASIS:
			snprintf(a, sizeof a, "%s", i18n_pick(old->basis_kk, old->basis_ru));
			snprintf(b, sizeof b, "%s", i18n_pick(neu->basis_kk, neu->basis_ru));
			break;
		case COL_VALIDITY:
			reg_validity_label(old->validity, a, sizeof a);
			reg_validity_label(neu->validity, b, sizeof b);
			break;
		case COL_BODY:
			body_name(c->db, old->body_id, a, sizeof a);
			body_name(c->db, neu->body_id, b, sizeof b);
			break;
		default:
			snprintf(a, sizeof a, "%s", reg_profile_label(old->profile));
			snprintf(b, sizeof b, "%s", reg_profile_label(neu->profile));
		}
		char ea[1024], eb[1024];
		printf("    %s: %s -> %s\n", _(col[i].label), text_escape(ea, sizeof ea, a, 0),
		       text_escape(eb, sizeof eb, b, 0));
	}
	return 0;
}

static int cmd_diff(tz_db *db, int argc, char **argv)
{
	int64_t a, b;
	if (argc == 1) {
		a = reg_published(db);
		b = reg_draft(db);
		if (!a || !b) {
			cli_error(_("diff: there must be a published register and a draft to compare; "
			            "or name two versions"));
			return EXIT_DATA;
		}
	} else if (argc == 3) {
		a = args_version(db, argv[1]);
		b = args_version(db, argv[2]);
		if (!a || !b) {
			cli_error(_("diff: no register version \"%s\""), !a ? argv[1] : argv[2]);
			return EXIT_USAGE;
		}
	} else {
		cli_error(_("diff: give two versions, or none"));
		return EXIT_USAGE;
	}
	struct diff_count c = {db, 0, 0, 0};
	if (reg_diff(db, a, b, print_diff, &c)) {
		cli_error(_("diff: cannot read the register: %s"), db_errmsg(db));
		return EXIT_DATA;
	}
	printf(_("Version %lld against %lld: %ld added, %ld removed, %ld changed.\n"),
	       (long long)b, (long long)a, c.added, c.removed, c.changed);
	return EXIT_OK;
}

/* Prints each row of a check query; returns how many there were. */
static long report_rows(tz_db *db, const char *sql, const char *what)
{
	sqlite3_stmt *st = db_prep(db, sql);
	long n = 0;
	int rc;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) == SQLITE_TEXT && !strcmp(db_col_text(st, 0), "ok"))
			continue;
		n++;
		cli_progress_clear();
		printf("%s:", what);
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			putchar(' ');
			text_put(stdout, db_col_text(st, i), 0);
		}
		putchar('\n');
	}
	if (rc != SQLITE_DONE) {
		cli_progress_clear();
		printf("%s: %s\n", what, db_errmsg(db));
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

static void verify_report(void *ctx, const char *area, const char *what)
{
	(void)ctx;
	cli_progress_clear();
	printf("%s: %s\n", area, what);
}

/* verify's progress over its checks: SQLite's own three (the file, the
 * references, the search indexes), the change log's chain, then the
 * three of integrity_check; each counts the same. */
enum { VERIFY_STEPS = 7, VERIFY_PART = 1000 };

static void verify_at(int step, long done, long total)
{
	long part = total > 0 ? (long)(done * (double)VERIFY_PART / total) : 0;
	cli_progress_part(_("Checking the database"), (long)step * VERIFY_PART + part,
	                  (long)VERIFY_STEPS * VERIFY_PART);
}

static int verify_log_progress(void *ctx, long done, long total)
{
	(void)ctx;
	verify_at(3, done, total);
	return 0;
}

static int verify_checks_progress(void *ctx, long done, long total)
{
	(void)ctx;
	(void)total;
	verify_at(3 + (int)done, 1, 1);   /* check done of integrity_check is finished */
	return 0;
}

static int verify_all(tz_db *db, struct integrity_run *rp)
{
	struct integrity_run r = *rp;
	long n = 0;
	verify_at(0, 0, 1);
	n += report_rows(db, "PRAGMA integrity_check", _("integrity"));
	verify_at(1, 0, 1);
	n += report_rows(db, "PRAGMA foreign_key_check", _("broken reference"));
	verify_at(2, 0, 1);
	if (db_exec(db, "INSERT INTO reg_fts(reg_fts, rank) VALUES ('integrity-check', 1)") ||
	    db_exec(db, "INSERT INTO nkz_fts(nkz_fts, rank) VALUES ('integrity-check', 1)")) {
		cli_progress_clear();
		printf("%s: %s\n", _("search index"), db_errmsg(db));
		n++;
	}
	char what[512];
	if (audit_verify_with(db, verify_log_progress, NULL, what, sizeof what)) {
		char shown[1024];
		cli_progress_clear();
		printf("%s: %s\n", _("change log"), text_escape(shown, sizeof shown, what, 0));
		n++;
	}
	r.progress = verify_checks_progress;
	long m = integrity_check(db, &r);
	cli_progress_end();
	if (m < 0) {
		cli_error("verify: %s", r.err);
		return EXIT_DATA;
	}
	n += m;
	if (r.head_at)
		printf(_("The chain head given is change log entry %lld's: the log up to it is as it was "
		         "when the head was taken.\n"), (long long)r.head_at);
	/* Only a sound log's head is worth keeping. */
	if (!n && *r.now)
		printf(_("Chain head of the change log, to keep outside the database (verify --head): %s\n"),
		       r.now);
	if (n) {
		printf(ngettext("%ld problem found.\n", "%ld problems found.\n", (unsigned long)n), n);
		return EXIT_PROBLEMS;
	}
	printf("%s\n", _("The database is sound."));
	return EXIT_OK;
}

static int cmd_verify(tz_db *db, int argc, char **argv)
{
	struct integrity_run r = {.fn = verify_report};
	int64_t entry;
	char hash[65];
	if (argc == 3 && !strcmp(argv[1], "--head"))
		r.head = argv[2];
	else if (argc == 2 && !strncmp(argv[1], "--head=", 7))
		r.head = argv[1] + 7;
	if (argc > 1 && (!r.head || integrity_head_parse(r.head, &entry, hash))) {
		cli_error(_("verify: give --head the chain head as publish, backup or verify printed it "
		            "(ENTRY:HASH, or the 64 hex digits of the hash)"));
		return EXIT_USAGE;
	}
	/* A read-only copy (a backup on read-only media, a file kept 0444) is
	 * checked whole in memory: the search index's check writes to look. */
	tz_db *ro = NULL;
	if (sqlite3_db_readonly(db_sqlite(db), "main") == 1) {
		char err[512] = "";
		if (!(ro = store_memory_copy(db, err, sizeof err))) {
			cli_error(_("verify: cannot read %s into memory to check it: %s"), db_path(db), err);
			return EXIT_DATA;
		}
	}
	cli_progress_begin();
	int rc = verify_all(ro ? ro : db, &r);
	cli_progress_end();
	db_close(ro);
	return rc;
}

