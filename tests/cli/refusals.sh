#!/bin/sh
# Refusals leave no trace: a publication refused for the role or the state
# writes no backup first; a backup or export onto the database or a file
# SQLite keeps beside it is refused with those files as they were; a backup
# never replaces a file.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/r.db
"$TZB" --db "$DB" init --demo >/dev/null || bad init "cannot make the demo database"
sums() { for f in "$DB" "$DB-wal" "$DB-shm"; do [ -e "$f" ] && sha256sum < "$f"; done | tr '\n' ' '; }

# The login at the terminal made a reader, then an outsider.
sqlite3 "$DB" "UPDATE app_user SET role = 'reader' WHERE login = '$(id -un)'"
for i in 1 2 3; do
	status "reader publishes ($i)" 3 "$TZB" --db "$DB" publish --date 2026-06-01
done
[ ! -e "$TMP/backups" ] || [ -z "$(ls -A "$TMP/backups")" ] && ok "reader: no backup written" ||
	bad "reader: backups" "$(ls "$TMP/backups")"
sqlite3 "$DB" "INSERT INTO app_user (login, role, created) VALUES ('tz-nobody-here', 'admin', '2026-01-01T00:00:00Z');
               DELETE FROM app_user WHERE login = '$(id -un)'"
status "outsider publishes" 3 "$TZB" --db "$DB" publish --date 2026-06-01
[ ! -e "$TMP/backups" ] || [ -z "$(ls -A "$TMP/backups")" ] && ok "outsider: no backup written" ||
	bad "outsider: backups" "$(ls "$TMP/backups")"

# The database's own files are no target, existing or not.
DB2=$TMP/w.db
"$TZB" --db "$DB2" init --demo >/dev/null
"$TZB" --db "$DB2" verify >/dev/null
DB=$DB2
S0=$(sums)
for side in "" -wal -shm -journal; do
	status "backup onto$side" 3 "$TZB" --db "$DB2" backup "$DB2$side"
	contains "backup onto$side: named" "$DB2$side" "$out"
	status "CSV export onto$side" 3 "$TZB" --db "$DB2" export -o "$DB2$side"
	status "XLSX export onto$side" 3 "$TZB" --db "$DB2" export --format xlsx -o "$DB2$side"
done
status "backup onto the WAL by another name" 3 "$TZB" --db "$DB2" backup "$TMP/./w.db-wal"
[ ! -e "$DB2-journal" ] && ok "no -journal left" || bad "journal" "a -journal was made"
expect "the database's files as they were" "$S0" "$(sums)"
status "verify after the refusals" 0 "$TZB" --db "$DB2" verify

# A backup never replaces a file.
printf 'keep me\n' > "$TMP/mine.db"
status "backup over a file" 3 "$TZB" --db "$DB2" backup "$TMP/mine.db"
expect "the file kept" "keep me" "$(cat "$TMP/mine.db")"
status "backup to a new name" 0 "$TZB" --db "$DB2" backup "$TMP/new.db"
status "the same name again" 3 "$TZB" --db "$DB2" backup "$TMP/new.db"

# Only the program's own databases: another program's SQLite file is refused
# by every command, init included, and left byte for byte as it was.
F=$TMP/customers.db
sqlite3 "$F" "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer VALUES (1, 'Асель')"
FS=$(sha256sum < "$F")
for cmd in verify check "log" "user list" "export" init "backup $TMP/c.bak"; do
	status "foreign file: $cmd" 3 "$TZB" --db "$F" $cmd
	contains "foreign file: $cmd: says so" "басқа бағдарламаның SQLite дерекқоры" "$out"
done
expect "foreign file untouched" "$FS" "$(sha256sum < "$F")"
expect "foreign file: nothing beside it" "customers.db" "$(ls "$TMP" | grep '^customers')"
: > "$TMP/empty.db"
status "empty file: verify" 3 "$TZB" --db "$TMP/empty.db" verify
expect "empty file untouched" 0 "$(stat -c %s "$TMP/empty.db")"
status "empty file: init" 0 "$TZB" --db "$TMP/empty.db" init
expect "init marks the database" 1417309293 "$(sqlite3 "$TMP/empty.db" 'PRAGMA application_id')"
# A database made before the mark is still the program's, and gets it.
sqlite3 "$DB2" "PRAGMA application_id = 0"
status "unmarked database of the program" 0 "$TZB" --db "$DB2" verify
expect "marked when opened" 1417309293 "$(sqlite3 "$DB2" 'PRAGMA application_id')"

done_tests
