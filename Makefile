# Waystation — a newcomer needs only `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed


.PHONY: run test test-slow lint format bench i18n screenshots clean venv installer installer-smoke

venv: $(STAMP)

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Waystation needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# Every editable mode of setuptools prints a notice ("Editable installation…") that tells a
	@# newcomer nothing; the data folders themselves are declared as packages (setup.py).
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The interface translations, compiled for `make run` when their .po changed (the .mo files are
# not kept in git): without them the app compiles each catalog in memory at every start.
CATALOGS := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/waystation.po))

run: $(STAMP) $(CATALOGS)
	$(BIN)/waystation

locales/%/LC_MESSAGES/waystation.mo: locales/%/LC_MESSAGES/waystation.po $(STAMP)
	@$(BIN)/python -m tools.i18n compile $*

# Everything but the long fault loops (kill -9 at random moments, bit flips, fuzzing), which
# `make test-slow` runs and CI runs too (tests/faults/README.md).
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check app tests bench tools installer
	$(BIN)/ruff format --check app tests bench tools installer
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format app tests bench tools installer
	$(BIN)/ruff check --fix app tests bench tools installer

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots $(SCREENSHOTS_ARGS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.about_screenshot
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.guide_update_screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.form_screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.helpdesk_screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info app/*.egg-info .pytest_cache .mypy_cache .ruff_cache

i18n: $(STAMP)
	$(BIN)/python -m tools.i18n extract update compile

# The frozen app (installer/README.md): dist/waystation/, its .tar.gz, a .deb, and an AppImage
# where appimagetool is installed. Windows and macOS: installer/windows, installer/macos.
installer: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller installer/waystation.spec
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m installer.package_linux
	@du -sh --apparent-size dist/waystation | sed 's/\t/  unpacked: /'

# The frozen app's smoke test (CI): --version and --selftest, installed and portable.
installer-smoke:
	$(BIN)/python -m installer.smoke dist/waystation
