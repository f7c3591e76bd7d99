#!/usr/bin/env bash
# The Linux bundle: dist/pelita/ (one folder; run dist/pelita/pelita) and
# dist/pelita-VERSION-linux-x86_64.tar.gz. Needs PyInstaller: `make bundle` installs it
# (the [bundle] extra) and runs this script. PYTHON: the virtualenv's python (.venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

"$PYTHON" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    installer/pelita.spec
version=$("$PYTHON" -c 'import desktop; print(desktop.__version__)')
archive="dist/pelita-$version-linux-$(uname -m).tar.gz"
tar -czf "$archive" -C dist pelita
echo "Bundle: dist/pelita ($(du -sh dist/pelita | cut -f1)), archive: $archive"
