#!/usr/bin/env bash
# Builds mineral as it is shipped: release, with the Swift standard library and FoundationEssentials linked in
# statically (no ICU: the library needs only FoundationEssentials), into .build-static/release/. Starting such a
# binary skips the dynamic loader's work on six Swift libraries, which is most of a short command's time.
# It is linked at a fixed address (not position-independent): the loader then has no 39,000 relocations to apply
# and no pages to copy for them at every start (about 0.3-0.5 ms of a 2 ms command); the C libraries, the stack
# and the heap are still placed at random. The C++ runtime and unwinder the Swift runtime uses come from their static
# archives (scripts/static-link/ holds two linker scripts that point the link at them), so only the C library and
# libm are loaded at start (another 0.4 ms).
# Also builds the print-only program the same way, for the benchmark's like-for-like comparison.
#
#   scripts/build-release.sh           # prints the binary's path as its last line
set -euo pipefail
cd "$(dirname "$0")/.."
for product in mineral print-only; do
  swift build -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie \
    -Xlinker -L"$PWD/scripts/static-link" --scratch-path .build-static --product "$product" >&2
done
echo "$PWD/.build-static/release/mineral"
