#!/bin/sh
# The Council's recommendations carried out item by item (Order cl. 11),
# each change of the draft on its ground (cl. 10), on the command line: on
# the demo register a change made with no ground is reported by check and
# then written down as a technical correction; the draft goes to the
# Council; its recommendations amend one change's level, move one row to the
# other section, add one profession and return one change, each citing its
# item; the register is published, and the published register, its CSV and
# XLSX and the review pack carry exactly those results, each change with its
# ground.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ]; then
	bad "council" "must run as root: a clerk's login makes a change that the administrator then approves"
	done_tests
	exit 1
fi
# A clerk of the authorized body, a real login: whoever makes a change cannot
# approve it, and the administrator (the database's creator) approves.
AB=tzccl$$
cleanup() { userdel "$AB" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
useradd -M -N -s /bin/sh -d /nonexistent "$AB" || bad "useradd $AB" "cannot create the login"
tz_reachable "$AB"
SH=$TMP/shared
mkdir -p "$SH/state" && chmod 1777 "$SH" "$SH/state"
DB=$SH/c.db
export TIZILIM_TODAY=2026-04-10
tz() { "$TZB" --db "$DB" "$@"; }
ab() {
	runuser -u "$AB" -- env HOME="$SH" XDG_DATA_HOME="$SH" XDG_STATE_HOME="$SH/state" \
		XDG_CONFIG_HOME="$SH/state" "$TZB" --db "$DB" "$@"
}
q() { sqlite3 "$DB" "$1"; }
msg() { LANGUAGE=${2:-kk} TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -d tizilim "$1"; }
msge() { LANGUAGE=kk TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -e -d tizilim "$1"; }
draft() { q "select id from reg_version where state in ('draft', 'submitted', 'recommended') order by id desc limit 1"; }
row() {  # row VERSION CODE LEVEL COLUMN
	q "select $4 from reg_row where version_id = $1 and nkz_code = '$2' and level = '$3'"
}

tz init --demo >/dev/null 2>&1 || bad setup "init --demo failed"
chmod 666 "$DB"
tz user add "$AB" ab_clerk >/dev/null 2>&1 || bad setup "cannot add the clerk"
BASE=$(q "select id from reg_version where state = 'published'")
V=$(draft)

# --- every change on its ground ----------------------------------------------
status "the demo's changes each have a ground" 0 tz check
# A row changed by an import, with no proposal, no item, no reason behind it:
# the electrician's level 4 certificate valid four years instead of five.
tz export --format csv -o "$TMP/draft0.csv" >/dev/null 2>&1 || bad setup "export refused"
(sed -n 2,4p "$TMP/draft0.csv"; grep "7412-1-005" "$TMP/draft0.csv" | grep ',4,5 жыл,' | sed 's/,4,5 жыл,/,4,4 жыл,/') \
	> "$SH/change.csv"
chmod 644 "$SH/change.csv"
status "a row changed by an import" 0 ab import "$SH/change.csv"
status "check reports the change without a ground" 1 tz check
contains "check names it" "7412-1-005:4" "$out"
NOGROUND=$(msge "%s: the change has no ground (no proposal, no item of the Council's recommendations, no technical correction).\n" | sed 's/^%s//')
contains "check says what is missing" "$NOGROUND" "$out"
# check_grounds NAME: no change without a ground (the sample classifier
# imported below renames occupations, which check reports too).
check_grounds() { out=$(tz check 2>&1); lacks "$1" "$NOGROUND" "$out"; }
out=$(tz review show)
contains "review shows the change without a ground" "$(msg 'no ground')" "$out"
status "a correction needs its reason" 2 ab review ground 7412-1-005:4
status "a correction of no change" 3 ab review ground 7412-1-005:3 --correction "x"
status "a technical correction with its reason" 0 ab review ground 7412-1-005:4 --correction "Мерзімі қате жазылған"
status "check passes again" 0 tz check
out=$(tz --lang ru review show)
contains "review shows the correction, in Russian" "$(msg 'technical correction: %s' ru | sed 's/%s/Мерзімі қате жазылған/')" "$out"

# --- to the Council and its recommendations ---------------------------------
# The sample classifier holds the profession the Council adds.
tz import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 || bad setup "the classifier sample did not import"
status "review approves all" 0 tz review approve --all
nlog=$(q "select count(*) from change_log where object = 'change_decision'")
status "approving a change again" 0 tz review approve 7212-2-001:3
expect "deciding a change again as it stands is not logged again" "$nlog" \
	"$(q "select count(*) from change_log where object = 'change_decision'")"
status "to the Council" 0 tz cycle council-submit --date 2026-03-30
status "an item before the recommendations" 3 tz cycle recommendations approve 2411-1-001:6 --item 1
status "recommendations recorded" 0 tz cycle recommendations --date 2026-04-08 --protocol 5
expect "the forming stage is open" recommended "$(q "select state from reg_version where id = $V")"
status "no correction while formed per the Council" 3 tz review ground 7412-1-005:4 --correction "x"

status "an item needs its number" 2 tz cycle recommendations amend 5131-1-001:4 --level 5
status "an unknown verb" 2 tz cycle recommendations frob 5131-1-001:4 --item 1
status "amend nothing" 3 tz cycle recommendations amend 5131-1-001:4 --item 1
status "a row not in the register" 3 tz cycle recommendations exclude 9999-9-999:3 --item 1
status "item 1: a change's level amended" 0 tz cycle recommendations amend 5131-1-001:4 --item 1 --level 5 \
	--text "Деңгейі 5 болсын"
contains "says the key it has now" "5131-1-001:5" "$out"
status "item 2: a row moved to the other section" 0 tz cycle recommendations amend 7212-2-001:3 --item 2 \
	--section voluntary
status "item 3: a profession added" 0 tz cycle recommendations add 2411-1-003 --item 3 --section voluntary \
	--level 6 --validity 5 --body finance --profile sg --name-kk "Салық салу жөніндегі бухгалтер" \
	--name-ru "Бухгалтер по налогообложению" --basis-kk "«Бухгалтер» кәсіптік стандарты" \
	--basis-ru "Профессиональный стандарт «Бухгалтер»"
status "item 4: a change returned" 0 tz cycle recommendations return 2411-1-001:6 --item 4 \
	--text "Мерзімі өзгермейді"
status "returning it again: no change any more" 3 tz cycle recommendations return 2411-1-001:6 --item 4
out=$(tz cycle recommendations show)
contains "show: the placement deadline" "2026-04-22" "$out"
for i in 1 2 3 4; do
	contains "show: item $i carried out" "$(msg '  item %s: %s %s' | sed "s/%s.*//")$i" "$out"
done
check_grounds "every change has its ground while formed"

# --- published: exactly those results ----------------------------------------
status "published" 0 tz publish --date 2026-04-10 --no-backup
PUB=$(q "select id from reg_version where state = 'published' order by id desc limit 1")
expect "the published version is the one formed" "$V" "$PUB"
expect "level amended: 4 gone, 5 there" "3 5" \
	"$(q "select group_concat(level, ' ') from (select level from reg_row where version_id = $PUB and nkz_code = '5131-1-001' order by level)")"
expect "row moved to the voluntary section" voluntary "$(row "$PUB" 7212-2-001 3 section)"
expect "profession added" "Бухгалтер по налогообложению 5 sg" \
	"$(q "select name_ru || ' ' || validity || ' ' || profile from reg_row where version_id = $PUB and nkz_code = '2411-1-003' and level = '6'")"
expect "returned change undone" "$(row "$BASE" 2411-1-001 6 validity)" "$(row "$PUB" 2411-1-001 6 validity)"
expect "the correction kept" 4 "$(row "$PUB" 7412-1-005 4 validity)"
out=$(tz check "$PUB" 2>&1)
lacks "the published register's changes all have grounds" "$NOGROUND" "$out"
expect "grounds of the Council's items" "2411-1-001:6 4 return|2411-1-003:6 3 add|5131-1-001:5 1 amend|7212-2-001:3 2 amend" \
	"$(q "select group_concat(k, '|') from (select nkz_code || ':' || level || ' ' || item || ' ' || action as k from change_ground where version_id = $PUB and kind = 'council' order by 1)")"

# The CSV of the published register: its seal line first, then the results.
tz export --format csv --lang ru --version "$PUB" -o "$TMP/pub.csv" >/dev/null 2>&1 || bad "csv" "export refused"
head -1 "$TMP/pub.csv" | grep -q "опубликованная версия $PUB" && ok "csv: the published version says so" ||
	bad "csv: seal line" "$(head -1 "$TMP/pub.csv")"
contains "csv: the added profession" "Бухгалтер по налогообложению,2411-1-003" "$(cat "$TMP/pub.csv")"
# The moved row comes after the voluntary section's title.
vol=$(grep -n "^\"\?Добровольн\|^Признание.*добровольн\|добровольной основе" "$TMP/pub.csv" | head -1 | cut -d: -f1)
gas=$(grep -n "7212-2-001" "$TMP/pub.csv" | head -1 | cut -d: -f1)
[ -n "$vol" ] && [ -n "$gas" ] && [ "$gas" -gt "$vol" ] && ok "csv: the moved row in the voluntary section" ||
	bad "csv: the moved row" "section title at [$vol], row at [$gas]"
lacks "csv: the old level gone" "5131-1-001,«" "$(grep '5131-1-001' "$TMP/pub.csv" | grep ',4,')"
# A CSV of the new draft says it is a draft, as its XLSX does.
tz export --format csv --lang kk -o "$TMP/draft.csv" >/dev/null 2>&1 || bad "draft csv" "export refused"
case "$(head -1 "$TMP/draft.csv")" in *ЖОБА*) ok "draft csv marked";; *) bad "draft csv marked" "$(head -1 "$TMP/draft.csv")";; esac

