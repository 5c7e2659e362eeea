#!/usr/bin/env bash
# Writes the gate's report of one platform to the job summary and one error annotation per
# regression, from the files the check step wrote; when there is no report, what happened instead.
#
# Environment: PLATFORM, OUT (report.md, report.json, no-report.md), GITHUB_STEP_SUMMARY.
set -euo pipefail

if [[ -f "$OUT/report.md" ]]; then
    { echo "## perf-gate: $PLATFORM"; cat "$OUT/report.md"; } >> "$GITHUB_STEP_SUMMARY"
elif [[ -f "$OUT/no-report.md" ]]; then
    { echo "## perf-gate: $PLATFORM"; echo; cat "$OUT/no-report.md"; } >> "$GITHUB_STEP_SUMMARY"
fi
if [[ -f "$OUT/report.json" ]]; then
    # Benchmark names are data: escaped for workflow commands (%, CR, LF, and ':' ',' in properties).
    jq -r --arg platform "$PLATFORM" '
      def esc: tostring | gsub("%"; "%25") | gsub("\r"; "%0D") | gsub("\n"; "%0A");
      def prop: esc | gsub(":"; "%3A") | gsub(","; "%2C");
      .results[]? | select(.verdict == "regression")
      | (.benchmark + (if (.params // {}) == {} then ""
          else "[" + ([.params | to_entries[] | "\(.key)=\(.value)"] | join(",")) + "]" end)) as $name
      | (if .metric == "primary" then "" else " (" + .metric + ")" end) as $metric
      | "::error title=\("Performance regression on " + $platform | prop)::\($name + $metric | esc): \(.change_pct | tostring | esc)% worse than the baseline, p = \(.p_value | tostring | esc)"
    ' "$OUT/report.json"
fi
