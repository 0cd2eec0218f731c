#!/bin/sh
# Roles as on a shared host: real logins, created here as root, each running
# the program as itself.  The first login to create a database administers
# it; each refusal names the login and says why; nothing refused is written.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ]; then
	bad "roles" "must run as root: it creates logins with useradd and runs the program as them"
	done_tests
	exit 1
fi

id=$$
ADM=tzadm$id SB=tzsb$id AB=tzab$id AP=tzap$id RD=tzrd$id
USERS="$ADM $SB $AB $AP $RD"
cleanup() {
	for u in $USERS; do userdel "$u" 2>/dev/null; done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
for u in $USERS; do
	useradd -M -N -s /bin/sh -d /nonexistent "$u" || bad "useradd $u" "cannot create the login"
done
# The program and the classifier sample where the logins can reach them.
tz_reachable "$ADM" "$SHARED/data/nkz-sample.csv"

# A directory every login can write (test only: a real one would use a group).
chmod 0711 "$TMP"
SH=$TMP/shared
mkdir -p "$SH/state"
chmod 1777 "$SH" "$SH/state"
DB=$SH/reg.db

# as LOGIN ARGS...: the program run by that login
as() {
	u=$1; shift
	runuser -u "$u" -- env HOME="$SH" XDG_DATA_HOME="$SH" XDG_STATE_HOME="$SH/state" \
		XDG_CONFIG_HOME="$SH/state" "$TZB" --db "$DB" "$@"
}
q() { sqlite3 "$DB" "$1"; }
# refused NAME CMD...: CMD fails (its own exit status for a refusal)
refused() { n=$1; shift; out=$("$@" 2>&1); s=$?; [ "$s" != 0 ] && ok "$n" || bad "$n" "exit 0: $out"; }
rows() { q "select count(*) || '/' || total(rev) || '/' || group_concat(basis_kk) from reg_row"; }

status "init by the first login" 0 as "$ADM" init --demo
chmod 666 "$DB"
status "user list" 0 as "$ADM" user list
contains "the creator is admin" "$ADM" "$out"
expect "only the creator" "$ADM admin" "$(q "select login || ' ' || role from app_user")"

# Someone not in the table may read but not change, and is told whom to ask.
status "outsider lists users" 0 as "$RD" user list
status "outsider adds a user" 3 as "$RD" user add "$RD" admin
contains "names the outsider" "$RD" "$out"
contains "says whom to ask" "$ADM" "$out"
status "root, not in the table, adds a user" 3 "$TZB" --db "$DB" user add root admin
contains "names root" "root" "$out"

status "add sb clerk" 0 as "$ADM" user add "$SB" sb_clerk agriculture
status "add ab clerk" 0 as "$ADM" user add "$AB" ab_clerk
status "add approver" 0 as "$ADM" user add "$AP" ab_approver
status "add reader" 0 as "$ADM" user add "$RD" reader
status "sb clerk needs a body" 3 as "$ADM" user add "$AB" sb_clerk
status "unknown role" 2 as "$ADM" user add "$AB" boss
status "unknown login" 3 as "$ADM" user add "nosuch$id" reader
contains "names the unknown login" "nosuch$id" "$out"
expect "five users" 5 "$(q "select count(*) from app_user")"
expect "the clerk's body" "agriculture" "$(q "select b.code from app_user u join body b on b.id = u.body_id where u.login = '$SB'")"

# The register: only the authorized body changes the draft.
status "export" 0 as "$AB" export --lang kk -o "$SH/kk.csv"
line=$(grep -n ',Кодексі,4,' "$SH/kk.csv" | head -1 | cut -d: -f1)
sed "${line}s/Кодексі,4,/Кодексі (түзетілген),4,/" "$SH/kk.csv" > "$SH/kk2.csv"
chmod 644 "$SH/kk2.csv"
before=$(rows)
refused "sb clerk changes the register" as "$SB" import "$SH/kk2.csv"
contains "refusal names the clerk" "$SB" "$out"
expect "nothing written for the sb clerk" "$before" "$(rows)"
refused "reader changes the register" as "$RD" import "$SH/kk2.csv"
contains "refusal names the reader" "$RD" "$out"
expect "nothing written for the reader" "$before" "$(rows)"
refused "reader imports the classifier" as "$RD" import-nkz "$RUN/nkz-sample.csv"
contains "classifier refusal names the reader" "$RD" "$out"
status "ab clerk changes the register" 0 as "$AB" import "$SH/kk2.csv"
expect "the change is in" 1 "$(q "select count(*) from reg_row where basis_kk like '%(түзетілген)%'")"

# Users: administrators only; the last one stays.
status "sb clerk manages users" 3 as "$SB" user add "$SB" admin
contains "names the clerk" "$SB" "$out"
status "approver removes a user" 3 as "$AP" user remove "$RD"
status "last admin removes self" 3 as "$ADM" user remove "$ADM"
contains "names the last admin" "$ADM" "$out"
status "last admin demotes self" 3 as "$ADM" user add "$ADM" reader
expect "still admin" "admin" "$(q "select role from app_user where login = '$ADM'")"
status "a second admin" 0 as "$ADM" user add "$AP" admin
status "now the first may go" 0 as "$AP" user remove "$ADM"
status "the former admin is an outsider" 3 as "$ADM" user add "$ADM" admin
contains "told whom to ask" "$AP" "$out"

# Every change above is in the log under the login that made it; verify holds.
T=$(printf '\t')
status "log of the ab clerk" 0 "$TZB" --db "$DB" log --user "$AB" --object reg_row --format tsv
contains "the import is the ab clerk's" "$AB${T}reg_row" "$out"
status "log of roles" 0 "$TZB" --db "$DB" log --object app_user --format tsv
contains "the sb clerk added by the admin" "$ADM${T}app_user${T}$SB${T}insert" "$out"
contains "the admin removed by the new one" "$AP${T}app_user${T}$ADM${T}delete" "$out"
lacks "no refused change logged" "$SB${T}app_user${T}$SB${T}update" "$out"
status "verify" 0 as "$RD" verify

# Demo rows are a change like any other: a clerk cannot load them into an
# empty register, even with init --demo.
P=$SH/plain.db
runuser -u "$ADM" -- env HOME="$SH" XDG_DATA_HOME="$SH" "$TZB" --db "$P" init >/dev/null 2>&1
chmod 666 "$P"
runuser -u "$ADM" -- env HOME="$SH" XDG_DATA_HOME="$SH" "$TZB" --db "$P" user add "$AB" ab_clerk >/dev/null 2>&1
status "a clerk loads the demo" 3 runuser -u "$AB" -- env HOME="$SH" XDG_DATA_HOME="$SH" "$TZB" --db "$P" init --demo
contains "the refusal names the clerk" "$AB" "$out"
expect "no demo rows" 0 "$(sqlite3 "$P" 'select count(*) from reg_row')"
done_tests
