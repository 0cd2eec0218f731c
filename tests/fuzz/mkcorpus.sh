#!/bin/sh
# Makes the seed corpora in tests/fuzz/corpus/ from the program's own demo
# register and a few hand-written inputs (never from ../shared/data).  Run
# once after a change of format: `B=build sh tests/fuzz/mkcorpus.sh`.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
TZB=$TOP/${B:-build}/tizilim
C=$TOP/tests/fuzz/corpus
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export HOME=$W XDG_DATA_HOME=$W/data LANG=C.UTF-8 TZ=UTC
unset LANGUAGE TIZILIM_LANG LC_ALL
mkdir -p "$C"/fuzz_config "$C"/fuzz_csvin "$C"/fuzz_nkz "$C"/fuzz_regcsv "$C"/fuzz_xlsxin "$C"/fuzz_package "$C"/fuzz_dates

# a selector byte (the target's first byte) and a file
seed() { printf "$2" > "$W/sel"; cat "$W/sel" - > "$1"; }

# --- CSV: quotes, doubled quotes, a line break in a field, Kazakh letters --
cat > "$W/t.csv" <<'CSV'
code,level,parent_code,name_ru,name_kz
7212-1-008,6,7212-1,"Сварщик, ""газовый""","Дәнекерлеуші
газбен"
Х1000,4,Х,ОФИЦЕРЫ,ОФИЦЕРЛЕР ҚҰРАМЫ
CSV
seed "$C/fuzz_csvin/utf8" '\000' < "$W/t.csv"
{ printf '\357\273\277'; cat "$W/t.csv"; } | seed "$C/fuzz_csvin/bom-auto" '\003'
iconv -f UTF-8 -t RK1048 < "$W/t.csv" | seed "$C/fuzz_csvin/rk1048" '\001'
iconv -f UTF-8 -t RK1048 < "$W/t.csv" | seed "$C/fuzz_csvin/rk1048-auto" '\003'
sed 's/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/и/g' "$W/t.csv" | iconv -f UTF-8 -t CP1251 | seed "$C/fuzz_csvin/cp1251" '\002'
printf 'a;b;"c\r\nd"\r\n\r\n,,\r\n' | seed "$C/fuzz_csvin/crlf" '\000'

# --- classifier: every level, an inactive code, Latin I for І --------------
cat > "$W/n.csv" <<'CSV'
code,level,parent_code,name_ru,name_kz,active
7,1,,РАБОЧИЕ,ЖҰМЫСШЫЛАР,1
72,2,7,МЕТАЛЛИСТЫ,МЕТАЛЛ ӨҢДЕУШIЛЕР,1
721,3,72,СВАРЩИКИ,ДӘНЕКЕРЛЕУШІЛЕР,1
7212,4,721,Сварщики,Дәнекерлеушілер,1
7212-1,5,7212,Сварщики ручной сварки,Қол дәнекерлеушілері,1
7212-1-008,6,7212-1,Сварщик,Дәнекерлеуші,1
7212-1-009,6,7212-1,Резчик,Кескіш,0
CSV
seed "$C/fuzz_nkz/utf8" '\000' < "$W/n.csv"
iconv -f UTF-8 -t RK1048 < "$W/n.csv" | seed "$C/fuzz_nkz/rk1048-auto" '\003'
printf 'код;наименование;атауы\n7212-1-008;Сварщик;Дәнекерлеуші\n' | seed "$C/fuzz_nkz/semicolon" '\000'

# --- the register, from the demo database ----------------------------------
D=$W/demo.db
"$TZB" --db "$D" init --demo >/dev/null
"$TZB" --db "$D" export --lang kk -o "$W/kk.csv" >/dev/null
"$TZB" --db "$D" export --lang ru -o "$W/ru.csv" >/dev/null
"$TZB" --db "$D" export --lang ru --encoding cp1251 -o "$W/ru1251.csv" >/dev/null
"$TZB" --db "$D" export --lang kk --encoding rk1048 -o "$W/kk1048.csv" >/dev/null
short() { head -12 "$1"; }   # headings, both sections' first rows
short "$W/kk.csv" | seed "$C/fuzz_regcsv/kk" '\000'
short "$W/ru.csv" | seed "$C/fuzz_regcsv/ru" '\003'
short "$W/ru1251.csv" | seed "$C/fuzz_regcsv/ru-cp1251" '\002'
short "$W/kk1048.csv" | seed "$C/fuzz_regcsv/kk-rk1048" '\001'
{ short "$W/kk.csv"; printf '\f'; short "$W/ru.csv"; } | seed "$C/fuzz_regcsv/kk-ru" '\004'

