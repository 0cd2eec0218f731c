#!/bin/sh
# What killed runs leave is the program's own and goes at the next run:
# temporaries of exports beside their file (at the next export of that
# name), a restore's copy beside the database, a backup's temporary in
# backups/, the writer's note and its half-written twins (at the next start
# on that database).  Only names of the program's form whose process is gone
# from this machine: a live run's temporary and the user's own files stay.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/r.db
"$TZB" --db "$DB" init --demo >/dev/null || bad init "cannot make the demo database"
sh -c 'echo $$ > "$1"' sh "$TMP/deadpid"
DEAD=$(cat "$TMP/deadpid")
LIVE=$$
HOST=$(hostname)

# Beside an export.
for f in "out.csv.tmp-$DEAD-aB3xYz" "out.csv.tmp-$DEAD-Qw9eRt-journal" "out.xlsx.tmp-$DEAD-zzzzzz"; do
	: > "$TMP/$f"
done
: > "$TMP/out.csv.tmp-$LIVE-LiVeOn"
: > "$TMP/out.csv.tmp-notes"
: > "$TMP/out.csv.tmp-$DEAD-sh"
status "export" 0 "$TZB" --db "$DB" export -o "$TMP/out.csv"
for f in "out.csv.tmp-$DEAD-aB3xYz" "out.csv.tmp-$DEAD-Qw9eRt-journal"; do
	[ ! -e "$TMP/$f" ] && ok "removed $f" || bad "export leftovers" "$f is still there"
done
for f in "out.csv.tmp-$LIVE-LiVeOn" out.csv.tmp-notes "out.csv.tmp-$DEAD-sh" "out.xlsx.tmp-$DEAD-zzzzzz"; do
	[ -e "$TMP/$f" ] && ok "kept $f" || bad "export leftovers" "$f was removed"
done
status "workbook export" 0 "$TZB" --db "$DB" export --format xlsx -o "$TMP/out.xlsx"
[ ! -e "$TMP/out.xlsx.tmp-$DEAD-zzzzzz" ] && ok "workbook leftover removed" || bad "xlsx" "leftover kept"

# Beside the database and in its backups directory.
mkdir -p "$TMP/backups"
: > "$TMP/r.db.tmp-$DEAD-rEsToR"
: > "$TMP/r.db.tmp-$DEAD-rEsToR-journal"
: > "$TMP/backups/tizilim-2026-05-01T101010.db.tmp-$DEAD-bAcKuP"
: > "$TMP/backups/tizilim-2026-05-01T101010.db.tmp-$DEAD-bAcKuP-journal"
: > "$TMP/backups/tizilim-2026-05-01T101010.db"
printf 'someone\n%s\n%s\n2026-05-01 10:10:10\n' "$DEAD" "$HOST" > "$TMP/r.db.writer"
: > "$TMP/r.db.writer.$DEAD"
printf 'someone\n%s\n%s\n2026-05-01 10:10:10\n' "$LIVE" "$HOST" > "$TMP/other.db.writer"
S0=$(sqlite3 "$DB" "select count(*) from reg_row")
status "the next start" 0 "$TZB" --db "$DB" verify
expect "beside the database: only its own files" "backups other.db.writer r.db" \
	"$(cd "$TMP" && ls | grep -e '^r\.db' -e backups -e other | tr '\n' ' ' | sed 's/ $//')"
expect "the backups directory: only the backup" "tizilim-2026-05-01T101010.db" "$(ls "$TMP/backups")"
expect "the register as it was" "$S0" "$(sqlite3 "$DB" "select count(*) from reg_row")"

# A live writer's note is not touched.
printf 'someone\n%s\n%s\n2026-05-01 10:10:10\n' "$LIVE" "$HOST" > "$TMP/r.db.writer"
status "a start beside a live writer's note" 0 "$TZB" --db "$DB" verify
[ -e "$TMP/r.db.writer" ] && ok "live note kept" || bad "live note" "removed"
rm -f "$TMP/r.db.writer"

# A real kill in the middle of a large workbook export.
i=0; left=0
while [ $i -lt 5 ]; do
	"$TZB" --db "$DB" export --format xlsx -o "$TMP/big.xlsx" >/dev/null 2>&1 &
	pid=$!
	sleep 0.0$((i * 2 + 1))
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	i=$((i + 1))
done
status "an export after the kills" 0 "$TZB" --db "$DB" export --format xlsx -o "$TMP/big.xlsx"
expect "no temporary left after the kills" 0 "$(ls "$TMP" | grep -c '^big\.xlsx\.tmp-')"

done_tests
