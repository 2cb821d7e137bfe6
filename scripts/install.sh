#!/usr/bin/env bash
# Installs (or, with --uninstall, removes) mineral: the binary, its manual page and its bash, zsh and fish completions.
#
#   scripts/install.sh                       # builds the release binary (scripts/build-release.sh), installs into ~/.local
#   scripts/install.sh --prefix /usr/local   # another prefix (may need sudo)
#   scripts/install.sh --binary PATH         # install an already built binary instead of building
#   scripts/install.sh --uninstall           # remove what this script installed (same --prefix)
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="$HOME/.local"
binary=""
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument \"$1\"; known: --prefix DIR, --binary PATH, --uninstall" >&2; exit 64 ;;
  esac
done

files=(
  "$prefix/bin/mineral"
  "$prefix/share/man/man1/mineral.1"
  "$prefix/share/bash-completion/completions/mineral"
  "$prefix/share/zsh/site-functions/_mineral"
  "$prefix/share/fish/vendor_completions.d/mineral.fish"
)

if [ "$uninstall" -eq 1 ]; then
  for file in "${files[@]}"; do
    if [ -e "$file" ]; then rm -f "$file"; echo "removed $file"; fi
  done
  echo "mineral is uninstalled from $prefix (your data directory, ~/.local/share/mineral or \$MINERAL_HOME, is kept)"
  exit 0
fi

if [ -z "$binary" ]; then
  binary="$(scripts/build-release.sh | tail -n 1)"
fi
[ -x "$binary" ] || { echo "install.sh: $binary is not an executable" >&2; exit 66; }

mkdir -p "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
# Installed without its symbol tables (about 19 MB instead of 32 MB) when `strip` is there.
if command -v strip >/dev/null 2>&1; then
  install -s -m 0755 "$binary" "$prefix/bin/mineral"
else
  install -m 0755 "$binary" "$prefix/bin/mineral"
fi
install -m 0644 docs/mineral.1 "$prefix/share/man/man1/mineral.1"
"$binary" completions bash > "$prefix/share/bash-completion/completions/mineral"
"$binary" completions zsh > "$prefix/share/zsh/site-functions/_mineral"
"$binary" completions fish > "$prefix/share/fish/vendor_completions.d/mineral.fish"
for file in "${files[@]}"; do echo "installed $file"; done
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
