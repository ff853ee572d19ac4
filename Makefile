# cutoff: a plain GNU Makefile.
#   make          build ./cutoff (release, -O2)
#   make run      install missing build dependencies, build, open a sample
#   make check    install missing build and test dependencies, run every test
#   make install PREFIX=/usr/local DESTDIR=
# Objects go to build/rel (release) and build/asan (ASan+UBSan, for tests).

CC      ?= cc
PREFIX  ?= /usr/local
MANDIR  ?= $(PREFIX)/share/man

# -Werror only where we check (make check, CI): a user's newer compiler
# may warn about a correct program, and must still build it.
WERROR  ?=
WARN    = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 $(WERROR)
# include/ holds what a family or layer shows others; src/ the headers a
# family keeps to itself (src/core/load/row.h), included the same way
CPPFLAGS_BASE = -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L $(CPPFLAGS)
# each object's header dependencies, written beside it (-MMD -MP)
CPPFLAGS_ALL = $(CPPFLAGS_BASE) -MMD -MP
CFLAGS_REL   = -std=c11 -O2 -pthread $(WARN) $(CFLAGS)
CFLAGS_ASAN  = -std=c11 -O1 -g -pthread -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all \
               -fno-omit-frame-pointer $(WARN) $(CFLAGS)
CURSES_CFLAGS := $(shell pkg-config --cflags ncursesw 2>/dev/null)
CURSES_LIBS   := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
READLINE_LIBS := $(shell pkg-config --libs readline 2>/dev/null || echo -lreadline)
PQ_CFLAGS := $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
PQ_LIBS   := $(shell pkg-config --libs libpq 2>/dev/null || echo -lpq)
CORE_LIBS = -lcsv -lz -lzstd -lm $(PQ_LIBS)
LIBS    = $(CORE_LIBS) $(READLINE_LIBS) $(CURSES_LIBS)

# The layers are folders: src/core (data to numbers, in families:
# base, sort, load, stats, report), src/app (the state and its actions),
# src/ui (cells and panels), src/tty (ncurses and readline), and
# main/options at the top (docs/hacking.md draws them).  NOCURSES is
# everything that links without curses (the unit tests and fuzzers link
# it); TERMINAL is what only the program links.
NOCURSES = $(patsubst src/%.c,%,$(wildcard src/core/*/*.c src/app/*.c src/ui/*.c)) options optcheck optlist usage say print warehouse
TERMINAL = $(patsubst src/%.c,%,$(wildcard src/tty/*.c)) main
# every tests/unit/test_*.c; make unit ONLY=fold runs test_fold alone
TESTS   = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
ONLY    ?=
RUN_TESTS = $(if $(ONLY),$(filter test_$(ONLY),$(TESTS)),$(TESTS))

NOCURSES_REL  = $(NOCURSES:%=build/rel/%.o)
NOCURSES_ASAN = $(NOCURSES:%=build/asan/%.o)
TERMINAL_REL  = $(TERMINAL:%=build/rel/%.o)
TERMINAL_ASAN = $(TERMINAL:%=build/asan/%.o)

.PHONY: pg layers docs fuzz fuzz-short fuzz-corpus large all run check deps test-deps unit unit-asan cli e2e valgrind bench bench-huge bench-steps install uninstall clean

all: cutoff

cutoff: $(NOCURSES_REL) $(TERMINAL_REL)
	$(CC) $(CFLAGS_REL) -o $@ $^ $(LDFLAGS) $(LIBS)

build/asan/cutoff: $(NOCURSES_ASAN) $(TERMINAL_ASAN)
	$(CC) $(CFLAGS_ASAN) -o $@ $^ $(LDFLAGS) $(LIBS)

HEADERS = $(wildcard include/*.h include/*/*.h include/*/*/*.h src/*/*/*.h)

# The flags an object was built with: when they change (WERROR set by
# make check, say), every object is built again.
build/rel/flags build/asan/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(CC) $(CPPFLAGS_ALL) $(if $(findstring asan,$@),$(CFLAGS_ASAN),$(CFLAGS_REL))' | cmp -s - $@ || \
		echo '$(CC) $(CPPFLAGS_ALL) $(if $(findstring asan,$@),$(CFLAGS_ASAN),$(CFLAGS_REL))' >$@

build/rel/%.o: src/%.c build/rel/flags
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_REL) -c -o $@ $<

