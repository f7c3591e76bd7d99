# Quick start: `make run` opens Pelita on a throwaway SQLite database with demo data,
# `make test` runs the whole test suite. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# CI adds `bundle` (PyInstaller): `make test` then builds and starts the installer bundle too.
EXTRAS ?= test

.PHONY: run test bench screenshots bundle wheel clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[$(EXTRAS)]'
	# As an installer would, Pelita and its libraries byte-compiled: with PYTHONDONTWRITEBYTECODE
	# set (CI machines) pip leaves peewee uncompiled, 80 ms of every start.
	# (PySide6's deployment templates are not Python.)
	$(BIN)/python -m compileall -q -x '\.tmpl\.py$$' desktop \
		$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
	touch $(STAMP)

run: $(STAMP)
	@# Qt's X11 plugin needs system libraries a fresh Debian/Ubuntu may lack: installed
	@# here when run as root, otherwise the one command to run is printed.
	$(BIN)/python -m desktop.views.shell.system_libs --install
	$(BIN)/pelita --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks --json benchmarks/last.json $(BENCH_ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --out docs/screenshots

# The Linux installer bundle, dist/pelita/ (README, Pemasang: the Windows setup file).
bundle: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bundle]'
	PYTHON=$(BIN)/python installer/build-linux.sh

# The wheel, dist/pelita-VERSION-py3-none-any.whl, carrying resources/ and letter_templates/.
wheel: $(STAMP)
	$(BIN)/pip wheel --no-deps --quiet -w dist .

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
