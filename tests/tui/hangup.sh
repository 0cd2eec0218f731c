#!/bin/sh
# Terminal loss during an edit: SIGHUP or SIGTERM with the entry form open
# and text typed into it leaves the database as it was last saved, the
# terminal's modes restored, and what was typed kept as a draft — also with
# a picker open over the form; the next start offers it back: yes reopens
# the form with the text, no forgets it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/h.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
digest() { sqlite3 "$DB" "SELECT count(*), total(rev) FROM reg_row"; }
tr_kk() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim "$1"; }
D0=$(digest)
DRAFTS=$XDG_STATE_HOME/tizilim
drafts() { ls "$DRAFTS" 2>/dev/null | grep -c '^unsaved-.*\.txt$'; }

QUIT=$(tr_kk 'Quit')
TITLE=$(tr_kk 'New register entry')
# The question's first words after the time (a translation may start with
# the time; the box may wrap the rest onto another line).
OFFER=$(tr_kk 'An unsaved entry from %s was found: restore it?')
OFFER=$(echo "${OFFER#*%s}" | awk '{ print $1 " " $2 " " $3 }')
[ -n "$OFFER" ] || bad setup "no words of the offer to look for"
KK="Қазақ мәтіні сақталмаған"
RU="Несохранённый текст"

# The program runs under a shell that, once it is gone, shows how it ended
# and keeps the terminal's modes.
cat >"$TMP/run.sh" <<RUN
"$TZB" --db "$DB"
echo "EXIT=\$?"
stty -a >"$TMP/stty.txt"
sleep 60
RUN
prog_pid() { pgrep -P "$(pane '#{pane_pid}')" -x tizilim; }

# start: the register screen up, with or without the offer first.
start() {
	rm -f "$TMP/stty.txt"
	tz_start 100 30 "sh $TMP/run.sh"
	wait_for "$1" || bad "$2: start" "no [$1]: $(screen)"
}

# Types a new entry (section switched, Cyrillic in both basis fields) and
# kills the program with signal $1 while the form is open.
kill_in_form() {
	sig=$1
	keys F5
	wait_for "$TITLE" || bad "$sig: F5" "no form: $(screen)"
	keys Tab Space Tab
	keys -l "$KK"
	keys Tab
	keys -l "$RU"
	wait_for "$RU" || bad "$sig: typing" "text not shown: $(screen)"
	after_kill "$sig"
}

