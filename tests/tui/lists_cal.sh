#!/bin/sh
# The sectoral councils, the NRK levels and the calendar at 80x24 and
# 132x40 in both languages: see lists.inc.
SCREENS="councils levels calendar"
. "$(dirname "$0")/lists.inc"
