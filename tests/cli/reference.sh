#!/bin/sh
# What a new database holds: the reference data every database gets from
# init, and the demo register init --demo adds.  Read back with the sqlite3
# shell, as an auditor would, so the checks do not lean on the program's own
# readers.
. "$(dirname "$0")/../lib.sh"

q() { sqlite3 -readonly -batch -noheader "$1" "$2" 2>&1; }

status "init" 0 "$TZB" --db "$TMP/r.db" init
R=$TMP/r.db

# Bodies: the twenty that agreed the Order and the authorized body.
expect "21 bodies" "21" "$(q "$R" "SELECT count(*) FROM body")"
expect "one authorized body" "labour" "$(q "$R" "SELECT code FROM body WHERE authorized = 1")"
expect "authorized body's Russian name" \
	"Министерство труда и социальной защиты населения Республики Казахстан" \
	"$(q "$R" "SELECT name_ru FROM body WHERE authorized = 1")"
expect "no blank names" "0" "$(q "$R" "SELECT count(*) FROM body WHERE trim(name_kk) = ''
	OR trim(name_ru) = '' OR trim(short_kk) = '' OR trim(short_ru) = ''")"
expect "full kk names name the country" "0" \
	"$(q "$R" "SELECT count(*) FROM body WHERE name_kk NOT LIKE 'Қазақстан Республикас%'")"
expect "full ru names name the country" "0" \
	"$(q "$R" "SELECT count(*) FROM body WHERE instr(name_ru, 'Республики Казахстан') = 0")"
expect "short names drop the country" "0" \
	"$(q "$R" "SELECT count(*) FROM body WHERE instr(short_kk, 'Қазақстан') > 0
	OR instr(short_ru, 'Казахстан') > 0")"
# Short names are the abbreviations a clerk writes (МТСЗН, Минздрав), each
# its own, narrow enough for a body column at 80 columns.
expect "short kk names distinct" "21" "$(q "$R" "SELECT count(DISTINCT short_kk) FROM body")"
expect "short ru names distinct" "21" "$(q "$R" "SELECT count(DISTINCT short_ru) FROM body")"
expect "short names at most ten letters" "0" \
	"$(q "$R" "SELECT count(*) FROM body WHERE length(short_kk) > 10 OR length(short_ru) > 10")"
expect "the authorized body's short names" "ЕХӘҚМ|МТСЗН" \
	"$(q "$R" "SELECT short_kk || '|' || short_ru FROM body WHERE authorized = 1")"
expect "body codes are ASCII words" "0" \
	"$(q "$R" "SELECT count(*) FROM body WHERE code GLOB '*[^a-z]*' OR code = ''")"
expect "health ministry" "ДСМ|Минздрав" \
	"$(q "$R" "SELECT short_kk || '|' || short_ru FROM body WHERE code = 'health'")"
expect "statistics bureau present" "1" \
	"$(q "$R" "SELECT count(*) FROM body WHERE name_ru LIKE 'Бюро национальной статистики%'")"

# NRK levels 1..8, each its own base, described in both languages; the
# sectoral sublevels belong to the level their code starts with.
expect "8 base levels" "12345678" \
	"$(q "$R" "SELECT group_concat(code, '') FROM (SELECT code FROM nrk_level
	WHERE code = CAST(base AS TEXT) ORDER BY base)")"
expect "levels described" "0" \
	"$(q "$R" "SELECT count(*) FROM nrk_level WHERE trim(descr_kk) = '' OR trim(descr_ru) = ''")"
expect "sublevel 4.2" "4" "$(q "$R" "SELECT base FROM nrk_level WHERE code = '4.2'")"
expect "sublevels under their base" "0" \
	"$(q "$R" "SELECT count(*) FROM nrk_level WHERE code <> CAST(base AS TEXT)
	AND substr(code, 1, 2) <> base || '.'")"

# A sectoral council under every sectoral body, none under the authorized one.
expect "a council per sectoral body" "0" \
	"$(q "$R" "SELECT count(*) FROM body b WHERE authorized = 0
	AND NOT EXISTS (SELECT 1 FROM council c WHERE c.body_id = b.id)")"
contains "health council" "в сфере здравоохранения" \
	"$(q "$R" "SELECT council.name_ru FROM council JOIN body ON body.id = council.body_id WHERE body.code = 'health'")"
