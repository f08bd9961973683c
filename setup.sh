#!/usr/bin/env bash
# The README's two commands:
#   ./setup.sh demo   install the dependencies, build, run `trellis demo`
#   ./setup.sh test   install the dependencies, build, run every test
# and, for CI, `./setup.sh sanitize`: the tests again under ASan and UBSan, then
# `trellis serve` under ThreadSanitizer with concurrent requests;
# `./setup.sh bench`: the national benchmark (tests/bench/national.sh, issue 18), one table
# against the pandas script an analyst would write; its NATIONAL_* knobs are listed there;
# `./setup.sh fuzz`: the libFuzzer targets of tests/fuzz, FUZZ_SECONDS each (default 600;
# FUZZ_TARGETS picks some). CI runs no fuzzing: it is run by hand (see tests/fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")"

# Debian bookworm packages; nothing else is downloaded.
packages=(
  build-essential cmake pkg-config python3 python3-icalendar sqlite3 time
  libboost1.74-dev libboost-filesystem-dev liblua5.4-dev libtomlplusplus-dev
  libsqlite3-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev libical-dev
  libssl-dev libelf-dev libargon2-dev libcpp-httplib-dev libkainjow-mustache-dev libxlsxwriter-dev
  chromium chromium-driver python3-selenium python3-openpyxl python3-pandas
)
# Only for `./setup.sh fuzz`: clang with libFuzzer (the compiler-rt that matches it).
fuzz_packages=(clang-14 libclang-rt-14-dev)

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

