package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The memory floors do the work they stand for: every load and store, with the trivial operation. */
class MemoryFloorsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 17, 10_000})
    void decayFloorMultipliesEveryItem(int items) {
        MemoryDecayInput input = MemoryDecayInput.random(items, items, 5 * MemoryDecay.DEFAULT_TAU_SECONDS);
        float[] out = new float[items + 1];
        out[items] = -1f;

        MemoryDecayMemoryFloor.multiply(input.strength(), input.ageSeconds(), out);

        for (int i = 0; i < items; i++) {
            assertThat(out[i]).as("item %d", i).isEqualTo(input.strength()[i] * input.ageSeconds()[i]);
        }
        assertThat(out[items]).as("past the items").isEqualTo(-1f);
    }

    @ParameterizedTest
    @CsvSource({"9, 30, 0", "9, 30, 1", "50, 200, 3", "1000, 5000, 1", "1000, 5000, 4"})
    void spreadingFloorVisitsEveryEntryOfEveryPass(int nodes, int edges, int iterations) {
        PreparedGraph graph = PreparedGraph.of(CsrGraph.random(7L, nodes, edges));
        SpreadingActivationMemoryFloor floor = new SpreadingActivationMemoryFloor(graph);

        float[] values = floor.run(graph, iterations).clone();

        assertThat(values).containsExactly(expectedFloorValues(graph, iterations));
        assertThat(floor.run(graph, iterations)).as("a second run starts afresh").containsExactly(values);
    }

    /** The floor's passes written out slice by slice and lane by lane, in its order of additions. */
    private static float[] expectedFloorValues(PreparedGraph graph, int iterations) {
        int positions = graph.positionCount();
        int[] sliceStart = graph.sliceStart();
        float[] value = new float[positions];
        value[0] = 1f;
        float[] fired = value.clone();
        for (int t = 0; t < iterations; t++) {
            float[] next = new float[positions];
            for (int slice = 0; slice + 1 < sliceStart.length; slice++) {
                for (int lane = 0; lane < PreparedGraph.SLICE; lane++) {
                    float sum = 0f;
                    for (int e = sliceStart[slice] + lane; e < sliceStart[slice + 1]; e += PreparedGraph.SLICE) {
                        sum += graph.weight()[e] + fired[graph.source()[e]];
                    }
                    int p = slice * PreparedGraph.SLICE + lane;
                    next[p] = value[p] + sum;
                }
            }
            value = next;
            fired = next.clone();
        }
        return value;
    }
}
