#!/usr/bin/env bash
# Puts the history of the history branch into PROJECT_DIR/history/, for the trend column of the
# report and the trend page. Before the branch exists, the history committed on the checked-out
# commit is used as it is.
#
# Environment: HISTORY_BRANCH, PROJECT_DIR.
set -euo pipefail

if git fetch -q --depth=1 origin "$HISTORY_BRANCH" 2> /dev/null; then
    if git cat-file -e FETCH_HEAD:history 2> /dev/null; then
        mkdir -p "$PROJECT_DIR"
        git archive FETCH_HEAD history | tar -x -C "$PROJECT_DIR"
        echo "Using the history of $HISTORY_BRANCH."
    fi
else
    echo "No $HISTORY_BRANCH branch yet: using the history committed here, if any."
fi
