#!/usr/bin/env bash
# Builds the DocC documentation of the MineralIntake library with the toolchain's own docc (no plugin package).
# Output: .build/MineralIntake.doccarchive (open it in Xcode, or serve it: docc preview).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --target MineralIntake -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc .build/symbol-graphs
docc convert Sources/MineralIntake/Documentation.docc \
  --additional-symbol-graph-dir .build/symbol-graphs \
  --fallback-display-name MineralIntake --fallback-bundle-identifier org.mineralintake.MineralIntake \
  --output-path .build/MineralIntake.doccarchive "$@"
