#include "form.h"

int form_new_row(tz_db *db) { (void)db; return 0; }
int form_edit_row(tz_db *db, int64_t row_id) { (void)db; (void)row_id; return 0; }
int form_delete_row(tz_db *db, int64_t row_id) { (void)db; (void)row_id; return 0; }
