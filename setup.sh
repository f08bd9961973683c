#!/usr/bin/env bash
# The README's two commands:
#   ./setup.sh demo   install the dependencies, build, run `trellis demo`
#   ./setup.sh test   install the dependencies, build, run every test
# and, for CI, `./setup.sh sanitize`: the tests again under ASan and UBSan.
set -euo pipefail
cd "$(dirname "$0")"

# Debian bookworm packages; nothing else is downloaded.
packages=(
  build-essential cmake pkg-config python3 python3-icalendar sqlite3 time
  libboost1.74-dev libboost-filesystem-dev liblua5.4-dev libtomlplusplus-dev
  libsqlite3-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev libical-dev
  libssl-dev libelf-dev
)

install_dependencies() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() { # build-dir [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j"$(nproc)"
}

case "${1:-}" in
  demo)
    install_dependencies
    build build
    ./build/cli/trellis demo "${@:2}"
    ;;
  test)
    install_dependencies
    build build
    ctest --test-dir build --output-on-failure -j"$(nproc)"
    ;;
  sanitize)
    install_dependencies
    build build-asan -DTRELLIS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -LE bench
    ;;
  *)
    echo "usage: ./setup.sh demo|test|sanitize" >&2
    exit 2
    ;;
esac
