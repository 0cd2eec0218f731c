#!/bin/sh
# Several processes at one database: imports into the draft side by side with
# readers (check, export, verify); two imports of one row; and a database held
# by another writer past the waiting time, refused with a message naming who
# holds it.
. "$(dirname "$0")/../lib.sh"

export TIZILIM_TODAY=2027-01-05
DB=$TMP/c.db
$TZB --db "$DB" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
$TZB --db "$DB" import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 ||
	bad import-nkz "the classifier sample did not import"
$TZB --db "$DB" cycle open 2027 spring >/dev/null 2>&1 || bad "cycle open" "refused"
$TZB --db "$DB" export --lang kk | head -4 > "$TMP/head.kk"
$TZB --db "$DB" export --lang ru | head -4 > "$TMP/head.ru"
# gen LANG STANDARD-WORD YEARS-WORD WHERE LIMIT: rows of new occupations
gen() {
	sqlite3 -csv "$DB" "SELECT '', n.name_$1, n.code, '$2 ' || n.code, l.code, '$3',
	  (SELECT name_$1 FROM body WHERE id = (SELECT min(id) FROM body)), 'т'
	  FROM nkz n, nrk_level l WHERE n.level = 6 AND n.active = 1 AND $4
	  AND NOT EXISTS (SELECT 1 FROM reg_row r WHERE r.nkz_code = n.code AND r.level = l.code)
	  ORDER BY n.code, l.code LIMIT $5"
}
# part K: every fourth occupation, so that the parts share no row
part() {
	w="l.code IN ('4', '5') AND n.rowid % 4 = $1"
	{ cat "$TMP/head.kk"; gen kk "Кәсіптік стандарт" "5 жыл" "$w" 200; } > "$TMP/p$1.kk"
	{ cat "$TMP/head.ru"; gen ru "Профессиональный стандарт" "5 лет" "$w" 200; } > "$TMP/p$1.ru"
}
for k in 0 1 2 3; do part $k; done
rows() { sqlite3 "$DB" "SELECT count(*) FROM reg_row WHERE version_id = (SELECT id FROM reg_version WHERE state = 'draft')"; }
before=$(rows)
want=$before
for k in 0 1 2 3; do want=$((want + $(wc -l < "$TMP/p$k.kk") - 4)); done
[ "$want" -gt $((before + 400)) ] && ok "parts to import" || bad "parts to import" "$before -> $want"

# --- four imports and a stream of readers at once ---------------------------
pids=""
for k in 0 1 2 3; do
	$TZB --db "$DB" import "$TMP/p$k.kk" "$TMP/p$k.ru" > "$TMP/imp$k.out" 2>&1 &
	pids="$pids $!"
done
r=0
while [ $r -lt 6 ]; do
	r=$((r + 1))
	$TZB --db "$DB" export --lang kk -o "$TMP/ex$r.csv" > "$TMP/ex$r.out" 2>&1 &
	pids="$pids $!"
	$TZB --db "$DB" check > /dev/null 2> "$TMP/ck$r.out" &
	pids="$pids $!"
	# verify, a reader that must find the database whole while it changes
	$TZB --db "$DB" verify > "$TMP/vf$r.out" 2>&1 &
	pids="$pids $!"
done
n=0
for p in $pids; do
	n=$((n + 1))
	wait "$p"
	s=$?
	# check says 1 when it finds problems in the rows; anything else is a failure
	[ "$s" = 0 ] || [ "$s" = 1 ] && ok "process $n" || bad "process $n" "exit $s: $(cat "$TMP"/imp*.out "$TMP"/ex*.out "$TMP"/vf*.out)"
done
expect "every import's rows are in the draft" "$want" "$(rows)"
# the rows of an export (the lines with an occupation's code)
nrows() { grep -c -E ',[0-9]{4}-[0-9]-[0-9]{3},' "$1"; }
n0=$(($(wc -l < "$TMP/p0.kk") - 4)) n1=$(($(wc -l < "$TMP/p1.kk") - 4))
n2=$(($(wc -l < "$TMP/p2.kk") - 4)) n3=$(($(wc -l < "$TMP/p3.kk") - 4))
for r in 1 2 3 4 5 6; do
	# an export is one snapshot: the rows of whole imports only
	got=$(nrows "$TMP/ex$r.csv")
	okk=0
	for a in 0 1; do for b in 0 1; do for c in 0 1; do for d in 0 1; do
		[ "$got" = $((before + a * n0 + b * n1 + c * n2 + d * n3)) ] && okk=1
	done; done; done; done
	[ $okk = 1 ] && ok "export $r is a snapshot" || bad "export $r is a snapshot" "$got rows"
done
status "verify after" 0 $TZB --db "$DB" verify

