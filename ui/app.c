#include "ui.h"

#include <stdio.h>

int ui_run(tz_db *db)
{
	(void)db;
	fprintf(stderr, "the terminal interface is not built yet\n");
	return 3;
}
