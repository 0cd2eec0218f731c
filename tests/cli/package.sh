#!/bin/sh
# Offline packages: a sectoral body's proposals exported from one database and
# imported into another; conflicts stop the import until the clerk decides;
# hostile or corrupt files are refused with exit 3 and nothing written.
. "$(dirname "$0")/../lib.sh"

A=$TMP/a.db
B=$TMP/b.db
$TZB --db "$A" init --demo >/dev/null 2>&1 || bad init "init A failed"
$TZB --db "$B" init --demo >/dev/null 2>&1 || bad init "init B failed"
sqa() { sqlite3 -batch "$A" "$@"; }
sqb() { sqlite3 -batch "$B" "$@"; }
state() { sqlite3 "$B" .dump | md5sum; }
# The program's messages in the language it speaks (kk unless --lang ru comes
# before the command), from the same catalogs, so that these checks hold
# whatever the catalogs say.  -e: some msgids end in a newline.
t() { LANGUAGE=$1 TEXTDOMAINDIR=$TOP/$BUILD/locale gettext -e -d tizilim "$2"; }
# f LANG MSGID ARG...: the message filled in as printf(3) would; the shell's
# printf knows no length modifiers
f() {
	_f=$(t "$1" "$2" | sed 's/%l*\([dux]\)/%\1/g'); shift 2
	# shellcheck disable=SC2059
	printf "$_f" "$@"
}
code1=$(sqa "select code from nkz where level = 6 order by code limit 1")
code2=$(sqa "select code from nkz where level = 6 order by code limit 1 offset 1")
agri=$(sqa "select id from body where code = 'agriculture'")
cyc=$(sqa "select id from cycle where year = 2026 and season = 'spring'")
[ -n "$code1" ] && [ -n "$code2" ] && [ -n "$agri" ] && [ -n "$cyc" ] && ok fixtures ||
	bad fixtures "demo data lacks codes, the agriculture body or the 2026 spring cycle"
