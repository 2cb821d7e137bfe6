#!/usr/bin/env bash
# Builds mineral as it is shipped: release, with the Swift standard library and FoundationEssentials linked in
# statically (no ICU: the library needs only FoundationEssentials), into .build-static/release/. Starting such a
# binary skips the dynamic loader's work on six Swift libraries, which is most of a short command's time.
# Also builds the print-only program the same way, for the benchmark's like-for-like comparison.
#
#   scripts/build-release.sh           # prints the binary's path as its last line
set -euo pipefail
cd "$(dirname "$0")/.."
for product in mineral print-only; do
  swift build -c release --static-swift-stdlib --scratch-path .build-static --product "$product" >&2
done
echo "$PWD/.build-static/release/mineral"
