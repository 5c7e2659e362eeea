package dev.perfgate.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The memory floor of {@link CosineSimilarity}: streams the candidate floats once and does the
 * least work that still reads all of them, a sum. A batch of similarities cannot be faster than
 * this, so {@code CosineSimilarityBenchmark.memoryFloor} is the yardstick for how close the
 * kernel gets to the hardware. Needs {@code jdk.incubator.vector} (used by the benchmark only).
 *
 * <p>Eight independent vector accumulators: the sum is bound by load bandwidth, not by the
 * latency of the additions.
 */
final class CosineSimilarityMemoryFloor {

    /** The kernel's vector shape, so that both read the candidates the same way. */
    private static final VectorSpecies<Float> SPECIES = CosineSimilarityVector.SPECIES;
    private static final int LANES = SPECIES.length();

    private CosineSimilarityMemoryFloor() {
    }

    /** @return the sum of all {@code values}, in no particular order */
    static float sum(float[] values) {
        int step = 8 * LANES;
        int bound = values.length - values.length % step;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        int i = 0;
        for (; i < bound; i += step) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, values, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, values, i + LANES));
            s2 = s2.add(FloatVector.fromArray(SPECIES, values, i + 2 * LANES));
            s3 = s3.add(FloatVector.fromArray(SPECIES, values, i + 3 * LANES));
            s4 = s4.add(FloatVector.fromArray(SPECIES, values, i + 4 * LANES));
            s5 = s5.add(FloatVector.fromArray(SPECIES, values, i + 5 * LANES));
            s6 = s6.add(FloatVector.fromArray(SPECIES, values, i + 6 * LANES));
            s7 = s7.add(FloatVector.fromArray(SPECIES, values, i + 7 * LANES));
        }
        float sum = s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))).reduceLanes(VectorOperators.ADD);
        for (; i < values.length; i++) {
            sum += values[i];
        }
        return sum;
    }
}
