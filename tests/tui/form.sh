#!/bin/sh
# The entry form, driven through tmux: an empty form is refused and names the
# field; a profession entered at two levels becomes two rows on the register
# screen and in the export; Cyrillic typed into a field is edited letter by
# letter; F2 switches the form's language without losing what was typed; Esc
# asks before discarding; resize to 80x24 with the form and a picker open;
# two clerks saving one row get the conflict with both values; F8 deletes
# after a question naming the row.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/f.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
q() { sqlite3 "$DB" "$1"; }
# A word as the program shows it in a language (the catalogs may lag behind
# the msgids; then the English msgid is what shows, and what is looked for).
tr_kk() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim "$1"; }
tr_ru() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=ru gettext tizilim "$1"; }
widest() { screen | wc -L; }

CODE=7212-1-008
V=$(q "SELECT id FROM reg_version WHERE state = 'draft'")
[ "$(q "SELECT count(*) FROM reg_row WHERE version_id = $V AND nkz_code = '$CODE' AND level IN ('6.1', '6.2')")" = 0 ] ||
	bad setup "the demo draft already has $CODE at 6.1 or 6.2"
# Where 6.1 stands in the level picker (ordered by base level, then code).
AT61=$(q "SELECT count(*) FROM nrk_level WHERE base < 6 OR (base = 6 AND code < '6.1')")
ROWS0=$(q "SELECT count(*) FROM reg_row WHERE version_id = $V")

TITLE=$(tr_kk "New register entry")
SAVE=$(tr_kk "Save")
tz_start 100 30 "$TZB --db $DB"
wait_for "$(tr_kk 'Quit')" || bad start "no register screen: $(screen)"

# An empty form cannot be saved; the refusal names the code field.
keys F5
wait_for "$TITLE" || bad F5 "no form after F5: $(screen)"
contains "form key bar: Save" "5$SAVE" "$(last_line)"
keys F5
NOCODE=$(tr_kk "NKZ code: the code is missing.")
wait_for "$NOCODE" || bad "empty save" "no problem at the code field: $(screen)"
contains "empty save: the form is still open" "$TITLE" "$(screen)"
contains "empty save: the status line names the first field" "$NOCODE" "$(line 29)"
contains "empty save: the level is named too" "$(tr_kk 'Level: the qualification level is missing.')" "$(screen)"
expect "empty save: nothing written" "$ROWS0" "$(q "SELECT count(*) FROM reg_row WHERE version_id = $V")"

# The classifier picker (Space opens it): typing a code narrows it; Enter fills both names.
keys Space
wait_for "$(tr_kk 'Classifier: type a code or a name')" || bad picker "no classifier picker: $(screen)"
keys -l "$CODE"
NAME_KK=$(q "SELECT name_kk FROM nkz WHERE code = '$CODE'")
NAME_RU=$(q "SELECT name_ru FROM nkz WHERE code = '$CODE'")
wait_for "$CODE  $NAME_KK" || bad picker "the occupation is not listed: $(screen)"
keys Enter
wait_for "$NAME_RU" || bad picker "the Russian name was not filled: $(screen)"
lacks "code chosen: its problem gone" "$NOCODE" "$(screen)"

# Section, then Cyrillic typed and edited by letter: Қазақ, Left Left,
# Backspace gives Қаақ.
keys Tab Space Tab
keys -l "Қазақ"
keys Left Left BSpace
wait_for "Қаақ" || bad "edit by letter" "no Қаақ: $(screen)"
keys End
keys -l " стандарты"
keys Tab
keys -l "Стандарт «Сварка»"
wait_for "Стандарт «Сварка»" || bad "basis ru" "not typed: $(screen)"

# F2 switches the labels to Russian; what was typed stays.
LBL_KK=$(tr_kk "NKZ code"); LBL_RU=$(tr_ru "NKZ code")
keys F2
wait_for "$LBL_RU" || bad "F2 in the form" "no Russian label: $(screen)"
[ "$LBL_KK" = "$LBL_RU" ] || lacks "F2: Kazakh label gone" "$LBL_KK" "$(screen)"
contains "F2: typed text kept" "Қаақ стандарты" "$(screen)"
contains "F2: typed text kept (ru)" "Стандарт «Сварка»" "$(screen)"
keys F2
wait_for "$LBL_KK" || bad "F2 back" "no Kazakh label: $(screen)"

# Two levels from the level picker: 6.1 and 6.2.
keys Tab Space
wait_for "[ ] 6.1" || bad levels "no level picker: $(screen)"
i=0; while [ $i -lt "$AT61" ]; do keys Down; i=$((i + 1)); done
keys Space Down Space
wait_for "[x] 6.2" || bad levels "6.2 not ticked: $(screen)"
contains "6.1 ticked" "[x] 6.1" "$(screen)"
keys Enter
wait_for "6.1, 6.2" || bad levels "the form does not show both levels: $(screen)"

# Resize to 80x24 with the form open, then with a picker open.
tm resize-window -t 0 -x 80 -y 24
wait_for "$TITLE" && sleep 0.2
expect "80x24: 24 lines" 24 "$(screen | wc -l)"
w=$(widest); [ "$w" -le 80 ] && ok "80x24 width" || bad "80x24 width" "a line is $w columns wide"
contains "80x24: key bar on the last line" "5$SAVE" "$(last_line)"
contains "80x24: typed text still there" "Қаақ" "$(screen)"
keys Tab 7 Tab Space
BODY=$(tr_kk "Sectoral state body")
wait_for "$BODY" || bad body "no body picker: $(screen)"
tm resize-window -t 0 -x 100 -y 30
sleep 0.2
wait_for "$BODY" || bad "resize with a picker" "the picker is gone: $(screen)"
contains "resize with a picker: the form beneath" "$TITLE" "$(line 1)"
keys Enter Tab Space
wait_for "$(tr_kk 'technical')" || bad profile "no profile: $(screen)"

