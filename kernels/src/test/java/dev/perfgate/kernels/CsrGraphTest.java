package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsrGraphTest {

    @Test
    void randomGraphHasExactlyTheRequestedNodesAndEdges() {
        CsrGraph graph = CsrGraph.random(42L, 1000, 5000);

        assertThat(graph.nodeCount()).isEqualTo(1000);
        assertThat(graph.edgeCount()).isEqualTo(5000);
        assertThat(graph.rowStart()).hasSize(1001);
        assertThat(graph.toString()).isEqualTo("CsrGraph[nodes=1000, edges=5000]");
    }

    @Test
    void randomGraphHasNoSelfLoopsNoDuplicateEdgesAndSortedTargets() {
        CsrGraph graph = CsrGraph.random(7L, 200, 2000);
        Set<Long> edges = new HashSet<>();

        for (int u = 0; u < graph.nodeCount(); u++) {
            for (int k = graph.rowStart()[u]; k < graph.rowStart()[u + 1]; k++) {
                int v = graph.target()[k];
                assertThat(v).isNotEqualTo(u);
                assertThat(edges.add((long) u * graph.nodeCount() + v)).as("edge %d->%d once", u, v).isTrue();
                if (k > graph.rowStart()[u]) {
                    assertThat(v).isGreaterThan(graph.target()[k - 1]);
                }
            }
        }
    }

    @Test
    void randomWeightsLieInTheDocumentedRange() {
        CsrGraph graph = CsrGraph.random(9L, 1000, 5000);

        for (float w : graph.weight()) {
            assertThat(w).isBetween(CsrGraph.MIN_RANDOM_WEIGHT, CsrGraph.MAX_RANDOM_WEIGHT);
        }
    }

    @Test
    void sameSeedGivesSameGraphAndDifferentSeedsDiffer() {
        CsrGraph a = CsrGraph.random(1L, 100, 400);
        CsrGraph b = CsrGraph.random(1L, 100, 400);
        CsrGraph c = CsrGraph.random(2L, 100, 400);

        assertThat(b.rowStart()).containsExactly(a.rowStart());
        assertThat(b.target()).containsExactly(a.target());
        assertThat(b.weight()).containsExactly(a.weight());
        assertThat(c.target()).isNotEqualTo(a.target());
    }

    @Test
    void completeGraphCanBeGenerated() {
        CsrGraph graph = CsrGraph.random(3L, 5, 20);

        for (int u = 0; u < 5; u++) {
            assertThat(graph.outDegree(u)).isEqualTo(4);
        }
    }

    @Test
    void randomRejectsMoreEdgesThanDistinctPairs() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CsrGraph.random(1L, 5, 21))
                .withMessage("edgeCount must be in [0, nodeCount * (nodeCount - 1) = 20], was: 21");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CsrGraph.random(1L, 0, 0))
                .withMessage("nodeCount must be >= 1, was: 0");
    }

    @Test
    void rejectsRowStartThatDoesNotStartAtZero() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsrGraph(new int[] {1, 1}, new int[] {0}, new float[] {1f}))
                .withMessage("rowStart[0] must be 0, was: 1");
    }

    @Test
    void rejectsDecreasingRowStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsrGraph(new int[] {0, 2, 1, 2}, new int[] {1, 2}, new float[] {1f, 1f}))
                .withMessage("rowStart must not decrease, but rowStart[2] = 1 < rowStart[1] = 2");
    }

    @Test
    void rejectsRowStartNotEndingAtEdgeCount() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsrGraph(new int[] {0, 1, 1}, new int[] {1, 0}, new float[] {1f, 1f}))
                .withMessage("rowStart[nodeCount] must equal the edge count 2, was: 1");
    }

    @Test
    void rejectsTargetOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsrGraph(new int[] {0, 1, 1}, new int[] {2}, new float[] {1f}))
                .withMessage("target[0] must be in [0, 2), was: 2");
    }

    @Test
    void rejectsWeightsThatAreNotFiniteAndPositive() {
        for (float bad : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CsrGraph(new int[] {0, 1, 1}, new int[] {1}, new float[] {bad}))
                    .withMessage("weight[0] must be finite and > 0, was: " + bad);
        }
    }

    @Test
    void rejectsMismatchedWeightLengthAndEmptyRowStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsrGraph(new int[] {0, 1, 1}, new int[] {1}, new float[0]))
                .withMessage("weight length must equal target length 1, was: 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsrGraph(new int[] {0}, new int[0], new float[0]))
                .withMessage("rowStart length must be >= 2 (at least one node), was: 1");
    }
}