# --- workbooks: as the program writes them, and stored uncompressed so that
# the fuzzer reaches the XML ------------------------------------------------
"$TZB" --db "$D" export --format xlsx --lang kk -o "$W/kk.xlsx" >/dev/null
cp "$W/kk.xlsx" "$C/fuzz_xlsxin/appendix.xlsx"
python3 - "$C/fuzz_xlsxin/stored.xlsx" <<'PY'
import sys, zipfile
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
parts = {
 '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
 '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
   '<Relationship Id="rId1" Type="' + rel + '/officeDocument" Target="xl/workbook.xml"/></Relationships>',
 'xl/workbook.xml': '<?xml version="1.0"?><workbook ' + ns + ' xmlns:r="' + rel + '"><sheets>'
   '<sheet name="ҰКС" sheetId="1" r:id="rId1"/></sheets></workbook>',
 'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
   '<Relationship Id="rId1" Type="' + rel + '/worksheet" Target="worksheets/sheet1.xml"/>'
   '<Relationship Id="rId2" Type="' + rel + '/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
 'xl/sharedStrings.xml': '<?xml version="1.0"?><sst ' + ns + ' count="3"><si><t>code</t></si>'
   '<si><r><t>Дәнекер</t></r><r><t xml:space="preserve">леуші </t></r></si><si><t>Сварщик</t></si></sst>',
 'xl/worksheets/sheet1.xml': '<?xml version="1.0"?><worksheet ' + ns + '><sheetData>'
   '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>name_ru</t></is></c></row>'
   '<row r="3"><c r="A3" t="str"><v>7212-1-008</v></c><c r="B3" t="s"><v>1</v></c>'
   '<c r="C3" t="s"><v>2</v></c><c r="D3"><v>4.2</v></c><c r="E3"><v>1210.0</v></c></row>'
   '</sheetData></worksheet>',
}
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    for name, text in parts.items():
        z.writestr(name, text)
PY
"$TZB" --db "$D" import-nkz "$C/fuzz_xlsxin/stored.xlsx" >/dev/null 2>&1 || true
cp "$C/fuzz_xlsxin/stored.xlsx" "$C/fuzz_nkz/stored.xlsx.tmp"
seed "$C/fuzz_nkz/stored-xlsx" '\000' < "$C/fuzz_nkz/stored.xlsx.tmp"
rm -f "$C/fuzz_nkz/stored.xlsx.tmp"

# --- a package of one body's proposals -------------------------------------
sq() { sqlite3 -batch "$D" "$@"; }
code1=$(sq "select code from nkz where level = 6 order by code limit 1")
agri=$(sq "select id from body where code = 'agriculture'")
cyc=$(sq "select id from cycle where year = 2026 and season = 'spring'")
sq "insert into proposal (cycle_id, body_id, association_id, action, section, nkz_code, basis_kk,
      basis_ru, validity, profile, safety_kk, safety_ru, demand_kk, demand_ru, standard_kk,
      standard_ru, state, created, author)
    values ($cyc, $agri, 1, 'include', 'voluntary', '$code1', 'Кәсіптік стандарт', 'Профстандарт',
      5, 'sg', 'Қауіпсіздік', 'Безопасность', 'Сұраныс', 'Спрос', 'КС-1', 'ПС-1', 'agreed',
      '2026-01-10T10:00:00Z', 'aigul');
    insert into proposal_level select id, '4' from proposal where nkz_code = '$code1';
    insert into council_agreement (cycle_id, body_id, date, protocol) values ($cyc, $agri, '2026-01-20', '7');"
"$TZB" --db "$D" package export "$W/p.tzp" --body agriculture --cycle 2026 spring >/dev/null
seed "$C/fuzz_package/replace" '\001' < "$W/p.tzp"
seed "$C/fuzz_package/dry-run" '\004' < "$W/p.tzp"

# --- dates and counts ------------------------------------------------------
for s in '2026-03-20 10' '2025-01-03 0' '2024-02-29 3650' '2026-13-01 5' '2026-08-28 2' '1900-01-01 007'; do
	printf '%s' "$s" > "$C/fuzz_dates/$(printf '%s' "$s" | tr ' ' '_')"
done
# --- the configuration file -------------------------------------------------
mkdir -p "$C"/fuzz_config
printf '# tizilim\nlanguage = ru\ncolors = off\nmouse = on\nbind.search = ^F\nbind.quit = F12\nbind.help = ы\n' > "$C/fuzz_config/full"
printf 'language=kk\r\nbind.view = PgDn\nbind.menu = Ctrl-X\n  # indented comment\n\nbind.delete = Delete\n' > "$C/fuzz_config/crlf"
printf 'language = en\nbogus line\nbind.nothing = F1\nbind.edit = F13\ncolors = maybe\n' > "$C/fuzz_config/bad"
printf 'F7' > "$C/fuzz_config/key-f7"
ls -l "$C"/*
