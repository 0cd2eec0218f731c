#!/bin/sh
# The cycle's screens, reached from the F9 menu: review of the draft against
# the published register (added, removed, changed rows, totals, changed cells
# marked; the author kept from approving, the reason shown), the deadlines
# (an overdue step highlighted, "due in N working days"), the change log
# (entries, a filter by user), the proposals (states, a remark's rework
# deadline).  Each screen switches language with F2 and survives 80x24.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

if [ "$(id -u)" != 0 ]; then
	bad "cycle" "must run as root: it creates a second login with useradd"
	done_tests
	exit 1
fi
# A sectoral body's clerk beside the administrator (root), so that the log
# holds two users to filter by.
SB=tzts$$
cleanup() { tm kill-server 2>/dev/null; userdel "$SB" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
useradd -M -N -s /bin/sh -d /nonexistent "$SB" || bad useradd "cannot create $SB"
tz_reachable "$SB"
chmod 0711 "$TMP"
SH=$TMP/shared
mkdir -p "$SH/state"
chmod 1777 "$SH" "$SH/state"
DB=$SH/c.db
t() { "$TZB" --db "$DB" "$@" >/dev/null 2>&1 || bad "setup" "tizilim $* failed"; }
sb() {
	runuser -u "$SB" -- env HOME="$SH" XDG_DATA_HOME="$SH" XDG_STATE_HOME="$SH/state" \
		XDG_CONFIG_HOME="$SH/state" "$TZB" --db "$DB" "$@" >/dev/null 2>&1 || bad "setup" "as $SB: $* failed"
}
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
ctx() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext --context="$2" tizilim "$3"; }

# The demo's spring 2026 register published; autumn 2026 opened on it.  Today
# is after the last event recorded here (events cannot be dated ahead).
export TIZILIM_TODAY=2026-09-21
t init --demo
chmod 666 "$DB"
t user add "$SB" sb_clerk education
t review approve --all
t cycle council-submit --date 2026-03-20
t cycle recommendations --date 2026-04-10 --protocol 5
t publish --date 2026-04-16 --no-backup
t cycle open 2026 autumn
J="--safety-kk Қауіпсіздік --safety-ru Безопасность --demand-kk Сұраныс --demand-ru Спрос --standard-kk Стандарт --standard-ru Стандарт"
# One of each: a level added, a code removed, a row changed (basis, validity).
t proposal add --body culture --action include --section voluntary --code 2622-1-001 --levels 7 \
	--validity 5 --profile sg --basis-kk "Кітапханашы стандарты" --basis-ru "Стандарт библиотекаря" $J
t proposal add --body finance --action exclude --section voluntary --code 2411-1-001 \
	--demand-kk "Сұраныс жоқ" --demand-ru "Нет спроса"
t proposal add --body industry --action amend --section mandatory --code 8332-1-002 --levels 3 \
	--validity 3 --profile t --basis-kk "Заң" --basis-ru "Закон" $J --legal-act-kk "Заң" --legal-act-ru "Закон"
sb proposal add --body education --action include --section voluntary --code 2342-1-001 --levels 8 \
	--validity 5 --profile sg --basis-kk "Тәрбиеші" --basis-ru "Воспитатель" --demand-kk x --demand-ru x
for b in culture finance industry; do
	t proposal agree --body $b --date 2026-08-25 --protocol 1
	t proposal submit --body $b --date 2026-08-28
done
sb proposal agree --body education --date 2026-08-25 --protocol 2
sb proposal submit --body education --date 2026-08-28
for p in 1 2 3; do t proposal accept $p --date 2026-09-03; t proposal apply $p; done
t proposal remarks 4 --date 2026-09-10 --text-kk "Стандартты атаңыз" --text-ru "Назовите стандарт"
[ "$(q "select due from remark where proposal_id = 4")" = 2026-09-14 ] || bad setup "remark due is not 2026-09-14"

