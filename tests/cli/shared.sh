#!/bin/sh
# A shared host as install-shared sets one up: the program setgid to a group
# that alone may write the database, in a directory root owns.  Real logins,
# created here as root: a clerk cannot touch the database but through the
# program and its roles; what a clerk exports is the clerk's; the program
# lends its group to no file a clerk names, and ignores the environment that
# would make it.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ]; then
	bad "shared" "must run as root: it creates a group and logins and a setgid program"
	done_tests
	exit 1
fi

# LeakSanitizer stops the world with ptrace, which a setgid process (not
# dumpable) refuses: a sanitizer build cannot run setgid.  The plain build
# runs this test.
if grep -qa __asan_init "$TZB"; then
	echo "shared.sh: skipped for a sanitizer build (LeakSanitizer cannot run setgid)"
	done_tests
	exit 0
fi

id=$$
G=tzgrp$id AB=tzab$id SB=tzsb$id AP=tzap$id OU=tzou$id
cleanup() {
	for u in $AB $SB $AP $OU; do userdel "$u" 2>/dev/null; done
	groupdel "$G" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
groupadd "$G" || bad "groupadd" "cannot create the group"
for u in $AB $SB $AP $OU; do
	useradd -M -N -s /bin/sh -d /nonexistent "$u" || bad "useradd $u" "cannot create the login"
done

# setgid means nothing on a nosuid mount.
for base in "$TMP" /var/tmp "$TOP"; do
	case ",$(findmnt -no OPTIONS --target "$base")," in
	*,nosuid,*) continue;;
	esac
	break
done
if [ "$base" != "$TMP" ]; then
	rm -rf "$TMP"
	TMP=$(mktemp -d "$base/tzshared.XXXXXX")
fi
case ",$(findmnt -no OPTIONS --target "$TMP")," in
*,nosuid,*) bad "mount" "no suid-capable directory for the setgid program"; done_tests; exit 1;;
esac
chmod 0711 "$TMP"
# The program where the clerks can reach it, for their runs without setgid;
# the setgid one is copied from it.
tz_reachable "$AB"

# The program setgid to the group and the database, as install-shared
# lays them out: created by root, the group's, beside its -wal and -shm, in
# a directory only root writes.
tz_shared_install "$TMP" "$G"

# Each clerk's own directory, and one that only the group may write.
for d in h1 h2; do mkdir -m 0700 "$TMP/$d"; done
chown "$AB" "$TMP/h1"; chown "$SB" "$TMP/h2"
install -d -o root -g "$G" -m 0770 "$TMP/grp"

# as LOGIN ARGS...: the setgid program run by that login, with an
# environment that claims to be root and points at the group's directory.
as() {
	u=$1; shift
	runuser -u "$u" -- env USER=root LOGNAME=root HOME="$TMP/grp" \
		XDG_DATA_HOME="$TMP/grp" TIZILIM_LOG="$TMP/grp/log" TIZILIM_TODAY=2020-01-10 \
		"$BIN" --db "$DB" "$@"
}
# Read-only: a writing sqlite3 shell would delete the -wal and -shm on close.
q() { sqlite3 "file:$DB?mode=ro" "$1"; }
# refused NAME CMD...: CMD fails (its own exit status for a refusal)
refused() { n=$1; shift; out=$("$@" 2>&1); s=$?; [ "$s" != 0 ] && ok "$n" || bad "$n" "exit 0: $out"; }
rows() { q "select count(*) || '/' || group_concat(basis_kk) from reg_row"; }

# Root, the first login of the database, administers it through the program.
status "root adds the ab clerk" 0 "$BIN" --db "$DB" user add "$AB" ab_clerk
status "root adds the sb clerk" 0 "$BIN" --db "$DB" user add "$SB" sb_clerk agriculture
expect "roles" "$AB ab_clerk,$SB sb_clerk" \
	"$(q "select group_concat(login || ' ' || role, ',') from (select * from app_user where login <> 'root' order by login)")"

# The file itself is closed to the clerks.
before=$(rows)
status "clerk reads the file with sqlite3" 1 runuser -u "$AB" -- sqlite3 "$DB" "select count(*) from reg_row"
status "clerk writes the file with sqlite3" 1 runuser -u "$AB" -- sqlite3 "$DB" "delete from reg_row"
status "clerk copies the file" 1 runuser -u "$SB" -- cp "$DB" "$TMP/h2/copy.db"
expect "the file unchanged" "$before" "$(rows)"

