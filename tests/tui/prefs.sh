#!/bin/sh
# What the clerk chose stays chosen: the language switched with F2, the sort
# and a hidden column chosen in the filter, and the folder of the last export
# come back at the next start, kept in the clerk's own prefs file (0600); a
# session that changes nothing writes nothing, and a prefs file that is a
# link is neither read nor written through.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
DB=$TMP/p.db
PREFS=$XDG_CONFIG_HOME/tizilim/prefs
q() { sqlite3 "$DB" "$1"; }
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad setup "init --demo failed"
HELP_KK=$(msg kk Help); HELP_RU=$(msg ru Help)
BASIS_RU=$(msg ru Basis)
start() {
	tz_start 80 24 "cd $TMP && $TZB --db $DB 2>>$TMP/err"
	wait_for "$1" || bad start "no key bar [$1]: $(screen)"
}
quit() { keys F10; wait_dead || bad quit "the program did not leave: $(screen)"; }

# A session that changes nothing leaves no file.
start "$HELP_KK"
quit
[ ! -e "$PREFS" ] && ok "nothing chosen, nothing written" || bad "nothing chosen" "$(cat "$PREFS")"

# Russian, sorted by code, the basis column hidden.
start "$HELP_KK"
keys F2
wait_for "$HELP_RU" || bad "F2" "$(screen)"
contains "the basis column shows at first" "$BASIS_RU" "$(screen | sed -n 2p)"
keys F6; sleep 0.3
keys Down Down Down Down Right Down Down Down Down Down Space Enter
i=0; while screen | sed -n 2p | grep -qF "$BASIS_RU" && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
quit
contains "prefs: the language" "language = ru" "$(cat "$PREFS" 2>/dev/null)"
contains "prefs: the column" "column.3 = hidden" "$(cat "$PREFS" 2>/dev/null)"
contains "prefs: the sort" "sort = 2" "$(cat "$PREFS" 2>/dev/null)"
expect "prefs: the clerk's own file" 600 "$(stat -c %a "$PREFS" 2>/dev/null)"

# The next start: in Russian, by code, without the basis column.
FIRST=$(q "SELECT nkz_code FROM reg_row r JOIN reg_version v ON v.id = r.version_id
           WHERE v.state = 'draft' AND section = 'mandatory' ORDER BY nkz_code, level LIMIT 1")
start "$HELP_RU"
contains "restart: sorted by code" "$FIRST" "$(screen | sed -n 4p)"
case "$(screen | sed -n 2p)" in
*"$BASIS_RU"*) bad "restart: the basis column hidden" "$(screen | sed -n 2p)" ;;
*) ok "restart: the basis column hidden" ;;
esac

# An export into a folder of its own: the next export form starts there.
mkdir -p "$TMP/out"
keys F9; sleep 0.2; keys e
wait_for CSV || bad "export" "$(screen)"
keys Enter
wait_for "register-ru.csv" || bad "export form" "$(screen)"
keys Down Down Down
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do keys BSpace; done
keys "out/r.csv" Enter
wait_for "$(msg ru 'Written to %s' | sed 's/ *%s.*//')" || bad "export written" "$(screen)"
keys Enter
quit
[ -s "$TMP/out/r.csv" ] && ok "export written into out/" || bad "export into out/" "no file"
contains "prefs: the export folder" "export_dir = $TMP/out" "$(cat "$PREFS" 2>/dev/null)"
start "$HELP_RU"
keys F9; sleep 0.2; keys e
wait_for CSV || bad "export again" "$(screen)"
keys Enter
wait_for "$TMP/out/register-ru.csv" || bad "export form starts in the last folder" "$(screen)"
keys Escape
quit

# A link at the prefs file's name: not followed, on reading nor on writing.
rm -f "$PREFS"
printf 'language = ru\n' > "$TMP/elsewhere"
ln -s "$TMP/elsewhere" "$PREFS"
start "$HELP_KK"
keys F2
wait_for "$HELP_RU" || bad "F2 over a linked prefs" "$(screen)"
quit
expect "the linked file is untouched" "language = ru" "$(cat "$TMP/elsewhere")"
[ -f "$PREFS" ] && [ ! -L "$PREFS" ] && ok "the link replaced by the clerk's own file" ||
	bad "prefs link" "$(ls -l "$PREFS")"
expect "nothing on stderr" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
