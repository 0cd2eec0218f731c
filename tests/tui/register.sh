#!/bin/sh
# The register screen, driven through tmux: the demo register in Kazakh by
# default, F2 and Esc 2 switch everything to Russian and back, resize redraws
# cleanly, the keys move, F1 help comes and goes, F10 quits and restores the
# terminal.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/r.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"

# Expected names come from the database itself: the stored ICU sort keys
# order as memcmp, which is how SQLite orders blobs.
q() { sqlite3 "$DB" "$1"; }
V=$(q "SELECT id FROM reg_version WHERE state = 'draft'")
FIRST_KK=$(q "SELECT name_kk FROM reg_row WHERE version_id = $V AND section = 'mandatory' ORDER BY sort_kk, level LIMIT 1")
FIRST_RU=$(q "SELECT name_ru FROM reg_row WHERE version_id = $V AND section = 'mandatory' ORDER BY sort_ru, level LIMIT 1")
LAST_KK=$(q "SELECT name_kk FROM reg_row WHERE version_id = $V AND section = 'voluntary' ORDER BY sort_kk DESC, level DESC LIMIT 1")
[ -n "$FIRST_KK" ] && [ -n "$FIRST_RU" ] && [ -n "$LAST_KK" ] || bad demo "the demo draft has no rows"
# The first rows in each language, as markers: seeing one means that language.
[ "$FIRST_KK" != "$FIRST_RU" ] || bad demo "the first kk and ru names are the same"
# Names are cut to the column's width: the screen shows at least these prefixes.
HEAD_KK=$(q "SELECT substr('$FIRST_KK', 1, 12)")
HEAD_RU=$(q "SELECT substr('$FIRST_RU', 1, 12)")
OTHER_KK=$HEAD_KK
OTHER_RU=$HEAD_RU

# The UI words each language must show once the catalogs are filled in.
# Until then the screen shows the English msgids and these checks fail.
UI_KK="Кәсіптер тізілімі|Анықтама|Тіл|Шығу"
UI_RU="Реестр профессий|Помощь|Язык|Выход"
ui_words() {  # ui_words NAME LIST
	old_ifs=$IFS; IFS='|'
	for w in $2; do contains "$1 ui word $w" "$w" "$(screen)"; done
	IFS=$old_ifs
}

keybar_digits() { last_line | sed 's/[^0-9][^0-9]*/ /g; s/^ *//; s/ *$//'; }
widest() { screen | wc -L; }

tz_start 100 30 "$TZB --db $DB; echo \$? > $TMP/rc"
wait_for "$HEAD_KK" || bad start "no [$FIRST_KK] on screen: $(screen)"
contains "kk by default: data" "$OTHER_KK" "$(screen)"
lacks "kk by default: no ru data" "$OTHER_RU" "$(screen)"
contains "status names the language" "Қазақша" "$(line 29)"
expect "key bar: the register's F-keys" "1 2 3 4 5 6 7 8 9 10" "$(keybar_digits)"
expect "key bar on the last line" "1" "$(last_line | cut -c1)"
ui_words "kk" "$UI_KK"

keys F2
wait_for "$OTHER_RU" || bad F2 "no [$OTHER_RU] after F2"
lacks "F2: kk data gone" "$OTHER_KK" "$(screen)"
contains "F2: first row by the Russian alphabet" "$HEAD_RU" "$(line 4)"
contains "F2: status in Russian" "Русский" "$(screen)"
ui_words "ru" "$UI_RU"
keys F2
wait_for "$OTHER_KK" || bad "F2 again" "no [$OTHER_KK] after F2 again"
lacks "F2 again: ru data gone" "$OTHER_RU" "$(screen)"
contains "F2 again: first row by the Kazakh alphabet" "$HEAD_KK" "$(line 4)"

keys Escape 2
wait_for "$OTHER_RU" || bad "Esc 2" "Esc 2 did not switch to Russian"
lacks "Esc 2: kk data gone" "$OTHER_KK" "$(screen)"
keys Escape 2
wait_for "$OTHER_KK" || bad "Esc 2 again" "Esc 2 did not switch back"

