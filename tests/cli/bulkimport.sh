#!/bin/sh
# A large register import (a thousand lines or more) takes the bulk way: its
# new rows are written in batches and the name indexes are built afresh at
# the end.  What a clerk sees must be the same as a row-at-a-time import of
# the same files: the register in both languages with its numbers, one log
# entry per row that verify proves, and on a bad line nothing written.
. "$(dirname "$0")/../lib.sh"

BASE=$TMP/base.db
$TZB --db "$BASE" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
$TZB --db "$BASE" import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 ||
	bad import-nkz "the classifier sample did not import"

# Occupations at a few levels each, in two sections, the names retyped in
# capitals for some (as ministry files have them), after an export's headings.
$TZB --db "$BASE" export --lang kk | head -2 > "$TMP/head-kk.csv"
$TZB --db "$BASE" export --lang ru | head -2 > "$TMP/head-ru.csv"
gen() {   # LANG STANDARD-WORD YEARS-WORD SECTION-CONDITION
	sqlite3 -csv "$BASE" "SELECT '', CASE WHEN n.rowid % 7 = 0 THEN upper(n.name_$1) ELSE '' END,
	  n.code, '$2 ' || n.code || '/' || l.code, l.code, '$3',
	  (SELECT name_$1 FROM body WHERE id = 2 + n.rowid % 5), CASE n.rowid % 3 WHEN 0 THEN 'т' ELSE '$5' END
	  FROM nkz n, nrk_level l WHERE n.level = 6 AND n.active = 1 AND $4
	    AND l.code IN ('2', '3', '4', '5.1', '6', '7') ORDER BY n.code, l.code LIMIT 700"
}
# The section titles as the program's own export writes them.
$TZB --db "$BASE" export --lang kk > "$TMP/demo-kk.csv"
$TZB --db "$BASE" export --lang ru > "$TMP/demo-ru.csv"
title() { awk -F, -v n="$2" 'NR > 2 && $3 == "" { if (++k == n) { print; exit } }' "$TMP/demo-$1.csv"; }
for l in kk ru; do
	w=$( [ $l = kk ] && echo "Кәсіптік стандарт" || echo "Профессиональный стандарт")
	y=$( [ $l = kk ] && echo "5 жыл" || echo "5 лет")
	p=$( [ $l = kk ] && echo "әг" || echo "сг")
	{ cat "$TMP/head-$l.csv"
	  title $l 1
	  gen $l "$w" "$y" "n.code < '5'" $p
	  title $l 2
	  gen $l "$w" "$y" "n.code >= '5'" $p
	} > "$TMP/all-$l.csv"
done
n=$(grep -c ',[0-9]*-[0-9]-[0-9][0-9][0-9],' "$TMP/all-kk.csv")
[ "$n" -ge 1000 ] && ok "a large file" || bad "a large file" "only $n rows"

# The same rows in pieces of 300, each too small for the bulk way.
split_files() {
	for l in kk ru; do
		awk -F, -v dir="$TMP" -v l=$l '
			NR <= 2 { head = head $0 "\n"; next }
			$3 == "" { title = $0; next }
			{ if (k % 300 == 0) { part++; f = dir "/part" part "-" l ".csv"; printf "%s", head > f; last = "" }
			  if (last != title) { print title > f; last = title }
			  print > f; k++ }' "$TMP/all-$l.csv"
	done
}
split_files
parts=$(ls "$TMP"/part*-kk.csv | wc -l)
[ "$parts" -ge 4 ] && ok "pieces" || bad "pieces" "$parts"

prep() { sqlite3 "$BASE" ".backup '$1'"; $TZB --db "$1" cycle open 2031 spring >/dev/null 2>&1; }
# count of rows and the sum of their revisions
fp() { sqlite3 "$1" "SELECT count(*) || '/' || total(rev) FROM reg_row"; }

A=$TMP/a.db B=$TMP/b.db
prep "$A"; prep "$B"
# The draft starts as a copy of the published register: its rows are changed.
logs() { $TZB --db "$1" --lang ru log --object reg_row --format tsv | awk -F'\t' '$6 == "insert"' | cut -f4-; }
had=$(logs "$A" | wc -l)
old=$(sqlite3 "$A" "SELECT count(*) FROM reg_row r JOIN reg_version v ON v.id = r.version_id AND v.state = 'draft'")
out=$($TZB --db "$A" --lang ru import "$TMP/all-kk.csv" "$TMP/all-ru.csv" 2>&1); s=$?
expect "bulk import (exit)" 0 "$s"
added=$(echo "$out" | sed -n 's/^добавлено: \([0-9]*\), изменено: \([0-9]*\),.*/\1/p')
changed=$(echo "$out" | sed -n 's/^добавлено: \([0-9]*\), изменено: \([0-9]*\),.*/\2/p')
expect "bulk import: every row added or changed" "$n" "$((added + changed))"
[ "$changed" -le "$old" ] && [ "$added" -ge 1000 ] && ok "bulk import: added" || bad "bulk import: added" "$out"
i=1
while [ -f "$TMP/part$i-kk.csv" ]; do
	$TZB --db "$B" import "$TMP/part$i-kk.csv" "$TMP/part$i-ru.csv" >/dev/null 2>&1 ||
		bad "piece $i" "import failed"
	i=$((i + 1))
