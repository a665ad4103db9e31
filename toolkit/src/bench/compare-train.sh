#!/usr/bin/env bash
# Runs TrainBench (DJL/MXNet) and the PyTorch peer on the same Fashion-MNIST IDX files, one after
# the other, and prints both sets of figures and the ratios. Usage: compare-train.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
export DJL_OFFLINE=true OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
# The launcher's choice on a CPU-only machine (see MXNET_ENGINE_TYPE in ./deepbrew).
export MXNET_ENGINE_TYPE="${MXNET_ENGINE_TYPE:-NaiveEngine}"
repeats="${1:-1}"
data_dir="${FASHION_MNIST_DIR:-${DEEPBREW_DATA:-$HOME/.deepbrew/data}/fashion-mnist}"
if [ ! -d "$root/toolkit/target/classes" ]; then
  echo "build first: mvn -q -B -o package -DskipTests" >&2; exit 1
fi
cp_file="$root/toolkit/target/bench.classpath"
[ -f "$cp_file" ] || mvn -q -B -o dependency:build-classpath -pl toolkit -Dmdep.outputFile="$cp_file" >/dev/null
# The peer runs twice, on each of Debian's two BLAS builds, picked per process with
# LD_LIBRARY_PATH (its dense layers call libblas.so.3):
#   reference: Debian's default BLAS, what a plain `apt install python3-torch` gets; the issue's
#              peer figures (about 1,700 CNN and 12,900 MLP images/s) were measured on it;
#   openblas:  OpenBLAS, the stronger peer.
multiarch="$(gcc -print-multiarch 2>/dev/null || dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)"
declare -A blas_dirs=([reference]="/usr/lib/$multiarch/blas:/usr/lib/$multiarch/lapack"
                      [openblas]="/usr/lib/$multiarch/openblas-openmp")
peers=(reference openblas)
djl_out="$(mktemp)"; peer_dir="$(mktemp -d)"
for i in $(seq "$repeats"); do
  echo "== run $i: DJL/MXNet"
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$root/toolkit/target/classes:$(cat "$cp_file")" \
    org.deepbrew.bench.TrainBench 2>/dev/null | tee -a "$djl_out"
  # The Java run resolves (and caches) the data; the peer reads the same files.
  dir="$data_dir"; [ -d "$dir" ] || dir="$(find "${DEEPBREW_DATA:-$HOME/.deepbrew/data}" -name 'train-images-idx3-ubyte*' -printf '%h\n' | head -1)"
  for peer in "${peers[@]}"; do
    libs="${blas_dirs[$peer]}"
    if [ ! -e "${libs%%:*}/libblas.so.3" ]; then
      echo "== run $i: PyTorch peer on $peer BLAS: not installed (${libs%%:*}), skipped"; continue
    fi
    echo "== run $i: PyTorch peer on $peer BLAS ($dir)"
    LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" OMP_NUM_THREADS=2 \
      /usr/bin/python3 "$root/toolkit/src/bench/python/train_peer.py" --data "$dir" | tee -a "$peer_dir/$peer"
  done
done
best() { [ -f "$2" ] && grep "^$1=" "$2" | cut -d= -f2 | cut -d' ' -f1 | sort -g | tail -1; }
echo "== best of $repeats run(s); ratio = DJL / peer (targets: CNN >= 1.2, MLP >= 1.5)"
for k in cnn_images_per_second mlp_images_per_second; do
  d="$(best $k "$djl_out")"
  for peer in "${peers[@]}"; do
    p="$(best $k "$peer_dir/$peer" || true)"
    [ -n "$p" ] || continue
    awk -v k="$k" -v peer="$peer" -v d="$d" -v p="$p" \
      'BEGIN { printf "%s: djl=%s torch_%s_blas=%s ratio=%.2f\n", k, d, peer, p, d / p }'
  done
done
rm -rf "$djl_out" "$peer_dir"
