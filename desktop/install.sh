#!/usr/bin/env bash
# Install (or update) the app from this unpacked folder: bash install.sh [PREFIX]
# PREFIX defaults to ~/.local (this user only; /usr/local or /opt/... for every user, as root).
#   PREFIX/lib/van-clinic/            the program (replaced whole by an update)
#   PREFIX/bin/van-clinic             a link to it
#   PREFIX/share/applications, icons, metainfo: the menu entry, its icon, its description
# It never reads or writes the records (the vault folder): see docs/deployment.md.
set -euo pipefail
SRC=$(cd "$(dirname "$0")" && pwd)
PREFIX=${1:-$HOME/.local}
ID=org.vanclinic.Records
DEST="$PREFIX/lib/van-clinic"
[ -x "$SRC/van-clinic" ] && [ -d "$SRC/_internal" ] || {
    echo "error: run install.sh from the unpacked van-clinic folder" >&2; exit 1; }
[ "$SRC" != "$DEST" ] || { echo "error: this copy is already the installed one" >&2; exit 1; }

mkdir -p "$PREFIX/lib" "$PREFIX/bin"
# Copy beside the old version, then swap by rename: an interrupted update leaves the old
# program in place.
staging="$DEST.new-$$"
rm -rf "$staging"
cp -a "$SRC" "$staging"
if [ -e "$DEST" ]; then
    mv "$DEST" "$DEST.old-$$"
fi
mv "$staging" "$DEST"
rm -rf "$DEST.old-$$"
ln -sfn "$DEST/van-clinic" "$PREFIX/bin/van-clinic"

share="$PREFIX/share"
install -D -m 644 "$SRC/share/metainfo/$ID.metainfo.xml" "$share/metainfo/$ID.metainfo.xml"
(cd "$SRC/share/icons" && find . -type f) | while read -r icon; do
    install -D -m 644 "$SRC/share/icons/$icon" "$share/icons/$icon"
done
# The menu entry starts this installation by its full path (PREFIX/bin may not be on PATH).
mkdir -p "$share/applications"
sed "s|^Exec=.*|Exec=\"$PREFIX/bin/van-clinic\"|" "$SRC/share/applications/$ID.desktop" \
    > "$share/applications/$ID.desktop"
chmod 644 "$share/applications/$ID.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "installed van-clinic $(cat "$DEST/VERSION") in $DEST; start it from the menu (Records) or with $PREFIX/bin/van-clinic"
