#!/bin/sh
# Runs every suite — unit, command line, terminal — with the plain build, then
# the unit and command-line suites with the AddressSanitizer+UBSan build, a
# short round of the fuzz targets, and ends with one line: "N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 3
total_p=0; total_f=0
log=$(mktemp)
run() {  # run LABEL CMD...
	label=$1; shift
	"$@" >"$log" 2>&1; rc=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
	if [ -z "$line" ]; then
		line="0 passed, 1 failed"
		echo "== $label: no result line (exit $rc)"; tail -20 "$log"
	elif [ $rc -ne 0 ] || ! echo "$line" | grep -q ' 0 failed'; then
		echo "== $label: $line"; grep -v '^[0-9]* passed' "$log" | tail -40
		case "$line" in *" 0 failed") line="${line%% passed*} passed, 1 failed";; esac
	else
		echo "   $label: $line"
	fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	total_p=$((total_p + p)); total_f=$((total_f + f))
}
# The layers of the source (README "The source"): includes only downwards,
# no circles, no curses in the core, no SQL in the screens.
run "layers" python3 tests/layers.py
for build in build build-asan; do
	[ -d "$build" ] || continue
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	export TZ_BIN=$TOP/$build/tizilim
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] && run "$build unit $(basename "$t")" env LANG=C.UTF-8 TZ=UTC TIZILIM_LOCALEDIR="$TOP/build/locale" TZ_SHARED="$TOP/../shared" "$t"
	done
	for t in tests/cli/*.sh; do
		# Hundreds of kills and a fresh install prove nothing more under the
		# sanitizers; they run once, with the plain build.
		case "$build:$(basename "$t")" in build-asan:crash.sh|build-asan:install.sh) continue;; esac
		[ -f "$t" ] && run "$build cli $(basename "$t")" sh "$t"
	done
	if [ "$build" = build ]; then
		for t in tests/tui/*.sh; do
			[ -f "$t" ] && run "tui $(basename "$t")" sh "$t"
		done
	fi
done
# Leaks and memory errors of the main commands under valgrind, in short form
# (the full list: sh tests/valgrind.sh).
if [ -x build/tizilim ] && command -v valgrind >/dev/null 2>&1; then
	run "valgrind (short)" env VALGRIND_SHORT=1 B=build TZ_BIN="$TOP/build/tizilim" sh tests/valgrind.sh
fi
# The parsers of outside data under libFuzzer, briefly (make fuzz-build).
if [ -d build-fuzz/fuzz ]; then
	run "fuzz" env FUZZ_SECONDS="${FUZZ_SECONDS:-5}" sh tests/fuzz/run.sh
fi
rm -f "$log"
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ]
