#!/bin/sh
# The official numbering on the register screen (80x24, Kazakh and Russian):
# the № column keeps each row's official number under search, filter and
# sort; F2 keeps the cursor on the same row on the register, in the detail
# view and in a sorted view, so that F8 asks to delete the row the clerk was
# on; Shift+Down / + and Shift+Up / - move a row of the draft in the official
# order, the cursor staying on it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/o.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
q() { sqlite3 "$DB" "$1"; }

# The line on screen that shows a code and a name: its number column.
num_of() {  # num_of NAME-PREFIX CODE
	screen | awk -v n="$1" -v c="$2" 'index($0, n) && index($0, c) { print $1; exit }'
}
# The row the detail view is about: its title line.
detail_title() { line 1; }
STARTED=0
start() {  # start LANG NEEDLE: afresh, without the last session's sort (prefs)
	if [ $STARTED = 1 ]; then
		keys Escape Escape F10
		wait_dead || bad "quit" "$(pane_state)"
	fi
	STARTED=1
	rm -f "$XDG_CONFIG_HOME/tizilim/prefs"
	tz_start 80 24 "$TZB --db $DB --lang $1"
	wait_for "$2" || bad "start $1" "no [$2]: $(pane_state)"
}
# F8 on the register: the confirmation, then No (Esc).
delete_asks() {  # delete_asks NAME WANT
	keys F8
	wait_for "$2" || bad "$1: F8 names the row" "no [$2]: $(screen)"
	contains "$1: F8 names the row" "$2" "$(screen)"
	keys Escape
	wait_gone "$2" || bad "$1: Esc" "the question stays: $(screen)"
}