done
expect "the same rows both ways" "$(fp "$B")" "$(fp "$A")"

# The register as printed: same rows, names, bases and official numbers.
for l in kk ru; do
	$TZB --db "$A" export --lang $l -o "$TMP/a-$l.csv" >/dev/null 2>&1
	$TZB --db "$B" export --lang $l -o "$TMP/b-$l.csv" >/dev/null 2>&1
	if cmp -s "$TMP/a-$l.csv" "$TMP/b-$l.csv"; then ok "export $l the same"
	else bad "export $l the same" "$(diff "$TMP/a-$l.csv" "$TMP/b-$l.csv" | head -4)"; fi
done
last=$(awk -F, 'END { print $1 }' "$TMP/a-kk.csv")
contains "numbered to the end" "." "$last"

# One log entry per row, the same content as row by row, and proved.
expect "one log entry per row added" "$((had + added))" "$(logs "$A" | wc -l)"
if [ "$(logs "$A" | md5sum)" = "$(logs "$B" | md5sum)" ]; then ok "log the same"
else logs "$B" > "$TMP/b.log"; bad "log the same" "$(logs "$A" | diff - "$TMP/b.log" | head -4)"; fi
# Written in one pass after each batch, by the same login, and nothing
# left behind that would keep the next rows' entries from being written.
who() { sqlite3 "$1" "SELECT login || ':' || count(*) FROM change_log WHERE object = 'reg_row' GROUP BY login"; }
expect "the same login both ways" "$(who "$B")" "$(who "$A")"
expect "no hold on the log left" 0 "$(sqlite3 "$A" "SELECT count(*) FROM meta WHERE key = 'log_deferred'")"
sqlite3 "$A" "SELECT max(id) FROM change_log" > "$TMP/maxlog"
sqlite3 "$A" "INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru,
  level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru)
  SELECT version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru, '8', validity, body_id,
  profile, fold_kk, fold_ru, sort_kk, sort_ru FROM reg_row
  WHERE version_id = (SELECT id FROM reg_version WHERE state = 'draft') LIMIT 1"
expect "a row written outside the program is still logged" "$(($(cat "$TMP/maxlog") + 1))" \
	"$(sqlite3 "$A" "SELECT max(id) FROM change_log WHERE object = 'reg_row' AND action = 'insert'")"
sqlite3 "$A" "DELETE FROM reg_row WHERE level = '8'; DELETE FROM change_log WHERE id > $(cat "$TMP/maxlog")"
out=$($TZB --db "$A" --lang ru verify 2>&1); s=$?
expect "verify after a bulk import (exit)" 0 "$s"
lacks "verify: nothing missing" "индекс" "$out"

# The search and the list read the rebuilt indexes: a name typed finds its rows.
expect "name indexes back" "4" "$(sqlite3 "$A" "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'reg_row' AND (name GLOB 'reg_row_sort_*' OR name GLOB 'reg_row_fold_*')")"

# Again: nothing to add, nothing changed.
out=$($TZB --db "$A" --lang ru import "$TMP/all-kk.csv" "$TMP/all-ru.csv" 2>&1)
contains "again: nothing new" "добавлено: 0, изменено: 0, без изменений: $n" "$out"

# A bad line at the end: named, and nothing written.
C=$TMP/c.db
prep "$C"
before=$(fp "$C")
cp "$TMP/all-kk.csv" "$TMP/bad-kk.csv"
tail -1 "$TMP/all-kk.csv" | awk -F, 'BEGIN { OFS = "," } { $7 = "Жоқ орган"; $5 = "5.2"; print }' >> "$TMP/bad-kk.csv"
out=$($TZB --db "$C" --lang ru import "$TMP/bad-kk.csv" "$TMP/all-ru.csv" 2>&1); s=$?
expect "bad line (exit)" 3 "$s"
contains "bad line named" "bad-kk.csv:$(wc -l < "$TMP/bad-kk.csv"):7" "$out"
expect "bad line: nothing written" "$before" "$(fp "$C")"
expect "bad line: no hold on the log left" 0 "$(sqlite3 "$C" "SELECT count(*) FROM meta WHERE key = 'log_deferred'")"
status "verify after the refusal" 0 $TZB --db "$C" verify
done_tests
