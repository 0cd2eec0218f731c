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
