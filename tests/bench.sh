#!/bin/sh
# make bench: tizilim at 1,000, 10,000 and 100,000 register rows (a
# classifier of half as many occupations), beside the tools a clerk would
# otherwise use.  Prints one table per size: wall time, CPU time (user +
# system: on a shared machine the steadier figure) and peak memory of each
# step, the peer's, and the ratio; then the keys of the register screen,
# timed by the program itself (--timing) while tmux types them.  At the end:
# how each step grows with the size (the exponent of a least-squares fit of
# log time on log rows; 1.0 is linear) and each target of SPEC 4 with the
# ratio of the figure to it (<= 1.00 is met).  Not part of make check.
#   B=build-x sh tests/bench.sh [SIZES...]     (default: 1000 10000 100000)
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${B:-build}
TZB=${TZ_BIN:-$TOP/$BUILD/tizilim}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
W=$(mktemp -d "${TMPDIR:-/tmp}/tzbench.XXXXXX")
SOCK=tzbench$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$W"' EXIT
export LANG=C.UTF-8 TZ=UTC TERM=xterm-256color HOME=$W
export XDG_DATA_HOME=$W/data XDG_CONFIG_HOME=$W/config XDG_STATE_HOME=$W/state
export TIZILIM_LOCALEDIR=$TOP/$BUILD/locale
unset LANGUAGE TIZILIM_LANG LC_ALL
SIZES=${*:-1000 10000 100000}

[ -x "$TZB" ] || { echo "bench: no $TZB (make B=$BUILD first)"; exit 2; }
command -v tmux >/dev/null && command -v sqlite3 >/dev/null ||
	{ echo "bench: needs tmux and sqlite3 (make deps)"; exit 2; }

# The peers, from Debian, when we may install them.
missing=""
command -v vd >/dev/null || missing="$missing visidata"
command -v xlsx2csv >/dev/null || missing="$missing xlsx2csv"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	echo "bench: installing$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1 ||
		{ apt-get update -qq >/dev/null 2>&1 &&
		  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1; }
fi
HAVE_VD=0; command -v vd >/dev/null && HAVE_VD=1
HAVE_X2C=0; command -v xlsx2csv >/dev/null && HAVE_X2C=1

now() { date +%s%N; }
# run TAG CMD...: runs CMD quietly; TAG.ms gets its wall milliseconds, TAG.cpu
# its user + system milliseconds (with /usr/bin/time), TAG.kb its peak RSS
# (from /usr/bin/time, else VmHWM polled from /proc), TAG.rc its status.
run() {
	tag=$1; shift
	t0=$(now)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%M %U %S' -o "$W/$tag.time" "$@" >"$W/$tag.out" 2>&1
		echo $? >"$W/$tag.rc"
		awk 'END { print $1 }' "$W/$tag.time" >"$W/$tag.kb"
		awk 'END { printf "%d\n", ($2 + $3) * 1000 }' "$W/$tag.time" >"$W/$tag.cpu"
	else
		"$@" >"$W/$tag.out" 2>&1 &
		pid=$!; hwm=0
		while kill -0 $pid 2>/dev/null; do
			h=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null)
			[ -n "$h" ] && hwm=$h
			sleep 0.02
		done
		wait $pid; echo $? >"$W/$tag.rc"
		echo "$hwm" >"$W/$tag.kb"
	fi
	t1=$(now)
	echo $(( (t1 - t0) / 1000000 )) >"$W/$tag.ms"
	# one line per step and size for the growth table at the end
	echo "$tag $(cat "$W/$tag.ms") $(cat "$W/$tag.cpu" 2>/dev/null || echo -) $(cat "$W/$tag.kb")" >>"$W/all"
	if [ "$(cat "$W/$tag.rc")" != 0 ]; then
		echo "bench: $tag failed ($*):" >&2
		tail -5 "$W/$tag.out" >&2
	fi
}
ms() { cat "$W/$1.ms" 2>/dev/null || echo -; }
cpu() { cat "$W/$1.cpu" 2>/dev/null || echo -; }
mb() { awk '{printf "%.1f", $1 / 1024}' "$W/$1.kb" 2>/dev/null || echo -; }
ratio() { [ -f "$W/$1.ms" ] && [ -f "$W/$2.ms" ] &&
	awk -v a="$(ms "$1")" -v b="$(ms "$2")" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }' || echo -; }
