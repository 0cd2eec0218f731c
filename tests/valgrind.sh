#!/bin/sh
# The program's main commands under valgrind on a small database: each must
# end without a memory error and without a leak (--leak-check=full, definite
# and possible leaks count).  Ends with "N passed, N failed".  VALGRIND_SHORT=1
# runs the few that touch most of the core (make check); the full list takes
# a minute or more.  Run: B=build sh tests/valgrind.sh
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${B:-build}
TZB=${TZ_BIN:-$TOP/$BUILD/tizilim}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export LANG=C.UTF-8 TZ=UTC HOME=$TMP XDG_DATA_HOME=$TMP/data XDG_CONFIG_HOME=$TMP/config
export XDG_STATE_HOME=$TMP/state TIZILIM_LOCALEDIR=$TOP/$BUILD/locale TIZILIM_TODAY=2026-01-15
unset LANGUAGE TIZILIM_LANG LC_ALL TIZILIM_LOG
npass=0; nfail=0
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind is not installed (apt-get install valgrind)"
	echo "0 passed, 1 failed"
	exit 1
fi
DB=$TMP/a.db
# vg NAME WANT-EXIT ARGS...: the program under valgrind; exit 9 is valgrind's
vg() {
	n=$1; w=$2; shift 2
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible \
	  --error-exitcode=9 --log-file="$TMP/vg.log" "$TZB" --db "$DB" "$@" >"$TMP/out" 2>&1
	s=$?
	if [ "$s" = "$w" ] && ! [ -s "$TMP/vg.log" ]; then
		npass=$((npass + 1))
	else
		nfail=$((nfail + 1))
		echo "FAIL valgrind: $n: exit $s (want $w)"
		head -40 "$TMP/vg.log"
		tail -5 "$TMP/out"
	fi
}

vg "init --demo" 0 init --demo
vg "export csv" 0 export --lang kk -o "$TMP/kk.csv"
vg "import csv" 0 import "$TMP/kk.csv"
vg "workdays" 0 workdays 2026-03-20 5
if [ "${VALGRIND_SHORT:-0}" = 1 ]; then
	echo "$npass passed, $nfail failed"
	[ "$nfail" = 0 ]; exit
fi
vg "--help" 0 --help
vg "--version" 0 --version
vg "usage error" 2 workdays 2026-03-20 many
vg "no such command" 2 frobnicate
vg "export ru cp1251" 0 export --lang ru --encoding cp1251 -o "$TMP/ru.csv"
vg "import kk and ru" 0 import "$TMP/kk.csv" "$TMP/ru.csv"
vg "export xlsx" 0 export --format xlsx --lang ru -o "$TMP/ru.xlsx"
vg "import xlsx" 0 import "$TMP/ru.xlsx"
vg "export review pack" 0 export --format xlsx --diff -o "$TMP/diff.xlsx"
cat > "$TMP/nkz.csv" <<'CSV'
code,level,parent_code,name_ru,name_kz
9,1,,ПРОСТЫЕ ПРОФЕССИИ,ҚАРАПАЙЫМ КӘСІПТЕР
91,2,9,УБОРЩИКИ,ТАЗАЛАУШЫЛАР
911,3,91,Уборщики,Тазалаушылар
9112,4,911,Уборщики помещений,Үй-жай тазалаушылары
9112-1,5,9112,Уборщики в офисах,Кеңсе тазалаушылары
9112-1-001,6,9112-1,Уборщик,Тазалаушы
CSV
vg "import-nkz" 0 import-nkz "$TMP/nkz.csv"
printf 'code,name_ru\n12x,Ошибка\n' > "$TMP/bad.csv"
vg "import-nkz refused" 3 import-nkz "$TMP/bad.csv"
vg "check" 0 check
vg "diff" 0 diff
vg "deadlines" 0 deadlines --date 2026-01-20
vg "verify" 0 verify
vg "log" 0 log
vg "user list" 0 user list
vg "cycle list" 0 cycle list
vg "proposal list" 0 proposal list
vg "review show" 0 review show
vg "package export" 0 package export "$TMP/p.tzp" --body agriculture --cycle 2026 spring
vg "backup" 0 backup "$TMP/b.db"
echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
