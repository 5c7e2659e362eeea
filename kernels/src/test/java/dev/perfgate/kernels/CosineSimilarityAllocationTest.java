package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A similarity call allocates nothing, in either form and on either path. */
class CosineSimilarityAllocationTest {

    private static final int DIMENSION = 771;
    private static final int COUNT = 101;

    private final CosineSimilarityInput in = CosineSimilarityInput.random(1L, DIMENSION, COUNT);
    private final float[] out = new float[COUNT];

    static Stream<Arguments> implementations() {
        return Stream.of(
                Arguments.of("vector", new CosineSimilarityVector()),
                Arguments.of("scalar", new CosineSimilarityScalar()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void unpreparedFormAllocatesNothing(String name, CosineSimilarityImpl impl) {
        assertAllocatesNothing(() -> impl.similarities(in.query(), in.candidates(), DIMENSION, COUNT, out));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void preparedFormAllocatesNothing(String name, CosineSimilarityImpl impl) {
        float[] normsSquared = new float[COUNT];
        for (int c = 0; c < COUNT; c++) {
            normsSquared[c] = impl.normSquared(in.candidates(), c * DIMENSION, DIMENSION);
        }

        float[] laidOut = impl.layout(in.candidates(), DIMENSION, COUNT);

        assertAllocatesNothing(() -> impl.similarities(in.query(), laidOut, normsSquared, DIMENSION, COUNT, out));
    }

    @Test
    void publicPreparedCallAllocatesNothing() {
        CosineSimilarity kernel = new CosineSimilarity(DIMENSION);
        CosineSimilarity.Candidates prepared = kernel.prepare(in.candidates(), COUNT);

        assertAllocatesNothing(() -> kernel.similarities(in.query(), prepared, out));
    }

    private static void assertAllocatesNothing(Runnable call) {
        AllocationProbe probe = new AllocationProbe();
        assumeTrue(probe.isSupported(), "per-thread allocation counter unavailable");

        // Many rounds: Vector API code allocates until C2 has compiled it, which takes a while on a busy machine.
        assertThat(probe.fewestBytesPerRound(call, 10, 500)).isZero();
    }
}
