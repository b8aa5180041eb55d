#!/usr/bin/env bash
# Installs build-deb/vitscope_*.deb (scripts/build-deb.sh) with apt-get as a user would, runs the
# installed programs from another folder (vitscope-cli classifies a sample with the built-in
# model, with each copy of the element-wise kernels the CPU runs; vitscope prints its version,
# offscreen), then removes the package. Needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
debs=(build-deb/vitscope_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    echo "check-deb: expected one build-deb/vitscope_*.deb (run scripts/build-deb.sh), found: ${debs[*]}" >&2
    exit 1
fi
sample=$(realpath resources/samples/shapes_star.png)
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
apt_get() {
    DEBIAN_FRONTEND=noninteractive $sudo apt-get "$@"
}

apt_get install -y --no-install-recommends "./${debs[0]}"
trap 'apt_get remove -y vitscope' EXIT
dpkg-query -W -f='${Package} ${Version} ${Section}\nDepends: ${Depends}\n' vitscope

cd "$(mktemp -d)"
/usr/bin/vitscope-cli --version
# Every copy of the element-wise kernels this CPU runs (VITSCOPE_KERNELS caps the choice).
for kernels in "" avx2 x86-64; do
    classes=$(VITSCOPE_KERNELS=$kernels /usr/bin/vitscope-cli classify --image "$sample" --top-k 1)
    echo "kernels ${kernels:-widest}: $classes"
    if ! echo "$classes" | grep -q star; then
        echo "check-deb: the installed vitscope-cli does not see a star" >&2
        exit 1
    fi
done
QT_QPA_PLATFORM=offscreen /usr/bin/vitscope --version
[ -f /usr/share/applications/io.github.vitscope.ViTScope.desktop ]
echo "check-deb: ${debs[0]} installs, runs and is removed again"
