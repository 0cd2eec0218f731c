#!/bin/sh
# Offline packages through the F9 menu at 80x24: the administrator exports a
# body's proposals (the body and cycle chosen, the file named after them,
# the checksum said), a sectoral body's clerk exports their own and is
# refused an import; the authorized body imports into another database after
# the dry run's findings: a clean import adds the proposals, a conflict waits
# for Cancel, Skip or Replace and keeps the content chosen, a text file, a
# truncated package and a missing file are refused naming the file, with the
# database unchanged.  A file name typed in Cyrillic is edited letter by
# letter; F2 says the findings again in the other language.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

if [ "$(id -u)" != 0 ]; then
	bad "package" "must run as root: it creates a sectoral clerk's login with useradd"
	done_tests
	exit 1
fi
SB=tzpsb$$
cleanup() { tm kill-server 2>/dev/null; userdel "$SB" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
useradd -M -N -s /bin/sh -d /nonexistent "$SB" || bad "useradd" "cannot create the login $SB"
tz_reachable "$SB"
chmod 0711 "$TMP"
W=$TMP/w
mkdir -p "$W/sbhome"
chmod 1777 "$W" "$W/sbhome"
A=$W/a.db
B=$TMP/b.db
"$TZB" --db "$A" init --demo >/dev/null 2>&1 || bad init "init A"
"$TZB" --db "$B" init --demo >/dev/null 2>&1 || bad init "init B"
sqa() { sqlite3 -batch "$A" "$1"; }
sqb() { sqlite3 -batch "$B" "$1"; }
state() { sqlite3 "$1" .dump | md5sum; }
tr_() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext -e tizilim "$2"; }
# The text of a message up to its first printf field: what shows on one line.
head_of() { tr_ "$1" "$2" | sed 's/%.*//; s/ *$//'; }
# A message filled in as printf(3) would (the shell's printf knows no %lld).
fill() { _f=$(tr_ "$1" "$2" | sed 's/%l*d/%s/g'); shift 2; printf "$_f" "$@"; }
# The screen as one line, spaces squeezed, so that wrapped text is found whole.
flat() { screen | tr '\n' ' ' | tr -s ' '; }

code1=$(sqa "select code from nkz where level = 6 order by code limit 1")
code2=$(sqa "select code from nkz where level = 6 order by code limit 1 offset 1")
cyc=$(sqa "select id from cycle where year = 2026 and season = 'spring'")
[ -n "$code1" ] && [ -n "$code2" ] && [ -n "$cyc" ] || bad fixtures "demo data lacks codes or the 2026 spring cycle"
sqa "insert into proposal (cycle_id, body_id, association_id, action, section, nkz_code, basis_kk,
       basis_ru, validity, profile, safety_kk, safety_ru, demand_kk, demand_ru, standard_kk,
       standard_ru, state, created, author)
     values ($cyc, (select id from body where code = 'agriculture'), 1, 'include', 'voluntary', '$code1',
       'Кәсіптік стандарт', 'Профстандарт', 5, 'sg', 'Қауіпсіздік', 'Безопасность', 'Сұраныс бар',
       'Есть спрос', 'КС-1', 'ПС-1', 'agreed', '2026-01-10T10:00:00Z', 'aigul'),
       ($cyc, (select id from body where code = 'agriculture'), NULL, 'exclude', 'mandatory', '$code2', '',
       '', NULL, NULL, '', '', 'Сұраныс жоқ', 'Спроса нет', '', '', 'submitted', '2026-01-11', 'aigul'),
       ($cyc, (select id from body where code = 'competition'), NULL, 'include', 'voluntary', '$code2', '',
       '', NULL, NULL, '', '', '', '', '', '', 'draft', '2026-01-12', 'aigul');
     insert into proposal_level select id, '4' from proposal where nkz_code = '$code1'"
"$TZB" --db "$A" user add "$SB" sb_clerk agriculture >/dev/null 2>&1 || bad setup "user add $SB"
chmod 0666 "$A"

