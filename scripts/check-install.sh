#!/usr/bin/env bash
# Installs a build with `cmake --install` into a temporary DESTDIR (prefix /usr) and checks what
# a desktop reads there: both programs in bin/ (they run and print their version), the desktop
# entry (desktop-file-validate), the icon in every size and as SVG, the AppStream metadata
# (appstreamcli validate --no-net, and validate-tree over the whole tree) and the manual pages
# (groff warnings). Registered as the CTest test check_install.
# usage: scripts/check-install.sh BUILD_DIR
set -euo pipefail
build=$(realpath "${1:?usage: check-install.sh BUILD_DIR}")
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT
fail() {
    echo "check-install: $*" >&2
    exit 1
}

DESTDIR="$destdir" cmake --install "$build" --prefix /usr >/dev/null
root="$destdir/usr"
id=io.github.vitscope.ViTScope

for program in vitscope vitscope-cli; do
    [ -x "$root/bin/$program" ] || fail "bin/$program missing"
    QT_QPA_PLATFORM=offscreen "$root/bin/$program" --version | grep -q "^backend: " ||
        fail "$program --version prints no backend"
done

desktop-file-validate "$root/share/applications/$id.desktop"
grep -q "^Icon=$id$" "$root/share/applications/$id.desktop" || fail "the desktop entry names another icon"

for size in 16 22 24 32 48 64 128 256 512; do
    png="$root/share/icons/hicolor/${size}x${size}/apps/$id.png"
    [ -f "$png" ] || fail "no ${size}x${size} icon"
    # A PNG's width and height are the big-endian words at bytes 16 and 20 (IHDR).
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" |
        awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')
    if [ "$width" != "$size" ] || [ "$height" != "$size" ]; then
        fail "$png is ${width}x${height}"
    fi
done
[ -f "$root/share/icons/hicolor/scalable/apps/$id.svg" ] || fail "no scalable icon"

appstreamcli validate --no-net "$root/share/metainfo/$id.metainfo.xml"
appstreamcli validate-tree --no-net "$destdir"

for program in vitscope vitscope-cli; do
    page="$root/share/man/man1/$program.1.gz"
    [ -f "$page" ] || fail "man1/$program.1.gz missing"
    warnings=$(zcat "$page" | groff -man -Tutf8 -ww -z 2>&1)
    [ -z "$warnings" ] || fail "man page $program.1: $warnings"
done
[ -f "$root/share/doc/vitscope/copyright" ] || fail "no copyright file"
echo "check-install: the installed tree under $destdir passes"
