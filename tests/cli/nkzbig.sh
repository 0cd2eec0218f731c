#!/bin/sh
# import-nkz of a classifier workbook larger than the real one: its shared
# strings (4.5 MiB) do not all stay in memory, yet every name arrives whole,
# the search index holds them, a second import changes nothing, and the
# import's peak memory is the same as for a classifier a tenth its size.
. "$(dirname "$0")/../lib.sh"

tz() { "$TZB" --lang ru --db "$@"; }
q() { sqlite3 "$1" "$2"; }

# gen N FILE [NAME]: a workbook as Excel saves the ministry's export (one sheet,
# shared strings, the codes of the upper levels as numbers), N occupations
# under their groups; each name is long (as no real one is) and its own, so
# that the strings weigh about 900 bytes a code.  NAME, when given, is the
# Russian name of major group 1 instead.
gen() {
	python3 - "$@" <<'EOF'
import sys, zipfile
from xml.sax.saxutils import escape
n, out = int(sys.argv[1]), sys.argv[2]
first = sys.argv[3] if len(sys.argv) > 3 else None
rows, done = [], 0
def add(code, lv):
    rows.append((code, lv))
for a in range(1, 10):
    add(str(a), 1)
    for b in range(1, 10):
        add("%d%d" % (a, b), 2)
        for c in range(1, 10):
            add("%d%d%d" % (a, b, c), 3)
            for d in range(1, 10):
                g4 = "%d%d%d%d" % (a, b, c, d)
                add(g4, 4)
                for e in (1, 2):
                    add("%s-%d" % (g4, e), 5)
                    for k in range(1, 41):
                        add("%s-%d-%03d" % (g4, e, k), 6)
                        done += 1
                        if done == n:
                            break
                    if done == n: break
                if done == n: break
            if done == n: break
        if done == n: break
    if done == n: break
TAIL_RU = ", занятый на участках подготовки, дозирования, смешения и фасовки" * 3
TAIL_KK = ", дайындау, мөлшерлеу, араластыру және орау учаскелерінде жұмыс істейтін" * 3
sst, cells = [], []
def s(v):
    sst.append(v)
    return len(sst) - 1
head = ["CODE", "NAME_RU", "NAME_KZ", "IS_ACTUAL"]
out_rows = ['<row r="1">' + "".join('<c r="%s1" t="s"><v>%d</v></c>' % ("ABCD"[i], s(h))
                                    for i, h in enumerate(head)) + '</row>']
for i, (code, lv) in enumerate(rows, 2):
    ru = "Оператор установки номер %d по переработке сырья и выпуску готовой продукции цеха %d" % (i, i % 97) + TAIL_RU
    if first and code == "1":
        ru = first
    kk = "Шикізатты қайта өңдеу және дайын өнім шығару қондырғысының %d нөмірлі операторы, цех %d" % (i, i % 97) + TAIL_KK
    c = ('<c r="A%d"><v>%s</v></c>' % (i, code) if lv < 5
         else '<c r="A%d" t="s"><v>%d</v></c>' % (i, s(code)))
    out_rows.append('<row r="%d">%s<c r="B%d" t="s"><v>%d</v></c><c r="C%d" t="s"><v>%d</v></c>'
                    '<c r="D%d"><v>1</v></c></row>' % (i, c, i, s(ru), i, s(kk), i))
ns = "http://schemas.openxmlformats.org/"
z = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
z.writestr("xl/workbook.xml", '<workbook xmlns="%sspreadsheetml/2006/main" xmlns:r="%s'
           'officeDocument/2006/relationships"><sheets><sheet name="НКЗ" sheetId="1" r:id="rId1"/>'
           '</sheets></workbook>' % (ns, ns))
z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="%spackage/2006/relationships">'
           '<Relationship Id="rId1" Type="%sofficeDocument/2006/relationships/worksheet" '
           'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="%sofficeDocument/2006/'
           'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>' % (ns, ns, ns))
z.writestr("xl/sharedStrings.xml", '<sst xmlns="%sspreadsheetml/2006/main" count="%d" uniqueCount="%d">'
           % (ns, len(sst), len(sst)) + "".join("<si><t>%s</t></si>" % escape(v) for v in sst) + "</sst>")
z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="%sspreadsheetml/2006/main"><sheetData>%s'
           '</sheetData></worksheet>' % (ns, "".join(out_rows)))
z.close()
print(len(rows))
EOF
}

# Peak memory in KiB, where /usr/bin/time tells it; a sanitizer's build
# keeps freed memory on purpose, so its peak says nothing of the program's.
peak() { if [ -x /usr/bin/time ] && ! nm "$TZB" 2>/dev/null | grep -q __asan_init; then
	/usr/bin/time -f %M -o "$TMP/kb" "$@" >"$TMP/out" 2>&1; s=$?; out=$(cat "$TMP/out")
	return $s; else "$@" >"$TMP/out" 2>&1; s=$?; out=$(cat "$TMP/out"); rm -f "$TMP/kb"; return $s; fi; }

big=$(gen 5000 "$TMP/big.xlsx") || bad "fixture" "the generator failed"
small=$(gen 500 "$TMP/small.xlsx") || bad "fixture" "the generator failed"
sst=$(unzip -p "$TMP/big.xlsx" xl/sharedStrings.xml | wc -c)
[ "$sst" -gt 4400000 ] && ok "shared strings" || bad "shared strings" "only $sst bytes"

