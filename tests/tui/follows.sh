#!/bin/sh
# The screens follow the store and find what a clerk types (issue 12), at
# 80x24: a code typed without its hyphens, two letters inside a word and a
# Kazakh word typed with Russian letters find their rows in both languages;
# after a publication the title says the new state without a restart and a
# new draft offers its keys again; in the published cycle no new proposal
# is offered to a sectoral clerk, as the command line refuses one too.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

if [ "$(id -u)" != 0 ]; then
	bad "follows" "must run as root: it creates logins with useradd"
	done_tests
	exit 1
fi
SB=tzsb$$ RD=tzrd$$
cleanup() { tm kill-server 2>/dev/null; userdel "$SB" 2>/dev/null; userdel "$RD" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
useradd -M -N -s /bin/sh -d /nonexistent "$SB" || bad useradd "cannot create $SB"
useradd -M -N -s /bin/sh -d /nonexistent "$RD" || bad useradd "cannot create $RD"
tz_reachable "$SB"
chmod 0711 "$TMP"
SH=$TMP/shared
mkdir -p "$SH/state"
chmod 1777 "$SH" "$SH/state"
DB=$SH/r.db
t() { "$TZB" --db "$DB" "$@" >/dev/null 2>&1 || bad "setup" "tizilim $* failed"; }
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
ctx() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2$(printf '\004')$3"; }

export TIZILIM_TODAY=2026-04-20
t init --demo
chmod 666 "$DB"
t user add "$SB" sb_clerk education
t user add "$RD" reader
J="--safety-kk Қауіпсіздік --safety-ru Безопасность --demand-kk Сұраныс --demand-ru Спрос --standard-kk Стандарт --standard-ru Стандарт"
t proposal add --body culture --action include --section voluntary --code 2622-1-001 --levels 7 \
	--validity 5 --profile sg --basis-kk "Кітапханашы стандарты" --basis-ru "Стандарт библиотекаря" $J
t proposal agree --body culture --date 2026-01-20 --protocol 1
t proposal submit --body culture --date 2026-01-25
t review approve --all
t cycle council-submit --date 2026-03-20
t cycle recommendations --date 2026-04-10 --protocol 5

# start LOGIN LANG [W H]: the program as LOGIN, the register up.
start() {
	_w=${3:-80} _h=${4:-24}
	if [ "$1" = root ]; then
		tz_start "$_w" "$_h" "TIZILIM_LANG=$2 $TZB --db $DB 2>>$TMP/err"
	else
		tz_start "$_w" "$_h" "runuser -u $1 -- env HOME=$SH XDG_DATA_HOME=$SH XDG_STATE_HOME=$SH/state XDG_CONFIG_HOME=$SH/state TIZILIM_LANG=$2 TIZILIM_TODAY=$TIZILIM_TODAY TIZILIM_LOCALEDIR=$TIZILIM_LOCALEDIR $TZB --db $DB 2>>$TMP/err"
	fi
	wait_for "1$(msg "$2" Help)" || bad "start $1 $2" "no key bar: $(pane_state)"
}
keybar_digits() { last_line | sed 's/[^0-9][^0-9]*/ /g; s/^ *//; s/ *$//'; }
# The key bar of the screen on view: never two labels run together (a
# label's last letter against the next key's digit) nor a label cut.
keybar_whole() {  # keybar_whole NAME
	_kb=$(last_line)
	expect "$1: key bar labels apart" 0 "$(printf '%s\n' "$_kb" | grep -cE '[^ 0-9][0-9]')"
	lacks "$1: key bar labels whole" "~" "$_kb"
}
open() {  # open LETTER NEEDLE: F9, the menu item's letter, wait for NEEDLE
	keys F9; sleep 0.15; keys "$1"
	wait_for "$2" || bad "open $1" "no [$2]: $(screen)"
}
close() { keys F10; sleep 0.15; }

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
