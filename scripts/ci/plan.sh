#!/usr/bin/env bash
# Checks the inputs of perf-gate.yml and plans its jobs: one measure job per platform and shard,
# one gate job per platform, each on the GitHub-hosted runner of its platform.
#
# Environment: PLATFORMS (comma-separated platform keys), SHARDS (1-20), THRESHOLD (percent),
# PROFILE (empty for the CLI's default), BASELINES_DIR (a directory named baselines).
# Writes to $GITHUB_OUTPUT: measure and gates (JSON matrices), ab-platform, ab-runner, project-dir,
# and markdown-max-bytes (each platform's share of the 60,000 bytes of the pull-request comment).
# A bad input is one line naming the input, and exit code 2.
set -euo pipefail

fail() {
    echo "::error title=perf-gate input::$1"
    echo "perf-gate: $1" >&2
    exit 2
}

runner_of() {
    case "$1" in
        linux-x86_64) echo ubuntu-latest ;;
        linux-aarch64) echo ubuntu-24.04-arm ;;
        macos-aarch64) echo macos-latest ;;
        macos-x86_64) echo macos-15-intel ;;
        windows-x86_64) echo windows-latest ;;
        windows-aarch64) echo windows-11-arm ;;
        *) return 1 ;;
    esac
}

platforms=()
IFS=',' read -r -a given <<< "${PLATFORMS:-}"
for p in "${given[@]}"; do
    p="${p//[[:space:]]/}"
    [[ -z "$p" ]] && continue
    runner_of "$p" > /dev/null || fail "platforms: '$p' is not a platform key (linux-x86_64, linux-aarch64, macos-aarch64, macos-x86_64, windows-x86_64, windows-aarch64)"
    for seen in ${platforms[@]+"${platforms[@]}"}; do
        [[ "$seen" == "$p" ]] && fail "platforms: '$p' is listed twice"
    done
    platforms+=("$p")
done
[[ ${#platforms[@]} -gt 0 ]] || fail "platforms: no platform given (e.g. linux-x86_64)"

shards="${SHARDS:-1}"
[[ "$shards" =~ ^[1-9][0-9]?$ && "$shards" -le 20 ]] || fail "shards: must be a whole number from 1 to 20, was '$shards'"

[[ "${THRESHOLD:-5}" =~ ^[0-9]+([.][0-9]+)?$ ]] || fail "threshold: must be a percentage such as 5 or 2.5, was '${THRESHOLD:-}'"

case "${PROFILE:-}" in
    '' | quick | standard | thorough | calibrated) ;;
    *) fail "profile: must be empty, quick, standard, thorough or calibrated, was '$PROFILE'" ;;
esac

baselines="${BASELINES_DIR:-baselines}"
baselines="${baselines%/}"
[[ "$baselines" == baselines || "$baselines" == */baselines ]] \
    || fail "baselines-dir: must be a directory named baselines (perf-gate keeps history/ beside it), was '$baselines'"
[[ "$baselines" != /* && "/$baselines/" != */../* ]] \
    || fail "baselines-dir: must be a path inside the repository, was '$baselines'"
project_dir="${baselines%baselines}"
project_dir="${project_dir%/}"

measure='[]'
gates='[]'
for p in "${platforms[@]}"; do
    runner="$(runner_of "$p")"
    gates=$(jq -c --arg p "$p" --arg r "$runner" '. + [{platform: $p, runner: $r}]' <<< "$gates")
    for ((i = 1; i <= shards; i++)); do
        measure=$(jq -c --arg p "$p" --arg r "$runner" --argjson s "$i" '. + [{platform: $p, runner: $r, shard: $s}]' <<< "$measure")
    done
done

{
    echo "measure={\"include\":$measure}"
    echo "gates={\"include\":$gates}"
    echo "ab-platform=${platforms[0]}"
    echo "ab-runner=$(runner_of "${platforms[0]}")"
    echo "project-dir=${project_dir:-.}"
    echo "markdown-max-bytes=$((60000 / ${#platforms[@]}))"
} >> "$GITHUB_OUTPUT"
echo "perf-gate: ${#platforms[@]} platform(s) (${platforms[*]}), $shards shard(s) each"
