#!/bin/sh
# Forms that never change a value by surprise, and help that teaches the
# cycle, at 80x24 in Kazakh and in Russian: Enter on every field of a
# register row's form and of a proposal's form leaves every value as it was
# (Esc then leaves without a question, nothing is stored); a long text wraps
# over several lines at whole words; 37 years is refused with the reason and
# stays typed; a date typed as 06.12.2026 is taken, a wrong one stays typed
# with the reason; F1 on the register scrolls to its last line and reaches
# the cycle page with the next deadline; a word is found in the help; the
# demo register is labelled as such; an empty database says what to do.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

export TIZILIM_TODAY=2026-01-15
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$L gettext tizilim "$1"; }
# The fields of a form and their values as shown, without the focus mark,
# the scroll arrows and the problems beneath fields that were passed (those
# show once a field was visited, which Enter does).
body() { screen | sed -n 1,22p | grep -v '^    [^ ]' | cut -c3-79 | head -n "${1:-20}"; }
enters() { i=0; while [ $i -lt "$1" ]; do keys "$2"; i=$((i + 1)); done; }
DEMO=$TMP/demo.db
"$TZB" --db "$DEMO" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
LONG="Қазақстан Республикасының «Азаматтық қорғау туралы» Заңы және Өнеркәсіптік қауіпсіздік қағидалары бойынша кәсіптік стандарт"