# Resize: smaller, too small, then larger; each time a whole clean screen.
tm resize-window -t 0 -x 80 -y 24
wait_for "$HEAD_KK" && sleep 0.1
expect "80x24: key bar on line 24" "1 2 3 4 5 6 7 8 9 10" "$(keybar_digits)"
expect "80x24: 24 lines" 24 "$(screen | wc -l)"
w=$(widest); [ "$w" -le 80 ] && ok "80x24 width" || bad "80x24 width" "a line is $w columns wide"
tm resize-window -t 0 -x 60 -y 20
wait_for "80x24" || bad "too small" "no size message: $(screen)"
lacks "too small: no rows drawn" "$HEAD_KK" "$(screen)"
tm resize-window -t 0 -x 120 -y 40
wait_for "$HEAD_KK" || bad "120x40" "rows not back after growing"
# the key bar redrawn (in the language it speaks), then the size message gone
wait_for "1$(LANGUAGE=kk TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -d tizilim Help)" ||
	bad "120x40" "no key bar after growing: $(last_line)"
lacks "120x40: size message gone" "80x24" "$(screen)"
expect "120x40: key bar on line 40" "1 2 3 4 5 6 7 8 9 10" "$(keybar_digits)"
expect "120x40: one status line" 1 "$(screen | grep -c 'Қазақша')"
w=$(widest); [ "$w" -le 120 ] && ok "120x40 width" || bad "120x40 width" "a line is $w columns wide"
tm resize-window -t 0 -x 100 -y 30
wait_for "$HEAD_KK"; sleep 0.1

# Moving: a page down leaves the first row behind, End shows the last row,
# Home brings the first one back.
keys PageDown
wait_gone "$HEAD_KK" || bad PgDn "the first row is still shown after PgDn"
keys End
wait_for "$LAST_KK" || bad End "no last row [$LAST_KK] after End"
contains "End: cursor row in the status" "$(q "SELECT count(*) FROM reg_row WHERE version_id = $V")" "$(line 29)"
keys Home
wait_for "$HEAD_KK" || bad Home "the first row is not back after Home"

# Help: F1 shows it (the key bar changes to help's keys), Esc and F10 leave it.
keys F1
wait_gone "$HEAD_KK" || bad F1 "the register is still shown under F1"
contains "help lists F2" "Esc 2" "$(screen)"
expect "help key bar: language, find, close" "2 7 10" "$(keybar_digits)"
keys Escape
wait_for "$HEAD_KK" || bad "help Esc" "Esc did not leave the help"
keys F1
wait_gone "$HEAD_KK"
keys F10
wait_for "$HEAD_KK" || bad "help F10" "F10 did not leave the help"
expect "F10 in help leaves only the help" 0 "$(pane '#{pane_dead}')"

# F10 quits and gives the terminal back (alternate screen left).
keys F10
i=0; while [ "$(pane '#{pane_dead}')" != 1 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
expect "F10 quits" 1 "$(pane '#{pane_dead}')"
expect "F10 exit status" 0 "$(cat "$TMP/rc" 2>/dev/null)"
expect "terminal restored" 0 "$(pane '#{alternate_on}')"

# --lang ru starts in Russian.
tz_start 100 30 "$TZB --db $DB --lang ru"
wait_for "$OTHER_RU" || bad "--lang ru" "no Russian data: $(screen)"
lacks "--lang ru: no kk data" "$OTHER_KK" "$(screen)"
keys Escape 0
i=0; while [ "$(pane '#{pane_dead}')" != 1 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
expect "Esc 0 quits" 1 "$(pane '#{pane_dead}')"

# Colours, and none under NO_COLOR or lost on TERM=linux.
tz_start 100 30 "$TZB --db $DB"
wait_for "$HEAD_KK"
n=$(tm capture-pane -p -e -t 0 | grep -c '\[[0-9;]*4[0-7]m')
[ "$n" -gt 0 ] && ok colour || bad colour "no background colours in the pane"
tz_start 100 30 "NO_COLOR=1 $TZB --db $DB"
wait_for "$HEAD_KK"
expect "NO_COLOR: no colours" 0 "$(tm capture-pane -p -e -t 0 | grep -c '\[[0-9;]*[34][0-7]m')"
tz_start 100 30 "TERM=linux $TZB --db $DB"
wait_for "$HEAD_KK" || bad "TERM=linux" "no rows: $(screen)"
expect "TERM=linux: key bar" "1 2 3 4 5 6 7 8 9 10" "$(keybar_digits)"

done_tests
