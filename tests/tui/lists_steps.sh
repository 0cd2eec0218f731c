#!/bin/sh
# The register's key bar, the cycle and the proposals at 80x24 and 132x40
# in both languages: see lists.inc.
SCREENS="register cycle proposals"
. "$(dirname "$0")/lists.inc"
