#!/bin/sh
# The cycle's steps and the export from the interface: publishing through the
# Cycle screen offers a backup, and taking it leaves a copy in the backups
# folder beside the database and the version published; the press release
# shows in Kazakh and, after F2, in Russian; Export... writes the Appendix's
# workbook of the published version, asks before replacing a file, writes a
# Russian CSV, a CSV in RK1048 and one with a byte-order mark, and refuses
# CP1251 for Kazakh text, naming the letter.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

if [ "$(id -u)" != 0 ]; then
	bad "steps" "must run as root: the database's creator is its administrator"
	done_tests
	exit 1
fi
DB=$TMP/c.db
t() { "$TZB" --db "$DB" "$@" >/dev/null 2>&1 || bad "setup" "tizilim $* failed"; }
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }

# The demo's spring 2026 cycle up to the Council's recommendations.
export TIZILIM_TODAY=2026-04-16
t init --demo
t review approve --all
t cycle council-submit --date 2026-03-20
t cycle recommendations --date 2026-04-10 --protocol 5
V=$(q "select id from reg_version where state = 'recommended'")
[ -n "$V" ] || bad setup "no recommended version"

HELP_KK=$(msg kk Help); HELP_RU=$(msg ru Help)
start() {
	tz_start 80 24 "cd $TMP && $TZB --db $DB 2>>$TMP/err"
	wait_for "$HELP_KK" || bad start "no key bar: $(screen)"
}
open() {  # open LETTER NEEDLE: F9, the menu item's letter, wait for NEEDLE
	keys F9; sleep 0.2; keys "$1"
	wait_for "$2" || bad "open $1" "no [$2]: $(screen)"
}

# --- publish through the Cycle screen, taking the backup offered -----------
start
open w "2026-04-10"
contains "cycle: protocol beside the date" " 5" "$(screen | grep -F 2026-04-10)"
keys F6
wait_for "2026-04-16" || bad "publish dialog" "no date: $(screen)"
keys Enter
# What will be published, confirmed on purpose (the dialog starts on Cancel).
wait_for "$(msg kk 'Publish it')" || bad "publish summary" "$(screen)"
keys Left Enter
wait_for "backups/tizilim-" || bad "backup offered" "no path: $(screen)"
contains "backup offered: copy first" "$(msg kk 'Copy, then publish')" "$(screen)"
keys Enter
wait_for "$(msg kk 'The database was copied to %s' | sed 's/%s.*//' | cut -c1-15)" ||
	bad "backup taken" "no message: $(screen)"
keys Enter
n=$(ls "$TMP/backups" 2>/dev/null | grep -c '^tizilim-.*\.db$')
expect "one backup in the backups folder" 1 "$n"
f=$(ls "$TMP"/backups/tizilim-*.db 2>/dev/null | head -n 1)
expect "the backup is a sound database" ok "$(sqlite3 "$f" 'pragma integrity_check' 2>&1)"
i=0; while [ "$(q "select state from reg_version where id = $V")" != published ] && [ $i -lt 40 ]; do
	sleep 0.05; i=$((i + 1)); done
expect "version published" published "$(q "select state from reg_version where id = $V")"
wait_for "2026-04-16" || bad "placed date shown" "$(screen)"

# Publishing again is refused, the reason on the status line.
# Every check runs before any question: no summary, no backup offered.
keys F6
wait_for "2026-04-16" && keys Enter
sleep 0.3
st=$(line 23)
[ -n "$(printf '%s' "$st" | tr -d ' ')" ] && ok "second publish refused" || bad "second publish" "$(screen)"
lacks "no backup offered" "backups/tizilim-" "$(screen)"
expect "still one backup" 1 "$(ls "$TMP/backups" | grep -c '\.db$')"

# --- the press release, kk then ru ------------------------------------------
# Read beside the running program, which may hold the database a moment on a
# loaded machine: try for a few seconds.
for _ in 1 2 3 4 5 6 7 8 9 10; do
	KK=$("$TZB" --db "$DB" press show --lang kk 2>"$TMP/press.err" | grep -v '^ *$' | head -n 1 | cut -c1-30)
	RU=$("$TZB" --db "$DB" press show --lang ru 2>>"$TMP/press.err" | grep -v '^ *$' | head -n 1 | cut -c1-30)
	[ -n "$KK" ] && [ -n "$RU" ] && break
	sleep 0.5
done
[ -n "$KK" ] && [ "$KK" != "$RU" ] || bad setup "press texts [$KK] [$RU]: $(cat "$TMP/press.err")"
keys F7
wait_for "$KK" || bad "press kk" "no [$KK]: $(screen)"
keys F2
wait_for "$RU" || bad "press ru after F2" "no [$RU]: $(screen)"
lacks "press ru: kk text gone" "$KK" "$(screen)"
keys F2 Escape
wait_for "$HELP_KK"
# F8 loads the kk text from a file; the command line then shows it.
printf 'Баспасөз хабарламасы %s\n' "тексеру" >"$TMP/press-kk.txt"
keys F8
wait_for "$(msg kk 'Text file' | cut -c1-8)" || wait_for "Text file" || bad "press load dialog" "$(screen)"
keys Down "$TMP/press-kk.txt" Enter
sleep 0.3
i=0; while ! "$TZB" --db "$DB" press show --lang kk 2>/dev/null | grep -q тексеру && [ $i -lt 40 ]; do
	sleep 0.05; i=$((i + 1)); done
