#!/bin/sh
# Tamper evidence against someone who holds the file and the sqlite3 shell.
# Each of the five changes that once left verify saying "sound" -- the guard
# trigger dropped, a published row edited and the trigger made again; a
# logging trigger dropped; the change log rewritten with its whole chain and
# head recomputed; a kept row count set to a million; a published row's text
# changed with every trigger off -- now fails verify (exit 1) with a message
# naming what was changed.  Publication prints the version's seal and the
# chain head; the seal is the one the exports carry and the one recomputed
# here from its definition (src/store/seal.h).
. "$(dirname "$0")/../lib.sh"

DB=$TMP/pub.db
q() { sqlite3 "$DB" "$1"; }
# a message as the program says it (Kazakh unless L says otherwise), filled in
# as printf(3) would, numbered arguments too (the shell's printf knows neither
# them nor length modifiers)
f() {
	_f=$(LANGUAGE=${L:-kk} TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -d tizilim "$1")
	shift
	python3 -c '
import re, sys
fmt, args, k = sys.argv[1], sys.argv[2:], [0]
def one(m):
    if m.group(1):
        return args[int(m.group(1)) - 1]
    k[0] += 1
    return args[k[0] - 1]
sys.stdout.write(re.sub(r"%(?:([0-9]+)\$)?l*[sdux]", one, fmt))' "$_f" "$@"
}
hexhead() { printf '%s\n' "$1" | grep -o '[0-9][0-9]*:[0-9a-f]\{64\}' | tail -1; }

# The seal of a version from its definition, by another hand than the program's.
seal_of() {
	python3 - "$1" "$2" <<'EOF'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
v = int(sys.argv[2])
def feed(x):
    b = str(x).encode()
    return str(len(b)).encode() + b":" + b + b";"
h = hashlib.sha256(feed("tizilim-seal-1") + feed(v))
for row in db.execute("SELECT section, nkz_code, level, name_kk, name_ru, basis_kk, basis_ru, "
                      "validity, body_id, profile FROM reg_row WHERE version_id = ? "
                      "ORDER BY section, nkz_code, level", (v,)):
    h.update(b"".join(feed(x) for x in row))
print(h.hexdigest())
EOF
}

# --- a version published: its seal and the head printed --------------------
status "init" 0 $TZB --db "$DB" init --demo
status "the demo is sound" 0 $TZB --db "$DB" verify
expect "the demo's version is sealed" "$(seal_of "$DB" 1)" \
	"$(q "select json_extract(after, '$.seal') from change_log where action = 'seal' and object_id = '1'")"
status "review" 0 $TZB --db "$DB" review approve --all
status "council-submit" 0 $TZB --db "$DB" cycle council-submit --date 2026-03-20
status "recommendations" 0 $TZB --db "$DB" cycle recommendations --protocol 7 --date 2026-04-10
status "publish" 0 $TZB --db "$DB" publish --date 2026-04-15 --no-backup
pub=$(q "select max(id) from reg_version where state = 'published'")
expect "version 2 published" 2 "$pub"
seal=$(seal_of "$DB" "$pub")
contains "publish prints the seal" "$seal" "$out"
head=$(hexhead "$out")
expect "publish prints the head" "$(q "select id || ':' || hash from change_log order by id desc limit 1")" "$head"
expect "the seal is in the chain" "$seal" \
	"$(q "select json_extract(after, '$.seal') from change_log where action = 'seal' and object_id = '$pub'")"
status "export the published version" 0 $TZB --db "$DB" export --version "$pub" --lang ru -o "$TMP/pub.csv"
contains "the CSV carries the seal" "$seal" "$(head -1 "$TMP/pub.csv")"
status "export a workbook" 0 $TZB --db "$DB" export --version "$pub" --format xlsx -o "$TMP/pub.xlsx"
contains "the workbook carries the seal" "$seal" "$(python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.read("docProps/custom.xml").decode(), z.read("xl/worksheets/sheet1.xml").decode())' "$TMP/pub.xlsx")"
status "export the draft" 0 $TZB --db "$DB" export --lang ru -o "$TMP/draft.csv"
lacks "a draft has no seal" "SHA-256" "$(head -1 "$TMP/draft.csv")"
# The published version's file still imports (into the draft, unchanged).
status "the sealed CSV imports" 0 $TZB --db "$DB" import "$TMP/pub.csv"
status "the sealed workbook imports" 0 $TZB --db "$DB" import "$TMP/pub.xlsx"

