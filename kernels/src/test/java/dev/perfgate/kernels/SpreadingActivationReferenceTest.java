package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfgate.kernels.reference.SpreadingActivationReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain scalar reference keeps its contract: the yardstick must itself be right. */
class SpreadingActivationReferenceTest {

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 42L})
    void matchesTheDoublePrecisionOracle(long seed) {
        CsrGraph graph = CsrGraph.random(seed, 1000, 5000);
        for (ActivationRule rule : new ActivationRule[] {ActivationRule.DEFAULT, new ActivationRule(0.5f, 0.8f, 1e-3f)}) {
            float[] out = new float[1000];
            new SpreadingActivationReference(1000, rule).spread(graph, 0, 100, out);
            double[] exact = SpreadingActivationExact.spread(graph, 0, 100, rule);

            for (int v = 0; v < out.length; v++) {
                assertThat((double) out[v]).as("node %d", v).isCloseTo(exact[v], within(1e-5 * exact[v] + 1e-12));
            }
        }
    }

    @Test
    void keepsTheKernelsContract() {
        SpreadingActivationReference reference = new SpreadingActivationReference(4);
        CsrGraph graph = CsrGraph.random(1L, 4, 4);

        assertThat(reference.nodeCount()).isEqualTo(4);
        assertThat(reference.rule()).isEqualTo(ActivationRule.DEFAULT);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reference.spread(graph, 4, 1, new float[4]))
                .withMessage("source must be in [0, 4), was: 4");
        float[] out = new float[4];
        reference.spread(graph, 2, 0, out);
        assertThat(out).containsExactly(0f, 0f, 1f, 0f);
    }

    @Test
    void allocatesNothingPerCall() {
        AllocationProbe probe = new AllocationProbe();
        assumeTrue(probe.isSupported(), "per-thread allocation counter unavailable");
        CsrGraph graph = CsrGraph.random(42L, 1000, 5000);
        SpreadingActivationReference reference = new SpreadingActivationReference(1000);
        float[] out = new float[1000];

        assertThat(probe.fewestBytesPerRound(() -> reference.spread(graph, 0, 10, out), 10, 20)).isZero();
    }
}
