#!/usr/bin/env bash
# Builds perf-gate with the bundled kernel benchmarks, runs them and checks the results against
# the committed baseline of this platform (baselines/<platform>.json).
#
# Usage: scripts/benchmark_regression.sh [--profile quick|standard|thorough] [--results FILE]
#                                        [--skip-build] [-- more perf-gate check options]
#
# Reports are written to target/perf-gate/ (report.md, report.xml, report.json, console.txt).
# The exit code is the gate's: 0 no regression, 1 regression, 2 bad usage or input, 3 the run failed.
set -euo pipefail

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

profile=standard
results=""
build=true
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --profile) profile="${2:?--profile needs a value}"; shift 2 ;;
        --results) results="${2:?--results needs a file}"; shift 2 ;;
        --skip-build) build=false; shift ;;
        -h | --help) usage; exit 0 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "benchmark_regression.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
if [[ -n "$results" && -d "$(dirname "$results")" ]]; then
    # Relative to where the script was called from, before it changes to the project directory.
    results="$(cd "$(dirname "$results")" && pwd)/$(basename "$results")"
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=target/perf-gate
jar=perf-gate-cli/target/perf-gate.jar
if [[ "$build" == true ]]; then
    echo "Building perf-gate and the kernel benchmarks..." >&2
    mvn -B -q -DskipTests package
fi
mkdir -p "$out"

args=(check --profile "$profile" --markdown "$out/report.md" --junit "$out/report.xml" --json "$out/report.json")
if [[ -n "$results" ]]; then
    args+=(--results "$results")
fi

set +e
java -jar "$jar" "${args[@]}" ${extra[@]+"${extra[@]}"} | tee "$out/console.txt"
status=${PIPESTATUS[0]}
set -e

# One line for the log: the gate's verdict and counts, and the regressed benchmarks by name.
summary=$(grep '^perf-gate: ' "$out/console.txt" | tail -n 1 || true)
counts=${summary#perf-gate: }
regressed=$(awk '$NF == "REGRESSION" { print $1 }' "$out/console.txt" | paste -sd ' ' - || true)
case "$status" in
    0) echo "benchmark_regression.sh: ${counts:-PASS}" ;;
    1) echo "benchmark_regression.sh: FAIL, regression in ${regressed:-(see the report)}: ${counts#REGRESSION - }" ;;
    2) echo "benchmark_regression.sh: ERROR, bad usage or input (exit 2); see the message above" ;;
    *) echo "benchmark_regression.sh: ERROR, the benchmark run failed (exit $status); see the output above" ;;
esac
exit "$status"
