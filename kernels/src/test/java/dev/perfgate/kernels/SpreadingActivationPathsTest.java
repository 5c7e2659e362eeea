package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfgate.kernels.reference.SpreadingActivationReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both implementations of the optimized kernel, each run directly (whatever path this JVM
 * would choose), against the plain scalar reference and the double-precision oracle, on seeded
 * random graphs of awkward sizes and on the edge cases of the rule.
 *
 * <p>Tolerance, against both the oracle and the reference: {@code |a - e| <= 1e-5 * e + 1e-12}.
 * The optimized kernel adds a node's edge terms in another order than the reference (from 0
 * rather than from {@code r * a[v]}) and divides the weights by {@code W(u)} in advance, in
 * double; observed relative differences stay below 1e-6.
 */
class SpreadingActivationPathsTest {

    private static final double RELATIVE_TOLERANCE = 1e-5;
    private static final double ABSOLUTE_TOLERANCE = 1e-12;

    /** The two implementations; the vector one only where the module is present. */
    enum Path {
        VECTOR, SCALAR;

        SpreadingStep step() {
            if (this == SCALAR) {
                return new SpreadingActivationScalar();
            }
            assumeTrue(ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent(),
                    "the Vector API module is not enabled in this JVM");
            return new SpreadingActivationVector();
        }
    }