status "sound after publishing" 0 $TZB --db "$DB" verify
head=$(hexhead "$out")
expect "verify prints the head" "$(q "select id || ':' || hash from change_log order by id desc limit 1")" "$head"
status "backup" 0 $TZB --db "$DB" backup "$TMP/copy.db"
contains "backup prints the head" "$head" "$out"
status "the head kept is this log's" 0 $TZB --db "$DB" verify --head "$head"
contains "says which entry" "$(f "The chain head given is change log entry %lld's: the log up to it is as it was when the head was taken.
" "${head%%:*}")" "$out"
status "the hash alone" 0 $TZB --db "$DB" verify --head "${head#*:}"
status "--head with no head" 2 $TZB --db "$DB" verify --head
status "--head not a head" 2 $TZB --db "$DB" verify --head 12:abc
status "verify bogus" 2 $TZB --db "$DB" verify --bogus
q "pragma wal_checkpoint(truncate)" >/dev/null

# Each attempt on a copy.
T=$TMP/t.db
copy() { rm -f "$T" "$T-wal" "$T-shm"; cp "$DB" "$T"; }
row=$(q "select id from reg_row where version_id = $pub order by section, nkz_code, level limit 1")
code=$(q "select nkz_code from reg_row where id = $row")
SEAL_BAD=$(f "Version %lld's seal does not match its rows: the published register was changed after its publication." "$pub")

# 1. The guard dropped, a published row edited, the guard made again.
copy
guard=$(sqlite3 "$T" "select sql from sqlite_schema where name = 'reg_row_published_u'")
sqlite3 "$T" "DROP TRIGGER reg_row_published_u;
	UPDATE reg_row SET name_ru = 'Подмена' WHERE id = $row;
	$guard;"
expect "1: the edit went in" "Подмена" "$(sqlite3 "$T" "select name_ru from reg_row where id = $row")"
status "1: guard dropped and made again" 1 $TZB --db "$T" verify
contains "1: the seal names the version" "$SEAL_BAD" "$out"
contains "1: the row is named" "$code" "$out"
contains "1: the shell's log entry is named" "reg_row $row" "$out"
lacks "1: no head offered" "verify --head" "$out"

# 2. A logging trigger dropped; the change after it goes unlogged.
copy
n0=$(sqlite3 "$T" "select count(*) from change_log")
sqlite3 "$T" "DROP TRIGGER log_reg_row_u;
	UPDATE reg_row SET basis_ru = basis_ru || ' (тайно)' WHERE id = (select max(id) from reg_row)"
expect "2: the change went unlogged" "$n0" "$(sqlite3 "$T" "select count(*) from change_log")"
status "2: logging trigger dropped" 1 $TZB --db "$T" verify
contains "2: the trigger is named" "log_reg_row_u" "$out"
contains "2: as missing" "$(f '%1$s %2$s is missing: it was dropped outside the program.' "$(f trigger)" log_reg_row_u)" "$out"

# 3. A log entry rewritten, the whole chain and its head recomputed with the
# program's own hashing (src/store/audit.c): nothing inside the file can
# tell, so verify alone says sound; the head kept outside does not match.
copy
python3 - "$T" <<'EOF'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def feed(v):
    if v is None:
        return b"N;"
    b = str(v).encode()
    return str(len(b)).encode() + b":" + b + b";"
db.execute("UPDATE change_log SET after = json_set(after, '$.role', 'reader') "
           "WHERE id = (SELECT min(id) FROM change_log WHERE object = 'app_user')")
prev = ""
for i, at, login, obj, oid, act, before, after, reason in db.execute(
        "SELECT id, at, login, object, object_id, action, before, after, reason "
        "FROM change_log ORDER BY id").fetchall():
    prev = hashlib.sha256(b"".join(feed(x) for x in
        (i, prev, at, login, obj, oid, act, before, after, reason))).hexdigest()
    db.execute("UPDATE change_log SET hash = ? WHERE id = ?", (prev, i))
    last = i
