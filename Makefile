# tizilim — GNU make, pkg-config.  `make run` and `make check` set up a fresh
# Debian 12 machine first (see the deps target).

PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := 0.3.0

CC      ?= cc
PKGS    := ncursesw sqlite3 icu-i18n icu-uc xlsxwriter minizip expat libcrypto
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CSTD    := -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
CFLAGS  ?= -O2 -g
ALL_CFLAGS = $(CSTD) $(WARN) $(CFLAGS) $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null)) -Isrc -Iui -I$(B)/gen
CORE_LIBS  = $(shell pkg-config --libs sqlite3 icu-i18n icu-uc xlsxwriter minizip expat libcrypto 2>/dev/null) -lcsv
UI_LIBS    = $(shell pkg-config --libs ncursesw 2>/dev/null)

# Debian packages the build, the tests and the program need.
DEB_PKGS := build-essential pkg-config clang libclang-rt-14-dev gettext libncurses-dev libsqlite3-dev \
            libicu-dev libcsv-dev libxlsxwriter-dev libminizip-dev libexpat1-dev \
            libssl-dev sqlite3 tmux locales python3-openpyxl passwd util-linux groff-base valgrind

B        ?= build
# `make run` and `make check` build with one job per processor, unless make
# was given its own -j.
NPROC    ?= $(shell nproc 2>/dev/null || echo 1)
JOBS_FLAG = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(NPROC))
SRC_C    := $(wildcard src/*/*.c)
UI_C     := $(wildcard ui/*.c ui/*/*.c)
DATA_SQL := data/schema.sql data/migrate-2.sql data/migrate-3.sql data/migrate-4.sql data/migrate-5.sql data/migrate-6.sql data/migrate-7.sql data/migrate-8.sql data/migrate-9.sql data/migrate-10.sql data/migrate-12.sql data/migrate-13.sql data/migrate-15.sql data/migrate-16.sql data/migrate-19.sql data/migrate-20.sql data/reference.sql data/calendar.sql data/demo.sql data/demo-grounds.sql
CORE_O   := $(SRC_C:%.c=$(B)/%.o) $(B)/gen/embedded.o
UI_O     := $(UI_C:%.c=$(B)/%.o)
UNIT_C   := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_C:tests/unit/%.c=$(B)/tests/%)
LINGUAS  := kk ru
MO       := $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/tizilim.mo)

.PHONY: FORCE all deps run check check-builds test bench install install-shared uninstall clean pot \
        po-update asan fuzz fuzz-build fuzz-bins fuzz-short

all: $(B)/tizilim $(MO)

$(B)/tizilim: $(CORE_O) $(UI_O)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(UI_LIBS) $(CORE_LIBS) $(LDFLAGS)

# Where the program finds its catalogs and data: rewritten only when PREFIX or
# the version changes, so that `make install PREFIX=...` rebuilds what uses it.
$(B)/gen/config.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define TIZILIM_VERSION "%s"\n#define LOCALEDIR "%s"\n#define DATADIR "%s"\n' \
	  '$(VERSION)' '$(PREFIX)/share/locale' '$(PREFIX)/share/tizilim' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

FORCE:

$(B)/%.o: %.c $(wildcard src/*/*.h ui/*.h ui/*/*.h) $(B)/gen/config.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The schema and reference data ship inside the binary, so that `init` needs no
# installed files; they are installed too, for reading.
$(B)/gen/embedded.c: $(DATA_SQL) data/embed.sh Makefile
	@mkdir -p $(dir $@)
	sh data/embed.sh $(DATA_SQL) > $@

$(B)/gen/embedded.o: $(B)/gen/embedded.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c tests/unit/harness.h $(CORE_O)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(CORE_O) $(CORE_LIBS) $(LDFLAGS)

$(B)/locale/%/LC_MESSAGES/tizilim.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# --- set-up ---------------------------------------------------------------
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "missing packages; run as root:"; \
	    echo "  apt-get update && apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

run: deps
	@$(MAKE) --no-print-directory $(JOBS_FLAG) all
	TIZILIM_LOCALEDIR=$(CURDIR)/$(B)/locale ./$(B)/tizilim

# --- tests ----------------------------------------------------------------
test: all $(UNIT_BIN)

asan:
	$(MAKE) --no-print-directory B=build-asan CC=clang \
	  CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
	  LDFLAGS='-fsanitize=address,undefined' test

