#!/bin/sh
# The reference screens, driven through tmux: the classifier browsed group by
# group and searched in upper-case Kazakh; bodies and levels in both
# languages; the calendar of 2026 and 2027 with its days off marked, a
# transfer added and the Kurban ait date set through the dialog, a malformed
# date refused.  Expected data come from the database, words from the catalogs.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/r.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
"$TZB" --db "$DB" import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 || bad init "import-nkz"
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
HELP_KK=$(msg kk Help); HELP_RU=$(msg ru Help)
MENU_ITEM=$(msg kk 'Backup...')
found() { printf "$(msg kk '%d found')" "$1"; }

start() {  # start [ENV...]: the program at 100x30, the register up
	tz_start 100 30 "$* $TZB --db $DB"
	wait_for "$HELP_KK" || bad start "no key bar: $(screen)"
}
open() {  # open LETTER NEEDLE
	keys F9; wait_for "$MENU_ITEM"; keys -l "$1"
	wait_for "$2" || bad "open $1" "no [$2]: $(screen)"
}

# --- the classifier ----------------------------------------------------------
OCC=7531-1-004
OCC_KK=$(q "SELECT name_kk FROM nkz WHERE code = '$OCC'")
OCC_RU=$(q "SELECT name_ru FROM nkz WHERE code = '$OCC'")
[ "$OCC_KK" = "Тігінші" ] || bad sample "the sample's $OCC is not Тігінші: $OCC_KK"
N_TIG=$(q "SELECT count(*) FROM nkz WHERE instr(fold_kk, 'тігінші') OR instr(fold_ru, 'тігінші')")
MAJOR1=$(q "SELECT name_kk FROM nkz WHERE code = '1'")
start
open c "$(msg kk 'Classifier (NKZ)')"
contains "classifier: major groups" "$MAJOR1" "$(screen)"
lacks "classifier: not the occupations" "$OCC_KK" "$(screen)"

# Upper case Kazakh finds the lower-case occupation and its groups.
keys -l 'ТІГІНШІ'
wait_for "$(found "$N_TIG")" || bad "search ТІГІНШІ" "no [$(found "$N_TIG")]: $(screen)"
contains "search finds the occupation" "$OCC $OCC_KK" "$(screen)"
lacks "search leaves others out" "$MAJOR1" "$(screen)"
# The occupation is indented under its groups (by level).
contains "indented by level" "      $OCC" "$(screen)"
keys BSpace
wait_for "$(msg kk 'Search:') ТІГІНШ " || bad "Backspace by letter" "$(screen | tail -n 2)"
keys Escape
wait_for "$MAJOR1" || bad "Esc clears the search" "$(screen)"
# A code prefix is a search too; F2 switches the names.
keys -l '7531-1'
wait_for "$OCC" || bad "code search" "$(screen)"
keys F2
wait_for "$OCC_RU" || bad "F2: Russian names" "$(screen)"
keys F2
wait_for "$OCC_KK"
keys Escape; wait_for "$MAJOR1"

# Browsing: Enter into 7, down to 75, back up with Backspace.
G7=$(q "SELECT name_kk FROM nkz WHERE code = '71'" | cut -c1-20)
keys Down Down Down Down Down Down Enter
wait_for "$G7" || bad "Enter on group 7" "no [$G7]: $(screen)"
contains "title names the path" "7 " "$(screen | head -n 1)"
keys BSpace
wait_for "$MAJOR1" || bad "Backspace: up" "$(screen)"
keys F10; wait_gone "$(msg kk 'Classifier (NKZ)')"

# --- bodies and levels ---------------------------------------------------------
B_KK=$(q "SELECT short_kk FROM body WHERE authorized = 1")
B_RU=$(q "SELECT short_ru FROM body WHERE authorized = 1")
B_NAME_RU=$(q "SELECT name_ru FROM body WHERE authorized = 1" | cut -c1-40)
open b "$B_KK"
contains "bodies: the authorized body first, both languages below" "$B_NAME_RU" "$(screen)"
expect "bodies: count in the title" \
	"$(q 'SELECT count(*) FROM body')" "$(screen | head -n 1 | sed 's/.*(\([0-9]*\)).*/\1/')"
keys F2
wait_for "$B_RU" || bad "bodies F2" "$(screen)"
keys F2; wait_for "$B_KK"
keys End
wait_for "$(printf "$(msg kk 'Row %d of %d')" "$(q 'SELECT count(*) FROM body')" "$(q 'SELECT count(*) FROM body')")" ||
	bad "bodies End" "$(screen | tail -n 2)"
keys F10
L1=$(q "SELECT descr_kk FROM nrk_level WHERE code = '1'" | cut -c1-30)
open l "$L1"
keys F10
open u "$(q "SELECT name_kk FROM council ORDER BY name_kk COLLATE BINARY LIMIT 1" | cut -c1-10)"
keys F10

