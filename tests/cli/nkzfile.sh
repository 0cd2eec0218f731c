#!/bin/sh
# import-nkz with a real ministry classifier: malformed active rows are listed
# and refuse the file by default; --skip-invalid imports the others and writes
# the rows left out, with their reasons, beside the file; a newer classifier
# says what it added, renamed and retired, and `check` names the register rows
# concerned.
. "$(dirname "$0")/../lib.sh"

SAMPLE=$SHARED/data/nkz-sample.csv
FIX="python3 $TOP/tests/nkz_fixture.py $SAMPLE"
q() { sqlite3 "$1" "$2"; }
tz() { "$TZB" --lang ru --db "$@"; }
[ -r "$SAMPLE" ] || { bad "sample" "no $SAMPLE"; done_tests; exit 1; }

# The four kinds of the ministry's own file, active, among 1,000 good rows;
# a group with no Russian name and an occupation under it (left out with
# it); a malformed code on a retired row, which is no problem.
BAD="2331-001|УЧИТЕЛЬ|МҰҒАЛІМ|1
Х1000-0|ПРОЧИЕ|БАСҚАЛАР|1
Х2000-0|ЕЩЁ ПРОЧИЕ|ТАҒЫ БАСҚАЛАР|1
Y1000|ЛАТИНСКАЯ|ЛАТЫН|1
1-99-999|ЗАГЛУШКА|ТОЛТЫРҒЫШ|1
2331-1||МҰҒАЛІМДЕР|1
2331-1-001|УЧИТЕЛЬ ТРУДА|ЕҢБЕК МҰҒАЛІМІ|1
ZZZ|СТАРОЕ|ЕСКІ|0"
mkdir -p "$TMP/in"
echo "$BAD" | tr '\n' '\0' | xargs -0 $FIX "$TMP/in/nkz.csv" "$TMP/in/nkz.xlsx" ||
	bad "fixtures" "nkz_fixture.py failed"
# Where each row is: line 1 is the heading, the sample's 1,000 rows follow.
row() { grep -n ",$1," "$TMP/in/nkz.csv" | cut -d: -f1; }

for f in nkz.csv nkz.xlsx; do
	DB=$TMP/$f.db
	tz "$DB" init >/dev/null 2>&1 || bad "$f: init" "exit $?"
	status "$f: refused by default" 3 tz "$DB" import-nkz "$TMP/in/$f"
	for c in 2331-001 Х1000-0 Х2000-0 Y1000 1-99-999 2331-1 2331-1-001; do
		contains "$f: $c listed with its row and column" "$f:$(row "$c"):" "$out"
	done
	contains "$f: a group typed without its digit" "в \"2331-001\" нет цифры группы занятий" "$out"
	contains "$f: Х with a suffix" "\"Х1000-0\": группы основной группы Х дальше не делятся" "$out"
	contains "$f: a Latin letter for Х" "код \"Y1000\" начинается с латинской буквы Y" "$out"
	contains "$f: a placeholder" "\"1-99-999\" не является кодом классификатора" "$out"
	contains "$f: the column named" "(столбец \"CODE\")" "$out"
	contains "$f: the empty name" "$f:$(row 2331-1):4: " "$out"
	contains "$f: the code under it" "родительская группа 2331-1 кода 2331-1-001" "$out"
	lacks "$f: a retired row is no problem" "ZZZ" "$out"
	expect "$f: seven rows listed" 7 "$(printf '%s\n' "$out" | grep -c "$f:[0-9]*:")"
	contains "$f: nothing imported" "ничего не импортировано" "$out"
	contains "$f: the way out named" "--skip-invalid" "$out"
	expect "$f: nothing written" 0 "$(q "$DB" 'SELECT count(*) FROM nkz')"
	[ -e "$TMP/in/nkz-rejected.csv" ] && bad "$f: refused writes no rejects" "file exists" ||
		ok "$f: no rejects file"
done

DB=$TMP/nkz.csv.db
status "skip-invalid" 0 tz "$DB" import-nkz "$TMP/in/nkz.csv" --skip-invalid
expect "exactly the valid occupations" 1000 "$(q "$DB" 'SELECT count(*) FROM nkz')"
expect "the sample's codes, none other" 0 "$(q "$DB" "SELECT count(*) FROM nkz WHERE code IN
	('2331-001', 'Х1000-0', 'Х2000-0', 'Y1000', '1-99-999', '2331-1', '2331-1-001', 'ZZZ')")"
contains "counts at the end" "Импортировано: 1000, отклонено: 7, утратили силу: 0." \
	"$(printf '%s\n' "$out" | tail -1)"
REJ=$TMP/in/nkz-rejected.csv
contains "rejects file named" "$REJ" "$out"
expect "rejects: a heading in the clerk's language" "Строка,Столбец,Значение,Причина,Код" \
	"$(head -1 "$REJ" | cut -d, -f1-5)"
expect "rejects: a line a problem" 8 "$(wc -l <"$REJ")"
for c in 2331-001 Х1000-0 Х2000-0 Y1000 1-99-999 2331-1-001; do
	contains "rejects: $c with its row" "$(row "$c"),CODE,$c," "$(cat "$REJ")"
done
contains "rejects: the empty name with its row" "$(row 2331-1),NAME_RU,," "$(cat "$REJ")"
contains "rejects: the reason" "нет цифры группы занятий" "$(grep '^[0-9]*,CODE,2331-001,' "$REJ")"
contains "rejects: the row's names" "УЧИТЕЛЬ ТРУДА,ЕҢБЕК МҰҒАЛІМІ" "$(grep '2331-1-001' "$REJ")"
lacks "rejects: the retired row is not one" "ZZZ" "$(cat "$REJ")"

