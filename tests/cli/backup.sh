#!/bin/sh
# Backups while another process writes, restore of a backup (the database as
# it was at the backup, the previous one kept), and restores refused.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/live.db
$TZB --db "$DB" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
sq() { sqlite3 -batch -cmd ".timeout 10000" "$DB" "$@"; }
state() { sqlite3 "$DB" .dump | md5sum; }
# Several megabytes, so that the backup takes many steps.
sq "with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)
    insert into meta (key, value) select 'pad' || i, hex(randomblob(200)) from n"

# --- backup while another process writes ----------------------------------
STOP=$TMP/stop
(i=0; while [ ! -e "$STOP" ]; do i=$((i + 1))
	sqlite3 -batch -cmd ".timeout 10000" "$DB" "insert into meta (key, value) values ('w$i', '$i')" 2>/dev/null
 done) &
writer=$!
# let the writer get going
n=0; while [ "$(sq "select count(*) from meta where key glob 'w*'")" -lt 5 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
BK=$TMP/bk/copy.db
mkdir -p "$TMP/bk"
status "backup while writing" 0 $TZB --db "$DB" backup "$BK"
w_at_backup=$(sqlite3 "$BK" "select count(*) from meta where key glob 'w*'")
sleep 0.3
touch "$STOP"
wait $writer
w_live=$(sq "select count(*) from meta where key glob 'w*'")
[ -n "${VERBOSE:-}" ] && echo "writes: $w_at_backup in the backup, $w_live live"
expect "backup passes integrity_check" "ok" "$(sqlite3 "$BK" 'pragma integrity_check')"
expect "backup has no broken references" "" "$(sqlite3 "$BK" 'pragma foreign_key_check')"
expect "backup is one file (not WAL)" "delete" "$(sqlite3 "$BK" 'pragma journal_mode')"
expect "backup mode 0600" "600" "$(stat -c %a "$BK")"
[ "$w_at_backup" -ge 5 ] && [ "$w_at_backup" -le "$w_live" ] && ok "backup caught the writer mid-way" ||
	bad "backup caught the writer mid-way" "$w_at_backup writes in the backup, $w_live live"
# the writes form an unbroken run 1..N: a consistent moment, not a torn copy
expect "backup's writes are a prefix" "$w_at_backup" \
	"$(sqlite3 "$BK" "select max(cast(value as integer)) from meta where key glob 'w*'")"
ls "$TMP/bk" | grep -q tmp && bad "no temporary left" "$(ls "$TMP/bk")" || ok "no temporary left"
cp "$BK" "$TMP/probe.db"
status "backup opens with tizilim" 0 $TZB --db "$TMP/probe.db" verify
rows_at_backup=$(sqlite3 "$BK" "select count(*) from reg_row")

# --- restore --------------------------------------------------------------
draft=$(sq "select id from reg_version where state = 'draft'")
sq "delete from reg_row where version_id = $draft; insert into meta (key, value) values ('after', '1')"
status "restore" 0 $TZB --db "$DB" restore "$BK"
expect "rows back as at backup" "$rows_at_backup" "$(sq "select count(*) from reg_row")"
expect "writes back as at backup" "$w_at_backup" "$(sq "select count(*) from meta where key glob 'w*'")"
expect "later change gone" "0" "$(sq "select count(*) from meta where key = 'after'")"
saved=$(ls "$DB".before-restore-* 2>/dev/null | head -1)
[ -n "$saved" ] && ok "pre-restore copy exists" || bad "pre-restore copy exists" "none beside $DB"
expect "pre-restore copy holds the later change" "1" \
	"$(sqlite3 "${saved:-/dev/null}" "select count(*) from meta where key = 'after'" 2>&1)"
contains "restore names the copy" "before-restore" "$out"
expect "restored database is sound" "ok" "$(sq 'pragma integrity_check')"
expect "backup file untouched by restore" "delete" "$(sqlite3 "$BK" 'pragma journal_mode')"

# --- refusals: exit 3, the database unchanged ------------------------------
# The reason as the program gives it in the language it speaks (kk unless
# --lang ru), looked up in the same catalogs, so that these checks hold
# whatever the catalogs say.  -e: some msgids end in a newline.
t() { LANGUAGE=$1 TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -e -d tizilim "$2"; }
# f LANG MSGID ARG...: the message filled in as printf(3) would; the shell's
# printf knows no length modifiers
f() {
	_f=$(t "$1" "$2" | sed 's/%l*\([dux]\)/%\1/g'); shift 2
	# shellcheck disable=SC2059
	printf "$_f" "$@"
}
schema=$(sq 'pragma user_version')
refused() {  # NAME LANG FILE WANT: WANT is in the message
	before=$(state)
	status "$1 ($2)" 3 $TZB --lang "$2" --db "$DB" restore "$3"
	contains "$1 ($2): says why" "$4" "$out"
	expect "$1 ($2): database unchanged" "$before" "$(state)"
}
# why LANG MSGID FILE ARG...: the whole refusal, the file named in it
why() { l=$1; shift; f "$l" 'restore refused: %s' "$(f "$l" "$@")"; }
printf 'not a database\n' > "$TMP/text.db"
sqlite3 "$TMP/other.db" "create table t (x); insert into t values (1)"
cp "$BK" "$TMP/newer.db"; sqlite3 "$TMP/newer.db" "pragma user_version = 99"
cp "$BK" "$TMP/corrupt.db"
size=$(stat -c %s "$TMP/corrupt.db")
head -c 65536 /dev/urandom | dd of="$TMP/corrupt.db" bs=4096 seek=$((size / 4096 / 2)) conv=notrunc 2>/dev/null
cp "$BK" "$TMP/fk.db"; sqlite3 "$TMP/fk.db" "pragma foreign_keys = off; insert into proposal_level values (999999, '4')"
for l in kk ru; do
	refused "not SQLite" $l "$TMP/text.db" "$(why $l '%s is not an SQLite database' "$TMP/text.db")"
	refused "not tizilim" $l "$TMP/other.db" \
		"$(why $l '%s is an SQLite database but not a tizilim database' "$TMP/other.db")"
	refused "newer schema" $l "$TMP/newer.db" "$(why $l "%s has schema version %lld, newer than \
this program's %d: restore it with a newer tizilim" "$TMP/newer.db" 99 "$schema")"
	refused "corrupt" $l "$TMP/corrupt.db" \
		"$(why $l "%s is damaged: SQLite's integrity check fails" "$TMP/corrupt.db")"
	refused "missing" $l "$TMP/nosuch.db" "$TMP/nosuch.db"
	refused "broken references" $l "$TMP/fk.db" \
		"$(why $l '%s has rows that refer to rows it lacks (foreign_key_check)' "$TMP/fk.db")"
done

# --- usage ----------------------------------------------------------------
status "backup usage" 2 $TZB --db "$DB" backup
status "restore usage" 2 $TZB --db "$DB" restore
status "backup onto the database" 3 $TZB --db "$DB" backup "$DB"
expect "database survives" "ok" "$(sq 'pragma integrity_check')"
done_tests