# Through the program each clerk reads it...
status "sb clerk reads the register" 0 as "$SB" export --lang kk
contains "the register's rows" "Кодексі" "$out"
status "verify by a clerk" 0 as "$SB" verify

# ...and changes it as far as the role allows, whatever $USER says.
status "ab clerk exports to own directory" 0 as "$AB" export --lang kk -o "$TMP/h1/kk.csv"
expect "the export is the clerk's" "$AB:$(id -gn "$AB")" "$(stat -c %U:%G "$TMP/h1/kk.csv")"
line=$(grep -n ',Кодексі,4,' "$TMP/h1/kk.csv" | head -1 | cut -d: -f1)
sed "${line}s/Кодексі,4,/Кодексі (түзетілген),4,/" "$TMP/h1/kk.csv" > "$TMP/h1/kk2.csv"
cp "$TMP/h1/kk2.csv" "$TMP/h2/kk2.csv"
chown "$AB" "$TMP/h1/kk2.csv"; chown "$SB" "$TMP/h2/kk2.csv"
chmod 0600 "$TMP/h1/kk2.csv" "$TMP/h2/kk2.csv"
refused "sb clerk changes the register" as "$SB" import "$TMP/h2/kk2.csv"
contains "the refusal names the real login" "$SB" "$out"
expect "nothing written for the sb clerk" "$before" "$(rows)"
status "ab clerk changes the register" 0 as "$AB" import "$TMP/h1/kk2.csv"
expect "the change is in" 1 "$(q "select count(*) from reg_row where basis_kk like '%(түзетілген)%'")"
status "the log names the clerk" 0 "$BIN" --db "$DB" log --user "$AB" --object reg_row --format tsv
contains "the import is the clerk's" "$AB$(printf '\t')reg_row" "$out"

# Other files a clerk writes are the clerk's too.
status "xlsx export" 0 as "$AB" export --format xlsx --lang ru -o "$TMP/h1/ru.xlsx"
expect "the workbook is the clerk's" "$AB:$(id -gn "$AB")" "$(stat -c %U:%G "$TMP/h1/ru.xlsx")"
status "backup" 0 as "$AB" backup "$TMP/h1/copy.db"
expect "the backup is the clerk's" "$AB:$(id -gn "$AB")" "$(stat -c %U:%G "$TMP/h1/copy.db")"

# The program does not lend its group to a file a clerk names.
status "export into the group's directory" 3 as "$AB" export --lang kk -o "$TMP/grp/x.csv"
contains "refused for the export's sake" "$TMP/grp/x.csv" "$out"
status "xlsx into the group's directory" 3 as "$AB" export --format xlsx -o "$TMP/grp/x.xlsx"
contains "refused for the workbook's sake" "$TMP/grp/x.xlsx" "$out"
status "backup into the group's directory" 3 as "$AB" backup "$TMP/grp/x.db"
contains "refused for the backup's sake" "$TMP/grp/x.db" "$out"
expect "nothing in the group's directory" "" "$(ls -A "$TMP/grp")"
install -m 0640 -o root -g "$G" "$TMP/h1/kk2.csv" "$TMP/grp/in.csv"
status "import from the group's file" 3 as "$AB" import "$TMP/grp/in.csv"
contains "refused for the file's sake" "$TMP/grp/in.csv" "$out"
expect "nothing imported from it" 1 "$(q "select count(*) from reg_row where basis_kk like '%(түзетілген)%'")"
cp "$DB" "$TMP/grp/other.db"; chgrp "$G" "$TMP/grp/other.db"; chmod 0660 "$TMP/grp/other.db"
status "a database in a directory the group may write" 3 as "$AB" --db "$TMP/grp/other.db" verify

# A clerk's own database is opened with the clerk's rights alone.
status "own database" 0 runuser -u "$AB" -- "$BIN" --db "$TMP/h1/own.db" init --demo
expect "own database is the clerk's" "$AB:$(id -gn "$AB")" "$(stat -c %U:%G "$TMP/h1/own.db")"

# Variables that name files or change what the program does are ignored.
printf 'not a workbook' > "$TMP/h1/bad.xlsx"; chown "$AB" "$TMP/h1/bad.xlsx"
status "a failing import (setgid)" 3 as "$AB" import "$TMP/h1/bad.xlsx"
expect "no log in the group's directory" "" "$(ls -A "$TMP/grp" | grep -v -e in.csv -e other.db)"
runuser -u "$AB" -- env TIZILIM_LOG="$TMP/h1/log" "$TZB" --db "$TMP/h1/own.db" import "$TMP/h1/bad.xlsx" \
	>/dev/null 2>&1
