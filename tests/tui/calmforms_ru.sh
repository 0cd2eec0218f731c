#!/bin/sh
# Forms that never change a value by surprise and help that teaches the
# cycle, at 80x24 in Russian (tests/tui/calmforms.inc says what is checked).
LANGS=ru
. "$(dirname "$0")/calmforms.inc"
