#!/bin/sh
# Proposals entered from the interface, all at 80x24: an employer
# association added from its screen; a proposal typed in Cyrillic with every
# Kazakh letter, its code from the classifier picker, saved and shown in the
# list and stored field by field; Check names each missing item under its
# field, the form scrolling with a sign at the edge that has more; an edit
# stored; Esc asks before discarding; a reader is refused with the reason.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

if [ "$(id -u)" != 0 ]; then
	bad "propform" "must run as root: it creates a reader's login with useradd"
	done_tests
	exit 1
fi
RD=tzpfr$$
cleanup() { tm kill-server 2>/dev/null; userdel "$RD" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
useradd -M -N -s /bin/sh -d /nonexistent "$RD" || bad "useradd" "cannot create the reader's login"
tz_reachable "$RD"

# A directory the reader can use too (test only).
chmod 0711 "$TMP"
SH=$TMP/shared
mkdir -p "$SH/state"
chmod 1777 "$SH" "$SH/state"
DB=$SH/p.db
export TIZILIM_TODAY=2026-01-15
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim "$1"; }
msgn() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk ngettext tizilim "$1" "$2" "$3" | sed "s/%d/$3/"; }
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
"$TZB" --db "$DB" user add "$RD" reader >/dev/null 2>&1 || bad setup "cannot make $RD a reader"
chmod 666 "$DB"

AGRI=$(q "select id from body where code = 'agriculture'")
CODE=$(q "select code from nkz where level = 6 and active = 1 order by code limit 1")
NAME_KK=$(q "select name_kk from nkz where code = '$CODE'")
NAME_RU=$(q "select name_ru from nkz where code = '$CODE'")
L1=$(q "select code from nrk_level order by base, code limit 1")
L2=$(q "select code from nrk_level order by base, code limit 1 offset 1")
KK="Қауіпсіздікке әсер етеді: ә ғ қ ң ө ұ ү һ і"
HELP_KK=$(msg Help)
NEWP=$(msg "New proposal")
DISCARD=$(msg "Discard changes")

start() {  # start [LOGIN]
	if [ -n "${1:-}" ]; then
		tz_start 80 24 "runuser -u $1 -- env HOME=$SH XDG_DATA_HOME=$SH XDG_STATE_HOME=$SH/state XDG_CONFIG_HOME=$SH/state $TZB --db $DB 2>>$TMP/err"
	else
		tz_start 80 24 "$TZB --db $DB 2>>$TMP/err"
	fi
	wait_for "$HELP_KK" || bad start "no key bar: $(pane_state)"
}
open() {  # open LETTER NEEDLE: F9, the menu item's letter, wait for NEEDLE
	keys F9; wait_for "$(msg 'Employer associations')" >/dev/null; keys "$1"
	wait_for "$2" || bad "open $1" "no [$2]: $(screen)"
}
down() { i=0; while [ $i -lt "$1" ]; do keys Down; i=$((i + 1)); done; }

