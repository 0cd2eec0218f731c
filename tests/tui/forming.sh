#!/bin/sh
# The review screen at a meeting and the forming stage (Order cl. 10, 11)
# through the interface at 80x24, in Kazakh and in Russian: on the demo
# register the summary page counts the changes per section and body and
# lists those of a line with one key; a change shows its ground; after the
# Council's recommendations are recorded, its items are carried out from the
# review screen — one change's level amended, one row moved to the other
# section, a profession added, a change returned — each citing its item;
# the published register then holds exactly those results.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

if [ "$(id -u)" != 0 ]; then
	bad "forming" "must run as root: the database's creator is its administrator"
	done_tests
	exit 1
fi
DB=$TMP/f.db
q() { sqlite3 "$DB" "$1"; }
msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
settle() {
	i=0; while [ "$(q "$2" 2>/dev/null)" != "$3" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	expect "$1" "$3" "$(q "$2" 2>&1)"
}
export TIZILIM_TODAY=2026-04-10
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad setup "init --demo failed"
"$TZB" --db "$DB" import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 || bad setup "no classifier sample"
V=$(q "select id from reg_version where state = 'draft'")
BASE=$(q "select id from reg_version where state = 'published'")
row() { q "select $3 from reg_row where version_id = $V and nkz_code = '$1' and level = '$2'"; }

tz_start 80 24 "cd $TMP && $TZB --db $DB 2>>$TMP/err"
wait_for "$(msg kk Help)" || bad start "no key bar: $(screen)"
open_review() {
	keys F9; sleep 0.2; keys -l v
	wait_for "5131-1-001" || bad "open the review" "$(screen)"
}

# --- the review of the draft: summary, a line's changes, a change's ground ---
open_review
keys F6
wait_for "$(msg kk 'All changes')" || bad "kk: the summary page" "$(screen)"
scr=$(screen)
contains "kk: summary per section" "$(msg kk 'Mandatory section')" "$scr"
contains "kk: summary per action" "$(msg kk 'Rows excluded')" "$scr"
contains "kk: summary per body" "СИМ" "$scr"
keys Down Down Enter
wait_for "8343-2-009" || bad "kk: Enter lists the mandatory section's changes" "$(screen)"
lacks "kk: only that section's changes" "5131-1-001" "$(screen)"
keys F3
wait_for "$(msg kk 'In the draft')" || bad "kk: F3 shows the change" "$(screen)"
keys End
wait_for "$(msg kk 'Ground of the change')" || bad "kk: F3 shows the ground" "$(screen)"
wait_for "Демонстрациялық деректер" || bad "kk: the ground's reason" "$(screen)"
keys Escape
keys F6
wait_for "$(msg kk 'All changes')" || bad "kk: back to the summary" "$(screen)"
keys Home Enter
wait_for "5131-1-001" || bad "kk: all changes again" "$(screen)"
# F7 before the Council: the change's ground written down as a correction.
keys Home F7
wait_for "$(msg kk "Technical correction: the change's ground")" || bad "kk F7: the correction dialog" "$(screen)"
keys -l "Мерзімі қате жазылған"; keys Enter
settle "kk F7: the correction recorded" \
	"select text from change_ground where version_id = $V and nkz_code = '2411-1-001' and level = '6' and kind = 'correction' order by id desc limit 1" \
	"Мерзімі қате жазылған"
keys Escape
wait_for "$(msg kk Help)" || bad "kk: review closed" "$(screen)"

# --- to the Council; the recommendations recorded ---------------------------
"$TZB" --db "$DB" review approve --all >/dev/null 2>&1 || bad setup "approve --all"
"$TZB" --db "$DB" cycle council-submit --date 2026-03-30 >/dev/null 2>&1 || bad setup "council-submit"
"$TZB" --db "$DB" cycle recommendations --date 2026-04-08 --protocol 5 >/dev/null 2>&1 || bad setup "recommendations"

# --- the forming stage, in Kazakh -------------------------------------------
open_review
FORM_KK=$(msg kk "Forming per the Council's recommendations: register %lld against the published %lld" | cut -d: -f1)
wait_for "$FORM_KK" || bad "kk: the screen says the register is being formed" "$(screen)"
item() {  # item NUMBER TEXT: the first dialog of an item
	wait_for "$(msg kk 'Item of the recommendations')" || bad "item $1: the dialog" "$(screen)"
	keys -l "$1"; keys Down; keys -l "$2"
}
# Item 1: the waiter's level 4 becomes level 5.
keys Down Down
keys F7
wait_for "$(msg kk 'Amend the row under the cursor')" || bad "kk F7: the Council's items" "$(screen)"
keys Enter
item 1 "Деңгейі 5 болсын"
keys Enter
wait_for "$(msg kk 'Section (mandatory/voluntary)' | cut -d' ' -f1)" || bad "kk: the amend dialog" "$(screen)"
keys Down; keys -l 5; keys Enter
settle "kk item 1: level 4 is now 5" "select group_concat(level) from (select level from reg_row where version_id = $V and nkz_code = '5131-1-001' order by level)" "3,5"
wait_for "5131-1-001:5" || bad "kk item 1: said with the new key" "$(screen)"
# Item 2: the gas cutter moves to the voluntary section.
keys Home Down Down Down
keys F7; wait_for "$(msg kk 'Amend the row under the cursor')"; keys Enter
item 2 ""
keys Enter
wait_for "$(msg kk 'Section (mandatory/voluntary)' | cut -d' ' -f1)" || bad "kk: the amend dialog again" "$(screen)"
keys -l "ерікті"; keys Enter
settle "kk item 2: moved to the voluntary section" "select section from reg_row where version_id = $V and nkz_code = '7212-2-001' and level = '3'" voluntary
# Item 3: a profession added.
keys F7; wait_for "$(msg kk 'Add a profession')"; keys Down Down Enter
item 3 "Салық бухгалтерін қосу"
keys Down; keys -l 2411-1-003; keys Down; keys -l 6; keys Enter
wait_for "$(msg kk 'Sectoral body (code)' | cut -d' ' -f1-2)" || bad "kk: the add dialog's second page" "$(screen)"
keys -l "ерікті"; keys Down; keys -l 5; keys Down; keys -l finance; keys Down; keys -l "әг"; keys Enter
wait_for "$(msg kk 'Basis (Kazakh)')" || bad "kk: the add dialog's third page" "$(screen)"
keys -l "«Бухгалтер» кәсіптік стандарты"; keys Down; keys -l "Профстандарт «Бухгалтер»"; keys Enter
settle "kk item 3: the profession added" "select validity || ' ' || section || ' ' || profile from reg_row where version_id = $V and nkz_code = '2411-1-003' and level = '6'" "5 voluntary sg"
# Item 4: the accountant's longer validity returned.
keys Home
wait_for "2411-1-001" || bad "kk: the first change" "$(screen)"
keys F8
item 4 "Мерзімі өзгермейді"
keys Enter
settle "kk item 4: the change returned" "select validity from reg_row where version_id = $V and nkz_code = '2411-1-001' and level = '6'" \
	"$(q "select validity from reg_row where version_id = $BASE and nkz_code = '2411-1-001' and level = '6'")"
expect "kk: four items, each its ground" "1 amend|2 amend|3 add|4 return" \
	"$(q "select group_concat(item || ' ' || action, '|') from (select item, action from change_ground where version_id = $V and kind = 'council' group by item order by item)")"
keys Home F3
wait_for "2411-1-003" || bad "kk: the added profession's change" "$(screen)"
keys End
wait_for "$(msg kk 'Ground of the change')" || bad "kk: the added profession's ground" "$(screen)"
wait_for "3-тармақ" || bad "kk: the ground cites item 3" "$(screen)"

# --- the same in Russian -------------------------------------------------------
keys F2
sleep 0.3
keys End
wait_for "пункт 3" || bad "ru: the ground in Russian" "$(screen)"
keys Escape
keys F6
wait_for "$(msg ru 'All changes')" || bad "ru: the summary page" "$(screen)"
scr=$(screen)
contains "ru: summary per section" "$(msg ru 'Voluntary section')" "$scr"
contains "ru: the share decided" "100%" "$scr"
contains "ru: the share heading" "$(msg ru 'Decided')" "$scr"
keys F6
keys F7
wait_for "$(msg ru 'Exclude the row under the cursor')" || bad "ru: the Council's items in Russian" "$(screen)"
keys Escape
keys Escape
wait_for "$(msg ru Help)" || bad "ru: review closed" "$(screen)"

# --- published: exactly those results ----------------------------------------
"$TZB" --db "$DB" publish --date 2026-04-10 --no-backup >/dev/null 2>&1 || bad publish "refused"
expect "published is the version formed" published "$(q "select state from reg_version where id = $V")"
expect "published: levels of the waiter" "3,5" "$(q "select group_concat(level) from (select level from reg_row where version_id = $V and nkz_code = '5131-1-001' order by level)")"
expect "published: the gas cutter voluntary" voluntary "$(row 7212-2-001 3 section)"
expect "published: the added profession" 1 "$(q "select count(*) from reg_row where version_id = $V and nkz_code = '2411-1-003'")"
# (check also names the occupations the sample classifier renamed: only the
# grounds are looked at here.)
out=$("$TZB" --db "$DB" check "$V" 2>&1)
lacks "published: every change on its ground" "$(TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=kk gettext -e tizilim \
	"%s: the change has no ground (no proposal, no item of the Council's recommendations, no technical correction).\n" |
	sed 's/^%s//')" "$out"

done_tests
