#!/usr/bin/env bash
# Builds a perf-gate.jar whose three bundled kernels are slower by about PCT percent, for the
# real-run part of docs/verdict-quality.md. The slowdown is real work inside the kernels' public
# methods (CosineSimilarity.similarities, MemoryDecay.decay, SpreadingActivation.spread): a chain
# of dependent multiply-adds whose length is PCT percent of the kernel's baseline time at about
# 1.3 ns per step (measured on the 2-core AMD EPYC development machine). The size actually
# obtained is what the A/B runs estimate; docs/verdict-quality.md reports both.
#
# Usage: scripts/verdict-quality/slowed-jar.sh PCT OUT.jar
# The committed tree (HEAD) is built in a temporary directory; the working tree is not touched.
set -euo pipefail

pct="${1:?usage: slowed-jar.sh PCT OUT.jar}"
out="${2:?usage: slowed-jar.sh PCT OUT.jar}"
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$root" archive HEAD | tar -x -C "$work"

kernels="$work/kernels/src/main/java/dev/perfgate/kernels"
# Steps per call: PCT% of the baseline score (us/op) divided by 1.3 ns per step.
steps() { awk -v pct="$pct" -v us="$1" 'BEGIN { printf "%d", pct / 100 * us * 1000 / 1.3 }'; }
cat > "$kernels/InjectedWork.java" <<JAVA
package dev.perfgate.kernels;

/** Extra work injected for the verdict-quality evaluation (scripts/verdict-quality/slowed-jar.sh). */
final class InjectedWork {
    static long sink;

    static void spin(int steps) {
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
inject "$kernels/CosineSimilarity.java" "public void similarities(float[] query, Candidates prepared, float[] out) {" "$(steps 65.08)"
inject "$kernels/MemoryDecay.java" "public void decay(float[] strength, float[] ageSeconds, float[] out) {" "$(steps 3.642)"
inject "$kernels/SpreadingActivation.java" "public void spread(PreparedGraph graph, int source, int iterations, float[] out) {" "$(steps 336.8)"

(cd "$work" && mvn -q -B -o -DskipTests -pl perf-gate-cli -am package)
cp "$work/perf-gate-cli/target/perf-gate.jar" "$out"
echo "slowed-jar.sh: $out has the kernels slower by about $pct%"
