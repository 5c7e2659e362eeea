package dev.perfgate.kernels;

/**
 * The spreading activation rule written as literally as possible, in double precision, over a
 * plain edge list: the oracle that {@link SpreadingActivation} and the float reference
 * ({@link dev.perfgate.kernels.reference.SpreadingActivationReference}) are checked against.
 * Deliberately unoptimised and allocating: it must stay easy to check against the formula in
 * the kernel's Javadoc.
 */
final class SpreadingActivationExact {

    private SpreadingActivationExact() {
    }

    static double[] spread(CsrGraph graph, int source, int iterations, ActivationRule rule) {
        int nodes = graph.nodeCount();
        int edges = graph.edgeCount();
        int[] from = new int[edges];
        int[] to = new int[edges];
        double[] weight = new double[edges];
        for (int u = 0; u < nodes; u++) {
            for (int k = graph.rowStart()[u]; k < graph.rowStart()[u + 1]; k++) {
                from[k] = u;
                to[k] = graph.target()[k];
                weight[k] = graph.weight()[k];
            }
        }
        double[] outWeight = new double[nodes];
        for (int e = 0; e < edges; e++) {
            outWeight[from[e]] += weight[e];
        }

        double[] activation = new double[nodes];
        activation[source] = 1.0;
        for (int t = 0; t < iterations; t++) {
            double[] next = new double[nodes];
            for (int v = 0; v < nodes; v++) {
                next[v] = rule.retention() * activation[v];
            }
            for (int e = 0; e < edges; e++) {
                double a = activation[from[e]];
                double fired = a >= rule.firingThreshold() ? a : 0.0;
                next[to[e]] += rule.spread() * (weight[e] / outWeight[from[e]]) * fired;
            }
            for (int v = 0; v < nodes; v++) {
                next[v] = Math.min(1.0, next[v]);
            }
            activation = next;
        }
        return activation;
    }
}
