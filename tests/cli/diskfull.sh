#!/bin/sh
# A full disk and a read-only database: each write refused with exit status 3
# and a message naming the file, no half-written file left behind, the
# database as it was; reading a read-only database still works.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ]; then
	bad "diskfull" "must run as root: it mounts a small tmpfs"
	done_tests
	exit 1
fi
FULL=$TMP/full
mkdir -p "$FULL"
mount -t tmpfs -o size=2m tmpfs "$FULL" || { bad mount "cannot mount a tmpfs"; done_tests; exit 1; }
trap 'umount "$FULL" 2>/dev/null; rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM HUP

export TIZILIM_TODAY=2027-01-05
DB=$TMP/r.db
$TZB --db "$DB" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
$TZB --db "$DB" cycle open 2027 spring >/dev/null 2>&1 || bad "cycle open" "refused"
$TZB --db "$DB" export --lang kk -o "$TMP/kk.csv" >/dev/null 2>&1 || bad export "refused"
$TZB --db "$DB" export --lang ru -o "$TMP/ru.csv" >/dev/null 2>&1 || bad export "refused"
# every row's standard renamed: an import that changes each row
sed 's/стандарт/Стандарт/' "$TMP/kk.csv" > "$TMP/kk2.csv"
sed 's/стандарт/Стандарт/' "$TMP/ru.csv" > "$TMP/ru2.csv"
fp() { sqlite3 "$1" "SELECT count(*) || '/' || total(rev) FROM reg_row"; }

# A database on the small disk, then the disk filled up.
FDB=$FULL/f.db
cp "$DB" "$FDB"
before=$(fp "$FDB")
dd if=/dev/zero of="$FULL/fill" bs=64k 2>/dev/null
expect "the disk is full" 0 "$(df -P "$FULL" | awk 'NR == 2 { print $4 }')"

status "export to a full disk" 3 $TZB --db "$DB" export --lang kk -o "$FULL/x.csv"
contains "export names the file" "$FULL/x.csv" "$out"
[ ! -e "$FULL/x.csv" ] && ok "no half-written export" || bad "no half-written export" "$(ls -l "$FULL")"
status "workbook to a full disk" 3 $TZB --db "$DB" export --format xlsx --lang kk -o "$FULL/x.xlsx"
contains "workbook names the file" "$FULL/x.xlsx" "$out"
contains "workbook says the disk is full" "бос орын жоқ" "$out"
lacks "workbook: no library noise" "ERROR" "$out"
status "backup to a full disk" 3 $TZB --db "$DB" backup "$FULL/b.db"
contains "backup names the file" "$FULL/b.db" "$out"
contains "backup says the disk is full" "бос орын жоқ" "$out"
status "import into a database on a full disk" 3 $TZB --db "$FDB" import "$TMP/kk2.csv" "$TMP/ru2.csv"
contains "import names the database" "$FDB" "$out"
contains "import says the disk is full" "бос орын жоқ" "$out"
# nothing left behind but the database and the filler
expect "no partial files" "f.db fill" "$(ls "$FULL" | grep -v -e -wal -e -shm | tr '\n' ' ' | sed 's/ $//')"
rm -f "$FULL/fill"
expect "the database as it was" "$before" "$(fp "$FDB")"
status "it verifies once there is room" 0 $TZB --db "$FDB" verify
status "and takes the import then" 0 $TZB --db "$FDB" import "$TMP/kk2.csv" "$TMP/ru2.csv"
after=$(fp "$FDB")
[ "$after" != "$before" ] && ok "the import changed it" || bad "the import changed it" "$after"

# Read-only: the disk remounted so (chmod does not hold root back).
cp "$DB" "$FULL/ro.db"
$TZB --db "$DB" backup "$FULL/bk.db" >/dev/null 2>&1 || bad "backup for the read-only check" "refused"
robefore=$(fp "$FULL/ro.db")
mount -o remount,ro "$FULL" || bad remount "cannot remount read-only"
status "import into a read-only database" 3 $TZB --db "$FULL/ro.db" import "$TMP/kk2.csv" "$TMP/ru2.csv"
contains "says nothing was imported" "$(LANGUAGE=kk TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -d tizilim "nothing was imported")" "$out"
status "user add on a read-only database" 3 $TZB --db "$FULL/ro.db" user add daemon reader
contains "says read-only" "$(LANGUAGE=kk TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -d tizilim "the database %s cannot be written here (a read-only file or disk)" | sed 's/.*%s[^ ]* //')" "$out"
lacks "not 'not an error'" "not an error" "$out"
status "import on a read-only database names the cause" 3 $TZB --db "$FULL/ro.db" import "$TMP/kk2.csv" "$TMP/ru2.csv"
contains "import says read-only" "$FULL/ro.db" "$out"
status "verify on read-only media" 0 $TZB --db "$FULL/ro.db" verify
lacks "verify finds nothing that is not there" "$(LANGUAGE=kk TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -d tizilim "search index")" "$out"
status "a backup on read-only media verifies" 0 $TZB --db "$FULL/bk.db" verify
status "reading a read-only database" 0 $TZB --db "$FULL/ro.db" export --lang kk -o "$TMP/ro.csv"
expect "reads every row" "$(wc -l < "$TMP/kk.csv")" "$(wc -l < "$TMP/ro.csv")"
expect "read-only database unchanged" "$robefore" "$(fp "file:$FULL/ro.db?immutable=1")"
done_tests
