#!/usr/bin/env bash
# Moves the major tag (v1) to the commit of a release tag (v1.2.3) and pushes it, so callers
# pinned to @v1 get the release, unless a later release of that major version exists: a patch of
# an older minor version never moves v1 back. The release tags themselves are never moved.
#
# Usage: move-major-tag.sh vX.Y.Z   (run in a clone with every tag fetched; pushes to origin)
set -euo pipefail

tag="${1:?move-major-tag.sh needs the release tag, e.g. v1.2.3}"
if [[ ! "$tag" =~ ^v([0-9]+)\.[0-9]+\.[0-9]+$ ]]; then
    echo "move-major-tag.sh: '$tag' is not a release tag vX.Y.Z; the major tag is left as it is" >&2
    exit 2
fi
major="v${BASH_REMATCH[1]}"
latest=$(git tag -l "$major.*" | grep -E "^$major\.[0-9]+\.[0-9]+$" | sort -V | tail -n 1)
if [[ "$latest" != "$tag" ]]; then
    echo "$latest is later than $tag: $major stays where it is."
    exit 0
fi
commit=$(git rev-parse "$tag^{commit}")
git tag -f "$major" "$commit"
git push -f origin "refs/tags/$major"
echo "$major now points at $tag ($commit)."
