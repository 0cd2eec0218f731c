#!/bin/sh
# The register's key bar, the cycle, the proposals and the package export
# dialog at 80x24 and 132x40 in both languages: see lists.inc.  A proposal
# of one body gives the package something to export.
SCREENS="register cycle proposals package"
SETUP=package
. "$(dirname "$0")/lists.inc"
