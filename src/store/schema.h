/* schema — a database brought to this program's schema (data/schema.sql,
 * then data/migrate-N.sql for each version after the file's), inside one
 * transaction; the change log's triggers are made again after the steps
 * (audit_triggers), so that a column a step adds is logged too. */
#ifndef TZ_SCHEMA_H
#define TZ_SCHEMA_H

#include <stddef.h>

#include "store/db.h"

/* 0, or -1 with the reason in err (a newer schema than the program's is
 * refused, nothing changed). */
int schema_migrate(tz_db *db, char *err, size_t errlen);

#endif
