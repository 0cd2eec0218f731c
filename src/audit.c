#include "audit.h"

void audit_reason(tz_db *db, const char *why) { (void)db; (void)why; }

int audit_log(tz_db *db, const char *object, const char *object_id, const char *action,
              const char *before, const char *after)
{
	(void)db; (void)object; (void)object_id; (void)action; (void)before; (void)after;
	return 0;
}

int64_t audit_verify(tz_db *db, char *what, size_t len) { (void)db; (void)what; (void)len; return 0; }
