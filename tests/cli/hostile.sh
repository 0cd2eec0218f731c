#!/bin/sh
# Text from outside: terminal escapes in CSV, workbook, classifier and
# package imports are refused with their place and nothing written; text an
# older database already holds comes out of log, diff, check, verify and
# press show escaped; CSV export guards formula-like cells and reads them
# back unchanged; press edit refuses bytes that are not UTF-8; files in a
# mix of encodings, or read in the wrong code page, are refused with the
# place and the encoding to give.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/h.db
$TZB --db "$DB" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
sq() { sqlite3 -batch "$DB" "$@"; }
draft() { sq "select id from reg_version where state = 'draft'"; }
state() { sqlite3 "$DB" .dump | md5sum; }
line() { sed -n "$1p" "$2" | tr -d '\r'; }
t() { LANGUAGE=$1 TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -e -d tizilim "$2"; }
f() {
	_f=$(t "$1" "$2" | sed 's/%l*\([dux]\)/%\1/g'); shift 2
	# shellcheck disable=SC2059
	printf "$_f" "$@"
}
ESC=$(printf '\033')
BEL=$(printf '\007')
C1=$(printf '\302\233')        # U+009B, a one-character CSI
# no_raw NAME TEXT: no ESC byte and no C1 control in what a terminal gets
no_raw() {
	expect "$1: no ESC byte" 0 "$(printf '%s' "$2" | LC_ALL=C grep -c "$ESC")"
	expect "$1: no C1 CSI" 0 "$(printf '%s' "$2" | LC_ALL=C grep -c "$C1")"
}
CONTROL='the text holds the control character %s, which could change what a screen shows; remove it'
NOTHING=$(t kk 'nothing was imported')
# The new messages have their Kazakh and Russian words.
for m in "$CONTROL" '%s:%ld: field %d: %s' \
	'%s:%ld:%ld: the file mixes encodings: line %ld is UTF-8 and this line is not; save the whole file in one encoding' \
	'%s:%ld:%ld: read as CP1251 the text holds «%s», a letter that neither Kazakh nor Russian uses: the file is most likely RK1048; give --encoding rk1048' \
	'the text is not valid UTF-8; save it as UTF-8'; do
	for l in kk ru; do
		[ "$(t $l "$m")" != "$m" ] && ok "translated ($l)" || bad "translated ($l)" "[$m]"
	done
done

$TZB --db "$DB" export --lang kk -o "$TMP/kk.csv"
$TZB --db "$DB" export --lang ru -o "$TMP/ru.csv"
K=$TMP/kk.csv
R=$TMP/ru.csv
last=$(grep -n '^[0-9]*\.,' "$K" | tail -1 | cut -d: -f1)
code=$(line "$last" "$K" | cut -d, -f3)

# --- CSV imports: refused where the escape is, nothing written -------------
B_=$TMP/bad.csv
# refuse NAME PAYLOAD SHOWN: the payload at the start of the last row's basis
refuse() {
	sed "${last}s/,$code,/,$code,$2/" "$K" > "$B_"
	before=$(state)
	status "$1" 3 $TZB --db "$DB" import "$B_" "$R"
	contains "$1: file, line and field" \
		"$(f kk '%s:%ld: field %d: %s' "$B_" "$last" 4 "$(f kk "$CONTROL" "$3")")" "$out"
	contains "$1: nothing imported" "$NOTHING" "$out"
	expect "$1: database unchanged" "$before" "$(state)"
	no_raw "$1: the refusal" "$out"
}
refuse "OSC title" "${ESC}]0;pwned${BEL}" '\x1b'
refuse "OSC 52 clipboard" "${ESC}]52;c;cm0gLXJmIH4K${BEL}" '\x1b'
refuse "clear screen" "${ESC}[2J" '\x1b'
refuse "backspaces" "$(printf 'secret\b\b\b\b\b\b')" '\x08'
refuse "C1 CSI" "${C1}2J" '\u009b'
refuse "right-to-left override" "$(printf '\342\200\256')" '\u202e'
refuse "DEL" "$(printf '\177')" '\x7f'
# inside a quoted basis of two lines: the line the escape is on
sed "${last}s/,$code,\([^,]*\),/,$code,\"\1\n2-жол ${ESC}[2J\",/" "$K" > "$B_"
status "escape on a field's second line" 3 $TZB --db "$DB" import "$B_" "$R"
contains "second line named" "$(f kk '%s:%ld: field %d: %s' "$B_" $((last + 1)) 4 "$(f kk "$CONTROL" '\x1b')")" "$out"
# a line break in the basis is text, as in a spreadsheet cell
sed "${last}s/,$code,\([^,]*\),/,$code,\"\1\n2-жол\",/" "$K" > "$TMP/lines.csv"
status "a basis of two lines" 0 $TZB --db "$DB" import "$TMP/lines.csv" "$R"
expect "stored with its line break" 1 \
	"$(sq "select count(*) from reg_row where version_id = $(draft) and basis_kk like '%'||char(10)||'2-жол'")"
