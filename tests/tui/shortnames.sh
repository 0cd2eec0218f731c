#!/bin/sh
# Bodies by their short names at 80x24, in Kazakh and in Russian: the
# register's and the proposals list's body column shows each body's
# abbreviation whole (the widest, Минсельхоз, too), never a full name cut to
# "Министе~"; the detail views (a row, a proposal, a review change) name the
# body in full, wrapped rather than cut, and the Kazakh and Russian labels of
# a justification each show whole, so that the two never read alike.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/s.db
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
export TIZILIM_TODAY=2027-01-05
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad setup "init --demo failed"
"$TZB" --db "$DB" cycle open 2027 spring >/dev/null 2>&1 || bad setup "cycle open"
# A proposal of the body with the widest Russian short name, its
# justifications left empty so that their labels show with "-".
"$TZB" --db "$DB" proposal add --body agriculture --action include --section mandatory \
	--code 7212-1-008 --levels 4 --validity 5 --profile t --basis-kk "Заң" --basis-ru "Закон" \
	>/dev/null 2>&1 || bad setup "proposal add"
# Draft rows of that body, the first in the register's order in either
# language (Водитель грузового автомобиля, Газбен кесуші), so that the
# register's column must fit it too.
q "UPDATE reg_row SET body_id = (SELECT id FROM body WHERE code = 'agriculture')
   WHERE nkz_code IN ('7212-2-001', '8332-1-002')
   AND version_id = (SELECT id FROM reg_version WHERE state = 'draft')"
# labels: the detail's lines with the empty values' "-" taken off, joined,
# so that a label wrapped over two lines reads as one
labels() { printf '%s\n' "$1" | sed 's/  *-$//' | tr '\n' ' ' | tr -s ' '; }

# short name, the full name's first words, per language
for l in kk ru; do
	if [ $l = kk ]; then
		SHORT=АШМ OTHER=ИИДМ FULL="Қазақстан Республикасының Ауыл шаруашылығы"
		FULL_END="министрлігі"
	else
		SHORT=Минсельхоз OTHER=Минэнерго FULL="Министерство сельского хозяйства"
		FULL_END="Республики Казахстан"
	fi
	tz_start 80 24 "$TZB --db $DB --lang $l 2>>$TMP/err"
	wait_for "$(msg $l 'Help')" || bad "$l: start" "no key bar: $(pane_state)"

	# --- the register: the body column whole -------------------------------
	wait_for "$SHORT" || bad "$l: register" "no [$SHORT]: $(screen)"
	s=$(screen)
	contains "$l register: the column's heading" "$(msg $l 'Body')" "$(line 2)"
	contains "$l register: the widest short name whole" " $SHORT " "$s"
	contains "$l register: another body whole" " $OTHER " "$s"
	lacks "$l register: no full name cut" "Министе" "$s"
	lacks "$l register: no full name cut (kk)" "министрл" "$s"
	# Every row's body cell ends in a space, never the kit's cut mark.
	lacks "$l register: no body cut" "$SHORT~" "$s"
	lacks "$l register: no body cut ($OTHER)" "$(printf '%s' "$OTHER" | cut -c1-4)~" "$s"

	# --- the row in detail: the body in full, wrapped -----------------------
	keys F3
	wait_for "$FULL" || bad "$l: row detail" "no [$FULL]: $(screen)"
	s=$(screen)
	contains "$l row detail: the full name" "$FULL" "$s"
	contains "$l row detail: its end on the next line" "$FULL_END" "$s"
	lacks "$l row detail: nothing cut" "~" "$s"
	keys Escape
	wait_for "$(msg $l 'Help')"

	# --- the proposals list: the body column whole --------------------------
	keys F9
	sleep 0.2
	keys -l p
	wait_for "7212-1-008" || bad "$l: proposals" "no list: $(screen)"
	s=$(screen)
	contains "$l proposals: the body column" "$(msg $l 'Body')" "$(line 2)"
	contains "$l proposals: the body whole" " $SHORT " "$(line 3)"
	contains "$l proposals: the profession" "$(msg $l 'Profession')" "$(line 2)"
	lacks "$l proposals: no body cut" "$SHORT~" "$s"

	# --- the proposal in detail: the body in full, the labels whole ---------
	keys F3
	wait_for "$FULL" || bad "$l: proposal detail" "no [$FULL]: $(screen)"
	lacks "$l proposal detail: nothing cut" "~" "$(screen)"
	# Down a line at a time until the justifications head the view.
	J=$(msg $l 'Justification (cl. 8, 8-1)')
	i=0
	while [ $i -lt 30 ] && ! screen | sed -n 2,3p | grep -qF "$J"; do
		keys Down; sleep 0.1; i=$((i + 1))
	done
	s=$(screen)
	contains "$l proposal detail: scrolled to the justifications" "$J" "$(printf '%s\n' "$s" | sed -n 2,3p)"
	lacks "$l proposal detail, scrolled: nothing cut" "~" "$s"
	s=$(labels "$s")
	for what in '1) Health, life support, safety' '2) Demand on the labour market' \
	            '3) Professional standard'; do
		w=$(msg $l "$what")
		for side in '%s (Kazakh)' '%s (Russian)'; do
			# shellcheck disable=SC2059
			label=$(printf "$(msg $l "$side")" "$w")
			contains "$l proposal detail: [$label] whole" "$label" "$s"
		done
	done
	keys Escape
	wait_for "7212-1-008"
	keys Escape
	tm kill-server 2>/dev/null
