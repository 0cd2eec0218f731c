#!/bin/sh
# Terminal loss with the proposal form open: SIGHUP or SIGTERM after Cyrillic
# was typed into a new proposal leaves the database as last saved, the
# terminal's modes restored and what was typed kept as a proposal's draft;
# the next start offers it as a proposal: yes reopens the proposal form with
# the text, no forgets it.  An edit's draft reopens over the stored proposal.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/p.db
export TIZILIM_TODAY=2026-01-15
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
q() { sqlite3 "$DB" "$1"; }
digest() { q "SELECT count(*), total(length(basis_kk)) FROM proposal"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim "$1"; }
DRAFTS=$XDG_STATE_HOME/tizilim
drafts() { ls "$DRAFTS" 2>/dev/null | grep -c '^unsaved-.*\.txt$'; }
draft() { cat "$DRAFTS"/unsaved-*.txt 2>/dev/null; }

QUIT=$(msg 'Quit')
NEWP=$(msg 'New proposal')
MANDATORY=$(msg 'mandatory')
# The offer, flattened out of its box: the words before the time and the
# first words after it (a translation may put the time anywhere).
OFFER=$(msg 'An unsaved proposal from %s was found: restore it?')
last3() { awk '{ s = ""; for (i = NF > 3 ? NF - 2 : 1; i <= NF; i++) s = s (s ? " " : "") $i; print s }'; }
first3() { awk '{ s = ""; for (i = 1; i <= 3 && i <= NF; i++) s = s (s ? " " : "") $i; print s }'; }
BEFORE=$(echo "${OFFER%%%s*}" | last3)
AFTER=$(echo "${OFFER#*%s}" | first3)
ROWOFFER=$(msg 'An unsaved entry from %s was found: restore it?')
ROWBEFORE=$(echo "${ROWOFFER%%%s*}" | last3)
ROWAFTER=$(echo "${ROWOFFER#*%s}" | first3)
[ -n "$AFTER" ] || bad setup "no words of the offer to look for"
flat() { screen | sed 's/[│┌┐└┘─]//g' | tr -s ' \n' '  '; }
KK="Ұсыныс негіздемесі сақталмаған"
RU="Несохранённое обоснование"

cat >"$TMP/run.sh" <<RUN
"$TZB" --db "$DB"
echo "EXIT=\$?"
stty -a >"$TMP/stty.txt"
sleep 60
RUN
prog_pid() { pgrep -P "$(pane '#{pane_pid}')" -x tizilim; }
start() {
	rm -f "$TMP/stty.txt"
	tz_start 100 30 "sh $TMP/run.sh"
	wait_for "$1" || bad "$2: start" "no [$1]: $(screen)"
}
proposals() {  # the proposals screen, from the F9 menu
	keys F9; wait_for "$(msg 'Employer associations')" >/dev/null; keys p
	wait_for "$1" || bad "proposals screen" "no [$1]: $(screen)"
}
down() { i=0; while [ $i -lt "$1" ]; do keys Down; i=$((i + 1)); done; }
D0=$(digest)

