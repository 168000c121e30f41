#!/usr/bin/env bash
# Waystation for macOS: Waystation.app and a .dmg. Not built on the project's Linux CI — a
# maintainer runs this on a Mac with Python 3.11 (python.org or Homebrew) and Xcode's command-line
# tools (hdiutil, codesign). From the top of a checkout:
#   bash installer/macos/build-macos.sh
# Result: dist/Waystation.app and dist/Waystation-VERSION.dmg. Without a Developer ID the app is
# signed ad hoc only: Gatekeeper asks the person to confirm the first start (right-click → Open).
# With one, set CODESIGN_IDENTITY="Developer ID Application: …" (and notarise with notarytool).
# Portable copy: copy Waystation.app to the stick with an empty ".portable" file and a "data"
# folder beside it (or run Waystation.app/Contents/MacOS/waystation --portable-setup /Volumes/STICK).
set -euo pipefail
cd "$(dirname "$0")/../.."

python3.11 -m venv .venv-macos
.venv-macos/bin/python -m pip install --quiet --upgrade pip
.venv-macos/bin/python -m pip install --quiet -e '.[dev]'
QT_QPA_PLATFORM=offscreen .venv-macos/bin/python -m installer.icons build/installer-stage/icons
.venv-macos/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller installer/waystation.spec

version=$(.venv-macos/bin/python -c 'from installer.stamp import project_version; print(project_version())')
codesign --force --deep --sign "${CODESIGN_IDENTITY:--}" dist/Waystation.app
dist/Waystation.app/Contents/MacOS/waystation --version
QT_QPA_PLATFORM=offscreen dist/Waystation.app/Contents/MacOS/waystation --selftest

staging=$(mktemp -d)
cp -R dist/Waystation.app "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "dist/Waystation-$version.dmg"
hdiutil create -volname "Waystation $version" -srcfolder "$staging" -ov -format UDZO "dist/Waystation-$version.dmg"
rm -rf "$staging"
echo "dist/Waystation-$version.dmg"
