#!/bin/sh
# import-nkz: the classifier from the ministries' CSV files, all or nothing.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/t.db
SAMPLE=$SHARED/data/nkz-sample.csv
q() { sqlite3 "$DB" "$1"; }

"$TZB" --db "$DB" init >/dev/null 2>&1 || bad init "exit $?"

# Usage errors: exit 2, nothing read.
status "no file" 2 "$TZB" --db "$DB" import-nkz
contains "no file says how" "import-nkz ФАЙЛ" "$out"
status "unknown option" 2 "$TZB" --db "$DB" import-nkz --bogus "$SAMPLE"
contains "unknown option named" "--bogus" "$out"
status "two files" 2 "$TZB" --db "$DB" import-nkz "$SAMPLE" "$SAMPLE"
status "unknown encoding" 2 "$TZB" --db "$DB" import-nkz "$SAMPLE" --encoding koi8-u
contains "encoding named" "koi8-u" "$out"
status "encoding without value" 2 "$TZB" --db "$DB" import-nkz "$SAMPLE" --encoding
expect "nothing imported by usage errors" 0 "$(q 'SELECT count(*) FROM nkz')"

# The sample: counts per level as the file has them.
status "sample" 0 "$TZB" --db "$DB" import-nkz "$SAMPLE"
for lv in 1 2 3 4 5 6; do
	n=$(awk -F, -v lv=$lv 'NR > 1 && $2 == lv { c++ } END { print c + 0 }' "$SAMPLE")
	line=$(printf '%s\n' "$out" | grep -E "^ +[^0-9]*$lv[^0-9]" | head -1)
	contains "level $lv counted" ": $n" "$line"
	expect "level $lv stored" "$n" "$(q "SELECT count(*) FROM nkz WHERE level = $lv")"
done
contains "total" "1000" "$out"
expect "7212-1-008 under 7212-1" "7212-1" "$(q "SELECT parent FROM nkz WHERE code = '7212-1-008'")"
expect "Х1000 under Х" "Х" "$(q "SELECT parent FROM nkz WHERE code = 'Х1000'")"
expect "names verbatim" "СВАРЩИКИ И ГАЗОРЕЗЧИКИ" "$(q "SELECT name_ru FROM nkz WHERE code = '7212'")"

# Again: the same codes, updated in place.
status "re-import" 0 "$TZB" --db "$DB" import-nkz "$SAMPLE" --encoding utf-8
contains "re-import: nothing new" "(0 " "$out"
expect "re-import: no duplicates" 1000 "$(q 'SELECT count(*) FROM nkz')"

# Bad data: exit 3, every problem with file, line and column, nothing written.
printf 'code,level,parent_code,name_ru,name_kz\n0,1,,А,Б\n01,2,0,В,Г\n01111,4,01,Д,Е\n011,3,01,Ж,\nX,1,,З,И\n' >"$TMP/bad.csv"
status "bad file" 3 "$TZB" --db "$DB" import-nkz "$TMP/bad.csv"
contains "malformed code located" "bad.csv:4:1:" "$out"
contains "malformed code quoted" "01111" "$out"
contains "missing name located" "bad.csv:5:5:" "$out"
contains "Latin X located" "bad.csv:6:1:" "$out"
expect "bad file: nothing written" 0 "$(q "SELECT count(*) FROM nkz WHERE code IN ('0', '01', '011')")"
expect "bad file: classifier intact" 1000 "$(q 'SELECT count(*) FROM nkz')"

name008=$(q "SELECT name_ru FROM nkz WHERE code = '7212-1-008'")
printf 'code,name_ru,name_kz\n7212-1-008,ДУБЛЬ,Б\n7212-1-008,ДУБЛЬ2,Г\n' >"$TMP/dup.csv"
status "duplicate" 3 "$TZB" --db "$DB" import-nkz "$TMP/dup.csv"
contains "duplicate located" "dup.csv:3:1:" "$out"
expect "duplicate: not written" "$name008" "$(q "SELECT name_ru FROM nkz WHERE code = '7212-1-008'")"

printf 'code;name_ru;name_kz\n7;А;Б\n' >"$TMP/semi.csv"
status "semicolons" 3 "$TZB" --db "$DB" import-nkz "$TMP/semi.csv"
contains "semicolons explained" "semi.csv:1: " "$out"
contains "semicolons named" '";"' "$out"

status "missing file" 3 "$TZB" --db "$DB" import-nkz "$TMP/none.csv"
contains "missing file named" "none.csv" "$out"

# A Kazakh code page, headers in Kazakh, an inactive row left out.
printf 'коды,атауы (орысша),атауы,белсенді\n0,РАБОЧИЕ,ЖҰМЫСШЫЛАР,иә\n01,ҚҰРЫЛЫСШЫЛАР,ҚҰРЫЛЫСШЫЛАР,1\n02,ЕСКІ,ЕСКІ,жоқ\n' |
	iconv -f UTF-8 -t RK1048 >"$TMP/kk.csv"
status "RK1048" 0 "$TZB" --db "$DB" import-nkz "$TMP/kk.csv" --encoding rk1048
expect "RK1048 Kazakh letters" "ҚҰРЫЛЫСШЫЛАР" "$(q "SELECT name_kk FROM nkz WHERE code = '01'")"
expect "RK1048 folded" "құрылысшылар" "$(q "SELECT fold_ru FROM nkz WHERE code = '01'")"
expect "inactive left out" 0 "$(q "SELECT count(*) FROM nkz WHERE code = '02'")"
contains "inactive counted" "Белсенді емес 1 код" "$out"

done_tests