db.execute("UPDATE meta SET value = ? WHERE key = 'log_head'", ("%d %s" % (last, prev),))
db.commit()
EOF
status "3: a recomputed chain holds together" 0 $TZB --db "$T" verify
[ "$(hexhead "$out")" != "$head" ] && ok "3: its head is another" || bad "3: its head is another" "$out"
status "3: against the head kept" 1 $TZB --db "$T" verify --head "$head"
contains "3: names the entry of the head" "$(f "Change log entry %lld does not have the chain head given: the log up to that entry was rewritten, and its chain recomputed, after the head was taken." "${head%%:*}")" "$out"
status "3: the hash alone" 1 $TZB --db "$T" verify --head "${head#*:}"
contains "3: no entry has it" "$(f "No change log entry has the chain head given: the log was rewritten, and its chain recomputed, or cut back after the head was taken.")" "$out"

# ... and a log cut back past the head kept.
copy
sqlite3 "$T" "DELETE FROM change_log WHERE id = ${head%%:*};
	UPDATE meta SET value = (SELECT id || ' ' || hash FROM change_log ORDER BY id DESC LIMIT 1) WHERE key = 'log_head'"
status "3: cut back" 1 $TZB --db "$T" verify --head "$head"
contains "3: the entry is gone" "$(f "Change log entry %lld, at which the chain head given was taken, is gone: the log was cut back since." "${head%%:*}")" "$out"

# 4. A kept row count set to a million (the screen showed "Row 999995 of 999995").
copy
counted=$(q "select count(*) from reg_row where version_id = $pub and section = 'mandatory'")
sqlite3 "$T" "UPDATE reg_count SET n = 1000000 WHERE version_id = $pub AND section = 'mandatory'"
status "4: kept count changed" 1 $TZB --db "$T" verify
contains "4: kept and counted" "$(f '%1$s of version %2$lld: row count kept as %3$lld, counted %4$lld.' "$(f 'mandatory section')" "$pub" 1000000 "$counted")" "$out"

# ... and the counts by first letters that search shows (schema 20), one of
# them raised: the search would count rows that are not there.
copy
sqlite3 "$T" "UPDATE reg_prefix SET n = n + 5 WHERE (version_id, section, kk, ru) = (SELECT version_id, section, kk, ru FROM reg_prefix WHERE version_id = $pub LIMIT 1)"
status "4: first letters' count changed" 1 $TZB --db "$T" verify
contains "4: first letters named" "$(f 'Version %1$lld: the counts of names by their first letters, which search shows, differ from its rows (differences: %2$lld).' "$pub" 2)" "$out"
status "4: first letters, in Russian" 1 $TZB --lang ru --db "$T" verify
contains "4: first letters in Russian" "$(L=ru f 'Version %1$lld: the counts of names by their first letters, which search shows, differ from its rows (differences: %2$lld).' "$pub" 2)" "$out"

# 5. A published row's text changed with every trigger off, nothing sealed
# again: the schema, the log and the counts are as they were.
copy
sqlite3 "$T" ".dbconfig enable_trigger off" \
	"UPDATE reg_row SET basis_kk = basis_kk || ' ' WHERE id = $row" >/dev/null
expect "5: nothing logged" "$n0" "$(sqlite3 "$T" "select count(*) from change_log")"
status "5: published row changed, triggers off" 1 $TZB --db "$T" verify
contains "5: the seal names the version" "$SEAL_BAD" "$out"
contains "5: the row is named" "$code" "$out"
contains "5: and what changed in it" "$(f 'basis (column 4)'), kk" "$out"

# In Russian too.
status "5: in Russian" 1 $TZB --lang ru --db "$T" verify
contains "5: the seal, in Russian" "$(L=ru f "Version %lld's seal does not match its rows: the published register was changed after its publication." "$pub")" "$out"
contains "5: the row, in Russian" "$(L=ru f 'basis (column 4)'), kk" "$out"

# 6. A bulk load's hold on the change log or the search index, written and
# left there: rows added after it would go unlogged or unfound.
for k in log_deferred fts_deferred; do
	copy
	sqlite3 "$T" "INSERT INTO meta(key, value) VALUES ('$k', '1')"
	status "6: $k left" 1 $TZB --db "$T" verify
	case $k in
	log_*) m="The change log is held back by a mark written outside the program: rows added now would not be logged." ;;
	*) m="The search index is held back by a mark written outside the program: rows added or changed now would not be found by search." ;;
	esac
	contains "6: $k named" "$(f "$m")" "$out"
	status "6: $k, in Russian" 1 $TZB --lang ru --db "$T" verify
	contains "6: $k named in Russian" "$(L=ru f "$m")" "$out"
done

# The untouched database is still sound, and its head the one kept.
status "the original is sound" 0 $TZB --db "$DB" verify --head "$head"

done_tests
