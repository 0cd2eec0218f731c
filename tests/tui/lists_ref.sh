#!/bin/sh
# The classifier, the sectoral bodies and the employer associations at
# 80x24 and 132x40 in both languages: see lists.inc.
SCREENS="classifier bodies associations"
. "$(dirname "$0")/lists.inc"
