# The two commands of the README's quick start: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup system-packages demo test lint bench clean

# Debian packages, installed only when missing (as root, quietly), so setup on a ready
# machine does nothing: libarchive13 for .7z .rar .cab (found by its library); Tesseract
# with its English and orientation data, and the DejaVu font the OCR tests draw with
# (docs/ocr.md).
DEBIAN_LIBS := libarchive.so.13:libarchive13
DEBIAN_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd fonts-dejavu-core
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install \
	-y -qq --no-install-recommends

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

system-packages:
	@for pair in $(DEBIAN_LIBS); do \
	  lib=$${pair%%:*}; package=$${pair#*:}; \
	  ldconfig -p | grep -q "$$lib " || missing="$$missing $$package"; \
	done; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'ok installed' || \
	    missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  $(APT_INSTALL) $$missing >/dev/null 2>&1 || \
	  { apt-get update -qq >/dev/null && $(APT_INSTALL) $$missing >/dev/null; }; \
	fi

# phiscan's health vocabulary compiled once instead of at each scan's start
# (recognizers/compiled_vocabulary.py); rebuilt when a vocabulary file or the code that
# reads them changes. Without it phiscan builds the vocabulary from the text files.
COMPILED_VOCABULARY := recognizers/data/health_vocabulary.bin
$(COMPILED_VOCABULARY): $(STAMP) $(wildcard recognizers/data/*.txt) recognizers/health_vocabulary.py \
		recognizers/vocabulary.py recognizers/compiled_vocabulary.py
	$(BIN)/python -m recognizers.compiled_vocabulary

# HOME_ACCESS's lazy grammar compiled once instead of in every scan's workers
# (recognizers/compiled_patterns.py); rebuilt when a recognizer or vocabulary file changes.
# Without it each pattern is compiled from its source when a text first needs it.
COMPILED_PATTERNS := recognizers/data/compiled_patterns.bin
$(COMPILED_PATTERNS): $(STAMP) $(wildcard recognizers/data/*.txt) $(wildcard recognizers/*.py)
	$(BIN)/python -m recognizers.compiled_patterns

# The OCR reading's automaton of damaged forms compiled once instead of at each scan's
# start (recognizers/compiled_ocr.py); rebuilt when a vocabulary file or the code that
# makes the forms changes. Without it phiscan builds the automaton from the text files.
COMPILED_OCR := recognizers/data/ocr_forms.bin
$(COMPILED_OCR): $(STAMP) $(wildcard recognizers/data/*.txt) recognizers/ocr_reading.py \
		recognizers/vocabulary.py recognizers/compiled_ocr.py
	$(BIN)/python -m recognizers.compiled_ocr

# phiscan's own modules compiled to bytecode once. Python writes it at a first import, but
# not where PYTHONDONTWRITEBYTECODE is set (as on the build machine): there every process
# compiled phiscan's ~120 modules from source again (0.1-0.15 CPU s of each command's
# start; bench/RESULTS.md, session 13). A stale file is ignored by Python (it compares the
# source's time), never wrong.
BYTECODE := $(VENV)/.bytecode-stamp
$(BYTECODE): $(STAMP) $(wildcard phiscan/*.py phiscan/*/*.py recognizers/*.py)
	$(BIN)/python -m compileall -q phiscan recognizers
	touch $(BYTECODE)

setup: system-packages $(STAMP) $(COMPILED_VOCABULARY) $(COMPILED_PATTERNS) $(COMPILED_OCR) \
		$(BYTECODE)

demo: setup
	rm -rf demo-share demo-out
	$(BIN)/python -m phiscan.synthetic.demo_share demo-share
	$(BIN)/phiscan scan demo-share --out demo-out
	$(BIN)/phiscan report demo-out

# --durations=25: every CI log lists the suite's slowest tests, so a test that grows
# past the suite's time budget is seen in the run that added it.
# The suite runs in two pytest processes (pytest-xdist, whole files to each, so a file's
# module fixtures are built once; servers, daemons and shares have their own ports and
# folders): a fresh clone on a quiet 2-core machine passed in 4:57 this way (session 20,
# bench/RESULTS.md), against 9-19 min in one process. TEST_PROCESSES=0 runs it in one.
TEST_PROCESSES ?= 2
test: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q --durations=25 \
		$(if $(filter-out 0,$(TEST_PROCESSES)),-n $(TEST_PROCESSES) --dist loadfile)

lint: setup
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python bench/compare.py

clean:
	rm -rf $(VENV) demo-share demo-out
