#!/usr/bin/env bash
# Runs every kernel benchmark (optimized, reference and memory floor) at each vector width with
# JMH, directly from perf-gate.jar, and prints a table with a row per width and kernel: the
# median of the fork means, the fork-to-fork coefficient of variation, the speedup over the
# reference and the ratio to the memory floor; then what each width really ran (the JVM caps a
# flag the processor cannot honour: MaxVectorSize=64 gives 256-bit vectors on an AVX2 host). The
# tables in docs/kernels.md come from this script.
#
# Usage: scripts/kernel-widths.sh [--curve] [--forks N] [--out DIR] [--jar FILE] [--java BIN] [WIDTH...]
#
# WIDTH is 512, 256, 128 (-XX:MaxVectorSize=64/32/16), avx2 (-XX:UseAVX=2, x86 only) or scalar
# (-Dperfgate.kernels.scalar=true); default: 512 256 128 scalar. A width runs in N rounds (--forks,
# default 20, about 9 minutes per width); each round is one JMH run of one fork per benchmark, so
# the benchmarks alternate and a slow spell of a shared host falls on all of them alike, not on
# the one that happened to run then. Each fork runs 2 x 500 ms of warm-up and 3 x 500 ms of
# measurement. --curve measures warm-up instead: the optimized kernels only, no warm-up, 20
# iterations of 100 ms per fork (--forks defaults to 5), and prints each kernel's median curve as
# multiples of its steady time. Results go to DIR/<width>/round-<n>.json (default
# target/kernel-widths; with --curve DIR/curve-<width>/); build the jar first with
# mvn -B -DskipTests package.
set -euo pipefail

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
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
if $curve; then
    forks="${forks:-5}"
    benchmarks='dev\.perfgate\.kernels\.(CosineSimilarityBenchmark\.batch|SpreadingActivationBenchmark\.spread|MemoryDecayBenchmark\.decay)$'
    shape=(-wi 0 -i 20 -r 100ms)
    prefix="curve-"
else
    forks="${forks:-20}"
    benchmarks='dev\.perfgate\.kernels\.'
    shape=(-wi 2 -w 500ms -i 3 -r 500ms)
    prefix=""
fi
[[ "$forks" =~ ^[1-9][0-9]*$ ]] || { echo "kernel-widths.sh: --forks must be a positive number, was '$forks'" >&2; exit 2; }

dirs=()
for width in "${widths[@]}"; do
    case "$width" in
        512) flag="-XX:MaxVectorSize=64" ;;
        256) flag="-XX:MaxVectorSize=32" ;;
        128) flag="-XX:MaxVectorSize=16" ;;
        avx2) flag="-XX:UseAVX=2" ;;
        scalar) flag="-Dperfgate.kernels.scalar=true" ;;
    esac
    dir="$out/$prefix$width"
    mkdir -p "$dir"
    rm -f "$dir"/round-*.json "$dir.log"
    dirs+=("$dir")
    # What this width really runs, printed with the table: the JVM caps a flag the processor
    # cannot honour (MaxVectorSize=64 gives 256-bit vectors on an AVX2 host).
    "$java_bin" --add-modules jdk.incubator.vector "$flag" -cp "$jar" dev.perfgate.kernels.Kernels > "$dir/implementation.txt" 2>/dev/null \
        || { echo "kernel-widths.sh: the JVM refused $flag on this machine" >&2; exit 1; }
    start=$SECONDS
    for ((round = 1; round <= forks; round++)); do
        if ((round == 1)); then
            echo "== $width ($flag): round 1 of $forks, one fork per benchmark" >&2
        else
            left=$(( (SECONDS - start) * (forks - round + 1) / (round - 1) ))
            echo "== $width ($flag): round $round of $forks, about $((left / 60)) min $((left % 60)) s left for this width" >&2
        fi
        "$java_bin" -cp "$jar" org.openjdk.jmh.Main "$benchmarks" -f 1 "${shape[@]}" -foe true \
            -jvmArgsAppend "$flag" -rf json -rff "$dir/round-$round.json" >> "$dir.log" \
            || { echo "kernel-widths.sh: a benchmark failed at $width; see $dir.log" >&2; exit 1; }
    done
done

if $curve; then
    "$java_bin" -cp "$jar" "$root/scripts/KernelWidthsTable.java" --curve "${dirs[@]}"
else
    "$java_bin" -cp "$jar" "$root/scripts/KernelWidthsTable.java" "${dirs[@]}"
fi
