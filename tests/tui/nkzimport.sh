#!/bin/sh
# The classifier imported from the terminal, at 80x24 in Kazakh and Russian:
# F5 on the classifier screen and the F9 menu ask for the file; a file with
# malformed active rows lists every bad row and imports nothing until the
# clerk chooses to import the valid rows (the rest written beside the file);
# a long import shows a progress bar and Esc cancels it with nothing written.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/n.db
SAMPLE=$SHARED/data/nkz-sample.csv
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
msgp() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 ngettext tizilim "$2" "$3" "$4"; }

mkdir -p "$TMP/in"
python3 "$TOP/tests/nkz_fixture.py" "$SAMPLE" "$TMP/in/bad.csv" "$TMP/in/bad.xlsx" \
	'2331-001|УЧИТЕЛЬ|МҰҒАЛІМ|1' 'Х1000-0|ПРОЧИЕ|БАСҚАЛАР|1' 'Y1000|ЛАТИНСКАЯ|ЛАТЫН|1' \
	'1-99-999|ЗАГЛУШКА|ТОЛТЫРҒЫШ|1' || bad fixtures "nkz_fixture.py"
# A classifier long enough to be cancelled however loaded the machine: 900,000
# occupations, whose reading alone takes seconds.
python3 - "$TMP/in/big.csv" <<'PY'
import sys
with open(sys.argv[1], 'w', encoding='utf-8') as o:
    o.write('code,name_ru,name_kz\n9,Г,Т\n99,Г,Т\n999,Г,Т\n')
    for u in range(9900, 10000):
        o.write('%d,Г,Т\n' % u)
        for g in range(1, 10):
            o.write('%d-%d,Г%d,Т%d\n' % (u, g, g, g))
            for n in range(1000):
                o.write('%d-%d-%03d,Слесарь %d,Слесарь %d\n' % (u, g, n, n, n))
PY

TITLE_KK=$(msg kk 'Import the classifier')
CLS_KK=$(msg kk 'Classifier (NKZ)')
codes=$(q 'SELECT count(*) FROM nkz')
imports() { q "SELECT count(*) FROM change_log WHERE object = 'nkz' AND action = 'import'"; }

# Kazakh: from the classifier screen, F5.
tz_start 80 24 "$TZB --lang kk --db $DB"
wait_for "$(msg kk Help)" || bad start "$(screen)"
keys F9; wait_for "$(msg kk 'Import the classifier...')" || bad "menu item" "$(screen)"
keys -l 'с'; wait_for "$CLS_KK" || bad "classifier" "$(screen)"
contains "F5 on the key bar" "5$(msg kk Import)" "$(last_line)"
keys F5; wait_for "$TITLE_KK" || bad "F5: the form" "$(screen)"
keys -l "$TMP/in/bad.csv"; keys Enter
head_kk=$(msgp kk '%ld row has problems; nothing was imported.' \
	'%ld rows have problems; nothing was imported.' 4 | sed 's/%ld/4/')
wait_for "$head_kk" || bad "kk: the bad rows counted" "$(screen)"
s=$(screen)
for c in 2331-001 Х1000-0 Y1000 1-99-999; do
	contains "kk: $c listed" "\"$c\"" "$s"
done
contains "kk: row and column" "1002-жол, \"CODE\" бағаны:" "$s"
contains "kk: the reason in Kazakh" "кәсіптер тобының цифры жоқ" "$s"
contains "kk: the choice offered" "$(msg kk 'Enter: import the valid rows; Esc: close')" "$s"
expect "kk: nothing written yet" "$codes" "$(q 'SELECT count(*) FROM nkz')"
[ -e "$TMP/in/bad-rejected.csv" ] && bad "kk: no rejects yet" "file written" || ok "kk: no rejects yet"
keys Enter; wait_for "$(msg kk 'Import the valid rows')" || bad "kk: the choice" "$(screen)"
keys Enter
wait_for "Импортталды: 1000, алынбады: 4, күшін жойды: 0." ||
	bad "kk: imported with the counts" "$(screen)"
contains "kk: the rejects file named" "bad-rejected.csv" "$(screen | tr -d '\n')"
[ -s "$TMP/in/bad-rejected.csv" ] && ok "kk: rejects written" || bad "kk: rejects written" "none"
expect "kk: the valid rows imported" 0 "$(q "SELECT count(*) FROM nkz WHERE code IN ('2331-001', 'Х1000-0', 'Y1000', '1-99-999')")"
expect "kk: the sample's rows in" "СВАРЩИК" "$(q "SELECT name_ru FROM nkz WHERE code = '7212-1-008'")"
keys Escape; wait_for "$CLS_KK" || bad "kk: back to the classifier" "$(screen)"
codes=$(q 'SELECT count(*) FROM nkz'); n_imports=$(imports)

# The F9 menu, a long import, Esc: nothing written.
keys F9; wait_for "$(msg kk 'Import the classifier...')"
keys -l 'т'; wait_for "$TITLE_KK" || bad "menu т: the form" "$(screen)"
keys -l "$TMP/in/big.csv"; keys Enter
wait_for "$(msg kk 'Esc: cancel, nothing is written')" || bad "kk: a progress bar" "$(screen)"
case "$(screen)" in *█*|*░*) ok "kk: the bar" ;; *) bad "kk: the bar" "$(screen)" ;; esac
keys Escape
wait_for "$(msg kk 'The import was cancelled; nothing was written.')" || bad "kk: cancelled" "$(screen)"
expect "kk: cancelled, no code written" "$codes" "$(q 'SELECT count(*) FROM nkz')"
expect "kk: cancelled, none of the file" 0 "$(q "SELECT count(*) FROM nkz WHERE code GLOB '99*'")"
expect "kk: cancelled, nothing logged" "$n_imports" "$(imports)"
keys Enter; keys Escape
wait_gone "$TITLE_KK" || bad "kk: the form closes" "$(screen)"
keys F10; keys F10

# Russian, the workbook: the list, then Esc imports nothing.
rm -f "$TMP"/in/bad-rejected*.csv
tz_start 80 24 "$TZB --lang ru --db $DB"
wait_for "$(msg ru Help)" || bad "ru start" "$(screen)"
keys F9; wait_for "$(msg ru 'Import the classifier...')" || bad "ru: menu item" "$(screen)"
keys -l 'т'; wait_for "$(msg ru 'Import the classifier')" || bad "ru: the form" "$(screen)"
contains "ru: the form's keys" "$(msg ru 'Enter: import (CSV or XLSX); Esc: cancel; F2: language')" "$(screen)"
keys -l "$TMP/in/bad.xlsx"; keys Enter
head_ru=$(msgp ru '%ld row has problems; nothing was imported.' \
	'%ld rows have problems; nothing was imported.' 4 | sed 's/%ld/4/')
wait_for "$head_ru" || bad "ru: the bad rows counted" "$(screen)"
s=$(screen)
contains "ru: row and column" "Строка 1002, столбец \"CODE\":" "$s"
contains "ru: the Latin letter" "начинается с латинской буквы Y" "$s"
contains "ru: the placeholder" "\"1-99-999\" не является кодом классификатора" "$s"
keys Escape; wait_gone "$head_ru" || bad "ru: Esc closes the list" "$(screen)"
expect "ru: nothing written" "$codes" "$(q 'SELECT count(*) FROM nkz')"
expect "ru: nothing logged" "$n_imports" "$(imports)"
[ -e "$TMP/in/bad-rejected.csv" ] && bad "ru: no rejects" "file written" || ok "ru: no rejects"
keys F10

done_tests
