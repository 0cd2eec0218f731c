/* schema — a database brought to this program's schema (data/schema.sql,
 * then data/migrate-N.sql for each version after the file's), inside one
 * transaction; the change log's triggers are made again after the steps
 * (audit_triggers), so that a column a step adds is logged too. */
#ifndef TZ_SCHEMA_H
#define TZ_SCHEMA_H

#include <stddef.h>

#include "store/db.h"

/* SQLite's application_id of the program's databases ("Tzlm"): set by
 * schema_migrate, read by schema_identify. */
#define TZ_APPLICATION_ID 0x547A6C6D

enum schema_kind {
	SCHEMA_OURS,      /* marked as the program's, or older and ours by its tables */
	SCHEMA_EMPTY,     /* no schema at all: a new database */
	SCHEMA_FOREIGN,   /* another program's SQLite file */
};
/* What the open file is, read without writing anything. */
enum schema_kind schema_identify(tz_db *db);

/* 0, or -1 with the reason in err (a newer schema than the program's is
 * refused, nothing changed). */
int schema_migrate(tz_db *db, char *err, size_t errlen);

#endif
