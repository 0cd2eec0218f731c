#!/bin/sh
# Turns each data file named on the command line into a C string:
#   data/schema.sql -> const char tz_data_schema_sql[]
set -e
echo '/* generated from data/ by data/embed.sh; do not edit */'
for f in "$@"; do
  name=$(basename "$f" | tr '.-' '__')
  printf 'const char tz_data_%s[] =\n""\n' "$name"
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$f"
  printf ';\n'
done
