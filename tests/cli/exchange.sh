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
# The program's messages in the language it speaks (kk unless --lang ru comes
# before the command), from the same catalogs, so that these checks hold
# whatever the catalogs say.  -e: some msgids end in a newline.
t() { LANGUAGE=$1 TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -e -d tizilim "$2"; }
# f LANG MSGID ARG...: the message filled in as printf(3) would; the shell's
# printf knows neither length modifiers nor %.*s (the letter is passed whole)
f() {
	_f=$(t "$1" "$2" | sed 's/%l*\([dux]\)/%\1/g; s/%\.\*s/%s/g'); shift 2
	# shellcheck disable=SC2059
	printf "$_f" "$@"
}
# A draft's file starts with a line saying it is a draft; the checks below
# read the form that follows it.  unmark FILE: that line there, then gone.
unmark() {
	_first=$(head -1 "$1" | iconv -f "${2:-UTF-8}" -t UTF-8 2>/dev/null)
	case "$_first" in
	*"ЖОБА. Кәсіптер тізілімінің"*жарияланбаған*|*"ПРОЕКТ. Реестр профессий, версия"*"не опубликован"*) ok "draft marked: $1";;
	*) bad "draft marked: $1" "first line [$_first]";;
	esac
	sed -i 1d "$1"
}
# the letters only Kazakh has, and the Russian alphabet
KKL='[әғқңөұүһіӘҒҚҢӨҰҮҺІ]'
RUL='[абвгдеёжзийклмнопрстуфхцчшщъыьэюя]'

# --- export, Kazakh -------------------------------------------------------
status "export kk" 0 $TZB --db "$DB" export --lang kk -o "$TMP/kk.csv"
K=$TMP/kk.csv
unmark "$K"
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
a=$(line_of 3221-0-004 4 "$K"); b=$(line_of 3221-0-004 5 "$K")
expect "two levels on consecutive rows" "$((a + 1))" "$b"
expect "each level its own number" "$(( $(line "$a" "$K" | cut -d. -f1) + 1 )))." "$(line "$b" "$K" | cut -d. -f1))."
contains "kk validity in years" ",5 жыл," "$(line "$a" "$K")"
contains "kk profile әг" ",әг" "$(line "$a" "$K")"
contains "body by its full kk name" "Қазақстан Республикасының Денсаулық сақтау министрлігі" "$(line "$a" "$K")"
grep -q ",мерзімсіз," "$K" && ok "kk without limit" || bad "kk without limit" "no мерзімсіз"
# The official order, the same as the Russian file's: by code, then level
# (Қазандық машинисі 8182-1-002 before Кран машинисі 8343-1-004, though К
# comes before Қ in the Kazakh alphabet).
kr=$(grep -n ",Кран машинисі" "$K" | head -1 | cut -d: -f1)
kq=$(grep -n ",Қазандық машинисі" "$K" | head -1 | cut -d: -f1)
[ -n "$kr" ] && [ -n "$kq" ] && [ "$kq" -lt "$kr" ] && [ "$kr" -lt "$vol" ] && ok "kk official order" ||
	bad "kk official order" "Кран at $kr, Қазандық at $kq"

# --- export, Russian ------------------------------------------------------
status "export ru" 0 $TZB --db "$DB" export --lang ru -o "$TMP/ru.csv"
R=$TMP/ru.csv
unmark "$R"
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
unmark "$TMP/ru-stdout.csv"
cmp -s "$R" "$TMP/ru-stdout.csv" && ok "stdout" || bad "stdout" "differs from -o"
$TZB --db "$DB" export --lang ru --bom -o "$TMP/bom.csv"
expect "--bom" "efbbbf" "$(head -c 3 "$TMP/bom.csv" | od -An -tx1 | tr -d ' \n')"
expect "no BOM by default" "e28496" "$(head -c 3 "$R" | od -An -tx1 | tr -d ' \n')"
status "unknown version" 3 $TZB --db "$DB" export --version 99
contains "unknown version named" "$(f kk 'there is no register version %lld' 99)" "$out"
pub=$(sqlite3 "$DB" "select id from reg_version where state = 'published'")
$TZB --db "$DB" export --lang ru --version "$pub" -o "$TMP/pub.csv"
cmp -s "$R" "$TMP/pub.csv" && bad "--version" "published equals draft" || ok "--version"

