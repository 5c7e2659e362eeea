package dev.perfgate.kernels;

import java.util.Objects;

/**
 * A {@link CsrGraph} prepared for {@link SpreadingActivation}: what the kernel needs from the
 * graph, computed once per graph instead of once per iteration. Obtain one with
 * {@link SpreadingActivation#prepare(CsrGraph)}.
 *
 * <p>The layout serves the kernel's pull formulation, in which each node's new activation is a
 * sum over its in-edges (reads only, no scattered writes):
 * <ul>
 *   <li>each edge weight is divided by its source's out-weight once, in double precision:
 *       {@code w(u, v) / W(u)}, rounded to {@code float};</li>
 *   <li>nodes get positions in order of decreasing in-degree (ties by node number), and the
 *       in-edges are stored in sliced ELLPACK form (SELL-8): positions form slices of
 *       {@value #SLICE} consecutive positions; a slice is as wide as its first node's in-degree
 *       and stores entry {@code j} of its lane {@code l} at
 *       {@code sliceStart[s] + j * 8 + l}. Shorter rows are padded with weight 0 (which adds
 *       exactly 0), and the node count is padded to a multiple of 8 with nodes without edges.
 *       Sorting by in-degree keeps that padding small (0.8% of the entries on the benchmark's
 *       graph) and puts the slices without in-edges last;</li>
 *   <li>within a node the in-edges keep the order of their sources, the order in which the
 *       reference adds them.</li>
 * </ul>
 * Eight lanes let the kernel add the in-edges of eight nodes at once in eight independent
 * sums, while it walks all entries in one flat pass.
 *
 * <p>Costs {@code O(nodes + edges)} time and about {@code 8 * (edges + padding) + 4 * nodes}
 * bytes. Immutable, and therefore safe to share between threads and between kernels; it keeps
 * a reference to the graph it was prepared from (whose arrays, as {@link CsrGraph} says, must
 * not be modified).
 */
public final class PreparedGraph {

    /** Number of consecutive positions per slice. */
    static final int SLICE = 8;

    private final CsrGraph graph;
    private final int[] position;
    private final int[] sliceStart;
    private final int filledSlices;
    private final int[] source;
    private final float[] weight;

    private PreparedGraph(CsrGraph graph, int[] position, int[] sliceStart, int filledSlices,
            int[] source, float[] weight) {
        this.graph = graph;
        this.position = position;
        this.sliceStart = sliceStart;
        this.filledSlices = filledSlices;
        this.source = source;
        this.weight = weight;
    }

    /** Prepares {@code graph}; see the class comment for the layout. */
    static PreparedGraph of(CsrGraph graph) {
        Objects.requireNonNull(graph, "graph");
        int nodes = graph.nodeCount();
        int[] rowStart = graph.rowStart();
        int[] target = graph.target();
        float[] edgeWeight = graph.weight();

        int[] inDegree = new int[nodes];
        for (int v : target) {
            inDegree[v]++;
        }
        int[] position = positionsByDecreasingInDegree(inDegree);

        int slices = (nodes + SLICE - 1) / SLICE;
        int[] width = new int[slices];
        for (int v = 0; v < nodes; v++) {
            int slice = position[v] / SLICE;
            width[slice] = Math.max(width[slice], inDegree[v]);
        }
        int[] sliceStart = new int[slices + 1];
        int filledSlices = 0;
        for (int s = 0; s < slices; s++) {
            sliceStart[s + 1] = sliceStart[s] + width[s] * SLICE;
            filledSlices += width[s] > 0 ? 1 : 0;
        }

        // Padding entries keep source 0 and weight 0, so they add 0 * (a finite activation).
        int[] source = new int[sliceStart[slices]];
        float[] weight = new float[sliceStart[slices]];
        int[] filled = new int[nodes];
        for (int u = 0; u < nodes; u++) {
            double outWeight = 0;
            for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
                outWeight += edgeWeight[k];
            }
            for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
                int v = target[k];
                int p = position[v];
                int entry = sliceStart[p / SLICE] + filled[v]++ * SLICE + p % SLICE;
                source[entry] = position[u];
                weight[entry] = (float) (edgeWeight[k] / outWeight);
            }
        }
        return new PreparedGraph(graph, position, sliceStart, filledSlices, source, weight);
    }

    /** Counting sort: position[v] orders nodes by decreasing in-degree, ties by node number. */
    private static int[] positionsByDecreasingInDegree(int[] inDegree) {
        int maxDegree = 0;
        for (int d : inDegree) {
            maxDegree = Math.max(maxDegree, d);
        }
        // firstOfDegree[maxDegree - d] becomes the first position of in-degree d.
        int[] firstOfDegree = new int[maxDegree + 2];
        for (int d : inDegree) {
            firstOfDegree[maxDegree - d + 1]++;
        }
        for (int i = 1; i < firstOfDegree.length; i++) {
            firstOfDegree[i] += firstOfDegree[i - 1];
        }
        int[] position = new int[inDegree.length];
        for (int v = 0; v < inDegree.length; v++) {
            position[v] = firstOfDegree[maxDegree - inDegree[v]]++;
        }
        return position;
    }

    /** @return the graph this was prepared from */
    public CsrGraph graph() {
        return graph;
    }

    /** @return number of nodes, at least 1 */
    public int nodeCount() {
        return position.length;
    }

    /** @return number of edges, at least 0 */
    public int edgeCount() {
        return graph.edgeCount();
    }

    /** @return the sizes, and the stored entries including padding */
    @Override
    public String toString() {
        return "PreparedGraph[nodes=" + nodeCount() + ", edges=" + edgeCount() + ", entries="
                + source.length + "]";
    }

    /** Number of positions: the node count rounded up to a multiple of {@value #SLICE}. */
    int positionCount() {
        return (sliceStart.length - 1) * SLICE;
    }

    /** Number of slices with at least one entry; they come first. */
    int filledSliceCount() {
        return filledSlices;
    }

    /** {@code position()[v]} is node {@code v}'s position in the kernel's arrays; not to be modified. */
    int[] position() {
        return position;
    }

    /** Offset of each slice's entries, one more value than slices; not to be modified. */
    int[] sliceStart() {
        return sliceStart;
    }

    /** Position of each entry's source node; not to be modified. */
    int[] source() {
        return source;
    }

    /** Each entry's normalized weight {@code w(u, v) / W(u)}, 0 for padding; not to be modified. */
    float[] weight() {
        return weight;
    }
}
