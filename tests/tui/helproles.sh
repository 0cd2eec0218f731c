#!/bin/sh
# F1 tells each clerk the keys they may use now (issue 12, §4/§1): at 80x24
# in both languages and in each role, the register's help lists the
# draft-editing keys as keys only for those who may change the draft, and
# for the others names them as not available with the reason the key itself
# gives; the F-keys the help offers are the key bar's; the help still
# scrolls to its last line and reaches the cycle's page.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

tz_clerks helproles tzh
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }

start() { clerk_start "$@"; }
# The help's whole text, page by page (the window is lines 2..22): from the
# top, PgDn until the status line ("Lines 21-41 of 77") stays as it was.
help_text() {
	keys Home
	_all=$(screen | sed -n '2,22p')
	_n=0
	while [ $_n -lt 20 ]; do
		_st=$(line 23)
		keys NPage
		_i=0
		while [ "$(line 23)" = "$_st" ] && [ $_i -lt 10 ]; do sleep 0.05; _i=$((_i + 1)); done
		[ "$(line 23)" = "$_st" ] && break
		_all="$_all
$(screen | sed -n '2,22p')"
		_n=$((_n + 1))
	done
	printf '%s\n' "$_all"
}
# The F-keys the help offers (its "F4, Esc 4" lines), as the key bar's digits.
help_digits() {
	printf '%s\n' "$1" | sed -n 's/^ *F\([0-9][0-9]*\), Esc [0-9].*/\1/p' | sort -n | uniq | tr '\n' ' ' |
		sed 's/ *$//'
}

for L in kk ru; do
	EDIT=$(msg $L 'Change the row under the cursor')
	NEW=$(msg $L 'Add a row to the draft')
	# The first words, which stay on the line of its key in the help.
	UP=$(msg $L "Move the row a place up in the draft's official order and numbering" | awk '{print $1, $2, $3}')
	NOTNOW=$(msg $L 'Not available to you now:')
	LAST=$(msg $L 'F7 or / finds a word in this help; F7 again finds the next.')
	CYCLE=$(msg $L 'The cycle of the register (Order No. 399)')
	for who in sb ab ap rd root; do
		case $who in
		sb) u=$SB may=0;; ab) u=$AB may=1;; ap) u=$AP may=1;; rd) u=$RD may=0;; root) u=root may=1;;
		esac
		start "$u" $L
		bar=$(keybar_digits)
		keys F1
		wait_for "$(msg $L 'Keys of this screen:')" || bad "$L $who F1" "no help: $(screen)"
		h=$(help_text)
		if [ $may = 1 ]; then
			contains "$L $who: help offers F4" "$EDIT" "$h"
			contains "$L $who: help offers F5" "$NEW" "$h"
			contains "$L $who: help offers moving a row" "$UP" "$h"
			lacks "$L $who: nothing marked unavailable" "$NOTNOW" "$h"
			expect "$L $who: the key bar has the editing keys" "1 2 3 4 5 6 7 8 9 10" "$bar"
		else
			lacks "$L $who: no F4 in the help" "$EDIT" "$h"
			lacks "$L $who: no F5 in the help" "$NEW" "$h"
			lacks "$L $who: no moving a row in the help" "$UP" "$h"
			contains "$L $who: editing keys marked unavailable" "$NOTNOW" "$h"
			contains "$L $who: F4 named among them" "F4 $(msg $L Edit)" "$h"
			# The reason the key gives, which names the login.
			contains "$L $who: the reason names the login" "$u" "$h"
			expect "$L $who: the key bar has no editing key" "1 2 3 6 7 9 10" "$bar"
		fi
		expect "$L $who: the help's F-keys are the key bar's" "$bar" "$(help_digits "$h")"
		contains "$L $who: help reaches the cycle's page" "$CYCLE" "$h"
		keys End; sleep 0.15
		contains "$L $who: End shows the help's last line" "$LAST" "$(screen)"
		keys F10; sleep 0.15
		if [ $may = 0 ]; then
			# The key's own answer is the reason the help gave.
			keys F4
			wait_for "$u" || bad "$L $who F4" "no reason: $(screen)"
			why=$(screen | grep "│ $u" | head -n 1 | sed 's/^.*│ //; s/ *│.*$//' | awk '{print $1, $2, $3, $4, $5}')
			contains "$L $who: F4's reason begins as the help's" "${why:-none}" "$h"
			keys Enter; sleep 0.15
		fi
		keys F10
		wait_dead || bad "$L $who quit" "did not leave: $(screen)"
	done
done

expect "nothing on stderr" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
