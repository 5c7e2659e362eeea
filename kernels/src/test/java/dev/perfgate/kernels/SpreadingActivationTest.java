package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadingActivationTest {

    /**
     * Float versus double over 100 iterations: observed relative error is below 6e-7, so 1e-5
     * leaves room; the absolute part only matters for activations near 0.
     */
    private static final double RELATIVE_TOLERANCE = 1e-5;
    private static final double ABSOLUTE_TOLERANCE = 1e-12;

    private static final int NODES = SpreadingActivation.DEFAULT_NODES;
    private static final int EDGES = SpreadingActivation.DEFAULT_EDGES;
    private static final int ITERATIONS = SpreadingActivation.DEFAULT_ITERATIONS;

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 42L})
    void matchesEdgeListReferenceWithDefaultRule(long seed) {
        assertMatchesReference(CsrGraph.random(seed, NODES, EDGES), ActivationRule.DEFAULT);
    }

    @Test
    void matchesReferenceWhenEveryNodeFires() {
        assertMatchesReference(CsrGraph.random(3L, NODES, EDGES), new ActivationRule(0.5f, 0.5f, 0f));
    }

    @Test
    void matchesReferenceWhenClampToOneBinds() {
        // r + s > 1 makes total activation grow until most nodes saturate at 1.
        assertMatchesReference(CsrGraph.random(4L, NODES, EDGES), new ActivationRule(0.5f, 0.8f, 1e-3f));
    }

    @Test
    void defaultRuleReachesMostNodesAndKeepsActivationsInZeroToOne() {
        CsrGraph graph = CsrGraph.random(42L, NODES, EDGES);
        float[] out = run(graph, ActivationRule.DEFAULT, 0, ITERATIONS);

        double total = 0;
        int reached = 0;
        for (float a : out) {
            assertThat(a).isBetween(0f, 1f);
            total += a;
            reached += a > 0f ? 1 : 0;
        }
        assertThat(total).as("total activation never grows from 1 when r + s <= 1").isLessThanOrEqualTo(1.0);
        assertThat(reached).isGreaterThan(NODES / 2);
    }

    @Test
    void nodeWithoutInEdgesStaysZero() {
        CsrGraph graph = CsrGraph.random(42L, NODES, EDGES);
        boolean[] hasInEdge = new boolean[NODES];
        for (int v : graph.target()) {
            hasInEdge[v] = true;
        }
        float[] out = run(graph, ActivationRule.DEFAULT, 0, ITERATIONS);

        int checked = 0;
        for (int v = 1; v < NODES; v++) {
            if (!hasInEdge[v]) {
                assertThat(out[v]).as("node %d", v).isZero();
                checked++;
            }
        }
        assertThat(checked).as("the seeded graph has nodes without in-edges").isPositive();
    }

    @Test
    void disconnectedNodeStaysZero() {
        // 0 -> 1 -> 0 is a cycle; node 2 has no edges at all.
        CsrGraph graph = new CsrGraph(new int[] {0, 1, 2, 2}, new int[] {1, 0}, new float[] {1f, 1f});

        float[] out = run(graph, new ActivationRule(0.5f, 0.5f, 0f), 0, ITERATIONS);

        assertThat(out[2]).isZero();
        assertThat(out[0] + out[1]).isCloseTo(1f, within(1e-5f));
    }

    @Test
    void sourceWithoutEdgesDecaysByRetentionToThePowerOfIterations() {
        CsrGraph graph = new CsrGraph(new int[] {0, 0, 1}, new int[] {0}, new float[] {1f});

        float[] out = run(graph, ActivationRule.DEFAULT, 0, ITERATIONS);

        assertThat((double) out[0]).isCloseTo(Math.pow(0.5, ITERATIONS), within(1e-6 * Math.pow(0.5, ITERATIONS)));
        assertThat(out[1]).isZero();
    }

    @Test
    void singleIterationSplitsSpreadInProportionToEdgeWeight() {
        CsrGraph graph = new CsrGraph(new int[] {0, 2, 2, 2}, new int[] {1, 2}, new float[] {0.3f, 0.1f});

        float[] out = run(graph, ActivationRule.DEFAULT, 0, 1);

        assertThat(out[0]).isCloseTo(0.5f, within(1e-7f));
        assertThat(out[1]).isCloseTo(0.375f, within(1e-7f));
        assertThat(out[2]).isCloseTo(0.125f, within(1e-7f));
    }

    @Test
    void activationBelowFiringThresholdDoesNotSpread() {
        // Chain 0 -> 1 -> 2. After one step nodes 0 and 1 hold 0.5 each, below the threshold 0.6.
        CsrGraph graph = new CsrGraph(new int[] {0, 1, 2, 2}, new int[] {1, 2}, new float[] {1f, 1f});

        float[] out = run(graph, new ActivationRule(0.5f, 0.5f, 0.6f), 0, 5);

        assertThat(out[2]).isZero();
        assertThat(out[1]).isCloseTo(0.5f / 16, within(1e-9f));
    }

    @Test
    void clampKeepsActivationAtMostOne() {
        CsrGraph graph = new CsrGraph(new int[] {0, 1, 2}, new int[] {1, 0}, new float[] {1f, 1f});

        float[] out = run(graph, new ActivationRule(1f, 1f, 0f), 0, 10);

        assertThat(out).containsExactly(1f, 1f);
    }

    @Test
    void zeroIterationsWritesTheInitialState() {
        CsrGraph graph = CsrGraph.random(5L, 10, 20);

        float[] out = run(graph, ActivationRule.DEFAULT, 3, 0);

        assertThat(out).containsExactly(0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f, 0f, 0f);
    }

    @Test
    void resultIsDeterministicForASeedAndAcrossRepeatedCalls() {
        SpreadingActivation kernel = new SpreadingActivation(NODES);
        float[] first = new float[NODES];
        float[] second = new float[NODES];
        float[] fromFreshGraph = new float[NODES];

        kernel.spread(CsrGraph.random(8L, NODES, EDGES), 0, ITERATIONS, first);
        kernel.spread(CsrGraph.random(8L, NODES, EDGES), 0, ITERATIONS, second);
        new SpreadingActivation(NODES).spread(CsrGraph.random(8L, NODES, EDGES), 0, ITERATIONS, fromFreshGraph);

        assertThat(second).containsExactly(first);
        assertThat(fromFreshGraph).containsExactly(first);
    }

    @Test
    void preparedGraphGivesTheSameResultAndIsSharedBetweenKernels() {
        CsrGraph graph = CsrGraph.random(9L, NODES, EDGES);
        PreparedGraph prepared = SpreadingActivation.prepare(graph);
        float[] fromGraph = new float[NODES];
        float[] fromPrepared = new float[NODES];
        float[] fromOtherKernel = new float[NODES];

        new SpreadingActivation(NODES).spread(graph, 3, ITERATIONS, fromGraph);
        new SpreadingActivation(NODES).spread(prepared, 3, ITERATIONS, fromPrepared);
        new SpreadingActivation(NODES).spread(prepared, 3, ITERATIONS, fromOtherKernel);

        assertThat(fromPrepared).containsExactly(fromGraph);
        assertThat(fromOtherKernel).containsExactly(fromGraph);
        assertThat(prepared.graph()).isSameAs(graph);
    }

    @Test
    void kernelCalledWithAnotherGraphPreparesThatGraph() {
        CsrGraph first = CsrGraph.random(10L, NODES, EDGES);
        CsrGraph second = CsrGraph.random(11L, NODES, EDGES);
        SpreadingActivation kernel = new SpreadingActivation(NODES);
        float[] out = new float[NODES];
        float[] expected = new float[NODES];

        kernel.spread(first, 0, ITERATIONS, out);
        kernel.spread(second, 0, ITERATIONS, out);
        new SpreadingActivation(NODES).spread(second, 0, ITERATIONS, expected);

        assertThat(out).containsExactly(expected);
    }

    @Test
    void rejectsPreparedGraphOfAnotherSizeAndNull() {
        SpreadingActivation kernel = new SpreadingActivation(4);
        PreparedGraph prepared = SpreadingActivation.prepare(CsrGraph.random(1L, 5, 5));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.spread(prepared, 0, 1, new float[5]))
                .withMessage("graph node count must equal the kernel's nodeCount 4, was: 5");
        assertThatNullPointerException()
                .isThrownBy(() -> kernel.spread((PreparedGraph) null, 0, 1, new float[4]))
                .withMessage("graph");
        assertThatNullPointerException()
                .isThrownBy(() -> SpreadingActivation.prepare(null))
                .withMessage("graph");
    }

    @Test
    void defaultRuleHasTheDocumentedConstants() {
        assertThat(ActivationRule.DEFAULT).isEqualTo(new ActivationRule(0.5f, 0.5f, 1e-4f));
        assertThat(new SpreadingActivation(4).rule()).isEqualTo(ActivationRule.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(floats = {-0.1f, 1.5f, Float.NaN})
    void ruleRejectsConstantsOutsideZeroToOne(float bad) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ActivationRule(bad, 0.5f, 0f))
                .withMessage("retention must be between 0 and 1, was: " + bad);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ActivationRule(0.5f, bad, 0f))
                .withMessage("spread must be between 0 and 1, was: " + bad);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ActivationRule(0.5f, 0.5f, bad))
                .withMessage("firingThreshold must be between 0 and 1, was: " + bad);
    }

    @Test
    void rejectsNodeCountBelowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SpreadingActivation(0))
                .withMessage("nodeCount must be >= 1, was: 0");
    }

    @Test
    void rejectsGraphOfAnotherSize() {
        SpreadingActivation kernel = new SpreadingActivation(4);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.spread(CsrGraph.random(1L, 5, 5), 0, 1, new float[5]))
                .withMessage("graph node count must equal the kernel's nodeCount 4, was: 5");
    }

    @Test
    void rejectsSourceOutOfRange() {
        SpreadingActivation kernel = new SpreadingActivation(4);
        CsrGraph graph = CsrGraph.random(1L, 4, 4);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.spread(graph, 4, 1, new float[4]))
                .withMessage("source must be in [0, 4), was: 4");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.spread(graph, -1, 1, new float[4]))
                .withMessage("source must be in [0, 4), was: -1");
    }

    @Test
    void rejectsNegativeIterationsAndShortOutput() {
        SpreadingActivation kernel = new SpreadingActivation(4);
        CsrGraph graph = CsrGraph.random(1L, 4, 4);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.spread(graph, 0, -1, new float[4]))
                .withMessage("iterations must be >= 0, was: -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.spread(graph, 0, 1, new float[3]))
                .withMessage("out length must be >= nodeCount 4, was: 3");
        assertThatNullPointerException()
                .isThrownBy(() -> kernel.spread((CsrGraph) null, 0, 1, new float[4]))
                .withMessage("graph");
    }

    @Test
    void allocatesNothingPerCall() {
        AllocationProbe probe = new AllocationProbe();
        assumeTrue(probe.isSupported(), "per-thread allocation counter unavailable");
        CsrGraph graph = CsrGraph.random(42L, NODES, EDGES);
        SpreadingActivation kernel = new SpreadingActivation(NODES);
        float[] out = new float[NODES];
        Runnable call = () -> kernel.spread(graph, 0, 10, out);

        // Many rounds: the Vector API allocates until the JIT has compiled the kernel.
        assertThat(probe.fewestBytesPerRound(call, 10, 200)).isZero();
    }

    private static float[] run(CsrGraph graph, ActivationRule rule, int source, int iterations) {
        float[] out = new float[graph.nodeCount()];
        new SpreadingActivation(graph.nodeCount(), rule).spread(graph, source, iterations, out);
        return out;
    }

    private static void assertMatchesReference(CsrGraph graph, ActivationRule rule) {
        float[] actual = run(graph, rule, 0, ITERATIONS);
        double[] expected = SpreadingActivationExact.spread(graph, 0, ITERATIONS, rule);

        assertThat(Arrays.stream(expected).filter(a -> a > 0).count())
                .as("activation must reach beyond the source for the comparison to mean anything")
                .isGreaterThan(NODES / 2);
        for (int v = 0; v < actual.length; v++) {
            double tolerance = RELATIVE_TOLERANCE * expected[v] + ABSOLUTE_TOLERANCE;
            assertThat((double) actual[v]).as("node %d", v).isCloseTo(expected[v], within(tolerance));
        }
    }
}