$TZB --db "$DB" import "$K" "$R" >/dev/null 2>&1
# an RK1048 file: the escape is found in the decoded text
$TZB --db "$DB" export --lang kk --encoding rk1048 -o "$TMP/kk1048.csv"
sed "${last}s/,$code,/,$code,${ESC}[2J/" "$TMP/kk1048.csv" > "$B_"
before=$(state)
status "escape in an RK1048 file" 3 $TZB --db "$DB" import "$B_" "$R"
contains "RK1048 escape named" "$(f kk '%s:%ld: field %d: %s' "$B_" "$last" 4 "$(f kk "$CONTROL" '\x1b')")" "$out"
expect "RK1048 escape: unchanged" "$before" "$(state)"
# in Russian
sed "${last}s/,$code,/,$code,${ESC}]0;x${BEL}/" "$K" > "$B_"
status "refused in ru" 3 $TZB --lang ru --db "$DB" import "$B_" "$R"
contains "refusal in ru" "$(f ru '%s:%ld: field %d: %s' "$B_" "$last" 4 "$(f ru "$CONTROL" '\x1b')")" "$out"

# --- a workbook: C1 and bidirectional controls pass XML ----------------------
sq "update reg_row set basis_kk = 'Кодекс $C1' || '2J' where version_id = $(draft) and id =
    (select min(id) from reg_row where version_id = $(draft))"
$TZB --db "$DB" export --format xlsx --lang kk -o "$TMP/kk.xlsx" >/dev/null 2>&1
$TZB --db "$DB" import "$K" "$R" >/dev/null 2>&1
before=$(state)
status "C1 in a workbook" 3 $TZB --db "$DB" import "$TMP/kk.xlsx" "$R"
contains "workbook named" "$TMP/kk.xlsx: " "$out"
contains "workbook: the control named" "$(f kk "$CONTROL" '\u009b')" "$out"
expect "workbook: unchanged" "$before" "$(state)"
no_raw "workbook refusal" "$out"

# --- the classifier ---------------------------------------------------------
N=$TMP/nkz.csv
printf 'code,name_ru,name_kk\n9,Тест,Тест\n91,Тест %s]0;x%s,Тест\n' "$ESC" "$BEL" > "$N"
before=$(state)
status "classifier name with an escape" 3 $TZB --db "$DB" import-nkz "$N"
contains "classifier: line and field" "$(f kk '%s:%ld: field %d: %s' "$N" 3 2 "$(f kk "$CONTROL" '\x1b')")" "$out"
expect "classifier: unchanged" "$before" "$(state)"
printf 'code,name_ru,name_kk\n9,Тест,"Екі\nжол"\n' > "$N"
status "classifier name of two lines" 3 $TZB --db "$DB" import-nkz "$N"
contains "classifier: one line" "$N:2:3: $(f kk 'a name is one line of text: remove the line break or tab (%s)' '\n')" "$out"
expect "classifier: still unchanged" "$before" "$(state)"