# --- round trip: both files into a cleared draft give the same files ------
clear_draft
expect "draft cleared" 0 "$(sqlite3 "$DB" "select count(*) from reg_row where version_id = $(draft)")"
status "import kk+ru" 0 $TZB --db "$DB" import "$K" "$R"
rows=$(grep -c '^[0-9]*\.,' "$K")
contains "import counts" "$(f kk '%ld added, %ld changed, %ld unchanged\n' "$rows" 0 0)" "$out"
contains "import names the languages" "$(f kk '%s: %s, %s\n' "$K" "$(t kk Kazakh)" UTF-8)" "$out"
contains "import names ru" "$(f kk '%s: %s, %s\n' "$R" "$(t kk Russian)" UTF-8)" "$out"
$TZB --db "$DB" export --lang kk -o "$TMP/kk2.csv"
$TZB --db "$DB" export --lang ru -o "$TMP/ru2.csv"
unmark "$TMP/kk2.csv"; unmark "$TMP/ru2.csv"
cmp -s "$K" "$TMP/kk2.csv" && ok "kk round trip" || bad "kk round trip" "$(diff "$K" "$TMP/kk2.csv" | head -3)"
cmp -s "$R" "$TMP/ru2.csv" && ok "ru round trip" || bad "ru round trip" "$(diff "$R" "$TMP/ru2.csv" | head -3)"
status "import again" 0 $TZB --db "$DB" import "$R" "$K"
contains "nothing changed" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
# the counts in Kazakh by default and in Russian with --lang ru
kkcount=$(printf '%s\n' "$out" | tail -1)
printf '%s' "$kkcount" | grep -q "$KKL" && ok "counts in Kazakh" || bad "counts in Kazakh" "no Kazakh letter in [$kkcount]"
status "import again, ru" 0 $TZB --lang ru --db "$DB" import "$R" "$K"
contains "counts in ru" "$(f ru '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
contains "languages named in ru" "$(f ru '%s: %s, %s\n' "$K" "$(t ru Kazakh)" UTF-8)" "$out"
rucount=$(printf '%s\n' "$out" | tail -1)
printf '%s' "$rucount" | grep -q "$RUL" && ok "counts in Russian" || bad "counts in Russian" "no Russian word in [$rucount]"
lacks "ru counts are not Kazakh" "$kkcount" "$rucount"

# a changed basis in one language changes that row's text only
sed "${a}s/Кодексі,4,/Кодексі (өзгертілген),4,/" "$K" > "$TMP/kk-changed.csv"
status "import a change" 0 $TZB --db "$DB" import "$TMP/kk-changed.csv"
contains "one changed" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 1 $((rows - 1)))" "$out"
expect "basis_kk changed" "1" "$(sqlite3 "$DB" "select count(*) from reg_row where version_id = $(draft) and basis_kk like '%(өзгертілген)'")"
$TZB --db "$DB" export --lang ru -o "$TMP/ru3.csv"
unmark "$TMP/ru3.csv"
cmp -s "$R" "$TMP/ru3.csv" && ok "ru text untouched" || bad "ru text untouched" "ru export changed"
$TZB --db "$DB" import "$K" >/dev/null 2>&1

# A body named as clerks write it: the short name, or the full name without
# the country, in either language, is the same body (nothing changes).
for form in "Минздрав" "Министерство здравоохранения"; do
	sed "s/Министерство здравоохранения Республики Казахстан/$form/" "$R" > "$TMP/ru-body.csv"
	status "ru body as [$form]" 0 $TZB --db "$DB" import "$TMP/ru-body.csv"
	contains "ru body as [$form]: the same body" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
done
for form in "ДСМ" "Денсаулық сақтау министрлігі"; do
	sed "s/Қазақстан Республикасының Денсаулық сақтау министрлігі/$form/" "$K" > "$TMP/kk-body.csv"
	status "kk body as [$form]" 0 $TZB --db "$DB" import "$TMP/kk-body.csv"
	contains "kk body as [$form]: the same body" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
done

# --- RK1048 ---------------------------------------------------------------
status "export rk1048" 0 $TZB --db "$DB" export --lang kk --encoding rk1048 -o "$TMP/kk1048.csv"
unmark "$TMP/kk1048.csv" RK1048
iconv -f RK1048 -t UTF-8 "$TMP/kk1048.csv" | cmp -s - "$K" && ok "rk1048 bytes" || bad "rk1048 bytes" "iconv back differs"
# Ұ is 0xA1 in RK1048: the heading's second column starts with it
expect "rk1048 Ұ byte" "2c a1" "$(head -c 5 "$TMP/kk1048.csv" | tail -c 2 | od -An -tx1 | sed 's/^ //')"
clear_draft
status "import rk1048 (auto)" 0 $TZB --db "$DB" import "$TMP/kk1048.csv" "$R"
contains "auto picks RK1048" "$(f kk '%s: %s, %s\n' "$TMP/kk1048.csv" "$(t kk Kazakh)" RK1048)" "$out"
$TZB --db "$DB" export --lang kk -o "$TMP/kk3.csv"
unmark "$TMP/kk3.csv"
cmp -s "$K" "$TMP/kk3.csv" && ok "rk1048 round trip" || bad "rk1048 round trip" "differs"
status "import rk1048 (named)" 0 $TZB --db "$DB" import --encoding rk1048 "$TMP/kk1048.csv"
contains "rk1048 named: same rows" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
status "rk1048 read as cp1251" 3 $TZB --db "$DB" import --encoding cp1251 "$TMP/kk1048.csv"
contains "rk1048 read as cp1251: nothing imported" "$(t kk 'nothing was imported')" "$out"

