#!/bin/sh
# The change log and the review (its summary too) at 80x24 and 132x40 in
# both languages: see lists.inc.  One change of the demo's draft is approved
# and one returned, so that the review shows every decision's word.
SCREENS="log review"
SETUP=review
. "$(dirname "$0")/lists.inc"
