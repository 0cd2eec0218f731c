#!/bin/sh
# A clerk's screens know who is working and where the cycle stands (issue
# 12): at 80x24 in both languages, a sectoral body's clerk is offered no key
# that changes the draft and no step of the authorized body, a reader no
# editing key, and a refused key says why; the status line names the user
# and the role, the title the stage; the proposals list shows the
# profession, the state and the dates whole; the key bar never runs two
# labels together nor cuts one.  (tui/follows.sh: publication and search.)
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

SUITE=roles
. "$(dirname "$0")/cycleroles.inc"

for L in kk ru; do
	BODY=$(q "select short_$L from body where code = 'education'")
	STAGE=$(msg $L 'recommendations recorded')
	# --- the sectoral body's clerk: the register ----------------------------
	start "$SB" $L
	expect "$L sb: register keys" "1 2 3 6 7 9 10" "$(keybar_digits)"
	keybar_whole "$L sb register"
	st=$(line 23)
	contains "$L sb: status names the login" "$SB" "$st"
	contains "$L sb: status names the role" "$(ctx $L role 'sectoral body')" "$st"
	contains "$L sb: status names the body" "$BODY" "$st"
	# The cycle and its stage, cut before the demo register's mark at 80 columns.
	contains "$L sb: title names the cycle's stage" "$(printf '%s' "$STAGE" | cut -c1-6)" "$(line 1)"
	keys F4
	wait_for "$SB" || bad "$L sb F4" "no reason: $(screen)"
	contains "$L sb F4: the reason, whole" "$(msg $L 'Edit')" "$(screen | sed -n '5,20p')"
	lacks "$L sb F4: no form" "$(msg $L 'Save')" "$(last_line)"
	keys Enter; sleep 0.15
	# --- the cycle's screen: no step of the authorized body -------------------
	open w "$(msg $L 'Press release')"
	expect "$L sb: cycle keys" "1 2 7 10" "$(keybar_digits)"
	keybar_whole "$L sb cycle"
	lacks "$L sb: no Council step explained" "$(msg $L 'F4 submits the draft to the National Council (cl. 10).')" "$(screen)"
	lacks "$L sb: no opening explained" "$(msg $L 'F3 opens a cycle (year and season).')" "$(screen)"
	close
	# --- the proposals: another body's proposal offers no step ----------------
	open p "2622-1-001"
	lacks "$L sb: no step key on another body's proposal" " 4" " $(keybar_digits)"
	keybar_whole "$L sb proposals"
	s=$(screen)
	contains "$L proposals 80x24: the profession heading" "$(msg $L Profession)" "$(line 2)"
	contains "$L proposals 80x24: the rework heading whole" "$(msg $L 'Rework by')" "$(line 2)"
	contains "$L proposals 80x24: the state whole" "$(ctx $L 'proposal state' submitted)" "$s"
	contains "$L proposals 80x24: the profession" "$(q "select name_$L from nkz where code = '2622-1-001'")" "$s"
	contains "$L proposals: status names the login" "$SB" "$(line 23)"
	keys F4
	wait_for "$SB" >/dev/null
	lacks "$L sb F4 on proposals: no step list" "$(msg $L 'Accept')" "$(screen | sed -n '5,20p' | grep '│ ')"
	keys Enter; sleep 0.15
	close
	keys F10
	wait_dead || bad "$L sb quit" "did not leave: $(screen)"
	# --- a reader: nothing to change ---------------------------------------
	start "$RD" $L
	expect "$L reader: register keys" "1 2 3 6 7 9 10" "$(keybar_digits)"
	contains "$L reader: status names the login" "$RD" "$(line 23)"
	contains "$L reader: status names the role" "$(ctx $L role 'reading only')" "$(line 23)"
	open p "2622-1-001"
	expect "$L reader: proposals keys" "1 2 3 6 10" "$(keybar_digits)"
	close
	keys F10
	wait_dead || bad "$L reader quit" "did not leave: $(screen)"
	# --- the authorized body's administrator: every key of the moment -------
	start root $L
	# With the Council's recommendations recorded there is no draft to change.
	expect "$L admin: register keys while forming" "1 2 3 6 7 9 10" "$(keybar_digits)"
	keybar_whole "$L admin register"
	contains "$L admin: status names the role" "$(msg $L administrator)" "$(line 23)"
	open w "$(msg $L 'Press release')"
	keybar_whole "$L admin cycle"
	contains "$L admin: publication offered" " 6" " $(keybar_digits)"
	lacks "$L admin: no Council step once it is done" " 4 " " $(keybar_digits) "
	close
	open p "2622-1-001"
	keybar_whole "$L admin proposals"
	keys F4
	wait_for "$(msg $L 'Accept')" || bad "$L admin F4" "no step list: $(screen)"
	lacks "$L admin: no sending a submitted proposal" "$(msg $L 'Send to the sectoral body')" "$(screen)"
	keys Escape; sleep 0.15
	close
	keys F10
	wait_dead || bad "$L admin quit" "did not leave: $(screen)"
done

expect "nothing on stderr" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
