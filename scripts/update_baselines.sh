#!/usr/bin/env bash
# Records new baselines for this platform: a clean build, a full benchmark run, and
# 'perf-gate approve', which writes baselines/<platform>.json (and the approval event in
# history/<platform>.jsonl) only after showing the diff. Review the diff, then commit it.
#
# Usage: scripts/update_baselines.sh --reason "why the new numbers are right"
#                                    [--profile standard|thorough] [--only REGEX] [--allow-noisy]
#                                    [--allow-unsettled]
#
# Run it on the machine the baseline is for (CI can do it: the record-baseline workflow).
set -euo pipefail

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

profile=standard
reason=""
approve_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --reason) reason="${2:?--reason needs a text}"; shift 2 ;;
        --profile) profile="${2:?--profile needs a value}"; shift 2 ;;
        --only) approve_args+=(--only "${2:?--only needs a pattern}"); shift 2 ;;
        --allow-noisy) approve_args+=(--allow-noisy); shift ;;
        --allow-unsettled) approve_args+=(--allow-unsettled); shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "update_baselines.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
if [[ -z "$reason" ]]; then
    echo "update_baselines.sh: --reason is required: the reviewer reads it in the baseline's approval" >&2
    exit 2
fi
case "$profile" in
    standard | thorough) ;;
    *) echo "update_baselines.sh: --profile must be standard or thorough, not '$profile'" >&2; exit 2 ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."
jar=perf-gate-cli/target/perf-gate.jar
results=target/perf-gate/baseline-run.json

echo "Clean build..." >&2
mvn -B -q clean package -DskipTests
echo "Running the benchmarks with the '$profile' profile..." >&2
java -jar "$jar" run --profile "$profile" --out "$results"
java -jar "$jar" approve --results "$results" --reason "$reason" ${approve_args[@]+"${approve_args[@]}"}

echo
echo "The change, for review:"
git --no-pager diff --stat -- baselines/ history/
git --no-pager diff -- baselines/
echo
echo "To propose it:"
echo "  git switch -c update-baselines"
echo "  git add baselines/ history/"
echo "  git commit -m \"Update baselines: ${reason//\"/\\\"}\""
echo "  git push -u origin update-baselines   # then open a pull request"