build/asan/%.o: src/%.c build/asan/flags
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ASAN) -c -o $@ $<

-include $(wildcard build/rel/*.d build/rel/*/*.d build/rel/*/*/*.d build/asan/*.d build/asan/*/*.d build/asan/*/*/*.d)

.PHONY: FORCE

# Only the PostgreSQL client sees libpq's header.
build/rel/core/load/pgsource.o: CPPFLAGS_ALL += $(PQ_CFLAGS)
build/asan/core/load/pgsource.o: CPPFLAGS_ALL += $(PQ_CFLAGS)

# Only the shell sees curses.
build/rel/tty/term.o: CPPFLAGS_ALL += $(CURSES_CFLAGS)
build/asan/tty/term.o: CPPFLAGS_ALL += $(CURSES_CFLAGS)

build/rel build/asan:
	mkdir -p $@

# Unit tests link the core and the rendering layer without curses; cmocka.
build/rel/%: tests/unit/%.c $(NOCURSES_REL)
	$(CC) $(CPPFLAGS_ALL) -Itests/unit $(CFLAGS_REL) -Wno-missing-prototypes -o $@ $< \
		$(NOCURSES_REL) $(LDFLAGS) $(CORE_LIBS) -lcmocka

build/asan/%: tests/unit/%.c $(NOCURSES_ASAN)
	$(CC) $(CPPFLAGS_ALL) -Itests/unit $(CFLAGS_ASAN) -Wno-missing-prototypes -o $@ $< \
		$(NOCURSES_ASAN) $(LDFLAGS) $(CORE_LIBS) -lcmocka

deps:
	@sh .ci/install-deps build

test-deps:
	@sh .ci/install-deps test

run: deps
	@$(MAKE) --no-print-directory cutoff
	./cutoff --positive malignant -l diagnosis -s logreg,naive_bayes samples/breast_cancer.csv

# Unit tests run from the project root (they read samples/ and tests/).
unit: $(RUN_TESTS:%=build/rel/%)
	@for t in $(RUN_TESTS); do echo "== $$t"; ./build/rel/$$t || exit 1; done

unit-asan: $(RUN_TESTS:%=build/asan/%)
	@for t in $(RUN_TESTS); do echo "== $$t (asan)"; ./build/asan/$$t || exit 1; done

