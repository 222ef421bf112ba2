#!/usr/bin/env bash
# Build the packaged app with PyInstaller (why PyInstaller: docs/deployment.md):
#   dist/van-clinic/                               the app folder, `van-clinic` executable inside
#   dist/van-clinic-<version>-linux-x86_64.tar.gz  that folder as a tarball
#   dist/SHA256SUMS                                the tarball's checksum (sha256sum -c)
# It installs what the build needs into .build-venv/ (the app's dependencies from
# pyproject.toml and the pinned build tool from desktop/build-requirements.txt), checks the
# desktop metadata, builds, checks that the folder carries what the app needs and stays under
# the size budget. Usage: bash desktop/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" != Linux ]; then
    echo "desktop/build.sh builds the Linux app; for Windows and macOS see docs/deployment.md" >&2
    exit 1
fi
VENV=.build-venv
PY="$VENV/bin/python"
ID=org.vanclinic.Records
MAX_MB=250

say() { printf '== %s\n' "$*"; }

[ -x "$PY" ] || python3 -m venv "$VENV"
"$PY" - <<'PYEOF' > "$VENV/app-requirements.txt"
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["dependencies"]))
PYEOF
say "installing the build's Python packages into $VENV"
"$PY" -m pip install -q --disable-pip-version-check \
    -r "$VENV/app-requirements.txt" -r desktop/build-requirements.txt 2>&1 | grep -v "is ignored" || true
"$PY" -c "import PyInstaller, PySide6, sqlcipher3, _rl_accel" # the install worked

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
PLATFORM="linux-$(uname -m)"  # linux-x86_64 on the machines this is tested on

say "checking the desktop metadata"
desktop-file-validate "desktop/$ID.desktop"
appstreamcli validate --no-net "desktop/$ID.metainfo.xml"

say "building van-clinic $VERSION (PyInstaller)"
start=$(date +%s)
rm -rf build/van-clinic dist/van-clinic
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/van-clinic \
    desktop/van-clinic.spec

APP=dist/van-clinic
# Desktop integration files, laid out as under a prefix, and the per-user installer.
install -D -m 644 "desktop/$ID.desktop" "$APP/share/applications/$ID.desktop"
install -D -m 644 "desktop/$ID.metainfo.xml" "$APP/share/metainfo/$ID.metainfo.xml"
install -D -m 644 desktop/icons/van-clinic.svg "$APP/share/icons/hicolor/scalable/apps/$ID.svg"
for size in 32 48 64 128 256; do
    install -D -m 644 "desktop/icons/van-clinic-$size.png" \
        "$APP/share/icons/hicolor/${size}x${size}/apps/$ID.png"
done
install -m 755 desktop/install.sh "$APP/install.sh"
echo "$VERSION" > "$APP/VERSION"

say "checking what the folder carries"
missing=0
for pattern in 'van-clinic' '_internal/libpython3*' '_internal/PySide6/QtPdf.*' \
        '_internal/PySide6/QtPrintSupport.*' '_internal/PySide6/Qt/lib/libQt6Pdf.so*' \
        '_internal/PySide6/Qt/plugins/platforms/libqxcb.so' \
        '_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so' \
        '_internal/PySide6/Qt/plugins/printsupport/libcupsprintersupport.so' \
        '_internal/PySide6/Qt/translations/qtbase_fr.qm' \
        '_internal/ui/translations/van_clinic_en.qm' '_internal/ui/translations/van_clinic_fr.qm' \
        '_internal/sqlcipher3/_sqlite3*' '_internal/_rl_accel*' \
        '_internal/reports/fonts/DejaVuSans.ttf' '_internal/desktop/icons/van-clinic-256.png'; do
    # shellcheck disable=SC2086
    if ! compgen -G "$APP/$pattern" >/dev/null; then
        echo "missing from the build: $pattern" >&2
        missing=1
    fi
done
[ "$missing" = 0 ] || exit 1
# The platform plugins must find every library they link to (in the folder or, for the C
# library and the graphics drivers, on any Linux).
plugins="$APP/_internal/PySide6/Qt/plugins/platforms"
if LD_LIBRARY_PATH="$APP/_internal:$APP/_internal/PySide6/Qt/lib" \
        ldd "$plugins/libqxcb.so" "$plugins/libqoffscreen.so" | grep "not found"; then
    echo "a Qt platform plugin lacks a library (run .ci/system-packages before building)" >&2
    exit 1
fi
if compgen -G "$APP/_internal/PySide6/Qt/lib/libQt6WebEngine*" >/dev/null; then
    echo "the build carries QtWebEngine, which the app does not use" >&2
    exit 1
fi
size_mb=$(du -sm "$APP" | cut -f1)
[ "$size_mb" -lt "$MAX_MB" ] || { echo "the app folder is ${size_mb} MB, over ${MAX_MB} MB" >&2; exit 1; }

say "packing"
TARBALL="van-clinic-$VERSION-$PLATFORM.tar.gz"
rm -f "dist/$TARBALL" dist/SHA256SUMS
# Files in name order, owned by root, dated at the last commit: the same inputs give the
# same tar stream.
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C dist \
    -cf - van-clinic | gzip -n -6 > "dist/$TARBALL"
(cd dist && sha256sum "$TARBALL" > SHA256SUMS)
end=$(date +%s)
say "built $APP (${size_mb} MB unpacked), dist/$TARBALL ($(du -m "dist/$TARBALL" | cut -f1) MB) in $((end - start)) s"