cratio() { [ -f "$W/$1.cpu" ] && [ -f "$W/$2.cpu" ] &&
	awk -v a="$(cpu "$1")" -v b="$(cpu "$2")" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }' || echo -; }
FMT='%-30s %7s %7s %6s   %-28s %7s %7s %6s %7s %7s\n'
row() {  # row LABEL TAG PEER_LABEL PEER_TAG
	if [ -n "$4" ] && [ -f "$W/$4.ms" ]; then
		printf "$FMT" "$1" "$(ms "$2")" "$(cpu "$2")" "$(mb "$2")" "$3" "$(ms "$4")" "$(cpu "$4")" "$(mb "$4")" "$(ratio "$2" "$4")" "$(cratio "$2" "$4")"
	else
		printf "$FMT" "$1" "$(ms "$2")" "$(cpu "$2")" "$(mb "$2")" "${3:-}" "${3:+n/a}" "" "" "" ""
	fi
}

# keystats FILE PATTERN: median, 99th percentile and max in ms of the lines
# whose key matches, and how many.
keystats() {
	awk -v pat="$2" '$1 ~ pat { print $2 }' "$1" | sort -n | awk '
		{ v[NR] = $1 }
		END {
			if (!NR) { print "- - - 0"; exit }
			m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.99 + 0.999)]; if (p == "") p = v[NR]
			printf "%.2f %.2f %.2f %d\n", m / 1000, p / 1000, v[NR] / 1000, NR }'
}

# The terminal: start the program under tmux with --timing, wait for the
# first screen, then type; each key is sent once the previous one's line is
# in the log, so the figures are not flattered by typeahead.
LOG=""
nlines() { if [ -f "$LOG" ]; then wc -l <"$LOG"; else echo 0; fi; }
wait_log() {  # wait_log N: until the log has N lines (10 s at most)
	_w=0
	while [ "$(nlines)" -lt "$1" ] && [ $_w -lt 1000 ]; do sleep 0.01; _w=$((_w + 1)); done
}
key() {  # key ARGS...: one tmux send-keys, then wait for its line
	_n=$(nlines)
	tm send-keys -t 0 "$@"
	wait_log $((_n + 1))
}
# Three words typed into the register's search a letter at a time, each
# taken back with Backspace.
type_search() {
	for word in слесарь механик оператор; do
		key F7
		printf '%s' "$word" | sed 's/./&\n/g' | while IFS= read -r ch; do [ -n "$ch" ] && key -l "$ch"; done
		j=0; while [ $j -lt 7 ]; do key BSpace; j=$((j + 1)); done
		key Escape
	done
}

# The search alone into LOG (a register beside its published version: see
# two_versions).
tui_search() {  # tui_search DB LOG
	LOG=$2
	rm -f "$LOG"
	tm kill-server 2>/dev/null
	tm new-session -d -x 120 -y 40 "$TZB --db $1 --lang kk --timing $LOG"
	wait_log 1
	type_search
	tm kill-server 2>/dev/null
}

# After the first cycle a register is a published version and the draft
# made from it: the same rows twice, both in the search index.  The draft
# is made here by SQL from the published rows, under their numbers, as
# reg_new_draft makes it (the indexing triggers held back and the index
# rebuilt once, as an import does).
two_versions() {  # two_versions DB
	sqlite3 "$1" "UPDATE reg_version SET state = 'published' WHERE state = 'draft';
		INSERT INTO reg_version(state, title, created) VALUES ('draft', 'two', '2026-01-01T00:00:00Z');
		INSERT INTO meta(key, value) VALUES ('fts_deferred', '1'), ('log_deferred', '1');
		INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru,
		                    level, validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru)
		  SELECT (SELECT id FROM reg_version WHERE state = 'draft'), section, nkz_code, name_kk,
		         name_ru, basis_kk, basis_ru, level, validity, body_id, profile, fold_kk, fold_ru,
		         sort_kk, sort_ru
		  FROM reg_row WHERE version_id = (SELECT max(id) FROM reg_version WHERE state = 'published');
		UPDATE reg_place SET num = o.num FROM reg_row n,
		  (SELECT r.section, r.nkz_code, r.level, p.num FROM reg_row r JOIN reg_place p ON p.row_id = r.id
		   WHERE r.version_id = (SELECT max(id) FROM reg_version WHERE state = 'published')) o
		  WHERE reg_place.version_id = (SELECT id FROM reg_version WHERE state = 'draft')
		    AND n.id = reg_place.row_id AND n.nkz_code = o.nkz_code AND n.level = o.level
		    AND n.section = o.section;
		DELETE FROM meta WHERE key IN ('fts_deferred', 'log_deferred');
		INSERT INTO reg_fts(reg_fts) VALUES ('rebuild');
		DELETE FROM reg_prefix;
		INSERT INTO reg_prefix(version_id, section, kk, ru, n)
		  SELECT version_id, section, substr(fold_kk, 1, 2), substr(fold_ru, 1, 2), count(*)
		  FROM reg_row GROUP BY 1, 2, 3, 4;"
}

