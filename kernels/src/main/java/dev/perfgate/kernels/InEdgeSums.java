package dev.perfgate.kernels;

import java.util.Arrays;

/**
 * The edge part of a {@link SpreadingStep}, shared by both implementations: for every position
 * {@code p} of a {@link PreparedGraph}, the sum of {@code weight[k] * fired[source[k]]} over its
 * in-edge entries, the gather-sum of the pull formulation.
 *
 * <p>Scalar loads on purpose: on the AVX2 machine the benchmarks run on (AMD Zen 3), an 8-lane
 * Vector API gather ({@code FloatVector.fromArray(species, a, 0, indexMap, k)}) measured slower
 * per element than eight scalar loads (about 0.48 ns against 0.39 ns per element in a tight
 * loop; the whole kernel took about 300 us instead of about 245 us), so the vector
 * implementation uses this loop too and vectorizes only the node-wise part.
 */
final class InEdgeSums {

    private InEdgeSums() {
    }

    /**
     * Writes the in-edge sum of every position into {@code sums[0..graph.positionCount())}.
     *
     * <p>One flat pass over all entries, eight at a time: the eight entries at {@code k} are
     * entry {@code j} of the eight nodes of one slice, so eight independent running sums keep
     * the processor's load and add units busy. Besides the loop and the bounds checks, the only
     * branch is the slice boundary, which follows the slices' sorted widths and so predicts
     * well; one flat loop measured faster than a loop per slice, whose short inner loops cost
     * set-up each time.
     */
    static void sum(PreparedGraph graph, float[] fired, float[] sums) {
        int[] sliceStart = graph.sliceStart();
        int[] source = graph.source();
        float[] weight = graph.weight();
        int filled = graph.filledSliceCount();
        int entries = sliceStart[filled];

        int slice = 0;
        int sliceEnd = sliceStart[Math.min(1, filled)];
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        for (int k = 0; k < entries; k += PreparedGraph.SLICE) {
            s0 += weight[k] * fired[source[k]];
            s1 += weight[k + 1] * fired[source[k + 1]];
            s2 += weight[k + 2] * fired[source[k + 2]];
            s3 += weight[k + 3] * fired[source[k + 3]];
            s4 += weight[k + 4] * fired[source[k + 4]];
            s5 += weight[k + 5] * fired[source[k + 5]];
            s6 += weight[k + 6] * fired[source[k + 6]];
            s7 += weight[k + 7] * fired[source[k + 7]];
            if (k + PreparedGraph.SLICE == sliceEnd) {
                int base = slice * PreparedGraph.SLICE;
                sums[base] = s0;
                sums[base + 1] = s1;
                sums[base + 2] = s2;
                sums[base + 3] = s3;
                sums[base + 4] = s4;
                sums[base + 5] = s5;
                sums[base + 6] = s6;
                sums[base + 7] = s7;
                s0 = 0f;
                s1 = 0f;
                s2 = 0f;
                s3 = 0f;
                s4 = 0f;
                s5 = 0f;
                s6 = 0f;
                s7 = 0f;
                slice++;
                sliceEnd = sliceStart[Math.min(slice + 1, filled)];
            }
        }
        // Slices without in-edges come last (positions are sorted by decreasing in-degree).
        Arrays.fill(sums, filled * PreparedGraph.SLICE, graph.positionCount(), 0f);
    }
}
