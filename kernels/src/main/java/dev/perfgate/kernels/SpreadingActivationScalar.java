package dev.perfgate.kernels;

/**
 * The scalar {@link SpreadingStep}, used when the Vector API is absent: the shared in-edge sums
 * ({@link InEdgeSums}), then retention, the clamp and the next {@code s * f(a)} node by node.
 */
final class SpreadingActivationScalar implements SpreadingStep {

    @Override
    public void step(PreparedGraph graph, ActivationRule rule, float[] activation, float[] fired,
            float[] nextActivation, float[] nextFired) {
        InEdgeSums.sum(graph, fired, nextActivation);
        update(rule, activation, nextActivation, nextFired, 0, graph.positionCount());
    }

    /**
     * The node-wise part for positions {@code [from, to)}: {@code sums} holds the in-edge sums
     * on entry and the next activations on return.
     */
    static void update(ActivationRule rule, float[] activation, float[] sums, float[] nextFired,
            int from, int to) {
        float retention = rule.retention();
        float spread = rule.spread();
        float threshold = rule.firingThreshold();
        // Two loops: the JIT compiles the first one to SIMD instructions (it cannot the second),
        // which measured twice as fast as one loop doing both.
        for (int p = from; p < to; p++) {
            sums[p] = Math.min(1f, retention * activation[p] + sums[p]);
        }
        for (int p = from; p < to; p++) {
            float next = sums[p];
            nextFired[p] = next >= threshold ? spread * next : 0f;
        }
    }
}
