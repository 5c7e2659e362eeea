#!/usr/bin/env bash
# Builds a perf-gate.jar whose three bundled kernels are slower by about PCT percent, for the
# real-run part of docs/verdict-quality.md. The slowdown is real work inside the kernels' public
# methods (CosineSimilarity.similarities, MemoryDecay.decay, SpreadingActivation.spread): a chain
# of dependent multiply-adds whose length is PCT percent of each kernel's time on THIS machine.
# A chain of a few dozen steps (5% of decay's 1.3 us) would run alongside the kernel's independent
# vector work inside the core's out-of-order window and cost only part of its length (it cost decay
# 2.2% instead of 5%): where PCT percent of a call is under 2 us, every k-th call runs a chain k
# times as long instead, so that the window hides a few per cent of it at most and the mean cost
# per call is still PCT percent.
# Both sizes are measured here, not taken from another machine: the kernels' scores from a JMH
# run of the unmodified build (RESULTS.json, or a short run made now: 3 forks x (5 + 3) x 1 s),
# and the time of one step of the chain from the speed probe in that run's host file
# (scalar_chain: the same dependent 64-bit multiply-add). The size actually obtained is what the
# A/B runs estimate; docs/verdict-quality.md reports both.
#
# Usage: scripts/verdict-quality/slowed-jar.sh PCT OUT.jar [RESULTS.json]
# Build first (mvn -B -DskipTests package). The committed tree (HEAD) is built in a temporary
# directory; the working tree is not touched.
set -euo pipefail

pct="${1:?usage: slowed-jar.sh PCT OUT.jar [RESULTS.json]}"
out="${2:?usage: slowed-jar.sh PCT OUT.jar [RESULTS.json]}"
results="${3:-}"
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "$results" ]]; then
    results="$work/scores.json"
    java -jar "$root/perf-gate-cli/target/perf-gate.jar" run --forks 3 --warmup-iterations 5 --iterations 3 \
        --iteration-time 1s --out "$results" >&2
fi
host="${results%.json}.host.json"
[[ -f "$host" ]] || { echo "slowed-jar.sh: $host is missing (results written by perf-gate run have one)" >&2; exit 2; }
score() { # the us/op score of a benchmark method in the results
    jq -r --arg m "$1" '[.[] | select(.benchmark == $m) | .primaryMetric.score][0] // empty' "$results"
}
ns_per_step="$(jq -r '.hosts[0].host.speed.scalar_chain.ns // empty' "$host")"
[[ -n "$ns_per_step" ]] || { echo "slowed-jar.sh: no scalar_chain probe in $host" >&2; exit 2; }
cosine_us="$(score dev.perfgate.kernels.CosineSimilarityBenchmark.batch)"
decay_us="$(score dev.perfgate.kernels.MemoryDecayBenchmark.decay)"
spread_us="$(score dev.perfgate.kernels.SpreadingActivationBenchmark.spread)"
for v in "$cosine_us" "$decay_us" "$spread_us"; do
    [[ -n "$v" ]] || { echo "slowed-jar.sh: $results lacks a kernel's score" >&2; exit 2; }
done
echo "slowed-jar.sh: measured here: cosine $cosine_us us/op, decay $decay_us us/op, spreading $spread_us us/op," \
    "$ns_per_step ns per step of the injected chain" >&2
git -C "$root" archive HEAD | tar -x -C "$work"

kernels="$work/kernels/src/main/java/dev/perfgate/kernels"
# "STEPS, EVERY": PCT% of the score measured here (us/op), in steps of the time measured here, run once
# every EVERY calls, EVERY the fewest calls whose injected work adds up to 2 us.
steps() {
    awk -v pct="$pct" -v us="$1" -v ns="$ns_per_step" 'BEGIN {
        per_call = pct / 100 * us * 1000; every = int(2000 / per_call); if (every * per_call < 2000) every++
        printf "%d, %d", per_call * every / ns, every }'
}
cat > "$kernels/InjectedWork.java" <<JAVA
package dev.perfgate.kernels;

/** Extra work injected for the verdict-quality evaluation (scripts/verdict-quality/slowed-jar.sh). */
final class InjectedWork {
    static long sink;
    private static int calls;

    /** A chain of {@code steps} dependent multiply-adds on one call in {@code every}. */
    static void spin(int steps, int every) {
        if (++calls < every) {
            return;
        }
        calls = 0;
        long x = sink;
        for (int i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sink = x;
    }
}
JAVA
inject() { # file, exact method header, steps
    grep -qF "$2" "$1" || { echo "slowed-jar.sh: '$2' not found in $1" >&2; exit 3; }
    awk -v header="$2" -v steps="$3" '{ print } index($0, header) { print "        InjectedWork.spin(" steps ");" }' \
        "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}
inject "$kernels/CosineSimilarity.java" "public void similarities(float[] query, Candidates prepared, float[] out) {" "$(steps "$cosine_us")"
inject "$kernels/MemoryDecay.java" "public void decay(float[] strength, float[] ageSeconds, float[] out) {" "$(steps "$decay_us")"
inject "$kernels/SpreadingActivation.java" "public void spread(PreparedGraph graph, int source, int iterations, float[] out) {" "$(steps "$spread_us")"

(cd "$work" && mvn -q -B -o -DskipTests -pl perf-gate-cli -am package)
cp "$work/perf-gate-cli/target/perf-gate.jar" "$out"
echo "slowed-jar.sh: $out has the kernels slower by about $pct%"
