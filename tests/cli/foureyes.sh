#!/bin/sh
# Four eyes whatever made a change: the author of each change of the draft
# is the login that wrote it into the draft (form, import, package,
# proposal applied, amendment), and nobody approves a change they prepared,
# one by one or with --all; the refusal names who prepared it.  The demo
# register is prepared by "demo", not by whoever installed the program.
. "$(dirname "$0")/../lib.sh"

export TIZILIM_TODAY=2026-03-10
DB=$TMP/r.db
ME=$(id -un)
"$TZB" --db "$DB" init --demo >/dev/null || bad init "cannot make the demo database"
expect "the demo is the demo's" "demo" \
	"$(sqlite3 "$DB" "select group_concat(distinct login) from change_log where object = 'reg_row' and reason = '' and id > (select min(id) from change_log where login = 'demo')")"

# A change imported from a CSV by the administrator.
"$TZB" --db "$DB" export --lang kk -o "$TMP/kk.csv" >/dev/null
"$TZB" --db "$DB" export --lang ru -o "$TMP/ru.csv" >/dev/null
sed "s/,3221-0-004,«Халық/,3221-0-004,түзетілген «Халық/" "$TMP/kk.csv" > "$TMP/kk2.csv"
sed 's/,3221-0-004,Кодекс Республики Казахстан/,3221-0-004,Исправленный Кодекс Республики Казахстан/' "$TMP/ru.csv" > "$TMP/ru2.csv"
status "the administrator imports a change" 0 "$TZB" --db "$DB" import "$TMP/kk2.csv" "$TMP/ru2.csv"
status "and may not approve it" 3 "$TZB" --db "$DB" review approve 3221-0-004:4
contains "the refusal names who prepared it" "$ME" "$out"
status "a demo change is approved" 0 "$TZB" --db "$DB" review approve 5131-1-001:3
status "--all approves the others, not the administrator's own" 1 "$TZB" --db "$DB" review approve --all
expect "no approval of one's own change" 0 \
	"$(sqlite3 "$DB" "select count(*) from change_decision where nkz_code = '3221-0-004' and decision = 'approved'")"
expect "the others approved" 5 \
	"$(sqlite3 "$DB" "select count(*) from change_decision where stage = 'review' and decision = 'approved'")"

# A row removed by the administrator: also theirs.
grep -v ',3221-0-004,' "$TMP/kk.csv" > "$TMP/kk3.csv"
grep -v ',3221-0-004,' "$TMP/ru.csv" > "$TMP/ru3.csv"
status "the administrator removes a row by import" 0 "$TZB" --db "$DB" import "$TMP/kk3.csv" "$TMP/ru3.csv"
status "and may not approve its removal" 3 "$TZB" --db "$DB" review approve 3221-0-004:4
contains "the refusal names who removed it" "$ME" "$out"
done_tests
