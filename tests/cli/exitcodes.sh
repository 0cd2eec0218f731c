#!/bin/sh
# Every command through its failure modes, against README's promise: 0
# success, 1 a check found problems, 2 usage error, 3 data or I/O error.
# A run whose output could not be written has not succeeded; a refusal is
# not a finding; the messages name the real cause.
. "$(dirname "$0")/../lib.sh"

export TIZILIM_TODAY=2026-03-10
DB=$TMP/r.db
"$TZB" --db "$DB" init --demo >/dev/null || bad init "cannot make the demo database"
tr_() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim "$1"; }

# Usage errors: 2, whatever the command.
for cmd in "init --frob" "import-nkz" "import" "export --frob" "check x y z" "diff 1 2 3" \
	"deadlines --date x" "workdays" "user" "user frob" "log --frob" "cycle frob" "proposal frob" \
	"review frob" "publish --frob" "press frob" "backup" "restore" "package frob"; do
	status "usage: $cmd" 2 "$TZB" --db "$DB" $cmd
done

# No database: 3, nothing created.
for cmd in check diff verify "user list" log deadlines "press show" export "cycle list" "proposal list" review; do
	status "no database: $cmd" 3 "$TZB" --db "$TMP/none.db" $cmd
done
[ ! -e "$TMP/none.db" ] && ok "no database made" || bad "no database" "none.db was made"

# Output that cannot be written: 3, with the cause.
for cmd in check diff verify "user list" log deadlines "press show" "cycle list" \
	review export "workdays 2026-01-05 3" --help --version; do
	out=$("$TZB" --db "$DB" $cmd 2>&1 >/dev/full); s=$?
	expect "full output: $cmd" 3 "$s"
	[ -n "$out" ] && ok "full output: $cmd: says why" || bad "full output: $cmd" "no message"
done

# Refusals by role or by input: 3, never 1.
status "user add: no such login" 3 "$TZB" --db "$DB" user add tz-no-such-login-here reader
status "user remove: no such user" 3 "$TZB" --db "$DB" user remove tz-no-such-login-here
status "user add: sectoral clerk without a body" 3 "$TZB" --db "$DB" user add daemon sb_clerk
status "restore: not a backup" 3 "$TZB" --db "$DB" restore "$DB-nothing"
printf 'kk,ru\n' > "$TMP/bad.csv"
status "import: not the Appendix layout" 3 "$TZB" --db "$DB" import "$TMP/bad.csv"
status "import-nkz: not a classifier" 3 "$TZB" --db "$DB" import-nkz "$TMP/bad.csv"
sqlite3 "$DB" "UPDATE app_user SET role = 'reader' WHERE login = '$(id -un)'"
status "reader: user add" 3 "$TZB" --db "$DB" user add daemon reader
status "reader: restore" 3 "$TZB" --db "$DB" restore "$TMP/whatever.db"
out=$("$TZB" --lang kk --db "$DB" restore "$TMP/whatever.db" 2>&1)
contains "reader: restore names the task" "сақтық көшірмеден қалпына келтіре алмайды" "$out"
lacks "reader: restore is not about users" "пайдаланушыларды басқара" "$out"
status "reader: cycle open" 3 "$TZB" --db "$DB" cycle open 2026 autumn
status "reader: publish" 3 "$TZB" --db "$DB" publish
status "reader: review approve" 3 "$TZB" --db "$DB" review approve --all
sqlite3 "$DB" "UPDATE app_user SET role = 'admin' WHERE login = '$(id -un)'"

# A CSV saved as UTF-16 is named as such, not as "a NUL character".
printf '\377\376k\000k\000,\000r\000u\000\n\000' > "$TMP/u16.csv"
status "import of a UTF-16 file" 3 "$TZB" --lang ru --db "$DB" import "$TMP/u16.csv"
contains "names UTF-16" "UTF-16" "$out"
lacks "no NUL talk" "NUL" "$out"
printf 'k\000k\000,\000r\000u\000\n\000' > "$TMP/u16b.csv"
status "a UTF-16 file without its mark" 3 "$TZB" --db "$DB" import-nkz "$TMP/u16b.csv"
contains "names UTF-16 too" "UTF-16" "$out"

# Findings: 1.
status "check of the demo draft" 0 "$TZB" --db "$DB" check
sqlite3 "$DB" "DROP TRIGGER IF EXISTS reg_row_guard_published; UPDATE reg_row SET nkz_code = '9999-9-999' WHERE id = (SELECT min(id) FROM reg_row WHERE version_id = (SELECT max(id) FROM reg_version))" 2>/dev/null
status "check finds a row with an unknown code" 1 "$TZB" --db "$DB" check

done_tests
