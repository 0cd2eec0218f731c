# Shared by the command-line and terminal tests.  Source it; then
#   ok NAME / bad NAME WHY   record a result
#   expect NAME WANT GOT     compares two strings
#   done_tests               prints "N passed, N failed" for tests/run.sh
# $TZB is the binary under test, $TMP a fresh directory, removed at exit.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${B:-build}
TZB=${TZ_BIN:-$TOP/$BUILD/tizilim}
SHARED=${TZ_SHARED:-$TOP/../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export LANG=C.UTF-8 TZ=UTC TERM=xterm-256color HOME=$TMP
export XDG_DATA_HOME=$TMP/data XDG_CONFIG_HOME=$TMP/config XDG_STATE_HOME=$TMP/state
export TIZILIM_LOCALEDIR=$TOP/$BUILD/locale
unset LANGUAGE TIZILIM_LANG LC_ALL
npass=0; nfail=0
ok()  { npass=$((npass+1)); }
bad() { nfail=$((nfail+1)); echo "FAIL $(basename "$0"): $1: $2"; }
expect() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "want [$2], got [$3]"; fi; }
# contains NAME NEEDLE HAYSTACK
contains() { case "$3" in *"$2"*) ok "$1";; *) bad "$1" "no [$2] in [$3]";; esac; }
lacks() { case "$3" in *"$2"*) bad "$1" "unwanted [$2] in [$3]";; *) ok "$1";; esac; }
# status NAME WANT CMD...: runs CMD, checks its exit status; output in $out
status() { n=$1; w=$2; shift 2; out=$("$@" 2>&1); s=$?; expect "$n (exit)" "$w" "$s"; }
done_tests() { echo "$npass passed, $nfail failed"; [ "$nfail" = 0 ]; }

# tz_reachable LOGIN [FILE...]: for a test that runs the program as LOGIN.
# The checkout may be closed to other logins (a clone in a 0700 directory, or
# under a home directory), so the binary, its catalogs and each FILE are
# copied into $RUN, under $TMP (made 0711): $TZB and $TIZILIM_LOCALEDIR then
# name the copies, and a FILE is $RUN/its-name.  LOGIN must be able to run
# the copy; if it cannot, or something to copy is missing, the test says why
# once, counts one failure and ends, instead of failing every check after.
tz_reachable() {
	_u=$1; shift
	RUN=$TMP/run    # here, for a test that moved $TMP (shared.sh)
	for _f in "$TZB" "$TIZILIM_LOCALEDIR" "$@"; do
		[ -e "$_f" ] || _tz_setup "missing $_f (the build makes the program and its catalogs; the shared data is in ../shared beside the checkout)"
	done
	mkdir -p "$RUN/bin" && cp "$TZB" "$RUN/bin/tizilim" && cp -R "$TIZILIM_LOCALEDIR" "$RUN/locale" ||
		_tz_setup "cannot copy the program into $RUN"
	for _f in "$@"; do cp "$_f" "$RUN/" || _tz_setup "cannot copy $_f into $RUN"; done
	chmod -R a+rX "$RUN"; chmod 0711 "$TMP"
	TZB=$RUN/bin/tizilim
	export TIZILIM_LOCALEDIR="$RUN/locale"
	runuser -u "$_u" -- "$TZB" --version >/dev/null 2>&1 &&
		runuser -u "$_u" -- test -r "$TIZILIM_LOCALEDIR/kk/LC_MESSAGES/tizilim.mo" && return 0
	# Say which directory on the way is closed to the login.
	_d=$RUN _up=
	while [ "$_d" != / ] && [ "$_d" != . ]; do _up="$_d $_up"; _d=$(dirname "$_d"); done
	for _d in $_up; do
		runuser -u "$_u" -- test -x "$_d" 2>/dev/null ||
			_tz_setup "login $_u cannot enter $_d (mode $(stat -c %a "$_d")), so it cannot run the copy of the program under it; set TMPDIR to a directory other logins can enter"
	done
	_tz_setup "login $_u cannot run $TZB: $(runuser -u "$_u" -- "$TZB" --version 2>&1 | head -3)"
}
_tz_setup() { bad "set-up" "$1"; done_tests; exit 1; }

# tz_suid_dir NAME: a new directory (0711, its parents enterable) on a mount
# that honours setgid, for a setgid copy of the program; its path on stdout.
tz_suid_dir() {
	for _b in "$TMP" /var/tmp "$TOP"; do
		case ",$(findmnt -no OPTIONS --target "$_b")," in *,nosuid,*) continue;; esac
		[ "$_b" = "$TMP" ] && chmod 0711 "$TMP"
		_d=$(mktemp -d "$_b/$1.XXXXXX") && chmod 0711 "$_d" && echo "$_d" && return 0
	done
	return 1
}

# tz_shared_install DIR GROUP: what make install-shared lays out, under DIR:
# the program setgid to GROUP (DIR/bin/tizilim, root:GROUP 2755) and the
# database made by root with the demo register, the group's and
# group-writable, beside its -wal and -shm, in DIR/lib (root:GROUP 0750) with
# backups/ (2770).  Sets BIN, LIB and DB.
tz_shared_install() {
	mkdir -p "$1/bin"
	cp "$TZB" "$1/bin/tizilim"
	chgrp "$2" "$1/bin/tizilim"
	chmod 2755 "$1/bin/tizilim"
	BIN=$1/bin/tizilim
	LIB=$1/lib
	DB=$LIB/tizilim.db
	install -d -o root -g "$2" -m 0750 "$LIB"
	install -d -o root -g "$2" -m 2770 "$LIB/backups"
	"$TZB" --db "$DB" init --demo >/dev/null || bad "init" "root cannot create the database"
	for _f in tizilim.db tizilim.db-wal tizilim.db-shm; do
		[ -e "$LIB/$_f" ] || install -m 0660 /dev/null "$LIB/$_f"
		chown "root:$2" "$LIB/$_f"; chmod 0660 "$LIB/$_f"
	done
}
