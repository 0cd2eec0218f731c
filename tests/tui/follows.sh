#!/bin/sh
# The screens follow the store and find what a clerk types (issue 12), at
# 80x24: a code typed without its hyphens, two letters inside a word and a
# Kazakh word typed with Russian letters find their rows in both languages;
# after a publication the title says the new state without a restart and a
# new draft offers its keys again; in the published cycle no new proposal
# is offered to a sectoral clerk, as the command line refuses one too.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

SUITE=follows
. "$(dirname "$0")/cycleroles.inc"

PUB="(SELECT max(id) FROM reg_version WHERE state = 'published')"
LOOK_CODE=$(q "SELECT nkz_code FROM reg_row WHERE version_id = $PUB AND fold_kk GLOB '*[әіңғүұқөһ]*' ORDER BY nkz_code LIMIT 1")
LOOK=$(q "SELECT fold_kk FROM reg_row WHERE version_id = $PUB AND nkz_code = '$LOOK_CODE' LIMIT 1" | sed 'y/әіңғүұқөһ/аингуукох/')
[ -n "$LOOK_CODE" ] || bad setup "no Kazakh name with a Kazakh letter"
for L in kk ru; do
	start root $L
	# --- finding: a code without hyphens, a Kazakh word in Russian letters ---
	keys F7; keys -l "72121008"
	wait_for "7212-1-008" && ok "$L search 72121008" || bad "$L search 72121008" "not found: $(screen)"
	keys Escape; sleep 0.15
	# A Kazakh name typed with the Russian look-alikes of its letters.
	keys F7; keys -l "$LOOK"
	wait_for "$LOOK_CODE" && ok "$L search $LOOK" || bad "$L search $LOOK" "not found: $(screen)"
	keys Escape; sleep 0.15
	# Inside a word: Өрт сөндіруші (Пожарный).
	keys F7; keys -l "ші"
	wait_for "5411-1-001" && ok "$L search ші" || bad "$L search ші" "no Өрт сөндіруші: $(screen)"
	keys Escape; sleep 0.15
	keys F10
	wait_dead || bad "$L quit" "did not leave: $(screen)"
done

# --- publication: the title follows without a restart -----------------------
start root kk
before=$(line 1)
open w "$(msg kk 'Press release')"
keys F6
wait_for "$(msg kk 'Publish the register')" || bad publish "no date asked: $(screen)"
keys Enter
wait_for "$(msg kk 'Publish it')" || bad publish "no summary to confirm: $(screen)"
keys Left Enter
wait_for "$(msg kk 'Publish without a copy')" || bad publish "no backup asked: $(screen)"
keys Right Enter
wait_for "$(msg kk 'The register is published.')" || bad publish "not published: $(screen)"
close
wait_for "$(msg kk 'Register of Professions')" >/dev/null
after=$(line 1)
[ "$before" != "$after" ] && ok "publish: the title moved on" || bad "publish: title" "still [$after]"
contains "publish: the stage says published" "$(msg kk published)" "$after"
keys F10
wait_dead || bad "quit" "did not leave: $(screen)"
start root kk
expect "publish: the title as a restart shows it" "$after" "$(line 1)"
expect "publish: a new draft, every key" "1 2 3 4 5 6 7 8 9 10" "$(keybar_digits)"
keys F10; wait_dead >/dev/null

# --- the spring cycle is over: no new proposal in it, here or on the command line
start "$SB" ru
open p "2622-1-001"
lacks "published cycle: no F5 for the sectoral clerk" " 5" " $(keybar_digits)"
keys F5
OVER=$(msg ru 'The %s cycle is over: its register is published.  Proposals go to the cycle open now.' | sed 's/.*%s//' | cut -c1-12)
wait_for "$OVER" && ok "published cycle: F5 says why" || bad "published cycle: F5 says why" "no [$OVER]: $(screen)"
lacks "published cycle: F5 opens no form" "$(msg ru 'New proposal')" "$(screen)"
keys Enter; sleep 0.15
close
keys F10
wait_dead || bad "sb quit" "did not leave: $(screen)"
out=$(runuser -u "$SB" -- env HOME="$SH" TIZILIM_LANG=ru TIZILIM_TODAY=$TIZILIM_TODAY "$TZB" --db "$DB" \
	proposal add --body education --action include --section voluntary --code 2342-1-001 2>&1)
contains "command line: no open cycle either" "cycle open" "$out"
expect "nothing stored" 1 "$(q "select count(*) from proposal")"
expect "nothing on stderr" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