# `trellis serve` under ThreadSanitizer (issue 17), the last step of
# `./setup.sh sanitize`: only the program and the regime plugins, built -O1
# with line tables in build-tsan/, then many pages and forms at once on the
# demo database (tests/web/serve_concurrent.py), stopping at the first race (exit 66);
# then assess on two threads over the demo (tests/cli/threads_tsan.sh) and
# over five LAs' schools, several windows of evidence (tests/cli/windows.sh).
tsan_serve() {
  local start=$SECONDS targets=(trellis)
  for d in plugins/*/; do targets+=("trellis_regime_$(basename "$d")"); done
  cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=None -DTRELLIS_TESTS=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=thread -O1 -g1" -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread \
    -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread -DCMAKE_MODULE_LINKER_FLAGS=-fsanitize=thread >/dev/null
  cmake --build build-tsan -j"$(nproc)" --target "${targets[@]}"
  TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 suppressions=$PWD/tests/web/tsan.supp" \
    python3 tests/web/serve_concurrent.py build-tsan/cli/trellis . build-tsan/serve.log
  # assess on two threads (issue 18): every regime's dry run over the demo.
  TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" bash tests/cli/threads_tsan.sh build-tsan/cli/trellis . \
    build-asan/tests/demo/trellis.db
  # and over more schools than a window of evidence: the next window read while this one is judged.
  TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" bash tests/cli/windows.sh build-tsan/cli/trellis . \
    ../shared/data
  echo "ThreadSanitizer step: $((SECONDS - start)) s (log: build-tsan/serve.log)"
}

case "${1:-}" in
  demo)
    install_dependencies
    build build
    ./build/cli/trellis demo "${@:2}"
    ;;
  test)
    install_dependencies
    # Line tables only (-g1): enough for a backtrace, and a quicker build than -g.
    build build -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
    ctest --test-dir build --output-on-failure -j"$(nproc)"
    ;;
  sanitize)
    install_dependencies
    build build-asan -DTRELLIS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -LE bench
    tsan_serve
    ;;
  bench)
    install_dependencies
    build build
    bash tests/bench/national.sh build/cli/trellis . ../shared/data
    ;;
  fuzz)
    # libFuzzer targets (tests/fuzz/fuzz_NAME.cpp), built with clang over the
    # kernel's own sources; each runs FUZZ_SECONDS (default 600) from the seeds
    # in tests/fuzz/corpus/NAME. FUZZ_TARGETS="csv writers" runs only those;
    # FUZZ_SECONDS=0 only builds them.
    # A crash (or a hang, a leak, too much memory) leaves crash-* (timeout-*,
    # leak-*, oom-*) in build-fuzz/ and fails the run: make it a regression
    # test (and a seed).
    packages+=("${fuzz_packages[@]}")
    install_dependencies
    fuzz_seconds=${FUZZ_SECONDS:-600}
    targets=(${FUZZ_TARGETS:-text period_date policy_toml csv import_rows crosswalk elf_probe writers})
    mkdir -p build-fuzz/obj
    cxx=(clang++-14); command -v ccache >/dev/null && cxx=(ccache clang++-14)
    includes=(-Ikernel/include -Isdk/include $(pkg-config --cflags lua5.4 libical tomlplusplus))
    sanitize=(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
    # The kernel's sources each target stands on (by folder); each target links
    # only the objects it reaches from them.
    declare -A folders=(
      [text]="core" [period_date]="core period calendar" [policy_toml]="core policy/toml_bounds"
      [csv]="core csv" [elf_probe]="core plugin/elf_probe" [writers]="core period calendar schedule csv"
      [crosswalk]="core period calendar lua policy sdk"
      [import_rows]="core period store store/sqlite people calendar schedule csv schools evidence import sdk"
    )
    sources_of() {
      for f in ${folders[$1]}; do
        if [ "$f" = sdk ]; then ls sdk/src/*.cpp
        elif [ -f "kernel/$f.cpp" ]; then echo "kernel/$f.cpp"
        else ls kernel/"$f"/*.cpp; fi
      done
    }
    libs=($(pkg-config --libs lua5.4 libical tomlplusplus sqlite3 libelf libcrypto) -lboost_filesystem)
    for name in "${targets[@]}"; do
      # Objects with coverage for libFuzzer; ccache keeps them across runs.
      objects=()
      for src in $(sources_of "$name"); do objects+=("build-fuzz/obj/$(echo "$src" | tr / _).o"); done
      sources_of "$name" | xargs -P "$(nproc)" -I{} sh -c 'o=build-fuzz/obj/$(echo "$1" | tr / _).o; '"${cxx[*]}"' -std=c++20 -gline-tables-only -O1 -fsanitize=fuzzer-no-link '"${sanitize[*]} ${includes[*]}"' -DOPENSSL_API_COMPAT=30000 -c "$1" -o "$o"' _ {}
      rm -f "build-fuzz/lib$name.a"
      ar rcs "build-fuzz/lib$name.a" "${objects[@]}"
      "${cxx[@]}" -std=c++20 -gline-tables-only -O1 -fsanitize=fuzzer "${sanitize[@]}" "${includes[@]}" "tests/fuzz/fuzz_$name.cpp" \
        "build-fuzz/lib$name.a" "${libs[@]}" -o "build-fuzz/fuzz_$name"
      [ "$fuzz_seconds" = 0 ] && continue  # FUZZ_SECONDS=0: build only
      # New finds go to build-fuzz/corpus (the first folder); the seeds in tests/fuzz/corpus are only read.
      mkdir -p "build-fuzz/corpus/$name"
      echo "fuzz_$name: ${fuzz_seconds}s"
      (cd build-fuzz && "./fuzz_$name" -max_total_time="$fuzz_seconds" -print_final_stats=1 "corpus/$name" "../tests/fuzz/corpus/$name" 2>&1 |
        grep -E "stat::number_of_executed_units|ERROR|SUMMARY|Done" || true)
      if compgen -G "build-fuzz/crash-*" >/dev/null || compgen -G "build-fuzz/timeout-*" >/dev/null ||
         compgen -G "build-fuzz/oom-*" >/dev/null || compgen -G "build-fuzz/leak-*" >/dev/null; then
        echo "fuzz_$name found a crash, a hang or a leak: build-fuzz/{crash,timeout,oom,leak}-*" >&2
        exit 1
      fi
    done
    ;;
  *)
    echo "usage: ./setup.sh demo|test|sanitize|bench|fuzz" >&2
    exit 2
    ;;
esac
