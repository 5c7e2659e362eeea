package dev.perfgate.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * Spreading activation over a directed weighted graph ({@link CsrGraph}).
 *
 * <p>Activation starts at 1 on one source node and 0 everywhere else. Each iteration computes
 * the next activations {@code a'} from the current ones {@code a} with the constants of an
 * {@link ActivationRule} (retention {@code r}, spread {@code s}, firing threshold
 * {@code theta}):
 * <pre>
 *   f(x)  = x if x &gt;= theta, else 0
 *   W(u)  = sum of w(u, v) over the out-edges u-&gt;v        (out-weight of u)
 *   a'[v] = min(1, r * a[v] + s * sum over edges u-&gt;v of (w(u, v) / W(u)) * f(a[u]))
 * </pre>
 * A firing node keeps {@code r} of its activation and hands {@code s} of it to its successors
 * in proportion to edge weight; a node below the threshold, or without out-edges, hands on
 * nothing. All terms are non-negative, so activations stay in [0, 1]: the {@code min(1, ..)}
 * binds only for rules with {@code r + s > 1}. With the default rule (r = 0.5, s = 0.5,
 * theta = 1e-4) total activation never grows, a node no edge reaches keeps 0, and a source
 * without out-edges decays to {@code r^iterations}.
 *
 * <h2>How it is computed</h2>
 * The graph is first turned into a {@link PreparedGraph}, once per graph: the normalized
 * weights {@code w(u, v) / W(u)} (out-weights summed in double), stored by in-edge ("pull"
 * layout, so nothing is scattered) in slices of 8 nodes sorted by in-degree. Each iteration
 * then makes one flat pass over all in-edge entries, summing {@code (w(u, v) / W(u)) * g[u]}
 * for 8 nodes at a time in 8 independent sums, where {@code g = s * f(a)} was computed once per
 * node at the end of the previous iteration; then one pass over the nodes applies retention
 * and the clamp and computes the next {@code g}. With the Vector API
 * ({@link Kernels#vectorized()}) that node pass works on whole vectors (a compare and a blend
 * for {@code f}); the edge pass uses scalar loads in both implementations, because on the
 * machine the benchmarks run on (AVX2, AMD Zen 3) vector gathers measured slower than scalar
 * loads. Like the reference, every iteration does the same work whatever the activations are:
 * non-firing sources add exact zeros. Both implementations give the same bits.
 *
 * <p>Preparation: {@link #prepare(CsrGraph)} returns the prepared form for explicit reuse
 * (share it between kernels and threads, or keep its cost out of a timed call), and
 * {@link #spread(PreparedGraph, int, int, float[])} runs on it. The {@link CsrGraph} overload
 * prepares the graph on the first call with it and keeps that prepared form until called with
 * another graph instance, so repeated calls with one graph prepare once and then allocate
 * nothing. Either way the graph's arrays must not change after preparation (as
 * {@link CsrGraph} requires anyway).
 *
 * <h2>Accuracy</h2>
 * Arithmetic is in {@code float}. A node's edge terms are added in the order of their sources,
 * as in the plain reference
 * ({@link dev.perfgate.kernels.reference.SpreadingActivationReference}), but starting from 0
 * rather than from {@code r * a[v]}, and with each weight already divided by {@code W(u)}.
 * Results agree with a double-precision edge-list computation, and with the reference, to
 * within {@code 1e-5 * |expected| + 1e-12} (observed on random graphs of 7 to 1000 nodes and
 * five rules over 100 iterations: at most 6e-7 relative to double precision, 1.1e-6 relative
 * to the reference, whose own error is up to 8e-7). Unlike the reference, which sums
 * {@code W(u)} in float, the kernel stays right when a node's out-weights add up to more than
 * {@code Float.MAX_VALUE}, or are so small that {@code s * a / W(u)} overflows a float.
 *
 * <p>The kernel owns four buffers of {@code nodeCount} floats (rounded up to a multiple of 8),
 * allocated once in the constructor, and remembers the last graph it prepared, so a call
 * allocates nothing once its graph is prepared. Because of that state an instance is not
 * thread-safe; use one per thread (they can share a {@link PreparedGraph}).
 *
 * <pre>{@code
 * CsrGraph graph = CsrGraph.random(42L, 1000, 5000);
 * SpreadingActivation kernel = new SpreadingActivation(graph.nodeCount());
 * float[] activation = new float[graph.nodeCount()];
 * kernel.spread(graph, 0, 100, activation);                  // prepares graph on first use
 *
 * PreparedGraph prepared = SpreadingActivation.prepare(graph);   // or prepare explicitly
 * kernel.spread(prepared, 0, 100, activation);
 * }</pre>
 */
public final class SpreadingActivation {

    /** Default number of nodes, the size the benchmark measures. */
    public static final int DEFAULT_NODES = 1000;

    /** Default number of edges, the size the benchmark measures. */
    public static final int DEFAULT_EDGES = 5000;

    /** Default number of iterations, the count the benchmark measures. */
    public static final int DEFAULT_ITERATIONS = 100;

    /** Chosen once; the vector class is only named here, behind the check. */
    private static final SpreadingStep STEP =
            Kernels.vectorized() ? new SpreadingActivationVector() : new SpreadingActivationScalar();

    private final ActivationRule rule;
    private final SpreadingStep step;
    private final int nodeCount;
    private final float[] activation;
    private final float[] fired;
    private final float[] nextActivation;
    private final float[] nextFired;
    private PreparedGraph lastPrepared;

    /**
     * Creates a kernel for graphs of {@code nodeCount} nodes with {@link ActivationRule#DEFAULT}.
     *
     * @param nodeCount number of nodes of the graphs this kernel runs on, at least 1
     * @throws IllegalArgumentException if {@code nodeCount < 1}
     */
    public SpreadingActivation(int nodeCount) {
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
    public SpreadingActivation(int nodeCount, ActivationRule rule) {
        this(nodeCount, rule, STEP);
    }

    /** With a given implementation, so that tests can run both. */
    SpreadingActivation(int nodeCount, ActivationRule rule, SpreadingStep step) {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("nodeCount must be >= 1, was: " + nodeCount);
        }
        this.rule = Objects.requireNonNull(rule, "rule");
        this.step = step;
        this.nodeCount = nodeCount;
        int positions = (nodeCount + PreparedGraph.SLICE - 1) / PreparedGraph.SLICE * PreparedGraph.SLICE;
        this.activation = new float[positions];
        this.fired = new float[positions];
        this.nextActivation = new float[positions];
        this.nextFired = new float[positions];
    }

    /**
     * Prepares {@code graph} for {@link #spread(PreparedGraph, int, int, float[])}: costs time
     * and memory proportional to its size, once. The result is immutable and can be shared by
     * any number of kernels and threads.
     *
     * @param graph the graph
     * @return the graph's prepared form
     * @throws NullPointerException if {@code graph} is null
     */
    public static PreparedGraph prepare(CsrGraph graph) {
        return PreparedGraph.of(graph);
    }

    /** @return number of nodes of the graphs this kernel runs on, at least 1 */
    public int nodeCount() {
        return nodeCount;
    }

    /** @return the update rule's constants */
    public ActivationRule rule() {
        return rule;
    }

    /**
     * Spreads activation from {@code source} for {@code iterations} steps and writes the final
     * activation of every node, in [0, 1], into {@code out[0..nodeCount)}. Prepares
     * {@code graph} (see {@link #prepare(CsrGraph)}) unless it is the graph instance this
     * kernel prepared last.
     *
     * @param graph the graph, with exactly {@link #nodeCount()} nodes
     * @param source the node that starts with activation 1, in {@code [0, nodeCount)}
     * @param iterations number of update steps, at least 0 (0 writes the initial state)
     * @param out receives the activations; at least {@code nodeCount} long
     * @throws IllegalArgumentException if an argument is out of range
     * @throws NullPointerException if {@code graph} or {@code out} is null
     */
    public void spread(CsrGraph graph, int source, int iterations, float[] out) {
        Objects.requireNonNull(graph, "graph");
        PreparedGraph prepared = lastPrepared;
        if (prepared == null || prepared.graph() != graph) {
            validate(graph.nodeCount(), source, iterations, out);
            prepared = PreparedGraph.of(graph);
            lastPrepared = prepared;
        }
        spread(prepared, source, iterations, out);
    }

    /**
     * Spreads activation from {@code source} for {@code iterations} steps over a prepared
     * graph and writes the final activation of every node, in [0, 1], into
     * {@code out[0..nodeCount)}.
     *
     * @param graph the prepared graph, with exactly {@link #nodeCount()} nodes, from
     *     {@link #prepare(CsrGraph)}
     * @param source the node that starts with activation 1, in {@code [0, nodeCount)}
     * @param iterations number of update steps, at least 0 (0 writes the initial state)
     * @param out receives the activations; at least {@code nodeCount} long
     * @throws IllegalArgumentException if an argument is out of range
     * @throws NullPointerException if {@code graph} or {@code out} is null
     */
    public void spread(PreparedGraph graph, int source, int iterations, float[] out) {
        Objects.requireNonNull(graph, "graph");
        validate(graph.nodeCount(), source, iterations, out);
        float[] a = activation;
        float[] f = fired;
        float[] nextA = nextActivation;
        float[] nextF = nextFired;
        Arrays.fill(a, 0f);
        Arrays.fill(f, 0f);
        int start = graph.position()[source];
        a[start] = 1f;
        f[start] = 1f >= rule.firingThreshold() ? rule.spread() : 0f; // s * f(1); theta <= 1
        for (int t = 0; t < iterations; t++) {
            step.step(graph, rule, a, f, nextA, nextF);
            float[] swap = a;
            a = nextA;
            nextA = swap;
            swap = f;
            f = nextF;
            nextF = swap;
        }
        int[] position = graph.position();
        for (int v = 0; v < nodeCount; v++) {
            out[v] = a[position[v]];
        }
    }

    private void validate(int graphNodes, int source, int iterations, float[] out) {
        Objects.requireNonNull(out, "out");
        int nodes = nodeCount;
        if (graphNodes != nodes) {
            throw new IllegalArgumentException("graph node count must equal the kernel's nodeCount "
                    + nodes + ", was: " + graphNodes);
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
