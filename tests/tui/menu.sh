#!/bin/sh
# The F9 menu and the configuration file, driven through tmux: F9 and Esc 9
# open the menu, a Cyrillic letter opens what its Latin twin on the same key
# does, arrows and Enter work, every screen it opens survives 80x24; the
# configuration file sets the language (below --lang and TIZILIM_LANG),
# binds keys, turns the mouse on, and a bad line is named by file and line
# while the program still starts.  Words come from the catalogs.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/m.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
"$TZB" --db "$DB" import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 || bad init "import-nkz"
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
HELP_KK=$(msg kk Help); HELP_RU=$(msg ru Help)
[ "$HELP_KK" != "$HELP_RU" ] || bad catalogs "Help is the same in kk and ru"
CLS=$(msg kk 'Classifier (NKZ)')
BODIES=$(msg kk 'Sectoral state bodies')
LEVELS=$(msg kk 'NRK levels')
MENU_ITEM=$(msg kk 'Backup...')
CONF=$XDG_CONFIG_HOME/tizilim/config
FIRST_KK=$(q "SELECT substr(name_kk, 1, 12) FROM reg_row r JOIN reg_version v ON v.id = r.version_id
              WHERE v.state = 'draft' AND section = 'mandatory' ORDER BY sort_kk, level LIMIT 1")

start() {  # start W H [ENV...]: the program, the register up
	w=$1; h=$2; shift 2
	tz_start "$w" "$h" "$* $TZB --db $DB"
	wait_for "$FIRST_KK" || bad start "no register: $(screen)"
}
menu_shown() { case "$(screen)" in *"$MENU_ITEM"*) return 0;; esac; return 1; }

start 100 30
contains "F9 on the key bar" "9$(msg kk Menu)" "$(last_line)"
expect "mouse off by default" 000 "$(pane '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')"

# F9 opens the menu, Esc closes it; Esc 9 opens it too, F10 closes.
keys F9
wait_for "$MENU_ITEM" || bad "F9" "no menu: $(screen)"
keys Escape
wait_gone "$MENU_ITEM" || bad "Esc" "the menu stays: $(screen)"
keys Escape 9
wait_for "$MENU_ITEM" || bad "Esc 9" "no menu: $(screen)"
keys F10
wait_gone "$MENU_ITEM" || bad "F10" "the menu stays"
contains "F10 closes only the menu" "$FIRST_KK" "$(screen)"
# F1 on the menu lists its letters, both alphabets.
keys F9; wait_for "$MENU_ITEM"
keys F1
wait_for "$(msg kk 'C or С')" || bad "menu help" "no letters in the help: $(screen)"
keys Escape; wait_for "$MENU_ITEM" || bad "help closes to the menu" "$(screen)"
keys Escape; wait_gone "$MENU_ITEM"

# Latin and Cyrillic twins open the same screen; capitals too.
for k in c 'с' C 'С'; do
	keys F9; wait_for "$MENU_ITEM"
	keys -l "$k"
	wait_for "$CLS" || bad "menu $k" "no classifier: $(screen)"
	keys F10; wait_for "$FIRST_KK" || bad "menu $k: F10 back" "$(screen)"
done
keys F9; wait_for "$MENU_ITEM"; keys -l 'ж'        # no item on that key
sleep 0.3
menu_shown && ok "a key of no item leaves the menu" || bad "ж" "the menu closed: $(screen)"
keys Escape; wait_gone "$MENU_ITEM"

# Arrows and Enter: the third item is the bodies; End is Quit, Home the register.
keys F9; wait_for "$MENU_ITEM"
keys Down Down Enter
wait_for "$BODIES" || bad "Down Down Enter" "no bodies: $(screen)"
# F9 from another screen, then the register item brings the register back.
keys F9; wait_for "$MENU_ITEM"
keys -l 'к'
wait_for "$FIRST_KK" || bad "к: register" "$(screen)"
lacks "к: bodies gone" "$BODIES" "$(screen)"

