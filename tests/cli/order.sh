#!/bin/sh
# One official order and numbering, both languages: the Kazakh and Russian
# exports (CSV and XLSX) of a version list the same codes and levels in the
# same order under the same numbers; `move` reorders the draft and every
# export follows; the published version's numbers stay as published.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/o.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
PUB=$(sqlite3 "$DB" "SELECT id FROM reg_version WHERE state = 'published'")
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# rows FILE: "section|number|code|level" per row of the Appendix, from a CSV
# or XLSX export, read independently of the program.
cat >"$TMP/rows.py" <<'EOF'
import csv, sys
path = sys.argv[1]
if path.endswith(".xlsx"):
    import openpyxl
    ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    recs = [[("" if c is None else str(c)) for c in r] for r in ws.iter_rows(values_only=True)]
else:
    with open(path, encoding="utf-8-sig", newline="") as f:
        recs = list(csv.reader(f))
sec = 0
for r in recs:
    if len(r) < 5 or not r[0].endswith(".") or not r[0][:-1].isdigit():
        continue          # titles, headings, column numbers
    if r[0] == "1.":
        sec += 1          # each section is numbered from 1
    print("%d|%s|%s|%s" % (sec, r[0], r[2], r[4]))
EOF
rows() { "$PY" "$TMP/rows.py" "$1"; }

export_all() {  # export_all TAG [--version N]
	tag=$1; shift
	for l in kk ru; do
		"$TZB" --db "$DB" export --lang $l "$@" -o "$TMP/$tag-$l.csv" >/dev/null 2>&1 ||
			bad "$tag: export $l csv" "$(cat "$TMP/$tag-$l.csv" 2>&1 | head -3)"
		"$TZB" --db "$DB" export --format xlsx --lang $l "$@" -o "$TMP/$tag-$l.xlsx" >/dev/null 2>&1 ||
			bad "$tag: export $l xlsx" "failed"
	done
}
same_order() {  # same_order TAG
	k=$(rows "$TMP/$1-kk.csv"); r=$(rows "$TMP/$1-ru.csv")
	[ -n "$k" ] || bad "$1: rows" "no rows read from the Kazakh CSV"
	expect "$1: kk and ru CSV: same numbers, codes, levels" "$k" "$r"
	expect "$1: kk XLSX as kk CSV" "$k" "$(rows "$TMP/$1-kk.xlsx")"
	expect "$1: ru XLSX as kk CSV" "$k" "$(rows "$TMP/$1-ru.xlsx")"
	# Numbered 1..n in each section, in order.
	expect "$1: numbers run 1..n per section" "" \
		"$(printf '%s\n' "$k" | awk -F'|' '$1 != s { s = $1; n = 0 } { n++; if ($2 != n ".") print }')"
}

# The draft, by default: classifier code, then level.
export_all draft
same_order draft
first_kk=$(grep -m1 '^1\.,' "$TMP/draft-kk.csv")
first_ru=$(grep -m1 '^1\.,' "$TMP/draft-ru.csv")
contains "draft: kk № 1" "1.,Мейіргер (жалпы бейін),3221-0-004" "$first_kk"
contains "draft: ru № 1" "1.,Медицинская(ий) сестра/брат общей практики,3221-0-004" "$first_ru"
expect "draft: default order is code, then level" \
	"$(rows "$TMP/draft-kk.csv" | sort -t'|' -k1,1n -k3,3 -k4,4 )" "$(rows "$TMP/draft-kk.csv")"
# Газбен кесуші / Газорезчик is № 8 in both.
contains "draft: kk № 8" "8.,Газбен кесуші,7212-2-001" "$(cat "$TMP/draft-kk.csv")"
contains "draft: ru № 8" "8.,Газорезчик,7212-2-001" "$(cat "$TMP/draft-ru.csv")"

# The published version before any change of the draft.
export_all pub0 --version "$PUB"
same_order pub0

# The clerk moves rows of the draft.
status "move to № 3" 0 "$TZB" --db "$DB" move 7212-2-001:3 3
status "move to № 1" 0 "$TZB" --db "$DB" move 7212-2-001:3 2
status "move up" 0 "$TZB" --db "$DB" move 7212-2-001:3 up
contains "move: says the new number" "7212-2-001, уровень 3: № 1" \
	"$("$TZB" --db "$DB" --lang ru move 7212-2-001:3 up 2>&1)"
status "move down 3" 0 "$TZB" --db "$DB" move 8341-1-002:3 down 3
status "move: no such row" 3 "$TZB" --db "$DB" move 9999-9-999:3 up
status "move: bad words" 2 "$TZB" --db "$DB" move 7212-2-001:3 sideways
export_all moved
same_order moved
contains "moved: kk № 1" "1.,Газбен кесуші,7212-2-001" "$(grep -m1 '^1\.,' "$TMP/moved-kk.csv")"
contains "moved: ru № 1" "1.,Газорезчик,7212-2-001" "$(grep -m1 '^1\.,' "$TMP/moved-ru.csv")"
contains "moved: the rest closed up" "2.,Мейіргер (жалпы бейін),3221-0-004" "$(cat "$TMP/moved-kk.csv")"

# The published version: the same numbers as before the draft changed.
export_all pub1 --version "$PUB"
same_order pub1
expect "published numbers stay after draft edits" "$(rows "$TMP/pub0-kk.csv")" "$(rows "$TMP/pub1-kk.csv")"
sqlite3 "$DB" "UPDATE reg_place SET num = num + 100 WHERE version_id = $PUB" >/dev/null 2>&1 &&
	bad "published numbers" "the database let them change"
export_all pub2 --version "$PUB"
expect "published numbers cannot be changed" "$(rows "$TMP/pub0-kk.csv")" "$(rows "$TMP/pub2-kk.csv")"

done_tests