contains "Atameken" "Атамекен" "$(q "$R" "SELECT group_concat(name_kk) FROM association")"
expect "reference version" "1" "$(q "$R" "SELECT value FROM meta WHERE key = 'reference_version'")"
expect "plain init has no register" "0" "$(q "$R" "SELECT count(*) FROM reg_row")"
expect "plain init: references sound" "" "$(q "$R" "PRAGMA foreign_key_check")"

# The demo register.
status "init --demo" 0 "$TZB" --db "$TMP/d.db" init --demo
D=$TMP/d.db
PUB="(SELECT id FROM reg_version WHERE state = 'published')"
DRAFT="(SELECT id FROM reg_version WHERE state = 'draft')"
expect "one published version" "1" "$(q "$D" "SELECT count(*) FROM reg_version WHERE state = 'published'")"
expect "one draft" "1" "$(q "$D" "SELECT count(*) FROM reg_version WHERE state = 'draft'")"
expect "draft starts from the published version" "1" \
	"$(q "$D" "SELECT base_id = $PUB FROM reg_version WHERE state = 'draft'")"
expect "published in the autumn 2025 cycle" "2025 autumn 2025" \
	"$(q "$D" "SELECT c.year || ' ' || c.season || ' ' || substr(v.published, 1, 4)
	FROM reg_version v JOIN cycle c ON c.id = v.cycle_id WHERE v.state = 'published'")"
n=$(q "$D" "SELECT count(*) FROM reg_row WHERE version_id = $PUB")
[ "$n" -ge 30 ] && [ "$n" -le 40 ] && ok "30-40 published rows" || bad "30-40 published rows" "$n"
for v in "$PUB" "$DRAFT"; do
	expect "mandatory rows in $v" "1" \
		"$(q "$D" "SELECT count(*) > 0 FROM reg_row WHERE version_id = $v AND section = 'mandatory'")"
	expect "voluntary rows in $v" "1" \
		"$(q "$D" "SELECT count(*) > 0 FROM reg_row WHERE version_id = $v AND section = 'voluntary'")"
done
expect "professions with several levels" "1" \
	"$(q "$D" "SELECT count(*) > 1 FROM (SELECT nkz_code FROM reg_row WHERE version_id = $PUB
	GROUP BY section, nkz_code HAVING count(*) > 1)")"
# The Appendix form puts a profession's levels on consecutive rows.
expect "levels on consecutive rows" "0" \
	"$(q "$D" "SELECT count(*) FROM (SELECT section, nkz_code FROM reg_row WHERE version_id = $PUB
	GROUP BY section, nkz_code HAVING max(id) - min(id) + 1 <> count(*))")"
expect "both profiles" "sg t" \
	"$(q "$D" "SELECT group_concat(profile, ' ') FROM (SELECT DISTINCT profile FROM reg_row ORDER BY 1)")"
expect "fixed and unlimited validity" "1 1" \
	"$(q "$D" "SELECT (SELECT count(*) > 0 FROM reg_row WHERE validity = 0) || ' ' ||
	(SELECT count(*) > 0 FROM reg_row WHERE validity > 0)")"
n=$(q "$D" "SELECT count(DISTINCT body_id) FROM reg_row")
[ "$n" -ge 5 ] && ok "several bodies" || bad "several bodies" "$n"
expect "the authorized body is not a sectoral body of a row" "0" \
	"$(q "$D" "SELECT count(*) FROM reg_row JOIN body ON body.id = body_id WHERE authorized = 1")"
expect "mandatory rows cite a legal act" "0" \
	"$(q "$D" "SELECT count(*) FROM reg_row WHERE section = 'mandatory' AND NOT (
	(instr(basis_kk, 'Заңы') OR instr(basis_kk, 'кодексі') OR instr(basis_kk, 'Кодексі'))
	AND (instr(basis_ru, 'Закон') OR instr(basis_ru, 'кодекс') OR instr(basis_ru, 'Кодекс')))")"
expect "voluntary rows cite a standard or requirements" "0" \
	"$(q "$D" "SELECT count(*) FROM reg_row WHERE section = 'voluntary' AND NOT (
	(instr(basis_kk, 'кәсіптік стандарты') OR instr(basis_kk, 'біліктілік талаптары'))
	AND (instr(basis_ru, 'Профессиональный стандарт') OR instr(basis_ru, 'Квалификационные требования')))")"

