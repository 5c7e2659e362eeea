package dev.perfgate.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link SpreadingStep}: the shared in-edge sums ({@link InEdgeSums}, scalar
 * loads, faster than gathers on the target machine), then retention, the clamp and the next
 * iteration's {@code s * f(a)} (a compare and a blend) a whole vector of nodes at a time.
 * Multiply and add stay separate operations, as in the scalar version, so both give the same
 * bits. Loaded only when {@link Kernels#vectorized()}.
 */
final class SpreadingActivationVector implements SpreadingStep {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public void step(PreparedGraph graph, ActivationRule rule, float[] activation, float[] fired,
            float[] nextActivation, float[] nextFired) {
        InEdgeSums.sum(graph, fired, nextActivation);

        FloatVector retention = FloatVector.broadcast(SPECIES, rule.retention());
        float spread = rule.spread();
        float threshold = rule.firingThreshold();
        int positions = graph.positionCount();
        int vectorEnd = SPECIES.loopBound(positions);
        for (int p = 0; p < vectorEnd; p += SPECIES.length()) {
            FloatVector next = FloatVector.fromArray(SPECIES, activation, p).mul(retention)
                    .add(FloatVector.fromArray(SPECIES, nextActivation, p))
                    .min(1f);
            next.intoArray(nextActivation, p);
            next.mul(spread).blend(0f, next.lt(threshold)).intoArray(nextFired, p);
        }
        // Positions come in multiples of 8, so a tail exists only for vectors wider than 8 floats.
        SpreadingActivationScalar.update(rule, activation, nextActivation, nextFired, vectorEnd, positions);
    }
}
