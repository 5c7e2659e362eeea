#!/usr/bin/env bash
# The gate job's first step: checks that every measure shard of this platform delivered its
# results, then merges them (and the shards' confirmation reruns) for check. A missing shard is
# named in $OUT/no-report.md, which the summary and the pull-request comment show, and fails the
# step: a platform whose measurements are incomplete gets no verdict, never a pass.
#
# Environment: PERF_GATE (the jar), PLATFORM, SHARDS (count), SHARDS_DIR (the downloaded shard
# artifacts), OUT (where results.json and results-confirm.json go), HEAD_SHA (named in the message).
set -euo pipefail

mkdir -p "$OUT"
missing=()
results=()
confirmed=()
for ((i = 1; i <= SHARDS; i++)); do
    if [[ -f "$SHARDS_DIR/shard-$i.json" ]]; then
        results+=("$SHARDS_DIR/shard-$i.json")
        if [[ -f "$SHARDS_DIR/shard-$i-confirm.json" ]]; then
            confirmed+=("$SHARDS_DIR/shard-$i-confirm.json")
        fi
    else
        missing+=("measure ($PLATFORM, shard $i)")
    fi
done

if [[ ${#missing[@]} -gt 0 ]]; then
    list=$(printf '%s, ' "${missing[@]}")
    message="no report for ${HEAD_SHA}: ${list%, } failed"
    echo "$message" > "$OUT/no-report.md"
    echo "::error title=perf-gate ($PLATFORM)::$message"
    exit 1
fi

# merge also merges the host files, so the merged results keep the shards' hosts.
java -jar "$PERF_GATE" merge --platform "$PLATFORM" --out "$OUT/results.json" "${results[@]}"
if [[ ${#confirmed[@]} -gt 0 ]]; then
    java -jar "$PERF_GATE" merge --platform "$PLATFORM" --out "$OUT/results-confirm.json" "${confirmed[@]}"
fi
