#!/bin/sh
# The unsaved-entry draft on a shared host.  A local login who is not even a
# register user plants links where the draft is written -- in the home the
# password database names, in a HOME and an XDG_STATE_HOME of their own
# choosing -- pointing at the shared database, opens the entry form, types
# and hangs up.  The database stays byte for byte as it was; the draft is
# the login's own file, in the login's own home, and no link is followed.
# A state directory that is itself a link into the group's backups directory
# gets nothing written through it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

if [ "$(id -u)" != 0 ]; then
	bad "shareddraft" "must run as root: it creates a group, a login and a setgid program"
	done_tests
	exit 1
fi
# A setgid process cannot be traced by LeakSanitizer: the plain build runs this.
if grep -qa __asan_init "$TZB"; then
	echo "shareddraft.sh: skipped for a sanitizer build (LeakSanitizer cannot run setgid)"
	done_tests
	exit 0
fi

id=$$
G=tzdg$id U=tzdu$id
# A directory the login can reach, on a mount that honours setgid.
W=$(tz_suid_dir tzdraft) || { bad "mount" "no suid-capable directory for the setgid program"; done_tests; exit 1; }
cleanup() {
	tm kill-server 2>/dev/null
	userdel "$U" 2>/dev/null
	groupdel "$G" 2>/dev/null
	rm -rf "$W" "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
groupadd "$G" || bad "groupadd" "cannot create the group"
H=$W/home
useradd -M -N -s /bin/sh -d "$H" "$U" || bad "useradd" "cannot create the login"
install -d -o "$U" -m 0700 "$H"

tz_shared_install "$W" "$G"
# A clerk of the authorized body: the register's F5 is offered only to who
# may change the draft.
"$BIN" --db "$DB" user add "$U" ab_clerk >/dev/null 2>&1 || bad "setup" "cannot add $U as a clerk"
sums() { sha256sum "$DB" "$DB-wal" | cut -d' ' -f1 | tr '\n' ' '; }
S00=$(sums)

# The draft's name: FNV-1a of the database's real path (src/view/unsaved.c).
NAME=$(python3 -c '
import os, sys
h = 1469598103934665603
for c in os.path.realpath(sys.argv[1]).encode():
    h = ((h ^ c) * 1099511628211) & (2**64 - 1)
print("unsaved-%016x.txt" % h)' "$DB")

# plant DIR: links at the draft's name and at the name the program once
# wrote it under first, both to the shared database.
plant() {
	install -d -o "$U" -m 0700 "$1"
	ln -s "$DB" "$1/$NAME.new"
	ln -s "$DB" "$1/$NAME"
	chown -h "$U" "$1/$NAME.new" "$1/$NAME"
}
EVIL_HOME=$W/evilhome EVIL_XDG=$W/evilxdg
install -d -o "$U" -m 0700 "$EVIL_HOME" "$EVIL_XDG" "$H/.local" "$H/.local/state"
chown "$U" "$H/.local" "$H/.local/state"
plant "$H/.local/state/tizilim"
plant "$EVIL_HOME/.local/state/tizilim"
plant "$EVIL_XDG/tizilim"

tr_kk() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim "$1"; }
# The installed catalogs may or may not be there for the setgid program,
# which ignores TIZILIM_LOCALEDIR: the English or the Kazakh text will do.
wait_text() {
	kk=$(tr_kk "$1"); i=0
	while [ $i -lt $((WAIT * 20)) ]; do
		case "$(screen)" in *"$1"*|*"$kk"*) return 0;; esac
		sleep 0.05; i=$((i + 1))
	done
	return 1
}
# The clerk's first session, with no links on the way, writes nothing (the
# demo's draft is numbered when it is made); the database as it is after it
# is the one the sessions below must leave as they found it.
tz_start 100 30 "runuser -u $U -- env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 TZ=UTC HOME=$W/firsthome $BIN --db $DB"
wait_text Quit || bad "first session" "no register screen: $(pane_state)"
keys F10
wait_dead >/dev/null
S0=$(sums)
expect "a first look at the register writes nothing" "$S00" "$S0"
OFFER_KK=$(tr_kk 'An unsaved entry from %s was found: restore it?')
OFFER_KK=$(echo "${OFFER_KK#*%s}" | awk '{ print $1 " " $2 " " $3 }')