# --- a package: a proposal's field ------------------------------------------
A=$TMP/a.db
$TZB --db "$A" init --demo >/dev/null 2>&1
cyc=$(sqlite3 "$A" "select id from cycle where year = 2026 and season = 'spring'")
agri=$(sqlite3 "$A" "select id from body where code = 'agriculture'")
pcode=$(sqlite3 "$A" "select code from nkz where level = 6 order by code limit 1")
sqlite3 "$A" "insert into proposal (cycle_id, body_id, action, section, nkz_code, basis_kk, state, created, author)
              values ($cyc, $agri, 'include', 'voluntary', '$pcode', 'Стандарт', 'agreed', '2026-01-10',
                      'aigul${ESC}]0;pwned${BEL}')"
pid=$(sqlite3 "$A" "select max(id) from proposal")
P=$TMP/agri.tzp
$TZB --db "$A" package export "$P" --body agriculture --cycle 2026 spring >/dev/null 2>&1
before=$(state)
status "package with an escape" 3 $TZB --db "$DB" package import "$P"
contains "package: proposal and field" \
	"$(f kk '%s: proposal %lld, field %s: %s' "$P" "$pid" author "$(f kk "$CONTROL" '\x1b')")" "$out"
expect "package: unchanged" "$before" "$(state)"
no_raw "package refusal" "$out"
# a basis of several lines travels
sqlite3 "$A" "update proposal set author = 'aigul', basis_kk = 'Бір' || char(10) || 'екі' where id = $pid"
$TZB --db "$A" package export "$P" --body agriculture --cycle 2026 spring >/dev/null 2>&1
status "package with a basis of two lines" 0 $TZB --db "$DB" package import "$P" --dry-run

# --- text already stored, printed escaped ------------------------------------
# An older database let these in; sqlite3 writes them as an import once did.
O=$TMP/old.db
cp "$DB" "$O"
so() { sqlite3 -batch "$O" "$@"; }
d=$(so "select id from reg_version where state = 'draft'")
row=$(so "select min(id) from reg_row where version_id = $d")
row2=$(so "select id from reg_row where version_id = $d order by id limit 1 offset 1")
so "update reg_row set name_kk = 'Атау${ESC}]0;pwned${BEL}', basis_kk = 'Негіз${ESC}[2J$C1' where id = $row;
    update reg_row set level = '9${ESC}[2J' where id = $row2"
so "update change_log set reason = 'себеп${ESC}]52;c;eA==${BEL}' where id = (select max(id) from change_log)"
pub=$(so "select id from reg_version where state = 'published'")
so "insert into press_release (version_id, lang, text, edited, updated, login)
    values ($pub, 'kk', 'Хабарлама${ESC}]0;pwned${BEL}' || char(10) || 'жол$(printf '\b\b\b')', 1, '2026-01-01T00:00:00Z', 'x')"
for cmd in "log" "diff" "check" "verify" "press show --lang kk" "review show"; do
	# shellcheck disable=SC2086
	o=$($TZB --db "$O" $cmd 2>&1)
	no_raw "$cmd" "$o"
done
o=$($TZB --db "$O" log 2>&1)
contains "log shows the escape" 'Атау\x1b]0;pwned\x07' "$o"
contains "log shows the reason's escape" 'себеп\x1b]52;c;eA==\x07' "$o"
o=$($TZB --db "$O" diff 2>&1)
contains "diff shows the escape" 'Атау\x1b]0;pwned\x07' "$o"
contains "diff shows the C1" '\x1b[2J\u009b' "$o"
o=$($TZB --db "$O" check 2>&1)
contains "check shows the escape" '9\x1b[2J' "$o"
o=$($TZB --db "$O" press show --lang kk 2>&1)
expect "press show: escaped, its lines kept" "$(printf 'Хабарлама\\x1b]0;pwned\\x07\nжол\\x08\\x08\\x08')" "$o"

