#!/bin/sh
# Runs every suite — unit, command line, terminal — with the plain build, the
# unit and command-line suites with the AddressSanitizer+UBSan build, the main
# commands under valgrind and a short round of the fuzz targets, and ends with
# one line: "N passed, N failed".
#
# The suites are independent, so they run side by side, TEST_JOBS at a time
# (by default two per processor: much of a suite's time is spent waiting on a
# terminal, a sleep or a child).  Each writes to a log of its own, printed
# whole when it ends, with the seconds it took.  TEST_JOBS=1 runs them one by
# one.
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 3
JOBS=${TEST_JOBS:-$((2 * $(nproc 2>/dev/null || echo 1)))}
[ "$JOBS" -ge 1 ] 2>/dev/null || JOBS=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Interrupted, the suites still running are stopped (they ignore the
# terminal's SIGINT, being in the background) so that they remove their
# logins and files and nothing runs on after.
stop() {
	trap '' INT TERM HUP
	[ -n "${reader:-}" ] && kill "$reader" 2>/dev/null
	for f in "$work"/*.pid; do [ -f "$f" ] && [ ! -f "${f%.pid}.rc" ] && kill -TERM "$(cat "$f")" 2>/dev/null; done
	wait
	exit 1
}
trap stop INT TERM HUP
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# suite BUILD KIND NAME: runs one suite in place of the shell (as its own process)
suite() {
	case $2 in
	unit) exec env LANG=C.UTF-8 TZ=UTC TZ_BIN="$TOP/$1/tizilim" TIZILIM_LOCALEDIR="$TOP/build/locale" \
		TZ_SHARED="$TOP/../shared" "$1/tests/$3" ;;
	cli|tui) exec env TZ_BIN="$TOP/$1/tizilim" sh "tests/$2/$3" ;;
	valgrind) exec env VALGRIND_SHORT=1 B=build TZ_BIN="$TOP/build/tizilim" sh tests/valgrind.sh ;;
	fuzz) exec env FUZZ_SECONDS="${FUZZ_SECONDS:-5}" sh tests/fuzz/run.sh ;;
	layers) exec python3 tests/layers.py ;;
	esac
}
label() {
	case $2 in
	unit|cli) echo "$1 $2 $3" ;;
	tui) echo "tui $3" ;;
	valgrind) echo "valgrind (short)" ;;
	fuzz) echo "fuzz" ;;
	layers) echo "layers" ;;
	esac
}

# Roughly how long a suite takes, in seconds on two processors, so that the
# longest start first and none is left to run alone at the end.
guess() {
	case "$1 $2 $3" in
	"build cli crash.sh") echo 120 ;;
	"build-asan cli cycle.sh"|"build tui cycle.sh"|"build-asan unit test_regview") echo 90 ;;
	"build cli install.sh"|"build-fuzz fuzz -"|"build valgrind -") echo 60 ;;
	"build-asan cli exchange.sh"|"build-asan cli killimport.sh"|"build-asan cli package.sh") echo 60 ;;
	"build-asan cli xlsx.sh"|"build tui package.sh") echo 60 ;;
	"build tui "*|"build-asan cli "*) echo 30 ;;
	"build cli "*) echo 10 ;;
	*) echo 1 ;;
	esac
}
# The suites that time how long the program waits for a lock: these run
# first, on their own, so that the other suites do not stretch the wait.
alone() {
	case "$2 $3" in "cli concurrency.sh") return 0 ;; esac
	return 1
}

# The list, one suite a line: "BUILD KIND NAME", those to run alone first,
# then the longest first.
list=$work/list
{
	for build in build build-asan; do
		[ -d "$build" ] || continue
		for t in "$build"/tests/test_*; do
			[ -x "$t" ] && echo "$build unit $(basename "$t")"
		done
		for t in tests/cli/*.sh; do
			# Hundreds of kills and a fresh install prove nothing more under
			# the sanitizers; they run once, with the plain build.
			# The same holds for the kills of an import and for tampering
			# with the file by hand: the sanitizers see verify's and the
			# import's code in the unit tests and the other suites.
			case "$build:$(basename "$t")" in
			build-asan:crash.sh|build-asan:install.sh|build-asan:killimport.sh|build-asan:tamper.sh) continue ;;
			esac
			[ -f "$t" ] && echo "$build cli $(basename "$t")"
		done
		if [ "$build" = build ]; then
			for t in tests/tui/*.sh; do
				[ -f "$t" ] && echo "build tui $(basename "$t")"
			done
		fi
	done
	# Leaks and memory errors of the main commands under valgrind, in short
	# form (the full list: sh tests/valgrind.sh).
	[ -x build/tizilim ] && command -v valgrind >/dev/null 2>&1 && echo "build valgrind -"
	# The parsers of outside data under libFuzzer, briefly (make fuzz-build).
	[ -d build-fuzz/fuzz ] && echo "build-fuzz fuzz -"
	# The layers of the source (README "The source"): includes only
	# downwards, no circles, no curses in the core, no SQL in the screens.
	echo "- layers -"
} | while read -r b k n; do
	if alone "$b" "$k" "$n"; then w=100000; else w=$(guess "$b" "$k" "$n"); fi
	echo "$w $b $k $n"
done | sort -s -k1,1nr | cut -d' ' -f2- >"$list"
total=$(wc -l <"$list")

# Each suite in the background reports its number on the pipe when it ends.
mkfifo "$work/done" || exit 3
exec 3<>"$work/done"
launch() {  # launch N BUILD KIND NAME
	n=$1; shift
	(
		t0=$(date +%s%N)
		suite "$@" >"$work/$n.log" 2>&1 3>&- </dev/null &
		echo $! >"$work/$n.pid"
		wait $!
		echo $? >"$work/$n.rc"
		echo $((($(date +%s%N) - t0) / 1000000)) >"$work/$n.ms"
		echo "$n" >&3
	) &
}

total_p=0; total_f=0
report() {  # report N: the suite's result line, and its output if it failed
	set -- $(sed -n "$1p" "$list") "$1"
	log=$work/$4.log rc=$(cat "$work/$4.rc") ms=$(cat "$work/$4.ms")
	lbl="$(label "$1" "$2" "$3")"
	secs=$(printf '(%d.%d s)' $((ms / 1000)) $((ms % 1000 / 100)))
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
	if [ -z "$line" ]; then
		line="0 passed, 1 failed"
		echo "== $lbl: no result line (exit $rc) $secs"; tail -20 "$log"
	elif [ "$rc" -ne 0 ] || ! echo "$line" | grep -q ' 0 failed'; then
		echo "== $lbl: $line $secs"; grep -v '^[0-9]* passed' "$log" | tail -40
		case "$line" in *" 0 failed") line="${line%% passed*} passed, 1 failed";; esac
	else
		echo "   $lbl: $line $secs"
	fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	total_p=$((total_p + p)); total_f=$((total_f + f))
}

t0=$(date +%s)
next=1 running=0 solo=0
while [ $next -le "$total" ] || [ $running -gt 0 ]; do
	while [ $running -lt "$JOBS" ] && [ $next -le "$total" ] && [ $solo = 0 ]; do
		set -- $(sed -n "${next}p" "$list")
		if alone "$@"; then
			[ $running = 0 ] || break
			solo=1
		fi
		launch $next "$@"
		next=$((next + 1)); running=$((running + 1))
	done
	# The next line of the pipe, read in the background: the shell runs a
	# trap during wait at once, during read only once a line comes.
	(read -r n <&3 && echo "$n" >"$work/next") &
	reader=$!
	wait $reader || break
	reader=
	n=$(cat "$work/next")
	running=$((running - 1)) solo=0
	report "$n"
done
wait
echo "   $total suites, $JOBS at a time: $(($(date +%s) - t0)) s"
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ]
