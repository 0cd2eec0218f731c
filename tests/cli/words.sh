#!/bin/sh
# The words of documents and outputs: official names only, one term a
# concept, dates as each language writes them, and no word of the program's
# own (a state, table, column, event or body code) in what the commands
# print, in Kazakh and in Russian.
. "$(dirname "$0")/../lib.sh"

# --- the catalogs and the data hold none of the corrected forms ------------
# grep_none NAME PATTERN FILE...: no line of FILE matches PATTERN
grep_none() { n=$1 p=$2; shift 2; hits=$(grep -n -- "$p" "$@" 2>/dev/null | head -3)
	if [ -z "$hits" ]; then ok "$n"; else bad "$n" "$hits"; fi; }
cd "$TOP" || exit 1
SRCS="po/kk.po po/ru.po data/reference.sql data/demo.sql"
grep_none "no 'Министерство промышленности и инфраструктурного'" "промышленности и инфраструктурного" $SRCS src/*/*.c
grep_none "no 'Өнеркәсіп және инфрақұрылымдық'" "Өнеркәсіп және инфрақұрылымдық" $SRCS src/*/*.c
grep_none "the Council is 'по профессиональным квалификациям'" "по профессиональной квалификации" $SRCS src/*/*.c
grep_none "the Council in Kazakh as the Order writes it" "біліктіліктер жөніндегі ұлттық" $SRCS src/*/*.c
grep_none "Kazakh act titles: the title first" "Республикасының «" data/demo.sql
grep_none "approve is утвердить" "^msgstr.*[Оо]добр" po/ru.po
grep_none "approve is мақұлдау" "^msgstr.*[Бб]екіт" po/kk.po
grep_none "draft is проект" "^msgstr.*[Чч]ерновик" po/ru.po
grep_none "no bare 'Отраслевой орган'" "Отраслев[а-я]* орган" po/ru.po
grep_none "help placeholders in Kazakh" '^msgstr.*\(\bFILE\b\|\bCOMMAND\b\|\bYEAR\b\|\bSEASON\b\)' po/kk.po
# маусым is June in a calendar: the season is жартыжылдық, and маусым is
# only the month (its name and the press release's declined forms).
expect "маусым only as June" 'msgid "June"' "$(grep -B1 '^msgstr.*[Мм]аусым' po/kk.po | grep '^msgid')"
cd - >/dev/null || exit 1

# --- databases made before: the names corrected when opened ---------------
OLD=$TMP/old.db
"$TZB" --db "$OLD" init >/dev/null 2>&1 || bad init "cannot create a database"
sqlite3 "$OLD" "UPDATE body SET name_ru = 'Министерство промышленности и инфраструктурного развития Республики Казахстан',
                 short_ru = 'Министерство промышленности и инфраструктурного развития' WHERE code = 'industry';
                UPDATE council SET name_kk = replace(name_kk, 'Индустрия және', 'Өнеркәсіп және'),
                 name_ru = replace(name_ru, 'индустрии и', 'промышленности и')
                 WHERE body_id = (SELECT id FROM body WHERE code = 'industry');
                PRAGMA user_version = 11;"
status "an old database opens" 0 "$TZB" --db "$OLD" --lang ru cycle list
# Renamed, then shortened to its abbreviation by the next step (schema 13).
expect "its ministry renamed" "МИИР" \
	"$(sqlite3 "$OLD" "SELECT short_ru FROM body WHERE code = 'industry'")"
expect "and its full name" "Министерство индустрии и инфраструктурного развития Республики Казахстан" \
	"$(sqlite3 "$OLD" "SELECT name_ru FROM body WHERE code = 'industry'")"
expect "its council in both languages" "0" \
	"$(sqlite3 "$OLD" "SELECT count(*) FROM council WHERE name_ru LIKE '%промышленности и инфраструктурного%' OR name_kk LIKE '%Өнеркәсіп және%'")"
"$TZB" --db "$TMP/current.db" init >/dev/null 2>&1 || bad init "cannot create a database"
expect "the schema is current" "$(sqlite3 "$TMP/current.db" "PRAGMA user_version")" \
	"$(sqlite3 "$OLD" "PRAGMA user_version")"

# --- dates in words --------------------------------------------------------
DB=$TMP/w.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
contains "ru: weekday, genitive month, г." "среда, 27 мая 2026 г." "$("$TZB" --db "$DB" --lang ru deadlines --date 2026-05-27)"
contains "kk: жылғы, lower-case month and weekday" "2026 жылғы 27 мамыр, сәрсенбі" \
	"$("$TZB" --db "$DB" --lang kk deadlines --date 2026-05-27)"
