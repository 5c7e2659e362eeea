#!/usr/bin/env bash
# Checks the inputs of perf-gate.yml and plans its jobs: one measure job per platform and shard,
# one gate job per platform, each on the GitHub-hosted runner of its platform, or on the runner
# RUNNERS names for it.
#
# Environment: PLATFORMS (comma-separated platform keys), SHARDS (1-20), THRESHOLD (percent),
# PROFILE (empty for the CLI's default), BASELINES_DIR (a directory named baselines), RUNNERS
# (empty, or a JSON object from platform keys to what runs-on takes: a label, or an array of labels,
# e.g. {"linux-x86_64": ["self-hosted", "linux", "x64", "perf"]}), FORK_PULL_REQUEST (true for a
# pull request from a fork: its code never runs on the RUNNERS, only on GitHub-hosted runners).
# Writes to $GITHUB_OUTPUT: measure and gates (JSON matrices), ab-platform, ab-runner (JSON: a
# label or an array of labels), project-dir, and markdown-max-bytes (each platform's share of the
# 60,000 bytes of the pull-request comment).
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

runners="${RUNNERS:-}"
[[ -n "${runners//[[:space:]]/}" ]] || runners='{}'
jq -e -s 'length == 1 and (.[0] | type == "object")' <<< "$runners" > /dev/null 2>&1 \
    || fail "runners: must be a JSON object from platform keys to runner labels, e.g. {\"linux-x86_64\": [\"self-hosted\", \"perf\"]}, was '${RUNNERS}'"
runners=$(jq -c . <<< "$runners")
while IFS= read -r key; do
    listed=false
    for p in "${platforms[@]}"; do
        [[ "$p" == "$key" ]] && listed=true
    done
    $listed || fail "runners: '$key' is not one of the platforms (${platforms[*]})"
    jq -e --arg k "$key" '.[$k] | (type == "string" and length > 0)
            or (type == "array" and length > 0 and all(.[]; type == "string" and length > 0))' <<< "$runners" > /dev/null \
        || fail "runners: the runner of '$key' must be a label or a non-empty array of labels, was '$(jq -c --arg k "$key" '.[$k]' <<< "$runners")'"
done < <(jq -r 'keys[]' <<< "$runners")

if [[ "${FORK_PULL_REQUEST:-false}" == true && "$runners" != '{}' ]]; then
    echo "::notice title=perf-gate runners::a pull request from a fork runs on GitHub-hosted runners, never on the runners input's (self-hosted runners would run its code); verdicts against baselines recorded there are advisory"
    runners='{}'
fi

# The runner of a platform as JSON: RUNNERS' labels for it, or its GitHub-hosted runner.
runner_json() {
    jq -c --arg p "$1" --arg hosted "$(runner_of "$1")" '.[$p] // $hosted' <<< "$runners"
}

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
    runner="$(runner_json "$p")"
    gates=$(jq -c --arg p "$p" --argjson r "$runner" '. + [{platform: $p, runner: $r}]' <<< "$gates")
    for ((i = 1; i <= shards; i++)); do
        measure=$(jq -c --arg p "$p" --argjson r "$runner" --argjson s "$i" '. + [{platform: $p, runner: $r, shard: $s}]' <<< "$measure")
    done
done

{
    echo "measure={\"include\":$measure}"
    echo "gates={\"include\":$gates}"
    echo "ab-platform=${platforms[0]}"
    echo "ab-runner=$(runner_json "${platforms[0]}")"
    echo "project-dir=${project_dir:-.}"
    echo "markdown-max-bytes=$((60000 / ${#platforms[@]}))"
} >> "$GITHUB_OUTPUT"
echo "perf-gate: ${#platforms[@]} platform(s) (${platforms[*]}), $shards shard(s) each"
for p in "${platforms[@]}"; do
    echo "perf-gate: $p runs on $(runner_json "$p")"
done
