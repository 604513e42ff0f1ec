#!/usr/bin/env bash
# Installs the Debian 12 packages Sinau needs to build, run and test, and nothing else.
# Idempotent: when every package is already installed it returns without touching apt.
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake g++ make ninja-build pkg-config clang libclang-rt-14-dev clang-format
  # window and UI
  libimgui-dev libglfw3-dev libgl-dev libstb-dev fonts-noto-core fonts-dejavu-core
  # core libraries
  libsqlitecpp-dev libsqlite3-dev libmd4c-dev libmd4c-html0-dev libtomlplusplus-dev nlohmann-json3-dev libcli11-dev
  libsodium-dev libxlsxwriter-dev libhpdf-dev libqrencode-dev libboost-dev libzip-dev libpugixml-dev
  # tests
  catch2 xvfb xauth xdotool x11-xserver-utils sqlite3 python3 python3-openpyxl poppler-utils hyperfine curl jq unzip bc time
  # live class: the participant page in a real browser (tests/cli/class_browser.sh, playwright-core via npm)
  chromium nodejs
)
# Debian ships npm apart from nodejs; a machine with NodeSource's nodejs has npm inside it (and conflicts with Debian's).
command -v npm >/dev/null || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "sinau: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