after_kill() {
	sig=$1
	pid=$(prog_pid)
	[ -n "$pid" ] || bad "$sig: pid" "no tizilim process under the pane"
	kill -"$sig" $pid
	wait_for "EXIT=" || bad "$sig: exit" "the program did not leave: $(screen)"
	s=$(screen)
	contains "$sig: left with status 0" "EXIT=0" "$s"
	# The terminal is back in cooked mode with echo.
	i=0
	while [ ! -s "$TMP/stty.txt" ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
	modes=" $(tr '\n;' '  ' <"$TMP/stty.txt") "
	rm -f "$TMP/stty.txt"
	contains "$sig: icanon restored" " icanon " "$modes"
	contains "$sig: echo restored" " echo " "$modes"
	lacks "$sig: no raw mode left" " -icanon " "$modes"
	expect "$sig: database as last saved" "$D0" "$(digest)"
	expect "$sig: one draft kept" 1 "$(drafts)"
	f=$(ls "$DRAFTS"/unsaved-*.txt 2>/dev/null | head -1)
	contains "$sig: the draft holds the Kazakh text" "$KK" "$(cat "$f" 2>/dev/null)"
	expect "$sig: no temporary file left" 0 "$(ls "$DRAFTS" | grep -c '\.tmp-')"
}

# SIGHUP while typing.
start "$QUIT" first
expect "no draft at first" 0 "$(drafts)"
kill_in_form HUP

# The next start offers it; Enter (Yes) reopens the form with the text.
start "$OFFER" "offer after HUP"
keys Enter
wait_for "$TITLE" || bad "restore" "no form after yes: $(screen)"
wait_for "$KK" || bad "restore" "the Kazakh text is not back: $(screen)"
contains "restore: the Russian text is back" "$RU" "$(screen)"
expect "restore: the offered draft is taken" 0 "$(drafts)"
expect "restore: database untouched" "$D0" "$(digest)"

# SIGTERM in the restored form keeps it again.
after_kill TERM

# Declining forgets the draft and leaves the register screen.
start "$OFFER" "offer after TERM"
keys Escape
wait_gone "$OFFER" || bad decline "the offer stays: $(screen)"
wait_for "$QUIT" || bad decline "no register screen: $(screen)"
lacks "decline: no form" "$TITLE" "$(screen)"
expect "decline: the draft is gone" 0 "$(drafts)"

# A clean start after that offers nothing.
keys F10
wait_for "EXIT=" || true
start "$QUIT" "after decline"
lacks "after decline: no offer" "$OFFER" "$(screen)"

# A form left untouched keeps nothing.
keys F5
wait_for "$TITLE" || bad "untouched: F5" "no form: $(screen)"
kill -TERM $(prog_pid)
wait_for "EXIT=" || bad "untouched: exit" "the program did not leave: $(screen)"
expect "untouched: no draft" 0 "$(drafts)"

# On the register screen, with no form open, a hangup just ends it cleanly.
start "$QUIT" "register screen"
kill -HUP $(prog_pid)
wait_for "EXIT=0" || bad "register screen: exit" "the program did not leave: $(screen)"
expect "register screen: no draft" 0 "$(drafts)"

# A picker open over the form when the terminal goes: it closes as if
# cancelled, and the form beneath keeps what was typed.
start "$QUIT" "picker"
keys F5
wait_for "$TITLE" || bad "picker: F5" "no form: $(screen)"
keys Tab Space Tab
keys -l "$KK"
wait_for "$KK" || bad "picker: typing" "text not shown: $(screen)"
keys BTab BTab
keys Space
PICKER=$(tr_kk 'Classifier: type a code or a name')
wait_for "$PICKER" || bad "picker: open" "no picker: $(screen)"
keys -l 'эл'
pid=$(prog_pid)
kill -HUP $pid
wait_for "EXIT=" || bad "picker: exit" "the program did not leave with the picker open: $(screen)"
contains "picker: left with status 0" "EXIT=0" "$(screen)"
expect "picker: one draft kept" 1 "$(drafts)"
f=$(ls "$DRAFTS"/unsaved-*.txt 2>/dev/null | head -1)
contains "picker: the draft holds the Kazakh text" "$KK" "$(cat "$f" 2>/dev/null)"
start "$OFFER" "offer after the picker"
keys Escape
wait_gone "$OFFER" || bad "picker: decline" "the offer stays: $(screen)"
expect "picker: the draft is gone" 0 "$(drafts)"
expect "database unchanged at the end" "$D0" "$(digest)"

# The terminal closes with no signal reaching the program (it runs in a
# session of its own, as under runuser or a detached ssh command): the
# next read fails for good, and that is a hang-up too: the form's text is
# kept as a draft and the program leaves instead of spinning on the dead
# terminal.
cat >"$TMP/nosig.sh" <<RUN
trap "" HUP
setsid -w "$TZB" --db "$DB"
echo "EXIT=\$?" >"$TMP/nosig.exit"
RUN
rm -f "$TMP/nosig.exit"
tz_start 100 30 "sh $TMP/nosig.sh"
wait_for "$QUIT" || bad "no signal: start" "no register screen: $(screen)"
keys F5
wait_for "$TITLE" || bad "no signal: F5" "no form: $(screen)"
keys Tab Space Tab
keys -l "$KK"
wait_for "$KK" || bad "no signal: typing" "text not shown: $(screen)"
tm kill-server
i=0
while [ ! -s "$TMP/nosig.exit" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
expect "no signal: the program left once its terminal closed" "EXIT=0" "$(cat "$TMP/nosig.exit" 2>/dev/null)"
pkill -f -x "$TZB --db $DB" 2>/dev/null
expect "no signal: one draft kept" 1 "$(drafts)"
f=$(ls "$DRAFTS"/unsaved-*.txt 2>/dev/null | head -1)
contains "no signal: the draft holds the Kazakh text" "$KK" "$(cat "$f" 2>/dev/null)"
expect "no signal: database as last saved" "$D0" "$(digest)"
rm -f "$DRAFTS"/unsaved-*.txt

done_tests