cli: cutoff build/asan/cutoff build/gen
	@sh tests/cli/run.sh ./cutoff
	@sh tests/cli/run.sh ./build/asan/cutoff
	@sh tests/cli/fastpaths.sh ./cutoff ./build/gen
	@sh tests/cli/scanner.sh ./cutoff ./build/gen
	@sh tests/cli/compressed.sh ./cutoff ./build/gen
	@sh tests/cli/compressed.sh ./build/asan/cutoff ./build/gen
	@sh tests/cli/sql.sh ./cutoff ./build/gen
	@sh tests/cli/emitsql.sh ./cutoff
	@sh tests/cli/emitsql.sh ./build/asan/cutoff
	@sh tests/cli/deploy.sh ./cutoff
	@sh tests/cli/deploy.sh ./build/asan/cutoff
	@sh tests/cli/groups.sh ./cutoff
	@sh tests/cli/groups.sh ./build/asan/cutoff
	@sh tests/cli/drift.sh ./cutoff
	@sh tests/cli/drift.sh ./build/asan/cutoff
	@sh tests/cli/multiclass.sh ./cutoff
	@sh tests/cli/multiclass.sh ./build/asan/cutoff
	@sh tests/cli/rows.sh ./cutoff
	@sh tests/cli/rows.sh ./build/asan/cutoff
	@sh tests/cli/baseline.sh ./cutoff
	@sh tests/cli/baseline.sh ./build/asan/cutoff
	@sh tests/cli/rowcost.sh ./cutoff
	@sh tests/cli/svg.sh ./cutoff
	@GEN=./build/gen sh tests/cli/html.sh ./cutoff
	@sh tests/cli/rowcost.sh ./build/asan/cutoff
	@sh tests/cli/band.sh ./cutoff
	@sh tests/cli/band.sh ./build/asan/cutoff
	@GEN=./build/gen sh tests/cli/hostile.sh ./cutoff
	@GEN=./build/gen sh tests/cli/hostile.sh ./build/asan/cutoff
	@sh tests/cli/attack.sh ./cutoff
	@sh tests/cli/attack.sh ./build/asan/cutoff
	@python3 tests/cli/property.py ./cutoff 500
	@python3 tests/cli/property.py ./build/asan/cutoff 200
	@python3 tests/cli/sentences.py ./cutoff
	@sh tests/cli/words.sh ./cutoff
	@python3 tests/cli/sentences.py ./build/asan/cutoff

# A private PostgreSQL server for the connection's tests, started and
# always stopped by the script (tests/pg/server.sh).
pg: cutoff build/asan/cutoff
	@sh tests/pg/run.sh ./cutoff ./build/asan/cutoff

valgrind: cutoff
	@sh tests/cli/valgrind.sh ./cutoff

# The explorer in tmux (keys, mouse, resize, exit paths, numbers on screen),
# one file a behaviour under tests/e2e; make e2e ONLY=overlay runs one.
e2e: cutoff build/gen
	@GEN=./build/gen sh tests/e2e/run.sh ./cutoff $(ONLY)

# The layers and families from the includes, file and function sizes
# (tests/layers.sh); the documents against the tree (tests/docs.sh).
layers:
	@sh tests/layers.sh

docs:
	@sh tests/docs.sh

check: test-deps
	@$(MAKE) --no-print-directory WERROR=-Werror layers docs unit unit-asan cli pg e2e fuzz-short valgrind

# Fuzzing (libFuzzer, clang): make fuzz runs each harness FUZZ_SECONDS;
# make check runs a short pass.  Crashes found go to tests/fuzz/regressions/
# and are replayed by every run.
FUZZ_SECONDS ?= 60
FUZZERS = fuzz_loader fuzz_cmd fuzz_parse fuzz_stream
FUZZ_SRC = $(NOCURSES:%=src/%.c)
FUZZ_FLAGS = -std=c11 -g -O1 -pthread -fsanitize=fuzzer,address,undefined,float-cast-overflow -fno-sanitize-recover=all

build/fuzz/%: tests/fuzz/%.c $(FUZZ_SRC) $(HEADERS)
	@mkdir -p build/fuzz
	clang $(CPPFLAGS_BASE) $(PQ_CFLAGS) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_SRC) $(CORE_LIBS)

fuzz-corpus:
	@sh tests/fuzz/corpus.sh

fuzz: $(FUZZERS:%=build/fuzz/%) fuzz-corpus
	@for f in $(FUZZERS); do \
		echo "== $$f, $(FUZZ_SECONDS) s"; \
		./build/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
			-artifact_prefix=tests/fuzz/regressions/$$f- build/fuzz/corpus/$$f \
			> build/fuzz/$$f.log 2>&1; rc=$$?; \
		grep -E "^(Done|#[0-9]+ *DONE)|SUMMARY|ERROR" build/fuzz/$$f.log | tail -2; \
		[ $$rc -eq 0 ] || { echo "$$f failed: see build/fuzz/$$f.log"; exit 1; }; \
	done

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10

