package dev.perfgate.kernels;

/**
 * The decay loop in scalar float code with an inlined {@code exp}: the fallback of
 * {@link MemoryDecay} without the Vector API, and the algorithm that {@link MemoryDecayVector}
 * applies lane by lane (it uses this class for its tail, so both give identical bits).
 *
 * <p>For one item with strength {@code s} and age {@code a}, {@code exp(-a / tau)} is written
 * as {@code 2^t} with {@code t = a * c}, {@code c = -1 / (tau ln 2)}:
 * <ol>
 *   <li>{@code c} is split into two floats, {@code c = hi + lo} (about 48 bits together), so
 *       that the rounding of {@code t} does not grow with the age: a single float {@code c}
 *       would cost {@code |t| * 2^-24} relative, 5e-6 near the underflow.</li>
 *   <li>{@code n = round(t)}: adding {@link #SHIFT} (1.5 * 2<sup>23</sup> + 127) leaves
 *       {@code n + 127} in the low mantissa bits of {@code y = a * hi + SHIFT}, so
 *       {@code y}'s bits shifted left by 23 are the float {@code 2^n} (a normal float for
 *       {@code n} in [-126, 127]).</li>
 *   <li>{@code r = (a * hi - n) + a * lo}, with |r| &lt;= 0.5; fused multiply-adds keep
 *       {@code a * hi - n} exact up to its final rounding.</li>
 *   <li>{@code 2^r = 1 + r (C1 + r (C2 + r (C3 + r (C4 + r C5))))}, a minimax polynomial
 *       on [-0.5, 0.5] (relative error 6.9e-8 in exact arithmetic, 2e-7 evaluated in
 *       float). Its constant term is exactly 1, so age 0 returns the strength exactly.</li>
 *   <li>{@code out = (s * 2^n) * 2^r}; {@code s * 2^n} is exact unless it is subnormal.</li>
 *   <li>Ages above {@link #maxAgeSeconds()} (126 ln 2 tau, where the factor drops below
 *       2<sup>-126</sup>) give 0, which also covers {@code +Infinity}; NaN ages stay NaN.</li>
 * </ol>
 * The result is within 3.1e-7 (relative) of the exact value while the factor is a normal
 * float, and within {@code max(1, |s|) * Float.MIN_NORMAL} below. The constants
 * {@code hi}, {@code lo} and the underflow age are computed once per {@code tau}; they fit a
 * float for {@code tau} in [2<sup>-100</sup>, 2<sup>100</sup>] seconds
 * ({@link #supportsTau(float)}).
 */
final class MemoryDecayScalar implements MemoryDecay.Loop {

    /** 1.5 * 2^23 + 127: rounds a float in (-2^22, 2^22) to an integer and adds the exponent bias. */
    static final float SHIFT = 0x1.8p23f + 127f;

    // Minimax coefficients of 2^r on [-0.5, 0.5] with the constant term fixed at 1, each
    // refitted after rounding the previous ones to float.
    static final float C1 = 0x1.62e41cp-1f;
    static final float C2 = 0x1.ebfa1ap-3f;
    static final float C3 = 0x1.c6bfe0p-5f;
    static final float C4 = 0x1.3cd108p-7f;
    static final float C5 = 0x1.59399ap-10f;

    private static final double LN_2 = Math.log(2);
    private static final float MIN_TAU = 0x1p-100f;
    private static final float MAX_TAU = 0x1p100f;

    private final float hi;
    private final float lo;
    private final float maxAgeSeconds;

    /**
     * Precomputes the constants for one time constant.
     *
     * @param tauSeconds time constant in seconds, {@link #supportsTau(float) supported}
     */
    MemoryDecayScalar(float tauSeconds) {
        if (!supportsTau(tauSeconds)) {
            throw new IllegalArgumentException("tau must be between 2^-100 and 2^100 seconds for the"
                    + " float algorithm, was: " + tauSeconds);
        }
        double c = -1.0 / (tauSeconds * LN_2);
        hi = (float) c;
        lo = (float) (c - hi);
        // The smallest float at or above 126 ln 2 tau: every larger age has a factor below 2^-126.
        double underflowAge = 126 * LN_2 * tauSeconds;
        float maxAge = (float) underflowAge;
        this.maxAgeSeconds = maxAge < underflowAge ? Math.nextUp(maxAge) : maxAge;
    }

    /** Whether the float constants of the algorithm fit for this {@code tau}. */
    static boolean supportsTau(float tauSeconds) {
        return tauSeconds >= MIN_TAU && tauSeconds <= MAX_TAU;
    }

    /** @return the high part of {@code -1 / (tau ln 2)} */
    float hi() {
        return hi;
    }

    /** @return the low part of {@code -1 / (tau ln 2)}, about {@code hi * 2^-25} */
    float lo() {
        return lo;
    }

    /** @return the largest age that is not flushed to 0, about 87.3 tau */
    float maxAgeSeconds() {
        return maxAgeSeconds;
    }

    @Override
    public void decay(float[] strength, float[] ageSeconds, float[] out) {
        decay(strength, ageSeconds, out, 0, strength.length);
    }

    /** Decays items {@code [from, to)}; the vector class uses it for the tail. */
    void decay(float[] strength, float[] ageSeconds, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            float age = ageSeconds[i];
            float y = Math.fma(age, hi, SHIFT);
            float r = Math.fma(age, hi, SHIFT - y);
            r = Math.fma(age, lo, r);
            float p = Math.fma(r, C5, C4);
            p = Math.fma(p, r, C3);
            p = Math.fma(p, r, C2);
            p = Math.fma(p, r, C1);
            p = Math.fma(p, r, 1f);
            float scale = Float.intBitsToFloat(Float.floatToRawIntBits(y) << 23);
            out[i] = age > maxAgeSeconds ? 0f : strength[i] * scale * p;
        }
    }
}
