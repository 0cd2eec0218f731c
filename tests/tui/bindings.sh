#!/bin/sh
# Key bindings name actions, not F-keys: with bind.filter = ^T, Ctrl-T opens
# the register's filter and the change log's, the help names it beside F6,
# and on the proposals screen, whose F6 is Body (no filter there), it does
# nothing while F6 still shows the next body's proposals.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

msg() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }
DB=$TMP/b.db
q() { sqlite3 "$DB" "$1"; }
t() { "$TZB" --db "$DB" "$@" >/dev/null 2>&1 || bad "setup" "tizilim $* failed"; }
see() { if wait_for "$2"; then ok "$1"; else bad "$1" "no [$2]: $(screen)"; fi; }  # see NAME NEEDLE

# A proposal in an open cycle, so that the proposals screen has a body to go
# to: the demo's spring register published, autumn opened.
export TIZILIM_TODAY=2026-08-20
t init --demo
t review approve --all
t cycle council-submit --date 2026-03-20
t cycle recommendations --date 2026-04-10 --protocol 5
t publish --date 2026-04-16 --no-backup
t cycle open 2026 autumn
t proposal add --body finance --action exclude --section voluntary --code 2411-1-001 \
	--demand-kk "Сұраныс жоқ" --demand-ru "Нет спроса"

CONF=$XDG_CONFIG_HOME/tizilim/config
mkdir -p "$(dirname "$CONF")"
printf 'bind.filter = ^T\n' > "$CONF"
FIRST_KK=$(q "SELECT substr(name_kk, 1, 12) FROM reg_row r JOIN reg_version v ON v.id = r.version_id
              WHERE v.state = 'draft' AND section = 'mandatory' ORDER BY sort_kk, level LIMIT 1")
FILTER=$(msg kk 'Filter, sort and columns')
ALL=$(msg kk 'all bodies')
FINANCE=$(q "SELECT short_kk FROM body WHERE code = 'finance'")

tz_start 100 30 "$TZB --db $DB"
wait_for "$FIRST_KK" || bad start "no register: $(screen)"

# The register: Ctrl-T is its filter, and its help says so beside F6.
keys C-t
see "register: ^T opens the filter" "$FILTER"
keys Escape
wait_gone "$FILTER" || bad "register: Esc" "the filter stays: $(screen)"
keys F1
see "help names the binding beside F6" "F6, Esc 6, Ctrl-T"
keys Escape
wait_for "$FIRST_KK"

# The proposals screen has no filter: Ctrl-T leaves it as it is, where F6
# would have gone on to the next body.
keys F9; wait_for "$(msg kk 'Backup...')"; keys -l 'з'
see "proposals open on all bodies" "$ALL"
keys C-t
sleep 0.5
contains "proposals: ^T is not F6" "$ALL" "$(screen | head -n 1)"
lacks "proposals: ^T opens nothing" "$FILTER" "$(screen)"
keys F1
wait_for "F6, Esc 6" || bad "proposals help" "$(screen)"
lacks "proposals help: no Ctrl-T beside Body" "Ctrl-T" "$(screen)"
keys Escape
wait_for "$ALL"
keys F6
see "proposals: F6 goes to the next body" "$FINANCE"
lacks "proposals: F6 left all bodies" "$ALL" "$(screen | head -n 1)"
keys Escape
wait_for "$FIRST_KK"

# The change log has a filter of its own: Ctrl-T opens that one.
keys F9; wait_for "$(msg kk 'Backup...')"; keys -l 'п'
wait_for "$(msg kk 'Change log: all entries, newest first')" || bad "log" "not open: $(screen)"
keys C-t
see "log: ^T opens its filter" "$(msg kk 'Filter the change log (empty: any)')"
keys Escape
keys F10
keys F10

done_tests
