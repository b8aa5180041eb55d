#!/usr/bin/env bash
# Installs, with apt-get, whatever ViTScope needs to build, test and run on Debian 12.
# Idempotent: does nothing when every package is already there. libssl3 is the TLS backend Qt
# Network loads for the hub's HTTPS. desktop-file-utils, appstream and groff-base check the
# installed tree (scripts/check-install.sh); file and dpkg-dev let CPack find the .deb's dependencies.
# python3-numpy and python3-pil run the built-in model's independent evaluation (tools/eval_shapes.py).
set -euo pipefail

packages=(
    build-essential cmake
    qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-image-formats-plugins libgl-dev
    libeigen3-dev nlohmann-json3-dev libopenblas-openmp-dev libdnnl-dev
    xvfb xauth
    fonts-noto-cjk
    libssl3 ca-certificates
    libheif-dev pkg-config
    desktop-file-utils appstream groff-base file dpkg-dev
    python3-numpy python3-pil
)
# The hub's tests run a local hub and the hub's JavaScript client on Node.js; a machine that has
# node and npm from elsewhere (NodeSource) keeps them, as Debian's npm would conflict with it.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
