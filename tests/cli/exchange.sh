#!/bin/sh
# The register's CSV files in the Appendix layout: export in kk and ru, code
# pages, round trips, and imports refused with line and column, writing nothing.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/r.db
$TZB --db "$DB" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
draft() { sqlite3 "$DB" "select id from reg_version where state = 'draft'"; }
clear_draft() { sqlite3 "$DB" "delete from reg_row where version_id = $(draft)"; }
state() { sqlite3 "$DB" .dump | md5sum; }
# line N of a file without its CR
line() { sed -n "$1p" "$2" | tr -d '\r'; }
# the line a code first appears on at a level
line_of() { grep -n ",$1,[^,]*,$2," "$3" | head -1 | cut -d: -f1; }

# --- export, Kazakh -------------------------------------------------------
status "export kk" 0 $TZB --db "$DB" export --lang kk -o "$TMP/kk.csv"
K=$TMP/kk.csv
contains "kk heading" 'Р/с,ҰКС сәйкес кәсіптің атауы,ҰКС сәйкес код,Нормативтік құқықтық актінің атауы (міндетті негізде)' "$(line 1 "$K")"
contains "kk heading col 8 quoted" '"Кәсіп бейіні (т – техникалық бейін, әг – әлеуметтік-гуманитарлық бейін)"' "$(line 1 "$K")"
expect "column numbers" "1,2,3,4,5,6,7,8" "$(line 2 "$K")"
expect "mandatory title" "Міндетті негізде жүзеге асырылатын кәсіптік біліктілікті тану,,,,,,," "$(line 3 "$K")"
contains "first row numbered 1." "1.," "$(line 4 "$K" | cut -c1-3)"
vol=$(grep -n "^Ерікті негізде жүзеге асырылатын кәсіптік біліктілікті тану,,,,,,," "$K" | cut -d: -f1)
[ -n "$vol" ] && ok "voluntary title" || bad "voluntary title" "missing"
vol=${vol:-1}
expect "numbering restarts in the voluntary section" "1." "$(line $((vol + 1)) "$K" | cut -d, -f1)"
expect "voluntary numbering goes on" "2." "$(line $((vol + 2)) "$K" | cut -d, -f1)"
expect "mandatory rows before the title" "$((vol - 4))." "$(line $((vol - 1)) "$K" | cut -d, -f1)"
expect "RFC 4180 CRLF endings" "$(wc -l < "$K")" "$(grep -c "$(printf '\r')\$" "$K")"
a=$(line_of 3221-1-001 4 "$K"); b=$(line_of 3221-1-001 5 "$K")
expect "two levels on consecutive rows" "$((a + 1))" "$b"
expect "each level its own number" "$(( $(line "$a" "$K" | cut -d. -f1) + 1 )))." "$(line "$b" "$K" | cut -d. -f1))."
contains "kk validity in years" ",5 жыл," "$(line "$a" "$K")"
contains "kk profile әг" ",әг" "$(line "$a" "$K")"
contains "body by its full kk name" "Қазақстан Республикасының Денсаулық сақтау министрлігі" "$(line "$a" "$K")"
grep -q ",мерзімсіз," "$K" && ok "kk without limit" || bad "kk without limit" "no мерзімсіз"
# Kazakh alphabet: К before Қ, Қ before Л (code points would put Қ after Я).
kr=$(grep -n ",Кран машинисі" "$K" | head -1 | cut -d: -f1)
kq=$(grep -n ",Қазандық машинисі" "$K" | head -1 | cut -d: -f1)
[ -n "$kr" ] && [ -n "$kq" ] && [ "$kr" -lt "$kq" ] && [ "$kq" -lt "$vol" ] && ok "kk alphabet" ||
	bad "kk alphabet" "Кран at $kr, Қазандық at $kq"

