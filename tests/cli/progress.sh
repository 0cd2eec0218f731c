#!/bin/sh
# Long work on the command line shows how far it is (issue 12, §6): on a
# terminal, one line on standard error, in the user's language, rewritten in
# place and taken off at the end, so that what stays on the terminal is what
# the command printed; with standard error in a file (a script, a test), not
# a byte of it.  Each command runs three times on like databases: on a
# terminal (script(1) gives it one), on a terminal with standard error in a
# file, and with both in files.
. "$(dirname "$0")/../lib.sh"

command -v script >/dev/null || { bad "set-up" "script(1) is missing (util-linux)"; done_tests; exit 1; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
ESC=$(printf '\033')
CR=$(printf '\r')

# render FILE: the text a terminal shows after FILE's bytes: a carriage
# return goes back to the start of the line, ESC [K clears to its end.
render() {
	"$PY" -c '
import sys
out, line, col = [], [], 0
data = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
i = 0
while i < len(data):
    c = data[i]
    if data.startswith("\x1b[K", i):
        del line[col:]; i += 3; continue
    if c == "\r":
        col = 0
    elif c == "\n":
        out.append("".join(line)); line, col = [], 0
    else:
        if col < len(line): line[col] = c
        else: line.append(c)
        col += 1
    i += 1
if line: out.append("".join(line))
sys.stdout.write("\n".join(out) + "\n")
' "$1"
}
# tty NAME CMD: CMD on a terminal, what it wrote in $TMP/NAME.tty;
# tty2 NAME CMD: the same with standard error in $TMP/NAME.tty-err;
# plain NAME CMD: both in files, $TMP/NAME.out and $TMP/NAME.err.
tty() { _n=$1; shift; script -qec "$*" /dev/null >"$TMP/$_n.tty" 2>&1; rc=$?; }
tty2() { _n=$1; shift; script -qec "$* 2>$TMP/$_n.tty-err" /dev/null >"$TMP/$_n.tty-out" 2>&1; }
plain() { _n=$1; shift; sh -c "$*" >"$TMP/$_n.out" 2>"$TMP/$_n.err"; }
# The three runs of one command agree, and only the terminal saw progress.
check_runs() {  # check_runs NAME WHAT-SHOWN
	contains "$1: a progress line on the terminal" "$CR$2" "$(cat "$TMP/$1.tty")"
	contains "$1: the line cleared to its end" "$ESC[K" "$(cat "$TMP/$1.tty")"
	# (in the order the two streams reached the terminal, which files lose)
	expect "$1: the terminal ends showing what the command printed" \
		"$(cat "$TMP/$1.out" "$TMP/$1.err" | tr -d '\r' | sort)" "$(render "$TMP/$1.tty" | sed '/^$/d' | sort)"
	expect "$1: standard output on the terminal as in a file" \
		"$(tr -d '\r' <"$TMP/$1.out")" "$(render "$TMP/$1.tty-out" | sed '/^$/d')"
	expect "$1: standard error in a file is as without a terminal" \
		"$(cat "$TMP/$1.err")" "$(cat "$TMP/$1.tty-err")"
	lacks "$1: no carriage return in the file" "$CR" "$(cat "$TMP/$1.tty-err")"
	lacks "$1: no escape in the file" "$ESC" "$(cat "$TMP/$1.tty-err")"
	lacks "$1: no progress without a terminal" "$2" "$(cat "$TMP/$1.err" "$TMP/$1.out")"
}

# A register of 1,200 rows over a classifier of 600 occupations, in the
# Appendix layout (the benchmark's generator, seeded: the same every run).
W=$TMP/gen
mkdir -p "$W"
"$TZB" --db "$W/demo.db" init --demo >/dev/null &&
	"$TZB" --db "$W/demo.db" export --lang kk -o "$W/tpl-kk.csv" &&
	"$TZB" --db "$W/demo.db" export --lang ru -o "$W/tpl-ru.csv" &&
	"$TZB" --db "$W/ref.db" init >/dev/null &&
	"$PY" "$TOP/tests/bench_gen.py" "$W/ref.db" "$W/tpl-kk.csv" "$W/tpl-ru.csv" "$W" 600 1200 ||
	{ bad "set-up" "cannot generate the files (python3-openpyxl: make deps)"; done_tests; exit 1; }

for r in tty tty2 plain; do
	"$TZB" --db "$TMP/$r.db" init >/dev/null 2>&1 || bad "set-up" "init $r"
done

# --- the classifier, in Kazakh ---------------------------------------------
T="--lang kk import-nkz $W/nkz.csv"
tty nkz "$TZB --db $TMP/tty.db $T"
tty2 nkz "$TZB --db $TMP/tty2.db $T"
plain nkz "$TZB --db $TMP/plain.db $T"
check_runs nkz "$(msg kk 'Import of the classifier: reading the file'):"
contains "nkz: counts in Kazakh" "$(msg kk 'Import of the classifier: writing'): " "$(cat "$TMP/nkz.tty")"

for r in tty tty2 plain; do
	"$TZB" --db "$TMP/$r.db" cycle open 2025 spring >/dev/null 2>&1 || bad "set-up" "cycle open $r"
done

# --- register rows, in Russian: the rows counted "из N строк" --------------
T="--lang ru import $W/reg-kk.csv $W/reg-ru.csv"
t0=$(date +%s%N)
tty reg "$TZB --db $TMP/tty.db $T"
t1=$(date +%s%N)
tty2 reg "$TZB --db $TMP/tty2.db $T"
plain reg "$TZB --db $TMP/plain.db $T"
check_runs reg "$(msg ru 'Import of register rows: reading the files'):"
contains "reg: rows of all, in Russian" " из " "$(tr '\r' '\n' <"$TMP/reg.tty" | grep "$(msg ru 'Import of register rows: checking')")"
contains "reg: the percentage" "%)" "$(cat "$TMP/reg.tty")"
# At most about ten lines a second (and the first and last of each stage).
lines=$(tr '\r' '\n' <"$TMP/reg.tty" | grep -c "$(msg ru 'Import of register rows')")
ms=$(( (t1 - t0) / 1000000 ))
[ "$lines" -le $(( ms / 100 + 8 )) ] && ok "reg: at most ten lines a second" ||
	bad "reg: at most ten lines a second" "$lines lines in $ms ms"

# --- export, in Kazakh: to a file, and to standard output on the terminal ---
T="$TZB --db $TMP/tty.db --lang kk export"
tty exp "$T -o $TMP/e1.csv"
tty2 exp "$T -o $TMP/e2.csv"
plain exp "$T -o $TMP/e3.csv"
check_runs exp "$(msg kk 'Export of the register'):"
cmp -s "$TMP/e1.csv" "$TMP/e3.csv" && cmp -s "$TMP/e2.csv" "$TMP/e3.csv" && ok "exp: one file" ||
	bad "exp: one file" "the files differ"
tty xlsx "$T --format xlsx -o $TMP/e.xlsx"
contains "xlsx: a progress line on the terminal" "$CR$(msg kk 'Export of the register'):" "$(cat "$TMP/xlsx.tty")"
expect "xlsx: nothing left on the terminal" "" "$(render "$TMP/xlsx.tty" | sed '/^$/d')"
tty expout "$T"
plain expout "$T"
expect "exp to the terminal: the line gone before the file is written" \
	"$(tr -d '\r' <"$TMP/expout.out")" "$(render "$TMP/expout.tty" | sed '$ { /^$/d }')"

# --- verify, in Russian ----------------------------------------------------
T="$TZB --db $TMP/tty.db --lang ru verify"
tty ver "$T"
tty2 ver "$T"
plain ver "$T"
check_runs ver "$(msg ru 'Checking the database'):"
contains "ver: the percentage" "100%" "$(cat "$TMP/ver.tty")"

# --- backup, in Kazakh -----------------------------------------------------
T="$TZB --db $TMP/tty.db --lang kk backup $TMP/b.db"
tty bak "$T"; rm -f "$TMP/b.db"
tty2 bak "$T"; rm -f "$TMP/b.db"
plain bak "$T"
check_runs bak "$(msg kk 'Backup copy of the database'):"

# --- publish with its backup, in Russian -----------------------------------
P=$TMP/pub.db
export TIZILIM_TODAY=2026-04-20
t() { "$TZB" --db "$P" "$@" >/dev/null 2>&1 || bad "set-up" "tizilim $* failed"; }
t init --demo
t proposal add --body culture --action include --section voluntary --code 2622-1-001 --levels 7 \
	--validity 5 --profile sg --basis-kk "Кітапханашы стандарты" --basis-ru "Стандарт библиотекаря" \
	--safety-kk Қауіпсіздік --safety-ru Безопасность --demand-kk Сұраныс --demand-ru Спрос \
	--standard-kk Стандарт --standard-ru Стандарт
t proposal agree --body culture --date 2026-01-20 --protocol 1
t proposal submit --body culture --date 2026-01-25
t review approve --all
t cycle council-submit --date 2026-03-20
t cycle recommendations --date 2026-04-10 --protocol 5
tty pub "$TZB --db $P --lang ru publish --date 2026-04-20"
s=$(cat "$TMP/pub.tty")
contains "pub: the backup's progress on the terminal" "$CR$(msg ru 'Backup copy before publishing'):" "$s"
r=$(render "$TMP/pub.tty")
contains "pub: the backup's line whole on the terminal" \
	"$(TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=ru gettext -e tizilim 'Backup taken before publishing: %s\n' |
		sed 's/%s.*//')" "$r"
lacks "pub: no progress left on the terminal" "$(msg ru 'Backup copy before publishing')" "$r"
expect "pub: published" 0 "$rc"

done_tests
