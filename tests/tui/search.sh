#!/bin/sh
# The register screen's search, filter, sort and detail, driven through tmux
# on the demo register: upper-case Kazakh finds mixed-case names, one or two
# letters work, Backspace removes a letter, Esc clears; the F6 dialog filters
# (shown in the status line), sorts and survives 80x24; F3 shows both
# languages.  Expected rows come from the database, words from the catalogs.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/s.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
q() { sqlite3 "$DB" "$1"; }
V=$(q "SELECT id FROM reg_version WHERE state = 'draft'")
W="version_id = $V"
# A message as the Kazakh catalog has it (or the msgid while untranslated).
kk() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim "$1"; }
found() { printf "$(kk '%d found')" "$1"; }
rows_of() { printf "$(kk 'Row %d of %d')" 1 "$1"; }
keybar_digits() { last_line | sed 's/[^0-9][^0-9]*/ /g; s/^ *//; s/ *$//'; }
search_line() { screen | sed -n "$(( $(screen | wc -l) - 1 ))p"; }

N_EL=$(q "SELECT count(*) FROM reg_row WHERE $W AND (instr(fold_kk, 'электр') OR instr(fold_ru, 'электр'))")
N_T=$(q "SELECT count(*) FROM reg_row WHERE $W AND (substr(fold_kk, 1, 1) = 'т' OR substr(fold_ru, 1, 1) = 'т')")
N_TI=$(q "SELECT count(*) FROM reg_row WHERE $W AND (substr(fold_kk, 1, 2) = 'ті' OR substr(fold_ru, 1, 2) = 'ті')")
N_CODE=$(q "SELECT count(*) FROM reg_row WHERE $W AND nkz_code LIKE '7212%'")
N_ASP=$(q "SELECT count(*) FROM reg_row WHERE $W AND name_kk = 'Аспаз'")
[ "$N_EL" -gt 1 ] && [ "$N_T" -gt "$N_TI" ] && [ "$N_TI" -gt 0 ] && [ "$N_ASP" -gt 0 ] ||
	bad demo "the demo register lacks the names this test needs"
FIRST_KK=$(q "SELECT name_kk FROM reg_row WHERE $W AND section = 'mandatory' ORDER BY sort_kk, level LIMIT 1")
HEAD_KK=$(q "SELECT substr('$FIRST_KK', 1, 12)")

tz_start 100 30 "$TZB --db $DB"
wait_for "$HEAD_KK" || bad start "no register: $(screen)"
expect "key bar" "1 2 3 4 5 6 7 8 9 10" "$(keybar_digits)"
expect "no marks before a search" 0 "$(tm capture-pane -p -e -t 0 | grep -c '[[;]43m')"

# Upper-case Kazakh, typed as Cyrillic, finds names written in mixed case.
keys F7
keys -l 'ЭЛЕКТР'
wait_for "$(found "$N_EL")" || bad "search ЭЛЕКТР" "no [$(found "$N_EL")]: $(screen)"
contains "search finds a mixed-case name" "Электр жабдығын" "$(screen)"
lacks "search leaves others out" "Аспаз" "$(screen)"
contains "search line shows the query" "ЭЛЕКТР" "$(search_line)"
n=$(tm capture-pane -p -e -t 0 | grep -c '[[;]43m')
[ "$n" -ge "$N_EL" ] && ok "matches marked" || bad "matches marked" "$n marked lines, want $N_EL"

# Esc clears it and every row is back.
keys Escape
wait_for "$HEAD_KK" || bad "Esc" "the full register is not back: $(screen)"
lacks "Esc: search line gone" "ЭЛЕКТР" "$(screen)"

