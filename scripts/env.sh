# Sourced by the scripts: runs the idempotent set-up and exports what the Swift build needs
# (pkg-config path to the cached llama.cpp, and an rpath so the binaries find its libraries).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
eval "$("$REPO/scripts/setup.sh")"
SWIFT_LINK_FLAGS=(-Xlinker -rpath -Xlinker "$CONVERGE_LLAMA_PREFIX/lib")
export PATH="$CONVERGE_LLAMA_PREFIX/bin:$PATH"
cd "$REPO"
