#!/bin/sh
# The review and the National Council's steps through the interface only, on
# the demo database: in review a change approved, one returned (refused
# without a comment, then with a Cyrillic one) and approved after all; then
# on the Cycle screen (F9, Ц) the draft submitted to the Council on a typed
# date, the recommendations refused without a comment for the returned
# change, then recorded with a protocol, the change CODE:LEVEL returned and
# its comment, and the register published, the backup offer declined.  What
# a clerk would then check: the returned change undone in the register, the
# comment kept with the decision and in the change log, the published
# version read-only, the next draft there, the log's chain intact.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

if [ "$(id -u)" != 0 ]; then
	bad "council" "must run as root: the database's creator is its administrator"
	done_tests
	exit 1
fi
DB=$TMP/c.db
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
# settle NAME SQL WANT: the program saves as the key is handled, the test
# reads beside it: poll until SQL gives WANT, then judge.
settle() {
	i=0; while [ "$(q "$2" 2>/dev/null)" != "$3" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	expect "$1" "$3" "$(q "$2" 2>&1)"
}

export TIZILIM_TODAY=2026-04-10
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad setup "init --demo failed"
V=$(q "select id from reg_version where state = 'draft'")
BASE=$(q "select id from reg_version where state = 'published'")
[ -n "$V" ] && [ -n "$BASE" ] || bad setup "the demo has no draft [$V] or no published version [$BASE]"
NCH=$("$TZB" --db "$DB" review show | grep -c '^[-+~] ')
[ "$NCH" -ge 3 ] || bad setup "the demo draft has $NCH changes"
dec() {  # dec STAGE DECISION: how many decisions of the draft
	echo "select count(*) from change_decision where version_id = $V and stage = '$1' and decision = '$2'"
}
RET=2411-1-001:6
RET_CODE=${RET%:*}; RET_LEVEL=${RET#*:}
validity() { q "select validity from reg_row where version_id = $1 and nkz_code = '$RET_CODE' and level = '$RET_LEVEL'"; }
[ "$(validity "$V")" != "$(validity "$BASE")" ] || bad setup "$RET does not change validity in the demo draft"

HELP_KK=$(msg kk Help)
tz_start 80 24 "cd $TMP && $TZB --db $DB 2>>$TMP/err"
wait_for "$HELP_KK" || bad start "no key bar: $(screen)"
open() {  # open LETTER NEEDLE: F9, the menu item's letter, wait for NEEDLE
	keys F9; sleep 0.2; keys -l "$1"
	wait_for "$2" || bad "open $1" "no [$2]: $(screen)"
}

# --- review: approve one, return one with a comment -------------------------
open v "5131-1-001"
keys F4
settle "review F4: the change under the cursor approved" "$(dec review approved)" 1
K1=$(q "select nkz_code || ':' || level from change_decision where version_id = $V and stage = 'review'")
wait_for "$(msg kk '%s approved.' | sed "s/%s/$K1/")" || bad "review F4: said" "$(screen)"
keys Down F8
RETURN_KK=$(msg kk 'Return the change')
wait_for "$RETURN_KK" || bad "review F8: the comment dialog" "$(screen)"
keys Enter
NEED=$(msg kk 'Returning a change needs a comment saying what to correct.')
wait_for "$(printf '%s' "$NEED" | cut -d' ' -f1-3)" || bad "review: a return without comment refused" "$(screen)"
expect "review: nothing returned without a comment" 0 "$(q "$(dec review returned)")"
REVC="Негізді нақтылаңыз"
keys F8
wait_for "$RETURN_KK" || bad "review F8 again" "$(screen)"
keys -l "$REVC"
wait_for "$REVC" || bad "review: the comment typed" "$(screen)"
keys Enter
settle "review F8: returned, with the comment" \
	"select comment from change_decision where version_id = $V and stage = 'review' and decision = 'returned'" "$REVC"
K2=$(q "select nkz_code || ':' || level from change_decision where version_id = $V and decision = 'returned'")
wait_for "$(msg kk '%s returned.' | sed "s/%s/$K2/")" || bad "review F8: said" "$(screen)"
# A decision moves the cursor on to the next undecided change: back up to it.
# The body's full name takes two lines at 80 columns: the decision is at the
# view's end.
keys Up F3
wait_for "$(msg kk 'In the draft')" || bad "review F3: the change" "$(screen)"
keys End
wait_for "$REVC" || bad "review F3: the comment shown with the decision" "$(screen)"
keys Escape
wait_for "5131-1-001" || bad "review: back from F3" "$(screen)"
# Approved after all, then the rest, one by one, from the screen.
keys F4
settle "review: the returned change approved after all" "$(dec review approved)" 2
n=2
while [ $n -lt "$NCH" ]; do
	keys F4
	n=$((n + 1))
	settle "review: change $n approved" "$(dec review approved)" $n
done
expect "review: nothing left returned" 0 "$(q "$(dec review returned)")"
LOG=$("$TZB" --db "$DB" log --object change_decision --format tsv 2>&1)
contains "log: the review's comment" "$REVC" "$LOG"
contains "log: the decision overturned, before and after" "decision: returned -> approved" "$LOG"
keys Escape
wait_for "$HELP_KK" || bad "review: closed" "$(screen)"

# --- the Council: submission on a typed date ---------------------------------
open ц "$(msg kk Council)"
keys F4
wait_for "2026-04-10" || bad "council F4: today's date offered" "$(screen)"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
keys -l 2026-03-25
wait_for "2026-03-25" || bad "council F4: the date typed" "$(screen)"
keys Enter
settle "council F4: submitted" "select state from reg_version where id = $V" submitted
settle "council F4: the date typed kept" \
	"select council_sub_date from cycle where id = (select cycle_id from reg_version where id = $V)" 2026-03-25

# --- the recommendations: the comment required for a returned change ---------
RECS_KK=$(msg kk 'Returned (CODE:LEVEL)')
keys F5
wait_for "$(printf '%s' "$RECS_KK" | cut -d' ' -f1)" || bad "council F5: the dialog" "$(screen)"
keys Down; keys -l 7; keys Down; keys -l "$RET"
wait_for "$RET" || bad "council F5: the change typed" "$(screen)"
keys Enter
SAY=$(msg kk 'Say why the changes are returned: the comment goes with them.')
wait_for "$(printf '%s' "$SAY" | cut -d' ' -f1-3)" || bad "council: returned without a comment refused" "$(screen)"
settle "council: still with the Council after the refusal" "select state from reg_version where id = $V" submitted
expect "council: no recommendation recorded" 0 "$(q "select count(*) from change_decision where version_id = $V and stage = 'council'")"

COMMENT="Кәсіби стандарт әлі бекітілмеген"
keys F5
wait_for "$(printf '%s' "$RECS_KK" | cut -d' ' -f1)" || bad "council F5 again" "$(screen)"
keys Down; keys -l 7; keys Down; keys -l "$RET"; keys Down; keys -l "$COMMENT"
wait_for "$COMMENT" || bad "council F5: the comment typed" "$(screen)"
keys Enter
settle "council F5: recommendations recorded" "select state from reg_version where id = $V" recommended
UNDONE=$(TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk ngettext tizilim \
	"The recommendations are recorded; %d change undone." "The recommendations are recorded; %d changes undone." 1 |
	sed 's/%d/1/')
wait_for "$UNDONE" || bad "council F5: one change undone, said" "$(screen)"
wait_for "$(msg kk '%s, protocol %s' | sed 's/%s/2026-04-10/; s/%s/7/')" ||
	bad "council F5: the protocol beside the date" "$(screen)"
expect "council: the protocol kept" 7 \
	"$(q "select council_protocol from cycle where id = (select cycle_id from reg_version where id = $V)")"
expect "council: the returned change undone" "$(validity "$BASE")" "$(validity "$V")"
expect "council: the other changes kept" 1 \
	"$(q "select count(*) from reg_row where version_id = $V and nkz_code = '5131-1-001' and level = '3'")"
expect "council: the comment with the returned change" "$COMMENT" \
	"$(q "select comment from change_decision where version_id = $V and stage = 'council' and decision = 'returned' and nkz_code = '$RET_CODE' and level = '$RET_LEVEL'")"
expect "council: the others recommended" "$((NCH - 1))" "$(q "$(dec council approved)")"
LOG=$("$TZB" --db "$DB" log --object change_decision --format tsv 2>&1)
contains "log: the Council's comment" "$COMMENT" "$LOG"
contains "log: the undoing, with the comment as its reason" "($COMMENT)" "$("$TZB" --db "$DB" log --object reg_row 2>&1 | tail -n 3)"
LOG=$("$TZB" --db "$DB" log --object cycle --format tsv 2>&1)
contains "log: the submission date, before and after" "council_sub_date: - -> 2026-03-25" "$LOG"
contains "log: the protocol, before and after" "council_protocol: - -> 7" "$LOG"

# --- publication, the backup declined -----------------------------------------
keys F6
wait_for "2026-04-10" || bad "publish F6: the date offered" "$(screen)"
keys Enter
wait_for "$(msg kk 'Publish it')" || bad "publish: the summary" "$(screen)"
keys Left Enter
wait_for "backups/tizilim-" || bad "publish: backup offered" "$(screen)"
keys Right Enter
settle "publish: published" "select state from reg_version where id = $V" published
wait_for "$(msg kk 'The register is published.')" || bad "publish: said" "$(screen)"
expect "publish: no backup when declined" 0 "$(ls "$TMP/backups" 2>/dev/null | grep -c '\.db$')"
NEXT=$(q "select id from reg_version where state = 'draft' and base_id = $V")
[ -n "$NEXT" ] && ok "publish: the next draft starts from it" || bad "publish: next draft" "none based on $V"
expect "publish: the next draft holds its rows" "$(q "select count(*) from reg_row where version_id = $V")" \
	"$(q "select count(*) from reg_row where version_id = ${NEXT:-0}")"
err=$(q "update reg_row set validity = 9 where version_id = $V" 2>&1)
contains "publish: the published version is read-only" "not a draft" "$err"
expect "publish: its rows unchanged" 0 "$(q "select count(*) from reg_row where version_id = $V and validity = 9")"

keys F10
wait_for "$(msg kk Menu)" || bad "cycle screen closed" "$(screen)"
keys F10
wait_dead || bad quit "the program did not leave: $(screen)"
status "verify: the log's chain intact" 0 "$TZB" --db "$DB" verify
expect "nothing on stderr" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
