package dev.perfgate.kernels;

import java.util.Arrays;

/**
 * The memory floor of {@link SpreadingActivation}: per iteration, the same two passes over the
 * same arrays in the same order, without the arithmetic of the rule.
 * <ul>
 *   <li>Edge pass: every in-edge entry of the {@link PreparedGraph}, eight nodes at a time in
 *       eight running sums, loads its source position, its weight and the source's value (the
 *       dependent gather that bounds the kernel), and adds weight and value to the sum: an add
 *       where the kernel multiplies and adds.</li>
 *   <li>Node pass: reads the previous value and the sum of every position and stores their sum
 *       as both next arrays; no retention, clamp or threshold.</li>
 * </ul>
 * {@code SpreadingActivationBenchmark.memoryFloor} is the yardstick for how close the kernel
 * gets to the hardware: the kernel does this work plus one multiply per entry and the rule, so
 * the two are expected to be close (within measurement noise the kernel can match it). The
 * values themselves mean nothing: they grow with every iteration and reach +Infinity after
 * about 50 of the benchmark's 100, which costs nothing extra.
 * Owns four buffers of the graph's position count, like the kernel; not thread-safe.
 */
final class SpreadingActivationMemoryFloor {

    private final float[] value;
    private final float[] fired;
    private final float[] nextValue;
    private final float[] nextFired;

    /** @param graph the prepared graph this floor runs on */
    SpreadingActivationMemoryFloor(PreparedGraph graph) {
        int positions = graph.positionCount();
        this.value = new float[positions];
        this.fired = new float[positions];
        this.nextValue = new float[positions];
        this.nextFired = new float[positions];
    }

    /**
     * Runs {@code iterations} edge and node passes from a single 1 at position 0.
     *
     * @return the values of the last pass, one per position (a buffer of this floor, valid until
     *     the next run), so that the work is consumed
     */
    float[] run(PreparedGraph graph, int iterations) {
        float[] a = value;
        float[] f = fired;
        float[] nextA = nextValue;
        float[] nextF = nextFired;
        Arrays.fill(a, 0f);
        Arrays.fill(f, 0f);
        a[0] = 1f;
        f[0] = 1f;
        for (int t = 0; t < iterations; t++) {
            edgePass(graph, f, nextA);
            for (int p = 0; p < nextA.length; p++) {
                float x = a[p] + nextA[p];
                nextA[p] = x;
                nextF[p] = x;
            }
            float[] swap = a;
            a = nextA;
            nextA = swap;
            swap = f;
            f = nextF;
            nextF = swap;
        }
        return a;
    }

    /** {@link InEdgeSums#sum} with {@code weight + value} in place of {@code weight * value}. */
    private static void edgePass(PreparedGraph graph, float[] value, float[] sums) {
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
            s0 += weight[k] + value[source[k]];
            s1 += weight[k + 1] + value[source[k + 1]];
            s2 += weight[k + 2] + value[source[k + 2]];
            s3 += weight[k + 3] + value[source[k + 3]];
            s4 += weight[k + 4] + value[source[k + 4]];
            s5 += weight[k + 5] + value[source[k + 5]];
            s6 += weight[k + 6] + value[source[k + 6]];
            s7 += weight[k + 7] + value[source[k + 7]];
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
        Arrays.fill(sums, filled * PreparedGraph.SLICE, graph.positionCount(), 0f);
    }
}
