#!/usr/bin/env bash
# Checks Swift files against .swift-format with the toolchain's own `swift format` (Swift 6 and
# later ship it), strictly: any finding fails, so CI can run it as a step.
#   scripts/lint.sh            the Swift files added since the merge base with main (what CI checks)
#   scripts/lint.sh --all      every file (the tree predates the configuration; see CHANGELOG)
#   scripts/lint.sh FILE…      those files
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ "${1:-}" == "--all" ]]; then
  files=(Package.swift Sources Tests)
elif [[ $# -gt 0 ]]; then
  files=("$@")
else
  base="$(git merge-base HEAD main 2>/dev/null || git rev-parse HEAD)"
  mapfile -t files < <(git diff --name-only --diff-filter=A "$base" -- '*.swift')
  [[ ${#files[@]} -gt 0 ]] || { echo "[lint] no Swift files changed"; exit 0; }
fi
exec swift format lint --strict --parallel --recursive "${files[@]}"