tz "$TMP/s.db" init >/dev/null 2>&1 || bad "init" "exit $?"
peak "$TZB" --lang ru --db "$TMP/s.db" import-nkz "$TMP/small.xlsx"
expect "the small classifier imports" 0 "$s"
small_kb=$(tail -1 "$TMP/kb" 2>/dev/null)

tz "$TMP/b.db" init >/dev/null 2>&1 || bad "init" "exit $?"
peak "$TZB" --lang ru --db "$TMP/b.db" import-nkz "$TMP/big.xlsx"
expect "the big classifier imports" 0 "$s"
contains "every code is counted" "$big" "$out"
big_kb=$(tail -1 "$TMP/kb" 2>/dev/null)
expect "every code is stored" "$big" "$(q "$TMP/b.db" "SELECT count(*) FROM nkz")"

# The last rows' names come from the strings that waited on the file.
t=", занятый на участках подготовки, дозирования, смешения и фасовки"
TAIL_RU=$t$t$t
t=", дайындау, мөлшерлеу, араластыру және орау учаскелерінде жұмыс істейтін"
TAIL_KK=$t$t$t
last=$(q "$TMP/b.db" "SELECT code FROM nkz ORDER BY rowid DESC LIMIT 1")
n=$((big + 1))
expect "the last Russian name whole" \
	"Оператор установки номер $n по переработке сырья и выпуску готовой продукции цеха $((n % 97))$TAIL_RU" \
	"$(q "$TMP/b.db" "SELECT name_ru FROM nkz WHERE code = '$last'")"
expect "the last Kazakh name whole" \
	"Шикізатты қайта өңдеу және дайын өнім шығару қондырғысының $n нөмірлі операторы, цех $((n % 97))$TAIL_KK" \
	"$(q "$TMP/b.db" "SELECT name_kk FROM nkz WHERE code = '$last'")"
expect "the first name too" \
	"Оператор установки номер 2 по переработке сырья и выпуску готовой продукции цеха 2$TAIL_RU" \
	"$(q "$TMP/b.db" "SELECT name_ru FROM nkz WHERE code = '1'")"
# The search index has every name, and finds a Kazakh word by its trigrams.
expect "the search index holds every code" "$big" \
	"$(q "$TMP/b.db" "SELECT count(*) FROM nkz_fts WHERE nkz_fts MATCH '\"қон\" AND \"нды\" AND \"ғыс\"'")"
expect "the search index is sound" "" \
	"$(q "$TMP/b.db" "INSERT INTO nkz_fts(nkz_fts, rank) VALUES ('integrity-check', 1)" 2>&1)"
# The name indexes, set aside for the load, are made again, whole.
expect "the name indexes are back" "nkz_fold_kk nkz_fold_ru" \
	"$(q "$TMP/b.db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema
	                  WHERE type = 'index' AND name GLOB 'nkz_fold_*' ORDER BY name)")"
expect "and the database is sound" "ok" "$(q "$TMP/b.db" "PRAGMA integrity_check")"
expect "a name prefix is found through its index" "1" \
	"$(q "$TMP/b.db" "EXPLAIN QUERY PLAN SELECT code FROM nkz WHERE fold_ru >= 'опер' AND fold_ru < 'опеса'" |
	   grep -c 'USING INDEX nkz_fold_ru')"

tz "$TMP/b.db" import-nkz "$TMP/big.xlsx" >/dev/null 2>&1
expect "a second import adds nothing" "$big" "$(q "$TMP/b.db" "SELECT count(*) FROM nkz")"
expect "and renames nothing" "0" \
	"$(q "$TMP/b.db" "SELECT count(*) FROM nkz_change WHERE kind <> 'added'")"

# A newer classifier renames one group: its index entry is mended, the
# others left as they are.
gen 5000 "$TMP/big2.xlsx" "Сталевары и разливщики стали" >/dev/null
tz "$TMP/b.db" import-nkz "$TMP/big2.xlsx" >/dev/null 2>&1
expect "the newer classifier renames one" "1" \
	"$(q "$TMP/b.db" "SELECT count(*) FROM nkz_change WHERE kind = 'renamed'")"
expect "search finds the new name" "1" \
	"$(q "$TMP/b.db" "SELECT count(*) FROM nkz_fts WHERE nkz_fts MATCH '\"ста\" AND \"лев\" AND \"ары\"'")"
expect "and no longer the old one" "$((big - 1))" \
	"$(q "$TMP/b.db" "SELECT count(*) FROM nkz_fts WHERE nkz_fts MATCH '\"уст\" AND \"ано\" AND \"вки\"'")"
expect "the search index is still sound" "" \
	"$(q "$TMP/b.db" "INSERT INTO nkz_fts(nkz_fts, rank) VALUES ('integrity-check', 1)" 2>&1)"

# Ten times the codes, the same memory: within 3 MiB of the small import's
# peak, and within the 24 MB the program promises at any size.
if [ -n "$small_kb" ] && [ -n "$big_kb" ]; then
	[ "$big_kb" -le $((small_kb + 3072)) ] && ok "flat memory" ||
		bad "flat memory" "$big_kb KiB for $big codes, $small_kb KiB for $small"
	[ "$big_kb" -le 24576 ] && ok "within 24 MB" || bad "within 24 MB" "$big_kb KiB"
fi
done_tests
