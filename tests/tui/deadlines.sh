#!/bin/sh
# A cycle's deadlines as a clerk reads them, and publishing on purpose, at
# 80x24 in Kazakh and Russian.  The demo's spring 2026 cycle goes to the
# Council on 1 December, eight months after 1 April: its step shows done so
# many working days late, and 1 February 2026, a Sunday, shows moved to
# Monday 2 February with the reason.  Left and Right walk the cycles.
# Publishing shows what will be published and starts on Cancel: Enter there
# writes nothing (the database file and the backups folder are unchanged);
# Left, Enter publishes.  The published cycle's press release stays in view
# until its placement is recorded (P on the cycle screen), then shows done
# late by the working days past its deadline.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/c.db
t() { "$TZB" --db "$DB" "$@" >/dev/null 2>&1 || bad "setup" "tizilim $* failed"; }
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
nmsg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 ngettext tizilim "$2" "$3" "$4" | sed "s/%d/$4/"; }
# "done, %d working days late" up to the number, in language $1
late_word() { nmsg "$1" "done, %d working day late" "done, %d working days late" 5 | sed 's/5.*//'; }
sums() { sha256sum "$DB" | cut -d' ' -f1; ls -A "$TMP/backups" 2>/dev/null | tr '\n' ' '; }

export TIZILIM_TODAY=2026-12-10
t init --demo
t review approve --all
t cycle council-submit --date 2026-12-01
t cycle recommendations --date 2026-12-02 --protocol 5
V=$(q "select id from reg_version where state = 'recommended'")
[ -n "$V" ] || bad setup "no recommended version"

HELP_KK=$(msg kk Help)
tz_start 80 24 "cd $TMP && $TZB --db $DB 2>>$TMP/err"
wait_for "$HELP_KK" || bad start "no key bar: $(screen)"
open() {  # open LETTER NEEDLE: F9, the menu item's letter, wait for NEEDLE
	keys F9; sleep 0.2; keys "$1"
	wait_for "$2" || bad "open $1" "no [$2]: $(screen)"
}
date_in() {  # replaces the date field's value
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	keys -l "$1"
}

# --- publishing: the summary, cancelled with Enter --------------------------
open w "2026-12-02"
before=$(sums)
keys F6
wait_for "2026-12-10" || bad "publish dialog" "no date: $(screen)"
date_in 2026-12-03
keys Enter
wait_for "$(msg kk 'Publish it')" || bad "summary" "$(screen)"
s=$(screen)
contains "summary: the version" "$(msg kk 'Register version %lld of the %s cycle, placed on %s.' | sed 's/%lld.*//')$V" "$s"
contains "summary: the day of placement" "2026-12-03" "$s"
contains "summary: the mandatory section" "$(msg kk 'Mandatory section: added %d, excluded %d, amended %d.' | sed 's/:.*//')" "$s"
contains "summary: the voluntary section" "$(msg kk 'Voluntary section: added %d, excluded %d, amended %d.' | sed 's/:.*//')" "$s"
contains "summary: nothing left undecided" "$(msg kk 'No change is still returned or undecided.')" "$s"
keys Enter
wait_for "$(msg kk 'Nothing is published.')" || bad "cancelled" "$(screen)"
lacks "no backup question after Cancel" "backups/tizilim-" "$(screen)"
expect "cancel: still recommended" recommended "$(q "select state from reg_version where id = $V")"
expect "cancel: database and backups unchanged" "$before" "$(sums)"

# Esc at the backup question cancels too.
keys F6
wait_for "2026-12-10" && date_in 2026-12-03 && keys Enter
wait_for "$(msg kk 'Publish it')" && keys Left Enter
wait_for "backups/tizilim-" || bad "backup question" "$(screen)"
contains "backup question: publish without a copy" "$(msg kk 'Publish without a copy')" "$(screen)"
keys Escape
wait_for "$(msg kk 'Nothing is published.')" || bad "cancelled at the backup" "$(screen)"
expect "Esc at the backup: database and backups unchanged" "$before" "$(sums)"

# A day after today is refused before any question.
keys F6
wait_for "2026-12-10" && date_in 2026-12-11 && keys Enter
wait_for "2026-12-11" || bad "future refused" "$(screen)"
contains "future date: says so" "$(msg kk '%s is later than today (%s): a step is recorded on the day it happened, not ahead of it.' | sed 's/^%s//; s/(%s).*//')" "$(screen | tail -n 3)"
expect "future date: nothing written" "$before" "$(sums)"

# Confirmed: Left to the publish button, Enter; published without a copy.
keys F6
wait_for "2026-12-10" && date_in 2026-12-03 && keys Enter
wait_for "$(msg kk 'Publish it')" && keys Left Enter
wait_for "backups/tizilim-" && keys Right Enter
i=0; while [ "$(q "select state from reg_version where id = $V")" != published ] && [ $i -lt 60 ]; do
	sleep 0.05; i=$((i + 1)); done