# The XLSX of the published register and the review pack with the grounds.
tz export --format xlsx --lang kk --version "$PUB" -o "$TMP/pub.xlsx" >/dev/null 2>&1 || bad "xlsx" "export refused"
mkdir -p "$TMP/x" && (cd "$TMP/x" && unzip -o -q ../pub.xlsx) || bad "xlsx" "not a zip"
contains "xlsx: the added profession" "2411-1-003" "$(cat "$TMP"/x/xl/worksheets/*.xml)"
tz export --format xlsx --diff "$BASE" "$PUB" --lang ru -o "$TMP/pack.xlsx" >/dev/null 2>&1 || bad "pack" "export refused"
mkdir -p "$TMP/p" && (cd "$TMP/p" && unzip -o -q ../pack.xlsx) || bad "pack" "not a zip"
PACK=$(cat "$TMP"/p/xl/worksheets/*.xml)
contains "pack: the ground column" "Основание изменения" "$PACK"
for i in 1 2 3; do
	contains "pack: item $i as a ground" "рекомендация Национального совета, протокол 5, пункт $i" "$PACK"
done
contains "pack: the correction as a ground" "техническое исправление: Мерзімі қате жазылған" "$PACK"
contains "pack: the demo's grounds" "техническое исправление: Демонстрациялық деректер" "$PACK"
lacks "pack: no change without a ground" "основание не указано" "$PACK"
lacks "pack: the returned change is no change" "2411-1-001</t>" "$(cat "$TMP"/p/xl/worksheets/sheet4.xml)"
contains "pack: the summary is the first sheet" '<sheet name="Сводка" sheetId="1"' "$(cat "$TMP"/p/xl/workbook.xml)"
SUM=$(grep -o '<t[^>]*>[^<]*</t>\|<v>[^<]*</v>' "$TMP"/p/xl/worksheets/sheet1.xml | sed 's/<[^>]*>//g' | tr '\n' '|')
# All: added 5131-1-001:3, :5, 7212-2-001:3, 2411-1-003:6; excluded 8343-2-009:2;
# amended 7412-1-005:4; all decided by the Council or in review.
contains "pack summary: all changes counted" "Все изменения|4|1|1|100|" "$SUM"
contains "pack summary: per section" "обязательная|0|1|1|100|добровольная|4|0|0|100|" "$SUM"
contains "pack summary: per body" "Министерство финансов Республики Казахстан|1|0|0|100|" "$SUM"

# The change log keeps each ground with who recorded it.
LOG=$(tz log --object change_ground 2>&1)
contains "log: the Council's item" "Деңгейі 5 болсын" "$LOG"
contains "log: the correction's reason" "Мерзімі қате жазылған" "$LOG"
status "the log's chain holds" 0 tz verify

done_tests
