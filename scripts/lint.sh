#!/usr/bin/env bash
# Checks Swift files against .swift-format with the toolchain's own `swift format` (Swift 6 and
# later ship it), strictly: any finding fails, so CI runs it before the tests.
#   scripts/lint.sh            every Swift file in the package (what CI checks)
#   scripts/lint.sh FILE…      those files
#   scripts/lint.sh --fix      rewrite every file in place, then check
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
files=(Package.swift Sources Tests Benchmarks)
if [[ "${1:-}" == "--fix" ]]; then
  swift format --in-place --parallel --recursive "${files[@]}"
elif [[ $# -gt 0 ]]; then
  files=("$@")
fi
exec swift format lint --strict --parallel --recursive "${files[@]}"
