#!/bin/sh
# Every screen offers only what its user may do now (issue 12, §1): at
# 80x24 in both languages, the classifier's import, the calendar's changes,
# the review's decisions and the menu's imports and backup are on the key
# bar for those who may use them and absent for the others; a menu item
# the user may not use stays in the menu, and choosing it says why.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

tz_clerks rolescreens tzr
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }

start() { clerk_start "$@"; }
# open LETTER TITLE: a screen from the F9 menu by its letter, once its title shows.
open() {
	keys F9
	wait_for "$(msg $L Menu)" || bad "$L $who menu" "no menu: $(screen)"
	keys "$1"
	wait_gone "$(msg $L 'Open the item under the cursor')" >/dev/null 2>&1
	sleep 0.2
}
# has DIGIT LABEL: whether the key bar offers the key.
bar_has() { case "$(last_line)" in *"$1$(msg $L "$2")"*) echo yes;; *) echo no;; esac; }
back() { keys F10; sleep 0.2; }

for L in kk ru; do
	# The box a refused item opens, and the import form's hint line.
	REFUSE=$(msg $L 'Not now')
	FORM=$(msg $L 'Enter: import (CSV or XLSX); Esc: cancel; F2: language' | cut -c1-20)
	for who in sb ab ap rd; do
		case $who in
		sb) u=$SB ref=no apv=no ret=no;;
		ab) u=$AB ref=yes apv=no ret=yes;;
		ap) u=$AP ref=yes apv=yes ret=yes;;
		rd) u=$RD ref=no apv=no ret=no;;
		esac
		start "$u" $L
		open c
		wait_for "7$(msg $L Search)" || bad "$L $who classifier" "no classifier: $(screen)"
		expect "$L $who: classifier's F5 Import offered" $ref "$(bar_has 5 Import)"
		back
		open y
		wait_for "$(msg $L 'moved day off')" || bad "$L $who calendar" "no calendar: $(screen)"
		expect "$L $who: calendar's F4 Change offered" $ref "$(bar_has 4 Change)"
		expect "$L $who: calendar's F5 Kurban offered" $ref "$(bar_has 5 Kurban)"
		back
		open v
		wait_for "6$(msg $L Summary)" || bad "$L $who review" "no review: $(screen)"
		expect "$L $who: review's F4 Approve offered" $apv "$(bar_has 4 Approve)"
		expect "$L $who: review's F8 Return offered" $ret "$(bar_has 8 Return)"
		back
		# The classifier's import from the menu: for who may not, the
		# item says why and nothing opens.
		keys F9
		wait_for "$(msg $L Menu)" || bad "$L $who menu" "no menu: $(screen)"
		contains "$L $who: the menu keeps the classifier's import" "$(msg $L 'Import the classifier...')" "$(screen)"
		keys n
		if [ $ref = no ]; then
			wait_for "$REFUSE" || bad "$L $who n" "no reason: $(screen)"
			contains "$L $who: the item says why, naming the login" "$u (" "$(screen | grep -v "$u (.*) *|")"
			lacks "$L $who: no import form" "$FORM" "$(screen)"
			keys Enter; sleep 0.2
		else
			wait_for "$FORM" || bad "$L $who n" "no import form: $(screen)"
			lacks "$L $who: no refusal for who may import" "$REFUSE" "$(screen)"
			keys Escape; sleep 0.2
		fi
		keys F10; sleep 0.2
		keys F10
		wait_dead || bad "$L $who quit" "did not leave: $(screen)"
	done
done

expect "nothing on stderr" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
