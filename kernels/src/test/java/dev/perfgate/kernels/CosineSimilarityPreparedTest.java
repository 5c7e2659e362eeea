package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The prepared form of {@link CosineSimilarity}: {@code prepare} once, then score queries. */
class CosineSimilarityPreparedTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 9, 767, 768, 769})
    void givesTheSameResultsAsTheUnpreparedForm(int dimension) {
        CosineSimilarityInput in = CosineSimilarityInput.random(17L, dimension, 37);
        CosineSimilarity kernel = new CosineSimilarity(dimension);
        float[] unprepared = new float[37];
        float[] prepared = new float[37];

        kernel.similarities(in.query(), in.candidates(), 37, unprepared);
        kernel.similarities(in.query(), kernel.prepare(in.candidates(), 37), prepared);

        assertThat(prepared).containsExactly(unprepared);
    }

    @Test
    void preparesOnlyTheFirstCountCandidates() {
        CosineSimilarityInput in = CosineSimilarityInput.random(2L, 8, 10);
        CosineSimilarity kernel = new CosineSimilarity(8);
        float[] out = new float[10];
        Arrays.fill(out, -7f);

        CosineSimilarity.Candidates prepared = kernel.prepare(in.candidates(), 6);
        kernel.similarities(in.query(), prepared, out);

        assertThat(prepared.count()).isEqualTo(6);
        assertThat(prepared.dimension()).isEqualTo(8);
        assertThat(Arrays.copyOf(out, 6)).doesNotContain(-7f);
        assertThat(Arrays.copyOfRange(out, 6, 10)).containsOnly(-7f);
    }

    @Test
    void laterChangesToTheCandidateArrayDoNotAffectPreparedCandidates() {
        CosineSimilarityInput in = CosineSimilarityInput.random(3L, 16, 4);
        CosineSimilarity kernel = new CosineSimilarity(16);
        float[] candidates = in.candidates().clone();
        CosineSimilarity.Candidates prepared = kernel.prepare(candidates, 4);
        float[] before = new float[4];
        kernel.similarities(in.query(), prepared, before);

        Arrays.fill(candidates, 0f);
        float[] after = new float[4];
        kernel.similarities(in.query(), prepared, after);

        assertThat(after).containsExactly(before);
    }

    @Test
    void zeroCandidatesCanBePreparedAndScored() {
        CosineSimilarity kernel = new CosineSimilarity(5);
        float[] out = {-7f};

        kernel.similarities(new float[5], kernel.prepare(new float[0], 0), out);

        assertThat(out).containsExactly(-7f);
    }

    @Test
    void preparedCandidatesWorkWithAnotherKernelOfTheSameDimension() {
        CosineSimilarityInput in = CosineSimilarityInput.random(4L, 9, 3);
        float[] expected = new float[3];
        float[] actual = new float[3];
        new CosineSimilarity(9).similarities(in.query(), in.candidates(), 3, expected);

        new CosineSimilarity(9).similarities(in.query(), new CosineSimilarity(9).prepare(in.candidates(), 3), actual);

        assertThat(actual).containsExactly(expected);
    }

    @Test
    void toStringShowsTheSizesOnly() {
        assertThat(new CosineSimilarity(4).prepare(new float[8], 2))
                .hasToString("CosineSimilarity.Candidates[dimension=4, count=2]");
    }

    @Test
    void rejectsPreparedCandidatesOfAnotherDimension() {
        CosineSimilarity.Candidates prepared = new CosineSimilarity(3).prepare(new float[6], 2);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CosineSimilarity(4).similarities(new float[4], prepared, new float[2]))
                .withMessage("prepared candidates must have dimension 4, had: 3");
    }

    @Test
    void rejectsOutShorterThanThePreparedCount() {
        CosineSimilarity kernel = new CosineSimilarity(4);
        CosineSimilarity.Candidates prepared = kernel.prepare(new float[8], 2);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.similarities(new float[4], prepared, new float[1]))
                .withMessage("out length must be >= count 2, was: 1");
    }

    @Test
    void rejectsQueryOfWrongLength() {
        CosineSimilarity kernel = new CosineSimilarity(4);
        CosineSimilarity.Candidates prepared = kernel.prepare(new float[8], 2);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.similarities(new float[3], prepared, new float[2]))
                .withMessage("query length must equal dimension 4, was: 3");
    }

    @Test
    void prepareRejectsNegativeCountAndShortArrays() {
        CosineSimilarity kernel = new CosineSimilarity(4);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.prepare(new float[8], -1))
                .withMessage("count must be >= 0, was: -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.prepare(new float[7], 2))
                .withMessage("candidates length must be >= count * dimension = 8, was: 7");
    }

    @Test
    void rejectsNullArgumentsNamingTheParameter() {
        CosineSimilarity kernel = new CosineSimilarity(4);
        CosineSimilarity.Candidates prepared = kernel.prepare(new float[8], 2);

        assertThatNullPointerException().isThrownBy(() -> kernel.prepare(null, 2)).withMessage("candidates");
        assertThatNullPointerException()
                .isThrownBy(() -> kernel.similarities(null, prepared, new float[2]))
                .withMessage("query");
        assertThatNullPointerException()
                .isThrownBy(() -> kernel.similarities(new float[4], null, new float[2]))
                .withMessage("prepared");
        assertThatNullPointerException()
                .isThrownBy(() -> kernel.similarities(new float[4], prepared, null))
                .withMessage("out");
    }
}