# --- Kazakh ---------------------------------------------------------------
start kk "Газбен кесуші"
# By name, the first row of the Kazakh register is Газбен кесуші, whose
# official number (code, then level) is 8.
contains "kk: first row by name" "Газбен кесуші" "$(line 4)"
expect "kk: its № is the official one" 8 "$(num_of "Газбен кесуші" 7212-2-001)"
expect "kk: 3221-0-004 is № 1" 1 "$(num_of "Мейіргер (жалпы" "3221-0-004 «Халық денс~ 4")"
# F2 on the first row: the cursor stays on it, though it is 2nd in Russian.
keys F2
wait_for "Газорезчик" || bad "kk F2" "no Russian: $(screen)"
contains "kk F2: status names the row's place in Russian" "Строка 2 из 35" "$(screen)"
delete_asks "kk F2" '7212-2-001 "Газорезчик"'
lacks "kk F2: not the row now first" '8332-1-002 "Водитель' "$(screen)"

# The detail view: F3 on Газорезчик, F2 there, back, F8.
keys F3
wait_for "7212-2-001 Газорезчик" || bad "detail" "no title: $(screen)"
keys F2
wait_for "7212-2-001 Газбен кесуші" || bad "detail F2" "the detail lost its row: $(screen)"
contains "detail F2: same row in Kazakh" "7212-2-001 Газбен кесуші" "$(detail_title)"
keys Escape
wait_for "1-жол, барлығы 35" || bad "detail Esc" "the register: $(screen)"
delete_asks "detail F2" '7212-2-001 "Газбен кесуші"'

# Search: the matches keep their numbers (not 1..n).
keys F7
for ch in г а з; do keys -l "$ch"; done
wait_for "табылды" || bad "search" "no count: $(screen)"
expect "search: Газбен кесуші keeps № 8" 8 "$(num_of "Газбен кесуші" 7212-2-001)"
lacks "search: a row without the letters is not shown" "Пісіруші" "$(screen)"
keys Enter
keys Escape
wait_gone "табылды" || bad "search Esc" "$(screen)"

# Filter: the mandatory section at level 4 only; numbers stay.
keys F6
wait_for "Сүзгі" || bad filter "no dialog: $(screen)"
keys Right Down Down Right Right Right
keys Enter
wait_for "Сүзгі:" || bad filter "no filter in the status: $(screen)"
expect "filter: Кран машинисі level 4 keeps № 16" 16 "$(num_of "Кран машинисі" "8343-1-001 «Азаматтық ~ 4")"
expect "filter: Мейіргер (жалпы бейін) level 4 keeps № 1" 1 "$(num_of "Мейіргер (жалпы" "3221-0-004 «Халық денс~ 4")"
lacks "filter: level 3 rows gone" "Газбен кесуші" "$(screen)"
# F2 under the filter: the cursor's row stays.
keys Down
keys F2
wait_for "Строка 2 из 4" || bad "filter F2: the nurse is second in Russian too" "$(screen)"
expect "filter, ru: Машинист крана level 4 keeps № 16" 16 "$(num_of "Машинист крана" "8343-1-001")"
expect "filter, ru: the nurse level 4 keeps № 1" 1 "$(num_of "Медицинская" "3221-0-004")"
keys F2
wait_for "2-жол" || bad "filter F2 back" "$(screen)"
delete_asks "filter F2" '3221-0-004 "Мейіргер'
# Start again without the filter.
start kk "Газбен кесуші"

# A sorted view (by level: ties go by the name in each language): Down 5,
# see the row in the detail view, F2, the same row.
keys '>' '>' '>'
wait_for "Сұрыпталуы: Деңгей" || bad "sort by level" "$(screen)"
keys Down Down Down Down Down
wait_for "6-жол" || bad "sorted: Down" "$(screen)"
# By level, then name: the 6th row in Kazakh is a level 3 row whose Russian
# name sorts elsewhere.
keys F3
wait_for "Тізілім жолы:" || bad "sorted F3" "$(screen)"
before=$(detail_title)
keys Escape
wait_for "6-жол" || bad "sorted Esc" "$(screen)"
keys F2
wait_for "Строка" || bad "sorted F2" "$(screen)"
keys F3
wait_for "Строка реестра:" || bad "sorted F2 F3" "$(screen)"
after=$(detail_title)
code_of() { printf '%s' "$1" | sed 's/^[^:]*: *\([^ ]*\) .*/\1/'; }
expect "sorted F2: the cursor stays on its row" "$(code_of "$before")" "$(code_of "$after")"
keys Escape
wait_for "Строка" || bad "sorted Esc" "$(screen)"
word=$(printf '%s' "$after" | awk '{print $4}')
delete_asks "sorted F2" "$(code_of "$after") \"$word"

# Moving a row in the official order: sort by № (the column before the
# name), the first row down one place; the cursor stays on it.
start kk "Газбен кесуші"
keys '<'
wait_for "Сұрыпталуы: Р/с" || bad "sort by №" "$(screen)"
expect "by №: first line is № 1" 1 "$(line 4 | awk '{print $1}')"
keys +
wait_for "2-жол, барлығы 35" || bad "move down" "the cursor did not follow: $(screen)"
expect "move down: № 1 is level 5 now" 1 "$(num_of "Мейіргер (жалпы" "3221-0-004 «Халық денс~ 5")"
expect "move down: the moved row is № 2" 2 "$(num_of "Мейіргер (жалпы" "3221-0-004 «Халық денс~ 4")"
keys -
wait_for "1-жол, барлығы 35" || bad "move up" "the cursor did not follow: $(screen)"
expect "move up: back to № 1" 1 "$(num_of "Мейіргер (жалпы" "3221-0-004 «Халық денс~ 4")"
keys F10

# --- Russian --------------------------------------------------------------
start ru "Водитель грузового"
contains "ru: first row by name" "Водитель грузового" "$(line 4)"
expect "ru: its № is the official one" 14 "$(num_of "Водитель грузового" 8332-1-002)"
keys F2
wait_for "Жүк көлігінің" || bad "ru F2" "no Kazakh: $(screen)"
delete_asks "ru F2" '8332-1-002 "Жүк көлігінің'
keys F2
wait_for "Водитель грузового" || bad "ru F2 back" "$(screen)"
delete_asks "ru F2 F2" '8332-1-002 "Водитель'
keys F7
for ch in г а з; do keys -l "$ch"; done
wait_for "найдено" || bad "ru search" "no count: $(screen)"
expect "ru search: Газорезчик keeps № 8" 8 "$(num_of "Газорезчик" 7212-2-001)"
keys F10

done_tests
