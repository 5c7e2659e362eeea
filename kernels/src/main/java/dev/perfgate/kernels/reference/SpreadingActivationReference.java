package dev.perfgate.kernels.reference;

import dev.perfgate.kernels.ActivationRule;
import dev.perfgate.kernels.CsrGraph;
import dev.perfgate.kernels.SpreadingActivation;
import java.util.Arrays;
import java.util.Objects;

/**
 * The plain scalar reference for {@link SpreadingActivation}: the straightforward push loop,
 * kept unchanged as the yardstick the optimized kernel is tested and benchmarked against
 * ({@code SpreadingActivationBenchmark.spreadReference}). Same constructor, method and
 * contract as {@link SpreadingActivation}; see there for the rule.
 *
 * <p>Each iteration walks every node's out-edges in CSR order, recomputes the out-weight
 * {@code W(u)} and scatters {@code s * f(a[u]) / W(u) * w(u, v)} onto the successors, so every
 * iteration does the same work whatever the activations are. Arithmetic is in {@code float};
 * on graphs like the benchmark's (1000 nodes, 5000 edges, 100 iterations) results agree with
 * a double-precision edge-list computation to within 1e-5 relative.
 *
 * <p>The instance owns two activation buffers of {@code nodeCount} floats, allocated once in
 * the constructor and swapped between iterations, so a call allocates nothing. Because of
 * those buffers an instance is not thread-safe; use one per thread.
 *
 * <pre>{@code
 * CsrGraph graph = CsrGraph.random(42L, 1000, 5000);
 * SpreadingActivationReference kernel = new SpreadingActivationReference(graph.nodeCount());
 * float[] activation = new float[graph.nodeCount()];
 * kernel.spread(graph, 0, 100, activation);
 * }</pre>
 */
public final class SpreadingActivationReference {

    private final ActivationRule rule;
    private final float[] current;
    private final float[] next;

    /**
     * Creates a kernel for graphs of {@code nodeCount} nodes with {@link ActivationRule#DEFAULT}.
     *
     * @param nodeCount number of nodes of the graphs this kernel runs on, at least 1
     * @throws IllegalArgumentException if {@code nodeCount < 1}
     */
    public SpreadingActivationReference(int nodeCount) {
        this(nodeCount, ActivationRule.DEFAULT);
    }

    /**
     * Creates a kernel for graphs of {@code nodeCount} nodes.
     *
     * @param nodeCount number of nodes of the graphs this kernel runs on, at least 1
     * @param rule the update rule's constants
     * @throws IllegalArgumentException if {@code nodeCount < 1}
     * @throws NullPointerException if {@code rule} is null
     */
    public SpreadingActivationReference(int nodeCount, ActivationRule rule) {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("nodeCount must be >= 1, was: " + nodeCount);
        }
        this.rule = Objects.requireNonNull(rule, "rule");
        this.current = new float[nodeCount];
        this.next = new float[nodeCount];
    }

    /** @return number of nodes of the graphs this kernel runs on, at least 1 */
    public int nodeCount() {
        return current.length;
    }

    /** @return the update rule's constants */
    public ActivationRule rule() {
        return rule;
    }

    /**
     * Spreads activation from {@code source} for {@code iterations} steps and writes the final
     * activation of every node, in [0, 1], into {@code out[0..nodeCount)}.
     *
     * @param graph the graph, with exactly {@link #nodeCount()} nodes
     * @param source the node that starts with activation 1, in {@code [0, nodeCount)}
     * @param iterations number of update steps, at least 0 (0 writes the initial state)
     * @param out receives the activations; at least {@code nodeCount} long
     * @throws IllegalArgumentException if an argument is out of range
     * @throws NullPointerException if {@code graph} or {@code out} is null
     */
    public void spread(CsrGraph graph, int source, int iterations, float[] out) {
        validate(graph, source, iterations, out);
        float[] from = current;
        float[] to = next;
        Arrays.fill(from, 0f);
        from[source] = 1f;
        for (int t = 0; t < iterations; t++) {
            step(graph, from, to);
            float[] swap = from;
            from = to;
            to = swap;
        }
        System.arraycopy(from, 0, out, 0, from.length);
    }

    private void step(CsrGraph graph, float[] from, float[] to) {
        int[] rowStart = graph.rowStart();
        int[] target = graph.target();
        float[] weight = graph.weight();
        float retention = rule.retention();
        float spread = rule.spread();
        float threshold = rule.firingThreshold();
        int nodes = from.length;

        for (int v = 0; v < nodes; v++) {
            to[v] = retention * from[v];
        }
        for (int u = 0; u < nodes; u++) {
            int start = rowStart[u];
            int end = rowStart[u + 1];
            if (start == end) {
                continue; // no out-edges: nothing to hand on, and W(u) would be 0
            }
            float activation = from[u];
            float firing = activation >= threshold ? activation : 0f;
            // Non-firing nodes still walk their edges (adding 0), so every iteration does the
            // same work and the benchmark's time does not hinge on how far activation reached.
            // W(u) is recomputed per iteration so that any graph of the right size can be
            // passed without a per-graph preparation step.
            float outWeight = 0f;
            for (int k = start; k < end; k++) {
                outWeight += weight[k];
            }
            float scale = spread * firing / outWeight;
            for (int k = start; k < end; k++) {
                to[target[k]] += scale * weight[k];
            }
        }
        for (int v = 0; v < nodes; v++) {
            to[v] = Math.min(1f, to[v]);
        }
    }

    private void validate(CsrGraph graph, int source, int iterations, float[] out) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(out, "out");
        int nodes = current.length;
        if (graph.nodeCount() != nodes) {
            throw new IllegalArgumentException("graph node count must equal the kernel's nodeCount "
                    + nodes + ", was: " + graph.nodeCount());
        }
        if (source < 0 || source >= nodes) {
            throw new IllegalArgumentException(
                    "source must be in [0, " + nodes + "), was: " + source);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, was: " + iterations);
        }
        if (out.length < nodes) {
            throw new IllegalArgumentException(
                    "out length must be >= nodeCount " + nodes + ", was: " + out.length);
        }
    }
}