expect "confirmed: published" published "$(q "select state from reg_version where id = $V")"
expect "placed on the day given" 2026-12-03 "$(q "select placed_date from cycle where year = 2026 and season = 'spring'")"
expect "no copy asked for, none made" "" "$(ls -A "$TMP/backups" 2>/dev/null)"

# --- the deadlines screen ----------------------------------------------------
# No cycle is open after the publication: spring 2027 is on view, and the
# spring 2026 press release (due 8 December) is still there, overdue.
keys Escape
sleep 0.3
open d "2027-02-01"
s=$(screen)
contains "kk: title names spring 2027" "2027" "$(line 1)"
press_kk=$(msg kk 'Press release of %s' | sed 's/%s.*//')
contains "kk: the pending press release in view" "$press_kk" "$s"
contains "kk: it is overdue" "$(nmsg kk "overdue by %d working day" "overdue by %d working days" 2)" "$s"
contains "kk: the keys for other cycles" "$(msg kk Left)" "$(line 23)"
lacks "kk: no command-line verb" "tizilim " "$s"
keys Left
wait_gone "2027-02-01" || bad "Left" "$(screen)"
contains "kk: Left is autumn 2026" "2026-09-01" "$(screen)"
keys Left
wait_for "2026-02-02" || bad "Left again" "$(screen)"
s=$(screen)
contains "kk: spring 2026" "2026-04-01" "$s"
contains "kk: 1 February moved to Monday 2 February" "2026-02-02 $(msg kk Monday)" "$s"
contains "kk: and why" "2026-02-01, $(msg kk Sunday)" "$s"
lw=$(late_word kk)
contains "kk: the Council step done late" "$lw" "$s"
n=$(printf '%s\n' "$s" | grep -a -F "$lw" | head -n 1 | sed "s/.*$lw//" | grep -a -o '^[0-9]*')
[ "${n:-0}" -gt 150 ] && ok "kk: eight months late in working days" || bad "late count" "[$n] $(screen)"
lacks "kk: the pending line not doubled" "$press_kk" "$s"
lacks "kk: no bare 'done' for the Council" "$(msg kk done)  " "$(screen | grep -F 2026-04-01)"

keys F2
wait_for "$(msg ru Sunday)" || bad "ru" "$(screen)"
s=$(screen)
contains "ru: moved to Monday 2 February" "2026-02-02 $(msg ru Monday)" "$s"
contains "ru: and why" "2026-02-01, $(msg ru Sunday), $(msg ru '%1$s, %2$s, is a day off: the term ends on the next working day' | sed 's/^%1\$s, %2\$s, //' | cut -c1-10)" "$s"
contains "ru: the Council step done late" "$(late_word ru)" "$s"
contains "ru: status line" "$(msg ru Left | cut -c1-5)" "$(line 23)"
keys Right
wait_for "2026-09-01" || bad "Right" "$(screen)"
keys Right
wait_for "2027-02-01" || bad "Right again" "$(screen)"
contains "ru: back at spring 2027 with the press release" "$(msg ru 'Press release of %s' | sed 's/%s.*//')" "$(screen)"

# --- the press release's placement, from the cycle screen ------------------
keys Escape
wait_gone "2027-02-01" || bad "back" "$(screen)"
open w "2026-12-03"
keys p
wait_for "$(msg ru 'Where, in Kazakh')" || bad "placement dialog" "$(screen)"
contains "placement: today by default" "2026-12-10" "$(screen)"
keys Down; keys -l "enbek.gov.kz/kk/press/12"
keys Down; keys -l "enbek.gov.kz/ru/press/12"
keys Enter
wait_for "$(msg ru 'The press release is recorded as placed on %s.' | sed 's/%s.*//')" || bad "placed" "$(screen)"
expect "placement stored" "2026-12-10|enbek.gov.kz/kk/press/12|enbek.gov.kz/ru/press/12" \
	"$(q "select date, place_kk, place_ru from press_placement where version_id = $V")"
wait_for "enbek.gov.kz/ru/press/12" || bad "the cycle screen shows where" "$(screen)"
contains "cycle screen: two working days late" "$(nmsg ru "done, %d working day late" "done, %d working days late" 2)" "$(screen)"

keys Escape
sleep 0.3
open d "2027-02-01"
lacks "ru: the press release no longer pending" "$(msg ru 'Press release of %s' | sed 's/%s.*//')" "$(screen)"
keys Left Left
wait_for "2026-02-02" || bad "spring 2026 again" "$(screen)"
contains "ru: press release done 2 working days late" \
	"$(nmsg ru 'done, %d working day late' 'done, %d working days late' 2)" "$(screen)"

keys F10
tm kill-server 2>/dev/null
[ -s "$TMP/err" ] && bad "stderr" "$(cat "$TMP/err")"
done_tests
