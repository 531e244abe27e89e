#!/bin/sh
# One entry point for a fresh clone on Debian 12 (as root, or with sudo):
#   ./build.sh run [actviz flags]   install what is missing, build, start the visualiser
#   ./build.sh test                 install what is missing, build, run the whole test suite
#                                   (release build, then an ASan+UBSan build), under xvfb-run
#                                   when there is no display
set -eu
cd "$(dirname "$0")"
jobs=$(nproc 2>/dev/null || echo 2)

build() {  # build <dir> [cmake options...]
    dir=$1
    shift
    # Unity builds: each target compiles its files eight to a translation unit, so the templates
    # they share (gtest, nlohmann::json, Eigen) are instantiated and optimised once per eight files
    # rather than once per file. On two cores this is what keeps a fresh clone's test run short.
    cmake -S . -B "$dir" -DACTVIZ_WERROR=ON -DCMAKE_UNITY_BUILD=ON "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
}

with_display() {
    if [ -n "${DISPLAY:-}" ]; then
        "$@"
    else
        # -noreset: Xvfb otherwise resets when its last client leaves, and a window opened during
        # the reset fails ("Failed to open display"): the GUI tests open and close many in a row.
        xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" "$@"
    fi
}

third_party/install-deps.sh
case "${1:-}" in
run)
    shift
    build build
    exec build/src/actviz "$@"
    ;;
test)
    build build
    with_display ctest --test-dir build --output-on-failure -j "$jobs"
    # -g1: line tables are all a sanitizer report needs for its file:line stack; full debug
    # information made this build a third slower.
    build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
        -DACTVIZ_SANITIZE=ON -DACTVIZ_BENCHMARKS=OFF
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=print_stacktrace=1 \
        with_display ctest --test-dir build-asan --output-on-failure -j "$jobs"
    ;;
*)
    echo "usage: ./build.sh run [actviz flags] | ./build.sh test" >&2
    exit 2
    ;;
esac