# One letter, then three, then Backspace by letter: ТІГ less two is Т.
keys '/'
keys -l 'т'
wait_for "$(found "$N_T")" || bad "one letter" "no [$(found "$N_T")]: $(search_line)"
keys -l 'ІГ'
wait_for "$(found 2)" || bad "ТІГ" "no [$(found 2)]: $(search_line)"
contains "ТІГ finds Тігінші" "Тігінші" "$(screen)"
keys BSpace
wait_for "$(found "$N_TI")" || bad "Backspace" "no [$(found "$N_TI")] after one: $(search_line)"
keys BSpace
wait_for "$(found "$N_T")" || bad "Backspace" "no [$(found "$N_T")] after two: $(search_line)"

# Enter keeps the result while browsing; Esc then clears it.
keys BSpace
keys -l 'аспаз'
wait_for "$(found "$N_ASP")" || bad "lower case" "no [$(found "$N_ASP")]: $(search_line)"
keys Enter Down
sleep 0.2
contains "Enter keeps the result" "$(found "$N_ASP")" "$(screen)"
lacks "Enter keeps the result: no others" "$HEAD_KK" "$(screen)"
keys Escape
wait_for "$HEAD_KK" || bad "Esc after Enter" "the full register is not back"

# The Russian layout's '.' (the '/' key) opens it too; a code prefix.
keys '.'
keys -l '7212'
wait_for "$(found "$N_CODE")" || bad "code" "no [$(found "$N_CODE")]: $(search_line)"
keys Escape
wait_for "$HEAD_KK"
# A code typed without its hyphens finds its row.
C8=$(q "SELECT nkz_code FROM reg_row WHERE $W AND nkz_code GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9][0-9]' ORDER BY nkz_code LIMIT 1")
N_C8=$(q "SELECT count(*) FROM reg_row WHERE $W AND nkz_code = '$C8'")
keys '.'
keys -l "$(echo "$C8" | tr -d -)"
wait_for "$(found "$N_C8")" || bad "code without hyphens" "no [$(found "$N_C8")] for $C8: $(search_line)"
contains "the row of $C8 is shown" "$C8" "$(screen)"
keys Escape
wait_for "$HEAD_KK"

# F6: the mandatory section only, then also level 2: the status line says so.
MAND=$(kk 'mandatory section')
N_M=$(q "SELECT count(*) FROM reg_row WHERE $W AND section = 'mandatory'")
N_M2=$(q "SELECT count(*) FROM reg_row WHERE $W AND section = 'mandatory' AND level = (SELECT min(level) FROM reg_row WHERE $W)")
keys F6
wait_for "$(kk 'Filter, sort and columns')" || bad F6 "no dialog: $(screen)"
keys Right Enter
wait_gone "$(kk 'Filter, sort and columns')"
contains "filter in the status" "$(kk 'Filter'): $MAND" "$(line 29)"
contains "filter: rows counted" "$(rows_of "$N_M")" "$(line 29)"
lacks "filter: no voluntary rows" "Аспаз" "$(screen)"
keys F6
wait_for "$(kk 'Filter, sort and columns')"
keys Down Down Right Enter
wait_gone "$(kk 'Filter, sort and columns')"
contains "two filters: rows" "$(rows_of "$N_M2")" "$(line 29)"
# Esc in the dialog puts things back as they were.
keys F6
wait_for "$(kk 'Filter, sort and columns')"
keys Right Escape
wait_gone "$(kk 'Filter, sort and columns')"
contains "Esc keeps the old filter" "$(rows_of "$N_M2")" "$(line 29)"
# The dialog at 80x24 and back.
keys F6
wait_for "$(kk 'Filter, sort and columns')"
tm resize-window -t 0 -x 80 -y 24
wait_for "$(kk 'Filter, sort and columns')"; sleep 0.2
expect "dialog 80x24: lines" 24 "$(screen | wc -l)"
w=$(screen | wc -L); [ "$w" -le 80 ] && ok "dialog 80x24 width" || bad "dialog 80x24 width" "$w columns"
expect "dialog 80x24: key bar" "1 2 8 10" "$(keybar_digits)"
tm resize-window -t 0 -x 100 -y 30
sleep 0.2
expect "dialog 100x30: key bar" "1 2 8 10" "$(keybar_digits)"
keys F8 Enter
wait_for "$HEAD_KK" || bad "F8 clears" "not every row back: $(screen)"
lacks "cleared: no filter in the status" "$(kk 'Filter'):" "$(line 29)"