EXP=$(tr_ kk 'Export a package...'); IMP=$(tr_ kk 'Import a package...')
T_EXP=$(tr_ kk 'Export a package'); T_IMP=$(tr_ kk 'Import a package')
OKB=$(tr_ kk OK)
start() {  # start DB [USER]: the program at 80x24 in $W
	if [ -n "${2:-}" ]; then
		tz_start 80 24 "cd $W && runuser -u $2 -- env HOME=$W/sbhome XDG_DATA_HOME=$W/sbhome \
XDG_STATE_HOME=$W/sbhome XDG_CONFIG_HOME=$W/sbhome $TZB --db $1 2>>$TMP/err"
	else
		tz_start 80 24 "cd $W && $TZB --db $1 2>>$TMP/err"
	fi
	wait_for "$(tr_ kk Help)" || bad start "no key bar: $(pane_state)"
}
menu() {  # menu LETTER TITLE: F9, the item, wait for the form
	keys F9
	wait_for "$EXP" || bad "menu" "no menu: $(pane_state)"
	keys "$1"
	wait_for "$2" || bad "menu $1" "no [$2]: $(pane_state)"
}
# Clears the form's file field (the cursor is there) and types $1.
type_file() {
	keys End; i=0; while [ $i -lt 60 ]; do keys BSpace; i=$((i + 1)); done
	[ -z "$1" ] || keys -l "$1"
}

