#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (the toolchain's -sanitize=fuzzer, with AddressSanitizer).
#   Fuzz/run.sh                 # each target for 600 s
#   Fuzz/run.sh 60 item         # one target, 60 s
# Crashes are written to Fuzz/crashes/; keep each as a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
targets=${2:-"item journal profile"}
mkdir -p .build/fuzz Fuzz/crashes
library=$(find Sources/MineralIntake -name '*.swift' | sort)
for target in $targets; do
  case $target in
    item) source=Fuzz/ItemParserFuzz.swift ;;
    journal) source=Fuzz/JournalReaderFuzz.swift ;;
    profile) source=Fuzz/ProfileReaderFuzz.swift ;;
    *) echo "unknown target $target; known: item journal profile" >&2; exit 64 ;;
  esac
  binary=.build/fuzz/$target
  if [ ! -x "$binary" ] || [ -n "$(find Sources/MineralIntake "$source" -newer "$binary" -name '*.swift' | head -1)" ]; then
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name MineralIntakeFuzz $library "$source" -o "$binary" 2>&1 \
      | { grep -v "Cannot export local symbol" || true; }
  fi
  mkdir -p "Fuzz/corpus/$target" ".build/fuzz/corpus-$target"
  "$binary" -max_total_time="$seconds" -max_len=4096 -artifact_prefix="Fuzz/crashes/$target-" \
    -print_final_stats=1 ".build/fuzz/corpus-$target" "Fuzz/corpus/$target" 2>&1 | tail -15
done