# run_as NAME: the login at a terminal, with an environment that points
# the state elsewhere; the entry form opened, a word typed, the line hung up.
run_as() {
	cat >"$W/run.sh" <<RUN
runuser -u "$U" -- env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 TZ=UTC \
	HOME="$EVIL_HOME" XDG_STATE_HOME="$EVIL_XDG" "$BIN" --db "$DB"
echo "EXIT=\$?"
sleep 60
RUN
	chmod 0755 "$W/run.sh"
	tz_start 100 30 "sh $W/run.sh"
	wait_text Quit || { bad "$1: start" "no register screen: $(pane_state)"; return; }
	keys F5
	wait_text 'New register entry' || { bad "$1: F5" "no entry form: $(pane_state)"; return; }
	keys Tab Tab
	keys -l "Жаңа"
	wait_for "Жаңа" || bad "$1: typing" "the word is not shown: $(screen)"
	pid=$(pgrep -u "$U" -x tizilim | head -1)
	[ -n "$pid" ] || { bad "$1: pid" "no tizilim process of the login"; return; }
	kill -HUP "$pid"
	wait_for "EXIT=" || bad "$1: exit" "the program did not leave: $(screen)"
}

run_as "links planted"
expect "links: the database byte for byte as it was" "$S0" "$(sums)"
for d in "$EVIL_HOME/.local/state/tizilim" "$EVIL_XDG/tizilim"; do
	expect "links: nothing written under $d" "$NAME $NAME.new" "$(ls "$d" | tr '\n' ' ' | sed 's/ $//')"
	[ -L "$d/$NAME" ] && [ -L "$d/$NAME.new" ] && ok "links: $d keeps its links" ||
		bad "links: $d" "a planted link was replaced"
done
D=$H/.local/state/tizilim
[ -f "$D/$NAME" ] && [ ! -L "$D/$NAME" ] && ok "links: the draft is a file of its own" ||
	bad "links: draft" "no draft file in the login's home: $(ls -l "$D")"
expect "links: the draft is the login's, private" "$U 600" "$(stat -c '%U %a' "$D/$NAME" 2>/dev/null)"
contains "links: the draft holds what was typed" "Жаңа" "$(cat "$D/$NAME" 2>/dev/null)"
expect "links: the old temporary name still a link" "$DB" "$(readlink "$D/$NAME.new")"
expect "links: no temporary left" 0 "$(ls "$D" | grep -c '\.tmp-')"

# The state directory itself a link into the group's backups directory.
rm -rf "$D"
ln -s "$LIB/backups" "$D"
chown -h "$U" "$D"
run_as "state directory a link"
expect "dir link: the database byte for byte as it was" "$S0" "$(sums)"
expect "dir link: nothing in the backups directory" "" "$(ls -A "$LIB/backups")"
expect "dir link: still a link" "$LIB/backups" "$(readlink "$D")"

# A draft link at the final name is not read back either: a start with the
# link in place offers nothing and shows the register.
rm -f "$D"; plant "$D"
cat >"$W/run.sh" <<RUN
runuser -u "$U" -- env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 TZ=UTC "$BIN" --db "$DB"
echo "EXIT=\$?"
sleep 60
RUN
tz_start 100 30 "sh $W/run.sh"
wait_text Quit || bad "link not read: start" "no register screen: $(pane_state)"
lacks "link not read: no offer" "was found" "$(screen)"
lacks "link not read: no offer (kk)" "$OFFER_KK" "$(screen)"
keys F10
wait_for "EXIT=0" || bad "link not read" "the program did not start and leave cleanly: $(pane_state)"
expect "link not read: the database as it was" "$S0" "$(sums)"

done_tests