# Sorts: '>' goes to the code order; by name descending in Kazakh, then F2
# gives the Russian alphabet's last name first.
MIN_CODE=$(q "SELECT min(nkz_code) FROM reg_row WHERE $W AND section = 'mandatory'")
keys '>'
wait_for "$(kk 'Sorted by')" || bad "sort" "no sort in the status"
contains "sort by code: first row" "$MIN_CODE" "$(line 4)"
keys -l 'Б'
wait_gone "$(kk 'Sorted by')" || bad "Б" "Б did not go back to the name order"
LAST_KK=$(q "SELECT name_kk FROM reg_row WHERE $W AND section = 'mandatory' ORDER BY sort_kk DESC LIMIT 1")
LAST_RU=$(q "SELECT name_ru FROM reg_row WHERE $W AND section = 'mandatory' ORDER BY sort_ru DESC LIMIT 1")
keys F6
wait_for "$(kk 'Filter, sort and columns')"
keys Down Down Down Down Down Right Enter
# the status line is cut to the width; the direction's first word fits
wait_for "$(kk 'descending' | cut -d' ' -f1)" || bad "descending" "no direction in the status: $(line 29)"
contains "kk descending: last name first" "$(q "SELECT substr('$LAST_KK', 1, 12)")" "$(line 4)"
keys F2
wait_for "$(q "SELECT substr('$LAST_RU', 1, 12)")" || bad "ru descending" "no [$LAST_RU]"
contains "ru descending: last name first" "$(q "SELECT substr('$LAST_RU', 1, 12)")" "$(line 4)"
keys F2
wait_for "$(q "SELECT substr('$LAST_KK', 1, 12)")"

# F3: the row under the cursor in both languages; 80x24 and back.
keys Home F3
ROW_KK=$(q "SELECT name_kk FROM reg_row WHERE $W AND section = 'mandatory' ORDER BY sort_kk DESC, level DESC LIMIT 1")
ROW_RU=$(q "SELECT name_ru FROM reg_row WHERE $W AND section = 'mandatory' ORDER BY sort_kk DESC, level DESC LIMIT 1")
wait_for "$ROW_RU" || bad F3 "no Russian name [$ROW_RU]: $(screen)"
contains "F3: Kazakh name" "$ROW_KK" "$(screen)"
contains "F3: no proposal or its history" "$(kk 'History')" "$(screen)"
expect "F3 key bar" "1 2 10" "$(keybar_digits)"
tm resize-window -t 0 -x 80 -y 24
sleep 0.3
expect "F3 80x24: lines" 24 "$(screen | wc -l)"
w=$(screen | wc -L); [ "$w" -le 80 ] && ok "F3 80x24 width" || bad "F3 80x24 width" "$w columns"
expect "F3 80x24: key bar" "1 2 10" "$(keybar_digits)"
tm resize-window -t 0 -x 100 -y 30
sleep 0.2
contains "F3 back to 100x30" "$ROW_RU" "$(screen)"
keys Escape
wait_for "$(kk 'Sorted by')" || bad "F3 Esc" "not back on the register"

# The search line at 80x24.
keys F7
keys -l 'ЭЛЕКТР'
wait_for "$(found "$N_EL")" || bad "search before the resize" "$(pane_state)"
tm resize-window -t 0 -x 80 -y 24
wait_for "$(found "$N_EL")" || bad "search after the resize" "$(pane_state)"
sleep 0.2
contains "search 80x24" "$(found "$N_EL")" "$(line 23)"
expect "search 80x24: key bar" "1 2 3 4 5 6 7 8 9 10" "$(keybar_digits)"

keys F10
i=0; while [ "$(pane '#{pane_dead}')" != 1 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
expect "F10 quits from the search" 1 "$(pane '#{pane_dead}')"
done_tests