for L in kk ru; do
	DB=$TMP/$L.db
	cp "$DEMO" "$DB"
	q() { sqlite3 "$DB" "$1"; }
	REV0=$(q "select sum(rev) || '/' || count(*) from reg_row")
	tz_start 80 24 "$TZB --db $DB --lang $L"
	wait_for "1$(msg Help)" || bad "$L: start" "no register: $(pane_state)"

	# --- the demo register says so ---------------------------------------
	contains "$L: demo labelled in the title" "$(msg 'DEMO register')" "$(line 1)"

	# --- a register row's form: Enter on every field ----------------------
	ROWT=$(msg "Register row %s, level %s" | sed 's/%s.*//')
	keys F4
	wait_for "$ROWT" || bad "$L: F4" "no row form: $(screen)"
	sleep 0.2
	B0=$(body)
	cut=0; i=0
	while [ $i -lt 12 ]; do
		keys Enter; sleep 0.1; i=$((i + 1))
		case "$(line 23)" in *"~"*) cut=1; bad "$L: hint" "cut: $(line 23)";; esac
	done
	[ $cut = 0 ] && ok "$L: every field's hint whole"
	sleep 0.2
	expect "$L: row form: Enter leaves every value" "$B0" "$(body)"
	contains "$L: the hint says what Enter does" "Enter" "$(line 23)"
	# The form's help says how the form works and scrolls to its last key.
	keys F1
	wait_for "$(msg 'Keys of the form')" || bad "$L: form F1" "no help: $(screen)"
	contains "$L: form help: Enter never changes a value" "$(msg 'Go to the next field; Enter never changes a value' | cut -c1-25)" "$(screen)"
	keys End
	sleep 0.2
	contains "$L: form help: the last key" "$(msg 'Go to the previous field' | cut -c1-20)" "$(screen)"
	keys Escape
	wait_gone "$(msg 'Keys of the form')" || bad "$L: form help Esc" "$(screen)"
	keys Escape
	wait_gone "$ROWT" || bad "$L: row form Esc" "the form stays: $(screen)"
	lacks "$L: row form: nothing to discard" "$(msg 'Discard changes')" "$(screen)"
	expect "$L: row form: nothing stored" "$REV0" "$(q "select sum(rev) || '/' || count(*) from reg_row")"

	# --- 37 years refused with the reason, and kept as typed ---------------
	keys F4
	wait_for "$ROWT" >/dev/null
	enters 5 Enter
	keys BSpace BSpace BSpace
	keys -l 37
	keys Tab
	WHY=$(msg 'Validity: %ld is more than %d years, the longest a document on recognition is given for; give 1 to %d years, or without time limit.' |
		sed 's/%ld/37/; s/%d/10/g' | cut -c1-30)
	wait_for "$WHY" || bad "$L: 37 years" "no reason under the field: $(screen)"
	keys F5
	sleep 0.3
	contains "$L: 37 refused on save" "$ROWT" "$(screen)"
	contains "$L: 37 stays typed" "$(msg 'Validity, years' | cut -c1-12)" "$(screen | grep -F ' 37')"
	expect "$L: 37 not stored" "$REV0" "$(q "select sum(rev) || '/' || count(*) from reg_row")"
	keys Escape
	wait_for "$(msg 'Discard changes')" >/dev/null && keys Enter
	wait_gone "$ROWT" || bad "$L: leave" "the form stays: $(screen)"

	# --- a long text wraps at whole words ----------------------------------
	NEWT=$(msg "New register entry")
	keys F5
	wait_for "$NEWT" || bad "$L: F5" "no new entry form: $(screen)"
	enters 2 Enter
	keys -l "$LONG"
	wait_for "стандарт" || bad "$L: long text" "not typed: $(screen)"
	n=0
	for w in $LONG; do
		case "$(screen)" in *"$w"*) ;; *) bad "$L: wrap" "the word [$w] is cut: $(screen)"; n=1;; esac
	done
	[ $n = 0 ] && ok "$L: every word whole"
	rows=$(screen | grep -c -e "Қазақстан" -e "Республикасының" -e "туралы" -e "Өнеркәсіптік" -e "стандарт")
	[ "$rows" -ge 3 ] && ok "$L: over several lines" || bad "$L: wrap" "on $rows lines: $(screen)"
	w=$(screen | wc -L); [ "$w" -le 80 ] && ok "$L: wrap within 80" || bad "$L: wrap" "$w columns"
	keys Escape
	wait_for "$(msg 'Discard changes')" >/dev/null && keys Enter
	wait_gone "$NEWT" || bad "$L: leave" "the form stays: $(screen)"

	# --- a proposal's form: Enter on every field ---------------------------
	keys F9; wait_for "$(msg 'Employer associations')" >/dev/null; keys p
	wait_for "$(msg 'No proposals in this cycle.')" || bad "$L: proposals" "$(screen)"
	NEWP=$(msg "New proposal")
	keys F5
	wait_for "$NEWP" || bad "$L: proposal F5" "no form: $(screen)"
	sleep 0.2
	B0=$(body 11)
	enters 24 Enter
	sleep 0.2
	moved=$(body 11)
	[ "$moved" != "$B0" ] && ok "$L: Enter went down the fields" || bad "$L: proposal Enter" "the form did not scroll"
	# The problems of the Kazakh and the Russian field differ at their ends:
	# wrapped whole, never cut alike.
	J1=$(msg "Justification 1, bearing on public health, life support or safety (cl. 8)")
	joined=$(screen | sed 's/^[> ]*//; s/ *[↑↓]* *$//' | tr '\n' ' ')
	for lang in Kazakh Russian; do
		contains "$L: the $lang justification's problem whole" "$(printf "$(msg "%s ($lang) is missing.")" "$J1")" "$joined"
	done
	enters 24 Up
	sleep 0.3
	expect "$L: proposal form: Enter leaves every value" "$B0" "$(body 11)"
	keys Escape
	wait_gone "$NEWP" || bad "$L: proposal Esc" "the form stays: $(screen)"
	lacks "$L: proposal: nothing to discard" "$(msg 'Discard changes')" "$(screen)"
	expect "$L: no proposal stored" 0 "$(q 'select count(*) from proposal')"
	keys Escape

	# --- a date as the clerk types it --------------------------------------
	keys F9; wait_for "$(msg 'Employer associations')" >/dev/null; keys y
	wait_for "$(msg 'Change')" || bad "$L: calendar" "$(screen)"
	keys F4
	wait_for "$(msg 'Change a day of the calendar')" || bad "$L: day dialog" "$(screen)"
	enters 12 BSpace
	keys -l "06.12.2026"
	keys Enter
	wait_gone "$(msg 'Change a day of the calendar')" || bad "$L: 06.12.2026" "refused: $(screen)"
	expect "$L: 06.12.2026 taken" off "$(q "select kind from calendar_day where date = '2026-12-06'")"
	keys F4
	wait_for "$(msg 'Change a day of the calendar')" >/dev/null
	enters 12 BSpace
	keys -l "31.02.2026"
	keys Enter
	sleep 0.3
	contains "$L: a wrong date stays typed" "31.02.2026" "$(screen)"
	n=$(screen | grep -o '31\.02\.2026' | wc -l)
	[ "$n" -ge 2 ] && ok "$L: a wrong date: the reason names it" || bad "$L: wrong date" "no reason: $(screen)"
	contains "$L: the reason says how to write it" "06.12.2026" "$(screen)"
	keys Escape Escape

	# --- a dialog: a long comment wraps; a refused date stays typed ---------
	keys F9; wait_for "$(msg 'Employer associations')" >/dev/null; keys w
	REC=$(msg "The Council's recommendations")
	wait_for "$(msg 'Cycle')" >/dev/null
	keys F5
	wait_for "$REC" || bad "$L: recommendations" "no dialog: $(screen)"
	keys Tab Tab Tab
	keys -l "$LONG"
	wait_for "стандарт" || bad "$L: comment" "not typed: $(screen)"
	rows=$(screen | grep -c -e "Қазақстан" -e "Республикасының" -e "туралы" -e "Өнеркәсіптік" -e "стандарт")
	[ "$rows" -ge 3 ] && ok "$L: the comment over several lines" || bad "$L: comment" "on $rows lines: $(screen)"
	keys Tab
	enters 12 BSpace
	keys -l "31.02.2026"
	keys Enter
	sleep 0.3
	contains "$L: refused date: the dialog stays" "$REC" "$(screen)"
	n=$(screen | grep -o '31\.02\.2026' | wc -l)
	[ "$n" -ge 2 ] && ok "$L: refused date: typed and named" || bad "$L: refused date" "$(screen)"
	contains "$L: refused date: the comment kept" "Өнеркәсіптік" "$(screen)"
	expect "$L: nothing recorded" "" "$(q "select coalesce(council_rec_date, '') from cycle where year = 2026 and season = 'spring'")"
	keys Escape
	wait_gone "Өнеркәсіптік" || bad "$L: Esc" "$(screen)"
	keys Escape

	# --- a row in full: wrapped, not cut --------------------------------------
	keys F3
	wait_for "$(msg 'Register row')" || bad "$L: F3" "no detail: $(screen)"
	lacks "$L: detail: nothing cut" "~" "$(screen | sed -n 2,22p)"
	keys Escape

	# --- F1: to the last line, the cycle page, finding a word ---------------
	wait_for "1$(msg Help)" >/dev/null
	keys F1
	wait_for "$(msg 'Keys of this screen:')" || bad "$L: F1" "no help: $(screen)"
	contains "$L: help says what the register is for" "$(msg 'This screen')" "$(screen)"
	w=$(screen | wc -L); [ "$w" -le 80 ] && ok "$L: help within 80" || bad "$L: help" "$w columns"
	keys End
	wait_for "$(msg 'F7 or / finds a word in this help; F7 again finds the next.' | cut -c1-30)" ||
		bad "$L: End" "not at the last line: $(screen)"
	st=$(line 23)
	total=$(echo "$st" | grep -o '[0-9]\+' | sed -n 3p)
	last=$(echo "$st" | grep -o '[0-9]\+' | sed -n 2p)
	[ -n "$total" ] && [ "$last" = "$total" ] && ok "$L: the last line shown" || bad "$L: End" "status [$st]"
	contains "$L: the cycle page: the Council" "$(msg '4. National Council')" "$(screen)"
	contains "$L: the cycle page: the press release" "$(msg '6. Press release')" "$(screen)"
	contains "$L: the cycle page: the next deadline" "$(msg 'Next deadline')" "$(screen)"
	keys Home
	wait_gone "$(msg '6. Press release')" || bad "$L: Home" "$(screen)"
	keys /
	keys -l "$(msg '5. Publication' | sed 's/^5\. //')"
	keys Enter
	wait_for "$(msg '5. Publication')" || bad "$L: find" "the word was not found: $(screen)"
	keys /
	keys -l "zzqqx"
	keys Enter
	wait_for "$(msg 'Not found.')" || bad "$L: find" "no Not found: $(screen)"
	keys Escape
	keys F10
	wait_dead || bad "$L: quit" "$(screen)"

	# --- an empty database says what to do ---------------------------------
	tz_start 80 24 "$TZB --db $TMP/empty-$L.db --lang $L"
	wait_for "$(msg 'This database has no register yet. To begin:')" ||
		bad "$L: first start" "no words on what to do: $(pane_state)"
	contains "$L: first start: open a cycle with its keys" "F3" "$(screen)"
	contains "$L: first start: the classifier" "$(msg '- import the classifier: F9 Menu, Classifier, then F5 (or tizilim import-nkz FILE on the command line);' | cut -c1-30)" "$(screen)"
	lacks "$L: an empty database is no demo" "$(msg 'DEMO register')" "$(screen)"
	keys F10
	wait_dead || bad "$L: quit empty" "$(screen)"
done
done_tests