# --- CSV export: formula-like cells guarded, read back unchanged -------------
# the draft's nth row (from 0), as SQL
nth() { echo "select id from reg_row where version_id = $(draft) order by id limit 1 offset $1"; }
nk=$(sq "select nkz_code from reg_row where id = ($(nth 0))")
# a classifier name made to look like a formula, and bases starting with the signs
sq "update nkz set name_kk = '=HYPERLINK(\"http://x\";\"Кәсіп\")' where code = '$nk';
    update reg_row set name_kk = '=HYPERLINK(\"http://x\";\"Кәсіп\")', basis_kk = '-Кодекс'
     where version_id = $(draft) and nkz_code = '$nk';
    update reg_row set basis_kk = '@SUM(1)' where id = ($(nth 1));
    update reg_row set basis_kk = '+7 Заң' where id = ($(nth 2));
    update reg_row set basis_kk = '''=апостроф' where id = ($(nth 3));
    update reg_row set basis_kk = '''Әлем' where id = ($(nth 4))"
status "export with formula-like cells" 0 $TZB --db "$DB" export --lang kk -o "$TMP/f.csv"
F=$(cat "$TMP/f.csv")
contains "name guarded" ",\"'=HYPERLINK(\"\"http://x\"\";\"\"Кәсіп\"\")\",$nk," "$F"
contains "minus guarded" ",$nk,'-Кодекс," "$F"
contains "at guarded" ",'@SUM(1)," "$F"
contains "plus guarded" ",'+7 Заң," "$F"
contains "apostrophe and sign guarded" ",''=апостроф," "$F"
contains "plain apostrophe left" ",'Әлем," "$F"
lacks "no cell starts with =" ",=" "$F"
snap=$(sq "select group_concat(name_kk || '|' || basis_kk, '/') from (select * from reg_row where version_id = $(draft) order by id)")
status "import it back" 0 $TZB --db "$DB" import "$TMP/f.csv" "$R"
expect "no warning: the name is the classifier's" 0 "$(printf '%s\n' "$out" | grep -c "f.csv:[0-9]")"
expect "every text as it was" "$snap" \
	"$(sq "select group_concat(name_kk || '|' || basis_kk, '/') from (select * from reg_row where version_id = $(draft) order by id)")"
$TZB --db "$DB" export --lang kk -o "$TMP/f2.csv"
cmp -s "$TMP/f.csv" "$TMP/f2.csv" && ok "export, import, export: same bytes" ||
	bad "export, import, export: same bytes" "$(diff "$TMP/f.csv" "$TMP/f2.csv" | head -3)"

# --- press edit ---------------------------------------------------------------
printf 'Жақсы жол\nекінші \377\376 жол\n' > "$TMP/bad.txt"
before=$(state)
status "press edit: not UTF-8" 3 $TZB --db "$DB" press edit --lang kk "$TMP/bad.txt"
contains "press edit: line and column" "$(f kk 'line %ld, column %ld: %s' 2 8 "$(t kk 'the text is not valid UTF-8; save it as UTF-8')")" "$out"
expect "press edit: nothing kept" "$before" "$(state)"
printf 'Хабарлама\033]0;x\007\n' > "$TMP/esc.txt"
status "press edit: an escape" 3 $TZB --db "$DB" press edit --lang kk "$TMP/esc.txt"
contains "press edit: escape named" "$(f kk 'line %ld, column %ld: %s' 1 10 "$(f kk "$CONTROL" '\x1b')")" "$out"
expect "press edit: still nothing kept" "$before" "$(state)"
printf 'Хабарлама\r\nекінші\tжол\r\n' > "$TMP/ok.txt"
status "press edit: CRLF and tab are text" 0 $TZB --db "$DB" press edit --lang kk "$TMP/ok.txt"

