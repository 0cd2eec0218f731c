/* store — the database file a user works on: where the default one lives,
 * creating it with its reference data, and the demo register. */
#ifndef TZ_STORE_H
#define TZ_STORE_H

#include "store/db.h"

/* A connection (db_open) with the schema brought to this program's
 * (schema_migrate) and the change log attached (audit_attach): what every
 * use of a database but the shared host's checks needs.  NULL with err. */
tz_db *store_connect(const char *path, int create, char *err, size_t errlen);

/* A copy of db in memory, for checks that must write to look (the search
 * index's integrity check) on a database opened read-only.  NULL with err. */
tz_db *store_memory_copy(tz_db *db, char *err, size_t errlen);

/* $XDG_DATA_HOME/tizilim/tizilim.db (or ~/.local/share/...), malloc'd. */
char *store_default_path(void);

/* Opens path; with create, makes it (mode 0600) with reference data, and the
 * demo register when demo is set, if it does not exist yet. */
tz_db *store_open(const char *path, int create, int demo, char *err, size_t errlen);

/* Loads the reference data (bodies, NRK levels, calendar) into an empty
 * database; returns 0 or -1. */
int store_load_reference(tz_db *db);
int store_load_demo(tz_db *db);
/* 1 while the database holds the demonstration register (a version the
 * demo loaded), so that every screen can say so. */
int store_is_demo(tz_db *db);


#endif