SQLNAME="'); DROP TABLE reg_row; --"
sqa "insert into proposal (cycle_id, body_id, association_id, action, section, nkz_code, basis_kk,
       basis_ru, validity, profile, safety_kk, safety_ru, demand_kk, demand_ru, standard_kk,
       standard_ru, state, created, author)
     values ($cyc, $agri, 1, 'include', 'voluntary', '$code1', 'Кәсіптік стандарт', 'Профстандарт',
       5, 'sg', 'Қауіпсіздікке әсер етеді', 'Влияет на безопасность', 'Сұраныс бар', 'Есть спрос',
       'КС-1', 'ПС-1', 'agreed', '2026-01-10T10:00:00Z', 'aigul'),
       ($cyc, $agri, NULL, 'exclude', 'mandatory', '$code2', '', '', NULL, NULL, '', '',
       '$(printf '%s' "$SQLNAME" | sed "s/'/''/g")', 'Спроса нет', '', '', 'submitted', '2026-01-11', 'aigul');
     insert into proposal_level select id, '4' from proposal where nkz_code = '$code1';
     insert into proposal_level select id, '5' from proposal where nkz_code = '$code1';
     insert into council_agreement (cycle_id, body_id, date, protocol) values ($cyc, $agri, '2026-01-20', '№ 7');"
# another body's proposal in A must stay out of agriculture's package
sqa "insert into proposal (cycle_id, body_id, action, section, nkz_code, state, created)
     values ($cyc, (select id from body where code = 'competition'), 'include', 'voluntary', '$code2', 'draft', '2026-01-12')"

# --- export ---------------------------------------------------------------
P=$TMP/agri.tzp
status "export" 0 $TZB --db "$A" package export "$P" --body agriculture --cycle 2026 spring
contains "export says how many" "2" "$out"
expect "package is 0600" "600" "$(stat -c %a "$P")"
expect "application_id" "1415204939" "$(sqlite3 "$P" 'pragma application_id')"
expect "manifest body and cycle" "agriculture|2026|spring" "$(sqlite3 "$P" 'select body, year, season from manifest')"
expect "only that body's proposals" "2" "$(sqlite3 "$P" 'select count(*) from proposal')"
status "export without a body" 3 $TZB --db "$A" package export "$TMP/x.tzp"
status "export bad cycle" 2 $TZB --db "$A" package export "$TMP/x.tzp" --body agriculture --cycle 2026 summer
status "export no such body" 3 $TZB --db "$A" package export "$TMP/x.tzp" --body nosuch
[ -e "$TMP/x.tzp" ] && bad "no file on failure" "x.tzp exists" || ok "no file on failure"

# --- import, round trip ---------------------------------------------------
before=$(state)
status "dry run" 0 $TZB --db "$B" package import "$P" --dry-run
contains "dry run counts" "2" "$out"
expect "dry run writes nothing" "$before" "$(state)"
status "import" 0 $TZB --db "$B" package import "$P"
cols="b.code, p.action, p.section, p.nkz_code, p.basis_kk, p.basis_ru, p.validity, p.profile,
      p.safety_kk, p.safety_ru, p.demand_kk, p.demand_ru, p.standard_kk, p.standard_ru,
      p.state, p.round, p.created, p.author, coalesce(a.name_kk, '-'),
      (select group_concat(level, ',') from proposal_level where proposal_id = p.id)"
q="select $cols from proposal p join body b on b.id = p.body_id left join association a on a.id = p.association_id
   where b.code = 'agriculture' order by p.nkz_code"
expect "round trip: proposals equal" "$(sqa "$q")" "$(sqb "$q")"
expect "round trip: agreement" "2026-01-20|№ 7" "$(sqb "select date, protocol from council_agreement where body_id = $agri")"
expect "SQL in a text stored as text" "$SQLNAME" "$(sqb "select demand_kk from proposal where action = 'exclude'")"
expect "reg_row still there" "1" "$(sqb "select count(*) from sqlite_schema where name = 'reg_row'")"
expect "other body's proposal not carried" "0" "$(sqb "select count(*) from proposal p join body b on b.id = p.body_id where b.code = 'competition'")"

# --- conflicts ------------------------------------------------------------
sqa "update proposal set basis_kk = 'Жаңа стандарт' where nkz_code = '$code1' and body_id = $agri"
$TZB --db "$A" package export "$P" --body agriculture --cycle 2026 spring >/dev/null 2>&1
before=$(state)
status "conflict stops" 1 $TZB --db "$B" package import "$P"
contains "conflict names the code" "$code1" "$out"
expect "conflict writes nothing" "$before" "$(state)"
status "skip" 0 $TZB --db "$B" package import "$P" --skip
expect "skip keeps ours" "Кәсіптік стандарт" "$(sqb "select basis_kk from proposal where nkz_code = '$code1' and action = 'include'")"
status "replace" 0 $TZB --db "$B" package import "$P" --replace
expect "replace takes theirs" "Жаңа стандарт" "$(sqb "select basis_kk from proposal where nkz_code = '$code1' and action = 'include'")"
expect "replace keeps one row" "2" "$(sqb "select count(*) from proposal where body_id = $agri")"
status "both flags" 2 $TZB --db "$B" package import "$P" --replace --skip
sqb "update proposal set state = 'accepted' where nkz_code = '$code1' and action = 'include'"
before=$(state)
theirs=$(sqlite3 "$P" "select id from proposal where nkz_code = '$code1' and action = 'include'")
ours=$(sqb "select id from proposal where nkz_code = '$code1' and action = 'include'")
for l in kk ru; do
	status "decided proposal not replaced ($l)" 3 $TZB --lang $l --db "$B" package import "$P" --replace
	contains "says it is decided ($l)" "$(f $l "%s: proposal %lld (%s, %s) is already decided here \
(%s, proposal %lld) and cannot be replaced" "$P" "$theirs" "$code1" include accepted "$ours")" "$out"
	contains "decided: refused, nothing imported ($l)" \
		"$(f $l '%s: refused, %d problems found; nothing was imported' "$P" 1)" "$out"
	expect "decided: nothing written ($l)" "$before" "$(state)"
done

# --- hostile packages: each refused, B unchanged ----------------------------
C=$TMP/c.db
$TZB --db "$C" init --demo >/dev/null 2>&1
# refused NAME FILE [MSGID ARG...]: in Kazakh and in Russian, exit 3, the
# reason (the file first in it) in the message, nothing written
refused() {
	_n=$1 _p=$2; shift 2
	for _l in kk ru; do
		before=$(sqlite3 "$C" .dump | md5sum)
		status "$_n ($_l)" 3 $TZB --lang $_l --db "$C" package import "$_p"
		[ -n "${VERBOSE:-}" ] && echo "$_n: $out"
		[ $# -gt 0 ] && contains "$_n ($_l): says why" "tizilim: $(_m=$1; shift; f $_l "$_m" "$_p" "$@")" "$out"
		expect "$_n ($_l): nothing written" "$before" "$(sqlite3 "$C" .dump | md5sum)"
		expect "$_n ($_l): tables intact" "1" \
			"$(sqlite3 "$C" "select count(*) from sqlite_schema where name = 'reg_row'")"
	done
}
hostile() { cp "$P" "$TMP/h.tzp" && sqlite3 "$TMP/h.tzp" "$1"; }
printf 'proposal,body\n1,agriculture\n' > "$TMP/text.tzp"
refused "not SQLite" "$TMP/text.tzp" '%s is not a tizilim package: not an SQLite database'
head -c 6000 "$P" > "$TMP/trunc.tzp"
refused "truncated" "$TMP/trunc.tzp"
hostile "create trigger t after insert on proposal begin delete from proposal; end"
refused "trigger" "$TMP/h.tzp" '%s contains %s "%s", which a tizilim package never has' trigger t
hostile "create view v as select * from proposal"
refused "view" "$TMP/h.tzp" '%s contains %s "%s", which a tizilim package never has' view v
hostile "update proposal set basis_kk = 'подделка' where action = 'include'"
refused "wrong checksum" "$TMP/h.tzp" '%s: the checksum does not match the content; the file was changed or damaged after it was made'
hostile "update proposal set body = 'competition' where action = 'include'"
refused "other body (checksum)" "$TMP/h.tzp"
hostile "update proposal set basis_kk = randomblob(5000000) || randomblob(5000000) where action = 'include'"
refused "10 MB field" "$TMP/h.tzp"
hostile "create table \"$(printf '%s' "$SQLNAME" | sed 's/"/""/g')\" (x)"
refused "SQL in a table name" "$TMP/h.tzp" \
	'%s contains %s "%s", which a tizilim package never has' table "$SQLNAME"
hostile "pragma user_version = 2"
refused "newer format" "$TMP/h.tzp" \
	"%s is a package of format %lld, newer than this program's %d: import it with a newer tizilim" \
	2 "$(sqlite3 "$P" 'pragma user_version')"
hostile "pragma application_id = 0"
refused "not a package" "$TMP/h.tzp" '%s is an SQLite database but not a tizilim package'
hostile "delete from manifest"
refused "no manifest" "$TMP/h.tzp" '%s: its manifest (format, body, cycle) is missing or malformed'
# a corrupt page in the middle of a valid package
cp "$P" "$TMP/corrupt.tzp"
printf '\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' |
	dd of="$TMP/corrupt.tzp" bs=1 seek=$((4096 * 2 + 8)) conv=notrunc 2>/dev/null
refused "corrupt page" "$TMP/corrupt.tzp"
# a package of a cycle not open here
sqlite3 "$C" "delete from cycle where year = 2026 and season = 'spring'" 2>/dev/null
refused "cycle not open" "$P" '%s: the cycle %lld %s is not open here; open it first' 2026 spring

status "usage" 2 $TZB --db "$B" package
status "import usage" 2 $TZB --db "$B" package import
done_tests