# Esc asks before discarding; No keeps the form.
keys Escape
wait_for "$(tr_kk 'Discard changes')" || bad Esc "no question before discarding: $(screen)"
keys Right Enter
wait_gone "$(tr_kk 'Discard changes')" || bad Esc "the question stays"
contains "No keeps the form" "Қаақ" "$(screen)"

# Saved: two rows, on the register screen and in the export.
keys F5
wait_gone "$TITLE" || bad save "the form did not close: $(screen)"
expect "saved: two rows" 2 "$(q "SELECT count(*) FROM reg_row WHERE version_id = $V AND nkz_code = '$CODE' AND level IN ('6.1', '6.2') AND basis_kk = 'Қаақ стандарты' AND validity = 7")"
keys F7
keys -l "$CODE"
wait_for "6.1" || bad register "6.1 not on the register screen: $(screen)"
n=$(screen | grep "$CODE" | grep -c " 6\.[12] ")
expect "register screen: both levels" 2 "$n"
keys Escape
"$TZB" --db "$DB" export >"$TMP/out.csv" 2>"$TMP/err" || bad export "exit $?: $(cat "$TMP/err")"
expect "export: both levels" 2 "$(grep "$CODE" "$TMP/out.csv" | grep -c 'Қаақ стандарты')"

# Two clerks on one row: both open the first row, A saves, B's save meets
# the conflict and sees both values; keeping B's saves over A's.
tm send-keys -t 0 F10
sleep 0.3
ROW=$(q "SELECT id FROM reg_row WHERE version_id = $V AND nkz_code = '$CODE' AND level = '6.1'")
tz_start 100 30 "$TZB --db $DB"
wait_for "$(tr_kk 'Quit')" || bad "clerk A" "no register: $(screen)"
tm new-window -d "$TZB --db $DB"
scr1() { tm capture-pane -p -t 1 2>/dev/null; }
for who in 0 1; do
	tm send-keys -t $who F7
	tm send-keys -t $who -l "$CODE"
	sleep 0.3
	tm send-keys -t $who Enter
done
sleep 0.3
# The cursor row after the search: the first match, the same in both.
EDIT=$(tr_kk "Register row %s, level %s" | sed 's/%s.*//')
tm send-keys -t 0 F4
tm send-keys -t 1 F4
wait_for "$EDIT" || bad "clerk A" "no edit form: $(screen)"
i=0; while [ $i -lt 100 ]; do case "$(scr1)" in *"$EDIT"*) break;; esac; sleep 0.05; i=$((i + 1)); done
FIRST=$(screen | sed -n 1p | sed 's/.*\([0-9]\{4\}-[0-9]-[0-9]\{3\}\).*/\1/')
expect "both clerks on one row" "$(screen | sed -n 1p)" "$(scr1 | sed -n 1p)"
for who in 0 1; do tm send-keys -t $who Tab Tab; done   # code -> section -> basis kk
tm send-keys -t 0 End; tm send-keys -t 0 -l " ӘӘА"
tm send-keys -t 1 End; tm send-keys -t 1 -l " ҮҮБ"
sleep 0.3
tm send-keys -t 0 F5
wait_gone "$EDIT" || bad "clerk A" "A's save did not close the form: $(screen)"
tm send-keys -t 1 F5
CONFLICT=$(tr_kk "The row was changed by someone else")
i=0; while [ $i -lt 100 ]; do case "$(scr1)" in *"$CONFLICT"*) break;; esac; sleep 0.05; i=$((i + 1)); done
S1=$(scr1)
contains "conflict shown" "$CONFLICT" "$S1"
contains "conflict: theirs" "ӘӘА" "$S1"
contains "conflict: yours" "ҮҮБ" "$S1"
contains "conflict: names the field" "│ $(tr_kk 'Basis (Kazakh)')" "$S1"
contains "conflict: keep mine offered" "$(tr_kk 'Keep mine')" "$S1"
tm send-keys -t 1 Enter
i=0; while [ $i -lt 100 ]; do case "$(scr1)" in *"$EDIT"*) ;; *) break;; esac; sleep 0.05; i=$((i + 1)); done
[ -n "$FIRST" ] || bad conflict "no code in the title"
BASIS=$(q "SELECT basis_kk FROM reg_row WHERE version_id = $V AND nkz_code = '$CODE' ORDER BY rev DESC LIMIT 1")
contains "keep mine: B's text stored" "ҮҮБ" "$BASIS"
lacks "keep mine: over A's" "ӘӘА" "$BASIS"
tm send-keys -t 1 F10

# F8 asks, naming the row, and deletes it.
LEVEL=$(q "SELECT level FROM reg_row WHERE version_id = $V AND basis_kk LIKE '%ҮҮБ%'")
N1=$(q "SELECT count(*) FROM reg_row WHERE version_id = $V")
keys F8
wait_for "$(tr_kk 'Yes')" || bad F8 "no question: $(screen)"
contains "F8 names the code" "$CODE" "$(screen)"
contains "F8 names the level" "$LEVEL" "$(screen)"
keys Enter
i=0; while [ $i -lt 60 ] && [ "$(q "SELECT count(*) FROM reg_row WHERE version_id = $V")" = "$N1" ]; do sleep 0.05; i=$((i + 1)); done
expect "F8: one row fewer" $((N1 - 1)) "$(q "SELECT count(*) FROM reg_row WHERE version_id = $V")"
keys F10
done_tests
