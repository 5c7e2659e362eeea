#!/usr/bin/env bash
# The real-run part of docs/verdict-quality.md: A/A checks of the bundled kernels, and checks and
# A/B runs of kernels slowed by a known amount. Every run's console output, JSON report and JMH
# results stay in OUT; OUT/summary.txt gets one line per run (what, exit code, seconds) followed by
# the run's primary-metric rows (benchmark, scores, change, interval, p, verdict).
#
# Usage: scripts/verdict-quality/real-runs.sh OUT aa N          N x check --confirm (unchanged code)
#        scripts/verdict-quality/real-runs.sh OUT check PCT...  check --confirm of kernels slowed by PCT%
#        scripts/verdict-quality/real-runs.sh OUT ab PCT...     ab --confirm of this build against one slowed by PCT%
#        scripts/verdict-quality/real-runs.sh OUT abaa N        N x ab --confirm of this build against itself (same-runner A/A)
#        scripts/verdict-quality/real-runs.sh OUT alternate N PCT  N x (ab --confirm against kernels slowed by PCT%,
#            then the same-runner A/A)
#        scripts/verdict-quality/real-runs.sh OUT calibrate N   N standard runs here; the first approved into the project's
#            baseline as this host class's entry set, all N calibrating it (noise and run plans for --profile calibrated)
#        scripts/verdict-quality/real-runs.sh OUT recheck       every A/A run in OUT checked again (no new
#            run) against the committed baseline calibrated on all the other A/A runs in OUT (leave one out)
#        scripts/verdict-quality/real-runs.sh OUT pairs         every ordered pair of A/A runs in OUT compared
#            (perf-gate compare A B: B checked against A as if A were the baseline; no new run)
# MAX_TIME (default 30m) is the --max-time of the ab modes.
# Build first (mvn -B -DskipTests package); the machine should be otherwise idle.
set -euo pipefail