# --- the calendar ----------------------------------------------------------------
start TIZILIM_TODAY=2026-03-10
open y "2026"
s=$(screen)
# 21-23 March: Nauryz (21 and 22 on the weekend, so 24 and 25 are off too).
contains "2026: 21, 22 March holidays" "21*22*" "$s"
contains "2026: 23 a holiday, 24 and 25 moved" "23*24+25+26 " "$s"
contains "2026: 8 March on a Sunday" " 8*" "$s"
contains "2026: Kurban ait in the title" "27" "$(screen | head -n 1)"
contains "legend" "$(msg kk 'moved day off')" "$s"
contains "cursor day named" "$(msg kk 'working day')" "$(screen | tail -n 2)"
keys NPage
wait_for "2027" || bad "PgDn" "no 2027: $(screen | head -n 1)"
s=$(screen)
contains "2027: 15 March (Constitution Day)" "15*16 " "$s"
lacks "2027: no 30 August holiday" "30*" "$(screen | grep -F ' 30' )"

# A transfer: 2027-04-05, a Monday, made a day off by decree.
keys F4
wait_for "$(msg kk 'YYYY-MM-DD')" || bad "F4 dialog" "$(screen)"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
keys -l '2027-04-05'
keys Enter
wait_gone "$(msg kk 'YYYY-MM-DD')" || bad "transfer saved" "$(screen)"
wait_for " 5! 6 " || bad "transfer marked" "$(screen)"
expect "transfer stored" "off" "$(q "SELECT kind FROM calendar_day WHERE date = '2027-04-05'")"
n=$(q "SELECT count(*) FROM change_log WHERE object = 'calendar_day' AND object_id = '2027-04-05'")
expect "transfer logged" 1 "$n"

# A malformed date is refused, named, and nothing is written.
keys F4; wait_for "$(msg kk 'YYYY-MM-DD')"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
keys -l '2027-02-30'
keys Enter
wait_for '"2027-02-30"' || bad "malformed date" "no message: $(screen)"
contains "dialog stays open" "$(msg kk 'YYYY-MM-DD')" "$(screen)"
keys Escape
wait_gone "$(msg kk 'YYYY-MM-DD')" || bad "Esc cancels" "$(screen)"
expect "nothing written" 0 "$(q "SELECT count(*) FROM calendar_day WHERE date LIKE '2027-02-%' OR date LIKE '2027-03-0%'")"

# Kurban ait of 2027 moved to 17 May: the old date goes, the new one is off.
keys F5; wait_for "$(msg kk 'YYYY-MM-DD')"
keys BSpace BSpace
keys -l '17'
keys Enter
wait_gone "$(msg kk 'YYYY-MM-DD')" || bad "Kurban saved" "$(screen)"
expect "Kurban: one date in 2027" "2027-05-17" \
	"$(q "SELECT group_concat(date) FROM calendar_day WHERE note_kk = 'Құрбан айт' AND date LIKE '2027-%'")"
# A public holiday's mark, not a decree's.
wait_for "17*18 " || bad "Kurban marked" "$(screen)"
contains "Kurban in the title" "17" "$(screen | head -n 1)"

# Removing the transfer puts 5 April back to a working day.
keys F4; wait_for "$(msg kk 'YYYY-MM-DD')"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
keys -l '2027-04-05'
keys Tab
REMOVE=$(msg kk 'as the rules say (remove the change)')
i=0; while [ $i -lt 4 ] && ! screen | grep -qF "< $REMOVE >"; do keys Right; sleep 0.1; i=$((i+1)); done
contains "remove chosen" "< $REMOVE >" "$(screen)"
keys Enter
wait_gone "$(msg kk 'YYYY-MM-DD')" || bad "remove saved" "$(screen)"
expect "transfer removed" 0 "$(q "SELECT count(*) FROM calendar_day WHERE date = '2027-04-05'")"

# 80x24: the months around the cursor, the legend and the key bar.
tm resize-window -t 0 -x 80 -y 24
i=0; while [ $i -lt 40 ] && ! last_line | grep -q "^1$HELP_KK"; do sleep 0.05; i=$((i+1)); done
sleep 0.2
expect "calendar 80x24: 24 lines" 24 "$(screen | wc -l)"
w=$(screen | wc -L); [ "$w" -le 80 ] && ok "calendar 80x24 width" || bad "calendar 80x24 width" "$w"
contains "calendar 80x24: key bar" "$HELP_KK" "$(last_line)"
keys F4; wait_for "$(msg kk 'YYYY-MM-DD')" || bad "dialog at 80x24" "$(screen)"
tm resize-window -t 0 -x 100 -y 30
sleep 0.3
contains "dialog survives the resize" "$(msg kk 'YYYY-MM-DD')" "$(screen)"
keys Escape
wait_gone "$(msg kk 'YYYY-MM-DD')"
keys PPage PPage
wait_for "2025" || bad "PgUp twice" "$(screen | head -n 1)"
# 2025: 3 January off by decree, 5 January (a Sunday) worked.
contains "2025: 3 January by decree" " 3! 4 " "$(screen)"
contains "2025: 5 January worked" " 5=" "$(screen)"

done_tests