after_kill() {
	sig=$1
	pid=$(prog_pid)
	[ -n "$pid" ] || bad "$sig: pid" "no tizilim process under the pane"
	kill -"$sig" $pid
	wait_for "EXIT=" || bad "$sig: exit" "the program did not leave: $(screen)"
	contains "$sig: left with status 0" "EXIT=0" "$(screen)"
	i=0
	while [ ! -s "$TMP/stty.txt" ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
	modes=" $(tr '\n;' '  ' <"$TMP/stty.txt") "
	rm -f "$TMP/stty.txt"
	contains "$sig: icanon restored" " icanon " "$modes"
	contains "$sig: echo restored" " echo " "$modes"
	lacks "$sig: no raw mode left" " -icanon " "$modes"
	expect "$sig: database as last saved" "$D0" "$(digest)"
	expect "$sig: one draft kept" 1 "$(drafts)"
	contains "$sig: the draft is a proposal's" "kind=proposal" "$(draft)"
	contains "$sig: the draft holds the Kazakh text" "$KK" "$(draft)"
	contains "$sig: the draft holds the Russian text" "$RU" "$(draft)"
	expect "$sig: no temporary file left" 0 "$(ls "$DRAFTS" | grep -c '\.new$')"
}

# A new proposal: the section switched, Cyrillic in both bases; then HUP.
start "$QUIT" first
expect "no draft at first" 0 "$(drafts)"
proposals "$(msg 'No proposals in this cycle.')"
keys F5
wait_for "$NEWP" || bad F5 "no proposal form: $(screen)"
down 3; keys Space
wait_for "$MANDATORY" || bad section "not switched: $(screen)"
down 5; keys -l "$KK"
keys Down; keys -l "$RU"
wait_for "$RU" || bad typing "text not shown: $(screen)"
after_kill HUP
contains "HUP: the draft holds the section" "section=mandatory" "$(draft)"

# The next start offers it as a proposal; Enter (Yes) reopens the form.
start "$AFTER" "offer after HUP"
[ -z "$BEFORE" ] || contains "offer: names a proposal" "$BEFORE" "$(flat)"
# Whichever part of the row's question differs from the proposal's is absent.
if [ -n "$ROWBEFORE" ] && [ "$ROWBEFORE" != "$BEFORE" ]; then
	lacks "offer: not the row's question" "$ROWBEFORE" "$(flat)"
elif [ "$ROWAFTER" != "$AFTER" ]; then
	lacks "offer: not the row's question" "$ROWAFTER" "$(flat)"
else
	bad setup "the row's and the proposal's questions read alike"
fi
keys Enter
wait_for "$NEWP" || bad restore "no proposal form after yes: $(screen)"
wait_for "$KK" || bad restore "the Kazakh text is not back: $(screen)"
contains "restore: the Russian text is back" "$RU" "$(screen)"
contains "restore: the section is back" "$MANDATORY" "$(screen)"
expect "restore: the offered draft is taken" 0 "$(drafts)"
expect "restore: database untouched" "$D0" "$(digest)"

# TERM in the restored form keeps it again.
after_kill TERM

# No forgets it: the register screen, no form, no draft.
start "$AFTER" "offer after TERM"
keys Escape
wait_gone "$AFTER" || bad decline "the offer stays: $(screen)"
wait_for "$QUIT" || bad decline "no register screen: $(screen)"
lacks "decline: no proposal form" "$NEWP" "$(screen)"
expect "decline: the draft is gone" 0 "$(drafts)"
keys F10
wait_for "EXIT=" || true

# An edit's draft reopens over the stored proposal: its title, its id.
BODY=$(q "select id from body where authorized = 0 order by id limit 1")
CODE=$(q "select code from nkz where level = 6 and active = 1 order by code limit 1")
L1=$(q "select code from nrk_level order by base, code limit 1")
"$TZB" --db "$DB" proposal add --body "$BODY" --action include --section voluntary --code "$CODE" \
	--levels "$L1" --validity 5 --profile t --basis-kk "Бастапқы" >/dev/null 2>&1 ||
	bad "edit setup" "cannot add a proposal: $("$TZB" --db "$DB" proposal add --body "$BODY" --action include --section voluntary --code "$CODE" --levels "$L1" --validity 5 --profile t --basis-kk x 2>&1)"
P=$(q "select max(id) from proposal")
D0=$(digest)
start "$QUIT" "edit"
proposals "$CODE"
keys F4
wait_for "$(msg 'Edit the proposal')" || bad "edit F4" "no Edit step: $(screen)"
keys Up Enter
wait_for "Бастапқы" || bad edit "no form with the stored basis: $(screen)"
down 8
keys End; keys -l " $KK"
keys Down; keys -l "$RU"
wait_for "$RU" || bad "edit typing" "text not shown: $(screen)"
after_kill HUP
contains "edit: the draft names the proposal" "id=$P" "$(draft)"
start "$AFTER" "offer after the edit"
keys Enter
TITLE=$(printf "$(msg 'Proposal %lld: %s %s' | sed 's/%lld/%s/')" "$P" "$CODE" "" | sed 's/ *$//')
wait_for "$TITLE" || bad "edit restore" "no form titled with the proposal: $(screen)"
contains "edit restore: the typed text is back" "Бастапқы $KK" "$(screen)"
expect "edit restore: the stored proposal untouched" "Бастапқы" "$(q "select basis_kk from proposal where id = $P")"
keys F5
wait_gone "$TITLE" || bad "edit restore: save" "the form did not close: $(screen)"
expect "edit restore: saved over the same proposal" "Бастапқы $KK|$RU" \
	"$(q "select basis_kk || '|' || basis_ru from proposal where id = $P")"
expect "edit restore: no proposal added" 1 "$(q "select count(*) from proposal")"
expect "no draft at the end" 0 "$(drafts)"
done_tests
