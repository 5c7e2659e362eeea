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

class MemoryDecayTest {

    /**
     * One rounding of a double result to float costs at most 6e-8 relative; 1e-6 leaves room.
     * Results below the smallest normal float lose relative precision, hence the absolute part.
     */
    private static final double RELATIVE_TOLERANCE = 1e-6;
    private static final double ABSOLUTE_TOLERANCE = Float.MIN_NORMAL;

    private static final float TAU = MemoryDecay.DEFAULT_TAU_SECONDS;

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 42L})
    void matchesDoubleReferenceWithinRelativeTolerance(long seed) {
        MemoryDecayInput in = MemoryDecayInput.random(seed, MemoryDecay.DEFAULT_ITEMS, 5 * TAU);

        assertMatchesReference(in, TAU);
    }

    @Test
    void matchesReferenceForAgesFarBeyondTau() {
        // exp(-age / tau) reaches the subnormal float range here: the hardest case for relative error.
        MemoryDecayInput in = MemoryDecayInput.random(3L, MemoryDecay.DEFAULT_ITEMS, 120 * TAU);

        assertMatchesReference(in, TAU);
    }

    @Test
    void ageZeroReturnsStrengthExactly() {
        float[] strength = {0f, 0.25f, 1f, 123.456f, -0.5f};

        float[] out = decay(new MemoryDecay(TAU), strength, new float[strength.length]);

        assertThat(out).containsExactly(strength);
    }

    @Test
    void ageEqualToTauLeavesOneOverE() {
        float[] out = decay(new MemoryDecay(TAU), new float[] {1f, 0.5f}, new float[] {TAU, TAU});

        assertThat((double) out[0]).isCloseTo(Math.exp(-1), within(1e-7));
        assertThat((double) out[1]).isCloseTo(0.5 * Math.exp(-1), within(1e-7));
    }

    @Test
    void veryLargeAgeReturnsZeroNotNaN() {
        float[] age = {1000 * TAU, Float.MAX_VALUE, Float.POSITIVE_INFINITY};

        float[] out = decay(new MemoryDecay(TAU), new float[] {1f, 1f, 1f}, age);

        assertThat(out).containsExactly(0f, 0f, 0f);
    }

    @Test
    void tinyTauDecaysEveryPositiveAgeToZeroAndKeepsAgeZero() {
        float[] out = decay(new MemoryDecay(Float.MIN_VALUE), new float[] {0.7f, 0.7f}, new float[] {0f, 1e-30f});

        assertThat(out).containsExactly(0.7f, 0f);
    }

    @Test
    void strengthDecreasesWithAge() {
        float[] age = {0f, 60f, 600f, 3600f, 36_000f};
        float[] strength = new float[age.length];
        Arrays.fill(strength, 1f);

        float[] out = decay(new MemoryDecay(TAU), strength, age);

        for (int i = 1; i < out.length; i++) {
            assertThat(out[i]).isLessThan(out[i - 1]);
        }
    }

    @Test
    void writesOnlyTheFirstNEntriesOfOut() {
        float[] out = {-7f, -7f, -7f};

        new MemoryDecay(TAU).decay(new float[] {1f, 1f}, new float[] {0f, 0f}, out);

        assertThat(out).containsExactly(1f, 1f, -7f);
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, -0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void rejectsTauThatIsNotFiniteAndPositive(float tau) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MemoryDecay(tau))
                .withMessage("tau must be finite and > 0 seconds, was: " + tau);
    }

    @Test
    void rejectsMismatchedLengths() {
        MemoryDecay kernel = new MemoryDecay(TAU);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.decay(new float[3], new float[2], new float[3]))
                .withMessage("ageSeconds length must equal strength length 3, was: 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> kernel.decay(new float[3], new float[3], new float[2]))
                .withMessage("out length must be >= strength length 3, was: 2");
        assertThatNullPointerException()
                .isThrownBy(() -> kernel.decay(new float[3], null, new float[3]))
                .withMessage("ageSeconds");
    }

    @Test
    void sameSeedGivesSameInputWithinDocumentedRanges() {
        MemoryDecayInput a = MemoryDecayInput.random(5L, 1000, 100f);
        MemoryDecayInput b = MemoryDecayInput.random(5L, 1000, 100f);

        assertThat(b.strength()).containsExactly(a.strength());
        assertThat(b.ageSeconds()).containsExactly(a.ageSeconds());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.strength()[i]).isGreaterThanOrEqualTo(0f).isLessThan(1f);
            assertThat(a.ageSeconds()[i]).isGreaterThanOrEqualTo(0f).isLessThan(100f);
        }
    }

    @Test
    void inputRejectsBadShapeAndBounds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MemoryDecayInput(new float[2], new float[3]))
                .withMessage("ageSeconds length must equal strength length 2, was: 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MemoryDecayInput.random(1L, -1, 1f))
                .withMessage("items must be >= 0, was: -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MemoryDecayInput.random(1L, 1, Float.NaN))
                .withMessage("maxAgeSeconds must be finite and >= 0, was: NaN");
    }

    @Test
    void allocatesNothingPerCall() {
        AllocationProbe probe = new AllocationProbe();
        assumeTrue(probe.isSupported(), "per-thread allocation counter unavailable");
        MemoryDecayInput in = MemoryDecayInput.random(1L, MemoryDecay.DEFAULT_ITEMS, 5 * TAU);
        MemoryDecay kernel = new MemoryDecay(TAU);
        float[] out = new float[in.size()];
        Runnable call = () -> kernel.decay(in.strength(), in.ageSeconds(), out);

        assertThat(probe.fewestBytesPerRound(call, 10, 20)).isZero();
    }

    private static float[] decay(MemoryDecay kernel, float[] strength, float[] age) {
        float[] out = new float[strength.length];
        kernel.decay(strength, age, out);
        return out;
    }

    private static void assertMatchesReference(MemoryDecayInput in, float tau) {
        float[] out = decay(new MemoryDecay(tau), in.strength(), in.ageSeconds());
        double[] expected = MemoryDecayReference.decay(in.strength(), in.ageSeconds(), tau);

        for (int i = 0; i < out.length; i++) {
            double tolerance = RELATIVE_TOLERANCE * Math.abs(expected[i]) + ABSOLUTE_TOLERANCE;
            assertThat((double) out[i]).as("item %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }
}