# --- two imports of one row: both recorded, neither mixed into the other ---
code=$(sqlite3 "$DB" "SELECT nkz_code FROM reg_row WHERE level = '4' ORDER BY id DESC LIMIT 1")
for v in A B; do
	grep ",$code," "$TMP/p0.kk" "$TMP/p1.kk" "$TMP/p2.kk" "$TMP/p3.kk" -h | grep ',4,' |
		sed "s/Кәсіптік стандарт $code/Стандарт $v/" > "$TMP/one$v.body.kk"
	grep ",$code," "$TMP/p0.ru" "$TMP/p1.ru" "$TMP/p2.ru" "$TMP/p3.ru" -h | grep ',4,' |
		sed "s/Профессиональный стандарт $code/Стандарт $v/" > "$TMP/one$v.body.ru"
	cat "$TMP/head.kk" "$TMP/one$v.body.kk" > "$TMP/one$v.kk"
	cat "$TMP/head.ru" "$TMP/one$v.body.ru" > "$TMP/one$v.ru"
done
expect "one row to change" 1 "$(wc -l < "$TMP/oneA.body.kk")"
rev0=$(sqlite3 "$DB" "SELECT rev FROM reg_row WHERE nkz_code = '$code' AND level = '4' AND version_id = (SELECT id FROM reg_version WHERE state = 'draft')")
$TZB --db "$DB" import "$TMP/oneA.kk" "$TMP/oneA.ru" >/dev/null 2>&1 & pa=$!
$TZB --db "$DB" import "$TMP/oneB.kk" "$TMP/oneB.ru" >/dev/null 2>&1 & pb=$!
wait $pa; sa=$?
wait $pb; sb=$?
expect "both imports of one row" "0 0" "$sa $sb"
row=$(sqlite3 "$DB" "SELECT basis_kk || '|' || basis_ru || '|' || rev FROM reg_row WHERE nkz_code = '$code' AND level = '4' AND version_id = (SELECT id FROM reg_version WHERE state = 'draft')")
case "$row" in
"Стандарт A|Стандарт A|$((rev0 + 2))"|"Стандарт B|Стандарт B|$((rev0 + 2))") ok "one whole change on top of the other" ;;
*) bad "one whole change on top of the other" "[$row], from rev $rev0" ;;
esac

# --- a writer holding the database past the waiting time ----------------
# A long import holds it; the one who waits is told its login and process.
BIG=$TMP/big
{ cat "$TMP/head.kk"; gen kk "Кәсіптік стандарт" "5 жыл" "l.code NOT IN ('4', '5')" 100000; } > "$BIG.kk"
{ cat "$TMP/head.ru"; gen ru "Профессиональный стандарт" "5 лет" "l.code NOT IN ('4', '5')" 100000; } > "$BIG.ru"
snap=$(rows)
$TZB --db "$DB" import "$BIG.kk" "$BIG.ru" > "$TMP/big.out" 2>&1 &
holder=$!
i=0
while [ ! -e "$DB.writer" ] && [ $i -lt 400 ]; do sleep 0.01; i=$((i + 1)); done
[ -e "$DB.writer" ] && ok "the writer leaves a note" || bad "the writer leaves a note" "no $DB.writer: $(wc -l "$BIG.kk"; cat "$TMP/big.out")"
status "a second writer gives up" 3 env TIZILIM_BUSY_MS=100 $TZB --db "$DB" import "$TMP/p0.kk" "$TMP/p0.ru"
contains "names the holder's process" "$holder" "$out"
contains "names the holder's login" "$(id -un)" "$out"
contains "names the holder's host" "$(hostname)" "$out"
kill -9 $holder 2>/dev/null
wait $holder 2>/dev/null
expect "the killed writer changed nothing" "$snap" "$(rows)"

# A lock held by some other program: no name to give, and the stale note of
# the killed writer is not taken for its holder.
mkfifo "$TMP/fifo"
sqlite3 "$DB" < "$TMP/fifo" >/dev/null 2>&1 &
sq=$!
exec 3> "$TMP/fifo"
echo "BEGIN IMMEDIATE; SELECT 1;" >&3
sleep 0.3
status "locked by another program" 3 env TIZILIM_BUSY_MS=100 $TZB --db "$DB" import "$TMP/p0.kk" "$TMP/p0.ru"
lacks "a dead writer is not named" "$holder" "$out"
contains "says it waited" "0.1" "$out"
status "reading while it is locked" 0 $TZB --db "$DB" export --lang kk -o "$TMP/locked.csv"
expect "read all rows" "$snap" "$(nrows "$TMP/locked.csv")"
echo "ROLLBACK;" >&3
exec 3>&-
wait $sq
status "writes again once released" 0 env TIZILIM_BUSY_MS=100 $TZB --db "$DB" import "$TMP/big.kk" "$TMP/big.ru"
[ ! -e "$DB.writer" ] && ok "the note is gone after the commit" || bad "note after commit" "still there"
status "verify at the end" 0 $TZB --db "$DB" verify
done_tests
