#!/usr/bin/env bash
# Runs every kernel benchmark (optimized, reference and memory floor) once per vector width with
# JMH, directly from perf-gate.jar, and prints one table per width: the median of the fork means,
# the fork-to-fork coefficient of variation, the speedup over the reference and the ratio to the
# memory floor. The tables in docs/kernels.md come from this script.
#
# Usage: scripts/kernel-widths.sh [--curve] [--forks N] [--out DIR] [--jar FILE] [--java BIN] [WIDTH...]
#
# WIDTH is 512, 256, 128 (-XX:MaxVectorSize=64/32/16), avx2 (-XX:UseAVX=2, x86 only) or scalar
# (-Dperfgate.kernels.scalar=true); default: 512 256 128 scalar. Each fork runs 2 x 500 ms of
# warm-up and 3 x 500 ms of measurement; --forks defaults to 20 (about 9 minutes per width).
# --curve measures warm-up instead: the optimized kernels only, no warm-up, 20 iterations of
# 100 ms per fork (--forks defaults to 3), and prints each kernel's median curve as multiples of
# its steady time. Results go to DIR/<width>.json (default target/kernel-widths, with --curve
# DIR/curve-<width>.json); build the jar first with mvn -B -DskipTests package.
set -euo pipefail

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

root="$(cd "$(dirname "$0")/.." && pwd)"
forks=""
curve=false
out="$root/target/kernel-widths"
jar="$root/perf-gate-cli/target/perf-gate.jar"
java_bin="java"
widths=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --forks) forks="${2:?--forks needs a number}"; shift 2 ;;
        --out) out="${2:?--out needs a directory}"; shift 2 ;;
        --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
        --java) java_bin="${2:?--java needs a java binary}"; shift 2 ;;
        --curve) curve=true; shift ;;
        -h | --help) usage; exit 0 ;;
        512 | 256 | 128 | avx2 | scalar) widths+=("$1"); shift ;;
        *) echo "kernel-widths.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ ${#widths[@]} -gt 0 ]] || widths=(512 256 128 scalar)
[[ -f "$jar" ]] || { echo "kernel-widths.sh: $jar not found; build it with mvn -B -DskipTests package" >&2; exit 2; }
mkdir -p "$out"
if $curve; then
    forks="${forks:-3}"
    benchmarks='dev\.perfgate\.kernels\.(CosineSimilarityBenchmark\.batch|SpreadingActivationBenchmark\.spread|MemoryDecayBenchmark\.decay)$'
    shape=(-wi 0 -i 20 -r 100ms)
    prefix="curve-"
else
    forks="${forks:-20}"
    benchmarks='dev\.perfgate\.kernels\.'
    shape=(-wi 2 -w 500ms -i 3 -r 500ms)
    prefix=""
fi

for width in "${widths[@]}"; do
    case "$width" in
        512) flag="-XX:MaxVectorSize=64" ;;
        256) flag="-XX:MaxVectorSize=32" ;;
        128) flag="-XX:MaxVectorSize=16" ;;
        avx2) flag="-XX:UseAVX=2" ;;
        scalar) flag="-Dperfgate.kernels.scalar=true" ;;
    esac
    echo "== $width ($flag), $forks forks per benchmark" >&2
    "$java_bin" -cp "$jar" org.openjdk.jmh.Main "$benchmarks" -f "$forks" "${shape[@]}" \
        -jvmArgsAppend "$flag" -rf json -rff "$out/$prefix$width.json" > "$out/$prefix$width.log"
done

files=()
for width in "${widths[@]}"; do files+=("$out/$prefix$width.json"); done
if $curve; then
    "$java_bin" -cp "$jar" "$root/scripts/KernelWidthsTable.java" --curve "${files[@]}"
else
    "$java_bin" -cp "$jar" "$root/scripts/KernelWidthsTable.java" "${files[@]}"
fi
