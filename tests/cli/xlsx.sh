#!/bin/sh
# The register as an Appendix-form workbook and the review pack, checked by
# an independent reader (openpyxl) and read back by our own; classifier and
# register rows from workbooks; broken and hostile workbooks refused with
# nothing written.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
CHECK="$PY $TOP/tests/xlsx_check.py"
DB=$TMP/r.db
$TZB --db "$DB" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
draft() { sqlite3 "$DB" "select id from reg_version where state = 'draft'"; }
pub=$(sqlite3 "$DB" "select id from reg_version where state = 'published'")
state() { sqlite3 "$1" .dump | md5sum; }
# t LANG MSGID: a message as the catalog gives it; f LANG MSGID ARG...: filled in
t() { LANGUAGE=$1 TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -e -d tizilim "$2"; }
f() {
	_f=$(t "$1" "$2" | sed 's/%l*\([dux]\)/%\1/g'); shift 2
	# shellcheck disable=SC2059
	printf "$_f" "$@"
}

# --- the Appendix form, checked cell by cell ------------------------------
$TZB --db "$DB" export --lang kk -o "$TMP/kk.csv"
$TZB --db "$DB" export --lang ru -o "$TMP/ru.csv"
status "export xlsx kk" 0 $TZB --db "$DB" export --format xlsx --lang kk -o "$TMP/kk.xlsx"
status "export xlsx ru" 0 $TZB --db "$DB" export --format xlsx --lang ru -o "$TMP/ru.xlsx"
status "openpyxl: kk form" 0 $CHECK form "$TMP/kk.xlsx" kk draft
[ -n "$out" ] && echo "$out"
status "openpyxl: ru form" 0 $CHECK form "$TMP/ru.xlsx" ru draft
[ -n "$out" ] && echo "$out"
status "export a published version" 0 $TZB --db "$DB" export --format xlsx --lang ru \
	--version "$pub" -o "$TMP/pub.xlsx"
