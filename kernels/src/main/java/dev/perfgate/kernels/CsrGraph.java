package dev.perfgate.kernels;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A directed weighted graph in compressed sparse row (CSR) form: the out-edges of node
 * {@code u} are the indices {@code k} in {@code [rowStart[u], rowStart[u + 1])}, each going to
 * {@code target[k]} with weight {@code weight[k]}.
 *
 * <ul>
 *   <li>Nodes are numbered {@code 0 .. nodeCount() - 1}, with {@code nodeCount() >= 1}.</li>
 *   <li>{@code rowStart} has {@code nodeCount() + 1} entries, starts at 0, never decreases and
 *       ends at {@code edgeCount()}.</li>
 *   <li>Weights are finite and strictly positive; the kernel only uses their ratios within a
 *       node's out-edges (see {@link SpreadingActivation}).</li>
 * </ul>
 *
 * <p>The arrays are held by reference, not copied, so the kernel reads them in place; the
 * structure is validated once here, so do not modify them afterwards.
 *
 * <pre>{@code
 * CsrGraph graph = CsrGraph.random(42L, 1000, 5000);   // weights uniform in [0.1, 1.0]
 * }</pre>
 *
 * @param rowStart offsets of each node's out-edges, {@code nodeCount() + 1} entries
 * @param target destination node of each edge, each in {@code [0, nodeCount())}
 * @param weight weight of each edge, finite and {@code > 0}, same length as {@code target}
 */
public record CsrGraph(int[] rowStart, int[] target, float[] weight) {

    /** Smallest weight the random generator draws (inclusive). */
    public static final float MIN_RANDOM_WEIGHT = 0.1f;

    /** Largest weight the random generator draws (inclusive; float rounding can reach it). */
    public static final float MAX_RANDOM_WEIGHT = 1.0f;

    /**
     * Validates the CSR structure; costs one pass over the arrays.
     *
     * @param rowStart offsets of each node's out-edges, {@code nodeCount() + 1} entries
     * @param target destination node of each edge, each in {@code [0, nodeCount())}
     * @param weight weight of each edge, finite and {@code > 0}, same length as {@code target}
     * @throws IllegalArgumentException if the arrays do not form a valid graph
     * @throws NullPointerException if an array is null
     */
    public CsrGraph {
        Objects.requireNonNull(rowStart, "rowStart");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(weight, "weight");
        if (rowStart.length < 2) {
            throw new IllegalArgumentException(
                    "rowStart length must be >= 2 (at least one node), was: " + rowStart.length);
        }
        if (weight.length != target.length) {
            throw new IllegalArgumentException("weight length must equal target length "
                    + target.length + ", was: " + weight.length);
        }
        if (rowStart[0] != 0) {
            throw new IllegalArgumentException("rowStart[0] must be 0, was: " + rowStart[0]);
        }
        for (int u = 1; u < rowStart.length; u++) {
            if (rowStart[u] < rowStart[u - 1]) {
                throw new IllegalArgumentException("rowStart must not decrease, but rowStart["
                        + u + "] = " + rowStart[u] + " < rowStart[" + (u - 1) + "] = "
                        + rowStart[u - 1]);
            }
        }
        int last = rowStart[rowStart.length - 1];
        if (last != target.length) {
            throw new IllegalArgumentException("rowStart[nodeCount] must equal the edge count "
                    + target.length + ", was: " + last);
        }
        int nodeCount = rowStart.length - 1;
        for (int k = 0; k < target.length; k++) {
            if (target[k] < 0 || target[k] >= nodeCount) {
                throw new IllegalArgumentException("target[" + k + "] must be in [0, "
                        + nodeCount + "), was: " + target[k]);
            }
            if (!(weight[k] > 0f) || weight[k] == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        "weight[" + k + "] must be finite and > 0, was: " + weight[k]);
            }
        }
    }

    /**
     * Creates a reproducible random graph: {@code edgeCount} distinct directed edges chosen
     * uniformly among all ordered pairs without self-loops, weights uniform in
     * [{@value #MIN_RANDOM_WEIGHT}, {@value #MAX_RANDOM_WEIGHT}]. Out-edges of a node are
     * sorted by target. Uses {@link Random}, whose sequence for a seed is fixed by its
     * specification, so a seed gives the same graph on every JDK.
     *
     * @param seed random seed; equal seeds give equal graphs
     * @param nodeCount number of nodes, at least 1
     * @param edgeCount number of edges, in {@code [0, nodeCount * (nodeCount - 1)]}; keep it
     *     well below that bound, since edges are drawn by rejection
     * @return a new graph
     * @throws IllegalArgumentException if a count is out of range
     */
    public static CsrGraph random(long seed, int nodeCount, int edgeCount) {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("nodeCount must be >= 1, was: " + nodeCount);
        }
        long maxEdges = (long) nodeCount * (nodeCount - 1);
        if (edgeCount < 0 || edgeCount > maxEdges) {
            throw new IllegalArgumentException("edgeCount must be in [0, nodeCount * (nodeCount - 1)"
                    + " = " + maxEdges + "], was: " + edgeCount);
        }
        Random random = new Random(seed);
        // An edge u->v is encoded as u * nodeCount + v, so sorting the keys yields CSR order.
        long[] keys = new long[edgeCount];
        Set<Long> seen = new HashSet<>();
        int drawn = 0;
        while (drawn < edgeCount) {
            int u = random.nextInt(nodeCount);
            int v = random.nextInt(nodeCount);
            long key = (long) u * nodeCount + v;
            if (u != v && seen.add(key)) {
                keys[drawn++] = key;
            }
        }
        Arrays.sort(keys);

        int[] rowStart = new int[nodeCount + 1];
        int[] target = new int[edgeCount];
        float[] weight = new float[edgeCount];
        for (int k = 0; k < edgeCount; k++) {
            int u = (int) (keys[k] / nodeCount);
            target[k] = (int) (keys[k] % nodeCount);
            weight[k] = MIN_RANDOM_WEIGHT
                    + (MAX_RANDOM_WEIGHT - MIN_RANDOM_WEIGHT) * random.nextFloat();
            rowStart[u + 1]++;
        }
        for (int u = 0; u < nodeCount; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        return new CsrGraph(rowStart, target, weight);
    }

    /** @return number of nodes, at least 1 */
    public int nodeCount() {
        return rowStart.length - 1;
    }

    /** @return number of edges, at least 0 */
    public int edgeCount() {
        return target.length;
    }

    /**
     * @param node a node in {@code [0, nodeCount())}
     * @return number of out-edges of {@code node}
     */
    public int outDegree(int node) {
        Objects.checkIndex(node, nodeCount());
        return rowStart[node + 1] - rowStart[node];
    }

    /** @return the sizes only, since the arrays are too large to print */
    @Override
    public String toString() {
        return "CsrGraph[nodes=" + nodeCount() + ", edges=" + edgeCount() + "]";
    }
}
