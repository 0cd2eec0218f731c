#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/auth.h"
#include "store/refdata.h"
#include "domain/proposals.h"
#include "cli/cli_auth.h"
#include "cli/output.h"
#include "base/i18n.h"
#include "base/text.h"
#include "view/logwords.h"

/* A user as a clerk reads it: the role by its label and the body by its
 * short name (the stored words are what `user add` takes). */
static int print_user(void *ctx, const struct auth_user *u)
{
	tz_db *db = ctx;
	char login[256], loginp[288], role[256], body[512] = "-";
	if (*u->body_code)
		ref_body(db, proposals_body(db, u->body_code), REF_SHORT, NULL, body, sizeof body, u->body_code);
	printf("%s %s %.10s %.5s  %s\n", text_pad(loginp, sizeof loginp, text_escape(login, sizeof login, u->login, 0), 16),
	       text_pad(role, sizeof role, auth_role_label(u->role), 28), u->created,
	       strlen(u->created) > 11 ? u->created + 11 : "", body);
	return 0;
}

static int user_usage(void)
{
	cli_error(_("usage: tizilim user list | add LOGIN ROLE [BODY-CODE] [--reason TEXT] | "
	            "remove LOGIN [--reason TEXT]"));
	return EXIT_USAGE;
}

int cmd_user(tz_db *db, int argc, char **argv)
{
	static const struct option opts[] = {{"reason", required_argument, NULL, 'r'}, {0}};
	const char *reason = NULL;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c != 'r')
			return user_usage();
		reason = optarg;
	}
	/* Options may also follow the words: gather them from the rest. */
	const char *word[4] = {0};
	int nw = 0;
	for (int i = optind; i < argc; i++) {
		if (!strcmp(argv[i], "--reason") && i + 1 < argc)
			reason = argv[++i];
		else if (!strncmp(argv[i], "--reason=", 9))
			reason = argv[i] + 9;
		else if (nw < 4)
			word[nw++] = argv[i];
		else
			return user_usage();
	}
	if (!nw)
		return user_usage();
	char why[512];
	if (!strcmp(word[0], "list") && nw == 1) {
		if (auth_users(db, print_user, db)) {
			cli_error(_("cannot read the users: %s"), db_errmsg(db));
			return EXIT_DATA;
		}
		return EXIT_OK;
	}
	if (!strcmp(word[0], "add") && (nw == 3 || nw == 4)) {
		enum role r = auth_role_parse(word[2]);
		if (r == ROLE_NONE) {
			cli_error(_("user add: unknown role \"%s\"; the roles are admin, ab_clerk, "
			            "ab_approver, sb_clerk and reader"), word[2]);
			return EXIT_USAGE;
		}
		audit_reason(db, reason);
		if (auth_user_add(db, word[1], r, nw == 4 ? word[3] : NULL, why, sizeof why)) {
			cli_error("%s", why);
			return EXIT_DATA;
		}
		printf(_("%s now has the role: %s.\n"), word[1], auth_role_label(r));
		return EXIT_OK;
	}
	if (!strcmp(word[0], "remove") && nw == 2) {
		audit_reason(db, reason);
		if (auth_user_remove(db, word[1], why, sizeof why)) {
			cli_error("%s", why);
			return EXIT_DATA;
		}
		printf(_("%s is no longer a user of this database.\n"), word[1]);
		return EXIT_OK;
	}
	return user_usage();
}

struct log_out {
	tz_db *db;
	long n;
	int tsv;
};

/* For scripts: the stored identifiers (object, action, the raw delta),
 * tab-separated, one entry a line. */
static void print_entry_tsv(const struct audit_entry *e)
{
	const char *field[] = {e->at, e->login, e->object, e->object_id, e->action, e->reason, e->delta};
	printf("%lld", (long long)e->id);
	for (size_t i = 0; i < sizeof field / sizeof *field; i++) {
		putchar('\t');
		text_put(stdout, field[i], 0);
	}
	putchar('\n');
}

static int print_entry(void *ctx, const struct audit_entry *e)
{
	struct log_out *o = ctx;
	++o->n;
	if (o->tsv) {
		print_entry_tsv(e);
		return 0;
	}
	/* Each stored text escaped: an entry's reason or value holding a
	 * terminal command must neither run nor fake a line of its own.  The
	 * object, action and fields in the user's words (logwords.h). */
	char at[32], subject[512];
	snprintf(at, sizeof at, "%.10s %.8s", e->at, strlen(e->at) > 11 ? e->at + 11 : "");
	const char *field[] = {at, *e->login ? e->login : "?",
	                       logwords_subject(o->db, e, subject, sizeof subject),
	                       logwords_action(e->action)};
	printf("%lld", (long long)e->id);
	for (size_t i = 0; i < sizeof field / sizeof *field; i++) {
		fputs("  ", stdout);
		text_put(stdout, field[i], 0);
	}
	if (*e->reason) {
		fputs("  (", stdout);
		text_put(stdout, e->reason, 0);
		putchar(')');
	}
	char *changes = malloc(65536);
	if (changes && *logwords_changes(o->db, e, changes, 65536)) {
		fputs("  ", stdout);
		text_put(stdout, changes, 0);
	}
	free(changes);
	putchar('\n');
	return 0;
}

/* YYYY-MM-DD, a real date. */
static int is_date(const char *s)
{
	int y, m, d;
	char tail;
	return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
	       s[4] == '-' && s[7] == '-' && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int cmd_log(tz_db *db, int argc, char **argv)
{
	static const struct option opts[] = {
		{"user", required_argument, NULL, 'u'}, {"object", required_argument, NULL, 'o'},
		{"id", required_argument, NULL, 'i'}, {"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'}, {"format", required_argument, NULL, 'F'}, {0}};
	struct audit_filter f = {0};
	struct log_out out = {db, 0, 0};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'u': f.login = optarg; break;
		case 'o': f.object = optarg; break;
		case 'i': f.object_id = optarg; break;
		case 'f': f.from = optarg; break;
		case 't': f.to = optarg; break;
		case 'F':
			if (strcmp(optarg, "tsv") && strcmp(optarg, "text")) {
				cli_error(_("log: --format is text or tsv, not \"%s\""), optarg);
				return EXIT_USAGE;
			}
			out.tsv = !strcmp(optarg, "tsv");
			break;
		default:
			cli_error(_("log: unknown option %s; the options are --user LOGIN, --object OBJECT, "
			            "--id ID, --from DATE and --to DATE"), argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error(_("log: unexpected argument %s"), argv[optind]);
		return EXIT_USAGE;
	}
	if ((f.from && !is_date(f.from)) || (f.to && !is_date(f.to))) {
		cli_error(_("log: --%s wants a date as YYYY-MM-DD, not \"%s\""),
		          f.from && !is_date(f.from) ? "from" : "to",
		          f.from && !is_date(f.from) ? f.from : f.to);
		return EXIT_USAGE;
	}
	if (audit_query(db, &f, print_entry, &out)) {
		cli_error(_("cannot read the change log: %s"), db_errmsg(db));
		return EXIT_DATA;
	}
	if (!out.n)
		fprintf(stderr, "%s\n", _("No change log entries match."));
	return EXIT_OK;
}
