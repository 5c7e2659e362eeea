package dev.perfgate.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two implementations behind {@link MemoryDecay}, tested directly: the Vector API class
 * (surefire runs with {@code --add-modules jdk.incubator.vector}) and the scalar fallback.
 */
class MemoryDecayPathsTest {

    private static final float TAU = MemoryDecay.DEFAULT_TAU_SECONDS;
    /** Not multiples of the vector width (8 with AVX2, 16 with AVX-512), plus the default size. */
    private static final int[] LENGTHS = {0, 1, 7, 8, 9, 15, 16, 17, 767, 769, 10_000};
    /** Ordinary, small, large and the two ends of the range the float algorithm supports. */
    private static final float[] TAUS = {TAU, 1f, 7e-3f, 1e-20f, 1e20f, 0x1p-100f, 0x1p100f};

    enum Path {
        VECTOR(tau -> new MemoryDecayVector(new MemoryDecayScalar(tau))),
        SCALAR(MemoryDecayScalar::new);

        private final Function<Float, MemoryDecay.Loop> factory;

        Path(Function<Float, MemoryDecay.Loop> factory) {
            this.factory = factory;
        }

        float[] decay(float tau, float[] strength, float[] ageSeconds) {
            float[] out = new float[strength.length];
            factory.apply(tau).decay(strength, ageSeconds, out);
            return out;
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void matchesDoublePrecisionOverTheBenchmarkAgesAndBeyondTheUnderflow(Path path) {
        // 5 tau: the benchmark's range; 87.3 tau: the factor reaches 2^-126; 120 tau: flushed to 0.
        for (float tau : TAUS) {
            for (float maxAgeInTau : new float[] {5f, 90f, 120f}) {
                MemoryDecayInput in = MemoryDecayInput.random(11L, 20_000, maxAgeInTau * tau);

                float[] out = path.decay(tau, in.strength(), in.ageSeconds());

                assertWithinTolerance(in, tau, out);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void matchesDoublePrecisionForLengthsThatAreNotMultiplesOfTheVectorWidth(Path path) {
        for (int length : LENGTHS) {
            MemoryDecayInput in = MemoryDecayInput.random(length, length, 100 * TAU);

            float[] out = path.decay(TAU, in.strength(), in.ageSeconds());

            assertThat(out).as("length %d", length).hasSize(length);
            assertWithinTolerance(in, TAU, out);
        }
    }

    @Test
    void vectorAndScalarGiveIdenticalBits() {
        Random random = new Random(12L);
        float[] special = {0f, -0f, Float.POSITIVE_INFINITY, Float.MAX_VALUE, Float.NaN, Float.MIN_VALUE};
        for (float tau : TAUS) {
            for (int length : LENGTHS) {
                float[] strength = new float[length];
                float[] age = new float[length];
                for (int i = 0; i < length; i++) {
                    strength[i] = random.nextInt(10) == 0 ? 1f : random.nextFloat();
                    age[i] = random.nextInt(10) == 0
                            ? special[random.nextInt(special.length)]
                            : 130 * tau * random.nextFloat();
                }

                float[] vector = Path.VECTOR.decay(tau, strength, age);
                float[] scalar = Path.SCALAR.decay(tau, strength, age);

                // float[] equality compares floatToIntBits, so NaN equals NaN and 0 differs from -0.
                assertThat(vector).as("tau %s, length %d", tau, length).containsExactly(scalar);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void ageZeroReturnsStrengthExactly(Path path) {
        float[] strength = {0f, -0f, 1f, 0.25f, 123.456f, -0.5f, Float.MIN_VALUE, Float.MIN_NORMAL,
            Float.MAX_VALUE, -Float.MAX_VALUE, 1e-30f, 3e38f, 0.1f, 0.2f, 0.3f, 0.7f, 0.9f};
        for (float tau : TAUS) {
            float[] out = path.decay(tau, strength, new float[strength.length]);

            assertThat(out).as("tau %s", tau).containsExactly(strength);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void veryLargeAgesGiveZeroNeverNaN(Path path) {
        for (float tau : TAUS) {
            float underflow = new MemoryDecayScalar(tau).maxAgeSeconds();
            float[] age = {Math.nextUp(underflow), 88 * tau, 100 * tau, 1000 * tau, 1e30f * tau,
                Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.MAX_VALUE};
            float[] strength = new float[age.length];
            Arrays.fill(strength, 1f);
            strength[strength.length - 2] = 0f;
            strength[strength.length - 1] = Float.MAX_VALUE;

            float[] out = path.decay(tau, strength, age);

            assertThat(out).as("tau %s", tau).containsOnly(0f);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void strengthZeroStaysZeroAndStrengthOneGivesTheFactor(Path path) {
        MemoryDecayInput ages = MemoryDecayInput.random(13L, 1000, 200 * TAU);
        float[] zeros = new float[ages.size()];
        float[] ones = new float[ages.size()];
        Arrays.fill(ones, 1f);

        assertThat(path.decay(TAU, zeros, ages.ageSeconds())).containsOnly(0f);
        float[] factor = path.decay(TAU, ones, ages.ageSeconds());
        assertWithinTolerance(new MemoryDecayInput(ones, ages.ageSeconds()), TAU, factor);
        for (float f : factor) {
            assertThat(f).isBetween(0f, 1f);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void agesAroundTheUnderflowStayWithinTolerance(Path path) {
        for (float tau : TAUS) {
            float underflow = new MemoryDecayScalar(tau).maxAgeSeconds();
            float[] age = new float[4001];
            age[0] = underflow;
            age[1] = Math.nextDown(underflow);
            age[2] = Math.nextUp(underflow);
            for (int i = 3; i < age.length; i++) {
                age[i] = underflow * (1 + (i - 2000) * 1e-5f);
            }
            float[] strength = new float[age.length];
            for (int i = 0; i < strength.length; i++) {
                strength[i] = i % 3 == 0 ? 1f : i % 3 == 1 ? 0.5f : 1e30f;
            }

            float[] out = path.decay(tau, strength, age);

            assertWithinTolerance(new MemoryDecayInput(strength, age), tau, out);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void negativeAgesGrowTheStrengthWhileTheFactorStaysBelow2To126(Path path) {
        for (float tau : TAUS) {
            float maxAge = new MemoryDecayScalar(tau).maxAgeSeconds();
            MemoryDecayInput in = MemoryDecayInput.random(14L, 5000, maxAge);
            float[] age = in.ageSeconds().clone();
            for (int i = 0; i < age.length; i++) {
                age[i] = -age[i];
            }
            MemoryDecayInput negative = new MemoryDecayInput(in.strength(), age);

            float[] out = path.decay(tau, negative.strength(), negative.ageSeconds());

            assertWithinTolerance(negative, tau, out);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void nanAgePropagates(Path path) {
        float[] age = new float[17];
        age[3] = Float.NaN;
        age[16] = Float.NaN;
        float[] strength = new float[17];
        Arrays.fill(strength, 1f);

        float[] out = path.decay(TAU, strength, age);

        assertThat(out[3]).isNaN();
        assertThat(out[16]).isNaN();
        assertThat(out[0]).isEqualTo(1f);
    }

    @Test
    void scalarVersionRejectsTauOutsideItsRange() {
        assertThat(MemoryDecayScalar.supportsTau(0x1p-100f)).isTrue();
        assertThat(MemoryDecayScalar.supportsTau(0x1p100f)).isTrue();
        assertThat(MemoryDecayScalar.supportsTau(Math.nextDown(0x1p-100f))).isFalse();
        assertThat(MemoryDecayScalar.supportsTau(Math.nextUp(0x1p100f))).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MemoryDecayScalar(Float.MIN_VALUE))
                .withMessage("tau must be between 2^-100 and 2^100 seconds for the float algorithm, was: 1.4E-45");
    }

    @Test
    void underflowAgeIsTheFirstFloatAtOrAbove126Ln2Tau() {
        for (float tau : TAUS) {
            float maxAge = new MemoryDecayScalar(tau).maxAgeSeconds();
            double underflow = 126 * Math.log(2) * tau;

            assertThat((double) maxAge).as("tau %s", tau).isGreaterThanOrEqualTo(underflow);
            assertThat((double) Math.nextDown(maxAge)).as("tau %s", tau).isLessThan(underflow);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void writesOnlyTheFirstNEntriesOfOut(Path path) {
        float[] out = new float[20];
        Arrays.fill(out, -7f);
        float[] strength = new float[17];
        Arrays.fill(strength, 1f);

        path.factory.apply(TAU).decay(strength, new float[17], out);

        assertThat(Arrays.copyOfRange(out, 0, 17)).containsOnly(1f);
        assertThat(Arrays.copyOfRange(out, 17, 20)).containsOnly(-7f);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void allocatesNothingPerCall(Path path) {
        AllocationProbe probe = new AllocationProbe();
        assumeTrue(probe.isSupported(), "per-thread allocation counter unavailable");
        MemoryDecayInput in = MemoryDecayInput.random(1L, MemoryDecay.DEFAULT_ITEMS + 5, 5 * TAU);
        MemoryDecay.Loop loop = path.factory.apply(TAU);
        float[] out = new float[in.size()];
        Runnable call = () -> loop.decay(in.strength(), in.ageSeconds(), out);

        // The vector path allocates until C2 has compiled it; the probe keeps the best round.
        assertThat(probe.fewestBytesPerRound(call, 10, 500)).isZero();
    }

    private static void assertWithinTolerance(MemoryDecayInput in, float tau, float[] out) {
        int bad = MemoryDecayExact.firstOutsideTolerance(in.strength(), in.ageSeconds(), tau, out);
        if (bad >= 0) {
            double exact = MemoryDecayExact.decay(new float[] {in.strength()[bad]}, new float[] {in.ageSeconds()[bad]}, tau)[0];
            assertThat(bad)
                    .as("tau %s: item %d, strength %s, age %s gave %s, exact %s, tolerance %s", tau, bad,
                            in.strength()[bad], in.ageSeconds()[bad], out[bad], exact,
                            MemoryDecayExact.tolerance(in.strength()[bad], exact))
                    .isNegative();
        }
    }
}
