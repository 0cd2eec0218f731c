#!/bin/sh
# The change log on the command line: every change listed with who, what and
# why, filters, and verify naming the entry altered, removed or inserted with
# the sqlite3 shell.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/log.db
me=$(id -un)
q() { sqlite3 "$DB" "$1"; }
nlog() { q "select count(*) from change_log"; }

T=$(printf '\t')
status "init" 0 $TZB --db "$DB" init --demo
status "verify a new database" 0 $TZB --db "$DB" verify

# The creator is the administrator, and that is logged.
status "log app_user" 0 $TZB --db "$DB" log --object app_user --format tsv
contains "creator's role logged" "app_user$T$me${T}insert" "$out"
contains "as admin" "role=admin" "$out"

# A role given and taken with a reason: who, what, why.
status "user add" 0 $TZB --db "$DB" user add nobody reader --reason "reads the drafts"
status "user remove" 0 $TZB --db "$DB" user remove nobody --reason "left the ministry"
status "log --object app_user" 0 $TZB --db "$DB" log --object app_user --user "$me" --format tsv
contains "add logged" "app_user${T}nobody${T}insert${T}reads the drafts${T}login=nobody, role=reader" "$out"
contains "remove logged with the row as it was" "app_user${T}nobody${T}delete${T}left the ministry${T}login=nobody, role=reader" "$out"
expect "entries by $me only" "" "$(printf '%s\n' "$out" | awk -v m="$me" '$3 != m')"

# A register row changed through an import: before -> after.
status "export" 0 $TZB --db "$DB" export --lang kk -o "$TMP/kk.csv"
line=$(grep -n ',Кодексі,4,' "$TMP/kk.csv" | head -1 | cut -d: -f1)
sed "${line}s/Кодексі,4,/Кодексі (жаңа),4,/" "$TMP/kk.csv" > "$TMP/kk2.csv"
status "import a change" 0 $TZB --db "$DB" import "$TMP/kk2.csv"
status "log reg_row" 0 $TZB --db "$DB" log --object reg_row --format tsv
last=$(printf '%s\n' "$out" | tail -1)
contains "row update logged" "$me${T}reg_row$T" "$last"
contains "as update" "${T}update$T" "$last"
contains "before -> after" "Кодексі -> " "$last"
contains "the new text" "Кодексі (жаңа)" "$last"
lacks "only what changed" "name_ru" "$last"

# The classifier import: one entry, naming the file's SHA-256.
n0=$(nlog)
status "import-nkz" 0 $TZB --db "$DB" import-nkz "$SHARED/data/nkz-sample.csv"
expect "one entry for the whole classifier" "$((n0 + 1))" "$(nlog)"
status "log nkz" 0 $TZB --db "$DB" log --object nkz
contains "summary has the file's hash" "$(sha256sum "$SHARED/data/nkz-sample.csv" | cut -d' ' -f1)" "$out"

# Filters by date; bad dates are usage errors.
today=$(date -u +%Y-%m-%d)
status "log --from today" 0 $TZB --db "$DB" log --from "$today" --object nkz
contains "today's entry" "nkz" "$out"
status "log --to long ago" 0 $TZB --db "$DB" log --to 2001-01-01
expect "nothing then" "" "$($TZB --db "$DB" log --to 2001-01-01 2>/dev/null)"
status "log --from bad" 2 $TZB --db "$DB" log --from 2025-13-45
contains "names the option" "--from" "$out"
status "log --bogus" 2 $TZB --db "$DB" log --bogus

status "verify after all that" 0 $TZB --db "$DB" verify

# Tampering with the sqlite3 shell: each copy broken one way.
tamper() { cp "$DB" "$TMP/t.db"; sqlite3 "$TMP/t.db" "$1"; }
# names NAME ID: verify's output names entry ID (as a number, in any language)
names() { if printf '%s\n' "$out" | grep -qw -- "$2"; then ok "$1"; else bad "$1" "no entry $2 in [$out]"; fi; }
at3=$(q "select at from change_log where id = 3")
q "pragma wal_checkpoint(truncate)" >/dev/null

tamper "UPDATE change_log SET after = json_object('role', 'admin') WHERE id = 3"
status "verify: entry altered" 1 $TZB --db "$TMP/t.db" verify
names "names entry 3" 3
contains "and its time" "$at3" "$out"

tamper "DELETE FROM change_log WHERE id = 3"
status "verify: entry removed" 1 $TZB --db "$TMP/t.db" verify
names "names the removed entry" 3

cnt=$(nlog)
tamper "INSERT INTO change_log(at, login, object, object_id, action, after, hash) VALUES ('2025-01-01T00:00:00Z', '$me', 'app_user', 'mallory', 'insert', '{}', '$(printf x | sha256sum | cut -d' ' -f1)')"
status "verify: entry inserted" 1 $TZB --db "$TMP/t.db" verify
names "names the inserted entry" $((cnt + 1))

tamper "DELETE FROM change_log WHERE id = $cnt"
status "verify: newest removed" 1 $TZB --db "$TMP/t.db" verify
names "names the newest" $cnt

tamper "UPDATE reg_row SET basis_ru = 'x' WHERE id = (SELECT max(id) FROM reg_row WHERE version_id = (SELECT id FROM reg_version WHERE state = 'draft'))"
status "verify: row changed outside" 1 $TZB --db "$TMP/t.db" verify
names "the shell's change is found" $((cnt + 1))
contains "and its object" "reg_row" "$out"

# The untouched database still verifies.
status "original still sound" 0 $TZB --db "$DB" verify

done_tests