out="${1:?usage: real-runs.sh OUT aa N | check PCT... | ab PCT...}"
mode="${2:?usage: real-runs.sh OUT aa N | check PCT... | ab PCT...}"
shift 2
here="$(cd "$(dirname "$0")" && pwd)"
root="$(git -C "$here" rev-parse --show-toplevel)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
gate="$out/perf-gate.jar"
cp "$root/perf-gate-cli/target/perf-gate.jar" "$gate"
# The baselines as they are now: a later change to the working tree does not reach runs under way.
project="$out/project"
if [[ ! -d "$project/baselines" ]]; then
    mkdir -p "$project/baselines"
    cp "$root"/baselines/*.json "$project/baselines/"
fi
# The bundled default selection: the optimized kernels, not the *Reference and memoryFloor yardsticks;
# INCLUDE (a perf-gate --include pattern) narrows it, e.g. INCLUDE='Cosine|Spreading'.
kernels="${INCLUDE:-^(?!.*(?:[Rr]eference|memoryFloor)).*}"

measure() { # label, perf-gate arguments...
    local label="$1" dir="$out/$1" start status
    shift
    mkdir -p "$dir"
    start=$(date +%s)
    status=0
    java -jar "$gate" "$@" --project-dir "$project" --out "$dir/results.json" --json "$dir/report.json" \
        > "$dir/console.txt" 2> "$dir/progress.txt" || status=$?
    {
        echo "$label exit=$status seconds=$(( $(date +%s) - start ))"
        grep -E '^[A-Za-z]+Benchmark\.[^ ]+ +us/op' "$dir/console.txt" || true
    } >> "$out/summary.txt"
}

slowed() { # pct -> path of the slowed jar
    local jar="$out/slowed-$1.jar"
    [[ -f "$jar" ]] || "$here/slowed-jar.sh" "$1" "$jar" >&2
    echo "$jar"
}

case "$mode" in
    aa)
        for ((i = 1; i <= ${1:?aa needs N}; i++)); do
            measure "aa-$(date +%H%M%S)" check --confirm
        done ;;
    check)
        for pct in "$@"; do
            measure "check-$pct-$(date +%H%M%S)" check --confirm --benchmarks "$(slowed "$pct")" --include "$kernels"
        done ;;
    ab)
        for pct in "$@"; do
            measure "ab-$pct-$(date +%H%M%S)" ab --confirm --max-time "${MAX_TIME:-30m}" --base "$gate" \
                --head "$(slowed "$pct")" --include "$kernels"
        done ;;
    abaa)
        for ((i = 1; i <= ${1:?abaa needs N}; i++)); do
            measure "abaa-$(date +%H%M%S)" ab --confirm --max-time "${MAX_TIME:-30m}" --base "$gate" --head "$gate" \
                --include "$kernels"
        done ;;
    alternate)
        # A/B and A/A in turn, so that the machine's changing load falls on both alike.
        pct="${2:?alternate needs N PCT}"
        for ((i = 1; i <= ${1:?alternate needs N PCT}; i++)); do
            measure "ab-$pct-$(date +%H%M%S)" ab --confirm --max-time "${MAX_TIME:-30m}" --base "$gate" \
                --head "$(slowed "$pct")" --include "$kernels"
            measure "abaa-$(date +%H%M%S)" ab --confirm --max-time "${MAX_TIME:-30m}" --base "$gate" --head "$gate" \
                --include "$kernels"
        done ;;
    calibrate)
        files=()
        for ((i = 1; i <= ${1:?calibrate needs N}; i++)); do
            dir="$out/calibrate-$i"
            mkdir -p "$dir"
            java -jar "$gate" run --project-dir "$project" --profile standard --include "$kernels" \
                --out "$dir/results.json" > "$dir/console.txt" 2> "$dir/progress.txt"
            files+=("$dir/results.json")
        done
        java -jar "$gate" approve --project-dir "$project" --results "${files[0]}" --allow-noisy --allow-unsettled \
            --reason "verdict-quality evaluation: this machine's host class" > "$out/approve.txt"
        java -jar "$gate" calibrate --project-dir "$project" --results "${files[@]}" > "$out/calibrate.txt" ;;
    recheck)
        runs=("$out"/aa-*/results.json)
        for run in "${runs[@]}"; do
            label="recheck-$(basename "$(dirname "$run")")"
            loo="$out/$label/project"
            mkdir -p "$loo/baselines"
            cp "$project"/baselines/*.json "$loo/baselines/"
            others=()
            for other in "${runs[@]}"; do
                [[ "$other" == "$run" ]] || others+=("$other")
            done
            java -jar "$gate" calibrate --project-dir "$loo" --results "${others[@]}" > "$out/$label-calibrate.txt"
            dir="$out/$label"
            status=0
            java -jar "$gate" check --project-dir "$loo" --results "$run" --json "$dir/report.json" \
                > "$dir/console.txt" 2> "$dir/progress.txt" || status=$?
            {
                echo "$label exit=$status"
                grep -E '^[A-Za-z]+Benchmark\.[^ ]+ +us/op' "$dir/console.txt" || true
            } >> "$out/summary.txt"
        done ;;
    pairs)
        runs=("$out"/aa-*/results.json)
        for a in "${runs[@]}"; do
            for b in "${runs[@]}"; do
                [[ "$a" != "$b" ]] || continue
                label="pair-$(basename "$(dirname "$a")")-$(basename "$(dirname "$b")")"
                status=0
                java -jar "$gate" compare "$a" "$b" > "$out/$label.txt" 2>&1 || status=$?
                {
                    echo "$label exit=$status"
                    grep -E '^[A-Za-z]+Benchmark\.[^ ]+ +us/op' "$out/$label.txt" || true
                } >> "$out/pairs.txt"
            done
        done ;;
    *) echo "real-runs.sh: unknown mode '$mode' (aa, check, ab, abaa, alternate, calibrate, recheck or pairs)" >&2; exit 2 ;;
esac