# --- CP1251 ---------------------------------------------------------------
echo old > "$TMP/cp.csv"
status "cp1251 kk refused" 3 $TZB --db "$DB" export --lang kk --encoding cp1251 -o "$TMP/cp.csv"
letter() { f "$1" 'line %ld, column %d: the letter «%.*s» cannot be written in %s; use UTF-8 or RK1048' "$2" "$3" "$4" CP1251; }
contains "cp1251 names line, column and letter" "$(letter kk 1 1 ә)" "$out"
printf '%s' "$out" | grep -q "жол" && ok "cp1251 refusal in Kazakh" || bad "cp1251 refusal in Kazakh" "[$out]"
status "cp1251 kk refused, ru" 3 $TZB --lang ru --db "$DB" export --lang kk --encoding cp1251 -o "$TMP/cp.csv"
contains "cp1251 refusal in Russian" "$(letter ru 1 1 ә)" "$out"
printf '%s' "$out" | grep -q "строка" && ok "cp1251 refusal names строка" || bad "cp1251 refusal names строка" "[$out]"
expect "old file kept" "old" "$(cat "$TMP/cp.csv")"
status "cp1251 kk refused, new file" 3 $TZB --db "$DB" export --lang kk --encoding cp1251 -o "$TMP/cp-new.csv"
expect "no file left behind" "" "$(ls "$TMP" | grep cp-new)"
lacks "no temp files" "tmp" "$(ls "$TMP")"
status "cp1251 to stdout refused" 3 $TZB --db "$DB" export --lang kk --encoding cp1251
lacks "nothing on stdout" "Р/с" "$out"
# a Kazakh letter in a Russian text is named at its row
sqlite3 "$DB" "update reg_row set basis_ru = basis_ru || ' (Қ)' where version_id = $(draft) and nkz_code = '3221-0-004' and level = '5'"
rl=$(( $(line_of 3221-0-004 5 "$R") + 1 ))   # after the draft's line
status "cp1251 ru with a Kazakh letter" 3 $TZB --db "$DB" export --lang ru --encoding cp1251 -o "$TMP/cp.csv"
contains "row and letter named" "$(letter kk "$rl" 4 Қ)" "$out"
sqlite3 "$DB" "update reg_row set basis_ru = replace(basis_ru, ' (Қ)', ' (Ў)') where version_id = $(draft)"
status "rk1048 lacks Ў" 3 $TZB --db "$DB" export --lang ru --encoding rk1048 -o "$TMP/cp.csv"
contains "rk1048 letter named" "$(f kk 'line %ld, column %d: the letter «%.*s» cannot be written in %s; use UTF-8' "$rl" 4 Ў RK1048)" "$out"
sqlite3 "$DB" "update reg_row set basis_ru = replace(basis_ru, ' (Ў)', '') where version_id = $(draft)"
status "cp1251 ru" 0 $TZB --db "$DB" export --lang ru --encoding cp1251 -o "$TMP/cp.csv"
unmark "$TMP/cp.csv" CP1251
iconv -f CP1251 -t UTF-8 "$TMP/cp.csv" | cmp -s - "$R" && ok "cp1251 bytes" || bad "cp1251 bytes" "iconv back differs"
clear_draft
status "import cp1251 (auto)" 0 $TZB --db "$DB" import "$K" "$TMP/cp.csv"
contains "auto picks CP1251" "$(f kk '%s: %s, %s\n' "$TMP/cp.csv" "$(t kk Russian)" CP1251)" "$out"
contains "auto picks UTF-8" "$(f kk '%s: %s, %s\n' "$K" "$(t kk Kazakh)" UTF-8)" "$out"
$TZB --db "$DB" export --lang ru -o "$TMP/ru4.csv"
unmark "$TMP/ru4.csv"
cmp -s "$R" "$TMP/ru4.csv" && ok "cp1251 round trip" || bad "cp1251 round trip" "differs"

