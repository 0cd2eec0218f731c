#!/bin/sh
# The working-day calendar and the cycle's deadlines: workdays and deadlines.
. "$(dirname "$0")/../lib.sh"

# The words the program prints, in the language asked for, from the same
# catalogs, so that these tests hold once the catalogs are translated.
t() { LANGUAGE=$1 TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -d tizilim "$2"; }
# line NEEDLE TEXT: the first table line of TEXT (after the "as of" line)
# that contains NEEDLE
line() { printf '%s\n' "$2" | sed 1d | grep -F -m1 -- "$1"; }

DB=$TMP/c.db
status "init" 0 "$TZB" --db "$DB" init

# --- workdays -------------------------------------------------------------
# Friday 20 March 2026; 21-23 March Nauryz, 21 and 22 on the weekend move to
# Tuesday 24 and Wednesday 25: the working days after are Thu 26, Fri 27.
status "workdays across Nauryz" 0 "$TZB" --db "$DB" workdays 2026-03-20 2
expect "workdays across Nauryz" "2026-03-27" "$out"
status "workdays 1 across Nauryz" 0 "$TZB" --db "$DB" workdays 2026-03-20 1
expect "workdays 1 across Nauryz" "2026-03-26" "$out"
status "workdays 0" 0 "$TZB" --db "$DB" workdays 2026-03-22 0
expect "workdays 0 is the day itself" "2026-03-22" "$out"
# Friday before a Monday holiday (6 July 2026): the second working day is Wed.
status "remarks before a holiday" 0 "$TZB" --db "$DB" workdays 2026-07-03 2
expect "remarks before a holiday" "2026-07-08" "$out"
# 2025 decree: Friday 3 January off, Sunday 5 January worked.
status "decree" 0 "$TZB" --db "$DB" workdays 2025-01-02 1
expect "the worked Sunday counts" "2025-01-05" "$out"
# 30 August 2026 (a Sunday) cancelled: Monday 31 August is worked.
status "cancelled holiday" 0 "$TZB" --db "$DB" workdays 2026-08-28 1
expect "Monday 31 August worked" "2026-08-31" "$out"
# 15 March 2027, a Monday, is a holiday.
status "15 March 2027" 0 "$TZB" --db "$DB" workdays 2027-03-12 1
expect "15 March 2027 is off" "2027-03-16" "$out"
# Kurban ait 2027 on a Sunday does not move.
status "Kurban ait on a Sunday" 0 "$TZB" --db "$DB" workdays 2027-05-14 1
expect "Monday after Kurban ait worked" "2027-05-17" "$out"
status "largest count" 0 "$TZB" --db "$DB" workdays 2026-01-01 3650

# A clerk's override takes effect at once.
sqlite3 "$DB" "INSERT INTO calendar_day(date, kind) VALUES ('2026-03-26', 'off')"
status "override" 0 "$TZB" --db "$DB" workdays 2026-03-20 1
expect "an added day off is skipped" "2026-03-27" "$out"
sqlite3 "$DB" "DELETE FROM calendar_day WHERE date = '2026-03-26'"

for bad in 2026-02-30 2025-02-29 2026-13-01 26-03-20 2026-3-20 garbage ""; do
	status "bad date [$bad]" 2 "$TZB" --db "$DB" workdays "$bad" 1
	contains "bad date [$bad] named" "\"$bad\"" "$out"
	expect "bad date [$bad] no date printed" "" "$(printf '%s\n' "$out" | grep -E '^[0-9]{4}-')"
done
for bad in -1 3651 2x 1.5 "" +3; do
	status "bad count [$bad]" 2 "$TZB" --db "$DB" workdays 2026-03-20 "$bad"
	contains "bad count [$bad] named" "\"$bad\"" "$out"
done
status "no arguments" 2 "$TZB" --db "$DB" workdays
status "one argument" 2 "$TZB" --db "$DB" workdays 2026-03-20
status "three arguments" 2 "$TZB" --db "$DB" workdays 2026-03-20 1 2

# --- deadlines ------------------------------------------------------------
status "spring 2027" 0 "$TZB" --db "$DB" --lang kk deadlines --date 2027-01-20
title=$(t kk "Spring cycle %d" | sed 's/%d/2027/')
contains "spring 2027 title" "$title" "$out"
lacks "no autumn" "$(t kk "Autumn cycle %d" | sed 's/%d//')" "$out"
p=$(line 2027-02-01 "$out")
contains "proposals due 1 February" "2027-02-01" "$p"
contains "1 February 2027 is a Monday" "$(t kk Monday)" "$p"
contains "8 working days left" " 8 " "$p"
c=$(line 2027-04-01 "$out")
contains "Council 1 April" "$(t kk Thursday)" "$c"
contains "placement waits for the recommendations" \
	"$(t kk "Register placed on the platform")" "$out"
