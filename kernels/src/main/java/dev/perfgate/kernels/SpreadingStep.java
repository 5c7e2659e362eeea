package dev.perfgate.kernels;

/**
 * One iteration of the {@link SpreadingActivation} rule over a {@link PreparedGraph}, in the
 * pull form: for every position {@code p} (nodes in the prepared order, padded to whole
 * slices)
 * <pre>
 *   nextActivation[p] = min(1, r * activation[p] + sum over the in-edge entries k of p
 *                                                  of weight[k] * fired[source[k]])
 *   nextFired[p]      = s * nextActivation[p] if nextActivation[p] &gt;= theta, else 0
 * </pre>
 * where {@code fired = s * f(activation)} comes from the previous iteration, so the threshold
 * is applied once per node and iteration rather than once per edge. Implementations are
 * stateless, and give bit-identical results: they share the edge sums ({@link InEdgeSums}) and
 * the node-wise part rounds the same operations in the same order.
 */
interface SpreadingStep {

    /**
     * @param graph the prepared graph
     * @param rule the rule's constants
     * @param activation current activations, {@code graph.positionCount()} long
     * @param fired {@code s * f(activation)}, same length
     * @param nextActivation receives the next activations, same length
     * @param nextFired receives {@code s * f(nextActivation)}, same length
     */
    void step(PreparedGraph graph, ActivationRule rule, float[] activation, float[] fired,
            float[] nextActivation, float[] nextFired);
}