# --- refused imports: named at line and column, nothing written ----------
# Each bad file also changes an earlier row, so a partial write would show.
last=$(grep -n '^[0-9]*\.,' "$K" | tail -1 | cut -d: -f1)
NOTHING=$(t kk 'nothing was imported')
B_=$TMP/bad.csv
refuse() {   # NAME WANT-IN-MESSAGE SED-ON-LAST-LINE
	sed -e "4s/,\([^,]*\),\([^,]*\),\([^,]*\),\([^,]*\),\([^,]*\)\$/,\1 (өзгерген),\2,\3,\4,\5/" \
	    -e "${last}$3" "$K" > "$B_"
	before=$(state)
	status "$1" 3 $TZB --db "$DB" import "$B_"
	contains "$1: place and reason" "$2" "$out"
	contains "$1: nothing imported" "$NOTHING" "$out"
	expect "$1: database unchanged" "$before" "$(state)"
}
code=$(line "$last" "$K" | cut -d, -f3)
lvl=$(line "$last" "$K" | cut -d, -f5)
refuse "unknown code" "$B_:$last:3: $(f kk 'the code %s is not in the classifier' 9999-9-999)" "s/$code/9999-9-999/"
notcode='"%s" is not an occupation code of the classifier (NNNN-N-NNN)'
refuse "malformed code" "$B_:$last:3: $(f kk "$notcode" 12-3)" "s/$code/12-3/"
refuse "group code" "$B_:$last:3: $(f kk "$notcode" 7212)" "s/$code/7212/"
refuse "bad level" "$B_:$last:5: $(f kk '"%s" is not a level of the NRK or a sectoral framework' 9)" \
	"s/,$code,\([^,]*\),[^,]*,/,$code,\1,9,/"
# the message gives an example and the word for "without limit" from the file's language
validity=$(f kk '"%%s" is not a validity: give years from 1 to 99 (as "%s") or "%s"' "5 жыл" "мерзімсіз")
refuse "bad validity" "$B_:$last:6: $(printf "$validity" көп)" "s/,\(мерзімсіз\|[0-9] жыл\),/,көп,/"
refuse "unknown body" "$B_:$last:7: $(f kk 'no sectoral state body is called "%s"' Ешкім)" \
	"s/,Қазақстан Республикасының [^,]*,\([^,]*\)\$/,Ешкім,\1/"
refuse "bad profile" "$B_:$last:8: $(f kk '"%s" is not a profile: write т or әг' x)" "s/,[^,]*\$/,x\r/"
cols='%s:%ld:%d: the row has %d columns; the register form has 8'
refuse "too few columns" "$(f kk "$cols" "$B_" "$last" 8 7)" "s/,[^,]*\$/\r/"
refuse "too many columns" "$(f kk "$cols" "$B_" "$last" 9 9)" "s/\r\$/,9\r/"
refuse "missing basis" \
	"$B_:$last:4: $(t kk 'the legal act, professional standard or qualification requirements are missing')" \
	"s/,$code,[^,]*,/,$code,,/"
refuse "invalid UTF-8" \
	"$(f kk '%s:%ld:%ld: the text is not valid UTF-8; give --encoding cp1251 or rk1048' "$B_" "$last" 5)" \
	"s/^\([0-9]*\.,\)/\1\xff/"
# the column of the stray quote itself, counted in letters
qcol=$(( $(printf '%s' "$(line "$last" "$K" | sed "s/\(,$code\),.*/\1/")" | wc -m) + 1 ))
refuse "stray quote" "$(f kk '%s:%ld:%ld: a quotation mark is out of place (a quoted field must be quoted whole, with "" for a quote inside it)' "$B_" "$last" "$qcol")" \
	"s/,$code,/,$code\"x,/"
c4=$(line 4 "$K" | cut -d, -f3); l4=$(line 4 "$K" | cut -d, -f5)
refuse "same row twice" "$B_:$last:3: $(printf "$(f kk '%s at level %s is already on line %%s' "$c4" "$l4")" 4)" \
	"s/.*/$(line 4 "$K" | sed 's/[\/&]/\\&/g')/"
# Russian when asked for, Kazakh otherwise
printf '%s' "$NOTHING" | grep -q "$KKL" && ok "nothing imported in Kazakh" ||
	bad "nothing imported in Kazakh" "no Kazakh letter in [$NOTHING]"
