package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfgate.kernels.reference.MemoryDecayReference;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryDecayTest {

    private static final float TAU = MemoryDecay.DEFAULT_TAU_SECONDS;

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 42L})
    void matchesDoublePrecisionWithinTolerance(long seed) {
        MemoryDecayInput in = MemoryDecayInput.random(seed, MemoryDecay.DEFAULT_ITEMS, 5 * TAU);

        assertMatchesExact(in, TAU);
    }

    @Test
    void matchesDoublePrecisionForAgesFarBeyondTau() {
        // exp(-age / tau) drops below the smallest normal float at 87.3 tau: the factor flushes to 0.
        MemoryDecayInput in = MemoryDecayInput.random(3L, MemoryDecay.DEFAULT_ITEMS, 120 * TAU);

        assertMatchesExact(in, TAU);
    }

    @Test
    void matchesTheReferenceLoopWithinTolerance() {
        MemoryDecayInput in = MemoryDecayInput.random(4L, MemoryDecay.DEFAULT_ITEMS, 5 * TAU);
        float[] expected = new float[in.size()];
        new MemoryDecayReference(TAU).decay(in.strength(), in.ageSeconds(), expected);

        float[] out = decay(new MemoryDecay(TAU), in.strength(), in.ageSeconds());

        for (int i = 0; i < out.length; i++) {
            // The reference is within one float rounding of the exact value.
            double tolerance = MemoryDecayExact.tolerance(in.strength()[i], expected[i]) + Math.ulp(expected[i]);
            assertThat(out[i]).as("item %d", i).isCloseTo(expected[i], within((float) tolerance));
        }
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

    @ParameterizedTest
    @ValueSource(floats = {Float.MIN_VALUE, 1e-40f, 1e-30f, 0x1p-100f, 0x1p100f, 1e35f, Float.MAX_VALUE})
    void matchesDoublePrecisionForExtremeTau(float tau) {
        // The float algorithm covers tau in [2^-100, 2^100]; beyond, the kernel runs the plain loop.
        float maxAge = Math.min(120 * tau, Float.MAX_VALUE);
        MemoryDecayInput in = MemoryDecayInput.random(6L, 1000, maxAge);

        assertMatchesExact(in, tau);
        assertThat(decay(new MemoryDecay(tau), new float[] {0.7f, 0.7f}, new float[] {0f, Float.POSITIVE_INFINITY}))
                .containsExactly(0.7f, 0f);
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

        // The vector path allocates until C2 has compiled it; the probe keeps the best round.
        assertThat(probe.fewestBytesPerRound(call, 10, 500)).isZero();
    }

    private static float[] decay(MemoryDecay kernel, float[] strength, float[] age) {
        float[] out = new float[strength.length];
        kernel.decay(strength, age, out);
        return out;
    }

    private static void assertMatchesExact(MemoryDecayInput in, float tau) {
        float[] out = decay(new MemoryDecay(tau), in.strength(), in.ageSeconds());
        double[] expected = MemoryDecayExact.decay(in.strength(), in.ageSeconds(), tau);

        for (int i = 0; i < out.length; i++) {
            double tolerance = MemoryDecayExact.tolerance(in.strength()[i], expected[i]);
            assertThat((double) out[i]).as("item %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }
}
