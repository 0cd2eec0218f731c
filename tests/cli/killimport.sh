#!/bin/sh
# A large register import killed with SIGKILL at different moments leaves the
# database whole, holding either all of the import or none of it.
. "$(dirname "$0")/../lib.sh"

BASE=$TMP/base.db
$TZB --db "$BASE" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
$TZB --db "$BASE" import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 ||
	bad import-nkz "the classifier sample did not import"

# Every active occupation at every level: a few thousand rows per language,
# after the headings of an export (which the import must recognise).
$TZB --db "$BASE" export --lang kk | head -4 > "$TMP/kk.csv"
$TZB --db "$BASE" export --lang ru | head -4 > "$TMP/ru.csv"
gen() {   # LANG STANDARD-WORD YEARS-WORD
	sqlite3 -csv "$BASE" "SELECT '', n.name_$1, n.code, '$2 ' || n.code, l.code, '$3',
	  (SELECT name_$1 FROM body WHERE id = (SELECT min(id) FROM body)), 'т'
	  FROM nkz n, nrk_level l WHERE n.level = 6 AND n.active = 1 ORDER BY n.code, l.code"
}
gen kk "Кәсіптік стандарт" "5 жыл" >> "$TMP/kk.csv"
gen ru "Профессиональный стандарт" "5 лет" >> "$TMP/ru.csv"
n=$(($(wc -l < "$TMP/kk.csv") - 3))
[ "$n" -ge 2000 ] && ok "large import" || bad "large import" "only $n rows"

# count of rows and the sum of their revisions: before and after the import
fp() { sqlite3 "$1" "SELECT count(*) || '/' || total(rev) FROM reg_row"; }
sqlite3 "$BASE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before=$(fp "$BASE")
sqlite3 "$BASE" ".backup '$TMP/full.db'"
status "uninterrupted import" 0 $TZB --db "$TMP/full.db" import "$TMP/kk.csv" "$TMP/ru.csv"
after=$(fp "$TMP/full.db")
[ "$before" != "$after" ] && ok "import changes the database" || bad "import changes" "$before"

hits=0
for delay in 0.05 0.2 0.4 0.7 1 1.5 2 3; do
	db=$TMP/k$delay.db
	sqlite3 "$BASE" ".backup '$db'"
	$TZB --db "$db" import "$TMP/kk.csv" "$TMP/ru.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	# kill succeeds only while the import is still running
	kill -9 "$pid" 2>/dev/null && hits=$((hits + 1))
	wait "$pid" 2>/dev/null
	expect "integrity after kill at ${delay}s" "ok" "$(sqlite3 "$db" "PRAGMA integrity_check")"
	got=$(fp "$db")
	case "$got" in
	"$before"|"$after") ok "all or none at ${delay}s" ;;
	*) bad "all or none at ${delay}s" "rows/revs $got, neither $before nor $after" ;;
	esac
	# The program itself opens it and finds it consistent.
	status "verify after kill at ${delay}s" 0 $TZB --db "$db" verify
done
[ "$hits" -ge 2 ] && ok "kills landed mid-import" || bad "kills landed mid-import" "only $hits of 8"
done_tests