done

# --- the review: short names in its list, the full one in a change's detail -
tz_start 80 24 "$TZB --db $DB --lang ru 2>>$TMP/err"
wait_for "$(msg ru 'Help')" || bad "ru: start" "no key bar: $(pane_state)"
keys F9
sleep 0.2
keys -l v
wait_for "2411-1-001" || bad "ru: review" "no list: $(screen)"
s=$(screen)
contains "ru review: bodies by short name" "Минфин" "$s"
lacks "ru review: no full name in the list" "Министерство" "$s"
keys F3      # the first change: the accountant's validity (Минфин)
wait_for "$(msg ru 'In the draft')" || bad "ru: review detail" "$(screen)"
s=$(screen)
contains "ru review detail: the body in full" "Министерство финансов Республики Казахстан" "$s"
lacks "ru review detail: no short name" "Минфин" "$s"
tm kill-server 2>/dev/null
[ -s "$TMP/err" ] && bad "no errors" "$(cat "$TMP/err")"

# The register's headings: at 80 columns a heading that does not fit gives
# way to its short form, never a word cut with "~"; at 132 they are whole.
for l in kk ru; do
	tz_start 80 24 "$TZB --db $DB --lang $l 2>>$TMP/err"
	wait_for "1$(msg $l Help)" || bad "$l headings" "no register: $(screen)"
	h=$(line 2)
	lacks "$l 80: no heading cut" "~" "$h"
	for m in 'NKZ code' 'Level' 'Body'; do
		contains "$l 80: heading $m whole" "$(msg $l "$m")" "$h"
	done
	# The row's form: every label whole, the body's longest of them.
	keys F4
	wait_for "$(msg $l 'Sectoral body')" || bad "$l form" "no form: $(screen)"
	f=$(screen)
	for m in 'Sectoral body' 'Validity, years' 'Basis (Russian)' 'Profile'; do
		contains "$l 80: form label $m whole" "$(msg $l "$m")" "$f"
	done
	keys F10; sleep 0.2
	# F2: the body column takes the other language's widest short name.
	if [ $l = kk ]; then
		keys F2
		wait_for "$(msg ru 'NKZ code')" || bad "kk F2" "no Russian: $(screen)"
		contains "kk F2: a Russian short name whole" "Минэнерго " "$(screen)"
	fi
	tz_start 132 40 "$TZB --db $DB --lang $l 2>>$TMP/err"
	wait_for "1$(msg $l Help)" || bad "$l headings 132" "no register: $(screen)"
	h=$(line 2)
	for m in 'Profession name per NKZ' 'Validity' 'Profile'; do
		contains "$l 132: heading $m whole" "$(msg $l "$m")" "$h"
	done
done

done_tests
