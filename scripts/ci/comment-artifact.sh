#!/usr/bin/env bash
# Prepares the pull-request comment's data for one platform (the comment workflow posts it):
# pr-comment/pr-number and pr-comment/report-<platform>.md, which is the gate's Markdown report or,
# when there is none, one line saying what happened. It always writes both files, so the sticky
# comment never keeps showing an earlier commit's report.
#
# Environment: PLATFORM, OUT, PR_NUMBER, HEAD_SHA, and GATE_OUTCOME (the check step's outcome).
set -euo pipefail

mkdir -p pr-comment
echo "$PR_NUMBER" > pr-comment/pr-number
report="pr-comment/report-$PLATFORM.md"
if [[ -f "$OUT/report.md" ]]; then
    cp "$OUT/report.md" "$report"
elif [[ -f "$OUT/no-report.md" ]]; then
    cp "$OUT/no-report.md" "$report"
else
    echo "no report for $HEAD_SHA: gate ($PLATFORM) failed (${GATE_OUTCOME:-did not run}); see the job log" > "$report"
fi
