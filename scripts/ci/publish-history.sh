#!/usr/bin/env bash
# Appends the runs recorded by the gate jobs to the history branch and pushes it. Several runs
# may publish at once (no concurrency group: GitHub keeps only one pending run per group and
# cancels the others, which would lose their runs); a push that loses the race fetches the branch
# again and retries. record --from-history skips runs already there, so a retry never records twice.
#
# Usage: publish-history.sh RECORDED.jsonl...
# Environment: PERF_GATE (the jar), HISTORY_BRANCH, PROJECT_DIR (whose history/ starts a new
# branch), GITHUB_SHA, ATTEMPTS (default 10).
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "No run was recorded (the gate failed before recording)."
    exit 0
fi
files=()
for f in "$@"; do
    files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done
attempts="${ATTEMPTS:-10}"
work=.perf-gate/history-branch
git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
for ((attempt = 1; attempt <= attempts; attempt++)); do
    git worktree remove --force "$work" 2> /dev/null || rm -rf "$work"
    git worktree prune
    if git fetch -q origin "$HISTORY_BRANCH"; then
        git worktree add -q --force --detach "$work" FETCH_HEAD
    else
        # First run: the branch starts with the history committed on the default branch, and nothing else.
        git worktree add -q --force --detach "$work" HEAD
        git -C "$work" checkout -q --orphan "perf-gate-history-start-$attempt"
        git -C "$work" rm -rfq .
        if [[ -d "$PROJECT_DIR/history" ]]; then
            cp -r "$PROJECT_DIR/history" "$work/"
        fi
    fi
    for f in "${files[@]}"; do
        java -jar "$PERF_GATE" record --project-dir "$work" --from-history "$f"
    done
    git -C "$work" add -- 'history/*.jsonl'
    if git -C "$work" diff --cached --quiet; then
        echo "Nothing new: the runs are on $HISTORY_BRANCH already."
        exit 0
    fi
    git -C "$work" commit -q -m "perf-gate: record runs of $GITHUB_SHA"
    if git -C "$work" push -q origin "HEAD:refs/heads/$HISTORY_BRANCH"; then
        echo "Recorded the runs of $GITHUB_SHA on $HISTORY_BRANCH."
        exit 0
    fi
    echo "$HISTORY_BRANCH moved meanwhile; trying again ($attempt of $attempts)."
    sleep $((attempt * 3 + RANDOM % 5))
done
echo "::error title=perf-gate history::could not push to $HISTORY_BRANCH after $attempts attempts"
exit 1