status "openpyxl: published, not marked draft" 0 $CHECK form "$TMP/pub.xlsx" ru published
[ -n "$out" ] && echo "$out"
ls "$TMP"/*.tmp* >/dev/null 2>&1 && bad "no temporary files left" "$(ls "$TMP")" || ok "no temp"
status "xlsx needs a file" 2 $TZB --db "$DB" export --format xlsx --lang kk
status "xlsx has no encoding" 2 $TZB --db "$DB" export --format xlsx --encoding cp1251 -o "$TMP/x.xlsx"
status "unknown version" 3 $TZB --db "$DB" export --format xlsx --version 99 -o "$TMP/x.xlsx"
[ -e "$TMP/x.xlsx" ] && bad "refused export writes no file" "x.xlsx exists" || ok "no file"

# --- read back by our own importer: the same register ---------------------
sqlite3 "$DB" "delete from reg_row where version_id = $(draft)"
status "import both workbooks" 0 $TZB --db "$DB" import "$TMP/kk.xlsx" "$TMP/ru.xlsx"
rows=$(grep -c '^[0-9]*\.,' "$TMP/kk.csv")
contains "import counts" "$(f kk '%ld added, %ld changed, %ld unchanged\n' "$rows" 0 0)" "$out"
contains "import says XLSX" "kk.xlsx: $(t kk Kazakh), XLSX" "$out"
$TZB --db "$DB" export --lang kk -o "$TMP/kk2.csv"
$TZB --db "$DB" export --lang ru -o "$TMP/ru2.csv"
cmp -s "$TMP/kk.csv" "$TMP/kk2.csv" && ok "kk round trip" ||
	bad "kk round trip" "$(diff "$TMP/kk.csv" "$TMP/kk2.csv" | head -3)"
cmp -s "$TMP/ru.csv" "$TMP/ru2.csv" && ok "ru round trip" ||
	bad "ru round trip" "$(diff "$TMP/ru.csv" "$TMP/ru2.csv" | head -3)"
status "import again changes nothing" 0 $TZB --db "$DB" import "$TMP/ru.xlsx" "$TMP/kk.xlsx"
contains "unchanged" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
status "no such sheet" 3 $TZB --db "$DB" import "$TMP/kk.xlsx" --sheet Nope
contains "no such sheet named" "Nope" "$out"
status "sheet of a CSV" 3 $TZB --db "$DB" import "$TMP/kk.csv" --sheet S

# --- the review pack ------------------------------------------------------
want=$($TZB --db "$DB" diff | tail -1 | grep -o '[0-9][0-9]*' | tail -3 | tr '\n' ' ')
status "review pack" 0 $TZB --db "$DB" export --format xlsx --diff --lang kk -o "$TMP/pack.xlsx"
status "openpyxl: pack" 0 $CHECK pack "$TMP/pack.xlsx" kk
set -- $out
expect "pack counts agree with diff" "$want" "$1 $2 $3 "
[ "$1" -gt 0 ] && [ "$2" -gt 0 ] && [ "$3" -gt 0 ] && ok "pack has each kind" ||
	bad "pack has each kind" "$*"
status "review pack, versions named" 0 $TZB --db "$DB" export --format xlsx --diff "$pub" \
	"$(draft)" --lang ru -o "$TMP/pack-ru.xlsx"
status "openpyxl: ru pack" 0 $CHECK pack "$TMP/pack-ru.xlsx" ru
status "pack: unknown version" 2 $TZB --db "$DB" export --format xlsx --diff 1 99 -o "$TMP/p.xlsx"

# --- a 20,000-row classifier workbook -------------------------------------
N=$TMP/n.db
$TZB --db "$N" init >/dev/null 2>&1
$CHECK nkz "$TMP/nkz.xlsx" 20000 || bad "make classifier workbook" "openpyxl failed"
t0=$(date +%s%N)
status "import-nkz xlsx, sheet by name" 0 $TZB --db "$N" import-nkz "$TMP/nkz.xlsx" --sheet NKZ
t1=$(date +%s%N)
expect "20,000 codes by level" "9 27 81 405 1620 17858 " \
	"$(sqlite3 "$N" "select count(*) from nkz group by level order by level" | tr '\n' ' ')"
expect "a number cell is the code 1211" "1211|121|4" \
	"$(sqlite3 "$N" "select code, parent, level from nkz where code = '1211'")"
expect "no .0 anywhere" 0 "$(sqlite3 "$N" "select count(*) from nkz where code like '%.%'")"
expect "names from shared strings" "Профессия 7212-1-008|Кәсіп 7212-1-008" \
	"$(sqlite3 "$N" "select name_ru, name_kk from nkz where code = '7212-1-008'")"
ms=$(( (t1 - t0) / 1000000 ))
echo "xlsx.sh: 20000-row classifier workbook imported in $ms ms"
# The bound catches a reader gone quadratic, with room for sanitizer builds.
[ "$ms" -lt 15000 ] && ok "import time" || bad "import time" "$ms ms"
status "first sheet has no code column" 3 $TZB --db "$N" import-nkz "$TMP/nkz.xlsx"
contains "header problem named" "nkz.xlsx:1: " "$out"

# --- broken and hostile workbooks: refused, nothing written ---------------
# refuse NAME FILE MSGID ARG...: in Kazakh and in Russian, exit 3, the whole
# reason with the file named first in it, nothing written
refuse() {
	_n=$1 _p=$2 _m=$3; shift 3
	for _l in kk ru; do
		before=$(state "$N")
		status "$_n ($_l)" 3 $TZB --lang $_l --db "$N" import-nkz "$_p"
		contains "$_n ($_l): reason, file named" "tizilim: $(f $_l "$_m" "$_p" "$@")" "$out"
		expect "$_n ($_l): database unchanged" "$before" "$(state "$N")"
	done
}
printf 'code,name_ru,name_kz\n1,a,b\n' > "$TMP/csv.xlsx"
refuse "not a zip" "$TMP/csv.xlsx" '%s: not an XLSX workbook: the file is not a zip archive'
head -c 20000 "$TMP/nkz.xlsx" > "$TMP/cut.xlsx"
refuse "truncated" "$TMP/cut.xlsx" \
	'%s: the workbook is damaged or truncated: its zip directory cannot be read'
$CHECK nowb "$TMP/nowb.xlsx"
refuse "no workbook.xml" "$TMP/nowb.xlsx" '%s: not an XLSX workbook: the part %s is missing' xl/workbook.xml
$CHECK bomb "$TMP/bomb.xlsx" 201
# the sizes as the zip's own directory gives them
sizes=$($PY -c 'import sys, zipfile
i = zipfile.ZipFile(sys.argv[1]).getinfo("xl/worksheets/sheet1.xml")
print(i.file_size >> 20, i.compress_size >> 10)' "$TMP/bomb.xlsx")
# shellcheck disable=SC2086
refuse "zip bomb" "$TMP/bomb.xlsx" '%s: %s would unpack to %llu MiB from %llu KiB; refused as a possible zip bomb' \
	xl/worksheets/sheet1.xml $sizes
$CHECK sheet "$TMP/rows.xlsx" '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>name_ru</t></is></c><c r="C1" t="inlineStr"><is><t>name_kz</t></is></c></row><row r="9999999"><c r="A9999999"><v>1</v></c></row></sheetData></worksheet>'
refuse "row 9999999" "$TMP/rows.xlsx" \
	'%s: sheet "%s": row number %s is beyond the last row a sheet can have (%ld); refused' S 9999999 1048576
$CHECK sheet "$TMP/ent.xlsx" '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'
refuse "DOCTYPE with entities" "$TMP/ent.xlsx" \
	'%s: %s declares a DOCTYPE or entities, which workbooks never do; refused' xl/worksheets/sheet1.xml
# Nested far deeper than any workbook: refused at the limit, before expat
# keeps millions of open elements (12 MB nested 28 million deep took 3.9 GB).
$CHECK deep "$TMP/deep.xlsx" 100000
refuse "nested 100,000 deep" "$TMP/deep.xlsx" \
	'%s: %s nests its elements more than %d deep (line %lu); refused as no workbook does' \
	xl/worksheets/sheet1.xml 64 1
# The register import refuses the same way.
before=$(state "$DB")
status "register import: bomb" 3 $TZB --db "$DB" import "$TMP/bomb.xlsx"
contains "register import: bomb named" "bomb.xlsx" "$out"
expect "register import: unchanged" "$before" "$(state "$DB")"

done_tests