# --- export, Russian ------------------------------------------------------
status "export ru" 0 $TZB --db "$DB" export --lang ru -o "$TMP/ru.csv"
R=$TMP/ru.csv
contains "ru heading" '№ п/п,Наименование профессии согласно НКЗ,Код согласно НКЗ' "$(line 1 "$R")"
expect "ru mandatory title" '"Признание профессиональной квалификации, осуществляемое на обязательной основе",,,,,,,' "$(line 3 "$R")"
rvol=$(grep -n '^"Признание профессиональной квалификации, осуществляемое на добровольной основе"' "$R" | cut -d: -f1)
expect "ru numbering restarts" "1." "$(line $((${rvol:-1} + 1)) "$R" | cut -d, -f1)"
grep -q ",5 лет," "$R" && ok "ru 5 лет" || bad "ru 5 лет" "missing"
grep -q ",3 года," "$R" && ok "ru 3 года" || bad "ru 3 года" "missing"
grep -q ",бессрочно," "$R" && ok "ru бессрочно" || bad "ru бессрочно" "missing"
grep -q ",сг$(printf '\r')\$" "$R" && ok "ru profile сг" || bad "ru profile сг" "missing"
lacks "no Kazakh profile in ru" ",әг" "$(cat "$R")"
contains "ru body name" "Министерство здравоохранения Республики Казахстан" "$(cat "$R")"
# stdout gives the same bytes; --lang of the interface picks the default
$TZB --lang ru --db "$DB" export > "$TMP/ru-stdout.csv"
cmp -s "$R" "$TMP/ru-stdout.csv" && ok "stdout" || bad "stdout" "differs from -o"
$TZB --db "$DB" export --lang ru --bom -o "$TMP/bom.csv"
expect "--bom" "efbbbf" "$(head -c 3 "$TMP/bom.csv" | od -An -tx1 | tr -d ' \n')"
expect "no BOM by default" "e28496" "$(head -c 3 "$R" | od -An -tx1 | tr -d ' \n')"
status "unknown version" 3 $TZB --db "$DB" export --version 99
contains "unknown version named" "99" "$out"
pub=$(sqlite3 "$DB" "select id from reg_version where state = 'published'")
$TZB --db "$DB" export --lang ru --version "$pub" -o "$TMP/pub.csv"
cmp -s "$R" "$TMP/pub.csv" && bad "--version" "published equals draft" || ok "--version"

# --- round trip: both files into a cleared draft give the same files ------
clear_draft
expect "draft cleared" 0 "$(sqlite3 "$DB" "select count(*) from reg_row where version_id = $(draft)")"
status "import kk+ru" 0 $TZB --db "$DB" import "$K" "$R"
rows=$(grep -c '^[0-9]*\.,' "$K")
contains "import counts" "$rows added, 0 changed, 0 unchanged" "$out"
contains "import names the languages" "kk.csv: Kazakh, UTF-8" "$out"
$TZB --db "$DB" export --lang kk -o "$TMP/kk2.csv"
$TZB --db "$DB" export --lang ru -o "$TMP/ru2.csv"
cmp -s "$K" "$TMP/kk2.csv" && ok "kk round trip" || bad "kk round trip" "$(diff "$K" "$TMP/kk2.csv" | head -3)"
cmp -s "$R" "$TMP/ru2.csv" && ok "ru round trip" || bad "ru round trip" "$(diff "$R" "$TMP/ru2.csv" | head -3)"
status "import again" 0 $TZB --db "$DB" import "$R" "$K"
contains "nothing changed" "0 added, 0 changed, $rows unchanged" "$out"

# a changed basis in one language changes that row's text only
sed "${a}s/Кодексі,4,/Кодексі (өзгертілген),4,/" "$K" > "$TMP/kk-changed.csv"
status "import a change" 0 $TZB --db "$DB" import "$TMP/kk-changed.csv"
contains "one changed" "0 added, 1 changed, $((rows - 1)) unchanged" "$out"
expect "basis_kk changed" "1" "$(sqlite3 "$DB" "select count(*) from reg_row where version_id = $(draft) and basis_kk like '%(өзгертілген)'")"
$TZB --db "$DB" export --lang ru -o "$TMP/ru3.csv"
cmp -s "$R" "$TMP/ru3.csv" && ok "ru text untouched" || bad "ru text untouched" "ru export changed"
$TZB --db "$DB" import "$K" >/dev/null 2>&1