# Every screen of the menu at 80x24 and back, and F2 there.
for k in c b a u l y; do
	keys F9; wait_for "$MENU_ITEM"; keys "$k"
	wait_gone "$MENU_ITEM" || bad "open $k" "menu stays"
	sleep 0.2
	before=$(screen | head -n 1)
	tm resize-window -t 0 -x 80 -y 24
	wait_for "$HELP_KK" && sleep 0.2
	expect "$k at 80x24: 24 lines" 24 "$(screen | wc -l)"
	w=$(screen | wc -L); [ "$w" -le 80 ] && ok "$k 80x24 width" || bad "$k 80x24 width" "a line is $w wide"
	contains "$k at 80x24: key bar" "$HELP_KK" "$(last_line)"
	lacks "$k at 80x24: not too small" "$(msg kk 'terminal too small: need %dx%d, have %dx%d' | cut -c1-8)" "$(screen)"
	tm resize-window -t 0 -x 60 -y 20
	sleep 0.2
	tm resize-window -t 0 -x 100 -y 30
	wait_for "$HELP_KK" && sleep 0.2
	expect "$k back at 100x30" 30 "$(screen | wc -l)"
	contains "$k back: title" "$(printf '%s' "$before" | cut -c1-20)" "$(screen | head -n 1)"
	keys F2
	wait_for "$HELP_RU" || bad "$k F2" "no Russian key bar: $(last_line)"
	keys F2
	wait_for "$HELP_KK" || bad "$k F2 back" "$(last_line)"
	keys F10; wait_for "$FIRST_KK" || bad "$k close" "$(screen)"
done

# Backup from the menu: a copy beside the database, its path said.
keys F9; wait_for "$MENU_ITEM"; keys -l 'л'
wait_for "backups" || bad backup "no message: $(screen)"
n=$(ls "$TMP/backups" 2>/dev/null | grep -c '\.db$')
expect "backup: one copy" 1 "$n"
keys Enter; wait_for "$FIRST_KK" || bad "backup message closes" "$(screen)"

# Quit from the menu, by the Cyrillic letter.
keys F9; wait_for "$MENU_ITEM"; keys -l 'й'
i=0; while [ "$(pane '#{pane_dead}')" != 1 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
expect "й quits" 1 "$(pane '#{pane_dead}')"

# --- the configuration file ------------------------------------------------
mkdir -p "$(dirname "$CONF")"
printf '# tizilim\nlanguage = ru\nmouse = on\nbind.menu = ^E\n' > "$CONF"
FIRST_RU=$(q "SELECT substr(name_ru, 1, 12) FROM reg_row r JOIN reg_version v ON v.id = r.version_id
              WHERE v.state = 'draft' AND section = 'mandatory' ORDER BY sort_ru, level LIMIT 1")
tz_start 100 30 "$TZB --db $DB"
wait_for "$HELP_RU" || bad "language = ru" "not in Russian: $(last_line)"
contains "language = ru: data in Russian" "$FIRST_RU" "$(screen)"
m=$(pane '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')
case "$m" in *1*) ok "mouse = on";; *) bad "mouse = on" "the program asked for no mouse events ($m)";; esac
keys C-e
wait_for "$(msg ru 'Backup...')" || bad "bind.menu = ^E" "no menu: $(screen)"
keys Escape
wait_gone "$(msg ru 'Backup...')"
keys F1
wait_for "F9, Esc 9, Ctrl-E" || bad "help names the binding" "$(screen)"
keys Escape

# --lang and TIZILIM_LANG outrank the file.
tz_start 100 30 "$TZB --db $DB --lang kk"
wait_for "$HELP_KK" || bad "--lang kk over the file" "$(last_line)"
tz_start 100 30 "TIZILIM_LANG=kk $TZB --db $DB"
wait_for "$HELP_KK" || bad "TIZILIM_LANG over the file" "$(last_line)"

# A bad line: named with file and line, in the file's language; the rest
# still applies, and the program starts.
printf 'language = ru\ncolours = off\nmouse = on\n' > "$CONF"
tz_start 100 30 "$TZB --db $DB 2>$TMP/err"
wait_for "config:2:" || bad "bad line" "not reported: $(screen)"
contains "bad line: the word" "colours" "$(screen)"
keys Enter
wait_for "$FIRST_RU" || bad "starts after a bad line" "$(screen)"
contains "bad line: the rest applies" "$HELP_RU" "$(last_line)"
contains "bad line on stderr too" "tizilim/config:2:" "$(cat "$TMP/err")"

# colors = off: no colour at all, even on a colour terminal.
printf 'colors = off\n' > "$CONF"
tz_start 100 30 "$TZB --db $DB"
wait_for "$FIRST_KK"
n=$(tm capture-pane -p -e -t 0 | grep -c '[[;]4[0-7]m')
expect "colors = off: no background colours" 0 "$n"
printf 'colors = on\n' > "$CONF"
tz_start 100 30 "$TZB --db $DB"
wait_for "$FIRST_KK"
n=$(tm capture-pane -p -e -t 0 | grep -c '[[;]4[0-7]m')
[ "$n" -gt 0 ] && ok "colors = on" || bad "colors = on" "no colours"
tz_start 100 30 "NO_COLOR=1 $TZB --db $DB"
wait_for "$FIRST_KK"
n=$(tm capture-pane -p -e -t 0 | grep -c '[[;]4[0-7]m')
expect "NO_COLOR wins over colors = on" 0 "$n"

done_tests
