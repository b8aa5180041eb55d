#!/usr/bin/env bash
# Renders the application icon's PNG sizes from its SVG (resources/desktop/icons/), the files
# `cmake --install` puts into share/icons/hicolor/SIZExSIZE/apps/. Run it after changing the SVG
# and commit the PNGs; needs rsvg-convert (Debian's librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../resources/desktop/icons"
id=io.github.vitscope.ViTScope
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" "$id.svg" --output "$id-$size.png"
done
ls -l ./*.png