# --- RK1048 ---------------------------------------------------------------
status "export rk1048" 0 $TZB --db "$DB" export --lang kk --encoding rk1048 -o "$TMP/kk1048.csv"
iconv -f RK1048 -t UTF-8 "$TMP/kk1048.csv" | cmp -s - "$K" && ok "rk1048 bytes" || bad "rk1048 bytes" "iconv back differs"
# Ұ is 0xA1 in RK1048: the heading's second column starts with it
expect "rk1048 Ұ byte" "2c a1" "$(head -c 5 "$TMP/kk1048.csv" | tail -c 2 | od -An -tx1 | sed 's/^ //')"
clear_draft
status "import rk1048 (auto)" 0 $TZB --db "$DB" import "$TMP/kk1048.csv" "$R"
contains "auto picks RK1048" "kk1048.csv: Kazakh, RK1048" "$out"
$TZB --db "$DB" export --lang kk -o "$TMP/kk3.csv"
cmp -s "$K" "$TMP/kk3.csv" && ok "rk1048 round trip" || bad "rk1048 round trip" "differs"
status "import rk1048 (named)" 0 $TZB --db "$DB" import --encoding rk1048 "$TMP/kk1048.csv"
contains "rk1048 named: same rows" "0 added, 0 changed, $rows unchanged" "$out"
status "rk1048 read as cp1251" 3 $TZB --db "$DB" import --encoding cp1251 "$TMP/kk1048.csv"

# --- CP1251 ---------------------------------------------------------------
echo old > "$TMP/cp.csv"
status "cp1251 kk refused" 3 $TZB --db "$DB" export --lang kk --encoding cp1251 -o "$TMP/cp.csv"
contains "cp1251 names line, column and letter" "line 1, column 2: the letter «Ұ» cannot be written in CP1251" "$out"
expect "old file kept" "old" "$(cat "$TMP/cp.csv")"
status "cp1251 kk refused, new file" 3 $TZB --db "$DB" export --lang kk --encoding cp1251 -o "$TMP/cp-new.csv"
expect "no file left behind" "" "$(ls "$TMP" | grep cp-new)"
lacks "no temp files" "tmp" "$(ls "$TMP")"
status "cp1251 to stdout refused" 3 $TZB --db "$DB" export --lang kk --encoding cp1251
lacks "nothing on stdout" "Р/с" "$out"
# a Kazakh letter in a Russian text is named at its row
sqlite3 "$DB" "update reg_row set basis_ru = basis_ru || ' (Қ)' where version_id = $(draft) and nkz_code = '3221-1-001' and level = '5'"
rl=$(line_of 3221-1-001 5 "$R")
status "cp1251 ru with a Kazakh letter" 3 $TZB --db "$DB" export --lang ru --encoding cp1251 -o "$TMP/cp.csv"
contains "row and letter named" "line $rl, column 4: the letter «Қ» cannot be written in CP1251" "$out"
sqlite3 "$DB" "update reg_row set basis_ru = replace(basis_ru, ' (Қ)', ' (Ў)') where version_id = $(draft)"
status "rk1048 lacks Ў" 3 $TZB --db "$DB" export --lang ru --encoding rk1048 -o "$TMP/cp.csv"
contains "rk1048 letter named" "line $rl, column 4: the letter «Ў» cannot be written in RK1048; use UTF-8" "$out"
sqlite3 "$DB" "update reg_row set basis_ru = replace(basis_ru, ' (Ў)', '') where version_id = $(draft)"
status "cp1251 ru" 0 $TZB --db "$DB" export --lang ru --encoding cp1251 -o "$TMP/cp.csv"
iconv -f CP1251 -t UTF-8 "$TMP/cp.csv" | cmp -s - "$R" && ok "cp1251 bytes" || bad "cp1251 bytes" "iconv back differs"
clear_draft
status "import cp1251 (auto)" 0 $TZB --db "$DB" import "$K" "$TMP/cp.csv"
contains "auto picks CP1251" "cp.csv: Russian, CP1251" "$out"
contains "auto picks UTF-8" "kk.csv: Kazakh, UTF-8" "$out"
$TZB --db "$DB" export --lang ru -o "$TMP/ru4.csv"
cmp -s "$R" "$TMP/ru4.csv" && ok "cp1251 round trip" || bad "cp1251 round trip" "differs"

