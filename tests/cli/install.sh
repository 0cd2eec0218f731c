#!/bin/sh
# make install PREFIX=... DESTDIR=...: the binary, the catalogs, the data and
# the man page land where they belong, and the installed program finds its
# Kazakh and Russian catalogs under its prefix.
. "$(dirname "$0")/../lib.sh"

D=$TMP/dest
# A build of its own (not the tree's build/), quick to compile.
make -s -j"$(nproc)" -C "$TOP" B="$TMP/b" CFLAGS=-O0 PREFIX=/opt/tz DESTDIR="$D" install >"$TMP/make.log" 2>&1
expect "make install" 0 $?
for f in bin/tizilim share/man/man1/tizilim.1 share/locale/kk/LC_MESSAGES/tizilim.mo \
         share/locale/ru/LC_MESSAGES/tizilim.mo share/tizilim/schema.sql share/tizilim/reference.sql; do
	[ -f "$D/opt/tz/$f" ] && ok "$f" || bad "$f" "not installed"
done
[ -x "$D/opt/tz/bin/tizilim" ] && ok "binary executable" || bad "binary executable" "not executable"
grep -q '/opt/tz/share/locale' "$TMP/b/gen/config.h" && ok "prefix baked in" || bad "prefix baked in" "$(cat "$TMP/b/gen/config.h")"
# The installed program, pointed at its catalogs as they would be under /opt/tz.
out=$(TIZILIM_LOCALEDIR="$D/opt/tz/share/locale" "$D/opt/tz/bin/tizilim" --lang kk --help)
contains "installed catalogs: Kazakh" "Қолданылуы" "$out"
out=$(TIZILIM_LOCALEDIR="$D/opt/tz/share/locale" "$D/opt/tz/bin/tizilim" --lang ru --help)
contains "installed catalogs: Russian" "Использование" "$out"
man -l "$D/opt/tz/share/man/man1/tizilim.1" >/dev/null 2>&1 || groff -man -Tutf8 "$D/opt/tz/share/man/man1/tizilim.1" >/dev/null 2>&1
expect "man page renders" 0 $?
make -s -C "$TOP" B="$TMP/b" PREFIX=/opt/tz DESTDIR="$D" uninstall >/dev/null 2>&1
[ ! -e "$D/opt/tz/bin/tizilim" ] && ok "uninstall" || bad "uninstall" "binary left"
done_tests
