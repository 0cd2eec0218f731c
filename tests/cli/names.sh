#!/bin/sh
# Column 2 is the register's own text: the demo names its occupations as the
# classifier does, check reports a name that is not its code's, and a round
# trip through the exported files changes no name even when the classifier
# is the real one, in capitals.
. "$(dirname "$0")/../lib.sh"

DB=$TMP/r.db
$TZB --db "$DB" init --demo >/dev/null 2>&1 || bad init "init --demo failed"
q() { sqlite3 "$DB" "$1"; }
draft() { q "select id from reg_version where state = 'draft'"; }
names() { q "select nkz_code, level, name_kk, name_ru from reg_row where version_id = $(draft) order by 1, 2"; }
t() { LANGUAGE=$1 TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -e -d tizilim "$2"; }
f() {
	_f=$(t "$1" "$2" | sed 's/%l*\([dux]\)/%\1/g'); shift 2
	# shellcheck disable=SC2059
	printf "$_f" "$@"
}
# nf LANG SINGULAR PLURAL N ARG...: a plural message filled in
nf() {
	_f=$(LANGUAGE=$1 TEXTDOMAINDIR=$TOP/$BUILD/locale ngettext -e -d tizilim "$2" "$3" "$4" |
		sed 's/%l*\([dux]\)/%\1/g'); shift 4
	# shellcheck disable=SC2059
	printf "$_f" "$@"
}

# --- the demo names real occupations under their real codes ---------------
expect "7212-1-008 is the welder" "Пісіруші|Сварщик" \
	"$(q "select distinct name_kk || '|' || name_ru from reg_row where nkz_code = '7212-1-008'")"
expect "no electric gas welder under the welder's code" 0 \
	"$(q "select count(*) from reg_row where nkz_code = '7212-1-008' and name_ru = 'Электрогазосварщик'")"
expect "the hairdresser is not the assistant's code" 0 \
	"$(q "select count(*) from reg_row where nkz_code = '5141-1-001'")"
expect "the hairdresser's code" "Шаштаразшы|Парикмахер" \
	"$(q "select distinct name_kk || '|' || name_ru from reg_row where nkz_code = '5141-1-002'")"
expect "no Russian word in the crane operator's Kazakh name" "Кран машинисі (краншы)" \
	"$(q "select distinct name_kk from reg_row where nkz_code = '8343-1-001'")"
expect "no крановщик in any Kazakh name" 0 \
	"$(q "select count(*) from (select name_kk from reg_row union all select name_kk from nkz) where name_kk like '%крановщик%'")"
status "the demo checks clean" 0 $TZB --db "$DB" check

# --- the real classifier, in capitals ----------------------------------------
status "import the classifier sample" 0 $TZB --db "$DB" import-nkz "$SHARED/data/nkz-sample.csv"
expect "the classifier is in capitals" "СВАРЩИК" "$(q "select name_ru from nkz where code = '7212-1-008'")"
before=$(names)
status "check against the real classifier" 1 $TZB --db "$DB" --lang ru check
lacks "the welder's name is the classifier's" "7212-1-008" "$out"
lacks "the hairdresser's too" "5141-1-00" "$out"
lacks "case alone is no difference" "7212-2-001" "$out"
lacks "nor a Latin I typed for І" "8343-1-001" "$out"
lacks "nor the cook" "5120-9-005" "$out"

# --- export, then import the same files: nothing changes -------------------
for fmt in csv xlsx; do
	status "export kk $fmt" 0 $TZB --db "$DB" export --format $fmt --lang kk -o "$TMP/kk.$fmt"
	status "export ru $fmt" 0 $TZB --db "$DB" export --format $fmt --lang ru -o "$TMP/ru.$fmt"
	status "import both $fmt" 0 $TZB --db "$DB" import "$TMP/kk.$fmt" "$TMP/ru.$fmt"
	rows=$(echo "$before" | wc -l)
	contains "$fmt: zero changes" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
	expect "$fmt: no name changed" "$before" "$(names)"
	for l in kk ru; do
		status "import $l $fmt alone" 0 $TZB --db "$DB" import "$TMP/$l.$fmt"
		contains "$l $fmt alone: zero changes" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
	done
	expect "$fmt: still no name changed" "$before" "$(names)"
done

