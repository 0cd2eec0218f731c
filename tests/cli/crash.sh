#!/bin/sh
# SIGKILL at random moments during the three kinds of save that change much at
# once: a register import into the draft, a classifier import, and the
# publication of a cycle (which copies the register into a new draft).  After
# every kill the database must pass verify (integrity, references, the change
# log's chain) and hold exactly the state before or after that operation,
# never a mixture; and the work can be done again afterwards.
. "$(dirname "$0")/../lib.sh"

KILLS=${CRASH_KILLS:-60}     # per operation
# Today is after the spring 2027 publication: events are recorded once they
# have happened.
export TIZILIM_TODAY=2027-04-30
W=$TMP/w
chmod 0711 "$TMP"
mkdir -p "$W"
chmod 1777 "$W"
# nobody approves the import below: the program where nobody can reach it.
tz_reachable nobody

# What a user would count: the register's rows and revisions, the versions
# and their states, the classifier's codes.
fp() {
	sqlite3 "$1" "SELECT (SELECT count(*) || '/' || total(rev) FROM reg_row) || ' ' ||
	  (SELECT group_concat(id || state, ',') FROM (SELECT id, state FROM reg_version ORDER BY id)) || ' ' ||
	  (SELECT count(*) || '/' || total(active) FROM nkz)"
}
# a copy with no write-ahead log beside it, so that cp copies everything
settle() { sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null; }

# --- the bases ----------------------------------------------------------
NKZB=$W/nkz.db     # demo register, before the classifier sample
$TZB --db "$NKZB" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
settle "$NKZB"

IMPB=$W/imp.db     # the classifier in, a cycle open: the import goes into its draft
cp "$NKZB" "$IMPB"
$TZB --db "$IMPB" import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 ||
	bad import-nkz "the classifier sample did not import"
$TZB --db "$IMPB" cycle open 2027 spring >/dev/null 2>&1 || bad "cycle open" "refused"
$TZB --db "$IMPB" export --lang kk | head -4 > "$TMP/kk.csv"
$TZB --db "$IMPB" export --lang ru | head -4 > "$TMP/ru.csv"
gen() {   # LANG STANDARD-WORD YEARS-WORD: every active occupation, levels 4-6
	sqlite3 -csv "$IMPB" "SELECT '', n.name_$1, n.code, '$2 ' || n.code, l.code, '$3',
	  (SELECT name_$1 FROM body WHERE id = (SELECT min(id) FROM body)), 'т'
	  FROM nkz n, nrk_level l WHERE n.level = 6 AND n.active = 1 AND l.code IN ('4', '5', '6')
	  ORDER BY n.code, l.code LIMIT ${CRASH_ROWS:-100}"
}
gen kk "Кәсіптік стандарт" "5 жыл" >> "$TMP/kk.csv"
gen ru "Профессиональный стандарт" "5 лет" >> "$TMP/ru.csv"
settle "$IMPB"

# Publication: the import approved by another login (whoever applied a change
# cannot approve it), the Council's steps recorded.
PUBB=$W/pub.db
cp "$IMPB" "$PUBB"
$TZB --db "$PUBB" import "$TMP/kk.csv" "$TMP/ru.csv" >/dev/null 2>&1 || bad "import" "the generated rows did not import"
$TZB --db "$PUBB" user add nobody ab_approver >/dev/null 2>&1 || bad "user add" "nobody is not an approver"
chmod 666 "$W"/pub.db*
runuser -u nobody -- env HOME=/nonexistent XDG_STATE_HOME="$W" XDG_DATA_HOME="$W" \
	"$TZB" --db "$PUBB" review approve --all >/dev/null 2>&1 || bad "review" "not approved"
$TZB --db "$PUBB" cycle council-submit --date 2027-03-30 >/dev/null 2>&1 || bad "council" "refused"
$TZB --db "$PUBB" cycle recommendations --date 2027-04-12 --protocol 3 >/dev/null 2>&1 ||
	bad "recommendations" "refused"
settle "$PUBB"

# exec: the kill must reach the program, not a subshell waiting for it
op_nkz() { exec $TZB --db "$1" import-nkz "$SHARED/data/nkz-sample.csv"; }
op_import() { exec $TZB --db "$1" import "$TMP/kk.csv" "$TMP/ru.csv"; }
op_publish() { exec $TZB --db "$1" publish --date 2027-04-20 --no-backup; }

# run OP BASE: the uninterrupted operation, then KILLS runs killed at random
# moments within 1.3 times its length.
run() {
	op=$1 base=$2
	before=$(fp "$base")
	cp "$base" "$W/full.db"
	t0=$(date +%s%N)
	("op_$op" "$W/full.db") >/dev/null 2>&1 || bad "$op" "the uninterrupted $op failed"
	ms=$((($(date +%s%N) - t0) / 1000000 * 13 / 10 + 5))
	after=$(fp "$W/full.db")
	[ "$before" != "$after" ] && ok "$op changes the database" || bad "$op changes" "$before"
	nb=0 na=0 i=0 redo=0
	while [ $i -lt "$KILLS" ]; do
		i=$((i + 1))
		db=$W/k.db
		rm -f "$db" "$db"-wal "$db"-shm "$db".writer
		cp "$base" "$db"
		delay=$(awk -v s="$i" -v m="$ms" 'BEGIN { srand(s * 7919); printf "%.3f", rand() * m / 1000 }')
		"op_$op" "$db" >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		got=$(fp "$db")
		case "$got" in
		"$before") nb=$((nb + 1)) ;;
		"$after") na=$((na + 1)) ;;
		*) bad "$op: all or none (kill $i after ${delay}s)" "[$got], neither [$before] nor [$after]" ;;
		esac
		out=$($TZB --db "$db" verify 2>&1) ||
			bad "$op: verify after kill $i at ${delay}s" "$out"
		# Once, after a kill that undid it: the same work goes through, the
		# lock note the killed process left behind in nobody's way.
		if [ "$got" = "$before" ] && [ $redo = 0 ]; then
			redo=1
			if out=$( ("op_$op" "$db") 2>&1); then
				expect "$op: redone after a kill" "$after" "$(fp "$db")"
			else
				bad "$op: redone after a kill" "$out"
			fi
		fi
	done
	# Both outcomes happened: the kills landed before and after the commit.
	[ $nb -ge 3 ] && ok "$op: killed mid-way" || bad "$op: killed mid-way" "only $nb of $KILLS kills undid it"
	[ $na -ge 3 ] && ok "$op: kept once done" || bad "$op: kept once done" "only $na of $KILLS kills came after it"
	[ $redo = 1 ] && ok "$op: redone" || bad "$op: redone" "never killed before its commit"
	echo "# $op: ${ms} ms window, $nb undone, $na done" >&2
}

run import "$IMPB"
run nkz "$NKZB"
run publish "$PUBB"
done_tests