P_RU=$("$TZB" --db "$DB" --lang ru press show --lang ru)
contains "ru press release: the placement date" "4 декабря 2025 г." "$P_RU"
contains "ru press release: the Council by its name" "Национального совета по профессиональным квалификациям от 20 ноября 2025 г." "$P_RU"
P_KK=$("$TZB" --db "$DB" --lang kk press show --lang kk)
contains "kk press release: declined dates" "2025 жылғы 4 желтоқсанда" "$P_KK"
contains "kk press release: the Council by its name" "Кәсіптік біліктілік жөніндегі ұлттық кеңестің 2025 жылғы 20 қарашадағы" "$P_KK"

# --- the help speaks the user's language ------------------------------------
H=$("$TZB" --lang kk --help)
contains "kk help: ФАЙЛ" "[--db ФАЙЛ]" "$H"
contains "kk help: КОМАНДА" "[КОМАНДА [АРГУМЕНТТЕР]]" "$H"
contains "kk help: the command syntax" "import-nkz ФАЙЛ" "$H"
lacks "kk help: no FILE" "FILE" "$H"
lacks "kk help: no COMMAND" "COMMAND" "$H"
H=$("$TZB" --lang ru --help)
contains "ru help: ФАЙЛ" "cycle list | show [ГОД СЕЗОН]" "$H"
lacks "ru help: no FILE" "FILE" "$H"

# --- no internal words in what the commands print ---------------------------
export TIZILIM_TODAY=2027-01-05
"$TZB" --db "$DB" cycle open 2027 spring >/dev/null 2>&1 || bad setup "cycle open"
"$TZB" --db "$DB" proposal add --body industry --action include --section mandatory --code 7212-1-008 \
	--levels 4 --validity 5 --profile t --basis-kk "Заң" --basis-ru "Закон" >/dev/null 2>&1 ||
	bad setup "proposal add"
"$TZB" --db "$DB" proposal edit 1 --action amend >/dev/null 2>&1 || bad setup "proposal edit"
"$TZB" --db "$DB" user add nobody sb_clerk health --reason "a clerk" >/dev/null 2>&1 || bad setup "user add"
"$TZB" --db "$DB" review approve 5131-1-001:3 >/dev/null 2>&1
"$TZB" --db "$DB" review return 5131-1-001:4 --comment "түзету керек" >/dev/null 2>&1

# The stored words a clerk must never read: states, actions, events, tables,
# columns and body codes.
RAW="draft published submitted recommended accepted rejected applied returned sent agreed remarks
include exclude amend insert update delete seal mandatory voluntary spring autumn
reg_row reg_version app_user proposal_event proposal_level change_decision council_agreement
press_release calendar_day holiday_rule nrk_level body_id nkz_code name_kk name_ru basis_kk basis_ru
safety_kk safety_ru demand_ru standard_ru legal_act_kk legal_act_ru version_id cycle_id council_protocol
council_sub_date placed_date association_id
labour health industry finance trade agriculture ab_clerk ab_approver sb_clerk"
printf '%s\n' $RAW > "$TMP/raw"
# raw_free NAME TEXT: none of the words, as a word, in TEXT
raw_free() {
	found=$(printf '%s\n' "$2" | grep -owF -f "$TMP/raw" | sort -u | tr '\n' ' ')
	if [ -z "$found" ]; then ok "$1"; else bad "$1" "raw words: $found in: $2"; fi
}
for l in kk ru; do
	for cmd in "cycle list" "cycle show" "proposal list" "proposal show 1" "proposal check 1" \
	           "log" "review show" "diff" "user list" "deadlines"; do
		# shellcheck disable=SC2086
		o=$("$TZB" --db "$DB" --lang $l $cmd 2>&1)
		[ -n "$o" ] || bad "$l $cmd" "printed nothing"
		raw_free "$l $cmd: no internal words" "$o"
	done
done
o=$("$TZB" --db "$DB" --lang ru proposal list)
contains "ru proposal list: the action" "изменение" "$o"
contains "ru proposal list: the body" "МИИР" "$o"
contains "ru proposal list: the state" "проект" "$o"
o=$("$TZB" --db "$DB" --lang kk log --object reg_row)
contains "kk log: a decision by the row's code and level" "5131-1-001, 4-деңгей" "$("$TZB" --db "$DB" --lang kk log --object change_decision)"
contains "kk log: a row edited, field by its label" "$(TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext tizilim Validity): 3 жыл → 5 жыл" "$o"
o=$("$TZB" --db "$DB" --lang ru log --object app_user)
contains "ru log: the role by its label" "Роль: специалист отраслевого государственного органа" "$o"
contains "ru log: the body by its name" "Минздрав" "$o"
# proposal check names each missing item in words, with no field key before it
o=$("$TZB" --db "$DB" --lang ru proposal check 1)
lacks "ru proposal check: no key" "safety_ru:" "$o"
contains "ru proposal check: whole message" "на русском языке." "$o"

# Scripts keep the stored identifiers.
T=$(printf '\t')
o=$("$TZB" --db "$DB" log --object app_user --format tsv)
contains "tsv: table, login, action" "app_user${T}nobody${T}insert" "$o"
status "log --format bogus" 2 "$TZB" --db "$DB" log --format bogus

done_tests