contains "press loaded from a file" "тексеру" "$("$TZB" --db "$DB" press show --lang kk 2>&1)"
keys Escape
wait_for "$HELP_KK"

# --- export -----------------------------------------------------------------
# The form offers the published version (named in the file), the language and,
# for a CSV, the encoding by name; Enter writes.
X=register-$V-kk.xlsx; C=register-$V-kk.csv
open e "CSV"
keys Down Enter
wait_for register-kk.xlsx || bad "export xlsx dialog" "$(screen)"
contains "export form: the draft first" "$(msg kk draft)" "$(screen)"
keys Right
wait_for "$X" || bad "export: the published version" "$(screen)"
contains "export form: the version and its state" "$(msg kk published)" "$(screen)"
keys Enter
wait_for "$TMP/$X" || wait_for "$X"
keys Enter
i=0; while [ ! -s "$TMP/$X" ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
expect "xlsx written, a zip" PK "$(head -c 2 "$TMP/$X" 2>/dev/null)"

# The file is there now: writing it again asks first, and No leaves it alone.
sum=$(sha256sum "$TMP/$X")
touch -d 2000-01-01 "$TMP/$X"
open e "CSV"
keys Down Enter
wait_for register-kk.xlsx && keys Right
wait_for "$X" || bad "export xlsx again" "$(screen)"
keys Enter
wait_for "$(msg kk '%s is there already. Replace it?' | sed 's/^%s //' | cut -c1-12)" ||
	bad "overwrite asked" "$(screen)"
keys Enter
sleep 0.3
expect "No keeps the file" "$sum" "$(sha256sum "$TMP/$X")"
expect "No keeps its time" 946684800 "$(stat -c %Y "$TMP/$X")"
contains "back on the form after No" "$X" "$(screen)"
keys Enter; sleep 0.2; keys Left Enter
wait_for "$(msg kk 'Written to %s' | sed 's/ *%s.*//')" || bad "overwrite yes" "$(screen)"
keys Enter
[ "$(stat -c %Y "$TMP/$X")" != 946684800 ] && ok "Yes replaces the file" || bad "Yes replaces" "same time"

# Russian is chosen on the form, and the file's name follows the language.
open e "CSV"
keys Enter
wait_for register-kk.csv && keys Right
wait_for "$C" || bad "export csv dialog" "$(screen)"
keys Down Right
wait_for "register-$V-ru.csv" || bad "file follows the language" "$(screen)"
keys Left Down Right Right Right Enter
wait_for "$C" && sleep 0.2
keys Enter
i=0; while [ ! -s "$TMP/$C" ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
u=$(iconv -f RK1048 -t UTF-8 "$TMP/$C" 2>/dev/null)
contains "rk1048 csv: Kazakh letters back through iconv" "ә" "$u"
iconv -f UTF-8 -t UTF-8 "$TMP/$C" >/dev/null 2>&1 &&
	bad "rk1048 csv" "the file is UTF-8" || ok "rk1048 csv is not UTF-8"

# UTF-8 with a byte-order mark, for Excel.
rm -f "$TMP/$C"
open e "CSV"
keys Enter
wait_for register-kk.csv && keys Right
wait_for "$C" || bad "export csv bom dialog" "$(screen)"
keys Down Down Right Enter
wait_for "$C" && sleep 0.2
keys Enter
i=0; while [ ! -s "$TMP/$C" ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
expect "utf-8 csv with a byte-order mark" efbbbf "$(head -c 3 "$TMP/$C" | od -An -tx1 | tr -d ' \n')"

rm -f "$TMP/$C"
LETTER=$("$TZB" --db "$DB" export --version "$V" --lang kk --encoding cp1251 -o "$TMP/x.csv" 2>&1 | grep -o '«[^»]*»' | head -n 1)
[ -n "$LETTER" ] || bad setup "the command line names no letter for cp1251"
open e "CSV"
keys Enter
wait_for register-kk.csv && keys Right
wait_for "$C" || bad "export cp1251 dialog" "$(screen)"
keys Down Down Right Right Enter
wait_for "$LETTER" || bad "cp1251 refused, letter named" "no [$LETTER]: $(screen)"
contains "cp1251 refusal names CP1251" "CP1251" "$(screen)"
keys Enter
[ ! -e "$TMP/$C" ] && ok "cp1251: no file" || bad "cp1251" "a file was written"
keys Escape

keys F10
wait_dead || bad quit "the program did not leave: $(screen)"
expect "nothing on stderr" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