# --- export, as the administrator: body and cycle chosen --------------------
start "$A"
menu x "$T_EXP"
wait_for "agriculture-2026-spring.tzp" || bad "default file" "$(pane_state)"
keys Right
wait_for "competition-2026-spring.tzp" || bad "Right: next body" "$(pane_state)"
keys Left
wait_for "agriculture-2026-spring.tzp" || bad "Left: back" "$(pane_state)"
keys Enter
wait_for "$OKB" || bad "export said" "$(pane_state)"
P=$W/agriculture-2026-spring.tzp
HEX=$(sqlite3 "$P" "select checksum from manifest" 2>/dev/null)
[ ${#HEX} = 64 ] && ok "package written" || bad "package written" "no manifest in $P"
contains "export names the checksum" "$HEX" "$(screen)"
contains "export names the file" "agriculture-2026-spring.tzp" "$(screen)"
expect "only the body's proposals" 2 "$(sqlite3 "$P" 'select count(*) from proposal')"
keys Enter
wait_gone "$HEX" || bad "message closes" "$(pane_state)"

# A Cyrillic name, edited in the middle: "Ауыл-өнім.tzp", four Lefts, "і".
menu x "$T_EXP"
keys Down Down
type_file "Ауыл-өнім.tzp"
wait_for "Ауыл-өнім.tzp" || bad "typed Cyrillic" "$(pane_state)"
keys Left Left Left Left
keys -l "і"
wait_for "Ауыл-өнімі.tzp" || bad "edited Cyrillic" "$(pane_state)"
keys Enter
wait_for "$OKB" || bad "Cyrillic export said" "$(pane_state)"
[ -f "$W/Ауыл-өнімі.tzp" ] && ok "Cyrillic file name" || bad "Cyrillic file name" "$(ls "$W")"
keys Enter
wait_gone "$OKB"

# The export chooser offers the package too.
keys F9; wait_for "$EXP"; keys e
wait_for "$(tr_ kk "Package: a sectoral body's proposals, for another workstation")" ||
	bad "export chooser" "$(pane_state)"
keys Escape
keys F10
wait_dead || bad "quit" "$(pane_state)"

# --- a sectoral clerk: their own body; import refused by the core ----------
rm -f "$P"
start "$A" "$SB"
menu x "$T_EXP"
wait_for "agriculture-2026-spring.tzp" || bad "clerk: default file" "$(pane_state)"
keys Enter
wait_for "$OKB" || bad "clerk: export said" "$(pane_state)"
expect "clerk: package made by the clerk" "$SB|agriculture" "$(sqlite3 "$P" 'select login, body from manifest' 2>&1)"
keys Enter; wait_gone "$OKB"
before=$(state "$A")
# The menu's item says the core's reason at once, before any form.
keys F9
wait_for "$EXP" || bad "clerk: menu" "no menu: $(pane_state)"
keys i
wait_for "$(head_of kk "importing a package is the authorized body's clerks' work; %s is %s")" ||
	bad "clerk: import refused" "$(pane_state)"
contains "clerk: the refusal names the login" "$SB" "$(screen | grep -v '|')"
keys Enter; sleep 0.2; keys Escape
expect "clerk: nothing written" "$before" "$(state "$A")"
keys F10; wait_dead

# --- import into B: a clean import ------------------------------------------
LOG0=$(sqb "select count(*) from change_log")
start "$B"
menu i "$T_IMP"
type_file "$P"
keys Enter
DRY=$(head_of kk 'Dry run, nothing written: %d would be added, %d replaced, %d skipped.\n')
wait_for "$DRY" || bad "dry run shown" "$(pane_state)"
contains "dry run counts" "$(fill kk 'Dry run, nothing written: %d would be added, %d replaced, %d skipped.\n' 2 0 0 | tr -s ' ')" "$(flat)"
expect "dry run writes nothing" "$LOG0" "$(sqb "select count(*) from change_log")"
# F2: the findings are said again in Russian, then back in Kazakh.
keys F2
wait_for "$(head_of ru 'Dry run, nothing written: %d would be added, %d replaced, %d skipped.\n')" ||
	bad "F2: findings in Russian" "$(pane_state)"
keys F2
wait_for "$DRY" || bad "F2: findings in Kazakh again" "$(pane_state)"
keys Enter
wait_for "[ $(tr_ kk Import) ]" || bad "import button" "$(pane_state)"
keys Enter
wait_for "$OKB" || bad "import said" "$(pane_state)"
contains "import counts" "$(fill kk 'Imported: %d added, %d replaced, %d skipped.\n' 2 0 0)" "$(screen)"
keys Enter
expect "proposals came in" 2 "$(sqb "select count(*) from proposal p join body b on b.id = p.body_id where b.code = 'agriculture'")"
expect "with their content" "Кәсіптік стандарт" "$(sqb "select basis_kk from proposal where nkz_code = '$code1'")"

# --- a conflict: Cancel, then Skip, then Replace ----------------------------
sqa "update proposal set basis_kk = 'Жаңа стандарт' where nkz_code = '$code1'"
"$TZB" --db "$A" package export "$P" --body agriculture --cycle 2026 spring >/dev/null 2>&1 || bad setup "re-export"
conflict() {  # opens the findings of $P and the choice over them
	menu i "$T_IMP"
	type_file "$P"
	keys Enter
	wait_for "$code1" || bad "conflict: $1" "no finding: $(pane_state)"
	contains "conflict: $1: the finding names the proposal" "$code1, include" "$(flat)"
	keys Enter
	wait_for "[ $(tr_ kk Replace) ]" || bad "conflict: $1" "no choice: $(pane_state)"
	contains "conflict: $1: skip offered" "[ $(tr_ kk Skip) ]" "$(screen)"
	contains "conflict: $1: cancel offered" "[ $(tr_ kk Cancel) ]" "$(screen)"
}
before=$(state "$B")
conflict cancel
keys Right Right Enter
wait_gone "[ $(tr_ kk Replace) ]"
wait_gone "$T_IMP" || bad "cancel closes" "$(pane_state)"
expect "cancel: nothing written" "$before" "$(state "$B")"
conflict skip
keys Right Enter
wait_for "$OKB" || bad "skip said" "$(pane_state)"
keys Enter
expect "skip keeps ours" "Кәсіптік стандарт" "$(sqb "select basis_kk from proposal where nkz_code = '$code1' and action = 'include'")"
conflict replace
keys Enter
wait_for "$OKB" || bad "replace said" "$(pane_state)"
keys Enter
expect "replace takes theirs" "Жаңа стандарт" "$(sqb "select basis_kk from proposal where nkz_code = '$code1' and action = 'include'")"
expect "replace keeps one row each" 2 "$(sqb "select count(*) from proposal p join body b on b.id = p.body_id where b.code = 'agriculture'")"

# --- refused files: the reason names the file; B unchanged ------------------
printf 'proposal,body\n1,agriculture\n' > "$W/text.tzp"
head -c 6000 "$P" > "$W/trunc.tzp"
refused() {  # refused NAME FILE NEEDLE
	before=$(state "$B"); logn=$(sqb "select count(*) from change_log")
	menu i "$T_IMP"
	type_file "$2"
	keys Enter
	wait_for "$3" || bad "$1: reason" "$(pane_state)"
	contains "$1: names the file" "$(basename "$2")" "$(screen)"
	keys Enter
	wait_gone "$OKB"
	contains "$1: the form stays to put the name right" "$T_IMP" "$(screen)"
	keys Escape
	wait_gone "$T_IMP"
	expect "$1: nothing written" "$before" "$(state "$B")"
	expect "$1: change log unchanged" "$logn" "$(sqb "select count(*) from change_log")"
}
refused "text file" "$W/text.tzp" "SQLite"
refused "truncated" "$W/trunc.tzp" "trunc.tzp"
refused "missing" "$W/nosuch.tzp" "No such"
refused "empty name" "" "$(tr_ kk 'Give the file to read.')"
lacks "no error output" "ERROR" "$(cat "$TMP/err" 2>/dev/null)"
lacks "no runtime error" "runtime error" "$(cat "$TMP/err" 2>/dev/null)"
keys F10
wait_dead || bad "quit" "$(pane_state)"
done_tests
