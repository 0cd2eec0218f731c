#!/bin/sh
# Runs each fuzz target in $FUZZ_B/fuzz/ for FUZZ_SECONDS (default 5) from its
# seed corpus, then replays every input kept in tests/fuzz/regress/<target>/.
# One pass per target that ran clean and per input replayed clean; ends with
# "N passed, N failed" for tests/run.sh.  New inputs the run finds go to a
# scratch directory (merge them into corpus/ by hand with -merge=1), and a
# crash is left in tests/fuzz/regress/<target>/ to be fixed and kept.
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 3
FB=${FUZZ_B:-build-fuzz}
secs=${FUZZ_SECONDS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work LANG=C.UTF-8 TZ=UTC
unset LANGUAGE TIZILIM_LANG LC_ALL TIZILIM_LOG
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
npass=0; nfail=0
found=0
for bin in "$FB"/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	found=1
	name=$(basename "$bin")
	mkdir -p "$work/$name" tests/fuzz/regress/"$name"
	if "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
	       -artifact_prefix="tests/fuzz/regress/$name/" -print_final_stats=1 \
	       "$work/$name" tests/fuzz/corpus/"$name" >"$work/$name.log" 2>&1; then
		npass=$((npass + 1))
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
		echo "   $name: ${runs:-?} inputs in ${secs}s"
	else
		nfail=$((nfail + 1))
		echo "FAIL $name: see the input it left in tests/fuzz/regress/$name/"
		grep -E '^(==|SUMMARY|    #[0-9] )|runtime error|Test unit written' "$work/$name.log" | head -25
	fi
	for f in tests/fuzz/regress/"$name"/*; do
		[ -f "$f" ] || continue
		if "$bin" -runs=1 "$f" >"$work/replay.log" 2>&1; then
			npass=$((npass + 1))
		else
			nfail=$((nfail + 1))
			echo "FAIL $name replay $f"
			grep -E '^(==|SUMMARY|    #[0-9] )|runtime error' "$work/replay.log" | head -15
		fi
	done
done
if [ "$found" = 0 ]; then
	echo "no fuzz targets in $FB/fuzz/: run make fuzz-build"
	nfail=$((nfail + 1))
fi
echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