# A file in capitals differs only in case: the register keeps its names.
sed 's/,Сварщик,/,СВАРЩИК,/; s/,Газорезчик,/,газорезчик ,/' "$TMP/ru.csv" > "$TMP/ru-caps.csv"
status "import names differing in case and spacing" 0 $TZB --db "$DB" import "$TMP/ru-caps.csv"
contains "case: zero changes" "$(f kk '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
expect "case: names kept" "$before" "$(names)"

# --- a file that would rename a row -----------------------------------------
sed 's/,Газорезчик,/,Газосварщик,/' "$TMP/ru.csv" > "$TMP/ru-renamed.csv"
status "import a renamed row" 0 $TZB --db "$DB" --lang ru import "$TMP/ru-renamed.csv"
contains "says how many names were kept" "$(nf ru "The names of %ld row were kept: the file names it otherwise (the register owns its names; give --replace-names to take the file's):\n" "The names of %ld rows were kept: the file names them otherwise (the register owns its names; give --replace-names to take the file's):\n" 1 1)" "$out"
contains "names the row" "$(f ru '  %s level %s (%s): "%s" in the draft, "%s" in the file\n' 7212-2-001 3 "$(t ru Russian)" Газорезчик Газосварщик)" "$out"
contains "and nothing else changed" "$(f ru '%ld added, %ld changed, %ld unchanged\n' 0 0 "$rows")" "$out"
expect "the name is kept" "Газорезчик" "$(q "select name_ru from reg_row where version_id = $(draft) and nkz_code = '7212-2-001'")"
expect "nothing else kept back" "$before" "$(names)"
status "import it with --replace-names" 0 $TZB --db "$DB" --lang ru import "$TMP/ru-renamed.csv" --replace-names
contains "says the file's names were taken" "$(nf ru "The file's names were taken for %ld row:\n" "The file's names were taken for %ld rows:\n" 1 1)" "$out"
contains "counts the change" "$(f ru '%ld added, %ld changed, %ld unchanged\n' 0 1 $((rows - 1)))" "$out"
expect "the file's name is taken" "Газосварщик" "$(q "select name_ru from reg_row where version_id = $(draft) and nkz_code = '7212-2-001'")"

# --- check reports a name that is not the code's -----------------------------
status "check the renamed row" 1 $TZB --db "$DB" --lang ru check
contains "check names the row" "7212-2-001 3: $(f ru 'Profession name (Russian): "%s" is not the classifier'"'"'s name of this code, "%s", by more than case and spacing.\n' Газосварщик ГАЗОРЕЗЧИК)" "$out"
d=$(draft)
q "update reg_row set name_ru = 'Электрогазосварщик' where version_id = $d and nkz_code = '7212-1-008'"
q "update reg_row set nkz_code = '5141-1-001' where version_id = $d and nkz_code = '5141-1-002'"
status "check the old demo's names" 1 $TZB --db "$DB" --lang ru check
for l in 2 3 4 5; do
	contains "the welder at level $l" "7212-1-008 $l: $(f ru 'Profession name (Russian): "%s" is not the classifier'"'"'s name of this code, "%s", by more than case and spacing.\n' Электрогазосварщик СВАРЩИК)" "$out"
done
contains "the hairdresser under the assistant's code" "5141-1-001 3: $(f ru 'Profession name (Russian): "%s" is not the classifier'"'"'s name of this code, "%s", by more than case and spacing.\n' Парикмахер 'АССИСТЕНТ ПАРИКМАХЕРА')" "$out"
contains "in Kazakh too" "5141-1-001 4: $(f ru 'Profession name (Kazakh): "%s" is not the classifier'"'"'s name of this code, "%s", by more than case and spacing.\n' Шаштаразшы 'ШАШТАРАЗШЫНЫҢ КӨМЕКШІСІ')" "$out"

# --- rows new to the draft take the file's names, or the classifier's offered
# in ordinary case where the file has none ----------------------------------
q "delete from reg_row where version_id = $d"
sed 's/^\([0-9]*\.\),Кран машинисі (краншы),/\1,,/' "$TMP/kk.csv" > "$TMP/kk-blank.csv"
status "import into an empty draft" 0 $TZB --db "$DB" import "$TMP/kk-blank.csv" "$TMP/ru.csv"
expect "new rows take the file's names" "Пісіруші|Сварщик" \
	"$(q "select distinct name_kk || '|' || name_ru from reg_row where version_id = $d and nkz_code = '7212-1-008'")"
expect "a blank name is the classifier's in ordinary case" "Кран машинисі (краншы)" \
	"$(q "select distinct name_kk from reg_row where version_id = $d and nkz_code = '8343-1-001'")"

done_tests
