#!/bin/sh
# The sectoral councils, the NRK levels, the calendar and the deadlines at
# 80x24 and 132x40 in both languages: see lists.inc.
SCREENS="councils levels calendar deadlines"
. "$(dirname "$0")/lists.inc"