    static Stream<Arguments> sizesAndRules() {
        ActivationRule[] rules = {
            ActivationRule.DEFAULT,
            new ActivationRule(0.5f, 0.5f, 0f),       // every node fires
            new ActivationRule(0.5f, 0.8f, 1e-3f),    // r + s > 1: the clamp to 1 binds
            new ActivationRule(0.9f, 0.9f, 0.01f),    // saturates quickly
            new ActivationRule(0.2f, 0.3f, 1e-5f),    // decays quickly
        };
        int[] sizes = {1, 2, 7, 8, 9, 15, 16, 17, 767, 769, 1000};
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Path path : Path.values()) {
            for (int nodes : sizes) {
                for (ActivationRule rule : rules) {
                    cases.add(Arguments.of(path, nodes, rule));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}, {1} nodes, {2}")
    @MethodSource("sizesAndRules")
    void matchesReferenceAndOracleOnRandomGraphs(Path path, int nodes, ActivationRule rule) {
        long edges = Math.min(5L * nodes, (long) nodes * (nodes - 1));
        CsrGraph graph = CsrGraph.random(nodes + 31L, nodes, (int) edges);

        for (int iterations : new int[] {0, 1, 2, 100}) {
            assertMatches(path, graph, rule, nodes / 2, iterations);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void bothPathsGiveTheSameBits(Path path) {
        CsrGraph graph = CsrGraph.random(11L, 1000, 5000);
        float[] expected = new float[1000];
        new SpreadingActivation(1000, ActivationRule.DEFAULT, new SpreadingActivationScalar())
                .spread(graph, 0, 100, expected);

        float[] actual = run(path, graph, ActivationRule.DEFAULT, 0, 100);

        assertThat(actual).containsExactly(expected);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void disconnectedNodesStayZeroAndTheRestMatches(Path path) {
        // 0 -> 1 -> 2 -> 0 is a cycle; nodes 3 and 5 have no edges at all; 4 -> 0 only.
        CsrGraph graph = new CsrGraph(new int[] {0, 1, 2, 3, 3, 4, 4},
                new int[] {1, 2, 0, 0}, new float[] {1f, 2f, 3f, 0.5f});

        float[] out = run(path, graph, new ActivationRule(0.5f, 0.5f, 0f), 0, 50);

        assertThat(out[3]).isZero();
        assertThat(out[4]).isZero();
        assertThat(out[5]).isZero();
        assertMatches(path, graph, new ActivationRule(0.5f, 0.5f, 0f), 0, 50);
        assertMatches(path, graph, ActivationRule.DEFAULT, 4, 50);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void sourceWithoutOutEdgesOnlyDecays(Path path) {
        // Node 2 has in-edges but no out-edges.
        CsrGraph graph = new CsrGraph(new int[] {0, 1, 2, 2}, new int[] {2, 2}, new float[] {1f, 1f});

        float[] out = run(path, graph, ActivationRule.DEFAULT, 2, 20);

        assertThat((double) out[2]).isCloseTo(Math.pow(0.5, 20), within(1e-6 * Math.pow(0.5, 20)));
        assertThat(out[0]).isZero();
        assertThat(out[1]).isZero();
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void zeroAndOneIterations(Path path) {
        CsrGraph graph = new CsrGraph(new int[] {0, 2, 2, 2}, new int[] {1, 2}, new float[] {0.3f, 0.1f});

        assertThat(run(path, graph, ActivationRule.DEFAULT, 0, 0)).containsExactly(1f, 0f, 0f);
        assertThat(run(path, graph, ActivationRule.DEFAULT, 1, 0)).containsExactly(0f, 1f, 0f);
        float[] once = run(path, graph, ActivationRule.DEFAULT, 0, 1);
        assertThat(once[0]).isEqualTo(0.5f);
        assertThat(once[1]).isCloseTo(0.375f, within(1e-7f));
        assertThat(once[2]).isCloseTo(0.125f, within(1e-7f));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void nodeWithManyMoreInEdgesThanLanes(Path path) {
        // Star: every other node points at node 0, which points back at node 1.
        int nodes = 41;
        int[] rowStart = new int[nodes + 1];
        int[] target = new int[nodes];
        float[] weight = new float[nodes];
        target[0] = 1;
        weight[0] = 1f;
        rowStart[1] = 1;
        for (int u = 1; u < nodes; u++) {
            target[u] = 0;
            weight[u] = 0.1f * u;
            rowStart[u + 1] = u + 1;
        }
        CsrGraph star = new CsrGraph(rowStart, target, weight);

        for (int source : new int[] {0, 1, 40}) {
            assertMatches(path, star, new ActivationRule(0.5f, 0.5f, 0f), source, 30);
            assertMatches(path, star, new ActivationRule(0.6f, 0.7f, 1e-3f), source, 30);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void weightsAtTheExtremesMatchTheOracle(Path path) {
        // Out-weights that overflow a float sum, and ones whose s / W(u) overflows a float: the
        // kernel divides in double, so it stays right where the float reference does not.
        CsrGraph graph = new CsrGraph(new int[] {0, 2, 4, 6, 6},
                new int[] {1, 2, 2, 3, 0, 3},
                new float[] {Float.MAX_VALUE, Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_VALUE,
                    Float.MIN_VALUE, Float.MAX_VALUE});
        ActivationRule rule = new ActivationRule(0.5f, 0.5f, 0f);

        float[] out = run(path, graph, rule, 0, 1);
        assertThat(out).containsExactly(0.5f, 0.25f, 0.25f, 0f);
        assertMatchesOracle(out, SpreadingActivationExact.spread(graph, 0, 1, rule));
        assertMatchesOracle(run(path, graph, rule, 0, 40), SpreadingActivationExact.spread(graph, 0, 40, rule));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void widelySpreadWeightsMatchReferenceAndOracle(Path path) {
        // Weights from 1e-30 to 1e30 on the benchmark-sized graph, within what a float sum holds.
        CsrGraph random = CsrGraph.random(12L, 1000, 5000);
        float[] weight = random.weight().clone();
        java.util.Random rnd = new java.util.Random(12L);
        for (int k = 0; k < weight.length; k++) {
            weight[k] = (float) Math.pow(10, -30 + 60 * rnd.nextDouble());
        }
        CsrGraph graph = new CsrGraph(random.rowStart(), random.target(), weight);

        assertMatches(path, graph, new ActivationRule(0.5f, 0.5f, 0f), 0, 100);
        assertMatches(path, graph, ActivationRule.DEFAULT, 0, 100);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void clampToOneBinds(Path path) {
        CsrGraph graph = CsrGraph.random(4L, 1000, 5000);
        ActivationRule rule = new ActivationRule(1f, 1f, 0f);

        float[] out = run(path, graph, rule, 0, 100);

        assertThat(out).contains(1f);
        assertMatches(path, graph, rule, 0, 100);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void thresholdSoHighThatNothingFiresAfterTheFirstStep(Path path) {
        // Only the source, at exactly 1, reaches theta = 1; after one step nothing fires.
        CsrGraph graph = CsrGraph.random(6L, 1000, 5000);
        ActivationRule rule = new ActivationRule(0.5f, 0.5f, 1f);

        float[] out = run(path, graph, rule, 0, 100);

        assertThat((double) out[0]).isCloseTo(Math.pow(0.5, 100), within(1e-6 * Math.pow(0.5, 100)));
        assertMatches(path, graph, rule, 0, 100);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void activationExactlyAtTheThresholdFires(Path path) {
        // Chain 0 -> 1 -> 2 with theta = 0.5: after one step nodes 0 and 1 hold exactly 0.5.
        CsrGraph chain = new CsrGraph(new int[] {0, 1, 2, 2}, new int[] {1, 2}, new float[] {1f, 1f});
        assertThat(run(path, chain, new ActivationRule(0.5f, 0.5f, 0.5f), 0, 2)).containsExactly(0.25f, 0.5f, 0.25f);

        // Cycle 0 -> 1 -> 0 with r + s > 1 and theta = 1: a node clamped to exactly 1 fires.
        CsrGraph cycle = new CsrGraph(new int[] {0, 1, 2}, new int[] {1, 0}, new float[] {1f, 1f});
        assertThat(run(path, cycle, new ActivationRule(0.5f, 1f, 1f), 0, 2)).containsExactly(1f, 0.5f);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void allocatesNothingPerCall(Path path) {
        AllocationProbe probe = new AllocationProbe();
        assumeTrue(probe.isSupported(), "per-thread allocation counter unavailable");
        CsrGraph graph = CsrGraph.random(42L, 1000, 5000);
        PreparedGraph prepared = PreparedGraph.of(graph);
        SpreadingActivation kernel = new SpreadingActivation(1000, ActivationRule.DEFAULT, path.step());
        float[] out = new float[1000];

        // Many rounds: the Vector API allocates until the JIT has compiled the kernel.
        assertThat(probe.fewestBytesPerRound(() -> kernel.spread(prepared, 0, 10, out), 10, 200)).isZero();
        assertThat(probe.fewestBytesPerRound(() -> kernel.spread(graph, 0, 10, out), 10, 200)).isZero();
    }

    private static float[] run(Path path, CsrGraph graph, ActivationRule rule, int source, int iterations) {
        float[] out = new float[graph.nodeCount()];
        new SpreadingActivation(graph.nodeCount(), rule, path.step()).spread(graph, source, iterations, out);
        return out;
    }

    private static void assertMatches(Path path, CsrGraph graph, ActivationRule rule, int source, int iterations) {
        float[] actual = run(path, graph, rule, source, iterations);
        float[] reference = new float[graph.nodeCount()];
        new SpreadingActivationReference(graph.nodeCount(), rule).spread(graph, source, iterations, reference);
        double[] exact = SpreadingActivationExact.spread(graph, source, iterations, rule);

        assertMatchesOracle(actual, exact);
        for (int v = 0; v < actual.length; v++) {
            double tolerance = RELATIVE_TOLERANCE * reference[v] + ABSOLUTE_TOLERANCE;
            assertThat((double) actual[v]).as("node %d against the reference", v)
                    .isCloseTo(reference[v], within(tolerance));
        }
    }

    private static void assertMatchesOracle(float[] actual, double[] exact) {
        for (int v = 0; v < actual.length; v++) {
            double tolerance = RELATIVE_TOLERANCE * exact[v] + ABSOLUTE_TOLERANCE;
            assertThat((double) actual[v]).as("node %d against the oracle", v)
                    .isCloseTo(exact[v], within(tolerance));
        }
    }
}
