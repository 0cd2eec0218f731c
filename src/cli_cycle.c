#include "cli.h"
#include "i18n.h"

int cmd_cycle(tz_db *db, int argc, char **argv)
{
	(void)db;
	(void)argc;
	cli_error(_("%s: not available yet"), argv[0]);
	return EXIT_DATA;
}

int cmd_proposal(tz_db *db, int argc, char **argv)
{
	(void)db;
	(void)argc;
	cli_error(_("%s: not available yet"), argv[0]);
	return EXIT_DATA;
}

int cmd_review(tz_db *db, int argc, char **argv)
{
	(void)db;
	(void)argc;
	cli_error(_("%s: not available yet"), argv[0]);
	return EXIT_DATA;
}

int cmd_publish(tz_db *db, int argc, char **argv)
{
	(void)db;
	(void)argc;
	cli_error(_("%s: not available yet"), argv[0]);
	return EXIT_DATA;
}

int cmd_press(tz_db *db, int argc, char **argv)
{
	(void)db;
	(void)argc;
	cli_error(_("%s: not available yet"), argv[0]);
	return EXIT_DATA;
}