HELP_KK=$(msg kk Help); HELP_RU=$(msg ru Help)
[ "$HELP_KK" != "$HELP_RU" ] || bad catalogs "Help is the same in kk and ru"
start() {  # start DATE: the program at 100x30 on that day, the register up
	tz_start 100 30 "TIZILIM_TODAY=$1 $TZB --db $DB 2>>$TMP/err"
	wait_for "$HELP_KK" || bad start "no key bar: $(screen)"
}
open() {  # open LETTER NEEDLE: F9, the menu item's letter, wait for NEEDLE
	keys F9; sleep 0.2; keys "$1"
	wait_for "$2" || bad "open $1" "no [$2]: $(screen)"
}
# F2 there and back, the keybar following; then 80x24 and back.
lang_and_size() {  # lang_and_size NAME KK_DATA RU_DATA
	keys F2
	wait_for "$3" || bad "$1 F2" "no [$3] after F2: $(screen)"
	contains "$1 F2: key bar in Russian" "$HELP_RU" "$(last_line)"
	lacks "$1 F2: kk data gone" "$2" "$(screen)"
	keys F2
	wait_for "$2" || bad "$1 F2 back" "no [$2]: $(screen)"
	contains "$1 F2 back: key bar in Kazakh" "$HELP_KK" "$(last_line)"
	tm resize-window -t 0 -x 80 -y 24
	wait_for "$2" && sleep 0.1
	expect "$1 80x24: 24 lines" 24 "$(screen | wc -l)"
	w=$(screen | wc -L); [ "$w" -le 80 ] && ok "$1 80x24 width" || bad "$1 80x24 width" "a line is $w wide"
	contains "$1 80x24: key bar" "$HELP_KK" "$(last_line)"
	tm resize-window -t 0 -x 100 -y 30
	wait_for "$2" || bad "$1 100x30" "not back after growing: $(screen)"
	expect "$1 100x30: 30 lines" 30 "$(screen | wc -l)"
}
# The SGR codes in force where NEEDLE first shows: tmux writes a code only
# where the attributes change, so they are followed from the top.
attr_at() {
	tm capture-pane -e -p -t 0 | awk -v n="$1" '{
		pos = index($0, n); s = pos ? substr($0, 1, pos - 1) : $0
		while (match(s, /\033\[[0-9;]*m/)) {
			c = substr(s, RSTART + 2, RLENGTH - 3)
			st = (c == "0" || c == "") ? "" : st ";" c
			s = substr(s, RSTART + RLENGTH)
		}
		if (pos) { print st ";"; exit }
	}'
}
is_alert() {  # the alert colour (red background) or, in monochrome, bold and reverse
	case "$2" in *";41;"*) ok "$1";; *";1;"*";7;"*|*";7;"*";1;"*) ok "$1";;
	*) bad "$1" "not highlighted: [$2]";; esac
}
# The distinct codes on the line holding NEEDLE (how many attributes it mixes).
esc_line() { tm capture-pane -e -p -t 0 | grep -F -- "$1" | head -n 1; }