install: cutoff
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1
	install -m 755 cutoff $(DESTDIR)$(PREFIX)/bin/cutoff
	install -m 644 man/cutoff.1 $(DESTDIR)$(MANDIR)/man1/cutoff.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/cutoff $(DESTDIR)$(MANDIR)/man1/cutoff.1

clean:
	rm -rf build cutoff

# A large generated sample (not committed): make large ROWS=10000000
ROWS ?= 10000000
build/gen: bench/gen.c | build/rel
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_REL) -Wno-format-nonliteral -o $@ $< -lm

large: build/gen
	./build/gen -n $(ROWS) > build/large.csv
	@ls -l build/large.csv

# The explorer's per-step cost (see bench/steps.c): instructions per slider
# step with a full redraw at 200x60, on 1K and on 10M rows, by callgrind.
build/steps: bench/steps.c $(NOCURSES_REL)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_REL) -g -o $@ $< $(NOCURSES_REL) $(LDFLAGS) $(CORE_LIBS)

# cutoff against pandas + scikit-learn, 1M and 10M rows (see bench/run.sh).
bench: cutoff build/gen
	@sh .ci/install-deps bench
	@sh bench/run.sh
	@sh bench/pg.sh

# A 5 GB file (450M rows) through the streaming path; deleted afterwards.
bench-huge: cutoff build/gen
	@sh bench/huge.sh

bench-steps: build/steps build/gen
	@test -f build/large.csv || ./build/gen -n 10000000 > build/large.csv
	@head -1001 build/large.csv > build/k1.csv
	@for f in build/k1.csv build/large.csv; do \
		for r in "0" "4" "4 -- --prevalence 0.01"; do \
			n=$$(valgrind --tool=callgrind --toggle-collect=run_steps --callgrind-out-file=/dev/null \
				./build/steps -n 1000 -r $$r -- $$f 2>&1 | sed -n 's/.*Collected : //p'); \
			echo "$$f: $$((n / 1000)) instructions per step (200x60, 1000 steps, plots from $$r)"; \
		done; \
	done
	@test -f build/large_g20.csv || awk -F, 'NR == 1 { print $$0 ",grp"; next } { print $$0 ",g" NR % 20 }' \
		build/large.csv > build/large_g20.csv
	@head -1001 build/large_g20.csv > build/k1_g20.csv
	@for f in build/k1_g20.csv build/large_g20.csv; do \
		for st in single equal-recall=0.8; do \
			n=$$(valgrind --tool=callgrind --toggle-collect=run_steps --callgrind-out-file=/dev/null \
				./build/steps -n 1000 -- --group grp --group-thresholds $$st $$f 2>&1 | \
				sed -n 's/.*Collected : //p'); \
			echo "$$f: $$((n / 1000)) instructions per step (200x60, 1000 steps, 20 groups, $$st)"; \
		done; \
	done
	@test -f build/large_mc3.csv || awk 'BEGIN { srand(3); print "label,a,b,c"; for (i = 0; i < 10000000; i++) { \
		r = rand(); y = r < 0.5 ? 0 : (r < 0.8 ? 1 : 2); s0 = rand() + (y == 0) * 0.8; s1 = rand() + (y == 1) * 0.8; \
		s2 = rand() + (y == 2) * 0.8; t = s0 + s1 + s2; \
		printf "%s,%.8f,%.8f,%.8f\n", substr("abc", y + 1, 1), s0 / t, s1 / t, s2 / t } }' > build/large_mc3.csv
	@head -1001 build/large_mc3.csv > build/k1_mc3.csv
	@for f in build/k1_mc3.csv build/large_mc3.csv; do \
		n=$$(valgrind --tool=callgrind --toggle-collect=run_steps --callgrind-out-file=/dev/null \
			./build/steps -k -n 1000 -- --multiclass -l label -s a,b,c $$f 2>&1 | sed -n 's/.*Collected : //p'); \
		echo "$$f: $$((n / 1000)) instructions per step (200x60, 1000 steps, 3 classes, k: the K x K matrix)"; \
	done
