package dev.perfgate.kernels;

import java.util.Objects;

/**
 * Exponential memory decay: each item's strength fades with its age,
 * <pre>
 *   out[i] = strength[i] * exp(-age[i] / tau)
 * </pre>
 * where {@code tau}, the time constant, is the age at which a strength has fallen to
 * {@code 1/e} (about 37%) of its value.
 *
 * <ul>
 *   <li>Units: ages and {@code tau} are in seconds (any unit works if both share it).</li>
 *   <li>Ranges: {@code tau} finite and {@code > 0}; ages {@code >= 0} including
 *       {@code +Infinity}; strengths finite, typically in [0, 1]. Age 0 returns the strength
 *       exactly; an age so large that the factor underflows returns 0, never NaN. Ages and
 *       strengths are not checked per item (that would cost a second pass): a negative age
 *       grows the strength, and NaN propagates.</li>
 *   <li>Accuracy: the factor is computed in double and the product rounded once to float, so
 *       results are within 1e-6 (relative) of a double-precision computation.</li>
 * </ul>
 *
 * <p>A call allocates nothing and only reads its inputs. Instances are immutable and
 * thread-safe; concurrent calls must use different {@code out} arrays.
 *
 * <pre>{@code
 * MemoryDecay decay = new MemoryDecay(3600f);          // tau = one hour
 * float[] out = new float[strength.length];
 * decay.decay(strength, ageSeconds, out);
 * }</pre>
 */
public final class MemoryDecay {

    /** Default time constant: one hour, in seconds. */
    public static final float DEFAULT_TAU_SECONDS = 3600f;

    /** Default number of items, the size the benchmark measures. */
    public static final int DEFAULT_ITEMS = 10_000;

    private final float tauSeconds;
    // Multiplying by -1/tau instead of dividing by tau keeps the per-item work to one multiply.
    private final double negativeInverseTau;

    /**
     * Creates a kernel with the given time constant.
     *
     * @param tauSeconds time constant in seconds, finite and {@code > 0}
     * @throws IllegalArgumentException if {@code tauSeconds} is not finite or not {@code > 0}
     */
    public MemoryDecay(float tauSeconds) {
        if (!(tauSeconds > 0f) || tauSeconds == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "tau must be finite and > 0 seconds, was: " + tauSeconds);
        }
        this.tauSeconds = tauSeconds;
        this.negativeInverseTau = -1.0 / tauSeconds;
    }

    /** @return the time constant in seconds, finite and {@code > 0} */
    public float tauSeconds() {
        return tauSeconds;
    }

    /**
     * Writes the decayed strength of every item into {@code out[0..n)}, where {@code n} is the
     * number of items; other entries of {@code out} are left untouched.
     *
     * @param strength strength of each item, finite
     * @param ageSeconds age of each item in seconds, {@code >= 0}; same length as {@code strength}
     * @param out receives the decayed strengths; at least {@code strength.length} long
     * @throws IllegalArgumentException if the lengths do not match
     * @throws NullPointerException if an array is null
     */
    public void decay(float[] strength, float[] ageSeconds, float[] out) {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(ageSeconds, "ageSeconds");
        Objects.requireNonNull(out, "out");
        int n = strength.length;
        if (ageSeconds.length != n) {
            throw new IllegalArgumentException("ageSeconds length must equal strength length "
                    + n + ", was: " + ageSeconds.length);
        }
        if (out.length < n) {
            throw new IllegalArgumentException(
                    "out length must be >= strength length " + n + ", was: " + out.length);
        }
        for (int i = 0; i < n; i++) {
            out[i] = (float) (strength[i] * Math.exp(ageSeconds[i] * negativeInverseTau));
        }
    }
}
