package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreparedGraphTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 17, 1000})
    void positionsArePermutationSortedByDecreasingInDegree(int nodes) {
        CsrGraph graph = CsrGraph.random(nodes, nodes, (int) Math.min(5L * nodes, (long) nodes * (nodes - 1)));
        int[] inDegree = inDegrees(graph);

        PreparedGraph prepared = PreparedGraph.of(graph);

        int[] nodeAt = new int[nodes];
        boolean[] taken = new boolean[nodes];
        for (int v = 0; v < nodes; v++) {
            int p = prepared.position()[v];
            assertThat(taken[p]).as("position %d used once", p).isFalse();
            taken[p] = true;
            nodeAt[p] = v;
        }
        for (int p = 1; p < nodes; p++) {
            int before = nodeAt[p - 1];
            int at = nodeAt[p];
            assertThat(inDegree[before]).isGreaterThanOrEqualTo(inDegree[at]);
            if (inDegree[before] == inDegree[at]) {
                assertThat(before).as("ties keep node order").isLessThan(at);
            }
        }
        assertThat(prepared.positionCount()).isEqualTo((nodes + 7) / 8 * 8);
    }

    @Test
    void everyEdgeIsStoredOnceWithItsNormalizedWeightAndPaddingIsZero() {
        CsrGraph graph = CsrGraph.random(3L, 300, 2000);
        PreparedGraph prepared = PreparedGraph.of(graph);
        Map<Long, Double> expected = new HashMap<>();
        for (int u = 0; u < graph.nodeCount(); u++) {
            double outWeight = 0;
            for (int k = graph.rowStart()[u]; k < graph.rowStart()[u + 1]; k++) {
                outWeight += graph.weight()[k];
            }
            for (int k = graph.rowStart()[u]; k < graph.rowStart()[u + 1]; k++) {
                long key = (long) prepared.position()[u] * 1_000_000 + prepared.position()[graph.target()[k]];
                expected.put(key, graph.weight()[k] / outWeight);
            }
        }

        int padding = 0;
        int[] sliceStart = prepared.sliceStart();
        for (int s = 0; s + 1 < sliceStart.length; s++) {
            for (int k = sliceStart[s]; k < sliceStart[s + 1]; k++) {
                int destination = s * 8 + (k - sliceStart[s]) % 8;
                float weight = prepared.weight()[k];
                if (weight == 0f) {
                    padding++;
                    continue;
                }
                Double normalized = expected.remove((long) prepared.source()[k] * 1_000_000 + destination);
                assertThat(normalized).as("entry %d is an edge, stored once", k).isNotNull();
                assertThat((double) weight).isCloseTo(normalized, within(1e-7 * normalized));
            }
        }
        assertThat(expected).as("edges not stored").isEmpty();
        assertThat(padding).isEqualTo(prepared.source().length - graph.edgeCount());
    }

    @Test
    void benchmarkGraphNeedsLittlePaddingAndPutsEmptySlicesLast() {
        CsrGraph graph = CsrGraph.random(42L, 1000, 5000);

        PreparedGraph prepared = PreparedGraph.of(graph);

        assertThat(prepared.source().length).isBetween(5000, 5050);
        int[] sliceStart = prepared.sliceStart();
        for (int s = 0; s + 1 < sliceStart.length; s++) {
            boolean empty = sliceStart[s + 1] == sliceStart[s];
            assertThat(empty).as("slice %d", s).isEqualTo(s >= prepared.filledSliceCount());
            if (s > 0) {
                assertThat(sliceStart[s + 1] - sliceStart[s]).isLessThanOrEqualTo(sliceStart[s] - sliceStart[s - 1]);
            }
        }
        assertThat(prepared.toString()).isEqualTo("PreparedGraph[nodes=1000, edges=5000, entries=" + prepared.source().length + "]");
        assertThat(prepared.graph()).isSameAs(graph);
        assertThat(prepared.nodeCount()).isEqualTo(1000);
        assertThat(prepared.edgeCount()).isEqualTo(5000);
    }

    @Test
    void graphWithoutEdgesHasOnlyEmptySlices() {
        PreparedGraph prepared = PreparedGraph.of(CsrGraph.random(1L, 9, 0));

        assertThat(prepared.filledSliceCount()).isZero();
        assertThat(prepared.source()).isEmpty();
        assertThat(prepared.positionCount()).isEqualTo(16);
    }

    private static int[] inDegrees(CsrGraph graph) {
        int[] inDegree = new int[graph.nodeCount()];
        for (int v : graph.target()) {
            inDegree[v]++;
        }
        return inDegree;
    }
}