# The workbook: the same rows; its rejects never replace the CSV's.
sum=$(cksum <"$REJ")
DBX=$TMP/nkz.xlsx.db
status "skip-invalid, workbook" 0 tz "$DBX" import-nkz "$TMP/in/nkz.xlsx" --skip-invalid
expect "workbook: exactly the valid occupations" 1000 "$(q "$DBX" 'SELECT count(*) FROM nkz')"
contains "workbook: counts" "Импортировано: 1000, отклонено: 7, утратили силу: 0." "$out"
expect "an existing rejects file is kept" "$sum" "$(cksum <"$REJ")"
contains "the next name is taken" "$TMP/in/nkz-rejected-2.csv" "$out"
expect "workbook rejects: rows as the sheet numbers them" "$(sed 1d "$REJ")" \
	"$(sed 1d "$TMP/in/nkz-rejected-2.csv")"

# Kazakh: the reasons and the heading in the clerk's language.
DBK=$TMP/kk.db
"$TZB" --lang kk --db "$DBK" init >/dev/null 2>&1
status "Kazakh: refused" 3 "$TZB" --lang kk --db "$DBK" import-nkz "$TMP/in/nkz.csv"
contains "Kazakh: the reason" "\"2331-001\" кодында кәсіптер тобының цифры жоқ" "$out"
contains "Kazakh: nothing imported" "ештеңе импортталған жоқ" "$out"
rm -f "$TMP"/in/nkz-rejected*.csv
status "Kazakh: skip-invalid" 0 "$TZB" --lang kk --db "$DBK" import-nkz "$TMP/in/nkz.csv" --skip-invalid
contains "Kazakh: counts" "Импортталды: 1000, алынбады: 7, күшін жойды: 0." "$out"
expect "Kazakh: rejects heading" "Жол,Баған,Мәні" "$(head -1 "$REJ" | cut -d, -f1-3)"

# The ministry's own export, when it is there.
found=0
for real in "$SHARED"/data/*.xlsx; do
	[ -r "$real" ] || continue
	found=1
	cp "$real" "$TMP/real.xlsx"
	DBR=$TMP/real.db
	"$TZB" --db "$DBR" init >/dev/null 2>&1
	status "$(basename "$real"): imports with --skip-invalid" 0 "$TZB" --lang ru --db "$DBR" \
		import-nkz "$TMP/real.xlsx" --skip-invalid
	for c in 2331-001 Х1000-0 Y1000 1-99-999; do
		contains "$(basename "$real"): $c rejected" ",$c," "$(cat "$TMP/real-rejected.csv")"
	done
	n=$(q "$DBR" 'SELECT count(*) FROM nkz')
	[ "$n" -gt 10000 ] && ok "real: codes in" || bad "real: codes in" "$n"
done
[ $found = 0 ] && echo "nkzfile.sh: no ministry workbook in $SHARED/data; that part is left out"

# A newer classifier: one occupation added, one renamed, one retired.
DBD=$TMP/demo.db
tz "$DBD" init --demo >/dev/null 2>&1 || bad "demo" "init --demo"
$FIX "$TMP/v1.csv"
$FIX "$TMP/v2.csv" '7212-1-008|ЭЛЕКТРОСВАРЩИК РУЧНОЙ СВАРКИ|ҚОЛМЕН ПІСІРУШІ ЭЛЕКТР ДӘНЕКЕРЛЕУШІ|1' \
	'5120-9-005|ПОВАР|АСПАЗ|0' '7212-1-099|СВАРЩИК ТРУБ|ҚҰБЫР ДӘНЕКЕРЛЕУШІ|1'
status "v1" 0 tz "$DBD" import-nkz "$TMP/v1.csv"
tz "$DBD" check >"$TMP/check1" 2>&1
expect "the demo has rows of the renamed occupation" 1 \
	"$(q "$DBD" "SELECT count(*) > 0 FROM reg_row WHERE nkz_code = '7212-1-008' AND version_id = (SELECT max(id) FROM reg_version)")"
status "v2" 0 tz "$DBD" import-nkz "$TMP/v2.csv" --changes
contains "v2: the changes counted" "Изменения: добавлено 1, переименовано 1, утратили силу 1." "$out"
expect "v2: the list is exactly those" "  добавлен: 7212-1-099 СВАРЩИК ТРУБ
  переименован: 7212-1-008: «СВАРЩИК» теперь «ЭЛЕКТРОСВАРЩИК РУЧНОЙ СВАРКИ»
  утратил силу: 5120-9-005 ПОВАР" "$(printf '%s\n' "$out" | grep -E '^  (добавлен|переименован|утратил силу):')"
contains "v2: counts at the end" "утратили силу: 1." "$(printf '%s\n' "$out" | tail -1)"
tz "$DBD" check >"$TMP/check2" 2>&1
new=$(grep -vxF -f "$TMP/check1" "$TMP/check2" | grep -v 'строк проверено\|rows checked\|[Пп]роверен')
contains "check: the renamed occupation's rows" "7212-1-008" "$new"
contains "check: says what it was renamed to" "переименовано из «СВАРЩИК» в «ЭЛЕКТРОСВАРЩИК РУЧНОЙ СВАРКИ»" "$new"
contains "check: the retired occupation's rows" "5120-9-005" "$new"
expect "check: no other row flagged" "" \
	"$(printf '%s\n' "$new" | grep -v '^7212-1-008 \|^5120-9-005 ' | grep -v '^$')"
status "check: problems found" 1 tz "$DBD" check
# Imported again, nothing changes and nothing more is said.
status "v2 again" 0 tz "$DBD" import-nkz "$TMP/v2.csv" --changes
contains "v2 again: no changes" "Изменения: добавлено 0, переименовано 0, утратили силу 0." "$out"

done_tests