# --- refused imports: named at line and column, nothing written ----------
# Each bad file also changes an earlier row, so a partial write would show.
last=$(grep -n '^[0-9]*\.,' "$K" | tail -1 | cut -d: -f1)
refuse() {   # NAME WANT-IN-MESSAGE SED-ON-LAST-LINE
	sed -e "4s/,\([^,]*\),\([^,]*\),\([^,]*\),\([^,]*\),\([^,]*\)\$/,\1 (өзгерген),\2,\3,\4,\5/" \
	    -e "${last}$3" "$K" > "$TMP/bad.csv"
	before=$(state)
	status "$1" 3 $TZB --db "$DB" import "$TMP/bad.csv"
	contains "$1: place and reason" "$2" "$out"
	contains "$1: nothing imported" "nothing was imported" "$out"
	expect "$1: database unchanged" "$before" "$(state)"
}
code=$(line "$last" "$K" | cut -d, -f3)
refuse "unknown code" "bad.csv:$last:3: the code 9999-9-999 is not in the classifier" "s/$code/9999-9-999/"
refuse "malformed code" "bad.csv:$last:3: \"12-3\" is not an occupation code" "s/$code/12-3/"
refuse "group code" "bad.csv:$last:3: \"7212\" is not an occupation code" "s/$code/7212/"
refuse "bad level" "bad.csv:$last:5: \"9\"" "s/,$code,\([^,]*\),[^,]*,/,$code,\1,9,/"
refuse "bad validity" "bad.csv:$last:6: \"көп\" is not a validity" "s/,\(мерзімсіз\|[0-9] жыл\),/,көп,/"
refuse "unknown body" "bad.csv:$last:7: no sectoral state body is called \"Ешкім\"" "s/,Қазақстан Республикасының [^,]*,\([^,]*\)\$/,Ешкім,\1/"
refuse "bad profile" "bad.csv:$last:8: \"x\" is not a profile" "s/,[^,]*\$/,x\r/"
refuse "too few columns" "bad.csv:$last:8: the row has 7 columns" "s/,[^,]*\$/\r/"
refuse "too many columns" "bad.csv:$last:9: the row has 9 columns" "s/\r\$/,9\r/"
refuse "missing basis" "bad.csv:$last:4:" "s/,$code,[^,]*,/,$code,,/"
refuse "invalid UTF-8" "bad.csv:$last:5: the text is not valid UTF-8" "s/^\([0-9]*\.,\)/\1\xff/"
refuse "stray quote" "bad.csv:$last:" "s/,$code,/,$code\"x,/"
refuse "same row twice" "bad.csv:$last:3: $(line 4 "$K" | cut -d, -f3) at level" "s/.*/$(line 4 "$K" | sed 's/[\/&]/\\&/g')/"
# the Russian text of a new row must come from somewhere
clear_draft
before=$(state)
status "new row without ru" 3 $TZB --db "$DB" import "$K"
contains "names column 4" "kk.csv:4:4: column 4 has no Russian text: import the Russian file together with the Kazakh one" "$out"
expect "new row without ru: unchanged" "$before" "$(state)"
status "same language twice" 3 $TZB --db "$DB" import "$K" "$TMP/kk2.csv"
contains "same language twice named" "same language" "$out"
# the two languages' lines of one row must agree
sed "$(line_of 3221-1-001 4 "$R")s/,5 лет,/,3 года,/" "$R" > "$TMP/ru-diff.csv"
status "kk and ru disagree" 3 $TZB --db "$DB" import "$K" "$TMP/ru-diff.csv"
contains "disagreement named" "ru-diff.csv:$(line_of 3221-1-001 4 "$R"):6: this differs from line $a of" "$out"
expect "disagreement: unchanged" "$before" "$(state)"
printf 'code,name\n1,x\n' > "$TMP/other.csv"
status "not the form" 3 $TZB --db "$DB" import "$TMP/other.csv"
contains "not the form named" "other.csv:1: the first row is not the heading" "$out"
printf '%s\r\n1.,x\r\n' "$(line 1 "$K")" > "$TMP/nosection.csv"
status "row before a section" 3 $TZB --db "$DB" import "$TMP/nosection.csv"
contains "row before a section named" "nosection.csv:2:" "$out"
status "missing file" 3 $TZB --db "$DB" import "$TMP/none.csv"
contains "missing file named" "none.csv" "$out"
status "bad encoding name" 2 $TZB --db "$DB" import --encoding koi8 "$K"
status "no files" 2 $TZB --db "$DB" import
status "import all back" 0 $TZB --db "$DB" import "$K" "$R"
sqlite3 "$DB" "update reg_version set state = 'submitted' where state = 'draft'"
status "no draft" 3 $TZB --db "$DB" import "$K" "$R"
contains "no draft named" "no draft register: start one first" "$out"
done_tests
