#!/bin/sh
# The row form at 80x24, in Kazakh and in Russian: with the real classifier
# (in capitals) imported, choosing an occupation fills both names in
# ordinary case for the clerk to accept or edit.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tmux.sh"

DB=$TMP/n.db
"$TZB" --db "$DB" init --demo >/dev/null 2>&1 || bad init "cannot create the demo database"
"$TZB" --db "$DB" import-nkz "$SHARED/data/nkz-sample.csv" >/dev/null 2>&1 ||
	bad init "cannot import the classifier sample"
q() { sqlite3 "$DB" "$1"; }
tr_in() { TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$1 gettext tizilim "$2"; }

# An occupation the demo register does not hold; its names in capitals, the
# Kazakh one typed with a Latin I.
CODE=8343-1-002
expect "the classifier's name is in capitals" "МАШИНИСТ КРАНА АВТОМОБИЛЬНОГО" \
	"$(q "SELECT name_ru FROM nkz WHERE code = '$CODE'")"
expect "with a Latin I in the Kazakh" "АВТОМОБИЛЬ КРАНЫНЫҢ МАШИНИСI" \
	"$(q "SELECT name_kk FROM nkz WHERE code = '$CODE'")"
WANT_KK="Автомобиль кранының машинисі"
WANT_RU="Машинист крана автомобильного"

# Each language on its own copy: a form left open is kept as an unsaved entry
# of its database.
for lang in kk ru; do
	cp "$DB" "$TMP/n-$lang.db"
	tz_start 80 24 "$TZB --db $TMP/n-$lang.db --lang $lang"
	wait_for "$(tr_in $lang 'Quit')" || bad "$lang: start" "no register screen: $(pane_state)"
	keys F5
	wait_for "$(tr_in $lang 'New register entry')" || bad "$lang: F5" "no form: $(pane_state)"
	keys Space
	wait_for "$(tr_in $lang 'Classifier: type a code or a name')" || bad "$lang: picker" "no picker: $(pane_state)"
	keys -l "$CODE"
	wait_for "$CODE" || bad "$lang: picker" "the code is not listed: $(pane_state)"
	keys Enter
	wait_for "$WANT_RU" || bad "$lang: Russian name offered" "no [$WANT_RU]: $(pane_state)"
	contains "$lang: Kazakh name offered" "$WANT_KK" "$(screen)"
	lacks "$lang: no capitals in the form" "МАШИНИСТ КРАНА" "$(screen)"
	tm kill-server 2>/dev/null
done

done_tests