lacks "no other year" "2026-" "$out"

status "today from the environment" 0 env TIZILIM_TODAY=2027-01-20 "$TZB" --db "$DB" --lang kk deadlines
contains "TIZILIM_TODAY" "2027 жылғы 20 қаңтар, сәрсенбі" "$out"
contains "TIZILIM_TODAY cycle" "$title" "$out"

# 1 February 2026 is a Sunday: the term ends on Monday 2 February (the Civil
# Code's rule for a term whose last day is a day off), and the table says why.
moved=$(t ru "%1\$s, %2\$s, is a day off: the term ends on the next working day" |
	sed "s/%1\$s/2026-02-01/; s/%2\$s/$(t ru Sunday)/")
status "day off deadline" 0 "$TZB" --db "$DB" --lang ru deadlines --date 2026-01-30
p=$(line "$(t ru "Proposals to the authorized body")" "$out")
contains "moved to Monday 2 February" "2026-02-02  $(t ru Monday)" "$p"
contains "says it moved and why" "$moved" "$p"
contains "one working day left" "$(t ru "due in %d working day" | sed 's/%d/1/')" "$p"
lacks "1 April not moved" "2026-04-01, " "$(line 2026-04-01 "$out")"
status "the Sunday itself" 0 "$TZB" --db "$DB" deadlines --date 2026-02-01
lacks "not due on the Sunday" "$(t kk "due today")" "$(line 2026-02-02 "$out")"
status "the Monday" 0 "$TZB" --db "$DB" deadlines --date 2026-02-02
contains "inclusive: due on the Monday" "$(t kk "due today")" "$(line 2026-02-02 "$out")"
status "day after" 0 "$TZB" --db "$DB" deadlines --date 2026-02-03
lacks "not due after it" "$(t kk "due today")" "$(line 2026-02-02 "$out")"

# The cycle turns over the day after each Council submission.
status "1 April" 0 "$TZB" --db "$DB" deadlines --date 2026-04-01
contains "1 April still spring" "2026-02-01" "$out"
status "2 April" 0 "$TZB" --db "$DB" deadlines --date 2026-04-02
contains "2 April autumn" "2026-09-01" "$out"
contains "2 April autumn" "2026-11-01" "$out"
status "2 November" 0 "$TZB" --db "$DB" deadlines --date 2026-11-02
contains "2 November next spring" "2027-02-01" "$out"

# Recorded dates: the placement is due 10 working days after the
# recommendations (Fri 20 Nov 2026 -> Fri 4 Dec), the press release 3 after
# placement (Fri 11 Dec -> Thu 17 Dec, past the 16 December holiday).
sqlite3 "$DB" "INSERT INTO cycle(year, season, council_rec_date) VALUES (2026, 'autumn', '2026-11-20')"
status "recommendations recorded" 0 "$TZB" --db "$DB" deadlines --date 2026-12-01
contains "the previous cycle is still open" "2026-12-04" "$out"
contains "and the new one shown" "2027-02-01" "$out"
status "placement overdue" 0 "$TZB" --db "$DB" deadlines --date 2026-12-07
contains "overdue" "$(t kk overdue)" "$(line 2026-12-04 "$out")"
sqlite3 "$DB" "UPDATE cycle SET placed_date = '2026-12-11'"
status "placed" 0 "$TZB" --db "$DB" deadlines --date 2026-12-14
contains "press release after the holiday" "2026-12-17" "$out"
# Its press release's placement not recorded, the cycle stays listed.
status "press release not placed" 0 "$TZB" --db "$DB" deadlines --date 2026-12-21
contains "the press release still listed" "2026-12-17" "$out"
contains "and overdue" "$(t kk overdue)" "$(line 2026-12-17 "$out")"
sqlite3 "$DB" "INSERT INTO reg_version(cycle_id, state, created, published)
	SELECT id, 'published', '2026-12-11T10:00:00Z', '2026-12-11T10:00:00Z' FROM cycle WHERE year = 2026 AND season = 'autumn';
	INSERT INTO press_placement(version_id, date, place_kk, place_ru, updated, login)
	SELECT max(id), '2026-12-16', 'enbek.gov.kz', 'enbek.gov.kz', '2026-12-16T10:00:00Z', 'clerk' FROM reg_version"
status "all done" 0 "$TZB" --db "$DB" deadlines --date 2026-12-21
lacks "closed cycle not shown" "2026-12-17" "$out"

status "bad --date" 2 "$TZB" --db "$DB" deadlines --date 2026-02-30
contains "bad --date named" "2026-02-30" "$out"
status "--date without value" 2 "$TZB" --db "$DB" deadlines --date
status "unknown argument" 2 "$TZB" --db "$DB" deadlines --when 2026-01-01
contains "unknown argument named" "--when" "$out"

done_tests
