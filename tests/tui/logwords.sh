#!/bin/sh
# The change log and the calendar as a clerk reads them, at 80x24 in both
# languages: the log screen and one entry in full show what each entry is
# about, what was done and every field by its label, never a table, column,
# state or event name of the program; the calendar writes its day in words
# as each language does.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/l.db
export TIZILIM_TODAY=2026-05-27
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
"$TZB" --db "$DB" user add nobody sb_clerk health --reason "маман" >/dev/null 2>&1 || bad init "user add"
"$TZB" --db "$DB" review approve 5131-1-001:3 >/dev/null 2>&1 || bad init "review approve"
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
RAW="draft published submitted recommended returned approved include exclude amend insert update
delete seal mandatory voluntary reg_row reg_version app_user change_decision proposal_event
body_id nkz_code version_id name_kk name_ru login role stage decision health sb_clerk admin"
printf '%s\n' $RAW > "$TMP/raw"
raw_free() {
	found=$(printf '%s\n' "$2" | grep -owF -f "$TMP/raw" | sort -u | tr '\n' ' ')
	if [ -z "$found" ]; then ok "$1"; else bad "$1" "raw words: $found on: $2"; fi
}

for l in kk ru; do
	tz_start 80 24 "$TZB --db $DB --lang $l"
	wait_for "$(msg $l Help)" || bad "$l start" "$(screen)"
	keys F9; wait_for "$(msg $l 'The change log')" || bad "$l menu" "$(screen)"
	keys g
	wait_for "$(msg $l 'Change log: all entries, newest first')" || bad "$l log screen" "$(pane_state)"
	wait_for "$(msg $l 'decision on a change')" || bad "$l log: the newest entry by its label" "$(screen)"
	s=$(screen)
	raw_free "$l log screen: no internal words" "$s"
	contains "$l log: the user's role added" "$(msg $l "user's role") nobody" "$s"
	contains "$l log: what was done" "$(msg $l created)" "$s"
	# The reason: in its column where the page leaves room for it, else
	# the one of the entry under the cursor, below the list (the user's
	# role is the second entry).
	keys Down
	wait_for "$(msg $l Reason): маман" && ok "$l log: the reason" || bad "$l log: the reason" "$(screen)"
	keys Up
	wait_gone "$(msg $l Reason): маман" && ok "$l log: back on the newest" || bad "$l log: back on the newest" "$(screen)"
	# The newest entry in full: the decision, field by field.
	keys Enter
	wait_for "$(msg $l Before)" || bad "$l entry" "$(screen)"
	s=$(screen)
	raw_free "$l log entry: no internal words" "$s"
	contains "$l entry: the stage by its label" "$(msg $l 'Stage of review')" "$s"
	contains "$l entry: the decision's value" "$(msg $l approved)" "$s"
	contains "$l entry: the row's version" "$(msg $l 'version %lld' | sed s/%lld/2/)" "$s"
	keys Escape; wait_for "$(msg $l 'Change log: all entries, newest first')" || bad "$l entry closes" "$(screen)"
	# The filter takes a kind of record by its label.
	keys F6; wait_for "$(msg $l 'Kind of record')" || bad "$l filter" "$(screen)"
	keys Down; keys -l "$(msg $l "user's role")"; keys Enter
	wait_for "$(msg $l 'Change log: %s' | sed 's/%s.*//')$(msg $l 'object %s' | sed 's/%s.*//')" ||
		bad "$l filter applied" "$(screen)"
	s=$(screen)
	contains "$l filter: by the label" "$(msg $l "user's role")" "$(line 1)"
	lacks "$l filter: only roles" "$(msg $l 'decision on a change')" "$s"
	raw_free "$l filtered log: no internal words" "$s"
	keys F10

	# The calendar: the day in words.
	tz_start 80 24 "$TZB --db $DB --lang $l"
	wait_for "$(msg $l Help)" || bad "$l start again" "$(screen)"
	keys F9; wait_for "$(msg $l 'The change log')"
	keys y
	if [ $l = kk ]; then want="2026 жылғы 27 мамыр, сәрсенбі" k="Құрбан айт: 27 мамыр"
	else want="среда, 27 мая 2026 г." k="Курбан айт: 27 мая"; fi
	wait_for "$want" || bad "$l calendar: the day in words" "$(screen)"
	contains "$l calendar: Kurban ait in the genitive" "$k" "$(screen)"
	keys F10
done
done_tests
