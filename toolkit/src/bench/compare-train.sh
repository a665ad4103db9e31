#!/usr/bin/env bash
# Runs TrainBench (DJL/MXNet) and the PyTorch peer on the same Fashion-MNIST IDX files, one after
# the other, and prints both sets of figures and the ratios. Usage: compare-train.sh [repeats]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
export DJL_OFFLINE=true OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
repeats="${1:-1}"
data_dir="${FASHION_MNIST_DIR:-${DEEPBREW_DATA:-$HOME/.deepbrew/data}/fashion-mnist}"
if [ ! -d "$root/toolkit/target/classes" ]; then
  echo "build first: mvn -q -B -o package -DskipTests" >&2; exit 1
fi
cp_file="$root/toolkit/target/bench.classpath"
[ -f "$cp_file" ] || mvn -q -B -o dependency:build-classpath -pl toolkit -Dmdep.outputFile="$cp_file" >/dev/null
djl_out="$(mktemp)"; peer_out="$(mktemp)"
for i in $(seq "$repeats"); do
  echo "== run $i: DJL/MXNet"
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$root/toolkit/target/classes:$(cat "$cp_file")" \
    org.deepbrew.bench.TrainBench 2>/dev/null | tee -a "$djl_out"
  # The Java run resolves (and caches) the data; the peer reads the same files.
  dir="$data_dir"; [ -d "$dir" ] || dir="$(find "${DEEPBREW_DATA:-$HOME/.deepbrew/data}" -name 'train-images-idx3-ubyte*' -printf '%h\n' | head -1)"
  echo "== run $i: PyTorch peer ($dir)"
  # The peer's dense layers use the system libblas.so.3: the reference BLAS slows its MLP
  # ~80-fold; `deepbrew bench train` installs OpenBLAS.
  OMP_NUM_THREADS=2 /usr/bin/python3 "$root/toolkit/src/bench/python/train_peer.py" --data "$dir" | tee -a "$peer_out"
done
best() { grep "^$1=" "$2" | cut -d= -f2 | cut -d' ' -f1 | sort -g | tail -1; }
for k in cnn_images_per_second mlp_images_per_second; do
  d="$(best $k "$djl_out")"; p="$(best $k "$peer_out")"
  awk -v k="$k" -v d="$d" -v p="$p" 'BEGIN { printf "%s: djl=%s torch=%s ratio=%.2f\n", k, d, p, d / p }'
done
rm -f "$djl_out" "$peer_out"
