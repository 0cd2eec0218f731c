#!/bin/sh
# Dates on the command line as a clerk writes them: 20.03.2026 is the same
# day as 2026-03-20 for workdays and --date; a day that does not exist is
# refused (exit 2) naming what was typed, in either form.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/d.db
status "init" 0 "$TZB" --db "$DB" init
status "workdays, dotted" 0 "$TZB" --db "$DB" workdays 20.03.2026 2
expect "workdays, dotted: across Nauryz" "2026-03-27" "$out"
status "workdays, one-digit day" 0 "$TZB" --db "$DB" workdays 6.12.2026 1
expect "workdays, one-digit day" "$("$TZB" --db "$DB" workdays 2026-12-06 1)" "$out"
status "deadlines --date dotted" 0 "$TZB" --db "$DB" deadlines --date 15.01.2026
iso=$("$TZB" --db "$DB" deadlines --date 2026-01-15 2>&1)
expect "deadlines: the same as with the ISO date" "$iso" "$out"
status "no 31 February" 2 "$TZB" --db "$DB" workdays 31.02.2026 1
contains "the refusal names what was typed" "31.02.2026" "$out"
status "no two-digit year" 2 "$TZB" --db "$DB" workdays 06.12.26 1
contains "the refusal names it" "06.12.26" "$out"
done_tests
