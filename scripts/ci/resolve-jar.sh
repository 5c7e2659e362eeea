#!/usr/bin/env bash
# Prints the one file that the benchmarks-jar input names, relative to the directory given
# (default: the current one), as an absolute path. A glob such as build/libs/*-jmh.jar is allowed
# and must match exactly one file.
#
# Usage: resolve-jar.sh PATTERN [DIR]
set -euo pipefail

pattern="${1:?resolve-jar.sh needs the benchmarks-jar pattern}"
dir="${2:-.}"
cd "$dir"
shopt -s nullglob
# ** where the shell has it (macOS runners' bash 3.2 does not).
shopt -s globstar 2> /dev/null || true
# The pattern is the caller's glob: it must be expanded, so it is left unquoted on purpose.
# shellcheck disable=SC2206
matches=($pattern)
files=()
for m in ${matches[@]+"${matches[@]}"}; do
    [[ -f "$m" ]] && files+=("$m")
done
if [[ ${#files[@]} -eq 0 ]]; then
    echo "perf-gate: benchmarks-jar '$pattern' matches no file in $(pwd): did build-command build it?" >&2
    exit 2
fi
if [[ ${#files[@]} -gt 1 ]]; then
    echo "perf-gate: benchmarks-jar '$pattern' matches ${#files[@]} files in $(pwd) (${files[*]}): make it name one" >&2
    exit 2
fi
echo "$(cd "$(dirname "${files[0]}")" && pwd)/$(basename "${files[0]}")"
