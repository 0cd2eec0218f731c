#!/bin/sh
# A whole spring cycle on the command line, then an autumn one from the
# register it published: proposals through their rounds, the council's
# agreement, late submission, the completeness check, remarks with a rework
# deadline across Nauryz, review, the Council, publication, the press release
# in both languages, and the export of the published register.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ]; then
	bad "cycle" "must run as root: it creates logins with useradd and runs the program as them"
	done_tests
	exit 1
fi
# The people of a cycle, each a real login: the administrator, a clerk and an
# approver of the authorized body, and a clerk of each of two sectoral bodies.
id=$$
ADM=tzcadm$id AB=tzcab$id AP=tzcap$id SI=tzcsi$id SF=tzcsf$id
USERS="$ADM $AB $AP $SI $SF"
cleanup() {
	for u in $USERS; do userdel "$u" 2>/dev/null; done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
for u in $USERS; do
	useradd -M -N -s /bin/sh -d /nonexistent "$u" || bad "useradd $u" "cannot create the login"
done
# The program and the classifier sample where the logins can reach them.
tz_reachable "$ADM" "$SHARED/data/nkz-sample.csv"
chmod 0711 "$TMP"
SH=$TMP/shared
mkdir -p "$SH/state"
chmod 1777 "$SH" "$SH/state"
DB=$SH/c.db
# Events are recorded once they have happened: today is after the last of
# them (the spring 2027 cycle up to its publication on 20 April).
export TIZILIM_TODAY=2027-04-30
as() {
	u=$1; shift
	runuser -u "$u" -- env HOME="$SH" XDG_DATA_HOME="$SH" XDG_STATE_HOME="$SH/state" \
		XDG_CONFIG_HOME="$SH/state" "$TZB" --db "$DB" "$@"
}
adm() { as "$ADM" "$@"; }
ab() { as "$AB" "$@"; }
ap() { as "$AP" "$@"; }
si() { as "$SI" "$@"; }
sf() { as "$SF" "$@"; }
# the first number in a line of output
num() { printf '%s\n' "$1" | sed -n 's/[^0-9]*\([0-9][0-9]*\).*/\1/p' | head -1; }
# a message as the program says it (Kazakh, its default language)
msg() { LANGUAGE=kk TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -d tizilim "$1"; }
LATE7=$(msg "Late: after the deadline of cl. 7; the submission is marked late.")
pstate() { sqlite3 "$DB" "select state from proposal where id = $1"; }

adm init >/dev/null 2>&1 || bad init "init failed"
chmod 666 "$DB"
adm import-nkz "$RUN/nkz-sample.csv" >/dev/null 2>&1 || bad import-nkz "the sample did not import"
adm user add "$AB" ab_clerk >/dev/null && adm user add "$AP" ab_approver >/dev/null &&
	adm user add "$SI" sb_clerk industry >/dev/null && adm user add "$SF" sb_clerk finance >/dev/null ||
	bad users "cannot add the users"

status "proposal before any cycle" 3 si proposal add --body industry --action include --section voluntary --code 7212-1-008
contains "says to open a cycle" "cycle open" "$out"
status "open spring 2027" 0 ab cycle open 2027 spring
status "open it twice" 3 ab cycle open 2027 spring
status "a season that is none" 2 ab cycle open 2027 winter
contains "cycle list" "2027" "$(adm cycle list)"

# --- an association's proposal: sent, returned with recommendations, resent --
status "association" 0 si proposal association --body industry --name-kk "Дәнекерлеушілер қауымдастығы" --name-ru "Ассоциация сварщиков"
A=$(num "$out")
status "association's proposal" 0 si proposal add --body industry --association "$A" --action include \
	--section voluntary --code 7212-1-008 --levels 4,5 --validity 5 --profile t \
	--basis-kk "Дәнекерлеу кәсіби стандарты" --basis-ru "Профессиональный стандарт «Сварка»" \
	--safety-kk "Дәнекерлеу жұмыстары адам өміріне қауіпті" --safety-ru "Сварочные работы опасны для жизни" \
	--demand-kk "Өнеркәсіпте сұраныс жоғары" --demand-ru "Высокий спрос в промышленности"
P1=$(num "$out")
status "return before it was sent" 3 si proposal return "$P1" --comment "x"
status "send to the body" 0 si proposal send "$P1" --date 2027-01-06
status "return without recommendations" 3 si proposal return "$P1" --date 2027-01-08
status "returned with recommendations" 0 si proposal return "$P1" --date 2027-01-08 --comment "Кәсіби стандартты атаңыз"
expect "state returned" returned "$(pstate "$P1")"
status "the association reworks" 0 si proposal edit "$P1" --standard-kk "ҚР кәсіби стандарты, 2024" --standard-ru "Профстандарт РК, 2024"
status "and resends" 0 si proposal send "$P1" --date 2027-01-12
expect "second round" 2 "$(sqlite3 "$DB" "select round from proposal where id = $P1")"
hist=$(si proposal show "$P1")
contains "history keeps the first round's return" "$(msg 'returned for rework')" "$hist"
contains "history keeps the recommendation" "Кәсіби стандартты атаңыз" "$hist"
expect "each round kept" "1 sent|1 returned|2 sent" \
	"$(sqlite3 "$DB" "select group_concat(round || ' ' || event, '|') from (select * from proposal_event where proposal_id = $P1 and event in ('sent', 'returned') order by id)")"

# --- the industry body's own proposal, from a key=value file --------------
cat > "$SH/p2.txt" <<'EOF'
# a mandatory one: the legal act is needed (cl. 8-1)
body=industry
action=include
section=mandatory
code=8332-1-002
levels=3
validity=none
profile=t
basis-kk=Жол жүрісі туралы заң
basis-ru=Закон о дорожном движении
safety-kk=Жол қауіпсіздігі
safety-ru=Безопасность дорожного движения
demand-kk=Тасымалдауда сұраныс бар
demand-ru=Спрос в перевозках
standard-kk=Жүргізуші кәсіби стандарты
standard-ru=Профстандарт «Водитель»
legal-act-kk=«Жол жүрісі туралы» ҚР Заңы
legal-act-ru=Закон РК «О дорожном движении»
EOF
status "proposal from a file" 0 si proposal add --from "$SH/p2.txt"
P2=$(num "$out")
echo "colour=red" > "$SH/bad.txt"
status "a file with an unknown key" 2 si proposal add --from "$SH/bad.txt"
contains "names the line" "colour=red" "$out"

# --- the finance body: one incomplete, one complete ----------------------
status "incomplete proposal saved" 0 sf proposal add --body finance --action include --section mandatory \
	--code 2411-1-001 --levels 5,6 --validity 5 --profile sg --basis-kk "Бухгалтерлік есеп туралы заң" \
	--basis-ru "Закон о бухгалтерском учёте" --demand-kk "Сұраныс" --demand-ru "Спрос" \
	--standard-kk "Бухгалтер кәсіби стандарты" --standard-ru "Профстандарт «Бухгалтер»"
P3=$(num "$out")
status "complete proposal" 0 sf proposal add --body finance --action include --section voluntary \
	--code 5120-1-001 --levels 4 --validity 3 --profile t --basis-kk "Аспаз кәсіби стандарты" \
	--basis-ru "Профстандарт «Повар»" --safety-kk "Тамақ қауіпсіздігі" --safety-ru "Безопасность пищи" \
	--demand-kk "Сұраныс" --demand-ru "Спрос" --standard-kk "Аспаз стандарты" --standard-ru "Стандарт «Повар»"
P4=$(num "$out")
status "a clerk of another body cannot touch it" 3 sf proposal edit "$P1" --validity 3
contains "says whose it is" "$SF" "$out"
status "an unknown code is refused" 3 sf proposal add --body finance --action include --section voluntary --code 9999-9-999
contains "names the code" "9999-9-999" "$out"

# --- agreement and submission (cl. 7) ----------------------------------
status "submit before the council agreed" 3 si proposal submit --body industry --date 2027-01-20
contains "says the agreement comes first" "$(msg "The sectoral council's agreement is not recorded: record it first.")" "$out"
status "industry council agrees" 0 si proposal agree --body industry --date 2027-01-20 --protocol 7
expect "both proposals agreed" 2 "$(sqlite3 "$DB" "select count(*) from proposal where state = 'agreed'")"
status "industry submits on time" 0 si proposal submit --body industry --date 2027-02-01
lacks "on time, not late" "$LATE7" "$out"
status "finance council agrees" 0 sf proposal agree --body finance --date 2027-01-30 --protocol 12
status "finance submits late" 0 sf proposal submit --body finance --date 2027-02-03
contains "late said" "$LATE7" "$out"
expect "marked late" "1 1" "$(sqlite3 "$DB" "select group_concat(late, ' ') from proposal where body_id = (select id from body where code = 'finance')")"
expect "on time unmarked" "0 0" "$(sqlite3 "$DB" "select group_concat(late, ' ') from proposal where body_id = (select id from body where code = 'industry')")"

# --- review of completeness (cl. 9) --------------------------------------
status "check the incomplete one" 1 sf proposal check "$P3"
SAFETY=$(msg "Justification 1, bearing on public health, life support or safety (cl. 8)")
LEGAL=$(msg "Justification 4, the legal act making the qualification a condition of practice (cl. 8-1)")
contains "names the missing safety item" "$SAFETY" "$out"
contains "names the missing legal act (cl. 8-1)" "$LEGAL" "$out"
lacks "by its label, not its key" "safety_kk" "$out"
status "check a complete one" 0 sf proposal check "$P4"
status "incomplete cannot be accepted" 1 ab proposal accept "$P3"
contains "lists what is missing" "$LEGAL" "$out"
expect "still submitted" submitted "$(pstate "$P3")"

# Remarks received Friday 19 March, before Nauryz (21-23 March, the Sunday
# moved to Wednesday 24): the rework is due two working days later.
want=$(adm workdays 2027-03-19 2)
status "remarks" 0 ab proposal remarks "$P3" --date 2027-03-19 --text-kk "Қауіпсіздік негіздемесі мен заң жоқ" --text-ru "Нет обоснования безопасности и закона"
contains "rework deadline" "$want" "$out"
expect "the deadline skips the holidays" "2027-03-26" "$want"
expect "stored with the remark" "2027-03-19 $want" "$(sqlite3 "$DB" "select received || ' ' || due from remark where proposal_id = $P3")"
status "remarks without Russian" 3 ab proposal remarks "$P4" --date 2027-03-19 --text-kk "x"
status "accept while in rework" 3 ab proposal accept "$P3"
status "finance reworks" 0 sf proposal edit "$P3" --safety-kk "Қаржы қауіпсіздігі" --safety-ru "Финансовая безопасность" \
	--legal-act-kk "«Бухгалтерлік есеп туралы» Заң" --legal-act-ru "Закон «О бухгалтерском учёте»"
status "resubmitted in time" 0 sf proposal resubmit "$P3" --date 2027-03-26
lacks "not late" "$(msg "Late: after the rework deadline of the remarks; marked late.")" "$out"
expect "remark resolved" 2027-03-26 "$(sqlite3 "$DB" "select resolved from remark where proposal_id = $P3")"
status "an association's draft cannot be accepted" 3 ab proposal apply "$P1"
for p in "$P1" "$P2" "$P3" "$P4"; do
	status "accept $p" 0 ab proposal accept "$p" --date 2027-03-27
done
status "apply all" 0 ab proposal apply --all
expect "rows in the draft, each linked" "6 6" "$(sqlite3 "$DB" "select count(*) || ' ' || count(proposal_id) from reg_row where version_id = (select id from reg_version where state = 'draft')")"
expect "one row per level" "4 5" "$(sqlite3 "$DB" "select group_concat(level, ' ') from (select level from reg_row where nkz_code = '7212-1-008' order by level)")"

# --- review, the Council, publication -----------------------------------
out=$(ab review show)
contains "review lists the added rows" "+ 7212-1-008:4" "$out"
contains "review totals by level" "$(printf "$(msg 'level %s')" 5)" "$out"
contains "review totals by body" "$(sqlite3 "$DB" "select short_kk from body where code = 'finance'")" "$out"
status "publish before the Council" 3 ab publish --date 2027-04-02
contains "says the recommendations are missing" "$(msg "The register cannot be published before the Council's recommendations are recorded.")" "$out"
status "to the Council before review" 3 ab cycle council-submit --date 2027-03-30
contains "says how many to review" "$(printf "$(LANGUAGE=kk TEXTDOMAINDIR=$TOP/$BUILD/locale ngettext -d tizilim "%d change of the draft is not approved in review yet: the Council gets an approved register." "%d changes of the draft are not approved in review yet: the Council gets an approved register." 6)" 6)" "$out"
status "return without a comment" 3 ab review return 5120-1-001:4
status "return a change" 0 ab review return 5120-1-001:4 --comment "Деңгейді тексеріңіз"
status "approve the rest" 0 ap review approve --all
contains "five approved" "$(printf "$(LANGUAGE=kk TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -e -d tizilim '%d changes approved.\n')" 5)" "$out"
status "a returned change still holds it" 3 ab cycle council-submit --date 2027-03-30
status "approve the returned one after all" 0 ap review approve 5120-1-001:4
status "no such change" 3 ap review approve 1111-1-111:4
status "to the Council" 0 ab cycle council-submit --date 2027-03-30
status "recommendations without protocol" 3 ab cycle recommendations --date 2027-04-10
status "recommendations" 0 ab cycle recommendations --date 2027-04-12 --protocol 3 --return 5120-1-001:4 --comment "Деңгейі сәйкес емес"
contains "placement deadline" "$(adm workdays 2027-04-12 10)" "$out"
expect "the Council's return is undone" 0 "$(sqlite3 "$DB" "select count(*) from reg_row r join reg_version v on v.id = r.version_id where v.state = 'recommended' and r.nkz_code = '5120-1-001'")"
status "publish" 0 ab publish --date 2027-04-20
contains "press deadline" "$(adm workdays 2027-04-20 3)" "$out"
# A backup is taken before publishing, and it holds the register as it was.
bk=$(ls "$SH"/backups/tizilim-*.db 2>/dev/null | head -1)
[ -n "$bk" ] && ok "backup before publishing" || bad "backup before publishing" "no file in $SH/backups"
[ -n "$bk" ] && expect "backup is of the unpublished register" 0 \
	"$(sqlite3 "$bk" "select count(*) from reg_version where state = 'published' and id = (select max(id) from reg_version where state <> 'draft')")"
pub=$(sqlite3 "$DB" "select id from reg_version where state = 'published'")
expect "placed date kept" 2027-04-20 "$(sqlite3 "$DB" "select placed_date from cycle where year = 2027 and season = 'spring'")"
status "publish twice" 3 ab publish --date 2027-04-21
sqlite3 "$DB" "update reg_row set validity = 9 where version_id = $pub" 2>/dev/null &&
	bad "published is read-only" "an update went through" || ok "published is read-only"
expect "a new draft from it" 5 "$(sqlite3 "$DB" "select count(*) from reg_row r join reg_version v on v.id = r.version_id where v.state = 'draft' and v.base_id = $pub")"

kk=$(ab press show --lang kk)
contains "kk press: added" "Кәсіптер тізіліміне 3 кәсіп енгізілді" "$kk"
# Rows added from a proposal's code take the classifier's name in ordinary
# case, the register's way.
contains "kk press: names" "Пісіруші (7212-1-008)" "$kk"
lacks "kk press: no capitals from the classifier" "ПІСІРУШІ" "$kk"
contains "kk press: Council date" "2027 жылғы 12 сәуірдегі" "$kk"
lacks "kk press: returned row not named" "5120-1-001" "$kk"
ru=$(ab press show --lang ru)
contains "ru press: plural of 3" "В Реестр профессий включены 3 профессии" "$ru"
contains "ru press: date" "20 апреля 2027 г." "$ru"
contains "ru press: protocol" "протокол № 3" "$ru"
contains "ru press: total" "Всего в обновлённом Реестре 3 профессии" "$ru"
printf 'Исправленный пресс-релиз.\n' > "$SH/ru.txt"
status "press edit" 0 ab press edit --lang ru "$SH/ru.txt"
expect "edited text kept" "Исправленный пресс-релиз." "$(ab press show --lang ru)"
expect "kk left as drafted" "$kk" "$(ab press show --lang kk)"
echo "Өңделген" | ab press edit --lang kk - >/dev/null
expect "edit from stdin" "Өңделген" "$(ab press show --lang kk)"

status "export the published register" 0 ab export --lang kk --version "$pub" -o "$SH/spring.csv"
contains "export has the welder" "7212-1-008" "$(cat "$SH/spring.csv")"
lacks "export lacks the returned row" "5120-1-001" "$(cat "$SH/spring.csv")"

# --- autumn, from the published register --------------------------------
export TIZILIM_TODAY=2027-05-04
status "open autumn" 0 ab cycle open 2027 autumn
expect "the draft is autumn's" autumn "$(sqlite3 "$DB" "select c.season from reg_version v join cycle c on c.id = v.cycle_id where v.state = 'draft'")"
# The autumn's events up to its publication on 25 November have happened.
export TIZILIM_TODAY=2027-11-30
status "exclude" 0 si proposal add --body industry --action exclude --section mandatory --code 8332-1-002 \
	--demand-kk "Сұраныс жоқ" --demand-ru "Спроса нет"
E=$(num "$out")
status "amend" 0 si proposal add --body industry --action amend --section voluntary --code 7212-1-008 --levels 4 \
	--validity 3 --profile t --basis-kk "Дәнекерлеу кәсіби стандарты" --basis-ru "Профессиональный стандарт «Сварка»" \
	--safety-kk "Қауіпті" --safety-ru "Опасно" --demand-kk "Сұраныс" --demand-ru "Спрос" \
	--standard-kk "Стандарт" --standard-ru "Стандарт"
M=$(num "$out")
status "include" 0 sf proposal add --body finance --action include --section voluntary --code 5120-1-001 \
	--levels 4 --validity 3 --profile t --basis-kk "Аспаз кәсіби стандарты" --basis-ru "Профстандарт «Повар»" \
	--safety-kk "Тамақ" --safety-ru "Пища" --demand-kk "Сұраныс" --demand-ru "Спрос" \
	--standard-kk "Стандарт" --standard-ru "Стандарт"
I=$(num "$out")
si proposal agree --body industry --date 2027-08-20 --protocol 21 >/dev/null
sf proposal agree --body finance --date 2027-08-21 --protocol 22 >/dev/null
status "autumn submit on 1 September" 0 si proposal submit --body industry --date 2027-09-01
lacks "1 September is on time" "$LATE7" "$out"
status "autumn submit on 2 September" 0 sf proposal submit --body finance --date 2027-09-02
contains "2 September is late" "$LATE7" "$out"
for p in "$E" "$M" "$I"; do ab proposal accept "$p" --date 2027-09-10 >/dev/null || bad "accept $p" "refused"; done
status "apply autumn (by the administrator)" 0 adm proposal apply --all
out=$(ab review show)
contains "removed row" "- 8332-1-002:3" "$out"
contains "changed row" "~ 7212-1-008:4" "$out"
contains "changed column named" "$(msg "validity (column 6)")" "$out"
contains "level 5 removed by the amendment" "- 7212-1-008:5" "$out"
status "whoever applied a change cannot approve it" 3 adm review approve 8332-1-002:3
contains "names the author" "$ADM" "$out"
status "a clerk cannot approve" 3 ab review approve 8332-1-002:3
status "the approver approves" 0 ap review approve --all
expect "decisions by the approver" "$AP" "$(sqlite3 "$DB" "select group_concat(distinct login) from change_decision where stage = 'review' and version_id = (select id from reg_version where state = 'draft')")"
ab cycle council-submit --date 2027-10-20 >/dev/null || bad "autumn council" "refused"
ab cycle recommendations --date 2027-11-15 --protocol 9 >/dev/null || bad "autumn recommendations" "refused"
status "publish autumn" 0 ab publish --date 2027-11-25
ru=$(ab press show --lang ru)
contains "ru: one included" "В Реестр профессий включена 1 профессия" "$ru"
contains "ru: one excluded" "Из Реестра профессий исключена 1 профессия" "$ru"
contains "ru: one changed" "Изменены сведения о 1 профессии" "$ru"
kk=$(ab press show --lang kk)
contains "kk: excluded" "Кәсіптер тізілімінен 1 кәсіп алып тасталды" "$kk"
contains "kk: changed" "1 кәсіп бойынша мәліметтер өзгертілді" "$kk"
expect "two published versions" 2 "$(sqlite3 "$DB" "select count(*) from reg_version where state = 'published'")"

done_tests