# --- review --------------------------------------------------------------
start 2026-09-21
open v "2622-1-001"
s=$(screen)
contains "review: added row" "+ 2622-1-001" "$s"
contains "review: removed row" "- 2411-1-001" "$s"
contains "review: changed row" "~ 8332-1-002" "$s"
contains "review: totals" "+1 -2 ~1" "$s"
contains "review: totals by body" "+0 -2 ~0" "$s"
contains "review: totals by level" "7: +1 -0 ~0" "$s"
# The changed row's validity and basis cells are marked, its code is not.
row=$(esc_line "~ 8332-1-002")
nmark=$(printf '%s' "$row" | grep -o "$(printf '\033')\[[0-9;]*m" | sort -u | wc -l)
[ "$nmark" -ge 3 ] && ok "review: changed cells marked" || bad "review: changed cells marked" "$row"
added=$(esc_line "+ 2622-1-001")
[ "$(printf '%s' "$added" | grep -o "$(printf '\033')\[[0-9;]*m" | sort -u | wc -l)" -lt "$nmark" ] &&
	ok "review: an added row has no marked cell" || bad "review: added row marked" "$added"
# The cursor to the changed row; F3 shows the old value beside the new.
keys Down Down Down
keys F3
wait_for "8332-1-002" && sleep 0.1
s=$(screen)
contains "review F3: old validity" "5" "$s"
contains "review F3: new basis" "Заң" "$s"
contains "review F3: changed columns starred" "* " "$s"
keys Escape
wait_for "+ 2622-1-001"
# root applied the proposals, so root may not approve them.
keys F4
REFUSED=$(msg kk "%s prepared this change and so may not approve it; another approver must." |
	sed 's/%s/root/' | cut -c1-40)
wait_for "$REFUSED" || bad "review: own change refused, reason shown" "no [$REFUSED]: $(screen)"
contains "review: the refusal on the status line" "root" "$(line 29)"
expect "review: nothing approved" 0 "$(q "select count(*) from review_decision where decision = 'approved' and version_id = (select max(id) from reg_version)" 2>/dev/null || echo 0)"
lang_and_size review "Жүк көлігінің" "Водитель"
keys Escape
wait_for "$(msg kk Register)" >/dev/null 2>&1

# --- deadlines: 21 September 2026, the remark of 10 Sept overdue ----------
# 1 November 2026 is a Sunday: the Council step is due Monday 2 November.
open d "2026-11-02"
s=$(screen)
DUE=$(TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk ngettext tizilim "due in %d working day" \
	"due in %d working days" 29 | sed 's/%d/29/' | cut -c1-20)
contains "deadlines: due in N working days" "$DUE" "$s"
is_alert "deadlines: the overdue remark highlighted" "$(attr_at "2026-09-14")"
contains "deadlines: per body submitted" "2026-08-28" "$s"
lacks "deadlines: the Council step not highlighted yet" ";41;" "$(attr_at "2026-11-02")"
lang_and_size deadlines "ДСМ" "Минздрав"   # health, by its short names
keys F10
tm kill-server
# After 2 November, the Council step itself is overdue.
start 2026-11-05
open d "2026-11-02"
is_alert "deadlines: overdue Council step highlighted" "$(attr_at "2026-11-02")"
keys F10

# --- the change log --------------------------------------------------------
open g "$SB"
s=$(screen)
contains "log: entries with logins" "root" "$s"
contains "log: the other user" "$SB" "$s"
keys F6
wait_for "$(msg kk 'User (login)')" || bad "log F6" "no filter dialog: $(screen)"
keys "$SB" Enter
wait_for "$SB, " || true
sleep 0.2
s=$(screen)
lacks "log filtered: no root entries" " root " "$s"
contains "log filtered: the clerk's entries" "$SB" "$s"
N=$(q "select count(*) from change_log where login = '$SB'")
contains "log filtered: the count" "$N" "$(line 29)"
keys Enter
wait_for "$(msg kk Before)" || bad "log F3" "no before/after: $(screen)"
keys Escape
wait_for "$SB" >/dev/null
lang_and_size log "$HELP_KK" "$HELP_RU"
keys F10

# --- proposals ------------------------------------------------------------
open p "2342-1-001"
s=$(screen)
contains "proposals: applied state" "$(ctx kk 'proposal state' applied)" "$s"
contains "proposals: remarks state" "$(ctx kk 'proposal state' remarks)" "$s"
contains "proposals: rework deadline" "2026-09-14" "$s"
is_alert "proposals: a passed rework deadline highlighted" "$(attr_at "2026-09-14")"
keys End F3
wait_for "2342-1-001" && keys End
wait_for "Назовите стандарт" || bad "proposals F3" "no remarks in both languages: $(screen)"
contains "proposals F3: kk remarks" "Стандартты атаңыз" "$(screen)"
keys Escape
wait_for "2342-1-001"
# A step the state does not allow is not offered: with remarks open, the
# proposal is resubmitted or rejected, not accepted.
keys F4
wait_for "$(msg kk 'Resubmit after rework')" || bad "proposals F4" "no resubmit offered: $(screen)"
expect "proposals: accept not offered with remarks" 0 "$(screen | grep -c "│ $(msg kk Accept) ")"
keys Escape
wait_gone "$(msg kk 'Resubmit after rework')"
expect "proposals: state unchanged" remarks "$(q "select state from proposal where id = 4")"
lang_and_size proposals "Тәрбиеші" "Воспитатель"
keys F10 F10
wait_dead || bad quit "the program did not leave: $(screen)"
expect "nothing on stderr (sanitizers)" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
