#!/bin/sh
# Register rows from files in the terminal (F9, Import register rows): a file
# that cannot be read is said over the form and nothing changes; a name the
# files would change is shown and the clerk chooses — Cancel leaves the
# database as it was, "keep" keeps the register's name, "take" takes the
# file's; in Kazakh and in Russian, at 80x24.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
DB=$TMP/i.db
q() { sqlite3 "$DB" "$1"; }
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad setup "init --demo failed"
"$TZB" --db "$DB" export --lang kk -o "$TMP/kk.csv" >/dev/null 2>&1 &&
"$TZB" --db "$DB" export --lang ru -o "$TMP/ru.csv" >/dev/null 2>&1 || bad setup "export failed"
sed 's/,Газбен кесуші,/,Газ кескіші,/' "$TMP/kk.csv" > "$TMP/kk2.csv"
name_kk() { q "SELECT name_kk FROM reg_row r JOIN reg_version v ON v.id = r.version_id
               WHERE v.state = 'draft' AND nkz_code = '7212-2-001' AND level = '3'"; }
dbsum() { sqlite3 "$DB" .dump | sha256sum; }

for l in kk ru; do
	tz_start 80 24 "cd $TMP && $TZB --db $DB --lang $l 2>>$TMP/err"
	wait_for "$(msg $l Help)" || bad "$l start" "$(screen)"
	TITLE=$(msg $l 'Import register rows')
	open_form() {
		keys F9; sleep 0.2; keys j
		wait_for "$TITLE" || bad "$l form" "$(screen)"
	}
	# A file that is not there: said over the form, nothing written.
	before=$(dbsum)
	open_form
	keys -l "none.csv"; keys Enter
	wait_for "$(msg $l 'Nothing was imported: %s' | sed 's/ *%s.*//')" || bad "$l missing file" "$(screen)"
	keys Enter
	contains "$l: back on the form" "none.csv" "$(screen)"
	keys Escape
	sleep 0.2
	expect "$l: a missing file changes nothing" "$before" "$(dbsum)"

	# A name that would change: shown; Cancel writes nothing.
	open_form
	keys -l "kk2.csv"; keys Down; keys -l "ru.csv"; keys Enter
	wait_for "Газ кескіші" || bad "$l: the name shown" "$(screen)"
	contains "$l: the question names the row" "7212-2-001" "$(screen)"
	contains "$l: keep offered" "$(msg $l "Keep the register's names")" "$(screen)"
	keys Escape
	sleep 0.3
	expect "$l: Cancel changes nothing" "$before" "$(dbsum)"
	# Keep: the register's name stays, the rest is imported.
	keys Enter
	wait_for "Газ кескіші" || bad "$l: asked again" "$(screen)"
	keys Enter
	wait_for "$(msg $l "The register's names were kept where the files differ." | awk '{print $1" "$2}')" ||
		bad "$l: kept" "$(screen)"
	keys Enter
	expect "$l: keep keeps the name" "Газбен кесуші" "$(name_kk)"
	# Take: the file's name.
	if [ $l = ru ]; then
		open_form
		keys -l "kk2.csv"; keys Enter
		wait_for "Газ кескіші" || bad "$l: asked to take" "$(screen)"
		keys Right Enter
		wait_for "$(msg $l "The files' names were taken where they differ." | awk '{print $1" "$2}')" ||
			bad "$l: taken" "$(screen)"
		keys Enter
		expect "$l: take takes the file's name" "Газ кескіші" "$(name_kk)"
	fi
	keys F10
	wait_dead || bad "$l quit" "$(screen)"
done
expect "nothing on stderr" "" "$(cat "$TMP/err" 2>/dev/null)"
done_tests