# The three builds side by side, each in its own directory (build/,
# build-asan/, build-fuzz/, gen/ included), then the suites side by side.
check: deps
	@$(MAKE) --no-print-directory $(JOBS_FLAG) --output-sync=target check-builds
	@sh tests/run.sh

check-builds: test asan fuzz-build

bench: all
	@B=$(B) sh tests/bench.sh

# --- fuzzing --------------------------------------------------------------
# Every parser of outside data has a libFuzzer target, tests/fuzz/fuzz_*.c,
# linked with the core built for it in build-fuzz/ (libFuzzer brings its own
# main, so only src/ is linked).  `make fuzz` runs each for FUZZ_SECONDS from
# its corpus and replays tests/fuzz/regress/; `make check` does a short round.
FUZZ_B       ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_BIN      = $(patsubst tests/fuzz/%.c,$(B)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

$(B)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(CORE_O)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< $(CORE_O) $(CORE_LIBS) $(LDFLAGS)

fuzz-bins: $(FUZZ_BIN)

fuzz-build:
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=clang \
	  CFLAGS='-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)' \
	  LDFLAGS='$(FUZZ_SAN)' fuzz-bins

fuzz: deps fuzz-build
	FUZZ_B=$(FUZZ_B) FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

fuzz-short: fuzz-build
	FUZZ_B=$(FUZZ_B) FUZZ_SECONDS=5 sh tests/fuzz/run.sh

# --- catalogs -------------------------------------------------------------
pot:
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
	  --keyword=ngettext:1,2 --keyword=pgettext:1c,2 --add-comments=TRANSLATORS: \
	  --package-name=tizilim --package-version=$(VERSION) \
	  -o po/tizilim.pot $(SRC_C) $(UI_C)

po-update: pot
	for l in $(LINGUAS); do msgmerge -q --update --backup=none po/$$l.po po/tizilim.pot; done

# --- install --------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tizilim \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(B)/tizilim $(DESTDIR)$(PREFIX)/bin/tizilim
	install -m 0644 $(DATA_SQL) $(DESTDIR)$(PREFIX)/share/tizilim/
	install -m 0644 data/tizilim.1 $(DESTDIR)$(PREFIX)/share/man/man1/tizilim.1
	for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES; \
	  install -m 0644 $(B)/locale/$$l/LC_MESSAGES/tizilim.mo $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tizilim $(DESTDIR)$(PREFIX)/share/man/man1/tizilim.1
	rm -rf $(DESTDIR)$(PREFIX)/share/tizilim
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/tizilim.mo; done

# --- a shared host (README "Shared host", tizilim(1) SHARED HOST) ----------
# Several clerks, one database that only the program may write: the group
# SHARED_GROUP owns the database and the program is setgid to it.  The
# directory is root's and not the group's to write, so that SQLite never
# makes a file there that a clerk would own; the -wal and -shm files are made
# here once and kept.  SHARED_DIR must be where the program looks
# (TIZILIM_SHARED_DB in src/base/privs.h).  Run as root; run again after an
# upgrade: an existing database is kept.
SHARED_GROUP ?= tizilim
SHARED_DIR   ?= /var/lib/tizilim

install-shared: install
	@[ "$$(id -u)" = 0 ] || { echo "install-shared: run as root"; exit 1; }
	getent group $(SHARED_GROUP) >/dev/null || groupadd --system $(SHARED_GROUP)
	chgrp $(SHARED_GROUP) $(DESTDIR)$(PREFIX)/bin/tizilim
	chmod 2755 $(DESTDIR)$(PREFIX)/bin/tizilim
	install -d -o root -g $(SHARED_GROUP) -m 0750 $(SHARED_DIR)
	install -d -o root -g $(SHARED_GROUP) -m 2770 $(SHARED_DIR)/backups
	[ -e $(SHARED_DIR)/tizilim.db ] || ./$(B)/tizilim --db $(SHARED_DIR)/tizilim.db init
	for f in tizilim.db tizilim.db-wal tizilim.db-shm; do \
	  [ -e $(SHARED_DIR)/$$f ] || install -m 0660 /dev/null $(SHARED_DIR)/$$f; \
	  chown root:$(SHARED_GROUP) $(SHARED_DIR)/$$f && chmod 0660 $(SHARED_DIR)/$$f || exit 1; \
	done
	@echo "Shared database $(SHARED_DIR)/tizilim.db is ready; root administers it."
	@echo "Add the clerks as root: tizilim user add LOGIN ROLE [BODY]"

clean:
	rm -rf build build-asan $(FUZZ_B)
