#!/bin/sh
# --timing FILE (what make bench reads): one line for the first screen, then
# one per key with the microseconds from reading it to the screen drawn
# after it and the page faults taken meanwhile, for the keys of the register
# screen and for those typed into a form and into the classifier picker
# over it alike.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/t.db
LOG=$TMP/timing.log
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
tr_kk() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim "$1"; }
lines() { if [ -f "$LOG" ]; then wc -l <"$LOG"; else echo 0; fi; }
# until the log has $1 lines (5 s at most)
wait_lines() {
	_w=0
	while [ "$(lines)" -lt "$1" ] && [ $_w -lt 500 ]; do sleep 0.01; _w=$((_w + 1)); done
}

tz_start 100 30 "$TZB --db $DB --lang kk --timing $LOG"
wait_for "$(tr_kk 'Quit')" || bad start "no register screen: $(screen)"
wait_lines 1
expect "first line: the first screen" "first-screen" "$(awk 'NR == 1 { print $1 }' "$LOG")"

keys NPage; wait_lines 2
expect "a register key is timed" "KEY_NPAGE" "$(awk 'NR == 2 { print $1 }' "$LOG")"
keys F5
wait_for "$(tr_kk 'New register entry')" || bad form "no form after F5: $(screen)"
wait_lines 3
keys Space
wait_for "$(tr_kk 'Classifier: type a code or a name')" || bad picker "no classifier picker: $(screen)"
wait_lines 4
keys -l "с"
wait_lines 5
expect "the key that opened the picker, timed in the form" "U+0020" "$(awk 'NR == 4 { print $1 }' "$LOG")"
expect "a letter typed into the picker is timed" "U+0441" "$(awk 'NR == 5 { print $1 }' "$LOG")"
expect "every line: a name, a whole number of microseconds and of page faults" "0" \
	"$(awk 'NF != 3 || $2 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+$/' "$LOG" | wc -l | tr -d ' ')"
# The screen takes its memory before the first screen (ui/main.c): the
# first screen has taken hundreds of faults, a key after it next to none
# of its own.
expect "the first screen counts the faults taken until it" "1" \
	"$(awk 'NR == 1 && $3 > 100 { print 1 }' "$LOG")"
expect "a key's figure is its own, not the time since start (under 5 s)" "0" \
	"$(awk 'NR > 1 && $2 >= 5000000' "$LOG" | wc -l | tr -d ' ')"
done_tests
