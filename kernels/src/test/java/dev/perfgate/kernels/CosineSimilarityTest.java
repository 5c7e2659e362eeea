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

class CosineSimilarityTest {

    /** Float accumulation over 768 components; observed error is about 1e-7. */
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 42L})
    void matchesDoublePrecisionReferenceAtDefaultSizes(long seed) {
        CosineSimilarityInput in = CosineSimilarityInput.random(
                seed, CosineSimilarity.DEFAULT_DIMENSION, CosineSimilarity.DEFAULT_CANDIDATES);

        assertMatchesReference(in);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 9, 15, 771})
    void matchesReferenceWhenDimensionIsNotAMultipleOfEight(int dimension) {
        assertMatchesReference(CosineSimilarityInput.random(7L, dimension, 50));
    }

    @Test
    void identicalVectorsHaveSimilarityOne() {
        CosineSimilarityInput in = CosineSimilarityInput.random(3L, 768, 1);
        float[] out = new float[1];

        new CosineSimilarity(768).similarities(in.query(), in.query().clone(), 1, out);

        assertThat(out[0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void positivelyScaledCopyHasSimilarityOne() {
        float[] query = {1f, -2f, 3f, 0.5f, 4f};
        float[] scaled = {10f, -20f, 30f, 5f, 40f};
        float[] out = new float[1];

        new CosineSimilarity(5).similarities(query, scaled, 1, out);

        assertThat(out[0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void oppositeVectorsHaveSimilarityMinusOne() {
        float[] query = {1f, -2f, 3f, 0.5f, 4f};
        float[] opposite = {-1f, 2f, -3f, -0.5f, -4f};
        float[] out = new float[1];

        new CosineSimilarity(5).similarities(query, opposite, 1, out);

        assertThat(out[0]).isCloseTo(-1f, within(1e-6f));
    }

    @Test
    void orthogonalVectorsHaveSimilarityZero() {
        float[] out = new float[1];

        new CosineSimilarity(3).similarities(new float[] {1f, 0f, 0f}, new float[] {0f, 2f, 0f}, 1, out);

        assertThat(out[0]).isZero();
    }

    @Test
    void zeroCandidateHasSimilarityZero() {
        float[] query = {1f, 2f, 3f};
        float[] candidates = {0f, 0f, 0f, 1f, 2f, 3f};
        float[] out = new float[2];

        new CosineSimilarity(3).similarities(query, candidates, 2, out);

        assertThat(out[0]).isZero();
        assertThat(out[1]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void zeroQueryGivesZeroForEveryCandidate() {
        CosineSimilarityInput in = CosineSimilarityInput.random(5L, 16, 10);
        float[] out = new float[10];
        Arrays.fill(out, Float.NaN);

        new CosineSimilarity(16).similarities(new float[16], in.candidates(), 10, out);

        assertThat(out).containsOnly(0f);
    }

    @Test
    void resultsStayWithinMinusOneAndOneForNearlyParallelVectors() {
        float[] query = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f};
        float[] candidates = new float[9 * 3];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 9; i++) {
                candidates[c * 9 + i] = (c == 1 ? -1f : 1f) * query[i] * (c + 1) * 1.1f;
            }
        }
        float[] out = new float[3];

        new CosineSimilarity(9).similarities(query, candidates, 3, out);

        for (float similarity : out) {
            assertThat(similarity).isBetween(-1f, 1f);
        }
    }

    @Test
    void writesOnlyTheFirstCountEntriesOfOut() {
        CosineSimilarityInput in = CosineSimilarityInput.random(9L, 8, 4);
        float[] out = {-7f, -7f, -7f, -7f, -7f};

        new CosineSimilarity(8).similarities(in.query(), in.candidates(), 2, out);

        assertThat(out[0]).isNotEqualTo(-7f);
        assertThat(out[1]).isNotEqualTo(-7f);
        assertThat(Arrays.copyOfRange(out, 2, 5)).containsOnly(-7f);
    }

    @Test
    void rejectsDimensionBelowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CosineSimilarity(0))
                .withMessage("dimension must be >= 1, was: 0");
    }

    @Test
    void rejectsQueryOfWrongLength() {
        CosineSimilarity kernel = new CosineSimilarity(4);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.similarities(new float[3], new float[8], 2, new float[2]))
                .withMessage("query length must equal dimension 4, was: 3");
    }

    @Test
    void rejectsNegativeCount() {
        CosineSimilarity kernel = new CosineSimilarity(4);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.similarities(new float[4], new float[8], -1, new float[2]))
                .withMessage("count must be >= 0, was: -1");
    }

    @Test
    void rejectsCandidatesShorterThanCountTimesDimension() {
        CosineSimilarity kernel = new CosineSimilarity(4);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.similarities(new float[4], new float[7], 2, new float[2]))
                .withMessage("candidates length must be >= count * dimension = 8, was: 7");
    }

    @Test
    void rejectsCountWhoseProductWithDimensionOverflowsInt() {
        CosineSimilarity kernel = new CosineSimilarity(1 << 16);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.similarities(
                        new float[1 << 16], new float[8], 1 << 16, new float[1]))
                .withMessageStartingWith("candidates length must be >= count * dimension = 4294967296");
    }

    @Test
    void rejectsOutShorterThanCount() {
        CosineSimilarity kernel = new CosineSimilarity(4);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.similarities(new float[4], new float[8], 2, new float[1]))
                .withMessage("out length must be >= count 2, was: 1");
    }

    @Test
    void rejectsNullArraysNamingTheParameter() {
        CosineSimilarity kernel = new CosineSimilarity(4);

        assertThatNullPointerException()
                .isThrownBy(() -> kernel.similarities(null, new float[8], 2, new float[2]))
                .withMessage("query");
        assertThatNullPointerException()
                .isThrownBy(() -> kernel.similarities(new float[4], null, 2, new float[2]))
                .withMessage("candidates");
        assertThatNullPointerException()
                .isThrownBy(() -> kernel.similarities(new float[4], new float[8], 2, null))
                .withMessage("out");
    }

    @Test
    void sameSeedGivesSameInputAndDifferentSeedsDiffer() {
        CosineSimilarityInput a = CosineSimilarityInput.random(11L, 32, 20);
        CosineSimilarityInput b = CosineSimilarityInput.random(11L, 32, 20);
        CosineSimilarityInput c = CosineSimilarityInput.random(12L, 32, 20);

        assertThat(b.query()).containsExactly(a.query());
        assertThat(b.candidates()).containsExactly(a.candidates());
        assertThat(c.candidates()).isNotEqualTo(a.candidates());
        for (float x : a.candidates()) {
            assertThat(x).isGreaterThanOrEqualTo(-1f).isLessThan(1f);
        }
    }

    @Test
    void inputRejectsCandidatesOfWrongLength() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CosineSimilarityInput(4, 2, new float[4], new float[9]))
                .withMessage("candidates length must equal count * dimension = 8, was: 9");
    }

    @Test
    void allocatesNothingPerCall() {
        AllocationProbe probe = new AllocationProbe();
        assumeTrue(probe.isSupported(), "per-thread allocation counter unavailable");
        CosineSimilarityInput in = CosineSimilarityInput.random(1L, 768, 100);
        CosineSimilarity kernel = new CosineSimilarity(768);
        float[] out = new float[100];
        Runnable call = () -> kernel.similarities(in.query(), in.candidates(), 100, out);

        // Many rounds: Vector API code allocates until C2 has compiled it, which takes a while on a busy machine.
        assertThat(probe.fewestBytesPerRound(call, 10, 500)).isZero();
    }

    private static void assertMatchesReference(CosineSimilarityInput in) {
        float[] out = new float[in.count()];
        new CosineSimilarity(in.dimension()).similarities(in.query(), in.candidates(), in.count(), out);
        double[] expected = CosineSimilarityExact.similarities(
                in.query(), in.candidates(), in.dimension(), in.count());

        for (int c = 0; c < in.count(); c++) {
            assertThat((double) out[c]).as("candidate %d", c).isCloseTo(expected[c], within(TOLERANCE));
        }
    }
}