status "refused in ru" 3 $TZB --lang ru --db "$DB" import "$B_"
contains "refused in ru: place and reason" "$B_:$last:3: $(printf "$(f ru '%s at level %s is already on line %%s' "$c4" "$l4")" 4)" "$out"
contains "refused in ru: nothing imported" "$(t ru 'nothing was imported')" "$out"
lacks "refused in ru: not in Kazakh" "$NOTHING" "$out"
printf '%s' "$(t ru 'nothing was imported')" | grep -q "$RUL" && ok "nothing imported in Russian" ||
	bad "nothing imported in Russian" "no Russian word in [$(t ru 'nothing was imported')]"
# a Russian file's profile is asked for with the Russian letters
sed "$(line_of 3221-0-004 4 "$R")s/,сг\r\$/,x\r/" "$R" > "$B_"
status "bad ru profile" 3 $TZB --db "$DB" import "$B_"
contains "bad ru profile named" "$B_:$(line_of 3221-0-004 4 "$R"):8: $(f kk '"%s" is not a profile: write т or сг' x)" "$out"
# the Russian text of a new row must come from somewhere
clear_draft
before=$(state)
status "new row without ru" 3 $TZB --db "$DB" import "$K"
contains "names column 4" "$K:4:4: $(t kk 'column 4 has no Russian text: import the Russian file together with the Kazakh one')" "$out"
contains "new row without ru: nothing imported" "$NOTHING" "$out"
expect "new row without ru: unchanged" "$before" "$(state)"
status "same language twice" 3 $TZB --db "$DB" import "$K" "$TMP/kk2.csv"
contains "same language twice named" \
	"$(f kk '%s: both files are in the same language; give one Kazakh and one Russian file' "$TMP/kk2.csv")" "$out"
# the two languages' lines of one row must agree
rd=$(line_of 3221-0-004 4 "$R")
sed "${rd}s/,5 лет,/,3 года,/" "$R" > "$TMP/ru-diff.csv"
status "kk and ru disagree" 3 $TZB --db "$DB" import "$K" "$TMP/ru-diff.csv"
differ=$(f kk 'this differs from line %%s of %s, the same row in the other language' "$K")
contains "disagreement named" "$TMP/ru-diff.csv:$rd:6: $(printf "$differ" "$a")" "$out"
expect "disagreement: unchanged" "$before" "$(state)"
printf 'code,name\n1,x\n' > "$TMP/other.csv"
status "not the form" 3 $TZB --db "$DB" import "$TMP/other.csv"
contains "not the form named" "$(f kk '%s:%ld: the first row is not the heading of the register form (eight columns, the third "%s" or "%s")' \
	"$TMP/other.csv" 1 "$(line 1 "$K" | cut -d, -f3)" "$(line 1 "$R" | cut -d, -f3)")" "$out"
# a whole row of the form, but before any section title
printf '%s\r\n%s\r\n' "$(line 1 "$K")" "$(line 4 "$K")" > "$TMP/nosection.csv"
status "row before a section" 3 $TZB --db "$DB" import "$TMP/nosection.csv"
# a Kazakh file is told the Kazakh section titles
contains "row before a section named" "$(f kk '%s:%ld:1: a row before any section title; put it under "%s" or "%s"' \
	"$TMP/nosection.csv" 2 "$(line 3 "$K" | sed 's/,*$//')" "$(line "$vol" "$K" | sed 's/,*$//')")" "$out"
status "missing file" 3 $TZB --db "$DB" import "$TMP/none.csv"
# what follows the path is the system's own words (strerror)
contains "missing file named" "$(f kk 'cannot read %s: %s' "$TMP/none.csv" "")" "$out"
status "bad encoding name" 2 $TZB --db "$DB" import --encoding koi8 "$K"
contains "bad encoding named" "$(f kk 'unknown encoding "%s": use utf-8, rk1048, cp1251 or auto' koi8)" "$out"
status "no files" 2 $TZB --db "$DB" import
# the usage, whose words change as options are added; its syntax is not translated
contains "no files: usage" "tizilim import ФАЙЛ [ФАЙЛ2]" "$out"
status "import all back" 0 $TZB --db "$DB" import "$K" "$R"
sqlite3 "$DB" "update reg_version set state = 'submitted' where state = 'draft'"
status "no draft" 3 $TZB --db "$DB" import "$K" "$R"
contains "no draft named" "$(t kk 'no draft register: start one first')" "$out"
status "no draft, ru" 3 $TZB --lang ru --db "$DB" import "$K" "$R"
contains "no draft named in ru" "$(t ru 'no draft register: start one first')" "$out"
lacks "no draft in ru: not in Kazakh" "$(t kk 'no draft register: start one first')" "$out"
done_tests
