#!/usr/bin/env bash
# Runs BertBench (DJL/MXNet: parity, accuracy unless --skip-finetune, throughput, ONNX Runtime)
# and then the PyTorch peer of its throughput part (same BERT shape, batch 32 x length 64,
# 2 threads, OpenBLAS), and prints both sets of figures and the ratios.
# Usage: compare-bert.sh [--repeats N] [BertBench options: --skip-finetune, --epochs N]
# With N > 1 (default 3) both sides' throughput runs N times, alternating, and the best of each
# counts: on a shared machine a neighbour's burst otherwise decides a single run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
export DJL_OFFLINE=true OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
# The launcher's choice on a CPU-only machine (see MXNET_ENGINE_TYPE in ./deepbrew).
export MXNET_ENGINE_TYPE="${MXNET_ENGINE_TYPE:-NaiveEngine}"
if [ ! -d "$root/toolkit/target/classes" ]; then
  echo "build first: mvn -q -B -o package -DskipTests" >&2; exit 1
fi
cp_file="$root/toolkit/target/bench.classpath"
[ -f "$cp_file" ] || mvn -q -B -o dependency:build-classpath -pl toolkit -Dmdep.outputFile="$cp_file" >/dev/null
# The peer's dense layers call libblas.so.3, picked per process with LD_LIBRARY_PATH: OpenBLAS,
# on which the issue's peer figures were measured; Debian's default BLAS when it is missing.
multiarch="$(gcc -print-multiarch 2>/dev/null || dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)"
blas="/usr/lib/$multiarch/openblas-openmp"
peer_blas=openblas
if [ ! -e "$blas/libblas.so.3" ]; then
  blas="/usr/lib/$multiarch/blas:/usr/lib/$multiarch/lapack"; peer_blas=reference
fi
repeats=3
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) repeats="$2"; shift 2 ;;
    *) bench_args+=("$1"); shift ;;
  esac
done
djl_out="$(mktemp)"; peer_out="$(mktemp)"
trap 'rm -f "$djl_out" "$peer_out"' EXIT
for i in $(seq "$repeats"); do
  args=("${bench_args[@]}")
  [ "$i" -gt 1 ] && args=(--throughput-only)
  echo "== run $i/$repeats: DeepBrew (DJL/MXNet)"
  java -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$root/toolkit/target/classes:$(cat "$cp_file")" org.deepbrew.bench.BertBench "${args[@]}" 2>/dev/null \
    | tee -a "$djl_out"
  echo "== run $i/$repeats: PyTorch peer ($peer_blas BLAS, $OMP_NUM_THREADS threads)"
  LD_LIBRARY_PATH="$blas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    /usr/bin/python3 "$root/toolkit/src/bench/python/bert_peer.py" --threads "$OMP_NUM_THREADS" | tee -a "$peer_out"
done
# Empty, not an error, when a key is missing (set -e and pipefail would end the script there).
value() { { grep "^$1=" "$2" || true; } | cut -d= -f2 | sort -g | tail -1; }
echo "== side by side, best of $repeats run(s) (sequences/s, batch 32 x length 64; ratio = DeepBrew / PyTorch, target >= 1.0)"
for k in finetune inference; do
  d="$(value ${k}_sequences_per_second "$djl_out")"
  p="$(value ${k}_sequences_per_second "$peer_out")"
  awk -v k="$k" -v d="$d" -v p="$p" 'BEGIN { printf "%s: deepbrew=%s torch=%s\n%s ratio deepbrew/torch=%.2f\n", k, d, p, k, d / p }'
done
o="$(value inference_sequences_per_second_onnxruntime "$djl_out")"
d="$(value inference_sequences_per_second "$djl_out")"
if [ -n "$o" ]; then
  awk -v d="$d" -v o="$o" 'BEGIN { printf "inference ratio deepbrew/onnxruntime=%.2f\n", d / o }'
fi
