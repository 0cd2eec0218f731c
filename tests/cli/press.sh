#!/bin/sh
# The press release's placement on the authorized body's internet resource
# (cl. 12) from the command line, and dates that have not come yet: a
# placement is recorded with its day and place in both languages and shows
# in the deadlines done, or done so many working days late; an event dated
# after today is refused with the reason; publish prints what it publishes.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/c.db
t() { "$TZB" --db "$DB" "$@" >/dev/null 2>&1 || bad "setup" "tizilim $* failed"; }
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
nmsg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 ngettext tizilim "$2" "$3" "$4" | sed "s/%d/$4/"; }
FUTURE=$(msg kk '%s is later than today (%s): a step is recorded on the day it happened, not ahead of it.')
future() { printf '%s' "$FUTURE" | sed "s/%s/$1/; s/%s/$2/"; }

export TIZILIM_TODAY=2026-12-10
t init --demo
t review approve --all

# Days after today are refused, each with the reason, and nothing changes.
status "Council submission tomorrow" 3 "$TZB" --db "$DB" --lang kk cycle council-submit --date 2026-12-11
contains "says the day is later than today" "$(future 2026-12-11 2026-12-10)" "$out"
expect "not submitted" "" "$(q "select coalesce(council_sub_date, '') from cycle where year = 2026 and season = 'spring'")"
t cycle council-submit --date 2026-12-01
status "recommendations next year" 3 "$TZB" --db "$DB" --lang kk cycle recommendations --date 2027-01-05 --protocol 5
contains "recommendations: the reason" "$(future 2027-01-05 2026-12-10)" "$out"
t cycle recommendations --date 2026-12-02 --protocol 5
status "publish tomorrow" 3 "$TZB" --db "$DB" --lang kk publish --date 2026-12-11
contains "publish: the reason" "$(future 2026-12-11 2026-12-10)" "$out"
expect "publish refused: no backup taken" "" "$(ls -A "$TMP/backups" 2>/dev/null)"
expect "publish refused: still recommended" 1 "$(q "select count(*) from reg_version where state = 'recommended'")"

# publish prints what it publishes, then publishes.
status "publish" 0 "$TZB" --db "$DB" --lang ru publish --date 2026-12-03 --no-backup
V=$(q "select id from reg_version where state = 'published' order by id desc limit 1")
contains "publish: the version" "$(msg ru 'Register version %lld of the %s cycle, placed on %s.' | sed "s/%lld.*//")$V" "$out"
contains "publish: the mandatory section" "$(msg ru 'Mandatory section: added %d, excluded %d, amended %d.' | sed 's/:.*//')" "$out"
contains "publish: the voluntary section" "$(msg ru 'Voluntary section: added %d, excluded %d, amended %d.' | sed 's/:.*//')" "$out"

# The press release is due 3 working days after 3 December: 8 December.
status "deadlines before the placement" 0 "$TZB" --db "$DB" --lang kk deadlines --date 2026-12-10
contains "the press release overdue" "$(msg kk overdue)" "$(printf '%s\n' "$out" | grep -F 2026-12-08)"

status "placement without a place" 3 "$TZB" --db "$DB" --lang kk press placed --date 2026-12-10
contains "asks for the Kazakh place" "$(msg kk "Say where the press release was placed, in Kazakh: an address or the page's name.")" "$out"
status "placement tomorrow" 3 "$TZB" --db "$DB" --lang kk press placed --date 2026-12-11 --place enbek.gov.kz
contains "placement: the reason" "$(future 2026-12-11 2026-12-10)" "$out"
status "placement before the register's" 3 "$TZB" --db "$DB" --lang kk press placed --date 2026-12-02 --place enbek.gov.kz
contains "placement: not before the register" "2026-12-03" "$out"
status "placement with a control character" 3 "$TZB" --db "$DB" --lang kk press placed --date 2026-12-10 \
	--place-kk "$(printf 'a\033[2Jb')" --place-ru x
contains "placement: control character refused" "$(msg kk 'The place holds a control character or a line break: give it on one line.')" "$out"
expect "nothing recorded yet" 0 "$(q "select count(*) from press_placement")"

status "placement recorded" 0 "$TZB" --db "$DB" --lang kk press placed --date 2026-12-10 \
	--place-kk "enbek.gov.kz/kk/press" --place-ru "enbek.gov.kz/ru/press"
contains "placement: said" "2026-12-10" "$out"
contains "placement: late said" "2026-12-08" "$out"
expect "placement stored" "2026-12-10|enbek.gov.kz/kk/press|enbek.gov.kz/ru/press" \
	"$(q "select date, place_kk, place_ru from press_placement where version_id = $V")"
status "deadlines after the placement" 0 "$TZB" --db "$DB" --lang ru deadlines --date 2026-04-01
contains "ru: the press release done 2 working days late" \
	"$(nmsg ru 'done, %d working day late' 'done, %d working days late' 2)" "$(printf '%s\n' "$out" | grep -F 2026-12-08)"
contains "ru: the Council step done late" "$(nmsg ru 'done, %d working day late' 'done, %d working days late' 2 | sed 's/2.*//')" \
	"$(printf '%s\n' "$out" | grep -F 2026-04-01)"

# Recorded again (a corrected day): replaced, in time now.
status "placement corrected" 0 "$TZB" --db "$DB" press placed --date 2026-12-08 --place "enbek.gov.kz"
expect "one placement, corrected" "2026-12-08|enbek.gov.kz|enbek.gov.kz" \
	"$(q "select date, place_kk, place_ru from press_placement")"
status "deadlines: in time" 0 "$TZB" --db "$DB" --lang kk deadlines --date 2026-04-01
expect "in time: done" "$(msg kk done)" "$(printf '%s\n' "$out" | grep -F 2026-12-08 | grep -v : | sed 's/.*  //')"
done_tests
