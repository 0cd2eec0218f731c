#!/bin/sh
# The command line's frame: help, version, usage errors, init, check, diff, verify.
. "$(dirname "$0")/../lib.sh"

status "help" 0 "$TZB" --help
contains "help lists commands" "workdays" "$out"
contains "help in Kazakh" "Қолданылуы" "$out"
status "help ru" 0 "$TZB" --lang ru --help
contains "help in Russian" "Использование" "$out"
# Run from its build tree, the program finds the catalogs built beside it.
if [ -d "$(dirname "$TZB")/locale" ]; then
	out=$(env -u TIZILIM_LOCALEDIR "$TZB" --lang ru --help 2>&1)
	contains "build tree: Russian without TIZILIM_LOCALEDIR" "Использование" "$out"
	out=$(env -u TIZILIM_LOCALEDIR "$TZB" --lang kk --help 2>&1)
	contains "build tree: Kazakh without TIZILIM_LOCALEDIR" "Қолданылуы" "$out"
fi
status "version" 0 "$TZB" --version
contains "version" "tizilim " "$out"
status "unknown command" 2 "$TZB" --db "$TMP/x.db" frobnicate
contains "unknown command named" "frobnicate" "$out"
status "unknown option" 2 "$TZB" --frob
status "bad language" 2 "$TZB" --lang en --help
status "--db without value" 2 "$TZB" --db

# A database is created only by init (or the interface), mode 0600.
status "no database yet" 3 "$TZB" --db "$TMP/none.db" check
[ ! -e "$TMP/none.db" ] && ok "nothing created" || bad "nothing created" "none.db exists"
status "init" 0 "$TZB" --db "$TMP/r.db" init
expect "mode 0600" "600" "$(stat -c %a "$TMP/r.db")"
contains "init counts bodies" "21" "$out"
status "init twice keeps it" 0 "$TZB" --db "$TMP/r.db" init

# Not a database: refused, and left as it was.
printf 'this is not a database, just text\n' > "$TMP/text.db"
sum=$(md5sum < "$TMP/text.db")
status "not a database" 3 "$TZB" --db "$TMP/text.db" verify
expect "text file untouched" "$sum" "$(md5sum < "$TMP/text.db")"

status "demo init" 0 "$TZB" --db "$TMP/d.db" init --demo
status "check demo" 0 "$TZB" --db "$TMP/d.db" check
contains "check counts rows" "0" "$out"
status "diff demo" 0 "$TZB" --lang ru --db "$TMP/d.db" diff
contains "diff added" "+ " "$out"
contains "diff removed" "- " "$out"
contains "diff changed" "~ " "$out"
status "diff bad version" 2 "$TZB" --db "$TMP/d.db" diff 1 999
status "verify demo" 0 "$TZB" --db "$TMP/d.db" verify

# A broken reference is found by verify (exit 1).
sqlite3 "$TMP/d.db" "PRAGMA foreign_keys=OFF; UPDATE reg_row SET body_id = 9999 WHERE id = (SELECT min(id) FROM reg_row WHERE version_id = (SELECT id FROM reg_version WHERE state='draft'));"
status "verify finds broken reference" 1 "$TZB" --db "$TMP/d.db" verify
status "check finds the bad row" 1 "$TZB" --db "$TMP/d.db" check
# A target that is not a plain file (a pipe here; /dev/null alike) is never
# replaced by the finished file.
mkfifo "$TMP/pipe"
for cmd in "export -o" "export --format xlsx -o" "backup"; do
	status "refused: $cmd a pipe" 3 "$TZB" --db "$TMP/d.db" $cmd "$TMP/pipe"
	[ -p "$TMP/pipe" ] && ok "still a pipe after $cmd" || bad "still a pipe after $cmd" "replaced: $(ls -l "$TMP/pipe")"
done
lacks "no temporary files left" "tmp" "$(ls "$TMP")"
done_tests