tui() {  # tui SIZE DB
	LOG=$W/timing-$1.log
	rm -f "$LOG"
	tm kill-server 2>/dev/null
	if [ -x /usr/bin/time ]; then
		tm new-session -d -x 120 -y 40 "/usr/bin/time -f %M -o $W/tui$1.kb $TZB --db $2 --lang kk --timing $LOG"
	else
		tm new-session -d -x 120 -y 40 "$TZB --db $2 --lang kk --timing $LOG"
	fi
	wait_log 1
	i=0; while [ $i -lt 200 ]; do key NPage; i=$((i + 1)); done
	i=0; while [ $i -lt 5 ]; do key End; key Home; i=$((i + 1)); done
	type_search
	# The classifier picker of the entry form (F5, then Space), at half as
	# many occupations as rows: its keys go to a log of their own.
	reg_lines=$(nlines)
	key F5
	for word in слесарь механик; do
		key Space
		printf '%s' "$word" | sed 's/./&\n/g' | while IFS= read -r ch; do [ -n "$ch" ] && key -l "$ch"; done
		j=0; while [ $j -lt 7 ]; do key BSpace; j=$((j + 1)); done
		key Escape
	done
	key Escape
	head -n "$reg_lines" "$LOG" >"$W/register-$1.log"
	tail -n +$((reg_lines + 2)) "$LOG" >"$W/picker-$1.log"
	pid=$(tm display-message -p -t 0 '#{pane_pid}')
	if [ ! -x /usr/bin/time ]; then
		awk '/VmHWM/ {print $2}' /proc/"$(pgrep -P "$pid" | head -1)"/status >"$W/tui$1.kb" 2>/dev/null
	fi
	tm send-keys -t 0 F10
	i=0; while [ $i -lt 200 ] && [ ! -s "$W/tui$1.kb" ]; do sleep 0.05; i=$((i + 1)); done
	tm kill-server 2>/dev/null
}

# A template for the Appendix layout: the program's own export of the demo.
"$TZB" --db "$W/demo.db" init --demo >/dev/null &&
"$TZB" --db "$W/demo.db" export --lang kk -o "$W/tpl-kk.csv" &&
"$TZB" --db "$W/demo.db" export --lang ru -o "$W/tpl-ru.csv" || { echo "bench: no demo export"; exit 3; }