# Every row's code is an occupation whose parent chain climbs one level at a
# time, each parent a prefix of its child, to a major group.
expect "row codes are occupations" "0" \
	"$(q "$D" "SELECT count(*) FROM reg_row r LEFT JOIN nkz n ON n.code = r.nkz_code
	WHERE n.level IS NOT 6 OR r.nkz_code NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9]-[0-9][0-9][0-9]'")"
expect "parent chains reach level 1" "0" \
	"$(q "$D" "WITH RECURSIVE up(start, code, level) AS (
	  SELECT DISTINCT r.nkz_code, n.code, n.level FROM reg_row r JOIN nkz n ON n.code = r.nkz_code
	  UNION ALL
	  SELECT up.start, p.code, p.level FROM up JOIN nkz c ON c.code = up.code
	  JOIN nkz p ON p.code = c.parent AND p.level = c.level - 1 AND substr(c.code, 1, length(p.code)) = p.code)
	SELECT count(*) FROM (SELECT start FROM up GROUP BY start HAVING min(level) <> 1)")"
expect "rows carry the classifier's names" "0" \
	"$(q "$D" "SELECT count(*) FROM reg_row r JOIN nkz n ON n.code = r.nkz_code
	WHERE r.name_kk <> n.name_kk OR r.name_ru <> n.name_ru")"
expect "welder in both languages" "Пісіруші|Сварщик" \
	"$(q "$D" "SELECT name_kk || '|' || name_ru FROM nkz WHERE code = '7212-1-008'")"
# Search and sorting need the folded names and sort keys filled.
expect "folded names" "сварщик" \
	"$(q "$D" "SELECT DISTINCT fold_ru FROM reg_row WHERE nkz_code = '7212-1-008'")"
expect "sort keys" "0" \
	"$(q "$D" "SELECT count(*) FROM reg_row WHERE typeof(sort_kk) <> 'blob' OR length(sort_kk) = 0
	OR typeof(sort_ru) <> 'blob' OR length(sort_ru) = 0")"
expect "search index finds the welder" "1" \
	"$(q "$D" "SELECT count(*) > 0 FROM reg_fts WHERE reg_fts MATCH '\"сва\" AND \"вар\" AND \"арщ\"'")"
expect "classifier search finds a group" "1" \
	"$(q "$D" "SELECT count(*) > 0 FROM nkz_fts WHERE nkz_fts MATCH '\"пов\" AND \"ова\" AND \"вар\"'")"

# The draft differs from the published register so that a diff shows something.
expect "rows added in the draft" "3" \
	"$(q "$D" "SELECT count(*) FROM reg_row d WHERE d.version_id = $DRAFT AND NOT EXISTS
	(SELECT 1 FROM reg_row p WHERE p.version_id = $PUB AND p.nkz_code = d.nkz_code AND p.level = d.level)")"
expect "rows removed in the draft" "1" \
	"$(q "$D" "SELECT count(*) FROM reg_row p WHERE p.version_id = $PUB AND NOT EXISTS
	(SELECT 1 FROM reg_row d WHERE d.version_id = $DRAFT AND p.nkz_code = d.nkz_code AND p.level = d.level)")"
expect "rows changed in the draft" "1" \
	"$(q "$D" "SELECT count(*) FROM reg_row p JOIN reg_row d ON p.nkz_code = d.nkz_code AND p.level = d.level
	WHERE p.version_id = $PUB AND d.version_id = $DRAFT AND (p.validity, p.basis_ru, p.body_id, p.profile,
	p.section) IS NOT (d.validity, d.basis_ru, d.body_id, d.profile, d.section)")"

expect "demo: foreign keys" "" "$(q "$D" "PRAGMA foreign_key_check")"
expect "demo: integrity" "ok" "$(q "$D" "PRAGMA integrity_check")"
status "demo draft passes check" 0 "$TZB" --db "$D" check
status "demo verifies" 0 "$TZB" --db "$D" verify

# The demo can be added to a database that init made plain.
status "init --demo after init" 0 "$TZB" --db "$R" init --demo
expect "demo added later" "1" "$(q "$R" "SELECT count(*) > 30 FROM reg_row")"
expect "reference not loaded twice" "21" "$(q "$R" "SELECT count(*) FROM body")"

done_tests
