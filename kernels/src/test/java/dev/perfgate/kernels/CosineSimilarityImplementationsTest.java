package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfgate.kernels.reference.CosineSimilarityReference;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both loops behind {@link CosineSimilarity}, the Vector API one and the scalar fallback, tested
 * directly (whichever the JVM would choose), in both forms: unprepared (dot product and norm in
 * one pass) and prepared (norms from {@link CosineSimilarityImpl#normSquared}). Also the plain
 * {@link CosineSimilarityReference}, against the same double-precision oracle.
 */
class CosineSimilarityImplementationsTest {

    /** The stated accuracy for components in [-1, 1); the error observed is below 1e-6. */
    private static final double TOLERANCE = 1e-5;

    /** Dimensions around the vector width (8 or 16 lanes), the scalar unroll (4) and the default (768). */
    private static final int[] DIMENSIONS = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 767, 768, 769};

    /** Counts around the four-candidate blocks, including none. */
    private static final int[] COUNTS = {0, 1, 3, 4, 5, 7, 8, 9, 50};

    static Stream<Arguments> implementations() {
        return Stream.of(
                Arguments.of("vector", new CosineSimilarityVector()),
                Arguments.of("scalar", new CosineSimilarityScalar()));
    }

    static Stream<Arguments> implementationsAndDimensions() {
        return implementations().flatMap(impl -> Arrays.stream(DIMENSIONS)
                .mapToObj(d -> Arguments.of(impl.get()[0], impl.get()[1], d)));
    }

    @ParameterizedTest(name = "{0}, dimension {2}")
    @MethodSource("implementationsAndDimensions")
    void bothFormsMatchTheDoublePrecisionOracleForEveryCount(String name, CosineSimilarityImpl impl, int dimension) {
        for (int count : COUNTS) {
            CosineSimilarityInput in = CosineSimilarityInput.random(31L * dimension + count, dimension, count);
            double[] expected = exact(in);

            float[] unprepared = unprepared(impl, in);
            float[] prepared = prepared(impl, in);

            for (int c = 0; c < count; c++) {
                assertThat((double) unprepared[c]).as("unprepared, count %d, candidate %d", count, c)
                        .isCloseTo(expected[c], within(TOLERANCE));
                assertThat((double) prepared[c]).as("prepared, count %d, candidate %d", count, c)
                        .isCloseTo(expected[c], within(TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void preparedAndUnpreparedFormsAgreeBitForBit(String name, CosineSimilarityImpl impl) {
        for (int dimension : DIMENSIONS) {
            CosineSimilarityInput in = CosineSimilarityInput.random(dimension, dimension, 13);

            assertThat(prepared(impl, in)).as("dimension %d", dimension).containsExactly(unprepared(impl, in));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void matchesTheOracleAtDefaultSizesWithErrorFarBelowTheTolerance(String name, CosineSimilarityImpl impl) {
        CosineSimilarityInput in = CosineSimilarityInput.random(
                42L, CosineSimilarity.DEFAULT_DIMENSION, CosineSimilarity.DEFAULT_CANDIDATES);
        double[] expected = exact(in);

        assertThat(maxError(prepared(impl, in), expected)).isLessThan(1e-6);
        assertThat(maxError(unprepared(impl, in), expected)).isLessThan(1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void matchesThePlainReferenceAtDefaultSizes(String name, CosineSimilarityImpl impl) {
        CosineSimilarityInput in = CosineSimilarityInput.random(
                7L, CosineSimilarity.DEFAULT_DIMENSION, CosineSimilarity.DEFAULT_CANDIDATES);
        float[] plain = new float[in.count()];
        new CosineSimilarityReference(in.dimension()).similarities(in.query(), in.candidates(), in.count(), plain);

        float[] optimized = prepared(impl, in);

        for (int c = 0; c < in.count(); c++) {
            assertThat(optimized[c]).as("candidate %d", c).isCloseTo(plain[c], within((float) TOLERANCE));
        }
    }

    @ParameterizedTest(name = "{0}, dimension {2}")
    @MethodSource("implementationsAndDimensions")
    void candidateIdenticalToTheQueryGivesExactlyOne(String name, CosineSimilarityImpl impl, int dimension) {
        float[] query = CosineSimilarityInput.random(dimension, dimension, 0).query();
        CosineSimilarityInput in = new CosineSimilarityInput(dimension, 6, query, repeat(query, 6));

        assertThat(unprepared(impl, in)).containsOnly(1f);
        assertThat(prepared(impl, in)).containsOnly(1f);
    }

    @ParameterizedTest(name = "{0}, dimension {2}")
    @MethodSource("implementationsAndDimensions")
    void zeroQueryAndZeroCandidatesGiveZero(String name, CosineSimilarityImpl impl, int dimension) {
        CosineSimilarityInput random = CosineSimilarityInput.random(5L, dimension, 6);
        float[] candidates = random.candidates().clone();
        Arrays.fill(candidates, 2 * dimension, 3 * dimension, 0f);
        Arrays.fill(candidates, 5 * dimension, 6 * dimension, 0f);
        CosineSimilarityInput zeroCandidates = new CosineSimilarityInput(dimension, 6, random.query(), candidates);
        CosineSimilarityInput zeroQuery = new CosineSimilarityInput(dimension, 6, new float[dimension], candidates);

        for (float[] out : new float[][] {unprepared(impl, zeroCandidates), prepared(impl, zeroCandidates)}) {
            assertThat(out[2]).isZero();
            assertThat(out[5]).isZero();
            assertThat(out[0]).isNotZero();
        }
        assertThat(unprepared(impl, zeroQuery)).containsOnly(0f);
        assertThat(prepared(impl, zeroQuery)).containsOnly(0f);
    }

    @ParameterizedTest(name = "{0}, dimension {2}")
    @MethodSource("implementationsAndDimensions")
    void scaledCopiesStayWithinMinusOneAndOne(String name, CosineSimilarityImpl impl, int dimension) {
        float[] query = CosineSimilarityInput.random(11L, dimension, 0).query();
        float[] candidates = new float[8 * dimension];
        for (int c = 0; c < 8; c++) {
            float scale = (c % 2 == 0 ? 1f : -1f) * (0.1f + 1.37f * c);
            for (int i = 0; i < dimension; i++) {
                candidates[c * dimension + i] = scale * query[i];
            }
        }
        CosineSimilarityInput in = new CosineSimilarityInput(dimension, 8, query, candidates);

        for (float[] out : new float[][] {unprepared(impl, in), prepared(impl, in)}) {
            for (int c = 0; c < 8; c++) {
                assertThat(out[c]).as("candidate %d", c).isBetween(-1f, 1f)
                        .isCloseTo(c % 2 == 0 ? 1f : -1f, within(1e-6f));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void writesOnlyTheFirstCountEntries(String name, CosineSimilarityImpl impl) {
        CosineSimilarityInput in = CosineSimilarityInput.random(9L, 9, 5);
        float[] out = new float[8];
        Arrays.fill(out, -7f);

        impl.similarities(in.query(), in.candidates(), 9, 5, out);

        assertThat(Arrays.copyOfRange(out, 5, 8)).containsOnly(-7f);
        assertThat(Arrays.copyOf(out, 5)).doesNotContain(-7f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 9, 767, 768, 769})
    void plainReferenceMatchesTheOracle(int dimension) {
        CosineSimilarityInput in = CosineSimilarityInput.random(dimension, dimension, 20);
        float[] out = new float[in.count()];

        new CosineSimilarityReference(dimension).similarities(in.query(), in.candidates(), in.count(), out);

        assertThat(maxError(out, exact(in))).isLessThan(TOLERANCE);
    }

    private static float[] unprepared(CosineSimilarityImpl impl, CosineSimilarityInput in) {
        float[] out = new float[in.count()];
        impl.similarities(in.query(), in.candidates(), in.dimension(), in.count(), out);
        return out;
    }

    private static float[] prepared(CosineSimilarityImpl impl, CosineSimilarityInput in) {
        float[] normsSquared = new float[in.count()];
        for (int c = 0; c < in.count(); c++) {
            normsSquared[c] = impl.normSquared(in.candidates(), c * in.dimension(), in.dimension());
        }
        float[] out = new float[in.count()];
        float[] laidOut = impl.layout(in.candidates(), in.dimension(), in.count());
        impl.similarities(in.query(), laidOut, normsSquared, in.dimension(), in.count(), out);
        return out;
    }

    private static double[] exact(CosineSimilarityInput in) {
        return CosineSimilarityExact.similarities(in.query(), in.candidates(), in.dimension(), in.count());
    }

    private static double maxError(float[] actual, double[] expected) {
        double max = 0;
        for (int c = 0; c < expected.length; c++) {
            max = Math.max(max, Math.abs(actual[c] - expected[c]));
        }
        return max;
    }

    private static float[] repeat(float[] vector, int times) {
        float[] repeated = new float[vector.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(vector, 0, repeated, t * vector.length, vector.length);
        }
        return repeated;
    }
}