# The honest floor of a register import: the same two files loaded by the
# sqlite3 shell into a copy of the program's own database (its tables, their
# indexes, the numbering and counts, and one full-text rebuild), with none
# of the program's checks, no ICU sort keys (the name's bytes stand in) and
# no change log.  The rows pair up by code and level, as the program's do.
# The name indexes are made after the rows are in, in one sort each, the
# cheapest way SQLite has to build them (and the program's way too).
floor_sql() {  # floor_sql KK_CSV RU_CSV DB
	cat <<EOF
DROP TRIGGER reg_row_ai; DROP TRIGGER reg_count_ai; DROP TRIGGER reg_place_ai;
DROP TRIGGER log_reg_row_i;
$(sqlite3 "$3" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema
                 WHERE type = 'index' AND tbl_name = 'reg_row' AND name GLOB 'reg_row_[fs]o[lr][dt]_*'")
CREATE TEMP TABLE kk(c1, c2, c3, c4, c5, c6, c7, c8);
CREATE TEMP TABLE ru(c1, c2, c3, c4, c5, c6, c7, c8);
.import --csv --skip 2 --schema temp $1 kk
.import --csv --skip 2 --schema temp $2 ru
BEGIN;
CREATE INDEX temp.ru_key ON ru(c3, c5);
INSERT INTO reg_row(version_id, section, nkz_code, name_kk, name_ru, basis_kk, basis_ru, level,
                    validity, body_id, profile, fold_kk, fold_ru, sort_kk, sort_ru)
SELECT (SELECT id FROM reg_version WHERE state = 'draft'),
       CASE k.s WHEN 1 THEN 'mandatory' ELSE 'voluntary' END, k.c3, k.c2, r.c2, k.c4, r.c4, k.c5,
       CAST(k.c6 AS INTEGER), b.id, CASE k.c8 WHEN 'т' THEN 't' ELSE 'sg' END,
       lower(k.c2), lower(r.c2), CAST(k.c2 AS BLOB), CAST(r.c2 AS BLOB)
FROM (SELECT *, sum(c3 = '') OVER (ORDER BY rowid) AS s FROM kk) k
JOIN ru r ON r.c3 = k.c3 AND r.c5 = k.c5
JOIN body b ON b.name_kk = k.c7
WHERE k.c3 <> '';
INSERT INTO reg_place(row_id, version_id, section, num)
  SELECT id, version_id, section,
         row_number() OVER (PARTITION BY version_id, section ORDER BY nkz_code, level)
  FROM reg_row WHERE version_id = (SELECT id FROM reg_version WHERE state = 'draft');
INSERT INTO reg_count(version_id, section, n)
  SELECT version_id, section, count(*) FROM reg_row GROUP BY 1, 2;
$(sqlite3 "$3" "SELECT sql || ';' FROM sqlite_schema
                 WHERE type = 'index' AND tbl_name = 'reg_row' AND name GLOB 'reg_row_[fs]o[lr][dt]_*'")
INSERT INTO reg_fts(reg_fts) VALUES ('rebuild');
COMMIT;
EOF
}

# The same for a classifier import: the CSV loaded by the sqlite3 shell into
# the program's own table (its indexes made after the rows are in, its
# search index rebuilt once), the folded names by lower(), with none of
# the program's checks of codes, levels and parents.
nkz_floor_sql() {  # nkz_floor_sql CSV DB
	cat <<EOF
CREATE TEMP TABLE c(code, level, parent, name_ru, name_kk);
.import --csv --skip 1 --schema temp $1 c
BEGIN;
INSERT INTO meta(key, value) VALUES ('fts_deferred', '1');
$(sqlite3 "$2" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema
                 WHERE type = 'index' AND tbl_name = 'nkz' AND sql IS NOT NULL")
INSERT INTO nkz(code, level, parent, name_kk, name_ru, fold_kk, fold_ru)
  SELECT code, CAST(level AS INTEGER), nullif(parent, ''), name_kk, name_ru, lower(name_kk), lower(name_ru)
  FROM c;
$(sqlite3 "$2" "SELECT sql || ';' FROM sqlite_schema
                 WHERE type = 'index' AND tbl_name = 'nkz' AND sql IS NOT NULL")
INSERT INTO nkz_fts(nkz_fts) VALUES ('rebuild');
DELETE FROM meta WHERE key = 'fts_deferred';
COMMIT;
EOF
}

# A classifier of the real one's size (14,100 occupations) as an XLSX.
K=$W/k14100; mkdir -p "$K"
"$TZB" --db "$K/ref.db" init >/dev/null
"$PY" "$TOP/tests/bench_gen.py" "$K/ref.db" "$W/tpl-kk.csv" "$W/tpl-ru.csv" "$K" 14100 1 ||
	{ echo "bench: generator failed"; exit 3; }

echo "tizilim benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), $(nproc) CPU, $TZB"
echo "ms = wall time, cpu = user + system ms, MB = peak RSS; ratios = tizilim / peer (wall, cpu)"
"$TZB" --db "$K/a.db" init >/dev/null
run nkz14k "$TZB" --db "$K/a.db" import-nkz "$K/nkz.xlsx"
[ $HAVE_X2C = 1 ] && run x2c_nkz14k xlsx2csv "$K/nkz.xlsx" "$K/x2c-nkz.csv"
echo
echo "== a classifier of 14,100 occupations, XLSX =="
printf "$FMT" step ms cpu MB peer ms cpu MB ratio cpu
row "classifier import, XLSX" nkz14k "xlsx2csv" x2c_nkz14k

for n in $SIZES; do
	occ=$(( n / 2 )); [ $occ -lt 1 ] && occ=1
	D=$W/d$n; mkdir -p "$D"
	"$TZB" --db "$D/ref.db" init >/dev/null
	"$PY" "$TOP/tests/bench_gen.py" "$D/ref.db" "$W/tpl-kk.csv" "$W/tpl-ru.csv" "$D" $occ $n ||
		{ echo "bench: generator failed"; exit 3; }

	run init$n "$TZB" --db "$D/a.db" init
	run nkzcsv$n "$TZB" --db "$D/a.db" import-nkz "$D/nkz.csv"
	run sq_nkz$n sqlite3 "$D/peer-nkz.db" ".import --csv $D/nkz.csv nkz"
	"$TZB" --db "$D/nkzfloor.db" init >/dev/null
	nkz_floor_sql "$D/nkz.csv" "$D/nkzfloor.db" >"$D/nkzfloor.sql"
	run nkzfloor$n sqlite3 "$D/nkzfloor.db" ".read $D/nkzfloor.sql"
	got=$(sqlite3 "$D/nkzfloor.db" "SELECT count(*) FROM nkz")
	want=$(sqlite3 "$D/a.db" "SELECT count(*) FROM nkz")
	[ "$got" = "$want" ] || echo "bench: the classifier floor loaded $got occupations, the program $want" >&2
	"$TZB" --db "$D/x.db" init >/dev/null
	run nkzxlsx$n "$TZB" --db "$D/x.db" import-nkz "$D/nkz.xlsx"
	[ $HAVE_X2C = 1 ] && run x2c_nkz$n xlsx2csv "$D/nkz.xlsx" "$D/x2c-nkz.csv"

	"$TZB" --db "$D/a.db" cycle open 2025 spring >/dev/null
	cp "$D/a.db" "$D/floor.db"
	floor_sql "$D/reg-kk.csv" "$D/reg-ru.csv" "$D/floor.db" >"$D/floor.sql"
	run regcsv$n "$TZB" --db "$D/a.db" import "$D/reg-kk.csv" "$D/reg-ru.csv"
	run sq_reg$n sh -c "sqlite3 '$D/peer-reg.db' '.import --csv $D/reg-kk.csv kk' '.import --csv $D/reg-ru.csv ru'"
	run floor$n sqlite3 "$D/floor.db" ".read $D/floor.sql"
	got=$(sqlite3 "$D/floor.db" "SELECT count(*) FROM reg_row")
	[ "$got" = "$n" ] || echo "bench: the floor loaded $got rows, not $n" >&2
	[ $HAVE_VD = 1 ] && run vd_reg$n vd -b "$D/reg-kk.csv" -o "$D/vd-reg.csv"

	run expcsv$n "$TZB" --db "$D/a.db" export --lang kk -o "$D/out-kk.csv"
	run sq_exp$n sqlite3 -csv "$D/peer-reg.db" ".once $D/sq-out.csv" "SELECT * FROM kk"
	run expxlsx$n "$TZB" --db "$D/a.db" export --format xlsx --lang kk -o "$D/out-kk.xlsx"
	"$TZB" --db "$D/a.db" export --format xlsx --lang ru -o "$D/out-ru.xlsx" >/dev/null
	[ $HAVE_VD = 1 ] && run vd_xlsx$n vd -b "$D/reg-kk.csv" -o "$D/vd-reg.xlsx"

	"$TZB" --db "$D/y.db" init >/dev/null
	"$TZB" --db "$D/y.db" import-nkz "$D/nkz.csv" >/dev/null
	"$TZB" --db "$D/y.db" cycle open 2025 spring >/dev/null
	run regxlsx$n "$TZB" --db "$D/y.db" import "$D/out-kk.xlsx" "$D/out-ru.xlsx"
	[ $HAVE_X2C = 1 ] && run x2c_reg$n sh -c "xlsx2csv '$D/out-kk.xlsx' '$D/x2c-kk.csv' && xlsx2csv '$D/out-ru.xlsx' '$D/x2c-ru.csv'"

	tui $n "$D/a.db"
	cp "$D/a.db" "$D/two.db"
	two_versions "$D/two.db" && tui_search "$D/two.db" "$W/two-$n.log"

	rows=$(sqlite3 "$D/a.db" "SELECT count(*) FROM reg_row")
	codes=$(sqlite3 "$D/a.db" "SELECT count(*) FROM nkz WHERE level = 6")
	echo
	echo "== $rows register rows, $codes occupations =="
	printf "$FMT" step ms cpu MB peer ms cpu MB ratio cpu
	row "create the database" init$n "" ""
	row "classifier import, CSV" nkzcsv$n "sqlite3 .import" sq_nkz$n
	row "" nkzcsv$n "floor: sqlite3, our table" nkzfloor$n
	row "classifier import, XLSX" nkzxlsx$n "xlsx2csv" x2c_nkz$n
	row "register import, CSV kk+ru" regcsv$n "sqlite3 .import (kk+ru)" sq_reg$n
	row "" regcsv$n "floor: sqlite3, our tables" floor$n
	row "" regcsv$n "vd -b load+save CSV" vd_reg$n
	row "register import, XLSX kk+ru" regxlsx$n "xlsx2csv (kk+ru)" x2c_reg$n
	row "register export, CSV" expcsv$n "sqlite3 -csv SELECT" sq_exp$n
	row "" expcsv$n "vd -b load+save CSV" vd_reg$n
	row "register export, XLSX" expxlsx$n "vd -b CSV to XLSX" vd_xlsx$n
	first=$(awk '$1 == "first-screen" { printf "%.1f", $2 / 1000 }' "$W/timing-$n.log")
	printf '%-30s %7s %7s %6s   %s\n' "start to first register screen" "${first:--}" "" "$(mb tui$n)" "(target 200 ms; MB = the session's peak)"
	echo "tui$n - - $(cat "$W/tui$n.kb" 2>/dev/null || echo -)" >>"$W/all"
	printf '%-30s %9s %9s %9s %6s   %s\n' "key (ms)" median p99 max n "target: p99 <= 16 ms"
	for k in "PgDn:^KEY_NPAGE$" "End/Home:^KEY_(END|HOME)$" "search letter:^U[+]04" "search Backspace:^KEY_BACKSPACE$"; do
		set -- $(keystats "$W/register-$n.log" "${k#*:}")
		printf '%-30s %9s %9s %9s %6s\n' "${k%%:*}" "$1" "$2" "$3" "$4"
		echo "$n $2 ${k%%:*}" >>"$W/keys"
	done
	for k in "picker letter:^U[+]04" "picker Backspace:^KEY_BACKSPACE$"; do
		set -- $(keystats "$W/picker-$n.log" "${k#*:}")
		printf '%-30s %9s %9s %9s %6s\n' "${k%%:*}" "$1" "$2" "$3" "$4"
		echo "$n $2 ${k%%:*}" >>"$W/keys"
	done
	for k in "search letter:^U[+]04" "search Backspace:^KEY_BACKSPACE$"; do
		set -- $(keystats "$W/two-$n.log" "${k#*:}")
		printf '%-30s %9s %9s %9s %6s\n' "${k%%:*}, two versions" "$1" "$2" "$3" "$4"
		echo "$n $2 ${k%%:*}, two versions" >>"$W/keys"
	done
	# Page faults per key (a fresh page costs one): the screen takes its
	# memory before the first screen, so a key should take next to none.
	awk '$1 != "first-screen" { print $3 }' "$W/register-$n.log" "$W/picker-$n.log" | sort -n |
		awk '{ v[NR] = $1 } END { if (NR) printf "%-30s %9d %9d %9d %6d   %s\n", "  page faults per key",
		      v[int((NR + 1) / 2)], v[int(NR * 0.99 + 0.999)], v[NR], NR, "(median, p99, max; every key above)" }'
	# What the database alone needs for a search's first lookup: the
	# matches of three letters with what orders them, in a new sqlite3
	# process (nothing cached but the system's own file cache), as the
	# program's lookup reads them.
	fl=$(printf '%s\n' ".timer on" "SELECT count(*), sum(length(r.sort_kk)) FROM reg_fts
	        CROSS JOIN reg_row r ON r.id = reg_fts.rowid WHERE reg_fts MATCH 'сле';" |
	     sqlite3 "$D/a.db" 2>&1 | awk '/^Run Time/ { printf "%.2f", $4 * 1000 }')
	printf '%-30s %9s   %s\n' "  sqlite3 alone, 'сле' lookup" "${fl:--}" "(ms, a new process: the floor of a search's first lookup)"
done

# How each step grows: its CPU time at each size (its wall time where some
# size ran too briefly for /usr/bin/time's 10 ms to see any CPU), and the
# exponent b of time = a * rows^b fitted by least squares on the logs.
echo
echo "== growth: ms by register rows, and the exponent of the fit (1.0 is linear) =="
awk -v sizes="$SIZES" '
	{ n = $1; sub(/^[a-z_]*/, "", n); step = substr($1, 1, length($1) - length(n))
	  if (n !~ /^[0-9]+$/ || step == "tui") next
	  w[step, n] = $2; c[step, n] = $3
	  if (!(step in seen)) { seen[step] = 1; order[++ns] = step } }
	END {
		k = split(sizes, S, " ")
		printf "%-10s %5s", "step", "clock"; for (i = 1; i <= k; i++) printf " %10s", S[i]; printf " %9s\n", "exponent"
		for (j = 1; j <= ns; j++) {
			s = order[j]; cpu = 1
			for (i = 1; i <= k; i++) if ((s, S[i]) in c && !(c[s, S[i]] > 0)) cpu = 0
			m = 0; sx = sy = sxx = sxy = 0
			printf "%-10s %5s", s, cpu ? "cpu" : "wall"
			for (i = 1; i <= k; i++) {
				t = ((s, S[i]) in w) ? (cpu ? c[s, S[i]] : w[s, S[i]]) : ""
				printf " %10s", t == "" ? "-" : t
				if (t != "" && t > 0) { x = log(S[i]); y = log(t); m++; sx += x; sy += y; sxx += x * x; sxy += x * y }
			}
			if (m >= 2 && m * sxx - sx * sx > 0) printf " %9.2f\n", (m * sxy - sx * sy) / (m * sxx - sx * sx)
			else printf " %9s\n", "-"
		}
	}' "$W/all"

# The targets (SPEC 4, issue 14) at the largest size; a ratio <= 1.00 is met.
big=$(echo $SIZES | awk '{ print $NF }')
echo
echo "== targets at $big register rows: figure, target, figure / target =="
tgt() {  # tgt LABEL FIGURE TARGET UNIT
	awk -v l="$1" -v f="$2" -v t="$3" -v u="$4" 'BEGIN {
		if (f == "" || f == "-") { printf "%-46s %s\n", l, "not measured"; exit }
		printf "%-46s %8.2f %-2s %7.2f %-2s %6.2f %s\n", l, f, u, t, u, f / t, f / t <= 1 ? "met" : "MISSED" }'
}
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b > 0) print a / b; else print "-" }'; }
for k in PgDn End/Home "search letter" "search Backspace" "picker letter" "picker Backspace" \
         "search letter, two versions" "search Backspace, two versions"; do
	tgt "key $k, p99" "$(awk -v n="$big" -v k="$k" '$1 == n && substr($0, index($0, $3)) == k { print $2 }' "$W/keys")" 16 ms
done
tgt "register import CSV / sqlite3 .import, cpu" "$(div "$(cpu regcsv$big)" "$(cpu sq_reg$big)")" 5 x
tgt "register import CSV / sqlite3 .import, wall" "$(div "$(ms regcsv$big)" "$(ms sq_reg$big)")" 5 x
tgt "register import CSV / the floor, cpu" "$(div "$(cpu regcsv$big)" "$(cpu floor$big)")" 5 x
tgt "classifier import CSV / sqlite3 .import, cpu" "$(div "$(cpu nkzcsv$big)" "$(cpu sq_nkz$big)")" 3 x
tgt "classifier import CSV / the floor, cpu" "$(div "$(cpu nkzcsv$big)" "$(cpu nkzfloor$big)")" 3 x
tgt "classifier XLSX, 14,100 occupations, wall" "$(div "$(ms nkz14k)" 1000)" 0.5 s
peak=$(awk '$1 !~ /^(sq_|x2c_|vd_|floor)/ && $4 ~ /^[0-9]+$/ && $4 + 0 > m { m = $4; s = $1 } END { printf "%.1f %s", m / 1024, s }' "$W/all")
tgt "peak memory, any step at any size (${peak#* })" "${peak%% *}" 24 MB
