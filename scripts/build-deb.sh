#!/usr/bin/env bash
# Builds the Debian 12 package build-deb/vitscope_VERSION-1_amd64.deb: a portable Release build
# (no -march=native, so that it runs on any x86-64 machine; tests off) in its own folder, then
# CPack's DEB generator (dependencies from dpkg-shlibdeps). scripts/check-deb.sh installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DVITSCOPE_NATIVE=OFF -DVITSCOPE_BUILD_TESTS=OFF \
    -DCMAKE_INSTALL_PREFIX=/usr
cmake --build build-deb -j"$(nproc)"
rm -f build-deb/vitscope_*.deb
(cd build-deb && cpack -G DEB)
ls -l build-deb/vitscope_*.deb
