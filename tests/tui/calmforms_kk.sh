#!/bin/sh
# Forms that never change a value by surprise and help that teaches the
# cycle, at 80x24 in Kazakh (tests/tui/calmforms.inc says what is checked).
LANGS=kk
. "$(dirname "$0")/calmforms.inc"