# --- encodings -----------------------------------------------------------------
# The first rows UTF-8, the rest RK1048: refused where RK1048 begins.
head -n 3 "$K" > "$TMP/mixed.csv"
tail -n +4 "$TMP/kk1048.csv" >> "$TMP/mixed.csv"
mcol=$(sed -n 4p "$TMP/mixed.csv" | LC_ALL=C sed 's/[\x80-\xff].*//' | wc -c)
before=$(state)
status "UTF-8 then RK1048, auto" 3 $TZB --db "$DB" import "$TMP/mixed.csv" "$R"
contains "mixed: the place" "$(f kk '%s:%ld:%ld: the file mixes encodings: line %ld is UTF-8 and this line is not; save the whole file in one encoding' \
	"$TMP/mixed.csv" 4 "$mcol" 1)" "$out"
expect "mixed: unchanged" "$before" "$(state)"
# The classifier's header is ASCII, so a code page read the UTF-8 rows as
# mojibake and stored them: refused the same way.
M=$TMP/nkz-mixed.csv
printf 'code,level,parent_code,name_ru,name_kz\n1,1,,Руководители и служащие,Басшылар мен қызметшілер\n' > "$M"
sed -n 3,60p "$SHARED/data/nkz-sample.csv" | iconv -f UTF-8 -t RK1048 >> "$M"
mcol=$(sed -n 3p "$M" | LC_ALL=C sed 's/[\x80-\xff].*//' | wc -c)
status "classifier: UTF-8 then RK1048" 3 $TZB --db "$DB" import-nkz "$M"
contains "classifier mixed: the place" "$(f kk '%s:%ld:%ld: the file mixes encodings: line %ld is UTF-8 and this line is not; save the whole file in one encoding' \
	"$M" 3 "$mcol" 2)" "$out"
expect "classifier mixed: unchanged" "$before" "$(state)"
expect "no mojibake stored" 0 "$(sq "select count(*) from nkz where name_ru like '%Сѓ%'")"
# The Russian file with one Kazakh word, saved as RK1048 and read as CP1251,
# would keep "кјсіп" for "кәсіп".
rl=$(grep -n '^[0-9]*\.,' "$R" | tail -1 | cut -d: -f1)
rcode=$(line "$rl" "$R" | cut -d, -f3)
sed "${rl}s/,$rcode,/,$rcode,кәсіп /" "$R" | iconv -f UTF-8 -t RK1048 > "$TMP/ru1048.csv"
kcol=$(sed -n "${rl}p" "$TMP/ru1048.csv" | LC_ALL=C sed 's/\xbc.*//' | wc -c)
status "RK1048 read as CP1251" 3 $TZB --db "$DB" import --encoding cp1251 "$TMP/ru1048.csv"
contains "CP1251: the letter and the encoding to give" \
	"$(f kk '%s:%ld:%ld: read as CP1251 the text holds «%s», a letter that neither Kazakh nor Russian uses: the file is most likely RK1048; give --encoding rk1048' \
	"$TMP/ru1048.csv" "$rl" "$kcol" ј)" "$out"
expect "CP1251: unchanged" "$before" "$(state)"
expect "no кјсіп stored" 0 "$(sq "select count(*) from reg_row where basis_ru like '%кјсіп%'")"
status "the same as RK1048" 0 $TZB --db "$DB" import --encoding rk1048 "$TMP/ru1048.csv"
expect "кәсіп stored" 1 "$(sq "select count(*) from reg_row where version_id = $(draft) and basis_ru like 'кәсіп %'")"
status "RK1048 read as CP1251, ru" 3 $TZB --lang ru --db "$DB" import --encoding cp1251 "$TMP/ru1048.csv"
contains "CP1251 refusal in ru" "--encoding rk1048" "$out"
contains "CP1251 refusal in Russian words" "$(f ru '%s:%ld:%ld: read as CP1251 the text holds «%s», a letter that neither Kazakh nor Russian uses: the file is most likely RK1048; give --encoding rk1048' \
	"$TMP/ru1048.csv" "$rl" "$kcol" ј)" "$out"
done_tests
