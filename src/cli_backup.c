#include "cli.h"
#include "i18n.h"

int cmd_backup(tz_db *db, int argc, char **argv)
{
	(void)db;
	(void)argc;
	cli_error(_("%s: not available yet"), argv[0]);
	return EXIT_DATA;
}

int cmd_restore(tz_db *db, int argc, char **argv)
{
	(void)db;
	(void)argc;
	cli_error(_("%s: not available yet"), argv[0]);
	return EXIT_DATA;
}

int cmd_package(tz_db *db, int argc, char **argv)
{
	(void)db;
	(void)argc;
	cli_error(_("%s: not available yet"), argv[0]);
	return EXIT_DATA;
}