[ -s "$TMP/h1/log" ] && ok "log written without setgid" || bad "log control" "the failing import logs nothing"
status "deadlines (setgid)" 0 as "$AB" deadlines
lacks "TIZILIM_TODAY ignored" "2020" "$out"
out=$(runuser -u "$AB" -- env TIZILIM_TODAY=2020-01-10 "$TZB" --db "$TMP/h1/own.db" deadlines 2>&1)
contains "TIZILIM_TODAY heeded without setgid" "2020" "$out"

# Without --db a setgid program opens the shared database and no other.
if [ ! -e /var/lib/tizilim ]; then
	status "default is the shared database" 3 runuser -u "$AB" -- "$BIN" verify
	contains "names the shared database" "/var/lib/tizilim/tizilim.db" "$out"
fi

# No file beside the database belongs to a clerk, and root's own runs keep
# the -wal and -shm that clerks cannot make.
expect "files beside the database" "backups root tizilim.db root tizilim.db-shm root tizilim.db-wal root" \
	"$(cd "$LIB" && stat -c '%n %U' * | tr '\n' ' ' | sed 's/ $//')"
status "root verifies without setgid" 0 "$TZB" --db "$DB" verify
status "a clerk after root" 0 as "$SB" verify

# An outsider -- a local login that is no user of the register -- reads it
# through the program and changes nothing: every change, publication and
# backup is refused before anything is written.
for d in h3 h4; do mkdir -m 0700 "$TMP/$d"; done
chown "$OU" "$TMP/h3"; chown "$AP" "$TMP/h4"
status "an outsider reads the register" 0 as "$OU" export --lang ru -o "$TMP/h3/ru.csv"
expect "the outsider's export is the outsider's" "$OU" "$(stat -c %U "$TMP/h3/ru.csv")"
sed "s/(түзетілген)/(бөгде)/" "$TMP/h1/kk2.csv" > "$TMP/h3/kk2.csv"; chown "$OU" "$TMP/h3/kk2.csv"
S=$(rows)
refused "an outsider imports" as "$OU" import "$TMP/h3/kk2.csv"
refused "an outsider opens a cycle" as "$OU" cycle open 2027 spring
refused "an outsider publishes" as "$OU" publish
refused "an outsider takes a backup into backups/" as "$OU" publish --date 2026-06-01
refused "an outsider adds a user" as "$OU" user add "$OU" admin
expect "nothing written for the outsider" "$S" "$(rows)"
expect "no backup for the outsider" "" "$(ls -A "$LIB/backups")"

# Four eyes with real logins: nobody approves a change they prepared, root
# included; the refusal names who prepared it.
status "root adds an approver" 0 "$BIN" --db "$DB" user add "$AP" ab_approver
k1=$(q "select nkz_code || ':' || level from reg_row where basis_kk like '%(түзетілген)%'")
status "an approver approves the ab clerk's change" 0 as "$AP" review approve "$k1"
status "the approver exports" 0 as "$AP" export --lang kk -o "$TMP/h4/kk.csv"
python3 - "$TMP/h4/kk.csv" "$TMP/h4/kk3.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
for r in rows:
    if len(r) == 8 and r[0].endswith(".") and "(түзетілген)" not in r[3]:
        r[3] += " (бекітуші)"
        break
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
chown "$AP" "$TMP/h4/kk3.csv"
status "the approver changes the draft" 0 as "$AP" import "$TMP/h4/kk3.csv"
k2=$(q "select nkz_code || ':' || level from reg_row where basis_kk like '%(бекітуші)%'")
[ -n "$k2" ] && ok "the approver's change is in" || bad "approver's change" "not found"
status "and may not approve it" 3 as "$AP" review approve "$k2"
contains "the refusal names the approver" "$AP" "$out"
status "root approves it" 0 "$BIN" --db "$DB" review approve "$k2"
sed 's/ (бекітуші)/ (әкімші)/' "$TMP/h4/kk3.csv" > "$TMP/root.csv"
status "root changes the draft" 0 "$BIN" --db "$DB" import "$TMP/root.csv"
status "root may not approve root's change" 3 "$BIN" --db "$DB" review approve "$k2"
contains "the refusal names root" "root" "$out"
status "the approver approves root's change" 0 as "$AP" review approve "$k2"

done_tests