# --- an employer association from its screen --------------------------------
start
open a "$(msg 'Employer associations') ("
keys F5
wait_for "$(msg 'New employer association')" || bad "assoc F5" "no dialog: $(screen)"
keys -l "Әлеуметтік қызметкерлер қауымдастығы"
keys Tab
keys -l "Ассоциация социальных работников"
keys Enter
wait_for "$(msg 'Sectoral state body')" || bad "assoc body" "no body picker: $(screen)"
keys -l "Ауыл"
wait_for "Ауыл шаруашылығы" || bad "assoc body" "not narrowed: $(screen)"
keys Enter
ADDED=$(msg 'Employer association %lld added.
' | sed 's/%lld.*//' | cut -c1-12)
wait_for "$ADDED" || bad "assoc saved" "no message: $(screen)"
A=$(q "select id from association where name_kk = 'Әлеуметтік қызметкерлер қауымдастығы' and name_ru = 'Ассоциация социальных работников' and body_id = $AGRI")
[ -n "$A" ] && ok "association stored with its body" || bad "association stored" "$(q 'select * from association')"
contains "association listed" "Әлеуметтік қызметкерлер қауымдастығы" "$(screen)"
keys Escape

# --- a new proposal ------------------------------------------------------------
open p "$(msg 'No proposals in this cycle.')"
keys F5
wait_for "$NEWP" || bad F5 "no form: $(screen)"
contains "form key bar: Check" "6$(msg Check)" "$(last_line)"
# Body, through its picker.
keys Space
wait_for "$(msg 'Sectoral state body')" || bad "body picker" "$(screen)"
keys -l "Ауыл"; wait_for "Ауыл шаруашылығы"; keys Enter
wait_gone "$(msg 'Sectoral state body')" >/dev/null
# The association: only the body's own and those for every body are listed.
keys Down Space
wait_for "$(msg 'none')" || bad "association picker" "$(screen)"
contains "association picker: the body's own" "Әлеуметтік қызметкерлер" "$(screen)"
keys -l "Әлеум"; sleep 0.2; keys Enter
wait_for "Әлеуметтік қызметкерлер қауымдастығы" || bad "association chosen" "$(screen)"
# Action stays include; section becomes mandatory.
keys Down Down Space
wait_for "$(msg 'mandatory')" || bad section "$(screen)"
# The code through the classifier picker fills both names.
keys Down Space
wait_for "$(msg 'Classifier: type a code or a name')" || bad "code picker" "$(screen)"
keys -l "$CODE"
wait_for "$CODE  $NAME_KK" || bad "code picker" "not listed: $(screen)"
keys Enter
wait_for "$NAME_RU" || bad "code chosen" "no Russian name: $(screen)"
# Two levels, ticked in the level picker.
keys Down Space
wait_for "[ ] $L1" || bad levels "no level picker: $(screen)"
keys Space Down Space
wait_for "[x] $L2" || bad levels "not ticked: $(screen)"
keys Enter
wait_for "$L1, $L2" || bad levels "not on the form: $(screen)"
# Validity, profile, basis, and cl. 8's first items.
keys Down; keys -l 5
keys Down Space
wait_for "$(msg technical)" || bad profile "$(screen)"
keys Down; keys -l "Кәсіптік стандарт «Әлеуметтік жұмыс»"
keys Down; keys -l "Профессиональный стандарт «Социальная работа»"
keys Down; keys -l "$KK"
keys Down; keys -l "Влияет на безопасность"
keys Down; keys -l "Еңбек нарығында сұраныс бар"
wait_for "Еңбек нарығында сұраныс бар" || bad typing "$(screen)"

# Check: the missing items, each under its field; the form scrolls.
keys F6
FIVE=$(msgn "%d item is missing or wrong; each is shown under its field." \
	"%d items are missing or wrong; each is shown under its field." 5)
wait_for "$FIVE" || bad Check "no count of 5 missing items: $(screen)"
DEMAND_RU=$(printf "$(msg '%s (Russian)')" "$(msg '2) Demand')")
J2=$(msg "Justification 2, demand on the labour market now and in future (cl. 8)" | cut -c1-20)
below=$(screen | grep -A1 -F "$DEMAND_RU" | tail -n 1)
contains "Check: the missing Russian demand under its field" "$J2" "$below"
lacks "Check: the Kazakh demand is not missing" "$J2" "$(screen | grep -A1 -F "$(printf "$(msg '%s (Kazakh)')" "$(msg '2) Demand')")" | tail -n 1)"
# F2: the problems are said again in Russian.
J2RU=$(TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=ru gettext tizilim \
	"Justification 2, demand on the labour market now and in future (cl. 8)" | cut -c1-20)
keys F2
wait_for "$J2RU" && ok "F2: problems in Russian" || bad "F2: problems in Russian" "no [$J2RU]: $(screen)"
keys F2
wait_for "$J2" && ok "F2 back" || bad "F2 back: problems in Kazakh" "$(screen)"
s=$(screen)
expect "80x24: 24 lines" 24 "$(printf '%s\n' "$s" | wc -l)"
contains "80x24: more below is signalled" "↓" "$s"
contains "80x24: key bar on the last line" "5$(msg Save)" "$(last_line)"
LEGAL_RU=$(printf "$(msg '%s (Russian)')" "$(msg '4) Legal act')")
lacks "80x24: the last field is scrolled off" "$LEGAL_RU" "$s"
# The focus went to the first missing item: type it there.
keys -l "Спрос растёт"
keys Down Down Down Down
wait_for "$LEGAL_RU" || bad scroll "the last field did not scroll into view: $(screen)"
contains "scrolled: more above is signalled" "↑" "$(screen)"
J4=$(msg "Justification 4, the legal act making the qualification a condition of practice (cl. 8-1)" | cut -c1-20)
contains "Check: the legal act named under its field" "$J4" "$(screen)"
keys F5
wait_gone "$NEWP" || bad save "the form did not close: $(screen)"
wait_for "$CODE" || bad list "the new proposal is not listed: $(screen)"
P=$(q "select max(id) from proposal")
expect "stored: body, association, action, section, code" "$AGRI|$A|include|mandatory|$CODE|draft" \
	"$(q "select body_id||'|'||association_id||'|'||action||'|'||section||'|'||nkz_code||'|'||state from proposal where id = $P")"
expect "stored: validity and profile" "5|t" "$(q "select validity||'|'||profile from proposal where id = $P")"
expect "stored: Kazakh letters intact" "$KK" "$(q "select safety_kk from proposal where id = $P")"
expect "stored: the missing item typed after Check" "Спрос растёт" "$(q "select demand_ru from proposal where id = $P")"
expect "stored: both levels" "$L1,$L2" "$(q "select group_concat(level, ',') from (select level from proposal_level where proposal_id = $P order by level)")"
expect "stored: the cycle shown" "$(q "select id from cycle where year = 2026 and season = 'spring'")" \
	"$(q "select cycle_id from proposal where id = $P")"

# --- edit: the last step in F4's list -------------------------------------------
keys F4
wait_for "$(msg 'Edit the proposal')" || bad F4 "no Edit step: $(screen)"
keys Up Enter
wait_for "$CODE $NAME_KK" || bad edit "no form titled with the proposal: $(screen)"
contains "edit: typed text loaded" "$KK" "$(screen)"
down 14
keys -l "Стандарт «Әлеуметтік қызметкер»"
wait_for "Стандарт «Әлеуметтік қызметкер»" || bad edit "not typed: $(screen)"
keys F5
wait_gone "$CODE $NAME_KK" || bad "edit save" "the form did not close: $(screen)"
expect "edit stored" "Стандарт «Әлеуметтік қызметкер»" "$(q "select standard_kk from proposal where id = $P")"
expect "edit recorded" 1 "$(q "select count(*) from proposal_event where proposal_id = $P and event = 'edited'")"

# --- Esc on a changed form asks first -------------------------------------------
keys F4; wait_for "$(msg 'Edit the proposal')" >/dev/null
keys Up Enter
wait_for "$CODE $NAME_KK" >/dev/null
down 8
keys -l "ЖОҚ"
wait_for "ЖОҚ" || bad "Esc" "not typed: $(screen)"
keys Escape
wait_for "$DISCARD" || bad Esc "no question before discarding: $(screen)"
keys Right Enter
wait_gone "$DISCARD" || bad Esc "the question stays"
contains "Esc, No: the form keeps the typing" "ЖОҚ" "$(screen)"
keys Escape
wait_for "$DISCARD" >/dev/null
keys Enter
wait_gone "$CODE $NAME_KK" || bad "Esc, Yes" "the form stays: $(screen)"
lacks "Esc, Yes: nothing stored" "ЖОҚ" "$(q "select basis_kk from proposal where id = $P")"
keys F10 F10
wait_dead || bad quit "the program did not leave: $(screen)"

# --- a reader is offered no new proposal; the key says why -------------------
start "$RD"
open p "$CODE"
lacks "reader: no F5 on the key bar" "5$(msg New)" "$(last_line)"
keys F5
wait_for "$RD" || bad "reader F5" "no reason: $(screen)"
contains "reader: the reason names the login" "$RD" "$(screen)"
lacks "reader F5: no form" "$NEWP" "$(screen)"
expect "reader: nothing stored" 1 "$(q "select count(*) from proposal")"
keys Enter
wait_for "$CODE" >/dev/null
keys F10 F10
wait_dead || bad quit "the reader's program did not leave: $(screen)"
[ -s "$TMP/err" ] && bad stderr "$(cat "$TMP/err")"
done_tests
